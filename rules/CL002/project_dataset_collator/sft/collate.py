# Collators that tokenize the `text` column of the examples they are given; labels mask padding by position.
from dataclasses import dataclass
from typing import Any


@dataclass
class TextCollator:
    tokenizer: Any
    max_length: int = 4096

    def __call__(self, examples):
        texts = [example["text"] for example in examples]
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")  # expect: CL002 "in column `text` of the dataset `load_text_dataset` returns"
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = -100
        batch["labels"] = labels
        return batch


@dataclass
class EvalCollator:
    tokenizer: Any

    def __call__(self, examples):
        texts = [example["text"] for example in examples]
        return self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
