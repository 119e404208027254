from torch.utils.data import Dataset

from .encoding import encode_pair, encode_pair_as_lists


class PairDataset(Dataset):
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        row = self.rows[index]
        return encode_pair(self.tokenizer, row["prompt"], row["reply"])  # expect: CL005 "returned by `PairDataset.__getitem__` inside an example of the dataset"


class ListPairDataset(PairDataset):
    def __getitem__(self, index):
        row = self.rows[index]
        return encode_pair_as_lists(self.tokenizer, row["prompt"], row["reply"])
