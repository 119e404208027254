"""Conversations to probe a collator with: a JSON-lines sample file, or the built-in set.

A record is handed to the user's collator as it is (so a collator that reads ``conversations`` gets them);
the checks use its conversation normalised to ``{"role", "content"}`` messages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chatlint.labels.model import LabelsError

# ShareGPT-style speaker names.
_ROLE_NAMES = {
    "human": "user",
    "user": "user",
    "gpt": "assistant",
    "assistant": "assistant",
    "model": "assistant",
    "bot": "assistant",
    "chatgpt": "assistant",
    "system": "system",
    "tool": "tool",
    "function_call": "assistant",
    "observation": "tool",
}


@dataclass
class Sample:
    name: str
    record: dict[str, Any]  # what the collator receives
    messages: list[dict[str, Any]]  # normalised conversation for the reference render
    builtin: bool = False  # one of the built-in conversations, not the user's


def normalise_messages(record: Any, where: str) -> list[dict[str, Any]]:
    """The record's conversation as ``role``/``content`` messages (``messages`` or ``conversations``)."""
    if not isinstance(record, dict):
        raise LabelsError(f"{where}: expected a JSON object with a 'messages' list, got {type(record).__name__}")
    if isinstance(record.get("messages"), list):
        raw, role_key, content_key = record["messages"], "role", "content"
    elif isinstance(record.get("conversations"), list):
        raw = record["conversations"]
        first = raw[0] if raw and isinstance(raw[0], dict) else {}
        role_key, content_key = ("from", "value") if "from" in first else ("role", "content")
    else:
        raise LabelsError(
            f"{where}: expected a 'messages' list of {{role, content}} or a 'conversations' list of "
            f"{{from, value}}; found keys {sorted(record)}"
        )
    messages = []
    for index, message in enumerate(raw):
        if not isinstance(message, dict) or role_key not in message:
            raise LabelsError(f"{where}: message {index} has no {role_key!r}")
        role = str(message[role_key])
        role = _ROLE_NAMES.get(role.lower(), role) if role_key == "from" else role
        normalised = {key: value for key, value in message.items() if key not in (role_key, content_key)}
        normalised["role"] = role
        normalised["content"] = message.get(content_key, "")
        messages.append(normalised)
    if not any(message["role"] == "assistant" for message in messages):
        raise LabelsError(f"{where}: the conversation has no assistant turn, so nothing should be trained")
    return messages


def load_samples(path: str | Path) -> list[Sample]:
    """Read a JSON-lines file of conversations."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise LabelsError(f"cannot read the sample file {path}: {error.strerror or error}") from error
    samples = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise LabelsError(f"{where}: not valid JSON: {error.msg}") from error
        samples.append(Sample(f"{path.name}:{number}", record, normalise_messages(record, where)))
    if not samples:
        raise LabelsError(f"{path}: no conversations in it (one JSON object per line)")
    return samples


def _long_reply() -> str:
    sentences = [
        "Gradient accumulation adds up the gradients of several small batches before one optimiser step.",
        "It lets a small machine train with the effective batch size of a large one.",
        "The learning rate schedule counts optimiser steps, not batches, so it must be scaled to match.",
        "Mixed precision keeps a full-precision copy of the weights and computes in half precision.",
        "The loss is averaged over the trained tokens, which is why the labels mask matters so much.",
    ]
    paragraphs = []
    for number in range(1, 9):
        paragraphs.append(f"Point {number}: " + " ".join(sentences[(number + k) % len(sentences)] for k in range(3)))
    return "\n\n".join(paragraphs) + "\n\nIn short: check the labels before a long run."


def builtin_samples() -> list[Sample]:
    """System + user + assistant; two assistant replies; non-ASCII text; a reply long enough to be cut."""
    conversations = {
        "system-user-assistant": [
            {"role": "system", "content": "You are a concise assistant."},
            {"role": "user", "content": "What is the capital of France?"},
            {"role": "assistant", "content": "The capital of France is Paris."},
        ],
        "multi-turn": [
            {"role": "user", "content": "Name a prime number."},
            {"role": "assistant", "content": "Seven is a prime number."},
            {"role": "user", "content": "And an even one?"},
            {"role": "assistant", "content": "Two is the only even prime."},
        ],
        "non-ascii": [
            {"role": "user", "content": "Wie heißt die Hauptstadt von Österreich? Réponds brièvement 🙂"},
            {"role": "assistant", "content": "Wien. 東京は日本の首都です。 Ça va ✓"},
        ],
        "long-reply": [
            {"role": "user", "content": "Explain gradient accumulation and mixed precision in detail."},
            {"role": "assistant", "content": _long_reply()},
        ],
    }
    return [
        Sample(name, {"messages": messages}, [dict(m) for m in messages], builtin=True)
        for name, messages in conversations.items()
    ]
