from .base import ConversationDataset


class ChatSFTDataset(ConversationDataset):
    def encode(self, conv):
        text = self.tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)  # expect: CL001 "`ConversationDataset.__getitem__` (mtsft/base.py:27) gives it from `self.build_conversation(...)`"
        ids = self.tokenizer(text, add_special_tokens=False, truncation=True, max_length=self.max_length)["input_ids"]
        return {"input_ids": ids, "labels": list(ids)}


class ClosedSFTDataset(ConversationDataset):
    def encode(self, conv):
        text = self.tokenizer.apply_chat_template(conv, tokenize=False)
        ids = self.tokenizer(text, add_special_tokens=False, truncation=True, max_length=self.max_length)["input_ids"]
        return {"input_ids": ids, "labels": list(ids)}


class PromptOnlyDataset(ConversationDataset):
    def build_conversation(self, row):
        return [{"role": "user", "content": row["question"]}]

    def encode(self, conv):
        text = self.tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return {"input_ids": ids, "labels": [-100] * len(ids)}
