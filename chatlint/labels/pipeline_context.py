"""What the checks of pipeline_checks read besides an example: the rows, the markers the collator was given, the
generation EOS ids beside the tokenizer, who shifts the labels, whether the template has ``{% generation %}``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chatlint.labels.checks import CheckContext, ExampleState
from chatlint.labels.generation import generation_eos
from chatlint.labels.markers import collect_markers, match_marker
from chatlint.labels.pipeline_checks import trains_nothing
from chatlint.labels.reference import GENERATION_TAG, Reference
from chatlint.labels.targets import Target
from chatlint.labels.tokenizer import decode_pieces


def fill_pipeline_context(
    context: CheckContext,
    states: list[ExampleState],
    bound: Target,
    args: dict[str, Any],
    tokenizer: Any,
    loss_shift: str,
    base: Path | None,
    notes: list[str],
) -> dict[str, str]:
    """Fill what the checks of pipeline_checks read; return the checks that cannot run here, with why."""
    not_checked: dict[str, str] = {}
    context.rows = len(states)
    context.untrained_rows = sum(trains_nothing(state) for state in states)
    context.markers = collect_markers(bound, args, tokenizer)
    for marker in context.markers:
        matches = [match_marker(marker, state.ids, state.pieces) for state in states]
        marker.missing_rows = sum(match.missing for match in matches)
        shown = {*marker.ids, *(s.ids[p] for s, match in zip(states, matches) for p in match.context_positions)}
        marker.token_names = {token: token_name(tokenizer, token) for token in shown}
    if any(state.labels_from_shift_labels for state in states):
        loss_shift = "pipeline"  # a model's loss takes shift_labels as they are
    context.loss_shift = loss_shift
    context.template_has_generation_block = bool(GENERATION_TAG.search(getattr(tokenizer, "chat_template", "") or ""))
    name = getattr(tokenizer, "name_or_path", None)
    found = generation_eos(tokenizer, str(name) if name else None, base)
    context.generation_eos_ids = found.ids
    if found.ids is None:
        not_checked["end-of-turn-not-generation-eos"] = found.why
        notes.append(f"end-of-turn-not-generation-eos not checked: {found.why}")
    else:
        context.generation_eos_tokens = dict(zip(sorted(found.ids), decode_pieces(tokenizer, sorted(found.ids))))
        notes.append(f"generation EOS ids: {found.why}")
    if loss_shift == "pipeline":
        not_checked["labels-shifted-twice"] = (
            "the labels are shift_labels, which a model's loss takes as they are"
            if any(state.labels_from_shift_labels for state in states)
            else "the pipeline's own loss takes labels as they are (--loss-shift pipeline)"
        )
    if not any(_mask in state.masks for state in states for _mask in ("assistant_masks", "assistant_mask")):
        not_checked["empty-assistant-mask"] = "the target returned no assistant_masks"
    return not_checked


def token_name(tokenizer: Any, token: int) -> str:
    """The vocabulary's name of a token (``▁###``), or its decoded text when the tokenizer has no such lookup."""
    convert = getattr(tokenizer, "convert_ids_to_tokens", None)
    name = convert(token) if callable(convert) else None
    return str(name) if name is not None else decode_pieces(tokenizer, [token])[0]


def end_token_ids(tokenizer: Any, references: list[Reference]) -> frozenset[int]:
    """EOS and the tokens that end the template's assistant turns."""
    ids = {
        reference.ids[reply.end_of_turn]
        for reference in references
        for reply in reference.replies
        if reply.end_of_turn is not None
    }
    eos = getattr(tokenizer, "eos_token_id", None)
    if isinstance(eos, int):
        ids.add(eos)
    return frozenset(ids)
