"""Plain data of the runtime label check: checks, problems, per-example results and the report.

Nothing here imports transformers, numpy, torch or rich: the static side imports this module freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

# Stable check names (the JSON ``check`` field) and what each one means. Each has one function in checks.py,
# registered under the same name; problems are reported in this order.
CHECKS: dict[str, str] = {
    "stray-generation-prompt": "the sequence ends in (or contains, after an assistant turn) the template's "
    "generation header although the conversation ends with the reply",
    "assistant-not-trained": "an assistant reply has no trained token",
    "marker-not-found": "a row trains nothing (every label is -100), or a marker given to the collator "
    "(response_template, instruction_part, ...) does not occur in its input_ids as the collator tokenized it",
    "empty-assistant-mask": "an assistant_masks field the target returned is all zeros (a chat template without "
    "{% generation %} under return_assistant_tokens_mask / assistant_only_loss)",
    "prompt-trained": "prompt tokens are trained while the collator masks the rest of the prompt",
    "end-of-turn-not-trained": "the token that ends an assistant turn (EOS / end-of-turn) is masked",
    "missing-end-of-turn": "an assistant reply is complete but the token that ends its turn (EOS / end-of-turn) "
    "is absent",
    "doubled-end-of-turn": "an assistant turn ends with its end-of-turn token twice (or an EOS appended after "
    "the template already ended the turn)",
    "end-of-turn-not-generation-eos": "the trained end-of-turn token is not among the generation EOS ids of the "
    "tokenizer folder's generation_config.json",
    "extra-bos": "more than one BOS, or a BOS inside the sequence",
    "reply-truncated": "truncation (max_length) removed all or the end of a reply",
    "padding-trained": "a trained label's target is padding (or lies past the last token): the model learns to "
    "predict padding",
    "labels-misaligned": "labels and input_ids differ in length or do not line up",
    "labels-shifted-twice": "labels are already shifted (labels[i] is input_ids[i+1]) but go to a Hugging Face "
    "model's own loss, which shifts them again",
    "template-mismatch": "the collator's input_ids are not what the chat template renders",
}

# What a passing check has shown, for the verdict table.
PASSED: dict[str, str] = {
    "stray-generation-prompt": "no generation header after a finished conversation",
    "assistant-not-trained": "every reply to train has trained tokens",
    "marker-not-found": "every row trains something and every marker given to the collator is found",
    "empty-assistant-mask": "no assistant mask is all zeros",
    "prompt-trained": "the prompt is masked",
    "end-of-turn-not-trained": "the end-of-turn token of every trained reply is trained",
    "missing-end-of-turn": "every reply ends with its end-of-turn token",
    "doubled-end-of-turn": "every turn ends with one end-of-turn token",
    "end-of-turn-not-generation-eos": "the trained end-of-turn token stops generation",
    "extra-bos": "at most one BOS, at the start",
    "reply-truncated": "no reply is cut by truncation",
    "padding-trained": "no trained label falls on padding",
    "labels-misaligned": "labels line up with input_ids",
    "labels-shifted-twice": "labels are not shifted before the model's loss shifts them",
    "template-mismatch": "input_ids are what the chat template renders",
}


class Severity(str, Enum):
    """A failure is a label bug (exit 1); a warning says something about the run's settings (exit unchanged)."""

    FAILURE = "failure"
    WARNING = "warning"


# Checks whose problems are warnings: truncation says something about max_length, not about the labels.
SEVERITIES: dict[str, Severity] = {name: Severity.FAILURE for name in CHECKS} | {"reply-truncated": Severity.WARNING}

# Who shifts labels against the logits: a Hugging Face model's own loss (the default for collators and datasets,
# so labels must not be shifted already), or the pipeline's own loss, which takes labels already shifted (mlx-lm).
LOSS_SHIFTS = ("model", "pipeline")

# What the collator is meant to train, inferred by --mode auto or given by the user.
MODES = ("assistant-only", "last-reply", "full")


class LabelsError(Exception):
    """The target, tokenizer or sample cannot be loaded or run; the message says what to do (exit 2).

    ``raised`` is the exception the user's code (or a library it calls) raised, when that is the cause: its
    traceback shows where.
    """

    def __init__(self, message: str, *, raised: BaseException | None = None) -> None:
        super().__init__(message)
        self.raised = raised

    def where(self, every_frame: bool = False, last: int = 3) -> str:
        """Where ``raised`` came from: its last frames (all of them, with the exception, if ``every_frame``)."""
        import traceback

        if self.raised is None or self.raised.__traceback__ is None:
            return ""
        if every_frame:
            return "".join(traceback.format_exception(self.raised)).rstrip("\n")
        frames = traceback.extract_tb(self.raised.__traceback__)
        shown = frames[-last:]
        hidden = len(frames) - len(shown)
        head = f"where (the last {len(shown)} of {len(frames)} frames; --traceback shows all):" if hidden else "where:"
        return head + "\n" + "".join(traceback.format_list(shown)).rstrip("\n")


@dataclass
class Problem:
    """One deviation from the template's supervision, with the tokens that show it."""

    check: str
    message: str
    example: int  # index into LabelReport.examples
    positions: list[int] = field(default_factory=list)  # token positions in that example (padding removed)
    tokens: list[str] = field(default_factory=list)  # the decoded tokens at those positions
    severity: Severity = Severity.FAILURE

    def to_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "message": self.message,
            "example": self.example,
            "positions": list(self.positions),
            "tokens": list(self.tokens),
            "severity": self.severity.value,
        }


@dataclass
class ExampleResult:
    """One conversation as the collator produced it, with padding removed.

    ``trained[i]`` says whether input token ``i`` is a training target (labels shift undone).
    ``expected[i]`` is what the chat template says: True (train), False (mask) or None (either is fine,
    e.g. the newline after an end-of-turn token).
    """

    name: str
    input_ids: list[int]
    labels: list[int]
    tokens: list[str]
    trained: list[bool]
    expected: list[bool | None]
    # per token: prompt, reply, end-of-turn, trailing, header (stray), bos (extra), end-repeat (an end token added
    # after the turn's end), other
    roles: list[str]
    padding: str = "none"  # left, right or none
    labels_shifted: bool = False
    builtin: bool = False  # one of chatlint's built-in conversations, not the user's sample

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "builtin": self.builtin,
            "tokens": self.tokens,
            "input_ids": self.input_ids,
            "labels": self.labels,
            "trained": self.trained,
            "expected": self.expected,
            "padding": self.padding,
            "labels_shifted": self.labels_shifted,
        }


@dataclass
class LabelReport:
    """The result of ``chatlint.labels.verify``: ``ok`` is True when no check failed.

    ``problems`` holds failures and warnings alike (each has a ``severity``); ``failures`` and ``warnings`` split
    them. The JSON keeps ``problems`` for failures (as before warnings existed) and lists warnings apart.
    """

    target: str
    target_kind: str  # collator-class, collator-instance, batch-function, example-function
    tokenizer: str
    mode: str  # the intent the checks used: assistant-only, last-reply or full
    mode_inferred: bool
    method: str  # how the expected supervision was derived from the template
    examples: list[ExampleResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    not_checked: dict[str, str] = field(default_factory=dict)  # check -> why it could not run here

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def failures(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity is Severity.FAILURE]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity is Severity.WARNING]

    def checks_failed(self) -> list[str]:
        return sorted({problem.check for problem in self.failures})

    def checks_warned(self) -> list[str]:
        return sorted({problem.check for problem in self.warnings})

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "target": self.target,
            "target_kind": self.target_kind,
            "tokenizer": self.tokenizer,
            "mode": self.mode,
            "mode_inferred": self.mode_inferred,
            "method": self.method,
            "notes": list(self.notes),
            "not_checked": dict(self.not_checked),
            "examples": [example.to_json() for example in self.examples],
            "problems": [problem.to_json() for problem in self.failures],
            "warnings": [problem.to_json() for problem in self.warnings],
        }
