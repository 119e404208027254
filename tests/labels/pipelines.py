"""Small pipelines written here that behave like library ones (no library code is copied): a length-masked
chat dataset whose loss mask runs one token too far, collators that want token ids, and a Dataset class.

The tests load them as objects and as ``tests/labels/pipelines.py:Name`` targets.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

IGNORE = -100


def _ids(tokenizer: Any, messages: list[dict[str, Any]], generation_prompt: bool = False) -> list[int]:
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=generation_prompt)
    return list(tokenizer(text, add_special_tokens=False)["input_ids"])


def offset_and_length(tokenizer: Any, messages: list[dict[str, Any]]) -> tuple[list[int], int, int]:
    """The conversation's ids, where its last reply starts (the prompt's length) and its length."""
    ids = _ids(tokenizer, messages)
    return ids, len(_ids(tokenizer, messages[:-1], generation_prompt=True)), len(ids)


def length_masked_batch(examples: list[dict[str, Any]], tokenizer: Any, off_by_one: bool = True) -> dict[str, Any]:
    """Labels already shifted (one shorter than input_ids), trained from the prompt's end up to the row's length.

    With ``off_by_one`` the mask keeps target positions ``offset .. length`` inclusive (steps counted from 1), so
    the token after the last real one, a pad, is a target: the bug of a length mask compared with ``<=``.
    """
    encoded = [offset_and_length(tokenizer, example["messages"]) for example in examples]
    width = max(length for _, _, length in encoded) + 3
    pad = tokenizer.pad_token_id
    input_ids, labels = [], []
    for ids, offset, length in encoded:
        row = ids + [pad] * (width - len(ids))
        end = length if off_by_one else length - 1
        labels.append([row[j + 1] if offset <= j + 1 <= end else IGNORE for j in range(width - 1)])
        input_ids.append(row)
    return {"input_ids": input_ids, "labels": labels}


def labels_copy_batch(examples: list[dict[str, Any]], tokenizer: Any) -> dict[str, Any]:
    """labels = a copy of input_ids with nothing masked, padding included (not shifted, same length)."""
    rows = [_ids(tokenizer, example["messages"]) for example in examples]
    width = max(map(len, rows))
    padded = [row + [tokenizer.pad_token_id] * (width - len(row)) for row in rows]
    mask = [[1] * len(row) + [0] * (width - len(row)) for row in rows]
    return {"input_ids": padded, "attention_mask": mask, "labels": [list(row) for row in padded]}


__all__ = ["SimpleNamespace", "labels_copy_batch", "length_masked_batch", "offset_and_length"]
