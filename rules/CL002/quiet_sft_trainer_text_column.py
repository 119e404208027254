# Quiet: the trainer gets the conversations and renders them once; or reads a column that holds no render; or its
# options may change how it tokenizes (a `**mapping` of them).
from datasets import load_dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")
conversations = load_dataset("json", data_files="chat.jsonl", split="train")
SFTTrainer(model="m", train_dataset=conversations, processing_class=tokenizer)


def to_prompt_text(example):
    return {"prompt_text": tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)}


rendered = conversations.map(to_prompt_text)
SFTTrainer(model="m", args=SFTConfig(output_dir="out"), train_dataset=rendered, processing_class=tokenizer)


def from_options(options):
    return SFTTrainer(model="m", train_dataset=rendered, processing_class=tokenizer, **options)
