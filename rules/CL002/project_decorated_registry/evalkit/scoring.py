"""Score samples with a model, from the ids the registry's formatter a style names gives."""

import torch

from evalkit.formatters import FORMATTERS


class Scorer:
    def __init__(self, checkpoint, model, style="chat"):
        self.formatter = FORMATTERS[style](checkpoint)
        self.model = model

    def score(self, sample):
        ids = self.formatter.encode(sample)  # expect: CL005 "through the helper `ChatFormatter.encode`"
        return self.model(torch.tensor([ids])).logits
