from dataclasses import dataclass, field
from typing import Any, Dict

import torch

from .utils.chat import render

IGNORE_INDEX = -100
TRAIN_RENDER_KWARGS: Dict[str, Any] = {"add_generation_prompt": True}  # expect: CL001 "(set by the `**self.render_kwargs` dict)"


@dataclass
class ChatCollator:
    tokenizer: Any
    render_kwargs: Dict[str, Any] = field(default_factory=lambda: dict(TRAIN_RENDER_KWARGS))

    def encode(self, turns):
        text = render(self.tokenizer, turns, **self.render_kwargs)
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def __call__(self, features):
        rows = [self.encode(feature["conversations"]) for feature in features]
        input_ids = [torch.tensor(ids) for ids in rows]
        labels = [torch.tensor(ids) for ids in rows]
        return {"input_ids": input_ids, "labels": labels}
