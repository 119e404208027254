# A rendered chat set and a plain corpus whose documents are also called `text`: the tokenizer that reads the corpus
# reads no render. And a rendered column tokenized without special tokens (the ids trl is given) or dropped before
# trl's SFTTrainer sees the dataset: trl tokenizes nothing again.
from datasets import load_dataset
from transformers import AutoTokenizer
from trl import SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def to_text(example):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


def tokenize_document(example):
    return tokenizer(example["text"], truncation=True, max_length=4096)


def tokenize_chat(example):
    return tokenizer(example["text"], add_special_tokens=False)


chats = load_dataset("json", data_files="chats.jsonl", split="train").map(to_text)
corpus = load_dataset("json", data_files="web.jsonl", split="train")
corpus = corpus.map(tokenize_document, remove_columns=["text"])

pretokenized = chats.map(tokenize_chat, remove_columns=chats.column_names)
SFTTrainer(model="m", train_dataset=pretokenized, processing_class=tokenizer)


def curriculum(stages):
    # the plain corpus is reshaped stage by stage in a loop, and never rendered
    corpus = load_dataset("json", data_files="web.jsonl", split="train")
    for stage in stages:
        if stage == "shuffle":
            corpus = corpus.shuffle(seed=0)
        else:
            corpus = corpus.filter(lambda row: len(row["text"]) < stage)
        corpus = corpus.map(tokenize_document)
    return corpus
