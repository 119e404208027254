"""CL003: a prompt rendered without the generation prompt, whose length masks the labels of the full render."""

from __future__ import annotations

from collections.abc import Iterable

import libcst as cst

from chatlint.facts import ModuleFacts, ShapeKind, TemplateCall
from chatlint.facts.masking import LengthMask, length_masks
from chatlint.facts.syntax import keyword
from chatlint.findings import Applicability
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule
from chatlint.facts.walk import walk

FLAG = "add_generation_prompt"
# where a literal False is set only as a default, callers may pass True: the code does not say
_UNSURE_SOURCES = frozenset({"default", "parameter"})


class PromptMaskWithoutGenerationPrompt(Rule):
    code = "CL003"
    name = "prompt-mask-without-generation-prompt"
    summary = "The prompt is rendered without `add_generation_prompt=True` and its length masks the labels"
    prefilter = ((b"apply_chat_template",), (b"len(", b".shape", b".size(", b".sum("))
    anchors = (b"apply_chat_template",)  # function bodies the analysis needs (see chatlint/prune.py)
    fixable = True

    what_it_does = """
        Finds a prompt-only render (`conv[:-1]`, `example["prompt"]`, a list ending with a user turn) made
        *without* `add_generation_prompt=True`, whose length is then used to mask or cut the labels of the full
        conversation: `[-100] * len(prompt_ids)`, `labels[:prompt_len] = -100`, `full_ids[len(prompt_ids):]`,
        `full_text[len(prompt_text):]`, or `return tokens, offset` for a trainer that masks the first `offset`
        tokens. The length is followed through local names, `tokenizer(...)`, `["input_ids"]`, `.shape`, simple
        arithmetic, and one helper function that returns the render or its length.

        It stays quiet when the prompt render has the generation prompt (a literal `True` or a value that depends
        on the role or task), when the render is concatenated with something before it is measured (a header
        added by hand), and when the prompt render is not used to mask labels.
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
            yield Diagnostic(node=render.call, message=_message(render, mask), fix=_fix(render, facts))


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
    return (
        render.via.startswith("the wrapper")
        and keyword(render.call, FLAG) is None
        and not any(arg.star == "**" for arg in render.call.args)
    )


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
    if render.via.startswith("the wrapper"):
        return None  # the wrapper decides which keywords reach the real call, and its default is shared
    if flag.present:
        if flag.node is None:
            return None
        where = f" (in {flag.where}, which other code may share)" if flag.where else ""
        return NodeFix(Applicability.UNSAFE, (NodeEdit(flag.node, "True"),), description + where)
    if _has_multiline_string(render.call):
        return None  # re-indenting the new call's lines would change the string
    new_call = add_keyword(render.call, FLAG, "True")
    replacement = _indent_continuation_lines(facts.code(new_call), _block_indent(render, facts))
    return NodeFix(Applicability.UNSAFE, (NodeEdit(render.call, replacement),), description)


def _block_indent(render: TemplateCall, facts: ModuleFacts) -> str:
    """The indentation of the block the call sits in: libcst writes a detached node's continuation lines
    relative to it, so it has to be put back."""
    return "".join(
        facts.module.default_indent if block.indent is None else block.indent
        for block in render.ancestors
        if isinstance(block, cst.IndentedBlock)
    )


def _indent_continuation_lines(text: str, indent: str) -> str:
    if not indent:
        return text
    lines = text.split("\n")
    return "\n".join([lines[0], *(indent + line if line.strip() else line for line in lines[1:])])


def _has_multiline_string(call: cst.Call) -> bool:
    found = False

    class _Finder(cst.CSTVisitor):
        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            nonlocal found
            found = found or "\n" in node.value

        def visit_FormattedStringText(self, node: cst.FormattedStringText) -> None:
            nonlocal found
            found = found or "\n" in node.value

    walk(call, _Finder())
    return found


def add_keyword(call: cst.Call, name: str, value: str) -> cst.Call:
    """`call` with `name=value` added after its last argument (before any `**kwargs`), keeping its layout:
    a one-line call stays on one line, a call with one argument per line gets one more line, a trailing comma
    stays trailing."""
    args = list(call.args)
    position = len(args)
    while position > 0 and args[position - 1].star == "**":
        position -= 1
    new_arg = cst.Arg(
        keyword=cst.Name(name),
        value=cst.parse_expression(value),
        equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
    )
    if position == 0:
        return call.with_changes(args=[new_arg.with_changes(comma=cst.MaybeSentinel.DEFAULT), *args])
    previous = args[position - 1]
    if position < len(args):
        # between arguments: the new one takes the same separator as the one before it
        args.insert(position, new_arg.with_changes(comma=previous.comma))
        return call.with_changes(args=args)
    separator = _separator(call, args, position)
    if isinstance(previous.comma, cst.Comma):
        # a trailing comma: the new argument inherits it, the previous one gets the usual separator
        args[position - 1] = previous.with_changes(
            comma=cst.Comma(whitespace_before=previous.comma.whitespace_before, whitespace_after=separator)
        )
        args.append(new_arg.with_changes(comma=previous.comma, whitespace_after_arg=previous.whitespace_after_arg))
    else:
        args[position - 1] = previous.with_changes(
            comma=cst.Comma(whitespace_after=separator), whitespace_after_arg=cst.SimpleWhitespace("")
        )
        args.append(new_arg.with_changes(whitespace_after_arg=previous.whitespace_after_arg))
    return call.with_changes(args=args)


def _separator(call: cst.Call, args: list[cst.Arg], position: int) -> cst.BaseParenthesizableWhitespace:
    """The whitespace between two arguments of this call: copied from the call itself."""
    if position >= 2 and isinstance(args[position - 2].comma, cst.Comma):
        return _without_comment(args[position - 2].comma.whitespace_after)
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return _without_comment(call.whitespace_before_args)
    return cst.SimpleWhitespace(" ")


def _without_comment(whitespace: cst.BaseParenthesizableWhitespace) -> cst.BaseParenthesizableWhitespace:
    """A line break and indent copied from elsewhere must not copy that line's comment or blank lines."""
    if isinstance(whitespace, cst.ParenthesizedWhitespace):
        return whitespace.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=())
    return whitespace
