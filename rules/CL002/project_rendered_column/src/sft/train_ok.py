# The same column tokenized without special tokens, and a plain-text column that never went through the template:
# quiet.
from datasets import load_dataset
from transformers import AutoTokenizer

from sft.formatting import to_text

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
dataset = load_dataset("json", data_files="train.jsonl")["train"]
dataset = dataset.map(to_text, fn_kwargs={"tokenizer": tokenizer})


def tokenize(example):
    return tokenizer(example["text"], truncation=True, add_special_tokens=False)


def tokenize_document(example):
    return tokenizer(example["document"], truncation=True)
