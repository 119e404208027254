# The value masked labels get may be a field named for it (`self.label_pad`, `label_pad_value`), not a literal -100:
# labels equal to the pad id, which is the EOS id, still lose every real EOS target.
from dataclasses import dataclass
from typing import Any

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
if tokenizer.pad_token is None:
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`labels[labels == self.tokenizer.pad_token_id] = self.label_pad`"


@dataclass
class PaddingCollator:
    tokenizer: Any
    label_pad: int = -100

    def __call__(self, features):
        batch = self.tokenizer.pad(features, padding=True, return_tensors="pt")
        labels = batch["input_ids"].clone()
        labels[labels == self.tokenizer.pad_token_id] = self.label_pad
        batch["labels"] = labels
        return batch


collator = PaddingCollator(tokenizer)
