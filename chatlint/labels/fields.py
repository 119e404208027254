"""Reading a target's output that has no ``labels`` field the way the trainer that consumes it builds labels.

Many pipelines leave the labels to the trainer: a per-token mask (``completion_mask``, ``assistant_masks``:
trained where 1), a prompt length (``prompt_ids_len``: the first N positions are masked, the rest of the real
tokens trained), or ``(offset, length)`` pairs (targets counted from 1, trained from ``offset`` through
``length`` inclusive, labels already shifted). Tuples are read by what their items look like, and a
``(batch, 1, length)`` shape is read as ``(batch, length)``. ``read_fields`` returns a mapping with
``input_ids``, ``labels`` and maybe ``attention_mask``, and a note that says which field was used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chatlint.labels.model import LabelsError

IGNORE = -100
MASK_FIELDS = ("completion_mask", "assistant_masks", "assistant_mask", "loss_mask")
PROMPT_LENGTH_FIELDS = ("prompt_ids_len", "prompt_ids_lens", "prompt_id_lens", "prompt_length", "prompt_lengths")
PAIR_FIELDS = ("lengths", "offsets")


@dataclass
class Read:
    fields: dict[str, Any]  # input_ids, labels, attention_mask (lists; rows of a batch, or one row)
    note: str | None  # which field the labels were built from, when it was not ``labels``
    # what the field says should be trained: a prompt length or an offset trains what follows the prompt
    intent: str | None = None
    # the per-token mask fields the output carries (assistant_masks, ...), as read: their values are checked too
    masks: dict[str, Any] = field(default_factory=dict)
    labels_field: str = "labels"  # the field the labels were read from: labels, or shift_labels (pre-shifted)


def shape(value: Any) -> tuple[int, ...]:
    """The shape of a list, array or tensor (of nested lists: by their first items)."""
    if hasattr(value, "shape"):
        return tuple(int(size) for size in value.shape)
    if isinstance(value, (list, tuple)):
        return (len(value),) + (shape(value[0]) if value else ())
    return ()


def _plain(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def squeeze(value: Any, name: str, rows: bool, spec: str) -> Any:
    """``value`` as plain lists of ``(batch, length)`` when ``rows``, else ``(length,)``; ``(batch, 1, length)``
    and ``(1, length)`` lose their 1. Any other shape is refused with the shape that was seen."""
    seen = shape(value)
    plain = _plain(value)
    wanted = 2 if rows else 1
    if len(seen) == wanted + 1 and seen[-2] == 1:
        plain = [item[0] for item in plain] if rows else plain[0]
    elif len(seen) != wanted:
        expected = "(batch, length) or (batch, 1, length)" if rows else "(length,) or (1, length)"
        raise LabelsError(f"target {spec!r}: {name} has shape {seen}, expected {expected}")
    return plain


def read_fields(item: Any, rows: bool, spec: str) -> Read:
    """The fields of one output (a batch when ``rows``, else one example), labels built when absent."""
    if isinstance(item, (tuple, list)) and not hasattr(item, "keys"):
        item, note = _tuple_fields(item, rows, spec)
    elif hasattr(item, "keys"):
        item, note = {str(key): item[key] for key in item.keys()}, None
    else:
        raise LabelsError(f"target {spec!r} returned {type(item).__name__}, expected a dict with input_ids and labels")
    if "input_ids" not in item:
        raise LabelsError(
            f"target {spec!r} returned keys {sorted(item)}: no input_ids. chatlint labels checks collators that "
            "build labels (or a mask, prompt length or (offset, length) pairs the trainer builds them from)"
        )
    fields = {"input_ids": squeeze(item["input_ids"], "input_ids", rows, spec)}
    if item.get("attention_mask") is not None:
        fields["attention_mask"] = squeeze(item["attention_mask"], "attention_mask", rows, spec)
    masks = {name: squeeze(item[name], name, rows, spec) for name in MASK_FIELDS if item.get(name) is not None}
    if "labels" in item and item["labels"] is not None:
        fields["labels"] = squeeze(item["labels"], "labels", rows, spec)
        return Read(fields, note, masks=masks)
    if item.get("shift_labels") is not None:
        # transformers' causal-LM loss takes `shift_labels` as they are (labels[i] is the target of token i): a
        # pipeline that shifts its labels itself hands them over under this name
        fields["labels"] = squeeze(item["shift_labels"], "shift_labels", rows, spec)
        shifted_note = "labels read from shift_labels, which a model's loss takes without shifting them again"
        return Read(fields, f"{note + '; ' if note else ''}{shifted_note}", masks=masks, labels_field="shift_labels")
    batch = fields if rows else {key: [value] for key, value in fields.items()}
    labels, built_from = _build_labels(item, batch, rows, spec)
    intent = "last-reply" if any(item.get(name) is not None for name in PROMPT_LENGTH_FIELDS + PAIR_FIELDS) else None
    fields["labels"] = labels if rows else labels[0]
    if "attention_mask" in batch and "attention_mask" not in fields:
        fields["attention_mask"] = batch["attention_mask"] if rows else batch["attention_mask"][0]
    return Read(fields, f"{note + '; ' if note else ''}{built_from}", intent, masks)


def _build_labels(item: dict[str, Any], batch: dict[str, Any], rows: bool, spec: str) -> tuple[list[Any], str]:
    ids = batch["input_ids"]
    masks = [name for name in MASK_FIELDS if item.get(name) is not None]
    if masks:
        trained = [squeeze(item[name], name, rows, spec) for name in masks]
        trained = trained if rows else [[mask] for mask in trained]
        labels = [
            [token if all(mask[r][i] for mask in trained) else IGNORE for i, token in enumerate(row)]
            for r, row in enumerate(ids)
        ]
        return labels, (
            f"labels built from {' and '.join(masks)} as the trainer does (token trained where "
            f"{'each is' if len(masks) > 1 else 'it is'} 1; not shifted)"
        )
    lengths = next((name for name in PROMPT_LENGTH_FIELDS if item.get(name) is not None), None)
    if lengths is not None:
        values = _plain(item[lengths])
        values = values if rows else [values]
        attention = batch.get("attention_mask") or [[1] * len(row) for row in ids]
        labels = [
            [token if i >= int(length) and attention[r][i] else IGNORE for i, token in enumerate(row)]
            for r, (row, length) in enumerate(zip(ids, values))
        ]
        return labels, (
            f"labels built from {lengths} as the trainer does (the first N positions of each padded row masked, "
            "the other real tokens trained; not shifted)"
        )
    pairs = next((name for name in PAIR_FIELDS if item.get(name) is not None), None)
    if pairs is not None:
        values = _plain(item[pairs]) if rows else [_plain(item[pairs])]
        if "attention_mask" not in batch:  # the real tokens are the first `length` of each row
            batch["attention_mask"] = [
                [int(i < length) for i in range(len(row))] for row, (_, length) in zip(ids, values)
            ]
        return _labels_from_pairs(ids, values, pairs, spec), (
            f"labels built from {pairs} (offset, length) pairs as a length-masked loss does (targets counted from "
            "1, trained from offset through length inclusive; already shifted)"
        )
    raise LabelsError(
        f"target {spec!r} returned keys {sorted(item)}: no labels and nothing to build them from (one of "
        f"{', '.join(MASK_FIELDS + PROMPT_LENGTH_FIELDS + PAIR_FIELDS)})"
    )


def _labels_from_pairs(ids: list[list[int]], pairs: Any, name: str, spec: str) -> list[list[int]]:
    if shape(pairs) != (len(ids), 2):
        raise LabelsError(f"target {spec!r}: {name} has shape {shape(pairs)}, expected ({len(ids)}, 2)")
    labels = []
    for row, (offset, length) in zip(ids, pairs):
        labels.append([row[j + 1] if offset <= j + 1 <= length else IGNORE for j in range(len(row) - 1)])
    return labels


def _tuple_fields(item: Any, rows: bool, spec: str) -> tuple[dict[str, Any], str]:
    """A tuple read by what its items look like: the first token-id array is input_ids; an array of 0/1 of the
    same shape after it the attention mask; one number per row a prompt length; (batch, 2) pairs (offset,
    length); mappings (info) are left out."""
    fields: dict[str, Any] = {}
    named: list[str] = []
    id_rank = 2 if rows else 1
    for position, value in enumerate(item):
        if hasattr(value, "keys") or isinstance(value, str) or value is None:
            continue
        seen = shape(value)
        squeezed = seen[:-2] + seen[-1:] if len(seen) == id_rank + 1 and seen[-2] == 1 else seen
        name = _tuple_item_name(fields, squeezed, id_rank, _plain(value))
        if name is None:
            continue
        fields[name] = value
        named.append(f"item {position} as {name}")
    if "input_ids" not in fields:
        raise LabelsError(
            f"target {spec!r} returned a {type(item).__name__} of {len(item)} items with shapes "
            f"{[shape(value) for value in item]}: none of them reads as token ids"
        )
    return fields, f"a {type(item).__name__} read by position: {', '.join(named)}"


def _tuple_item_name(fields: dict[str, Any], seen: tuple[int, ...], id_rank: int, value: Any) -> str | None:
    if "input_ids" not in fields:
        if len(seen) == id_rank:
            return "input_ids"
        return "prompt_ids_len" if len(seen) == id_rank - 1 and "prompt_ids_len" not in fields else None
    ids_shape = shape(fields["input_ids"])
    ids_shape = ids_shape[:-2] + ids_shape[-1:] if len(ids_shape) == id_rank + 1 else ids_shape
    if seen == ids_shape and "attention_mask" not in fields and set(_flatten(value)) <= {0, 1}:
        return "attention_mask"
    if seen == ids_shape and "labels" not in fields:
        return "labels"
    if id_rank == 2 and seen == (ids_shape[0], 2) and "lengths" not in fields:
        return "lengths"
    if len(seen) == id_rank - 1 and "prompt_ids_len" not in fields:
        return "prompt_ids_len"
    return None


def _flatten(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [leaf for item in value for leaf in _flatten(item)]
    return [value]
