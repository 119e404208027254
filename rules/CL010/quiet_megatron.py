# Megatron-style models take labels already shifted: their loss does not shift again.
from mcore_adapter.models import AutoModel

from transformers import Trainer


def collate(features):
    for feature in features:
        feature["labels"] = feature["input_ids"][1:]
        feature["input_ids"] = feature["input_ids"][:-1]
    return features


def train(args):
    model = AutoModel.from_pretrained(args.model)
    return Trainer(model=model, data_collator=collate)
