import torch

IGNORE_INDEX = -100


def drop_padding(input_ids: torch.Tensor, pad_id: int) -> torch.Tensor:
    labels = input_ids.clone()
    labels[labels == pad_id] = IGNORE_INDEX
    return labels


def drop_by_attention(input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    return input_ids.masked_fill(attention_mask == 0, IGNORE_INDEX)


def drop_token(labels: torch.Tensor, token_id: int) -> torch.Tensor:
    labels = labels.clone()
    labels[labels == token_id] = IGNORE_INDEX
    return labels
