from datasets import load_dataset
from transformers import AutoTokenizer

from .conf import RunConf
from .encode import encode_dataset, encode_rendered
from .prep import build_splits


def main():
    conf = RunConf()
    tokenizer = AutoTokenizer.from_pretrained(conf.checkpoint)
    train, valid = build_splits(conf.data, tokenizer)
    train = encode_dataset(train, tokenizer, conf.data.text_field, conf.data.max_len)  # expect: CL002 "through the helper `encode_dataset` (sft/encode.py:2)"
    valid = encode_rendered(valid, tokenizer, conf.data.text_field, conf.data.max_len)
    # a corpus of plain documents: never rendered
    corpus = encode_dataset(load_dataset("org/books", split="train"), tokenizer, conf.data.text_field)
    return train, valid, corpus
