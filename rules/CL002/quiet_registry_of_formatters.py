# Registries of row formatters that never render a chat template (a dict naming them, or a decorator filling one):
# their `text` column is plain text, so tokenizing it with special tokens on writes the only BOS.
from datasets import load_dataset
from transformers import AutoTokenizer

WRITERS = {}


def register(name):
    def deco(fn):
        WRITERS[name] = fn
        return fn

    return deco


@register("completion")
def completion_text(example, tokenizer):
    return {"text": example["prompt"] + example["completion"] + tokenizer.eos_token}


def document_text(example, tokenizer):
    return {"text": example["document"]}


def titled_text(example, tokenizer):
    return {"text": example["title"] + "\n\n" + example["document"]}


PLAIN = {"document": document_text, "titled": titled_text}


def main(kind="document"):
    tok = AutoTokenizer.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct")
    ds = load_dataset("json", data_files="train.jsonl", split="train")
    plain = ds.map(PLAIN[kind], fn_kwargs={"tokenizer": tok})
    written = ds.map(WRITERS["completion"], fn_kwargs={"tokenizer": tok})
    return plain.map(lambda batch: tok(batch["text"]), batched=True), written.map(lambda batch: tok(batch["text"]))
