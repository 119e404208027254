import argparse

from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

from .collate import PositionMaskedCollator
from .tokenizers import build_tokenizer


def main(dataset):
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="meta-llama/Llama-3.1-8B-Instruct")
    parser.add_argument("--padding", default="eos", choices=["eos", "unk"])
    args = parser.parse_args()
    tokenizer = build_tokenizer(args)
    model = AutoModelForCausalLM.from_pretrained(args.model)
    collator = PositionMaskedCollator(tokenizer)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()
