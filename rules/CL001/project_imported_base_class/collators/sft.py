# Subclasses of a collator imported from another module, calling its rendering method on full conversations that
# become training labels: with the generation prompt (a stray assistant header, CL001), and tokenized again with
# special tokens (a second BOS, CL002).
from collators import base as collator_base
from collators.base import BaseCollator


class SFTCollator(BaseCollator):
    def __call__(self, batch):
        texts = [self.render(example["messages"], True) for example in batch]  # expect: CL001 "through the wrapper `BaseCollator.render` (collators/base.py:10)"
        encoded = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        encoded["labels"] = encoded["input_ids"].clone()
        return encoded


class DoubleBosCollator(BaseCollator):
    def __call__(self, batch):
        texts = [self.render(example["messages"]) for example in batch]
        encoded = self.tokenizer(texts, padding=True, return_tensors="pt")  # expect: CL002 "the wrapper `BaseCollator.render` (collators/base.py:10)"
        encoded["labels"] = encoded["input_ids"].clone()
        return encoded


class ModuleBaseCollator(collator_base.BaseCollator):
    def __call__(self, batch):
        texts = [self.render(example["messages"], add_generation_prompt=True) for example in batch]  # expect: CL001 "through the wrapper `BaseCollator.render`"
        encoded = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        encoded["labels"] = encoded["input_ids"].clone()
        return encoded
