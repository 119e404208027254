# Rows with the rendered conversation, its prompt without the assistant header, and its prompt with it.
from datasets import load_dataset

from .chat import render


def attach_text(example, processor):
    messages = [
        {"role": "user", "content": [{"type": "image"}, {"type": "text", "text": example["question"]}]},
        {"role": "assistant", "content": [{"type": "text", "text": example["answer"]}]},
    ]
    example["text"] = render(processor, messages)
    example["prompt"] = render(processor, messages[:-1])
    example["prompt_with_header"] = render(processor, messages[:-1], add_generation_prompt=True)
    return example


def load_split(name, processor, split="train"):
    rows = load_dataset(name, split=split)
    return rows.map(attach_text, fn_kwargs={"processor": processor})
