# Prompt formatters, chosen by name: the chat formatter renders the model's chat template as text (which begins with
# the template's BOS for Llama 3), the plain one joins the turns.
from abc import ABC, abstractmethod

FORMATTERS: dict[str, type["PromptFormatter"]] = {}


def register(name):
    def decorate(cls):
        FORMATTERS[name] = cls
        return cls

    return decorate


class PromptFormatter(ABC):
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    @abstractmethod
    def format(self, messages: list[dict]) -> str: ...


@register("chat")
class ChatFormatter(PromptFormatter):
    def format(self, messages: list[dict]) -> str:
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


@register("plain")
class PlainFormatter(PromptFormatter):
    def format(self, messages: list[dict]) -> str:
        return "\n".join(f"{m['role']}: {m['content']}" for m in messages) + "\nassistant:"


def build_formatter(name: str, tokenizer) -> PromptFormatter:
    return FORMATTERS[name](tokenizer)
