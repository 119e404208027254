from transformers import AutoTokenizer

from renderers import build_renderer
from sft_data import load_rendered_dataset

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


def main():
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    text_ds = load_rendered_dataset("data/train.jsonl", build_renderer(MODEL, tokenizer))

    def tokenize(batch):
        return tokenizer(batch["text"], add_special_tokens=False, truncation=True, max_length=4096)

    return text_ds.map(tokenize, batched=True, remove_columns=["text"])
