from .encoding import prompt_tokens


def build(tokenizer, example, max_prompt=512):
    ids = prompt_tokens(tokenizer, example["turns"])  # expect: CL005 "through the wrapper `prompt_tokens` (prep/encoding.py:6)"
    ids = ids[-max_prompt:]
    return {"input_ids": ids, "labels": [-100] * len(ids)}


def build_as_list(tokenizer, example, max_prompt=512):
    ids = prompt_tokens(tokenizer, example["turns"], return_dict=False)
    ids = ids[-max_prompt:]
    return {"input_ids": ids, "labels": [-100] * len(ids)}


def build_with_options(tokenizer, example, options):
    # the caller's options may hold `return_dict=False`: not known here
    ids = prompt_tokens(tokenizer, example["turns"], **options)
    return {"input_ids": ids, "labels": [-100] * len(ids)}


def build_batch(tokenizer, example):
    encoded = prompt_tokens(tokenizer, example["turns"])
    return {"input_ids": encoded["input_ids"], "attention_mask": encoded["attention_mask"]}
