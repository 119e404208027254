"""Mapping one collator row onto the template's reference render, token by token.

``align`` gives every collator token a role (prompt, reply, end-of-turn, ...) and explains every difference it
can: a stray generation header, an extra BOS, truncation. What remains is a mismatch with the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from chatlint.labels.reference import Reference


@dataclass
class Alignment:
    roles: list[str]  # per collator position: prompt, reply, end-of-turn, trailing, header, bos, other
    reply_index: list[int | None]  # per collator position: which reference reply it belongs to
    stray_blocks: list[list[int]] = field(default_factory=list)
    mismatches: list[tuple[int, int, int, int]] = field(default_factory=list)  # ref i1, i2; collator j1, j2
    missing_by_truncation: set[int] = field(default_factory=set)  # reference positions cut away at an end
    missing_end_of_turn: set[int] = field(default_factory=set)  # reference end-of-turn positions absent inside
    match_ratio: float = 1.0


def align(
    ids: list[int], reference: Reference, bos_token_id: int | None, end_ids: frozenset[int] = frozenset()
) -> Alignment:
    """``end_ids`` (EOS, end-of-turn tokens) inserted next to a turn's end are ``end-repeat``, not a mismatch."""
    ref_ids = reference.ids
    mapping: list[int | None] = [None] * len(ids)  # per collator position: its reference position, if any
    inserted: dict[int, str] = {}
    header = reference.generation_header
    alignment = Alignment([], [])
    reference_roles = reference.reply_roles()
    matcher = SequenceMatcher(None, ref_ids, ids, autojunk=False)
    matched = 0
    opcodes = matcher.get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:  # map the equal blocks first: sliding an insertion moves their ends
        if tag == "equal":
            for offset in range(j2 - j1):
                mapping[j1 + offset] = i1 + offset
            matched += i2 - i1
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        if tag == "insert":
            stray = _stray_header(ids, j1, j2, header, mapping, i1)
            if stray is not None:
                alignment.stray_blocks.append(stray)
                inserted.update({p: "header" for p in stray})
                rest = [p for p in range(j1, j2) if p not in stray and mapping[p] is None]
            else:
                rest = list(range(j1, j2))
            if (
                rest
                and bos_token_id is not None
                and bos_token_id in ref_ids
                and all(ids[p] == bos_token_id for p in rest)
            ):
                inserted.update({p: "bos" for p in rest})  # a second BOS: extra-bos says it
            elif rest and _repeats_end_of_turn(rest, ids, end_ids, mapping, reference_roles):
                inserted.update({p: "end-repeat" for p in rest})  # doubled-end-of-turn says it
            elif rest:
                inserted.update({p: "other" for p in rest})
                alignment.mismatches.append((i1, i2, j1, j2))
        elif tag == "delete" and j1 == len(ids):
            alignment.missing_by_truncation.update(range(i1, i2))
        elif tag == "delete" and j1 == 0:
            # the start is missing: left truncation or a dropped turn; either way not what the template renders
            alignment.missing_by_truncation.update(range(i1, i2))
            alignment.mismatches.append((i1, i2, j1, j2))
        elif tag == "delete" and _only_end_of_turn(reference_roles[i1:i2]):
            # a reply's end of turn left out between turns: missing-end-of-turn says it
            alignment.missing_end_of_turn.update(range(i1, i2))
        elif (
            tag == "replace"
            and all(role == "trailing" for role in reference_roles[i1:i2])
            and _repeats_end_of_turn(list(range(j1, j2)), ids, end_ids, mapping, reference_roles)
        ):
            # `text.rstrip() + eos`: the newline after the end of turn (either way fine) gave way to an end token
            inserted.update({p: "end-repeat" for p in range(j1, j2)})
        else:  # a deletion inside the sequence, or tokens replaced
            if (
                tag == "replace"
                and j2 == len(ids)
                and i2 == len(ref_ids)
                and header
                and ids[j1:j2] == header[: j2 - j1]
            ):
                # truncated and then given the generation header: both are real problems
                alignment.stray_blocks.append(list(range(j1, j2)))
                inserted.update({p: "header" for p in range(j1, j2)})
                alignment.missing_by_truncation.update(range(i1, i2))
                continue
            inserted.update({p: "other" for p in range(j1, j2)})
            alignment.mismatches.append((i1, i2, j1, j2))
    compared = len(ref_ids) - len(alignment.missing_by_truncation)
    alignment.match_ratio = matched / compared if compared > 0 else 0.0
    _assign_roles(alignment, mapping, inserted, reference, reference_roles)
    return alignment


def _assign_roles(
    alignment: Alignment,
    mapping: list[int | None],
    inserted: dict[int, str],
    reference: Reference,
    reference_roles: list[str],
) -> None:
    """Each collator position's role: its reference position's, or what was inserted there; and its reply."""
    owner: dict[int, int] = {}
    for index, reply in enumerate(reference.replies):
        for position in (*reply.positions, *reply.trailing):
            owner[position] = index
    for position, ref_position in enumerate(mapping):
        if ref_position is None:
            alignment.roles.append(inserted.get(position, "other"))
            alignment.reply_index.append(None)
        else:
            alignment.roles.append(reference_roles[ref_position])
            alignment.reply_index.append(owner.get(ref_position))


def _repeats_end_of_turn(
    rest: list[int], ids: list[int], end_ids: frozenset[int], mapping: list[int | None], roles: list[str]
) -> bool:
    """Whether the inserted positions ``rest`` are end tokens right after a turn's end-of-turn token (what may
    follow it, a newline, in between) or right before one."""
    if not end_ids or not all(ids[p] in end_ids for p in rest) or rest != list(range(rest[0], rest[-1] + 1)):
        return False

    def role(position: int) -> str | None:
        reference_position = mapping[position] if 0 <= position < len(mapping) else None
        return roles[reference_position] if reference_position is not None else None

    before = rest[0] - 1
    while role(before) == "trailing":
        before -= 1
    return role(before) == "end-of-turn" or role(rest[-1] + 1) == "end-of-turn"


def _only_end_of_turn(roles: list[str]) -> bool:
    """An end-of-turn token, with at most what may follow it (a newline)."""
    return "end-of-turn" in roles and all(role in ("end-of-turn", "trailing") for role in roles)


def _stray_header(
    ids: list[int], j1: int, j2: int, header: list[int], mapping: list[int | None], i1: int
) -> list[int] | None:
    """The positions of a generation header inserted at [j1, j2), if the insertion is one.

    A sequence matcher may place an insertion anywhere in a run of repeated tokens
    (``<eot><sh>assistant<eh>⏎⏎<sh>user`` can align as ``assistant<eh>⏎⏎<sh>`` inserted), so the insertion is
    slid left or right over equal tokens to find the header; the mapping of the slid-over tokens moves with it.
    """
    size = len(header)
    if not size or j2 - j1 < size:
        return None
    if j2 - j1 > size:  # header plus something else: only look at the block's ends
        for start in (j1, j2 - size):
            if ids[start : start + size] == header:
                return list(range(start, start + size))
        return None
    for shift in sorted(range(-size, size + 1), key=abs):
        start, end = j1 + shift, j2 + shift
        if start < 0 or end > len(ids) or ids[start:end] != header:
            continue
        if shift < 0 and ids[start:j1] != ids[end:j2]:
            continue
        if shift > 0 and ids[j1:start] != ids[j2:end]:
            continue
        if shift < 0:  # tokens [start, j1) were matched; they now sit at [end, j2)
            moved = mapping[start:j1]
            if any(m is None for m in moved):
                continue
            mapping[end:j2] = moved
            mapping[start:end] = [None] * size
        elif shift > 0:  # tokens [j2, end) were matched; they now sit at [j1, start)
            moved = mapping[j2:end]
            if any(m is None for m in moved):
                continue
            mapping[j1:start] = moved
            mapping[start:end] = [None] * size
        return list(range(start, end))
    return None
