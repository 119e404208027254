# The encoders of the shared prompt of a preference pair: one returns what the render gives by default, the other a
# list of ids.
from dataclasses import dataclass
from typing import Any


@dataclass
class PromptEncoder:
    tokenizer: Any
    max_prompt_tokens: int = 1024

    def encode(self, example):
        return self.tokenizer.apply_chat_template(example["prompt"], add_generation_prompt=True)


@dataclass
class ListedEncoder:
    tokenizer: Any

    def encode(self, example):
        return self.tokenizer.apply_chat_template(example["prompt"], add_generation_prompt=True, return_dict=False)
