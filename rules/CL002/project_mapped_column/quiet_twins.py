# The same functions where no second BOS is added. Quiet: special tokens turned off (by the function, or through its
# flag); a plain corpus whose column was never rendered; a checkpoint whose template writes no BOS (Qwen's ChatML).
from functools import partial

from datasets import load_dataset
from transformers import AutoTokenizer

from chatdata import Options, render_rows, tokenize, tokenize_plain, tokenize_with


def build_off(tok, opts):
    raw = load_dataset("json", data_files="chats.jsonl", split="train")
    rendered = raw.map(partial(render_rows, tok=tok, opts=opts))
    first = rendered.map(partial(tokenize_plain, tok=tok))
    second = rendered.map(partial(tokenize_with, tok=tok, add_special_tokens=False))
    return first, second


def build_corpus(tok, opts):
    # pretraining text with a column of the same name, never rendered: its BOS is wanted
    corpus = load_dataset("text", data_files="corpus.txt", split="train")
    corpus = corpus.rename_column("text", "formatted")
    return corpus.map(partial(tokenize, tok=tok, opts=opts))


def build_qwen():
    opts = Options()
    tok = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
    raw = load_dataset("json", data_files="chats.jsonl", split="train")
    rendered = raw.map(partial(render_rows, tok=tok, opts=opts))
    return rendered.map(partial(tokenize, tok=tok, opts=opts))
