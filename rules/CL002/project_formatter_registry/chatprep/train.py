# The configured formatter renders on one path (`chat`): tokenizing its column again with special tokens on adds a
# second BOS there. Quiet: the same column tokenized without them, and formatters that never render.
from dataclasses import dataclass

from datasets import load_dataset
from transformers import AutoTokenizer

from chatprep.formatters import add_plain_column, add_text_column
from chatprep.tokenization import tokenize_rendered_column, tokenize_text_column


@dataclass
class DataConfig:
    model: str = "meta-llama/Meta-Llama-3-8B-Instruct"
    formatter: str = "chat"
    max_length: int = 2048
    num_proc: int = 4


def main():
    cfg = DataConfig()
    tokenizer = AutoTokenizer.from_pretrained(cfg.model)
    raw = load_dataset("json", data_files="train.jsonl", split="train")
    formatted = add_text_column(raw, tokenizer, cfg)
    train_set = tokenize_text_column(formatted, tokenizer, cfg)  # expect: CL002 "column `text` of `formatted`"
    same_set = tokenize_rendered_column(formatted, tokenizer, cfg)
    corpus = tokenize_text_column(add_plain_column(raw, tokenizer, cfg), tokenizer, cfg)
    return train_set, same_set, corpus
