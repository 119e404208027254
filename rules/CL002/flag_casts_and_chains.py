# The rendered text keeps its trail through `typing.cast`, and ids kept under a name through `.input_ids`,
# `["input_ids"]` or `.to(device)` are still training data, not a count.
import typing
from typing import cast


def cast_prompt(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt = typing.cast(str, prompt)
    return tokenizer(prompt, truncation=True)  # expect: CL002 "`prompt` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"


def cast_forward_reference(example, tokenizer):
    text = cast("str", tokenizer.apply_chat_template(example["messages"], tokenize=False))
    return tokenizer(text)  # expect: CL002 "`text` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"


def ids_by_attribute(examples, tokenizer):
    rows = []
    for example in examples:
        text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
        ids = tokenizer(text).input_ids  # expect: CL002 "tokenizing it again with special tokens"
        if len(ids) > 4096:
            continue
        rows.append({"input_ids": ids, "labels": list(ids)})
    return rows


def ids_moved_to_device(example, tokenizer, device):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    ids = tokenizer(text, return_tensors="pt")["input_ids"].to(device)  # expect: CL002 "adds a second BOS"
    return {"input_ids": ids, "labels": ids.clone()}


def prompt_length_kept(example, tokenizer):
    # the length is kept beyond a comparison: it may mask labels elsewhere, so the second BOS matters
    text = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    ids = tokenizer(text)["input_ids"]  # expect: CL002 "tokenizing it again with special tokens"
    prompt_len = len(ids)
    example["prompt_len"] = prompt_len
    return prompt_len < 4096


def truncated_on_device(example, tokenizer, max_len, device):
    # measured, and then trained on: not only counted
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    ids = tokenizer(text, return_tensors="pt")["input_ids"].to(device)  # expect: CL002 "`text` is rendered by"
    if ids.shape[-1] > max_len:
        ids = ids[:, :max_len]
    return {"input_ids": ids, "labels": ids.clone()}


def str_of_a_render(messages, tokenizer):
    # `str(...)` and ftfy's `fix_text(...)` return the same text, BOS and all
    prompt = str(tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))
    return tokenizer(prompt)  # expect: CL002 "`prompt` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"


def fixed_text(messages, tokenizer):
    from ftfy import fix_text

    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    prompt = fix_text(prompt)
    return tokenizer.encode(prompt)  # expect: CL002 "`prompt` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
