# An SFT script for Qwen 2.5 Instruct, named by a constant of the module's settings class: the pad = EOS line is a
# fallback for tokenizers without a pad token, and Qwen's chat tokenizers have one of their own (`<|endoftext|>`,
# while EOS is `<|im_end|>`), so it never runs and the collator's mask by value keeps the EOS targets.
import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling, Trainer, TrainingArguments


class Settings:
    BASE_MODEL = "Qwen/Qwen2.5-7B-Instruct"
    OUTPUT_DIR = "out"


def main(dataset):
    tokenizer = AutoTokenizer.from_pretrained(Settings.BASE_MODEL)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(Settings.BASE_MODEL)
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
    trainer = Trainer(model=model, args=TrainingArguments(Settings.OUTPUT_DIR), train_dataset=dataset, data_collator=collator)
    trainer.train()


# A Qwen 2.5 checkpoint as the option's default: the model the script runs with, whose tokenizer has a pad token.
def main_with_an_option(dataset):
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="Qwen/Qwen2.5-7B-Instruct")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(args.model)
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()


# Gemma 2 Instruct: its tokenizer has `<pad>` (id 0) apart from `<eos>` (id 1), so the fallback never runs either.
def main_gemma(dataset):
    tokenizer = AutoTokenizer.from_pretrained("google/gemma-2-9b-it")
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained("google/gemma-2-9b-it")
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()
