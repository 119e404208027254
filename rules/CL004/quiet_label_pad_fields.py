# The twin of flag_label_pad_fields.py: the field named for the masked labels' value fills padding found by position
# (the attention mask), so the real EOS targets stay trained.
from dataclasses import dataclass
from typing import Any

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
if tokenizer.pad_token is None:
    tokenizer.pad_token = tokenizer.eos_token


@dataclass
class PaddingCollator:
    tokenizer: Any
    label_pad: int = -100

    def __call__(self, features):
        batch = self.tokenizer.pad(features, padding=True, return_tensors="pt")
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = self.label_pad
        batch["labels"] = labels
        return batch


collator = PaddingCollator(tokenizer)
