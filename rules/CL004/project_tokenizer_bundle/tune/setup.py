# Classes that own the tokenizer every stage uses: `TokenizerBundle` pads with the EOS token when the checkpoint
# has no pad token; `PaddedBundle` adds a pad token of its own.
from transformers import AutoTokenizer


class TokenizerBundle:
    def __init__(self, name, max_len=4096):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self.max_len = max_len


class PaddedBundle:
    def __init__(self, name, max_len=4096):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        if self.tokenizer.pad_token is None:
            self.tokenizer.add_special_tokens({"pad_token": "<|pad|>"})
        self.max_len = max_len


class ModelBundle:
    def __init__(self, name, model):
        self.model = model
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.tokenizer.pad_token = self.tokenizer.eos_token
