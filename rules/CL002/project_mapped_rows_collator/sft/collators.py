# Collators that tokenize the `text` column of the features they are given; labels mask padding by position.
import torch


class TextCollator:
    def __init__(self, tokenizer, max_length=2048):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __call__(self, features):
        texts = [feature["text"] for feature in features]
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")  # expect: CL002 "in column `text` of the rows `conversation_to_text` returns"
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = -100
        batch["labels"] = labels
        return batch


class RenderedTextCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, features):
        texts = [feature["text"] for feature in features]
        batch = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        batch["labels"] = torch.where(batch["attention_mask"] == 1, batch["input_ids"], -100)
        return batch
