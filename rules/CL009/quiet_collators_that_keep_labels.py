# Collators that keep the labels, labels without a mask, and a collator handed to no trainer.
from transformers import DataCollatorForLanguageModeling, DataCollatorForSeq2Seq, Trainer


def tokenize(example, tokenizer):
    prompt_ids = tokenizer(example["prompt"])["input_ids"]
    answer_ids = tokenizer(example["answer"], add_special_tokens=False)["input_ids"]
    return {"input_ids": prompt_ids + answer_ids, "labels": [-100] * len(prompt_ids) + answer_ids}


def train_seq2seq(model, tokenizer, dataset):
    dataset = dataset.map(tokenize, fn_kwargs={"tokenizer": tokenizer})
    return Trainer(model=model, train_dataset=dataset, data_collator=DataCollatorForSeq2Seq(tokenizer, padding=True))


def pretraining_rows(example, tokenizer):
    encoded = tokenizer(example["text"])
    return {"input_ids": encoded["input_ids"], "labels": list(encoded["input_ids"])}


def build_collator(tokenizer):
    # returned, not handed to a trainer here
    return DataCollatorForLanguageModeling(tokenizer, mlm=False)
