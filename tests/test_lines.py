"""Lines as Python counts them, whichever way they are computed."""

from __future__ import annotations

import re

import pytest

from chatlint.lines import line_starts, lines_of

_ANY_BREAK = re.compile(r"\r\n|\r|\n")


@pytest.mark.parametrize(
    "text", ["", "a", "a\n", "\n\n", "x = 1\ny = 2\n", "é = 1\n# ü\n\nz", "x\ny\r\nz\rw\n", "a\x0cb\x1cc\u2028d\n"]
)
def test_lines_and_their_starts(text: str) -> None:
    assert lines_of(text) == _ANY_BREAK.split(text)
    assert line_starts(text) == [0] + [match.end() for match in _ANY_BREAK.finditer(text)]
    assert [text[start : start + len(line)] for start, line in zip(line_starts(text), lines_of(text))] == lines_of(text)
