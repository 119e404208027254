# The twins of flag_rows_rendered_on_some_paths.py: the column rendered on one path tokenized without special tokens,
# and a column the row function never renders into.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def maybe_render(example):
    if "messages" in example:
        return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False), "source": "chat"}
    return {"text": example["text"], "source": example["source"]}


def tokenize(batch):
    return tokenizer(batch["text"], add_special_tokens=False, truncation=True)


def tokenize_sources(batch):
    return tokenizer(batch["source"])


def build(dataset):
    rendered = dataset.map(maybe_render)
    return rendered.map(tokenize, batched=True), rendered.map(tokenize_sources, batched=True)
