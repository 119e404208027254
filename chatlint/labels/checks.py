"""The checks of the runtime label check, one small function each, and what the collator means to train.

Each check looks at one example, an ``ExampleState`` (the collator's tokens and trained mask, aligned with the
template's reference by ``alignment.align``), and is registered under its public name, a key of
``model.CHECKS``; ``find_problems`` runs them all. ``infer_mode`` reads what the collator means to train and
``expected_mask`` what the template says should be trained under that mode.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from chatlint.labels.alignment import Alignment
from chatlint.labels.markers import Marker
from chatlint.labels.model import CHECKS, SEVERITIES, Problem, Severity
from chatlint.labels.reference import Reference, Reply

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
    pieces: list[str]  # the decoded text of each token
    reference_pieces: list[str]
    labels_shifted: bool = False  # labels[i] is the target for token i + 1
    length_problem: str | None = None  # why labels and input_ids cannot be read together, if they cannot
    length_problem_positions: list[int] = field(default_factory=list)
    misaligned: list[int] = field(default_factory=list)  # trained positions whose label is not the token there
    # trained labels whose target is padding or past the end: the position that predicts it, and its target's text
    padding_labels: list[tuple[int, str]] = field(default_factory=list)
    labels_from_shift_labels: bool = False  # read from a shift_labels field (a model's loss does not shift those)
    labels_full_length: bool = True  # labels as long as input_ids (not one shorter, as a pipeline's own loss takes)
    masks: dict[str, list[int]] = field(default_factory=dict)  # per-token mask fields the target returned, unpadded

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
        elif role in ("header", "bos", "end-repeat", "other"):
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


# --- The checks ----------------------------------------------------------------------------------------------
#
# Each check is one function registered under its public name (a key of model.CHECKS, which describes it). It
# looks at one example and returns what it found; find_problems turns the findings into Problems under that name.
# Adding a check: describe it in model.CHECKS, then write its function below with @register_check("its-name").


@dataclass
class CheckContext:
    """What the checks need besides the example: what should be trained and the tokenizer's special tokens."""

    mode: str  # assistant-only, last-reply or full
    bos_token_id: int | None = None
    bos_token: str | None = None
    pad_token_id: int | None = None
    max_length: int | None = None  # the collator's max_length, when it has one
    rows: int = 0  # how many rows the target returned
    untrained_rows: int = 0  # how many of them train nothing (pipeline_checks.trains_nothing)
    markers: list[Marker] = field(default_factory=list)  # markers given to the collator
    generation_eos_ids: frozenset[int] | None = None  # None: no generation config beside the tokenizer
    generation_eos_tokens: dict[int, str] = field(default_factory=dict)  # their decoded text
    loss_shift: str = "model"  # model.LOSS_SHIFTS: who shifts labels against the logits
    template_has_generation_block: bool = False  # the chat template has {% generation %}


@dataclass
class Finding:
    """One problem a check found: what it is and the token positions that show it."""

    message: str
    positions: list[int]
    severity: Severity | None = None  # None: the check's own severity (model.SEVERITIES)


CheckFunction = Callable[[ExampleState, CheckContext], list[Finding]]

# check name -> its function, filled by @register_check; run in the order of model.CHECKS
CHECK_FUNCTIONS: dict[str, CheckFunction] = {}


def register_check(name: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as the check ``name``, which must be described in ``model.CHECKS``."""
    if name not in CHECKS:
        raise ValueError(f"check {name!r} is not described in chatlint.labels.model.CHECKS")

    def register(function: CheckFunction) -> CheckFunction:
        if name in CHECK_FUNCTIONS:
            raise ValueError(f"check {name!r} is registered twice")
        CHECK_FUNCTIONS[name] = function
        return function

    return register


def find_problems(state: ExampleState, context: CheckContext) -> list[Problem]:
    """Run every check on one example. Problems come out in the order of ``model.CHECKS`` (the report's order)."""
    problems: list[Problem] = []
    for name in CHECKS:
        for finding in CHECK_FUNCTIONS[name](state, context):
            tokens = [state.pieces[p] for p in finding.positions]
            severity = finding.severity or SEVERITIES[name]
            problems.append(Problem(name, finding.message, state.index, finding.positions, tokens, severity))
    return problems


@register_check("stray-generation-prompt")
def stray_generation_prompt(state: ExampleState, context: CheckContext) -> list[Finding]:
    findings = []
    for block in state.alignment.stray_blocks:
        at_end = block[-1] == len(state.ids) - 1
        trained = sum(state.trained[p] for p in block) if state.trained else 0
        where = "at the end" if at_end else f"after an assistant turn (position {block[0]})"
        message = (
            f"the generation header `{_show([state.pieces[p] for p in block])}` is {where}, although the "
            f"conversation ends with the reply{f'; {trained} of its tokens are trained' if trained else ''}. "
            "Render a finished conversation with add_generation_prompt=False."
        )
        findings.append(Finding(message, block))
    return findings


@register_check("assistant-not-trained")
def assistant_not_trained(state: ExampleState, context: CheckContext) -> list[Finding]:
    trained = state.trained
    if trained is None or not state.comparable:
        return []
    findings = []
    for index, reply in _replies_to_train(state, context.mode):
        positions = state.reply_positions(index)
        if positions and not any(trained[p] for p in positions):
            message = (
                f"the assistant reply in message {reply.turn + 1} has no trained token: all {len(positions)} of "
                "its tokens are masked."
            )
            findings.append(Finding(message, positions))
    return findings


# `len()` of the dict that a tokenizing `apply_chat_template` returns in transformers 5: input_ids, attention_mask
_BATCH_ENCODING_KEYS = 2


@register_check("prompt-trained")
def prompt_trained(state: ExampleState, context: CheckContext) -> list[Finding]:
    trained = state.trained
    if trained is None or not state.comparable or context.mode == "full":
        return []
    prompt = state.prompt_positions()
    trained_prompt = [p for p in prompt if trained[p]]
    if not trained_prompt:
        return []
    first = _runs(trained_prompt)[0]
    hint = ""
    if [state.ids[p] for p in first] == state.reference.generation_header:
        hint = (
            " They are the assistant header: the prompt mask was probably computed from a render "
            "without add_generation_prompt=True."
        )
    elif len(trained_prompt) == len(prompt):
        hint = " Every prompt token is trained: use --mode full if that is intended."
    elif first[0] == _BATCH_ENCODING_KEYS and not any(trained[:_BATCH_ENCODING_KEYS]):
        hint = (
            f" Only the first {_BATCH_ENCODING_KEYS} prompt tokens are masked: {_BATCH_ENCODING_KEYS} is `len()` of the "
            "`BatchEncoding` (a dict of input_ids and attention_mask) that apply_chat_template returns in "
            "transformers 5, used as a prompt length. Pass return_dict=False (the static rule CL005 finds this)."
        )
    message = (
        f"{len(trained_prompt)} prompt token{'s are' if len(trained_prompt) > 1 else ' is'} trained "
        f"(first: `{_show([state.pieces[p] for p in first])}` at {first[0]}) while the rest of the prompt is "
        f"masked.{hint}"
    )
    return [Finding(message, trained_prompt)]


@register_check("end-of-turn-not-trained")
def end_of_turn_not_trained(state: ExampleState, context: CheckContext) -> list[Finding]:
    trained = state.trained
    if trained is None or not state.comparable:
        return []
    findings = []
    for index, reply in _replies_to_train(state, context.mode):
        positions = state.reply_positions(index)
        if not any(trained[p] for p in positions):
            continue  # a reply with nothing trained is assistant-not-trained's finding, not this one
        masked_ends = [p for p in positions if state.alignment.roles[p] == "end-of-turn" and not trained[p]]
        if not masked_ends:
            continue
        hint = ""
        if context.pad_token_id is not None and state.ids[masked_ends[0]] == context.pad_token_id:
            hint = (
                " It is also the pad token: if labels are masked by value (labels[labels == pad_token_id] = "
                "-100), every end-of-turn is dropped; mask padding by attention_mask or use a distinct pad token."
            )
        message = (
            f"the end-of-turn token `{_show([state.pieces[masked_ends[0]]])}` of the assistant reply in message "
            f"{reply.turn + 1} is masked, so the model never learns to stop.{hint}"
        )
        findings.append(Finding(message, masked_ends))
    return findings


@register_check("extra-bos")
def extra_bos(state: ExampleState, context: CheckContext) -> list[Finding]:
    # independent of labels and of the template
    if context.bos_token_id is None:
        return []
    bos_positions = [p for p, token in enumerate(state.ids) if token == context.bos_token_id]
    if bos_positions in ([], [0]):  # no BOS, or one at the start
        return []
    why = (
        " The template already writes it, so the rendered text was probably tokenized again with special "
        "tokens on: pass add_special_tokens=False or tokenize in apply_chat_template."
        if state.reference.ids.count(context.bos_token_id) == 1
        else ""
    )
    message = (
        f"{len(bos_positions)} BOS tokens ({context.bos_token}) at position{'s' if len(bos_positions) > 1 else ''} "
        f"{', '.join(map(str, bos_positions))}; a sequence starts with exactly one.{why}"
    )
    return [Finding(message, bos_positions)]


@register_check("missing-end-of-turn")
def missing_end_of_turn(state: ExampleState, context: CheckContext) -> list[Finding]:
    if not state.comparable:
        return []
    findings = []
    wanted = _wanted_replies(state, context.mode)
    for index, reply, cut in _cut_replies(state, context):
        if cut.kind is not CutKind.END_OF_TURN:
            continue
        token = _show([state.reference_pieces[cut.end_of_turn]]) if cut.end_of_turn is not None else "?"
        after = cut.present[-1] + 1 if cut.present else len(state.ids)
        where = (
            f"its text is followed directly by `{_show([state.pieces[after]])}`"
            if after < len(state.ids)
            else "the sequence ends right after its text"
        )
        effect = (
            "the model never learns to stop"
            if index in wanted
            else "the conversation the model sees differs from what the template renders at inference"
        )
        message = (
            f"the assistant reply in message {reply.turn + 1} is complete but its end-of-turn token `{token}` is "
            f"absent ({where}), so {effect}. Keep the template's end of turn: render the whole conversation with "
            "the chat template instead of appending the reply's text."
        )
        findings.append(Finding(message, cut.shown))
    return findings


@register_check("reply-truncated")
def reply_truncated(state: ExampleState, context: CheckContext) -> list[Finding]:
    if not state.comparable:
        return []
    findings = []
    wanted = _wanted_replies(state, context.mode)
    for index, reply, cut in _cut_replies(state, context):
        if cut.kind is not CutKind.TRUNCATED or index not in wanted:
            continue
        limit = f" (max_length {context.max_length})" if context.max_length is not None else ""
        if cut.present:
            ending = ", its end-of-turn token among them" if cut.end_of_turn in cut.positions else ""
            lost = (
                f"{len(cut.positions)} of its {len(reply.positions)} tokens are gone{ending}, so the model learns a "
                "reply that stops mid-way without ending its turn"
            )
        else:
            lost = "all of it is gone, so the model never sees this reply"
        message = (
            f"truncation{limit} cut the assistant reply in message {reply.turn + 1} of this {len(state.ids)}-token "
            f"sequence. {lost[0].upper() + lost[1:]}. Raise max_length or drop over-long examples."
        )
        findings.append(Finding(message, cut.shown))
    return findings


@register_check("padding-trained")
def padding_trained(state: ExampleState, context: CheckContext) -> list[Finding]:
    if not state.padding_labels or state.length_problem:
        return []
    count = len(state.padding_labels)
    position, target = state.padding_labels[0]
    last = position == len(state.ids) - 1
    where = f"after the last real token `{_show([state.pieces[position]])}`" if last else f"at position {position}"
    message = (
        f"{count} trained label{'s fall' if count > 1 else ' falls'} on padding: {where} the model is trained to "
        f"predict `{_show([target])}`, a padding position{' (past the last token)' if not target else ''}. "
        "Mask every label whose target is padding (a length mask off by one trains exactly the pad after each row)."
    )
    return [Finding(message, sorted({p for p, _ in state.padding_labels}))]


@register_check("labels-misaligned")
def labels_misaligned(state: ExampleState, context: CheckContext) -> list[Finding]:
    if state.length_problem:
        return [Finding(f"{state.length_problem}: they must line up one to one.", state.length_problem_positions)]
    if not state.misaligned:
        return []
    count = len(state.misaligned)
    where = state.misaligned[:64]
    message = (
        f"{count} trained label{'s do' if count > 1 else ' does'} not match the input token at "
        f"{'the next' if state.labels_shifted else 'the same'} position (first at {where[0]}): labels and "
        "input_ids do not line up."
    )
    return [Finding(message, where)]


@register_check("template-mismatch")
def template_mismatch(state: ExampleState, context: CheckContext) -> list[Finding]:
    mismatches = state.alignment.mismatches
    if not mismatches:
        return []
    shown = [_divergence(state, mismatch) for mismatch in mismatches[:MISMATCHES_SHOWN]]
    more = len(mismatches) - len(shown)
    places = f"{len(mismatches)} places" if len(mismatches) > 1 else "1 place"
    message = (
        f"input_ids diverge from the chat template's render in {places}: "
        + "; ".join(shown)
        + (f"; and {more} more" if more else "")
    )
    positions = [p for (_, _, a, b) in mismatches for p in range(a, b)]
    positions = positions or [min(mismatches[0][2], len(state.ids) - 1)]
    return [Finding(message, positions[:64])]


# how many divergences template-mismatch names before it counts the rest
MISMATCHES_SHOWN = 5


def _divergence(state: ExampleState, mismatch: tuple[int, int, int, int]) -> str:
    """One divergence in words: the template's tokens the collator dropped, the tokens it added, or both."""
    i1, i2, j1, j2 = mismatch
    template = _show(state.reference_pieces[i1:i2])
    collator = _show(state.pieces[j1:j2])
    if j2 == j1:
        return f"at token {j1} the collator dropped `{template}` ({i2 - i1} token{'s' if i2 - i1 > 1 else ''})"
    if i2 == i1:
        return f"at token {j1} the collator added `{collator}` ({j2 - j1} token{'s' if j2 - j1 > 1 else ''})"
    return f"at token {j1} the collator has `{collator}` where the template has `{template}`"


# --- Helpers for the checks' messages --------------------------------------------------------------------------


class CutKind(Enum):
    TRUNCATED = "truncated"  # the sequence was cut (by max_length): text of the reply is gone
    END_OF_TURN = "end-of-turn"  # the reply's text is all there, only its end-of-turn token is absent


@dataclass
class Cut:
    """Reference tokens of one reply that are missing from the collator's row, and why."""

    kind: CutKind
    positions: list[int]  # reference positions missing
    present: list[int]  # collator positions of the reply that are there
    shown: list[int]  # collator positions to point at
    end_of_turn: int | None  # the reference position of the reply's end-of-turn token
    at_end: bool  # missing at the end of the sequence (not inside it)


def _cut_replies(state: ExampleState, context: CheckContext) -> list[tuple[int, Reply, Cut]]:
    """The replies that lost tokens, each told apart: cut by truncation, or only its end of turn absent.

    Only the end-of-turn token missing is a label bug (trl 0.11's ChatML collator appended the reply's text
    without it), unless the row is exactly as long as the collator's max_length: then truncation stopped there.
    """
    missing = state.alignment.missing_by_truncation | state.alignment.missing_end_of_turn
    cuts = []
    for index, reply in enumerate(state.reference.replies):
        lost = [p for p in reply.positions if p in missing]
        if not lost:
            continue
        present = state.reply_positions(index)
        at_end = any(p in state.alignment.missing_by_truncation for p in lost)
        only_end = reply.end_of_turn is not None and lost == [reply.end_of_turn]
        full_row = context.max_length is not None and len(state.ids) >= context.max_length
        kind = CutKind.END_OF_TURN if only_end and not (at_end and full_row) else CutKind.TRUNCATED
        if present:
            shown = present[-3:] if at_end else present[-1:]
        else:
            shown = [len(state.ids) - 1]
        cuts.append((index, reply, Cut(kind, lost, present, shown, reply.end_of_turn, at_end)))
    return cuts


def _replies_to_train(state: ExampleState, mode: str) -> list[tuple[int, Reply]]:
    """The reference replies that ``mode`` says should be trained, with their index."""
    wanted = _wanted_replies(state, mode)
    return [(index, reply) for index, reply in enumerate(state.reference.replies) if index in wanted]


def _show(pieces: list[str]) -> str:
    text = "".join(pieces).replace("\n", "⏎").replace(" ", "␣")
    return text if len(text) <= 60 else text[:57] + "..."


def _runs(positions: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for position in positions:
        if runs and runs[-1][-1] == position - 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs
