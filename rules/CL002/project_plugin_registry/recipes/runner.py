"""Builds the training set a recipe's configuration describes."""
from datasets import load_dataset

from .plugins import PREPROCESSORS, ROW_FUNCTIONS


class RecipeRunner:
    def __init__(self, cfg, tokenizer):
        self.cfg = cfg
        self.tokenizer = tokenizer

    def build(self):
        data_cfg = self.cfg.data
        raw = load_dataset(data_cfg.path, split="train")
        render = PREPROCESSORS[data_cfg.preprocessor](self.tokenizer, data_cfg)
        texts = raw.map(render, remove_columns=raw.column_names)
        return texts.map(self._tokenize, batched=True)

    def _tokenize(self, batch):
        enc = self.tokenizer(batch[self.cfg.data.text_field], truncation=True)  # expect: CL002 "makes"
        enc["labels"] = [list(ids) for ids in enc["input_ids"]]
        return enc

    def build_without_bos(self):
        data_cfg = self.cfg.data
        raw = load_dataset(data_cfg.path, split="train")
        texts = raw.map(PREPROCESSORS[data_cfg.preprocessor](self.tokenizer, data_cfg))
        return texts.map(self._tokenize_rendered, batched=True)

    def _tokenize_rendered(self, batch):
        return self.tokenizer(batch[self.cfg.data.text_field], add_special_tokens=False)


def prompt_ids(cfg, tokenizer):
    raw = load_dataset(cfg.path, split="train")
    rows = raw.map(ROW_FUNCTIONS[cfg.row_function], fn_kwargs={"tokenizer": tokenizer})
    return rows.map(lambda row: tokenizer(row["prompt"]))  # expect: CL002 "prompt"


def summary_ids(cfg, tokenizer):
    raw = load_dataset(cfg.path, split="train")
    rows = raw.map(ROW_FUNCTIONS[cfg.row_function], fn_kwargs={"tokenizer": tokenizer})
    return rows.map(lambda row: tokenizer(row["summary"]))
