# The same pairs, tokenized without special tokens; and a comprehension over names that are not literal strings,
# whose columns the code does not show.
from dataclasses import dataclass

from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments

MODEL = "google/gemma-2-9b-it"


def format_pair(example, tokenizer):
    return {
        side + "_text": tokenizer.apply_chat_template(example[side], tokenize=False) for side in ("chosen", "rejected")
    }


def format_sides(example, tokenizer, sides):
    return {side: tokenizer.apply_chat_template(example[side], tokenize=False) for side in sides}


@dataclass
class PairCollator:
    tokenizer: object

    def __call__(self, features):
        texts = [f["chosen_text"] for f in features] + [f["rejected_text"] for f in features]
        return self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")


@dataclass
class SideCollator:
    tokenizer: object

    def __call__(self, features):
        return self.tokenizer([f["answer"] for f in features], padding=True, return_tensors="pt")


def main():
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    raw = load_dataset("json", data_files="pairs.jsonl", split="train")
    pairs = raw.map(format_pair, fn_kwargs={"tokenizer": tokenizer}, remove_columns=raw.column_names)
    sides = raw.map(format_sides, fn_kwargs={"tokenizer": tokenizer, "sides": ["answer"]})
    for dataset, collator in ((pairs, PairCollator(tokenizer)), (sides, SideCollator(tokenizer))):
        Trainer(
            model=AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=1),
            args=TrainingArguments(output_dir="out", remove_unused_columns=False),
            train_dataset=dataset,
            data_collator=collator,
        ).train()
