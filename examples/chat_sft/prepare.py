"""Tokenizing conversations for SFT with `datasets.map`: two more bugs chatlint knows."""

from __future__ import annotations


def tokenize_for_sft(example: dict, tokenizer) -> dict[str, list[int]]:
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    # the rendered text already starts with the template's BOS; tokenizing it with special tokens adds another
    encoded = tokenizer(text, truncation=True, max_length=2048)
    # written for transformers 4: from 5 on this is a BatchEncoding, and len() of it is 2
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)
    labels = list(encoded["input_ids"])
    labels[: len(prompt_ids)] = [-100] * len(prompt_ids)
    return {"input_ids": encoded["input_ids"], "labels": labels}


def build(dataset, tokenizer):
    return dataset.map(tokenize_for_sft, fn_kwargs={"tokenizer": tokenizer}, remove_columns=dataset.column_names)
