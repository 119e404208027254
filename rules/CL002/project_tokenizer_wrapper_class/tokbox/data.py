"""Conversation datasets for adapter training."""

import json

from torch.utils.data import Dataset

from .tokenizer import ChatTokenizer, LegacyTokenizer


class ConversationDataset(Dataset):
    def __init__(self, path: str, tokenizer: ChatTokenizer, max_length: int) -> None:
        with open(path) as handle:
            self.conversations = [json.loads(line)["messages"] for line in handle if line.strip()]
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __len__(self) -> int:
        return len(self.conversations)

    def __getitem__(self, index: int) -> list[int]:
        text = self.tokenizer.apply_chat_template(self.conversations[index])
        return self.tokenizer.encode(text)[: self.max_length]


class LegacyConversationDataset(Dataset):
    def __init__(self, path: str, tokenizer: LegacyTokenizer, max_length: int) -> None:
        with open(path) as handle:
            self.conversations = [json.loads(line)["messages"] for line in handle if line.strip()]
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __len__(self) -> int:
        return len(self.conversations)

    def __getitem__(self, index: int) -> list[int]:
        text = self.tokenizer.apply_chat_template(self.conversations[index])
        return self.tokenizer.encode(text)[: self.max_length]  # expect: CL002 "for chat templates that begin with one"
