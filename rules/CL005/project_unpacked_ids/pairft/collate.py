import torch

from .encoding import encode_pair, encode_pair_as_lists

IGNORE_INDEX = -100


class PairCollator:
    def __init__(self, tokenizer, max_length=1024):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def encode(self, example):
        prompt_ids, ids = encode_pair(self.tokenizer, example["prompt"], example["reply"])  # expect: CL005 "unpacked as `prompt_ids`: `len(prompt_ids)`"
        ids = ids[-self.max_length :]
        labels = torch.tensor(ids)
        labels[: len(prompt_ids)] = IGNORE_INDEX
        return torch.tensor(ids), labels

    def encode_lists(self, example):
        prompt_ids, ids = encode_pair_as_lists(self.tokenizer, example["prompt"], example["reply"])
        labels = torch.tensor(ids)
        labels[: len(prompt_ids)] = IGNORE_INDEX
        return torch.tensor(ids), labels
