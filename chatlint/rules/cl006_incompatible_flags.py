"""CL006: `apply_chat_template` flags that cannot go together."""

from __future__ import annotations

from collections.abc import Iterable

from chatlint.facts import Flag, FlagSource, ModuleFacts, TemplateCall
from chatlint.rules.base import Diagnostic, Rule

# (flag that is True, flag that conflicts, its conflicting value, what happens, which flag to drop)
_CONFLICTS: tuple[tuple[str, str, bool, str, str], ...] = (
    (
        "continue_final_message",
        "add_generation_prompt",
        True,
        "transformers raises `ValueError`: one continues the last message, the other opens a new one",
        "drop `add_generation_prompt` to continue the final message, or `continue_final_message` to start a "
        "new assistant turn",
    ),
    (
        "return_assistant_tokens_mask",
        "tokenize",
        False,
        "there are no tokens to mask: transformers raises `ValueError` (older versions return no mask at all)",
        "drop `tokenize=False`",
    ),
    (
        "return_assistant_tokens_mask",
        "return_dict",
        False,
        "the mask can only come back in a dict: transformers raises `ValueError` (older versions return only the ids)",
        "drop `return_dict=False`",
    ),
    (
        "return_assistant_tokens_mask",
        "continue_final_message",
        True,
        "transformers raises `ValueError`: the assistant mask is not defined for a message left open",
        "drop one of the two",
    ),
)


class IncompatibleFlags(Rule):
    code = "CL006"
    name = "incompatible-chat-template-flags"
    summary = "`apply_chat_template` flags that cannot be used together"
    prefilter = ((b"apply_chat_template",), (b"continue_final_message", b"return_assistant_tokens_mask"))

    what_it_does = """
        Finds `apply_chat_template` calls whose flags contradict each other:
        `continue_final_message=True` with `add_generation_prompt=True`; `return_assistant_tokens_mask=True` with
        `tokenize=False`, with `return_dict=False`, or with `continue_final_message=True`. Flags count wherever
        they are set as a literal: in the call, a local name, a parameter default, a dataclass field, an
        attribute set in `__init__`, a `**kwargs` dict, a `functools.partial`, or a wrapper. A value that depends
        on something else (a role, a caller) is not judged.
    """
    why_is_this_bad = """
        transformers raises `ValueError` for each of these combinations, usually deep inside a data pipeline
        run on the first batch. Older versions did not raise for `return_assistant_tokens_mask` with
        `tokenize=False` or `return_dict=False`: the call silently returned no assistant mask, and code that
        relied on it trained on the wrong tokens.
    """
    example = """
        ids = tokenizer.apply_chat_template(
            conversation, continue_final_message=True, add_generation_prompt=True
        )
        encoded = tokenizer.apply_chat_template(
            conversation, tokenize=False, return_assistant_tokens_mask=True
        )
    """
    use_instead = """
        ids = tokenizer.apply_chat_template(conversation, continue_final_message=True)
        encoded = tokenizer.apply_chat_template(
            conversation, return_dict=True, return_assistant_tokens_mask=True
        )
    """
    fix_safety = """
        There is no fix: which flag is meant depends on what the code wants, and the message says which one to
        drop for each reading.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        for template_call in facts.template_calls:
            problems = [
                _describe(template_call.flag(first), template_call.flag(second), happens, advice)
                for first, second, value, happens, advice in _CONFLICTS
                if template_call.flag(first).is_true
                and template_call.flag(second).value is value
                and _judged_here(template_call, first, second)
            ]
            if problems:
                via = f" (through {template_call.via})" if template_call.via else ""
                yield Diagnostic(node=template_call.call, message="; ".join(problems) + via)


def _judged_here(template_call: TemplateCall, first: str, second: str) -> bool:
    """A conflict written inside a wrapper is reported once, at the wrapper's own call, not at each caller."""
    if not template_call.through_wrapper:
        return True
    return any(template_call.flag(name).source is FlagSource.CALL for name in (first, second))


def _describe(first: Flag, second: Flag, happens: str, advice: str) -> str:
    return f"{_flag_text(first)} with {_flag_text(second)}: {happens}; {advice}"


def _flag_text(flag: Flag) -> str:
    text = f"`{flag.name}={flag.value}`"
    return f"{text} (set by {flag.where})" if flag.where else text
