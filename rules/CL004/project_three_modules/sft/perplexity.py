# An evaluation script that keeps the tokenizer under a short name (`tok`), got with the model from a loader that pads
# with EOS, and hands it to the collator that masks labels by value: every EOS target leaves the measured loss. The
# loader that adds a pad token of its own is fine.
from torch.utils.data import DataLoader

from .collators import PaddedCollator
from .tokenizers import load_checkpoint, load_checkpoint_with_pad

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def perplexity_loader(dataset):
    model, tok = load_checkpoint(CHECKPOINT)
    return model, DataLoader(dataset, batch_size=4, collate_fn=PaddedCollator(tok))  # expect: CL004 "`load_checkpoint`"


def perplexity_loader_with_pad(dataset):
    model, tok = load_checkpoint_with_pad(CHECKPOINT)
    return model, DataLoader(dataset, batch_size=4, collate_fn=PaddedCollator(tok))
