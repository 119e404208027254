# Wires the data module and a collator into DataLoaders.
import sys

from torch.utils.data import DataLoader
from transformers import AutoTokenizer

from prefs.collate import PairCollator, PlainPairCollator
from prefs.data import load_pairs


def main(path):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    pairs = load_pairs(path, tokenizer)
    loader = DataLoader(pairs, batch_size=4, collate_fn=PairCollator(tokenizer))
    plain = DataLoader(pairs, batch_size=4, collate_fn=PlainPairCollator(tokenizer))
    return loader, plain


if __name__ == "__main__":
    main(sys.argv[1])
