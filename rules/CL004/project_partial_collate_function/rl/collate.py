import torch
from torch.nn.utils.rnn import pad_sequence


def collate_episodes(batch, pad_id):
    input_ids = pad_sequence([torch.tensor(b["input_ids"]) for b in batch], batch_first=True, padding_value=pad_id)
    labels = input_ids.clone()
    labels[labels == pad_id] = -100
    return {"input_ids": input_ids, "labels": labels, "attention_mask": (input_ids != pad_id).long()}


def collate_by_length(batch, pad_id):
    input_ids = pad_sequence([torch.tensor(b["input_ids"]) for b in batch], batch_first=True, padding_value=pad_id)
    lengths = torch.tensor([len(b["input_ids"]) for b in batch])
    attention_mask = (torch.arange(input_ids.size(1))[None, :] < lengths[:, None]).long()
    labels = input_ids.masked_fill(attention_mask == 0, -100)
    return {"input_ids": input_ids, "labels": labels, "attention_mask": attention_mask}
