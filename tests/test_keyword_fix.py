"""The keyword-adding fix keeps a call's formatting: one line, multi-line, trailing comma, hanging indent."""

from __future__ import annotations

import ast

import pytest

from chatlint.facts import build_facts
from chatlint.facts.syntax import SourceText, reading
from chatlint.rules.keyword_fix import add_keyword

CASES = [
    ("tok(text)\n", "tok(text, add_special_tokens=False)"),
    ("tok(text, truncation=True)\n", "tok(text, truncation=True, add_special_tokens=False)"),
    (
        "def f(tok, text):\n    return tok(\n        text,\n        truncation=True,\n    )\n",
        "tok(\n        text,\n        truncation=True,\n        add_special_tokens=False,\n    )",
    ),
    (
        "def f(tok, text):\n    return tok(\n        text,\n        truncation=True\n    )\n",
        "tok(\n        text,\n        truncation=True,\n        add_special_tokens=False\n    )",
    ),
    (
        "def f(tok, text):\n    return tok(\n        text,\n    )\n",
        "tok(\n        text,\n        add_special_tokens=False,\n    )",
    ),
    # before a `**kwargs`, so that the call reads as written: keywords, then what is spread
    ("tok(text, **kwargs)\n", "tok(text, add_special_tokens=False, **kwargs)"),
    ("tok(**kwargs)\n", "tok(add_special_tokens=False, **kwargs)"),
    ("tok()\n", "tok(add_special_tokens=False)"),
    # a line break and indent copied from elsewhere do not copy that line's comment
    (
        "def f(tok, text):\n    return tok(  # why\n        text)\n",
        "tok(  # why\n        text,\n        add_special_tokens=False)",
    ),
    # characters beyond ASCII before the call: columns count characters
    ("x = 'é'; tok(text)\n", "tok(text, add_special_tokens=False)"),
    # a comment at the end of the last argument's line stays on that line: a `noqa` keeps its target
    (
        "def f(tok, text):\n    return tok(\n        text,\n        truncation=True,  # noqa: CL001\n    )\n",
        "tok(\n        text,\n        truncation=True,  # noqa: CL001\n        add_special_tokens=False,\n    )",
    ),
    (
        "def f(tok, text):\n    return tok(\n        text  # the reply\n    )\n",
        "tok(\n        text,  # the reply\n        add_special_tokens=False\n    )",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_add_keyword_keeps_formatting(source: str, expected: str) -> None:
    source_text = SourceText(source)
    with reading(source_text):
        facts = build_facts(ast.parse(source), source_text)
        call = next(call for call, _, _ in facts.calls if facts.code(call.func) == "tok")
        edit = add_keyword(call, "add_special_tokens", "False", source_text)
        assert edit.node is call
        assert edit.replacement == expected
        # the edited module parses
        ast.parse(source.replace(facts.code(call), edit.replacement))
