import functools

from torch.utils.data import DataLoader

from .collate import collate_by_length, collate_episodes
from .models import load_models


class Learner:
    def __init__(self, name):
        self.policy, self.reference, self.tokenizer = load_models(name)
        self.collate = functools.partial(collate_episodes, pad_id=self.tokenizer.pad_token_id)  # expect: CL004 "`collate_episodes` masks labels by value"

    def batches(self, samples):
        return DataLoader(samples, batch_size=4, shuffle=True, collate_fn=self.collate)


class PositionLearner:
    def __init__(self, name):
        self.policy, self.reference, self.tokenizer = load_models(name)
        self.collate = functools.partial(collate_by_length, pad_id=self.tokenizer.pad_token_id)

    def batches(self, samples):
        return DataLoader(samples, batch_size=4, shuffle=True, collate_fn=self.collate)
