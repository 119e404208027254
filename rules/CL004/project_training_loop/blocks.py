import torch
from torch.utils.data import Dataset


class TokenBlocks(Dataset):
    """Every row's ids and labels, end to end, cut into blocks of `block_size`; the last block padded."""

    def __init__(self, rows, block_size, pad_id):
        ids, labels = [], []
        for row in rows:
            ids += row["input_ids"]
            labels += row["labels"]
        short = -len(ids) % block_size
        ids += [pad_id] * short
        labels += [pad_id] * short
        self.ids = torch.tensor(ids).view(-1, block_size)
        self.labels = torch.tensor(labels).view(-1, block_size)
        self.labels[self.labels == pad_id] = -100

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        return {"input_ids": self.ids[index], "labels": self.labels[index]}
