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
    tool_calls: bool = False  # has assistant tool calls: used only with a template that renders them
    # a plain-text prompt/completion record (no chat template): its prompt and completion text
    text_pair: tuple[str, str] | None = None


FIELD_NAMES = ("messages", "role", "content", "prompt", "completion")
DEFAULT_ROWS = 8  # rows read from a parquet file or a saved dataset when --max-examples is not given


def parse_field(text: str) -> tuple[str, str]:
    """``--sample-field messages=conversations``: which field of the user's records holds what."""
    name, separator, field = text.partition("=")
    name, field = name.strip(), field.strip()
    if not separator or name not in FIELD_NAMES or not field:
        raise LabelsError(
            f"--sample-field {text!r}: expected NAME=FIELD with NAME one of {', '.join(FIELD_NAMES)}, e.g. "
            "--sample-field messages=conversations --sample-field role=from --sample-field content=value"
        )
    return name, field


def normalise_messages(record: Any, where: str, fields: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The record's conversation as ``role``/``content`` messages: ``messages`` or ``conversations`` (or the
    field ``fields`` names), or a ``prompt`` + ``completion`` pair: lists of messages, or two strings (read as a
    user turn and the assistant's reply; such a pair's reference is the plain text, not the chat template)."""
    fields = fields or {}
    if not isinstance(record, dict):
        raise LabelsError(f"{where}: expected a JSON object with a 'messages' list, got {type(record).__name__}")
    prompt, completion = fields.get("prompt", "prompt"), fields.get("completion", "completion")
    if "messages" in fields:
        raw = record.get(fields["messages"])
        if not isinstance(raw, list):
            raise LabelsError(f"{where}: no {fields['messages']!r} list (--sample-field); found keys {sorted(record)}")
    elif isinstance(record.get("messages"), list):
        raw = record["messages"]
    elif isinstance(record.get("conversations"), list):
        raw = record["conversations"]
    elif prompt in record and completion in record:
        raw = _prompt_completion(record[prompt], record[completion], where)
    else:
        raise LabelsError(
            f"{where}: expected a 'messages' list of {{role, content}}, a 'conversations' list of {{from, value}} "
            f"or conversational 'prompt' and 'completion' lists; found keys {sorted(record)} (name yours with "
            "--sample-field messages=FIELD)"
        )
    first = raw[0] if raw and isinstance(raw[0], dict) else {}
    sharegpt = "from" in first and "role" not in first
    role_key = fields.get("role", "from" if sharegpt else "role")
    content_key = fields.get("content", "value" if sharegpt else "content")
    messages = []
    for index, message in enumerate(raw):
        if not isinstance(message, dict) or role_key not in message:
            raise LabelsError(f"{where}: message {index} has no {role_key!r}")
        role = str(message[role_key])
        role = _ROLE_NAMES.get(role.lower(), role) if role_key != "role" else role
        normalised = {key: value for key, value in message.items() if key not in (role_key, content_key)}
        normalised["role"] = role
        normalised["content"] = message.get(content_key, "")
        messages.append(normalised)
    if not any(message["role"] == "assistant" for message in messages):
        raise LabelsError(f"{where}: the conversation has no assistant turn, so nothing should be trained")
    return messages


def _prompt_completion(prompt: Any, completion: Any, where: str) -> list[Any]:
    if isinstance(prompt, list) and isinstance(completion, list):
        return prompt + completion
    if isinstance(prompt, str) and isinstance(completion, str):
        return [{"role": "user", "content": prompt}, {"role": "assistant", "content": completion}]
    raise LabelsError(
        f"{where}: prompt and completion are {type(prompt).__name__} and {type(completion).__name__}; expected "
        "two lists of messages (conversational) or two strings (plain text)"
    )


def text_pair(record: Any, fields: dict[str, str] | None = None) -> tuple[str, str] | None:
    """A plain-text prompt/completion record's two strings (None for any other record)."""
    fields = fields or {}
    if not isinstance(record, dict) or "messages" in fields:
        return None
    prompt, completion = record.get(fields.get("prompt", "prompt")), record.get(fields.get("completion", "completion"))
    if (
        isinstance(prompt, str)
        and isinstance(completion, str)
        and not any(isinstance(record.get(key), list) for key in ("messages", "conversations"))
    ):
        return prompt, completion
    return None


def make_sample(name: str, record: Any, where: str, fields: dict[str, str] | None = None) -> Sample:
    """One record as a Sample: its conversation normalised, and its text pair when it is plain text."""
    return Sample(name, record, normalise_messages(record, where, fields), text_pair=text_pair(record, fields))


def load_samples(path: str | Path, fields: dict[str, str] | None = None, limit: int | None = None) -> list[Sample]:
    """Read conversations from a JSON-lines file, a parquet file or a ``datasets`` folder saved to disk (its
    first ``limit`` rows, 8 unless given)."""
    path = Path(path)
    if path.is_dir() or path.suffix == ".parquet":
        rows = _saved_dataset_rows(path, limit or DEFAULT_ROWS) if path.is_dir() else _parquet_rows(path, limit)
        return [
            make_sample(f"{path.name}:{index}", row, f"{path}: row {index}", fields) for index, row in enumerate(rows)
        ] or _no_rows(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise LabelsError(f"cannot read the sample file {path}: {error.strerror or error}") from error
    samples: list[Sample] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if limit is not None and len(samples) >= limit:
            break
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise LabelsError(f"{where}: not valid JSON: {error.msg}") from error
        samples.append(make_sample(f"{path.name}:{number}", record, where, fields))
    return samples or _no_rows(path)


def _no_rows(path: Path) -> list[Sample]:
    raise LabelsError(f"{path}: no conversations in it (one JSON object per line)")


def _parquet_rows(path: Path, limit: int | None) -> list[dict[str, Any]]:
    try:
        import pyarrow.parquet as parquet
    except ImportError as error:
        raise LabelsError(f"{path}: reading parquet needs pyarrow: pip install pyarrow") from error
    try:
        batches = parquet.ParquetFile(str(path)).iter_batches(batch_size=limit or DEFAULT_ROWS)
        return list(next(iter(batches)).to_pylist())
    except StopIteration:
        return []
    except Exception as error:
        raise LabelsError(f"{path}: cannot read it as parquet: {type(error).__name__}: {error}") from error


def _saved_dataset_rows(path: Path, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` rows of a folder written by ``Dataset.save_to_disk`` (of a DatasetDict: its train
    split, else its first)."""
    try:
        import datasets
    except ImportError as error:
        raise LabelsError(f"{path}: reading a saved dataset folder needs datasets: pip install datasets") from error
    try:
        loaded = datasets.load_from_disk(str(path))
    except Exception as error:
        raise LabelsError(
            f"{path}: not a dataset saved with save_to_disk ({type(error).__name__}: {error}); --sample takes a "
            ".jsonl or .parquet file or such a folder"
        ) from error
    if isinstance(loaded, dict):  # a DatasetDict
        splits = list(loaded.keys())
        loaded = loaded["train" if "train" in splits else splits[0]]
    return [dict(loaded[index]) for index in range(min(limit, len(loaded)))]


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


# the tool the built-in tool-call conversation calls; a template that renders tool calls writes its name
TOOL_NAME = "get_weather"


def _tool_call_conversation() -> list[dict[str, Any]]:
    call = {"type": "function", "function": {"name": TOOL_NAME, "arguments": {"city": "Paris"}}}
    return [
        {"role": "user", "content": "What is the weather in Paris?"},
        {"role": "assistant", "content": "", "tool_calls": [call]},
        {"role": "tool", "name": TOOL_NAME, "content": "18 degrees and sunny"},
        {"role": "assistant", "content": "It is 18 degrees and sunny in Paris."},
    ]


def builtin_samples() -> list[Sample]:
    """System + user + assistant; two assistant replies (the one that exercises a collator's response and
    instruction markers); non-ASCII text; a reply long enough to be cut; a tool call and its result (used only
    where the template renders tool calls)."""
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
        "tool-call": _tool_call_conversation(),
    }
    return [
        Sample(
            name,
            {"messages": messages},
            [dict(m) for m in messages],
            builtin=True,
            tool_calls=any(m.get("tool_calls") for m in messages),
        )
        for name, messages in conversations.items()
    ]
