# trl's `maybe_apply_chat_template(example, tokenizer)` and `apply_chat_template(example, tokenizer)` return the
# example with the conversation rendered as text in `text` and the prompt rendered in `prompt`.
from datasets import load_dataset
from transformers import AutoTokenizer
from trl import apply_chat_template as render_example
from trl import maybe_apply_chat_template

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def tokenize_pair(example, tokenizer):
    row = maybe_apply_chat_template(example, tokenizer)
    chosen = tokenizer(row["prompt"] + row["chosen"], truncation=True)  # expect: CL002 "trl's `maybe_apply_chat_template(...)`"
    rejected = tokenizer(row["prompt"] + row["rejected"], truncation=True)  # expect: CL002 "trl's `maybe_apply_chat_template(...)`"
    return {"input_ids_chosen": chosen["input_ids"], "input_ids_rejected": rejected["input_ids"]}


def tokenize_text(example, tokenizer):
    text = render_example(example, tokenizer)["text"]
    ids = tokenizer(text, truncation=True)  # expect: CL002 "trl's `apply_chat_template(...)`"
    return {"input_ids": ids["input_ids"], "labels": ids["input_ids"]}


ds = load_dataset("json", data_files="chats.jsonl")["train"]
ds = ds.map(maybe_apply_chat_template, fn_kwargs={"tokenizer": tok})


def tokenize_column(example):
    out = tok(example["text"], truncation=True, max_length=2048)  # expect: CL002 "stored in column `text`"
    out["labels"] = list(out["input_ids"])
    return out


ds = ds.map(tokenize_column, remove_columns=ds.column_names)


def tokenize_prompt(example, tokenizer, is_encoder_decoder):
    row = maybe_apply_chat_template(example, tokenizer)
    if is_encoder_decoder:
        return tokenizer(row["prompt"], text_target=row["completion"])
    return tokenizer(row["prompt"], truncation=True)  # expect: CL002 "`row[\"prompt\"]` is rendered by trl's"
