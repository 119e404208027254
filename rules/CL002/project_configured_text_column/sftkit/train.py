# Fine-tunes on the rendered dataset with a collator that tokenizes its text column.
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

from .collate import TextCollator
from .config import ScriptArguments
from .data import load_chat_dataset


def main():
    script_args = ScriptArguments()
    tokenizer = AutoTokenizer.from_pretrained(script_args.model_name_or_path)
    train_ds = load_chat_dataset(script_args, tokenizer)
    trainer = Trainer(
        model=AutoModelForCausalLM.from_pretrained(script_args.model_name_or_path),
        args=TrainingArguments(output_dir="out", remove_unused_columns=False),
        train_dataset=train_ds,
        data_collator=TextCollator(tokenizer, max_length=script_args.max_seq_length),
    )
    trainer.train()
