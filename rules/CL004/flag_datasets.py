# Dataset classes that set padding to EOS and mask padded labels by value.
import torch
from torch.utils.data import Dataset

IGNORE_INDEX = -100


class SupervisedDataset(Dataset):
    def __init__(self, rows, tokenizer, max_length=512):
        self.tokenizer = tokenizer
        self.tokenizer.pad_token = self.tokenizer.eos_token  # expect: CL004 "`self.tokenizer.pad_token = self.tokenizer.eos_token` makes padding the EOS token, and line 19"
        self.rows = rows
        self.max_length = max_length

    def __getitem__(self, index):
        encoded = self.tokenizer(
            self.rows[index]["text"], max_length=self.max_length, padding="max_length", truncation=True
        )
        labels = [-100 if token == self.tokenizer.pad_token_id else token for token in encoded["input_ids"]]
        return {"input_ids": encoded["input_ids"], "labels": labels}

    def __len__(self):
        return len(self.rows)


def build(tokenizer, texts):
    tokenizer.pad_token_id = tokenizer.eos_token_id  # expect: CL004 "`tokenizer.pad_token_id = tokenizer.eos_token_id` makes padding the EOS token, and line 31"
    pad = tokenizer.pad_token_id
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    labels = batch["input_ids"].clone()
    labels[labels == pad] = IGNORE_INDEX
    return {"input_ids": batch["input_ids"], "attention_mask": batch["attention_mask"], "labels": labels}


def eos_through_a_name(tokenizer):
    eos = tokenizer.eos_token
    tokenizer.pad_token = eos  # expect: CL004 "`tokenizer.pad_token = eos` makes padding the EOS token, and line 19"
    return tokenizer


def masked_by_eq(batch, tokenizer):
    labels = batch["input_ids"].clone()
    labels[labels.eq(tokenizer.pad_token_id)] = -100
    return torch.stack([labels])
