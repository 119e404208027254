# pad = EOS, but padding is masked by position: the real EOS targets stay trained.
import torch
from transformers import AutoTokenizer, DataCollatorForSeq2Seq

tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-0.5B-Instruct")
tokenizer.pad_token = tokenizer.eos_token


def collate_attention(batch):
    encoded = tokenizer([row["text"] for row in batch], padding=True, return_tensors="pt")
    labels = encoded["input_ids"].clone()
    labels[encoded["attention_mask"] == 0] = -100
    encoded["labels"] = labels
    return encoded


def collate_lengths(batch):
    width = max(len(row["input_ids"]) for row in batch)
    input_ids, labels = [], []
    for row in batch:
        padding = width - len(row["input_ids"])
        input_ids.append(row["input_ids"] + [tokenizer.pad_token_id] * padding)
        labels.append(row["labels"] + [-100] * padding)
    return {"input_ids": torch.tensor(input_ids), "labels": torch.tensor(labels)}


# pads labels with -100 by position, never by value
seq2seq_collator = DataCollatorForSeq2Seq(tokenizer, label_pad_token_id=-100, padding=True)


def attention_from_pad(input_ids):
    # the attention mask from the pad id is a different (smaller) matter, and builds no labels
    attention_mask = (input_ids != tokenizer.pad_token_id).long()
    attention_mask[input_ids == tokenizer.pad_token_id] = 0
    return attention_mask


def collate_padded_rows(rows):
    # the attention mask the tokenizer's `pad` returns marks padding by position, whatever the pad id
    batch = tokenizer.pad({"input_ids": [row["input_ids"] for row in rows]}, return_tensors="pt")
    labels = batch["input_ids"].clone()
    attention_mask = batch["attention_mask"]
    labels[attention_mask == 0] = -100
    batch["labels"] = labels
    return batch
