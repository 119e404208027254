"""A fix that adds one keyword argument to a call and keeps the call's formatting.

`tokenizer(text)` becomes `tokenizer(text, add_special_tokens=False)`; a multi-line call gets the new argument on
its own line with the same indentation, and a trailing comma stays a trailing comma.
"""

from __future__ import annotations

import libcst as cst
from libcst._nodes.internal import CodegenState

from chatlint.facts import ModuleFacts
from chatlint.rules.base import NodeEdit


def add_keyword(call: cst.Call, name: str, value: str, facts: ModuleFacts) -> NodeEdit:
    """An edit that replaces `call` with the same call plus `name=value` as its last argument."""
    new_arg = cst.Arg(
        keyword=cst.Name(name),
        value=cst.parse_expression(value),
        equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
    )
    args = list(call.args)
    if not args:
        return NodeEdit(call, _code_in_place(call, call.with_changes(args=[new_arg]), facts))
    last = args[-1]
    # the whitespace that separates two arguments in this call: after an earlier comma, or what opens the call
    if len(args) > 1 and isinstance(args[-2].comma, cst.Comma):
        separator = args[-2].comma.whitespace_after
    elif isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        separator = call.whitespace_before_args
    else:
        separator = cst.SimpleWhitespace(" ")
    before_comma = last.comma.whitespace_before if isinstance(last.comma, cst.Comma) else cst.SimpleWhitespace("")
    # what followed the old last argument: its trailing comma's whitespace, or the whitespace before `)`
    tail = last.comma.whitespace_after if isinstance(last.comma, cst.Comma) else last.whitespace_after_arg
    if isinstance(tail, cst.ParenthesizedWhitespace) and isinstance(separator, cst.ParenthesizedWhitespace):
        # a comment at the end of the old last argument's line stays on that line (a `# noqa` keeps its target)
        separator = separator.with_changes(first_line=tail.first_line)
        tail = tail.with_changes(first_line=cst.TrailingWhitespace(newline=tail.first_line.newline))
    joined = last.with_changes(
        comma=cst.Comma(whitespace_before=before_comma, whitespace_after=separator),
        whitespace_after_arg=cst.SimpleWhitespace(""),
    )
    # the new argument takes over what followed the old last one: its trailing comma and the space before `)`
    if isinstance(last.comma, cst.Comma):
        new_arg = new_arg.with_changes(comma=last.comma.with_changes(whitespace_after=tail))
    else:
        new_arg = new_arg.with_changes(whitespace_after_arg=tail)
    return NodeEdit(call, _code_in_place(call, call.with_changes(args=[*args[:-1], joined, new_arg]), facts))


def _code_in_place(original: cst.Call, new: cst.Call, facts: ModuleFacts) -> str:
    """The source of `new`, indented like `original`: continuation lines of a multi-line call carry the
    indentation of the blocks around it, which `Module.code_for_node` alone would drop."""
    ancestors = next((ancestors for call, _, ancestors in facts.calls if call is original), ())
    state = CodegenState(default_indent=facts.module.default_indent, default_newline=facts.module.default_newline)
    state.indent_tokens = [
        block.indent if block.indent is not None else facts.module.default_indent
        for block in ancestors
        if isinstance(block, cst.IndentedBlock)
    ]
    new._codegen(state)
    return "".join(state.tokens)
