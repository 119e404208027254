"""Markers a collator searches for in the token ids, and where they are (or are not) in a row.

A completion-only collator (trl's ``DataCollatorForCompletionOnlyLM(response_template=...)``, unsloth's
``train_on_responses_only(instruction_part=..., response_part=...)``, hand-written ones) tokenizes a marker on its
own and looks for those ids in each row. Inside the conversation the same text may tokenize differently (a
SentencePiece word start, a merge with the newline before it), and then the marker is never found: the row trains
nothing, or user turns leak into the loss. ``collect_markers`` finds the markers a target was given (its ``--arg``
values, its attributes, its parameters' defaults); ``match_marker`` compares one with a row.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any

# marker kind -> the names a marker's text is given under, and the names of the ids a collator computed from it
MARKER_NAMES: dict[str, tuple[str, ...]] = {
    "response": ("response_template", "response_part", "response_marker", "assistant_template"),
    "instruction": ("instruction_template", "instruction_part", "instruction_marker", "human_template"),
}
MARKER_ID_NAMES: dict[str, tuple[str, ...]] = {
    "response": ("response_token_ids",),
    "instruction": ("instruction_token_ids",),
}


@dataclass
class Marker:
    """A marker given to the collator: its text and the ids the collator searches for."""

    kind: str  # response or instruction
    name: str  # the argument or attribute that gave it
    text: str
    ids: list[int]  # tokenized alone (add_special_tokens=False), or the ids the collator was given / computed
    pieces: list[str] = field(default_factory=list)  # the decoded text of each of those ids
    missing_rows: int = 0  # rows in which it is not found as often as its text occurs
    # the vocabulary's name of its ids and of the ids it has in context (``▁###``, ``Ġassistant``): decoded text
    # hides the difference between a word-start token and a plain one
    token_names: dict[int, str] = field(default_factory=dict)

    def names(self, ids: list[int]) -> str:
        return " ".join(self.token_names.get(token, "?") for token in ids)


@dataclass
class MarkerMatch:
    """One marker in one row: how often its text occurs and how often its ids do, and its ids in context."""

    text_count: int
    ids_count: int
    context_positions: list[int]  # the row's tokens that cover the first occurrence of its text

    @property
    def missing(self) -> bool:
        return self.ids_count < max(self.text_count, 1)


def collect_markers(bound: Any, args: dict[str, Any], tokenizer: Any) -> list[Marker]:
    """The markers the bound target was given: ``--arg`` values, then attributes of a collator instance, then
    the keyword arguments (and defaults) of a function. A marker given as ids is used as such."""

    values = _marker_values(bound, args)
    markers = []
    for kind, names in MARKER_NAMES.items():
        name = next((n for n in names if isinstance(values.get(n), (str, list, tuple)) and values.get(n)), None)
        if name is None:
            continue
        given_ids = next((values[n] for n in MARKER_ID_NAMES[kind] if _is_id_list(values.get(n))), None)
        try:
            marker = _marker(kind, name, values[name], given_ids, tokenizer)
        except Exception:  # ids outside the vocabulary, a tokenizer that cannot encode it: nothing to compare
            continue
        if marker is not None:
            markers.append(marker)
    return markers


def _marker(kind: str, name: str, value: Any, given_ids: Any, tokenizer: Any) -> Marker | None:
    from chatlint.labels.tokenizer import decode_pieces

    if _is_id_list(value):
        ids = [int(token) for token in value]
        text = tokenizer.decode(ids, skip_special_tokens=False, clean_up_tokenization_spaces=False)
    elif isinstance(value, str):
        text = value
        ids = [int(t) for t in given_ids] if given_ids else _encode_alone(tokenizer, value)
    else:
        return None
    return Marker(kind, name, text, ids, decode_pieces(tokenizer, ids)) if ids and text else None


def _marker_values(bound: Any, args: dict[str, Any]) -> dict[str, Any]:
    wanted = {name for names in (*MARKER_NAMES.values(), *MARKER_ID_NAMES.values()) for name in names}
    values: dict[str, Any] = {}
    function = getattr(bound, "function", None)
    keyword_arguments = getattr(bound, "keyword_arguments", {}) or {}
    if bound is not None and bound.kind in ("collator-class", "collator-instance"):
        for name in wanted:
            try:
                value = getattr(function, name, None)
            except Exception:  # a property of the user's class may raise anything
                value = None
            if value is not None:
                values[name] = value
    else:
        try:
            signature = inspect.signature(function) if function is not None else None
        except (TypeError, ValueError):
            signature = None
        if signature is not None:
            for name, parameter in signature.parameters.items():
                if name in wanted and parameter.default is not inspect.Parameter.empty:
                    values[name] = parameter.default
        values.update({name: value for name, value in keyword_arguments.items() if name in wanted})
    values.update({name: value for name, value in args.items() if name in wanted})
    return values


def _is_id_list(value: Any) -> bool:
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(isinstance(t, int) and not isinstance(t, bool) for t in value)
    )


def _encode_alone(tokenizer: Any, text: str) -> list[int]:
    from chatlint.labels.tokenizer import as_id_list

    return as_id_list(tokenizer(text, add_special_tokens=False)["input_ids"])


def count_sublist(ids: list[int], part: list[int]) -> int:
    """How many times ``part`` occurs in ``ids`` (overlapping occurrences counted)."""
    size = len(part)
    if not size:
        return 0
    return sum(1 for start in range(len(ids) - size + 1) if ids[start : start + size] == part)


def match_marker(marker: Marker, ids: list[int], pieces: list[str]) -> MarkerMatch:
    """Compare the marker with a row: ``pieces`` are the row's tokens decoded in context (they join into its
    text)."""
    text = "".join(pieces)
    starts = []
    offset = 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece)
    text_count = text.count(marker.text)
    found = text.find(marker.text)
    context: list[int] = []
    if found >= 0:
        end = found + len(marker.text)
        context = [
            position
            for position, (start, piece) in enumerate(zip(starts, pieces))
            if piece and start < end and start + len(piece) > found
        ]
    return MarkerMatch(text_count, count_sublist(ids, marker.ids), context)
