# The twin of flag_text_column_a_parameter_names.py: the helper renders into its `chat_text` column by default,
# and the trainer trains on the dataset's own `text` column, which holds no render.
import argparse

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import SFTConfig, SFTTrainer


def add_chat_preview(dataset, tokenizer, text_field="chat_text"):
    def render(example):
        text = tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=False)
        return {text_field: text}

    return dataset.map(render)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="meta-llama/Llama-3.1-8B-Instruct")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    dataset = add_chat_preview(load_dataset("json", data_files="train.jsonl")["train"], tokenizer)
    trainer = SFTTrainer(
        model=AutoModelForCausalLM.from_pretrained(args.model),
        args=SFTConfig(output_dir="out", dataset_text_field="text"),
        train_dataset=dataset,
        processing_class=tokenizer,
    )
    trainer.train()
