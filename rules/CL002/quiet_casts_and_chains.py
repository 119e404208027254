# The twins of flag_casts_and_chains.py: the same trails, with special tokens off or only counted.
import typing
from typing import cast


def cast_prompt(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt = typing.cast(str, prompt)
    return tokenizer(prompt, truncation=True, add_special_tokens=False)


def cast_a_document(example, tokenizer):
    # a plain document, never rendered by a chat template: its BOS is the only one
    text = cast("str", example["text"])
    return tokenizer(text)


def length_filter_by_attribute(examples, tokenizer, max_length):
    # the ids are only counted against a bound: one BOS more changes a count, not what is trained
    kept = []
    for example in examples:
        text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
        ids = tokenizer(text).input_ids
        if len(ids) > max_length:
            continue
        kept.append(example)
    return kept


def length_filter_on_device(examples, tokenizer, max_length):
    kept = []
    for example in examples:
        text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
        ids = tokenizer(text, return_tensors="pt")["input_ids"].to("cpu")
        if len(ids) > max_length:
            continue
        kept.append(example)
    return kept
