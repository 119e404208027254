# A plain-text corpus: its column is named by a field whose default is another column than the rendered one, so
# the tokenizer's BOS is the only one: quiet.
from datasets import load_dataset
from transformers import AutoTokenizer

from finetune.columns import render_rows
from finetune.settings import CorpusConfig


def main(cfg: CorpusConfig):
    tok = AutoTokenizer.from_pretrained("google/gemma-2-2b")
    ds = load_dataset("json", data_files="mixed.jsonl", split="train").map(render_rows, fn_kwargs={"tok": tok})

    def encode(example):
        return tok(example[cfg.text_column])

    return ds.map(encode)
