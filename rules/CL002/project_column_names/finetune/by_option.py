# The column is named by a command-line option with a default: a second BOS.
import argparse

from datasets import load_dataset
from transformers import AutoTokenizer

from finetune.columns import render_rows


def options():
    parser = argparse.ArgumentParser()
    parser.add_argument("--text-key", default="chat_text")
    parser.add_argument("--model", default="meta-llama/Llama-3.2-1B-Instruct")
    return parser.parse_args()


def main():
    opts = options()
    tok = AutoTokenizer.from_pretrained(opts.model)
    ds = load_dataset("json", data_files="chats.jsonl", split="train").map(render_rows, fn_kwargs={"tok": tok})

    def encode(example):
        return tok(example[opts.text_key])  # expect: CL002 "(`opts.text_key` defaults to \"chat_text\")"

    return ds.map(encode)


def unknown_column(column_from_yaml):
    # the column's name is known only at run time: nothing to say
    tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-1B-Instruct")
    ds = load_dataset("json", data_files="chats.jsonl", split="train").map(render_rows, fn_kwargs={"tok": tok})
    return ds.map(lambda example: tok(example[column_from_yaml]))
