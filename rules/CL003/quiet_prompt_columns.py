# Prompt columns a later `.map()` measures, done right or not masking: rendered with the generation prompt; the
# header added by hand before it is stored (the column is not the render alone); measured only to filter; a prompt
# column of a dataset this module did not fill.
from datasets import load_dataset

IGNORE_INDEX = -100


def render_example(example, tokenizer):
    return {
        "prompt_text": tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True, tokenize=False),
        "full_text": tokenizer.apply_chat_template(example["messages"], tokenize=False),
    }


def render_with_header(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)
    return {
        "prompt_text": prompt + "<|im_start|>assistant\n",
        "full_text": tokenizer.apply_chat_template(example["messages"], tokenize=False),
    }


def tokenize_example(example, tokenizer):
    prompt_ids = tokenizer(example["prompt_text"], add_special_tokens=False)["input_ids"]
    encoded = tokenizer(example["full_text"], add_special_tokens=False)
    labels = list(encoded["input_ids"])
    labels[: len(prompt_ids)] = [IGNORE_INDEX] * len(prompt_ids)
    return {"input_ids": encoded["input_ids"], "labels": labels}


def build(tokenizer, with_header):
    dataset = load_dataset("json", data_files="chats.jsonl", split="train")
    if with_header:
        dataset = dataset.map(render_with_header, fn_kwargs={"tokenizer": tokenizer})
    else:
        dataset = dataset.map(render_example, fn_kwargs={"tokenizer": tokenizer})
    return dataset.map(tokenize_example, fn_kwargs={"tokenizer": tokenizer})


def render_prompt(row, tokenizer):
    return {"prompt": tokenizer.apply_chat_template(row["messages"][:-1], tokenize=False)}


def short_enough(row, tokenizer):
    return len(tokenizer(row["prompt"], add_special_tokens=False).input_ids) < 512


def filtered(rows, tokenizer):
    return rows.map(render_prompt, fn_kwargs={"tokenizer": tokenizer}).filter(short_enough, fn_kwargs={"tokenizer": tokenizer})


def mask_completion(row, tokenizer):
    start = len(tokenizer(row["prompt"], add_special_tokens=False).input_ids)
    ids = tokenizer(row["prompt"] + row["completion"], add_special_tokens=False).input_ids
    return {"input_ids": ids, "labels": [IGNORE_INDEX] * start + ids[start:]}


def prompt_completion(tokenizer):
    pairs = load_dataset("json", data_files="pairs.jsonl", split="train")
    return pairs.map(mask_completion, fn_kwargs={"tokenizer": tokenizer})
