# A factory of the module makes the `.map()` function that renders, and the rendered column is tokenized with
# special tokens off; a factory that only copies text makes rows without a render.
from datasets import load_dataset


def chat_formatter(tokenizer, column):
    def to_text(example):
        return {column: tokenizer.apply_chat_template(example["messages"], tokenize=False)}

    return to_text


def plain_formatter(column):
    def to_text(example):
        return {column: example["text"].strip()}

    return to_text


def build(tokenizer, path):
    rows = load_dataset(path, split="train").map(chat_formatter(tokenizer, "text"))
    return rows.map(lambda batch: tokenizer(batch["text"], add_special_tokens=False), batched=True)


def build_plain(tokenizer, path):
    rows = load_dataset(path, split="train").map(plain_formatter("body"))
    return rows.map(lambda batch: tokenizer(batch["body"]), batched=True)
