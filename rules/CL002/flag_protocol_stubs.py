# A module that types the tokenizer it is handed with a `Protocol` of its own: the protocol's `apply_chat_template`
# declares the signature and renders nothing (a stub, not a fake template of the module's tests), so the runner's
# render is the real tokenizer's, and tokenizing it again doubles the BOS.
from typing import Any, Protocol


class TokenizerProtocol(Protocol):
    chat_template: str | None

    def apply_chat_template(self, messages: list[dict[str, str]], *, add_generation_prompt: bool, tokenize: bool) -> str: ...

    def __call__(self, text: str, *, return_tensors: str) -> Any: ...


class ModelRunner:
    def __init__(self, model: Any, tokenizer: TokenizerProtocol, device: str = "cuda"):
        self.model = model
        self.tokenizer = tokenizer
        self.device = device

    def generate(self, messages: list[dict[str, str]]) -> str:
        prompt = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        inputs = self.tokenizer(prompt, return_tensors="pt").to(self.device)  # expect: CL002 "`prompt` is rendered by `self.tokenizer.apply_chat_template(..., tokenize=False)`"
        return self.model.generate(**inputs)
