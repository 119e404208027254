# The twins of flag_tokenizer_partials.py: a partial that turns special tokens off, a call that does, and a partial
# of something that is not a tokenizer.
import functools
import json


class Judge:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, conversations):
        texts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        tokenize = functools.partial(self.tokenizer, return_tensors="pt", add_special_tokens=False)
        return tokenize(texts)

    def encode_call(self, conversations):
        texts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        tokenize = functools.partial(self.tokenizer, return_tensors="pt")
        return tokenize(texts, add_special_tokens=False)

    def dump(self, conversations):
        texts = [self.tokenizer.apply_chat_template(c, tokenize=False) for c in conversations]
        write = functools.partial(json.dumps, indent=2)
        return write(texts)
