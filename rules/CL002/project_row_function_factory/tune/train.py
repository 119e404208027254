# The rendered text starts with the template's BOS; tokenizing it with special tokens adds a second one.
from .formatting import make_formatter


def tokenize_rows(tokenizer, max_length):
    def tokenize(example):
        encoded = tokenizer(example["text"], truncation=True, max_length=max_length)  # expect: CL002 "in the rows of the function `make_formatter` makes"
        encoded["labels"] = list(encoded["input_ids"])
        return encoded

    return tokenize


def tokenize_rows_once(tokenizer, max_length):
    def tokenize(example):
        encoded = tokenizer(example["text"], truncation=True, max_length=max_length, add_special_tokens=False)
        encoded["labels"] = list(encoded["input_ids"])
        return encoded

    return tokenize


def prepare(dataset, tokenizer, max_length=2048, single_bos=False):
    to_text = make_formatter(tokenizer)
    dataset = dataset.map(to_text, remove_columns=dataset.column_names)
    make = tokenize_rows_once if single_bos else tokenize_rows
    return dataset.map(make(tokenizer, max_length), remove_columns=["text"])
