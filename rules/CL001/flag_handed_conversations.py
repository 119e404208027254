# A base dataset hands its subclass's `encode` the conversation its `build_conversation` checks to end with the
# assistant's reply (`self.encode(self.build_conversation(row))`); the subclass renders it with the generation prompt.
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
        conversation = self.build_conversation(self.rows[idx])
        return self.encode(conversation)


class MultiTurnDataset(ConversationDataset):
    def encode(self, conv):
        text = self.tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)  # expect: CL001 "which `ConversationDataset.__getitem__` gives it from `self.build_conversation(...)`"
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return {"input_ids": ids, "labels": list(ids)}
