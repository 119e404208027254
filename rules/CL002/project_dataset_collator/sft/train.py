# Supervised fine-tuning of Llama 3.1 on rendered conversations.
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

from .collate import TextCollator
from .data import load_text_dataset

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


def main():
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    tokenizer.pad_token = "<|finetune_right_pad_id|>"
    train = load_text_dataset(tokenizer, "HuggingFaceH4/no_robots")
    trainer = Trainer(
        model=AutoModelForCausalLM.from_pretrained(MODEL),
        args=TrainingArguments(output_dir="out", remove_unused_columns=False),
        train_dataset=train,
        data_collator=TextCollator(tokenizer),
    )
    trainer.train()
