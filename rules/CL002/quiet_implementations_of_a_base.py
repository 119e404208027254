# The twins: the subclass implementing the abstract `generate` tokenizes without special tokens; a base class that
# implements `generate` itself (a subclass overriding it is not what the code shows running).
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
        inputs = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
        return self.tokenizer.decode(self.model.generate(**inputs)[0])


class EchoBackend:
    def generate(self, prompt: str) -> str:
        return prompt


class TokenizingEcho(EchoBackend):
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def generate(self, prompt: str) -> str:
        return str(self.tokenizer(prompt)["input_ids"])


class Evaluator:
    def __init__(self, backend: Backend, echo: EchoBackend, tokenizer):
        self.backend = backend
        self.echo = echo
        self.tokenizer = tokenizer

    def run(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.backend.generate(prompt), self.echo.generate(prompt)
