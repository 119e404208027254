# Features for supervised fine-tuning: the prompt's tokens are masked out of the labels.
from sft.templates import split_render, split_row

IGNORE_INDEX = -100


def build_features(tokenizer, conversations):
    pairs = [split_render(tokenizer, conversation) for conversation in conversations]  # expect: CL003 "through the helper `split_render`"
    prompts, fulls = zip(*pairs)
    prompt_rows = tokenizer(list(prompts), add_special_tokens=False)["input_ids"]
    rows = tokenizer(list(fulls), add_special_tokens=False)["input_ids"]
    return [
        {"input_ids": ids, "labels": [IGNORE_INDEX] * len(prompt_ids) + ids[len(prompt_ids) :]}
        for prompt_ids, ids in zip(prompt_rows, rows)
    ]


def build_row(tokenizer, example):
    prompt, full = split_row(tokenizer, example)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": [IGNORE_INDEX] * len(prompt_ids) + ids[len(prompt_ids) :]}
