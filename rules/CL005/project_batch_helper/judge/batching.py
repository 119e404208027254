"""Batching helpers for judge prompts."""
import torch


def left_pad(batch_ids, pad_id):
    """Left-pad lists of token ids so the answer slot is the last position."""
    width = max(len(ids) for ids in batch_ids)
    rows = [[pad_id] * (width - len(ids)) + list(ids) for ids in batch_ids]
    return torch.tensor(rows)


def pad_encodings(batch, pad_id):
    width = max(len(item["input_ids"]) for item in batch)
    return torch.tensor([[pad_id] * (width - len(item["input_ids"])) + item["input_ids"] for item in batch])
