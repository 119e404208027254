# The training script: the renderer gets a copy of the template settings with the generation prompt off.
from dataclasses import replace
from functools import partial

from datasets import load_dataset
from transformers import AutoTokenizer

from .config import RunConfig
from .pairs import build_pair
from .templating import ChatRenderer


def main(path):
    cfg = RunConfig()
    tokenizer = AutoTokenizer.from_pretrained(cfg.model_name)
    renderer = ChatRenderer(tokenizer, replace(cfg.template, add_generation_prompt=False))
    raw = load_dataset("json", data_files=path, split="train")
    return raw.map(partial(build_pair, renderer=renderer, tokenizer=tokenizer))
