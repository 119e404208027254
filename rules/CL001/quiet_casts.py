# The twins of flag_casts.py: the cast conversation is a prompt, or the header is off.
import typing
from typing import cast


def collate(examples, tokenizer):
    texts = []
    for example in examples:
        messages = typing.cast(list, example["messages"])
        texts.append(tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=False))
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


def render_prompt(example, tokenizer):
    conversation = cast("list[dict]", example["messages"][:-1])
    text = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return {"prompt": text}
