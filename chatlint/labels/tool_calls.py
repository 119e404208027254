"""The built-in tool-call conversation: used only where the template renders tool calls, and what it finds is a
warning (it matters to a run that trains on tool calls; the user's own samples say whether one does)."""

from __future__ import annotations

from typing import Any

from chatlint.labels.model import Problem, Severity
from chatlint.labels.samples import Sample


def tool_call_problems_warn(problems: list[Problem], samples: list[Sample], notes: list[str]) -> None:
    """Problems on the built-in tool-call conversation are warnings: they matter to a run that trains on tool
    calls, and the user's own samples say whether it does."""
    examples = {index for index, item in enumerate(samples) if item.builtin and item.tool_calls}
    demoted = [p for p in problems if p.example in examples and p.severity is Severity.FAILURE]
    for problem in demoted:
        problem.severity = Severity.WARNING
    if demoted:
        notes.append(
            "tool-call: problems on the built-in tool-call conversation are warnings; they are label bugs if you "
            "train on tool calls (check with --sample and your own data)"
        )


def renders_tool_calls(tokenizer: Any, messages: list[dict[str, Any]]) -> bool:
    """Whether the chat template's render names every function the conversation's tool calls call (a template
    without tool support drops them silently, or raises)."""
    from chatlint.labels.tokenizer import render

    names = [
        str(call.get("function", {}).get("name", ""))
        for message in messages
        for call in message.get("tool_calls") or []
        if isinstance(call, dict)
    ]
    try:
        text = render(tokenizer, messages, add_generation_prompt=False)
    except Exception:  # a template may raise on a role or field it does not know
        return False
    return bool(names) and all(name and name in text for name in names)
