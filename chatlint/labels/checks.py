"""Comparing one collator row with the template's reference, token by token.

``infer_mode`` reads what the collator means to train; ``find_problems`` runs the checks on a row that
``alignment.align`` mapped onto the reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from chatlint.labels.alignment import Alignment
from chatlint.labels.model import Problem
from chatlint.labels.reference import Reference

# Below this share of reference tokens found in the collator's row the two are too different to compare
# labels token by token: only template-mismatch (and the label-independent checks) are reported.
MIN_MATCH_RATIO = 0.5


@dataclass
class ExampleState:
    """What the checks need about one example."""

    index: int
    ids: list[int]
    trained: list[bool] | None  # None when labels cannot be read (length problem)
    reference: Reference
    alignment: Alignment
    pieces: list[str]
    reference_pieces: list[str]

    @property
    def comparable(self) -> bool:
        return self.alignment.match_ratio >= MIN_MATCH_RATIO

    def reply_positions(self, reply: int, roles: tuple[str, ...] = ("reply", "end-of-turn")) -> list[int]:
        return [
            position
            for position, (role, owner) in enumerate(zip(self.alignment.roles, self.alignment.reply_index))
            if owner == reply and role in roles
        ]

    def prompt_positions(self) -> list[int]:
        return [p for p, role in enumerate(self.alignment.roles) if role == "prompt" and p > 0]


def infer_mode(states: list[ExampleState]) -> tuple[str, str]:
    """What the collator means to train, and why we think so."""
    prompt_total = prompt_trained = 0
    full_votes = votes = 0
    multi_turn = earlier_masked = 0
    for state in states:
        if state.trained is None or not state.comparable:
            continue
        prompt = state.prompt_positions()
        trained_here = sum(state.trained[p] for p in prompt)
        prompt_total += len(prompt)
        prompt_trained += trained_here
        if prompt:
            votes += 1
            masked = [p for p in prompt if not state.trained[p]]
            # A collator that trains everything masks at most a few scattered tokens (say, pad-valued ones);
            # a masked run at the very start is an assistant-only prompt mask that came out too short.
            leading_run = bool(masked) and masked == list(range(1, 1 + len(masked)))
            if trained_here >= 0.9 * len(prompt) and not leading_run:
                full_votes += 1
        present = [r for r in range(len(state.reference.replies)) if state.reply_positions(r)]
        if len(present) >= 2:
            multi_turn += 1
            earlier = [p for r in present[:-1] for p in state.reply_positions(r)]
            last = state.reply_positions(present[-1])
            if not any(state.trained[p] for p in earlier) and any(state.trained[p] for p in last):
                earlier_masked += 1
    if votes and full_votes > votes / 2:
        return (
            "full",
            f"{prompt_trained} of {prompt_total} prompt tokens are trained, so the collator trains everything",
        )
    if multi_turn and earlier_masked == multi_turn:
        return "last-reply", "only the last assistant reply of each multi-turn conversation is trained"
    return "assistant-only", "the prompt is masked, so the collator trains assistant replies"


def expected_mask(state: ExampleState, mode: str) -> list[bool | None]:
    wanted = _wanted_replies(state, mode)
    expected: list[bool | None] = []
    for position, (role, owner) in enumerate(zip(state.alignment.roles, state.alignment.reply_index)):
        if position == 0 and role not in ("header", "bos", "other"):
            expected.append(None)  # the first token is never predicted
        elif role in ("header", "bos", "other"):
            expected.append(False)
        elif role == "trailing":
            expected.append(None)
        elif mode == "full":
            expected.append(True)
        elif role in ("reply", "end-of-turn"):
            expected.append(owner in wanted)
        else:
            expected.append(False)
    return expected


def _wanted_replies(state: ExampleState, mode: str) -> set[int]:
    replies = range(len(state.reference.replies))
    if mode == "last-reply":
        return {len(state.reference.replies) - 1} if state.reference.replies else set()
    return set(replies)


def _show(pieces: list[str]) -> str:
    text = "".join(pieces).replace("\n", "⏎").replace(" ", "␣")
    return text if len(text) <= 60 else text[:57] + "..."


def find_problems(
    state: ExampleState,
    mode: str,
    *,
    bos_token_id: int | None,
    bos_token: str | None,
    pad_token_id: int | None,
) -> list[Problem]:
    problems: list[Problem] = []
    alignment, ids, pieces = state.alignment, state.ids, state.pieces

    def problem(check: str, message: str, positions: list[int]) -> None:
        problems.append(Problem(check, message, state.index, positions, [pieces[p] for p in positions]))

    # extra-bos: independent of labels and of the template
    if bos_token_id is not None:
        bos_positions = [p for p, token in enumerate(ids) if token == bos_token_id]
        if len(bos_positions) > 1 or (bos_positions and bos_positions[0] != 0):
            renders = state.reference.ids.count(bos_token_id)
            why = (
                " The template already writes it, so the rendered text was probably tokenized again with special "
                "tokens on: pass add_special_tokens=False or tokenize in apply_chat_template."
                if renders == 1
                else ""
            )
            problem(
                "extra-bos",
                f"{len(bos_positions)} BOS tokens ({bos_token}) at position{'s' if len(bos_positions) > 1 else ''} "
                f"{', '.join(map(str, bos_positions))}; a sequence starts with exactly one.{why}",
                bos_positions,
            )

    for block in alignment.stray_blocks:
        at_end = block[-1] == len(ids) - 1
        trained = sum(state.trained[p] for p in block) if state.trained else 0
        where = "at the end" if at_end else f"after an assistant turn (position {block[0]})"
        problem(
            "stray-generation-prompt",
            f"the generation header `{_show([pieces[p] for p in block])}` is {where}, although the conversation "
            f"ends with the reply{f'; {trained} of its tokens are trained' if trained else ''}. Render a finished "
            "conversation with add_generation_prompt=False.",
            block,
        )

    if alignment.mismatches:
        i1, i2, j1, j2 = alignment.mismatches[0]
        collator = _show(pieces[j1:j2]) if j2 > j1 else "nothing"
        template_pieces = _template_pieces(state, i1, i2)
        positions = [p for (_, _, a, b) in alignment.mismatches for p in range(a, b)] or [min(j1, len(ids) - 1)]
        problem(
            "template-mismatch",
            f"input_ids diverge from the chat template's render at token {j1}: the collator has `{collator}` where "
            f"the template has `{template_pieces}`"
            + (f" ({len(alignment.mismatches)} places differ)" if len(alignment.mismatches) > 1 else ""),
            positions[:64],
        )
    if not state.comparable:
        return problems

    wanted = _wanted_replies(state, mode)
    for index, reply in enumerate(state.reference.replies):
        if index not in wanted:
            continue
        cut = [p for p in reply.positions if p in alignment.missing_by_truncation]
        if cut:
            present = state.reply_positions(index)
            lost = (
                "all of it"
                if not present
                else f"{len(cut)} of its {len(reply.positions)} tokens, with the end-of-turn token"
            )
            problem(
                "reply-truncated",
                f"truncation cut the assistant reply in message {reply.turn + 1}: {lost} is gone, so the model "
                f"{'never sees this reply' if not present else 'learns a reply that stops mid-way without ending its turn'}. "
                "Raise max_length or drop over-long examples.",
                present[-3:] if present else [len(ids) - 1],
            )

    if state.trained is None:
        return problems
    trained = state.trained
    for index, reply in enumerate(state.reference.replies):
        if index not in wanted:
            continue
        positions = state.reply_positions(index)
        if not positions:
            continue
        if not any(trained[p] for p in positions):
            problem(
                "assistant-not-trained",
                f"the assistant reply in message {reply.turn + 1} has no trained token: all {len(positions)} of its "
                "tokens are masked.",
                positions,
            )
            continue
        ends = [p for p in positions if alignment.roles[p] == "end-of-turn"]
        masked_ends = [p for p in ends if not trained[p]]
        if masked_ends:
            hint = ""
            if pad_token_id is not None and ids[masked_ends[0]] == pad_token_id:
                hint = (
                    " It is also the pad token: if labels are masked by value (labels[labels == pad_token_id] = "
                    "-100), every end-of-turn is dropped; mask padding by attention_mask or use a distinct pad token."
                )
            problem(
                "end-of-turn-not-trained",
                f"the end-of-turn token `{_show([pieces[masked_ends[0]]])}` of the assistant reply in message "
                f"{reply.turn + 1} is masked, so the model never learns to stop.{hint}",
                masked_ends,
            )

    if mode != "full":
        prompt = state.prompt_positions()
        trained_prompt = [p for p in prompt if trained[p]]
        if trained_prompt:
            runs = _runs(trained_prompt)
            first = runs[0]
            hint = ""
            if [ids[p] for p in first] == state.reference.generation_header:
                hint = (
                    " They are the assistant header: the prompt mask was probably computed from a render "
                    "without add_generation_prompt=True."
                )
            elif len(trained_prompt) == len(prompt):
                hint = " Every prompt token is trained: use --mode full if that is intended."
            problem(
                "prompt-trained",
                f"{len(trained_prompt)} prompt token{'s are' if len(trained_prompt) > 1 else ' is'} trained "
                f"(first: `{_show([pieces[p] for p in first])}` at {first[0]}) while the rest of the prompt is "
                f"masked.{hint}",
                trained_prompt,
            )
    return problems


def _template_pieces(state: ExampleState, i1: int, i2: int) -> str:
    return _show(state.reference_pieces[i1:i2]) if i2 > i1 else "nothing"


def _runs(positions: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for position in positions:
        if runs and runs[-1][-1] == position - 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs
