"""Checks of what a training pipeline does around the chat template: the markers a collator searches for, the
tokens that end a turn, who shifts the labels, and the assistant masks a template makes.

Each is registered under its public name like the checks of checks.py (described in ``model.CHECKS``);
``pipeline_context.fill_pipeline_context`` fills the ``CheckContext`` fields they read (row counts, markers,
generation EOS ids, loss shift, whether the template has ``{% generation %}``). An end token added after a turn's
end is found by ``alignment.align`` (role ``end-repeat``).
"""

from __future__ import annotations

from chatlint.labels.checks import (
    CheckContext,
    ExampleState,
    Finding,
    _runs,
    _show,
    _wanted_replies,
    register_check,
)
from chatlint.labels.markers import Marker, MarkerMatch, match_marker
from chatlint.labels.model import Severity

ASSISTANT_MASK_FIELDS = ("assistant_masks", "assistant_mask")
# positions a problem points at, at most
SHOWN_POSITIONS = 64


def trains_nothing(state: ExampleState) -> bool:
    """Whether a row with assistant replies has no trained label at all."""
    return (
        state.trained is not None
        and not state.length_problem
        and bool(state.reference.replies)
        and not any(state.trained)
    )


def empty_assistant_masks(state: ExampleState) -> list[str]:
    """The assistant mask fields of a row with replies that are all zeros."""
    if not state.reference.replies:
        return []
    return [name for name in ASSISTANT_MASK_FIELDS if name in state.masks and not any(state.masks[name])]


def _reply_positions(state: ExampleState, wanted: set[int] | None = None) -> list[int]:
    replies = range(len(state.reference.replies))
    positions = [p for index in replies if wanted is None or index in wanted for p in state.reply_positions(index)]
    return positions[:SHOWN_POSITIONS] or [len(state.ids) - 1]


@register_check("marker-not-found")
def marker_not_found(state: ExampleState, context: CheckContext) -> list[Finding]:
    findings = []
    harmed = _labels_show_harm(state, context)
    for marker in context.markers:
        match = match_marker(marker, state.ids, state.pieces)
        if match.missing and harmed:  # a marker the labels do not suffer from is not the one the collator uses
            positions = match.context_positions or [len(state.ids) - 1]
            findings.append(Finding(_marker_message(marker, match, state, context), positions))
    if findings or not trains_nothing(state) or empty_assistant_masks(state):
        return findings  # an all-zero assistant mask is empty-assistant-mask's to explain
    if not any(state.reply_positions(index) for index in range(len(state.reference.replies))):
        return []  # every reply was cut away: reply-truncated says it
    hint = (
        " If the labels come from return_assistant_tokens_mask or assistant_only_loss: this chat template has no "
        "{% generation %} block, so that mask is all zeros."
        if not context.template_has_generation_block
        else ""
    )
    message = (
        f"nothing is trained in this row: every label is -100 ({context.untrained_rows} of {context.rows} rows "
        "train nothing), so it adds no signal while it looks like training data. A collator that finds replies by "
        "a marker masks the whole row when the marker is not found (trl's completion-only collator only warns): "
        f"compare the marker's ids alone with its ids in the rendered conversation.{hint}"
    )
    return [Finding(message, _reply_positions(state, _wanted_replies(state, context.mode)))]


def _labels_show_harm(state: ExampleState, context: CheckContext) -> bool:
    """Whether the row's labels show what an unmatched marker does: nothing trained, a reply to train with no
    trained token, or prompt tokens trained (outside mode full)."""
    trained = state.trained
    if trained is None:
        return False
    if trains_nothing(state):
        return True
    wanted = _wanted_replies(state, context.mode)
    if any(state.reply_positions(r) and not any(trained[p] for p in state.reply_positions(r)) for r in wanted):
        return True
    return context.mode != "full" and any(trained[p] for p in state.prompt_positions())


def _marker_message(marker: Marker, match: MarkerMatch, state: ExampleState, context: CheckContext) -> str:
    alone = f"{marker.ids} ({marker.names(marker.ids)})"
    if match.text_count == 0:
        found = (
            "Its text does not occur in this row at all: this chat template does not write it (a marker of "
            "another template?)"
        )
    else:
        context_ids = [state.ids[p] for p in match.context_positions]
        in_context = f"{context_ids} ({marker.names(context_ids)})"
        found = (
            f"Its ids {'never occur' if match.ids_count == 0 else f'occur {match.ids_count} times'} in input_ids "
            f"although its text occurs {match.text_count} time{'s' if match.text_count > 1 else ''}: tokenized "
            f"alone it is {alone}, in the conversation {in_context}"
        )
    effect = ""
    if trains_nothing(state):
        effect = " This row trains nothing."
    elif state.trained is not None and any(state.trained[p] for p in state.prompt_positions()):
        effect = " Prompt tokens of this row are trained."
    return (
        f"the {marker.kind} marker `{_show([marker.text])}` ({marker.name}) given to the collator is not found in "
        f"{marker.missing_rows} of {context.rows} rows. {found}.{effect} Give the collator the ids the marker has "
        "in context (the tokens that cover it in the rendered conversation), or a marker that starts with a "
        "special token, so it tokenizes the same alone and in context."
    )


@register_check("empty-assistant-mask")
def empty_assistant_mask(state: ExampleState, context: CheckContext) -> list[Finding]:
    findings = []
    for name in empty_assistant_masks(state):
        hint = (
            " The chat template has no {% generation %} block, which return_assistant_tokens_mask needs: wrap each "
            "assistant reply (with its end of turn) in {% generation %}...{% endgeneration %}, or build the mask "
            "from the reply spans instead."
            if not context.template_has_generation_block
            else " The template has a {% generation %} block, so the mask was lost or built elsewhere."
        )
        message = (
            f"`{name}` is all zeros in this row, which has {len(state.reference.replies)} assistant "
            f"repl{'ies' if len(state.reference.replies) > 1 else 'y'}. A trainer that trains by it "
            f"(assistant_only_loss, return_assistant_tokens_mask) trains nothing here while the loss looks healthy."
            f"{hint}"
        )
        findings.append(Finding(message, _reply_positions(state)))
    return findings


@register_check("doubled-end-of-turn")
def doubled_end_of_turn(state: ExampleState, context: CheckContext) -> list[Finding]:
    roles = state.alignment.roles
    findings = []
    for run in _runs([p for p, role in enumerate(roles) if role == "end-repeat"]):
        end = _turn_end(state, run)
        shown = sorted({*run, *([end] if end is not None else [])})
        ending = _show(state.pieces[shown[0] : shown[-1] + 1])
        added = _show([state.pieces[p] for p in run])
        own = f"`{_show([state.pieces[end]])}`" if end is not None else "its own end-of-turn token"
        owner = state.alignment.reply_index[end] if end is not None else None
        which = (
            f"the assistant reply in message {state.reference.replies[owner].turn + 1}"
            if owner is not None
            else "an assistant reply"
        )
        if state.trained is not None and any(state.trained[p] for p in run):
            message = (
                f"{which} ends with `{ending}`: `{added}` was added after the template's own end of turn {own} and "
                "is trained, so the model learns to end its turn twice. Do not append tokenizer.eos_token to a "
                "render that already ends the turn."
            )
            findings.append(Finding(message, shown))
        else:
            message = (
                f"{which} ends with `{ending}`: `{added}` was added after the template's own end of turn {own}. It "
                "is masked, so not learned, but the input differs from what the template renders at inference."
            )
            findings.append(Finding(message, shown, Severity.WARNING))
    return findings


def _turn_end(state: ExampleState, run: list[int]) -> int | None:
    """The end-of-turn token an added run of end tokens follows (across a trailing newline) or precedes."""
    roles = state.alignment.roles
    before = run[0] - 1
    while before >= 0 and roles[before] == "trailing":
        before -= 1
    if before >= 0 and roles[before] == "end-of-turn":
        return before
    after = run[-1] + 1
    return after if after < len(roles) and roles[after] == "end-of-turn" else None


@register_check("end-of-turn-not-generation-eos")
def end_of_turn_not_generation_eos(state: ExampleState, context: CheckContext) -> list[Finding]:
    eos_ids = context.generation_eos_ids
    trained = state.trained
    if eos_ids is None or trained is None:
        return []  # without a generation config there is nothing to compare with (the report's notes say so)
    ends = [
        p
        for p, role in enumerate(state.alignment.roles)
        if role == "end-of-turn" and trained[p] and state.ids[p] not in eos_ids
    ]
    if not ends:
        return []
    token = state.ids[ends[0]]
    stops = ", ".join(f"{i} `{_show([context.generation_eos_tokens.get(i, '?')])}`" for i in sorted(eos_ids))
    message = (
        f"the trained end-of-turn token `{_show([state.pieces[ends[0]]])}` (id {token}) is not among the model's "
        f"generation EOS ids ({stops}: eos_token_id of generation_config.json). Generation does not stop where "
        f"the model learned to end its turn, so it runs on past its reply. Add {token} to eos_token_id in "
        "generation_config.json, or train the turn to end with a token generation stops on."
    )
    return [Finding(message, ends)]


@register_check("labels-shifted-twice")
def labels_shifted_twice(state: ExampleState, context: CheckContext) -> list[Finding]:
    trained = state.trained
    if context.loss_shift != "model" or not state.labels_shifted or not state.labels_full_length:
        return []  # labels one shorter than input_ids cannot go to a model's loss (the shapes would not match)
    if trained is None or state.length_problem or state.misaligned or not any(trained):
        return []
    positions = [p for p, flag in enumerate(trained) if flag]
    example = next((p for p in positions if p >= 2), None)
    shown = (
        f" (the logits at `{_show([state.pieces[example - 2]])}` are trained to predict "
        f"`{_show([state.pieces[example]])}`, not `{_show([state.pieces[example - 1]])}`)"
        if example is not None
        else ""
    )
    message = (
        f"labels are already shifted: labels[i] is input_ids[i+1] for all {len(positions)} trained labels, and they "
        "are as long as input_ids, the way a Hugging Face model's loss takes them. That loss shifts them again, so "
        f"every target is two tokens ahead{shown}. Leave labels unshifted (input_ids with -100 where masked); if "
        "your own loss takes them as they are (mlx-lm style), pass --loss-shift pipeline."
    )
    return [Finding(message, positions[:SHOWN_POSITIONS])]
