# A row formatter picked by name from a registry a decorator fills: the chat one renders, so the `text` column holds
# a render on one path, and tokenizing it with special tokens on doubles the BOS there.
from datasets import load_dataset
from transformers import AutoTokenizer

FORMATTERS = {}


def register(name):
    def deco(fn):
        FORMATTERS[name] = fn
        return fn

    return deco


@register("chat")
def chat_text(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


@register("plain")
def plain_text(example, tokenizer):
    return {"text": example["document"]}


def main(kind="chat"):
    tok = AutoTokenizer.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct")
    ds = load_dataset("json", data_files="train.jsonl", split="train")
    ds = ds.map(FORMATTERS[kind], fn_kwargs={"tokenizer": tok})
    return ds.map(lambda batch: tok(batch["text"]), batched=True)  # expect: CL002 "(on at least one path)"
