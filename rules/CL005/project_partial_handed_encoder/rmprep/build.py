# The script: `functools.partial` binds each row function's encoder.
import functools

from datasets import load_dataset
from transformers import AutoTokenizer

from .encoding import ListedEncoder, PromptEncoder
from .pairs import build_listed_pair, build_pair


def main(model, data):
    tokenizer = AutoTokenizer.from_pretrained(model)
    raw = load_dataset("json", data_files=data, split="train")
    pairs = raw.map(functools.partial(build_pair, encoder=PromptEncoder(tokenizer)))
    listed = raw.map(functools.partial(build_listed_pair, encoder=ListedEncoder(tokenizer)))
    return pairs, listed
