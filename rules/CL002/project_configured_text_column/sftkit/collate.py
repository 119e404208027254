# Collators of the `text` column: special tokens on (the first), or off (the second).
from dataclasses import dataclass
from typing import Any


@dataclass
class TextCollator:
    tokenizer: Any
    max_length: int = 4096

    def __call__(self, features):
        batch = self.tokenizer([f["text"] for f in features], padding=True, truncation=True, return_tensors="pt")  # expect: CL002 "in column `text` of the dataset `load_chat_dataset` returns"
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = -100
        batch["labels"] = labels
        return batch


@dataclass
class RenderedTextCollator:
    tokenizer: Any

    def __call__(self, features):
        texts = [f["text"] for f in features]
        return self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
