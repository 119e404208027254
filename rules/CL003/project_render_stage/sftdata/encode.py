from .config import Columns

IGNORE_INDEX = -100


def encode_row(example, tokenizer, columns: Columns, max_length: int):
    prompt_ids = tokenizer(example[columns.prompt_text], add_special_tokens=False)["input_ids"]
    encoded = tokenizer(example[columns.full_text], add_special_tokens=False, truncation=True, max_length=max_length)
    labels = list(encoded["input_ids"])
    n_prompt = min(len(prompt_ids), len(labels))
    labels[:n_prompt] = [IGNORE_INDEX] * n_prompt
    return {"input_ids": encoded["input_ids"], "labels": labels}


def add_token_columns(dataset, tokenizer, columns: Columns, max_length: int = 4096):
    dataset = dataset.map(
        encode_row,
        fn_kwargs={"tokenizer": tokenizer, "columns": columns, "max_length": max_length},
        remove_columns=[columns.prompt_text, columns.full_text],
    )
    return dataset.filter(lambda row: any(label != IGNORE_INDEX for label in row["labels"]))
