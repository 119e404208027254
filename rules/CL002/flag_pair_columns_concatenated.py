# Pairs rendered into two columns by a dict comprehension (`{side + "_text": ... for side in ("chosen",
# "rejected")}`), and a collator that tokenizes both columns in one list (`chosen + rejected`) with special tokens
# on: a second BOS in every sequence of the batch.
from dataclasses import dataclass

from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments

MODEL = "google/gemma-2-9b-it"


def format_pair(example, tokenizer):
    return {
        side + "_text": tokenizer.apply_chat_template(example[side], tokenize=False) for side in ("chosen", "rejected")
    }


@dataclass
class PairCollator:
    tokenizer: object

    def __call__(self, features):
        texts = [f["chosen_text"] for f in features] + [f["rejected_text"] for f in features]
        return self.tokenizer(texts, padding=True, return_tensors="pt")  # expect: CL002 "in column `chosen_text`"


def main():
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    raw = load_dataset("json", data_files="pairs.jsonl", split="train")
    pairs = raw.map(format_pair, fn_kwargs={"tokenizer": tokenizer}, remove_columns=raw.column_names)
    trainer = Trainer(
        model=AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=1),
        args=TrainingArguments(output_dir="out", remove_unused_columns=False),
        train_dataset=pairs,
        data_collator=PairCollator(tokenizer),
    )
    trainer.train()
