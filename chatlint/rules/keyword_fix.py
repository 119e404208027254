"""A fix that adds one keyword argument to a call and keeps the call's layout.

`tokenizer(text)` becomes `tokenizer(text, add_special_tokens=False)`; a call with one argument per line gets the new
argument on its own line with the same indentation; a trailing comma stays a trailing comma; a comment at the end of
the old last argument's line stays on that line (a `# noqa` keeps its target); before a `**kwargs` the new argument
goes in front of it. The edit is computed from the text and the `ast` positions alone: no second parser.
"""

from __future__ import annotations

import ast

from chatlint.facts.syntax import SourceText, arguments_in_order
from chatlint.handed_calls import forwards_keywords, handed
from chatlint.rules.base import NodeEdit


def add_keyword(call: ast.Call, name: str, value: str, source: SourceText) -> NodeEdit | None:
    """An edit that replaces `call` with the same call plus `name=value` after its last argument (before any
    `**kwargs`). For a call handed to a thread (`asyncio.to_thread(tok, text)`, `chatlint.handed_calls`), the call
    as written gets the keyword when it forwards keywords; None when it does not (`loop.run_in_executor(...)`)."""
    if not forwards_keywords(call):
        return None
    text = source.segment(call)
    start = source.offsets(call)[0]
    new = f"{name}={value}"
    items = arguments_in_order(call)
    arguments = [(source.offsets(item)[0] - start, source.offsets(item)[1] - start) for item in items]
    close = text.rindex(")")
    if not arguments:
        return NodeEdit(call, text[:close] + new + text[close:])
    plain = len(arguments) - _trailing_double_stars(items)
    if plain < len(arguments):
        # in front of the first trailing `**kwargs`, with the separator that stands before it
        at = arguments[plain][0]
        separator = _separator(text, arguments, plain + 1, call, source, start) if plain else " "
        return NodeEdit(call, text[:at] + new + "," + separator + text[at:])
    separator = _separator(text, arguments, plain, call, source, start)
    last_end = arguments[-1][1]
    tail = text[last_end:close]
    if tail.lstrip(" \t").startswith(","):
        comma_end = tail.index(",") + 1
        before, rest = tail[:comma_end], tail[comma_end:]
        line, after = _split_first_line(rest)
        return NodeEdit(call, text[:last_end] + before + line + separator + new + "," + after + text[close:])
    line, after = _split_first_line(tail)
    return NodeEdit(call, text[:last_end] + "," + line + separator + new + after + text[close:])


def _trailing_double_stars(items: list[ast.expr | ast.keyword]) -> int:
    count = 0
    for item in reversed(items):
        if not (isinstance(item, ast.keyword) and item.arg is None):
            break
        count += 1
    return count


def _split_first_line(text: str) -> tuple[str, str]:
    """`"  # noqa\n    )"` -> (`"  # noqa"`, `"\n    )"`): what stays on the old last argument's line, and the rest.
    Text without a line break stays whole after the new argument."""
    newline = text.find("\n")
    if newline == -1:
        return "", text
    line_end = newline - 1 if text[newline - 1 : newline] == "\r" else newline
    return text[:line_end], text[line_end:]


def _separator(
    text: str, arguments: list[tuple[int, int]], upto: int, call: ast.Call, source: SourceText, start: int
) -> str:
    """The whitespace between two arguments of this call, copied from the call itself without comments: the one
    before argument `upto - 1`, or what follows the opening parenthesis."""
    if upto >= 2:
        between = text[arguments[upto - 2][1] : arguments[upto - 1][0]]
        gap = between[between.index(",") + 1 :] if "," in between else " "
    else:
        func = handed(call) or call  # (`asyncio.to_thread(tok, text)`: its own parenthesis, not one after `tok`)
        opening = text.index("(", source.offsets(func.func)[1] - start)
        gap = text[opening + 1 : arguments[0][0]]
    if "\n" in gap:
        newline = "\r\n" if "\r\n" in gap else "\n"
        return newline + gap.rsplit("\n", 1)[1]
    return " "
