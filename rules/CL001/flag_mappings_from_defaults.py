# The keywords a collator spreads into its render come from a dataclass field whose default copies a module-level
# dict (`field(default_factory=lambda: dict(TRAIN_KWARGS))`); the conversation goes through a helper of the module
# that rewrites each turn (`normalize(messages)`), which keeps the last turn last.
from dataclasses import dataclass, field
from typing import Any, Dict

TRAIN_KWARGS: Dict[str, Any] = {"add_generation_prompt": True}  # expect: CL001 "(set by the `**self.render_kwargs` dict)"


def normalize(messages):
    out = []
    for turn in messages:
        role = {"human": "user", "gpt": "assistant"}.get(turn["from"], turn["from"])
        out.append({"role": role, "content": turn["value"].strip()})
    return out


def render(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(normalize(messages), tokenize=False, **kwargs)


@dataclass
class ChatCollator:
    tokenizer: Any
    render_kwargs: Dict[str, Any] = field(default_factory=lambda: dict(TRAIN_KWARGS))

    def __call__(self, features):
        texts = [render(self.tokenizer, feature["messages"], **self.render_kwargs) for feature in features]
        batch = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch
