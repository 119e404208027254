# A collator that masks labels by value: right as long as padding is its own token.
import torch


class ChatCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, batch):
        encoded = self.tokenizer([row["text"] for row in batch], padding=True, return_tensors="pt")
        labels = encoded["input_ids"].clone()
        labels[labels == self.tokenizer.pad_token_id] = -100
        encoded["labels"] = labels
        return encoded


def position_collate(batch, tokenizer):
    encoded = tokenizer([row["text"] for row in batch], padding=True, return_tensors="pt")
    encoded["labels"] = encoded["input_ids"].masked_fill(encoded["attention_mask"] == 0, -100)
    return encoded


def lengths(batch):
    return torch.tensor([len(row["text"]) for row in batch])
