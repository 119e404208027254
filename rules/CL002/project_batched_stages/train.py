# The batches rendered in pipeline/formatting.py are tokenized here with special tokens on: a second BOS in every
# Llama 3 example.
from datasets import load_dataset
from transformers import AutoTokenizer

from pipeline.formatting import format_conversations

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


def tokenize(batch, tokenizer, max_seq_len=2048):
    encoded = tokenizer(batch["text"], truncation=True, max_length=max_seq_len)  # expect: CL002 "stored in column `text`"
    encoded["labels"] = [list(ids) for ids in encoded["input_ids"]]
    return encoded


def build(path, system_prompt):
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    raw = load_dataset("json", data_files=path, split="train")
    rendered = raw.map(
        format_conversations,
        fn_kwargs={"tokenizer": tokenizer, "system_prompt": system_prompt},
        batched=True,
        remove_columns=raw.column_names,
    )
    return rendered.map(tokenize, fn_kwargs={"tokenizer": tokenizer}, batched=True, remove_columns=["text"])
