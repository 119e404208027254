# Collators built by factory functions: the training scripts import the factories, not the classes.
from dataclasses import dataclass
from typing import Any

IGNORE_INDEX = -100


@dataclass
class ValueMaskingCollator:
    tokenizer: Any

    def __call__(self, features):
        batch = self.tokenizer.pad(features, padding=True, return_tensors="pt")
        labels = batch["input_ids"].clone()
        labels[labels == self.tokenizer.pad_token_id] = IGNORE_INDEX
        batch["labels"] = labels
        return batch


@dataclass
class PositionMaskingCollator:
    tokenizer: Any

    def __call__(self, features):
        batch = self.tokenizer.pad(features, padding=True, return_tensors="pt")
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = IGNORE_INDEX
        batch["labels"] = labels
        return batch


def make_collator(tokenizer):
    collator = ValueMaskingCollator(tokenizer=tokenizer)
    return collator


def make_position_collator(tokenizer):
    return PositionMaskingCollator(tokenizer)
