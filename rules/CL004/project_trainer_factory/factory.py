# Builds the trainer and its collator from what the script loads.
from transformers import Trainer

from collate import PadCollator, PositionCollator


def build_trainer(model, tokenizer, dataset):
    return Trainer(model=model, train_dataset=dataset, data_collator=PadCollator(tokenizer))


def build_position_trainer(model, tokenizer, dataset):
    return Trainer(model=model, train_dataset=dataset, data_collator=PositionCollator(tokenizer=tokenizer))
