# The twins: the default dict leaves the generation prompt off; and a helper that drops turns (a `continue` in its
# loop) does not keep the conversation's end, so what its caller renders is not known to end with the reply.
from dataclasses import dataclass, field
from typing import Any, Dict

TRAIN_KWARGS: Dict[str, Any] = {"add_generation_prompt": False}
GENERATION_KWARGS: Dict[str, Any] = {"add_generation_prompt": True}


def without_system(messages):
    out = []
    for turn in messages:
        if turn["role"] == "system":
            continue
        out.append(turn)
    return out


def render(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=False, **kwargs)


def render_filtered(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(without_system(messages), tokenize=False, **kwargs)


@dataclass
class ChatCollator:
    tokenizer: Any
    render_kwargs: Dict[str, Any] = field(default_factory=lambda: dict(TRAIN_KWARGS))

    def __call__(self, features):
        texts = [render(self.tokenizer, feature["messages"], **self.render_kwargs) for feature in features]
        batch = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch


@dataclass
class FilteredCollator:
    tokenizer: Any
    render_kwargs: Dict[str, Any] = field(default_factory=lambda: dict(GENERATION_KWARGS))

    def __call__(self, features):
        texts = [render_filtered(self.tokenizer, feature["dialogue"], **self.render_kwargs) for feature in features]
        batch = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch
