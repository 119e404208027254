# The column is named by a dataclass field whose default lives in another module: a second BOS when the default
# names the rendered column, nothing for the plain corpus.
from datasets import load_dataset
from transformers import AutoTokenizer, HfArgumentParser

from finetune.columns import render_rows
from finetune.settings import ChatDataConfig


def main():
    (cfg,) = HfArgumentParser(ChatDataConfig).parse_args_into_dataclasses()
    tok = AutoTokenizer.from_pretrained("google/gemma-2-2b-it")
    ds = load_dataset("json", data_files="chats.jsonl", split="train").map(render_rows, fn_kwargs={"tok": tok})

    def encode(example):
        return tok(example[cfg.text_column], max_length=cfg.max_len)  # expect: CL002 "(`cfg.text_column` defaults to \"chat_text\")"

    return ds.map(encode)
