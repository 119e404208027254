# The script: the row function mapped over the dataset here, the collator handed to the trainer.
import sys
from functools import partial

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

from .collators import RenderedTextCollator, TextCollator
from .rows import conversation_to_text


def main(model_name=sys.argv[1], data=sys.argv[2], careful=False):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    dataset = load_dataset("json", data_files=data, split="train")
    render = partial(conversation_to_text, tokenizer=tokenizer)
    dataset = dataset.map(render, remove_columns=dataset.column_names)
    collator = RenderedTextCollator(tokenizer) if careful else TextCollator(tokenizer)
    trainer = Trainer(
        model=AutoModelForCausalLM.from_pretrained(model_name),
        args=TrainingArguments(output_dir="out", remove_unused_columns=False),
        train_dataset=dataset,
        data_collator=collator,
    )
    trainer.train()
