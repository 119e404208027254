# The bases render and hand the text to the method their subclasses implement: `HFBackend.generate` tokenizes it with
# special tokens on (a second BOS); `TokenScorer.score` turns them off.
from abc import ABC, abstractmethod


class ChatBackend(ABC):
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    @abstractmethod
    async def generate(self, prompt, max_tokens=256): ...

    async def chat(self, messages, max_tokens=256):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return await self.generate(prompt, max_tokens=max_tokens)  # expect: CL002 "through the helper `HFBackend.generate` (backends/hf.py:"

    async def complete(self, text, max_tokens=256):
        return await self.generate(text, max_tokens=max_tokens)


class Scorer(ABC):
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    @abstractmethod
    def score(self, prompt): ...

    def rate(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.score(prompt)


def build_backend(kind: str, tokenizer, model) -> ChatBackend:
    if kind == "hf":
        from .hf import HFBackend

        return HFBackend(tokenizer, model)
    raise ValueError(f"unknown backend {kind!r}")


def build_scorer(kind: str, tokenizer, model) -> "Scorer":
    if kind == "tokens":
        from .scoring import TokenScorer

        return TokenScorer(tokenizer, model)
    raise ValueError(f"unknown scorer {kind!r}")
