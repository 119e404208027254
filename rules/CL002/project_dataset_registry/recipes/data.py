# Datasets by name: (row formatter, Hub path). One of the chat datasets renders its rows, so tokenizing the `text`
# column with special tokens on adds a second BOS on that path. Quiet: the same with special tokens off, and the
# registry of plain corpora, whose formatters never render.
from datasets import load_dataset
from transformers import AutoTokenizer

from . import formatters

DATASETS = {
    "ultrachat": (formatters.chat_text, "HuggingFaceH4/ultrachat_200k"),
    "wiki": (formatters.plain_text, "wikimedia/wikipedia"),
}
CORPORA = {
    "wiki": (formatters.plain_text, "wikimedia/wikipedia"),
    "papers": (formatters.titled_text, "org/papers"),
}


def load_tokenizer():
    return AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def build(name, tokenizer):
    formatter, hub_path = DATASETS[name]
    texts = load_dataset(hub_path, split="train").map(formatter, fn_kwargs={"tokenizer": tokenizer})
    return texts.map(lambda batch: tokenizer(batch["text"], truncation=True), batched=True)  # expect: CL002 "(on at least one path)"


def build_without_bos(name, tokenizer):
    formatter, hub_path = DATASETS[name]
    texts = load_dataset(hub_path, split="train").map(formatter, fn_kwargs={"tokenizer": tokenizer})
    return texts.map(lambda batch: tokenizer(batch["text"], add_special_tokens=False), batched=True)


def build_corpus(name, tokenizer):
    formatter = CORPORA[name][0]
    texts = load_dataset(CORPORA[name][1], split="train").map(formatter, fn_kwargs={"tokenizer": tokenizer})
    return texts.map(lambda batch: tokenizer(batch["text"], truncation=True), batched=True)
