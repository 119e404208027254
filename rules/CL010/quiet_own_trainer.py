# A project's own trainer (not one of transformers or trl) decides how the labels are scored.
from .trainer import CustomTrainer


def rows(example, tokenizer):
    ids = tokenizer(example["text"])["input_ids"]
    return {"input_ids": ids[:-1], "labels": ids[1:]}


def train(model, dataset):
    return CustomTrainer(model=model, train_dataset=dataset.map(rows))
