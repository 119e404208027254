# `self(...)` that is not a processor's own call: a subclass that defines `__call__` itself, a class that is no
# processor, and a processor subclass that turns special tokens off.
from transformers import ProcessorMixin
from transformers.models.gemma3 import Gemma3Processor


class StrippingProcessor(Gemma3Processor):
    def __call__(self, text=None, images=None, **kwargs):
        text = [item.removeprefix("<bos>") for item in text]
        return super().__call__(text=text, images=images, **kwargs)

    def process_queries(self, queries):
        texts = [
            self.tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False) for q in queries
        ]
        return self(text=texts, return_tensors="pt")


class Scorer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, texts):
        return [len(text) for text in texts]

    def score(self, conversations):
        return self([self.tokenizer.apply_chat_template(c, tokenize=False) for c in conversations])


class PlainProcessor(ProcessorMixin):
    def process_queries(self, queries):
        texts = [
            self.tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False) for q in queries
        ]
        return self(text=texts, add_special_tokens=False, return_tensors="pt")
