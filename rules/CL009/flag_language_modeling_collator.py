# Labels masked while the dataset is built, then rebuilt from `input_ids` by the collator.
import torch
from torch.utils.data import Dataset
from transformers import DataCollatorForLanguageModeling, Trainer

IGNORE_INDEX = -100


def tokenize(example, tokenizer):
    prompt_ids = tokenizer(example["prompt"])["input_ids"]
    answer_ids = tokenizer(example["answer"], add_special_tokens=False)["input_ids"]
    return {"input_ids": prompt_ids + answer_ids, "labels": [IGNORE_INDEX] * len(prompt_ids) + answer_ids}


def train(model, tokenizer, dataset):
    dataset = dataset.map(tokenize, fn_kwargs={"tokenizer": tokenizer})
    trainer = Trainer(
        model=model,
        train_dataset=dataset,
        data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False),  # expect: CL009 "discarding the labels that `tokenize` (passed to `.map()`) builds with a mask"
    )
    trainer.train()


class ChatDataset(Dataset):
    def __init__(self, rows, tokenizer):
        self.rows, self.tokenizer = rows, tokenizer

    def __getitem__(self, index):
        encoded = self.tokenizer(self.rows[index]["text"])
        labels = list(encoded["input_ids"])
        labels[: self.rows[index]["prompt_length"]] = [-100] * self.rows[index]["prompt_length"]
        return {"input_ids": encoded["input_ids"], "labels": labels}


def train_dataset(model, tokenizer, rows):
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)  # expect: CL009 "is the `data_collator` of the trainer on line 38; with `mlm=False` it rebuilds `labels` from `input_ids` for every batch, discarding the labels that `ChatDataset.__getitem__`"
    return Trainer(model=model, train_dataset=ChatDataset(rows, tokenizer), data_collator=collator)


def filled(example, tokenizer):
    encoded = tokenizer(example["prompt"] + example["answer"])
    labels = torch.full((len(encoded["input_ids"]),), -100)
    labels[example["prompt_length"] :] = torch.tensor(encoded["input_ids"][example["prompt_length"] :])
    return {"input_ids": encoded["input_ids"], "labels": labels}


def train_filled(model, tokenizer, dataset):
    return Trainer(
        model=model,
        train_dataset=dataset.map(filled, fn_kwargs={"tokenizer": tokenizer}),
        data_collator=DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False),  # expect: CL009 "discarding the labels that `filled` (passed to `.map()`) builds with a mask"
    )
