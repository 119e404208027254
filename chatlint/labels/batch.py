"""Turning a collator's output (lists, NumPy arrays or torch tensors; padded left or right; labels shifted or
not) into one plain row per example: unpadded input ids and a trained mask over them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chatlint.labels.model import LabelsError


def rank(value: Any) -> int:
    """Number of dimensions of a list, array or tensor."""
    if hasattr(value, "ndim"):
        return int(value.ndim)
    if hasattr(value, "dim") and callable(value.dim):
        return int(value.dim())
    if isinstance(value, (list, tuple)):
        return 1 + (rank(value[0]) if value else 0)
    return 0


def to_list(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [to_list(item) for item in value]
    return value


@dataclass
class Row:
    """One example as the collator returned it (still padded)."""

    input_ids: list[int]
    labels: list[int]
    attention_mask: list[int] | None
    masks: dict[str, list[int]] = field(default_factory=dict)  # per-token mask fields (assistant_masks, ...)
    labels_field: str = "labels"  # or shift_labels: labels a model's loss takes without shifting them


def rows_from_output(
    output: Any, kind: str, count: int, spec: str, notes: list[str] | None = None, intents: set[str] | None = None
) -> list[Row]:
    """Split a batch (or a list of per-example dicts or tuples) into rows. Labels absent from the output are
    built from the field the trainer builds them from (``fields.read_fields``); what was used goes to ``notes``,
    what that field says should be trained to ``intents``."""
    from chatlint.labels.fields import read_fields

    per_example = kind == "example-function"
    items = output if per_example else [output]
    rows: list[Row] = []
    for item in items:
        read = read_fields(item, rows=not per_example, spec=spec)
        if read.note and notes is not None and read.note not in notes:
            notes.append(read.note)
        if read.intent and intents is not None:
            intents.add(read.intent)
        input_ids, labels = read.fields["input_ids"], read.fields["labels"]
        mask = read.fields.get("attention_mask")
        if per_example:
            input_ids, labels, mask = [input_ids], [labels], [mask] if mask is not None else None
        masks = {name: [value] if per_example else value for name, value in read.masks.items()}
        for index, ids in enumerate(input_ids):
            row_mask = mask[index] if mask is not None and index < len(mask) else None
            row_labels = labels[index] if index < len(labels) else []
            row_masks = {name: [int(v) for v in value[index]] for name, value in masks.items() if index < len(value)}
            row = Row([int(t) for t in ids], [int(t) for t in row_labels], row_mask, row_masks, read.labels_field)
            rows.append(row)
    if len(rows) != count:
        raise LabelsError(
            f"target {spec!r} returned {len(rows)} rows for {count} examples; chatlint labels expects one row per "
            "example (packing collators are not supported)"
        )
    return rows


@dataclass
class Unpadded:
    input_ids: list[int]
    labels: list[int]
    padding: str  # left, right or none
    length_problem: str | None = None  # labels and input_ids differ in length, or were padded differently
    problem_positions: list[int] = field(default_factory=list)  # where to point at it
    first: int = 0  # where the real tokens start and end in the padded row
    last: int = -1


def remove_padding(row: Row, pad_token_id: int | None, ends_with_pads: int = 0, starts_with_pads: int = 0) -> Unpadded:
    """Drop padding, by the attention mask when there is one, else by runs of the pad token at either end.

    ``ends_with_pads`` / ``starts_with_pads`` are how many pad tokens the template itself puts at the end
    (pad == EOS) or start (pad == BOS), so that a real EOS or BOS is not taken for padding.
    """
    ids, labels, mask = row.input_ids, row.labels, row.attention_mask
    if len(labels) not in (len(ids), len(ids) - 1):
        return Unpadded(
            ids,
            labels,
            "none",
            f"labels have {len(labels)} entries but input_ids have {len(ids)}",
            [len(ids) - 1] if ids else [],
        )
    if mask is not None and len(mask) == len(ids) and any(mask):
        keep = [index for index, flag in enumerate(mask) if flag]
        first, last = keep[0], keep[-1]
    else:
        first, last = 0, len(ids) - 1
        if pad_token_id is not None:
            while first <= last and ids[first] == pad_token_id:
                first += 1
            first -= min(first, starts_with_pads)
            trailing = 0
            while last >= first and ids[last] == pad_token_id:
                last -= 1
                trailing += 1
            last += min(trailing, ends_with_pads)
    padding = "left" if first > 0 else "right" if last < len(ids) - 1 else "none"
    kept_labels = labels[first : last + 1] if len(labels) == len(ids) else labels[first:last]
    padding_positions = [p for p in range(len(labels)) if not first <= p <= last]
    # a trained label on padding that is not the padding token itself means the labels were shifted against
    # input_ids by padding them differently
    trained_padding = [p for p in padding_positions if p < len(ids) and labels[p] >= 0 and labels[p] != ids[p]]
    if trained_padding:
        return Unpadded(
            ids[first : last + 1],
            kept_labels,
            padding,
            f"{len(trained_padding)} labels on padding positions are trained (first at padded position "
            f"{trained_padding[0]}): labels were padded differently from input_ids",
            [0] if trained_padding[0] < first else [last - first],
            first,
            last,
        )
    return Unpadded(ids[first : last + 1], kept_labels, padding, first=first, last=last)


def labels_on_padding(row: Row, unpadded: Unpadded, shifted: bool) -> list[int]:
    """Indexes of trained labels (in the padded row) whose target is padding or lies past the last token.

    Not shifted, ``labels[i]`` is the target of token ``i``: real for ``first <= i <= last``. Shifted,
    ``labels[i]`` is token ``i + 1``: real for ``first - 1 <= i <= last - 1`` (``labels[last]`` asks the model to
    predict what follows the last real token, the padding: an off-by-one length mask trains exactly that one).
    """
    offset = 1 if shifted else 0
    low, high = unpadded.first - offset, unpadded.last - offset
    return [index for index, label in enumerate(row.labels) if label >= 0 and not low <= index <= high]


@dataclass
class Trained:
    trained: list[bool]
    misaligned: list[int] = field(default_factory=list)  # positions whose label is not the token it should be


def trained_mask(ids: list[int], labels: list[int], shifted: bool) -> Trained:
    """Which input positions are training targets. A label below zero (-100) is ignored.

    Not shifted: ``labels[i]`` is the target for token ``i``. Shifted: ``labels[i]`` is token ``i + 1``.
    """
    trained = [False] * len(ids)
    misaligned = []
    for index, label in enumerate(labels):
        if label < 0:
            continue
        position = index + 1 if shifted else index
        if position >= len(ids):
            misaligned.append(len(ids) - 1)
            continue
        trained[position] = True
        if label != ids[position]:
            misaligned.append(position)
    return Trained(trained, misaligned)


def labels_are_shifted(rows: list[Unpadded]) -> bool:
    """Whether the collator already shifted its labels, judged over all rows: the reading with fewer labels
    that disagree with their token wins (ties: not shifted)."""
    plain = shifted = 0
    for row in rows:
        if row.length_problem:
            continue
        if len(row.labels) == len(row.input_ids) - 1:
            plain += len(row.labels)
            continue
        plain += len(trained_mask(row.input_ids, row.labels, False).misaligned)
        shifted += len(trained_mask(row.input_ids, row.labels, True).misaligned)
    return shifted < plain
