"""Prompt formatters, by name: a decorator stores each class in the registry beside them."""

from transformers import AutoTokenizer

FORMATTERS = {}


def register(name):
    def deco(cls):
        FORMATTERS[name] = cls
        return cls

    return deco


class PromptFormatter:
    def __init__(self, checkpoint):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)

    def format(self, sample):
        raise NotImplementedError


@register("plain")
class PlainFormatter(PromptFormatter):
    def format(self, sample):
        return f"Question: {sample['question']}\nAnswer:"


@register("chat")
class ChatFormatter(PromptFormatter):
    def format(self, sample):
        messages = [{"role": "user", "content": sample["question"]}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def encode(self, sample):
        messages = [{"role": "user", "content": sample["question"]}]
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=True)
