# The twins of flag_sft_formatting_func.py left alone: a `formatting_func` that writes plain text without a chat
# template, one that takes the BOS off its render, and a trainer given the conversations to render itself.
from transformers import AutoTokenizer
from trl import SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def plain(example):
    return f"### Question: {example['question']}\n### Answer: {example['answer']}"


def without_bos(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return text.removeprefix(tokenizer.bos_token)


def train(model, dataset, conversations):
    SFTTrainer(model=model, train_dataset=dataset, formatting_func=plain).train()
    SFTTrainer(model=model, train_dataset=dataset, formatting_func=without_bos).train()
    SFTTrainer(model=model, train_dataset=conversations, processing_class=tokenizer).train()
