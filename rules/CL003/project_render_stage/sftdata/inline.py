from datasets import load_dataset

from .config import Columns
from .render import render_row

IGNORE_INDEX = -100


def mask_row(example, tokenizer, columns: Columns):
    prompt_ids = tokenizer(example[columns.prompt_text], add_special_tokens=False).input_ids
    ids = tokenizer(example[columns.full_text], add_special_tokens=False).input_ids
    return {"input_ids": ids, "labels": [IGNORE_INDEX] * len(prompt_ids) + ids[len(prompt_ids) :]}  # expect: CL003 "`conversation[:-1]`, which stops before the reply"


def build_inline(path, tokenizer, columns: Columns):
    dataset = load_dataset("json", data_files=path, split="train")
    dataset = dataset.map(render_row, fn_kwargs={"tokenizer": tokenizer, "columns": columns})
    return dataset.map(mask_row, fn_kwargs={"tokenizer": tokenizer, "columns": columns})
