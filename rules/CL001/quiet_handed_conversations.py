# The twins: the subclass renders the handed conversation without the generation prompt, and a subclass that builds
# a prompt of its own (its `build_conversation` cuts the reply off) renders it with one.
class ConversationDataset:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def build_conversation(self, row):
        conv = [{"role": turn["role"], "content": turn["content"]} for turn in row["messages"]]
        if not conv or conv[-1]["role"] != "assistant":
            raise ValueError("conversation must end with an assistant turn")
        return conv

    def encode(self, conv):
        raise NotImplementedError

    def __getitem__(self, idx):
        return self.encode(self.build_conversation(self.rows[idx]))


class MultiTurnDataset(ConversationDataset):
    def encode(self, conv):
        text = self.tokenizer.apply_chat_template(conv, tokenize=False)
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return {"input_ids": ids, "labels": list(ids)}


class PromptDataset(ConversationDataset):
    def build_conversation(self, row):
        return row["messages"][:-1]

    def encode(self, conv):
        text = self.tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return {"input_ids": ids, "labels": [-100] * len(ids)}
