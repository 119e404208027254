"""Turns a conversation into training ids."""
from .config import SamplingConfig


class ChatFormatter:
    def __init__(self, tokenizer, cfg):
        self.tokenizer = tokenizer
        self.cfg = cfg

    def __call__(self, example):
        input_ids = self.tokenizer.apply_chat_template(
            example["messages"],
            tokenize=True,
            return_dict=False,
            add_generation_prompt=self.cfg.add_generation_prompt,
        )
        return {"input_ids": input_ids, "labels": list(input_ids)}


class SampledChatFormatter:
    # the class is shown: the sampling configuration, which adds the generation prompt
    def __init__(self, tokenizer, cfg: SamplingConfig):
        self.tokenizer = tokenizer
        self.cfg = cfg

    def __call__(self, example):
        input_ids = self.tokenizer.apply_chat_template(  # expect: CL001 "SamplingConfig.add_generation_prompt"
            example["messages"],
            tokenize=True,
            return_dict=False,
            add_generation_prompt=self.cfg.add_generation_prompt,
        )
        return {"input_ids": input_ids, "labels": list(input_ids)}
