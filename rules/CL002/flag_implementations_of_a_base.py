# An evaluator knows its backend only as the module's abstract base class (`backend: Backend`); the subclass that
# implements `generate` tokenizes the prompt it is given with special tokens on, so a render handed to it gets a
# second BOS; so does a base class's template method that leaves `encode` to its subclasses.
from abc import ABC, abstractmethod

from transformers import AutoTokenizer


class Backend(ABC):
    @abstractmethod
    def generate(self, prompt: str) -> str: ...


class HFBackend(Backend):
    def __init__(self, model, name):
        self.model = model
        self.tokenizer = AutoTokenizer.from_pretrained(name)

    def generate(self, prompt: str) -> str:
        inputs = self.tokenizer(prompt, return_tensors="pt")
        return self.tokenizer.decode(self.model.generate(**inputs)[0])


class Evaluator:
    def __init__(self, backend: Backend, tokenizer):
        self.backend = backend
        self.tokenizer = tokenizer

    def run(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.backend.generate(prompt)  # expect: CL002 "through the helper `HFBackend.generate` (which implements `Backend.generate`)"


class Scorer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, text):
        raise NotImplementedError

    def score(self, messages):
        return self.encode(self.tokenizer.apply_chat_template(messages, tokenize=False))  # expect: CL002 "through the helper `PlainScorer.encode`"


class PlainScorer(Scorer):
    def encode(self, text):
        return self.tokenizer(text)["input_ids"]
