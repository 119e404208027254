# A training script's helper renders each conversation into the column its `text_field` parameter names ("text"
# unless its caller says otherwise), and the caller passes the command line's `--text_field`, "text" by default;
# trl's SFTTrainer then tokenizes that column with special tokens on: a second BOS on Llama 3.
import argparse

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import SFTConfig, SFTTrainer


def format_with_chat_template(dataset, tokenizer, text_field="text"):
    def render(example):
        text = tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=False)
        return {text_field: text}

    return dataset.map(render, remove_columns=["messages"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="meta-llama/Llama-3.1-8B-Instruct")
    parser.add_argument("--text_field", default="text")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    dataset = format_with_chat_template(load_dataset("json", data_files="train.jsonl")["train"], tokenizer, args.text_field)
    trainer = SFTTrainer(  # expect: CL002 "tokenizes column `text`"
        model=AutoModelForCausalLM.from_pretrained(args.model),
        args=SFTConfig(output_dir="out", dataset_text_field=args.text_field),
        train_dataset=dataset,
        processing_class=tokenizer,
    )
    trainer.train()
