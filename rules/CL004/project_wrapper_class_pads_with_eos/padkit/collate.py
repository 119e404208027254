"""Batching for adapter tuning."""

import torch

from .tokenizer import PadTokenizer


class ValuePadCollator:
    def __init__(self, tokenizer: PadTokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, batch: list[list[int]]) -> dict[str, torch.Tensor]:
        width = max(len(ids) for ids in batch)
        pad_id = self.tokenizer.pad_token_id
        input_ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = torch.tensor(ids)
        labels = input_ids.clone()
        labels[labels == pad_id] = -100  # expect: CL004 "is an instance of `PadTokenizer`"
        return {"input_ids": input_ids, "labels": labels}


class PositionPadCollator:
    def __init__(self, tokenizer: PadTokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, batch: list[list[int]]) -> dict[str, torch.Tensor]:
        width = max(len(ids) for ids in batch)
        input_ids = torch.full((len(batch), width), self.tokenizer.pad_token_id, dtype=torch.long)
        attention_mask = torch.zeros_like(input_ids)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = torch.tensor(ids)
            attention_mask[row, : len(ids)] = 1
        labels = input_ids.clone()
        labels[attention_mask == 0] = -100
        return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}
