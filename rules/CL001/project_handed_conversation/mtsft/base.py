from torch.utils.data import Dataset

ROLES = {"human": "user", "gpt": "assistant", "user": "user", "assistant": "assistant", "system": "system"}


class ConversationDataset(Dataset):
    def __init__(self, rows, tokenizer, max_length=2048):
        self.rows = rows
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __len__(self):
        return len(self.rows)

    def build_conversation(self, row):
        conv = []
        for turn in row["conversations"]:
            conv.append({"role": ROLES[turn["from"]], "content": turn["value"]})
        if not conv or conv[-1]["role"] != "assistant":
            raise ValueError("conversation must end with an assistant turn")
        return conv

    def encode(self, conv):
        raise NotImplementedError

    def __getitem__(self, idx):
        return self.encode(self.build_conversation(self.rows[idx]))
