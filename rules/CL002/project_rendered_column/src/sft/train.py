# A `src/` layout: the rendered column is tokenized again with special tokens (a second BOS), and the helper's
# returned prompt too.
from datasets import load_dataset
from transformers import AutoTokenizer

from sft.formatting import to_prompt, to_text

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
dataset = load_dataset("json", data_files="train.jsonl")["train"]
dataset = dataset.map(to_text, fn_kwargs={"tokenizer": tokenizer})


def tokenize(example):
    return tokenizer(example["text"], truncation=True, max_length=4096)  # expect: CL002 "stored in column `text` by `dataset.map(to_text"


def prompt_ids(example):
    return {"prompt_ids": tokenizer(to_prompt(example, tokenizer))["input_ids"]}  # expect: CL002 "returned by `to_prompt`"


dataset = dataset.map(tokenize)
