from functools import partial

from datasets import load_dataset

from .conf import DataConf


def _to_text(row, tokenizer, text_field):
    return {text_field: tokenizer.apply_chat_template(row["messages"], tokenize=False)}


def build(conf: DataConf, tokenizer, split: str):
    rows = load_dataset(conf.source, split=split)
    return rows.map(partial(_to_text, tokenizer=tokenizer, text_field=conf.text_field), remove_columns=["messages"])


def build_splits(conf: DataConf, tokenizer):
    return build(conf, tokenizer, "train"), build(conf, tokenizer, "validation")
