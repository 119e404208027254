# Chat conversations rendered to text, one `text` column per example.
from functools import partial

from datasets import load_dataset


def to_text(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


def load_text_dataset(tokenizer, name, split="train"):
    dataset = load_dataset(name, split=split)
    return dataset.map(partial(to_text, tokenizer=tokenizer), remove_columns=dataset.column_names)
