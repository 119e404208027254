import argparse

from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

from .collate import ValueMaskedCollator
from .tokenizers import build_tokenizer


def main(dataset):
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="meta-llama/Llama-3.1-8B-Instruct")
    parser.add_argument("--padding", default="eos", choices=["eos", "unk"])
    args = parser.parse_args()
    tokenizer = build_tokenizer(args)
    model = AutoModelForCausalLM.from_pretrained(args.model)
    collator = ValueMaskedCollator(tokenizer)  # expect: CL004 "comes from `build_tokenizer`"
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()
