"""CL003: a prompt rendered without the generation prompt, whose length masks the labels of the full render."""

from __future__ import annotations

from collections.abc import Iterable

from chatlint.facts import FlagSource, ModuleFacts, ShapeKind, TemplateCall
from chatlint.facts.masking import LengthMask, length_masks
from chatlint.facts.syntax import keyword
from chatlint.findings import Applicability
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule
from chatlint.rules.keyword_fix import add_keyword

FLAG = "add_generation_prompt"
# where a literal False is set only as a default, callers may pass True: the code does not say
_UNSURE_SOURCES = frozenset({FlagSource.DEFAULT, FlagSource.PARAMETER})


class PromptMaskWithoutGenerationPrompt(Rule):
    code = "CL003"
    name = "prompt-mask-without-generation-prompt"
    summary = "The prompt is rendered without `add_generation_prompt=True` and its length masks the labels"
    prefilter = ((b"apply_chat_template",), (b"len(", b".shape", b".size(", b".sum("))
    fixable = True

    what_it_does = """
        Finds a prompt-only render (`conv[:-1]`, `example["prompt"]`, a list ending with a user turn) made
        *without* `add_generation_prompt=True`, whose length is then used to mask or cut the labels of the full
        conversation: `[-100] * len(prompt_ids)`, `labels[:prompt_len] = -100`, `full_ids[len(prompt_ids):]`,
        `full_text[len(prompt_text):]`, or `return tokens, offset` for a trainer that masks the first `offset`
        tokens. The length is followed through local names, `tokenizer(...)`, `["input_ids"]`, `.shape`, simple
        arithmetic, `typing.cast`, one helper function that returns the render or its length, a helper that
        tokenizes it (`ids_of(tokenizer, prompt)`), and a loop over the prompt renders or the rows of their batch
        tokenization (a collator that masks `labels[i, :n]` row by row).

        It stays quiet when the prompt render has the generation prompt (a literal `True` or a value that depends
        on the role or task), when the render is concatenated with something before it is measured (a header
        added by hand), and when the prompt render is not used to mask labels.

        A mapping spread into the render from the data (`**example.get("chat_template_kwargs", {})`) carries
        template variables, not `add_generation_prompt`: the flag is what the call (or the wrapper's default)
        says. A wrapper's default `False` counts only at a call site that passes neither the flag nor a mapping
        its caller fills (`**options`, a parameter), which may hold `add_generation_prompt=True`.

        Across modules: a prompt rendered by a wrapper, a function or a method of another module of the project
        (an instance built in `__init__` or assigned once) is judged where its length masks the labels; no fix is
        offered there (the render is in the other file).
    """
    why_is_this_bad = """
        The full conversation renders the assistant turn as *header + reply* (`<|im_start|>assistant\\n` +
        reply). A prompt rendered without the generation prompt stops before that header, so masking its length
        leaves the header on the trained side: every example teaches the model to produce the assistant header
        as if it were part of its reply. The loss still falls, so nothing looks wrong.
    """
    example = """
        def tokenize(example, tokenizer):
            full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
            prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False)
            labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
            return {"input_ids": full_ids, "labels": labels}
    """
    use_instead = """
        def tokenize(example, tokenizer):
            full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
            prompt_ids = tokenizer.apply_chat_template(
                example["messages"][:-1], add_generation_prompt=True, return_dict=False
            )
            labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
            return {"input_ids": full_ids, "labels": labels}
    """
    fix_safety = """
        The fix adds `add_generation_prompt=True` to the prompt render (or turns a literal `False` into `True`).
        It is always **unsafe** (applied only with `--unsafe-fixes`): it changes which tokens are trained, which
        is the point, but a person should confirm the render is only used to measure the prompt. There is no fix
        when the render goes through a wrapper that does not forward the flag.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        reported: set[int] = set()
        for mask in length_masks(facts):
            render = mask.render
            if id(render.call) in reported or not _renders_prompt_without_header(render):
                continue
            reported.add(id(render.call))
            yield Diagnostic(
                node=render.call, message=_message(render, mask), fix=_fix(render, facts), related=render.related
            )


def _renders_prompt_without_header(render: TemplateCall) -> bool:
    if render.shape.kind is not ShapeKind.PROMPT:
        return False
    if render.flag("continue_final_message").present and render.flag("continue_final_message").value is not False:
        return False
    flag = render.flag(FLAG)
    if not flag.present:
        return True
    if flag.value is not False:
        return False
    if flag.source not in _UNSURE_SOURCES:
        return True
    # a default is certain only at a wrapper's call site that passes neither the flag nor `**kwargs`
    return render.through_wrapper and keyword(render.call, FLAG) is None and not render.may_hide_flags


def _message(render: TemplateCall, mask: LengthMask) -> str:
    flag = render.flag(FLAG)
    how_set = (
        f"with `add_generation_prompt=False`{' (set by ' + flag.where + ')' if flag.where else ''}"
        if flag.present
        else "without `add_generation_prompt=True`"
    )
    via = f" through {render.via}" if render.via else ""
    where = "" if mask.function is render.function else f" in {mask.function.display_name}"
    return (
        f"renders {render.shape.evidence}, {how_set}{via}, and its length masks the labels at {mask.how}{where}: "
        f"the assistant header after the prompt is trained as part of the reply"
    )


def _fix(render: TemplateCall, facts: ModuleFacts) -> NodeFix | None:
    flag = render.flag(FLAG)
    description = "Render the prompt with `add_generation_prompt=True`"
    if render.through_wrapper:
        return None  # the wrapper decides which keywords reach the real call, and its default is shared
    if flag.present:
        if flag.node is None:
            return None
        where = f" (in {flag.where}, which other code may share)" if flag.where else ""
        return NodeFix(Applicability.UNSAFE, (NodeEdit(flag.node, "True"),), description + where)
    return NodeFix(Applicability.UNSAFE, (add_keyword(render.call, FLAG, "True", facts.source),), description)
