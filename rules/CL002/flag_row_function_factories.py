# A factory of the module makes the `.map()` function that renders (called by name, or picked from a registry a
# decorator fills): its rows hold the render, and tokenizing that column again with special tokens adds a second BOS.
from datasets import load_dataset

FORMATTERS = {}


def formatter(name):
    def register(factory):
        FORMATTERS[name] = factory
        return factory

    return register


@formatter("chat")
def chat_formatter(tokenizer, column):
    def to_text(example):
        return {column: tokenizer.apply_chat_template(example["messages"], tokenize=False)}

    return to_text


@formatter("plain")
def plain_formatter(tokenizer, column):
    def to_text(example):
        return {column: example["text"]}

    return to_text


def build(tokenizer, path):
    rows = load_dataset(path, split="train").map(chat_formatter(tokenizer, "text"))
    return rows.map(lambda batch: tokenizer(batch["text"]), batched=True)  # expect: CL002 "in the rows of the function `chat_formatter` makes"


def build_configured(tokenizer, path, style):
    to_text = FORMATTERS[style](tokenizer, "text")
    rows = load_dataset(path, split="train").map(to_text)
    return rows.map(lambda batch: tokenizer(batch["text"]), batched=True)  # expect: CL002 "on at least one path"
