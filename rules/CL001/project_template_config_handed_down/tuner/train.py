from datasets import load_dataset
from transformers import AutoTokenizer

from .config import TrainConfig
from .templating import render, render_spread


def build_features(example, tokenizer, cfg):
    text = render(tokenizer, example["messages"], cfg.template)  # expect: CL001 "`TrainConfig.template.add_generation_prompt`"
    ids = tokenizer(text, add_special_tokens=False, truncation=True, max_length=cfg.template.max_length)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}


def build_spread_features(example, tokenizer, cfg):
    text = render_spread(tokenizer, example["messages"], cfg.template)  # expect: CL001 "`TrainConfig.template.add_generation_prompt`"
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}


def build_spread_prompts(example, tokenizer, cfg):
    return {"prompt": render_spread(tokenizer, example["messages"][:-1], cfg.template)}


def build_prompts(example, tokenizer, cfg):
    prompt = render(tokenizer, example["messages"][:-1], cfg.template)
    return {"prompt": prompt, "answer": example["messages"][-1]["content"]}


def main(path):
    cfg = TrainConfig()
    tokenizer = AutoTokenizer.from_pretrained(cfg.model_name_or_path)
    ds = load_dataset("json", data_files=path, split="train")
    train = ds.map(build_features, fn_kwargs={"tokenizer": tokenizer, "cfg": cfg})
    evaluation = ds.map(build_prompts, fn_kwargs={"tokenizer": tokenizer, "cfg": cfg})
    spread = ds.map(build_spread_features, fn_kwargs={"tokenizer": tokenizer, "cfg": cfg})
    spread_prompts = ds.map(build_spread_prompts, fn_kwargs={"tokenizer": tokenizer, "cfg": cfg})
    return train, evaluation, spread, spread_prompts
