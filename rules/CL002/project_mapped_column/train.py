# The rendered column is tokenized again by functions of another module that `.map()` is handed (through a partial,
# a lambda, or by name with its arguments in `fn_kwargs`): a second BOS in every training sequence.
from functools import partial

from datasets import load_dataset
from transformers import AutoTokenizer

from chatdata import Options, render_rows, tokenize, tokenize_with

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def build(split="train"):
    opts = Options()
    tok = AutoTokenizer.from_pretrained(CHECKPOINT)
    raw = load_dataset("json", data_files="chats.jsonl", split=split)
    rendered = raw.map(partial(render_rows, tok=tok, opts=opts), remove_columns=raw.column_names)
    return rendered.map(partial(tokenize, tok=tok, opts=opts))  # expect: CL002 "column `formatted` of `rendered`"


def build_lambda(tok, opts):
    raw = load_dataset("json", data_files="chats.jsonl", split="train")
    rendered = raw.map(lambda row: render_rows(row, tok, opts))
    return rendered.map(lambda row: tokenize_with(row, tok))  # expect: CL002 "through the helper `tokenize_with`"


def build_by_name(tok, opts):
    raw = load_dataset("json", data_files="chats.jsonl", split="train")
    rendered = raw.map(render_rows, fn_kwargs={"tok": tok, "opts": opts})
    return rendered.map(tokenize, fn_kwargs={"tok": tok, "opts": opts})  # expect: CL002 "second BOS"
