# Quiet: the trainer reads the plain column, or is told not to add special tokens (trl 0.x), or formats the rows
# itself.
from datasets import load_dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

from recipes.prep import as_text

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
train = load_dataset("json", data_files="chats.jsonl", split="train").map(as_text, fn_kwargs={"tokenizer": tokenizer})


def plain_column():
    config = SFTConfig(output_dir="out", dataset_text_field="raw")
    return SFTTrainer(model="m", args=config, train_dataset=train, processing_class=tokenizer)


def no_special_tokens():
    return SFTTrainer(
        model="m",
        train_dataset=train,
        dataset_text_field="formatted",
        dataset_kwargs={"add_special_tokens": False},
        tokenizer=tokenizer,
    )


def formatting_function():
    return SFTTrainer(model="m", train_dataset=train, formatting_func=lambda row: row["raw"], tokenizer=tokenizer)
