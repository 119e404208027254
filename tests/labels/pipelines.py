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


def _reply_spans(tokenizer: Any, messages: list[dict[str, Any]]) -> tuple[list[int], list[int]]:
    """The ids of the conversation and a 0/1 mask of every assistant reply (with its end of turn), by prefixes."""
    ids = _ids(tokenizer, messages)
    mask = [0] * len(ids)
    for index, message in enumerate(messages):
        if message["role"] == "assistant":
            start = len(_ids(tokenizer, messages[:index], generation_prompt=True))
            end = len(_ids(tokenizer, messages[: index + 1]))
            mask[start:end] = [1] * (end - start)
    return ids, mask


def completion_mask_batch(
    examples: list[dict[str, Any]], tokenizer: Any, field: str = "completion_mask", bug: str | None = None
) -> dict[str, Any]:
    """No labels: a 0/1 mask of the replies the trainer turns into labels. bug="no-eos" leaves each reply's end
    of turn out of the mask."""
    rows, masks = [], []
    for example in examples:
        ids, mask = _reply_spans(tokenizer, example["messages"])
        if bug == "no-eos":
            mask = [flag if flag and nxt else 0 for flag, nxt in zip(mask, mask[1:] + [0])]
        rows.append(ids)
        masks.append(mask)
    width = max(map(len, rows))
    return {
        "input_ids": [row + [tokenizer.pad_token_id] * (width - len(row)) for row in rows],
        "attention_mask": [[1] * len(row) + [0] * (width - len(row)) for row in rows],
        field: [mask + [0] * (width - len(mask)) for mask in masks],
    }


def offset_length_batch(examples: list[dict[str, Any]], tokenizer: Any) -> tuple[Any, Any]:
    """(batch, lengths) with NumPy: rows padded with 0, one (offset, length) pair per row, no labels."""
    import numpy

    encoded = [offset_and_length(tokenizer, example["messages"]) for example in examples]
    width = max(length for _, _, length in encoded) + 2
    batch = numpy.zeros((len(encoded), width), dtype=numpy.int32)
    for index, (ids, _, length) in enumerate(encoded):
        batch[index, :length] = ids
    return batch, numpy.array([[offset, length] for _, offset, length in encoded])


def prompt_length_batch(examples: list[dict[str, Any]], tokenizer: Any, padding_side: str = "right") -> tuple:
    """(prompt lengths, input_ids, attention_mask, infos) with torch, (B, 1, L) rows, no labels."""
    import torch

    encoded = [offset_and_length(tokenizer, example["messages"]) for example in examples]
    width = max(length for _, _, length in encoded)
    pad = tokenizer.pad_token_id
    ids, masks = [], []
    for row, _, length in encoded:
        fill = width - length
        ids.append([row + [pad] * fill] if padding_side == "right" else [[pad] * fill + row])
        masks.append([[1] * length + [0] * fill] if padding_side == "right" else [[0] * fill + [1] * length])
    infos = {"input": ["..."] * len(encoded)}
    return [offset for _, offset, _ in encoded], torch.tensor(ids), torch.tensor(masks), infos


def _pad(rows: list[list[int]], value: int) -> list[list[int]]:
    width = max(map(len, rows))
    return [row + [value] * (width - len(row)) for row in rows]


class PadIdCollator:
    """Takes the pad id, not a tokenizer; wants token ids; labels are the ids with the pad id masked by value
    (so a pad that is also the EOS masks every end of turn)."""

    def __init__(self, pad_token_id: int, label_pad: int = IGNORE) -> None:
        self.pad_token_id = pad_token_id
        self.label_pad = label_pad

    def __call__(self, features: list[dict[str, Any]]) -> dict[str, Any]:
        ids = _pad([list(feature["input_ids"]) for feature in features], self.pad_token_id)
        labels = [[IGNORE if token == self.pad_token_id else token for token in row] for row in ids]
        mask = _pad([[1] * len(feature["input_ids"]) for feature in features], 0)
        return {"input_ids": ids, "attention_mask": mask, "labels": labels}


class ResponseTemplateCollator:
    """Wants token ids; trains everything after the first occurrence of the response template's ids (a
    completion-only collator without an instruction template, so later user turns are trained too)."""

    def __init__(self, response_template: str, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.key = list(tokenizer(response_template, add_special_tokens=False)["input_ids"])

    def __call__(self, features: list[dict[str, Any]]) -> dict[str, Any]:
        rows = [list(feature["input_ids"]) for feature in features]
        labels = []
        for row in rows:
            start = next(i for i in range(len(row)) if row[i : i + len(self.key)] == self.key) + len(self.key)
            labels.append([IGNORE] * start + row[start:])
        return {
            "input_ids": _pad(rows, self.tokenizer.pad_token_id),
            "attention_mask": _pad([[1] * len(row) for row in rows], 0),
            "labels": _pad(labels, IGNORE),
        }


class AssistantMaskCollator:
    """Wants token ids and their assistant_masks (KeyError without them); trains where the mask is 1."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, features: list[dict[str, Any]]) -> dict[str, Any]:
        rows = [list(feature["input_ids"]) for feature in features]
        masks = [feature["assistant_masks"] for feature in features]
        labels = [[t if m else IGNORE for t, m in zip(row, mask)] for row, mask in zip(rows, masks)]
        return {
            "input_ids": _pad(rows, self.tokenizer.pad_token_id),
            "attention_mask": _pad([[1] * len(row) for row in rows], 0),
            "labels": _pad(labels, IGNORE),
        }


try:
    from torch.utils.data import Dataset as _TorchDataset
except ImportError:  # pragma: no cover - torch is in the test environment
    _TorchDataset = object  # type: ignore[assignment,misc]


class PromptLengthDataset(_TorchDataset):
    """Built from records, a tokenizer and a strategy whose args carry settings; items are (prompt length,
    (1, L) ids, (1, L) mask, info); collate_fn pads them right. bug="no-generation-prompt" measures the prompt
    without the assistant header, so the header is trained."""

    def __init__(self, dataset: list[dict[str, Any]], tokenizer: Any, max_length: int, strategy: Any) -> None:
        import torch

        self.tokenizer, self.max_length, self.torch = tokenizer, max_length, torch
        key = getattr(strategy.args, "input_key", "messages")
        bug = getattr(strategy.args, "bug", None)
        self.items = []
        for record in dataset:
            messages = record[key]
            ids = _ids(tokenizer, messages)[:max_length]
            prompt = _ids(tokenizer, messages[:-1], generation_prompt=bug != "no-generation-prompt")
            self.items.append((len(prompt), ids))

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> tuple[int, Any, Any, dict[str, Any]]:
        prompt_length, ids = self.items[index]
        tensor = self.torch.tensor([ids])
        return prompt_length, tensor, self.torch.ones_like(tensor), {"index": index}

    def collate_fn(self, items: list[tuple[int, Any, Any, dict[str, Any]]]) -> tuple[list[int], Any, Any, dict]:
        width = max(item[1].shape[1] for item in items)
        pad = self.tokenizer.pad_token_id
        ids = self.torch.full((len(items), width), pad)
        mask = self.torch.zeros((len(items), width), dtype=self.torch.long)
        for row, (_, tensor, ones, _) in enumerate(items):
            ids[row, : tensor.shape[1]] = tensor[0]
            mask[row, : tensor.shape[1]] = ones[0]
        return [item[0] for item in items], ids, mask, {"index": [item[3]["index"] for item in items]}


class ProcessedChatDataset:
    """No collate_fn: items are the raw records and a process method turns one into (ids, prompt offset)."""

    def __init__(self, data: list[dict[str, Any]], tokenizer: Any, mask_prompt: bool = True) -> None:
        self.data, self.tokenizer, self.mask_prompt = data, tokenizer, mask_prompt

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index: int) -> dict[str, Any]:
        return self.data[index]

    def process(self, record: dict[str, Any]) -> tuple[list[int], int]:
        ids, offset, _ = offset_and_length(self.tokenizer, record["messages"])
        return ids, offset if self.mask_prompt else 0
