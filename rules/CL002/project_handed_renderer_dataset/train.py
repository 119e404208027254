from transformers import AutoTokenizer

from renderers import build_renderer
from sft_data import load_rendered_dataset

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


def main():
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    renderer = build_renderer(MODEL, tokenizer)
    text_ds = load_rendered_dataset("data/train.jsonl", renderer)

    def tokenize(batch):
        return tokenizer(batch["text"], truncation=True, max_length=4096)  # expect: CL002 "in column `text` of the dataset `load_rendered_dataset` returns"

    return text_ds.map(tokenize, batched=True, remove_columns=["text"])
