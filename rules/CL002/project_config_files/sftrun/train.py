# Quiet: the configuration file the run loads turns special tokens off for the rendered text.
from transformers import AutoTokenizer

from sftrun.config import TrainConfig, load


def encode(example, tokenizer, cfg: TrainConfig):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer(text, truncation=True, max_length=cfg.max_length, add_special_tokens=cfg.add_special_tokens)


def main(path="configs/train.yaml"):
    cfg = load(TrainConfig, path)
    tokenizer = AutoTokenizer.from_pretrained(cfg.model)
    return encode({"messages": []}, tokenizer, cfg)
