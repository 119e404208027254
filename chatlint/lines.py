"""Lines of a text as Python counts them (`\\r\\n`, `\\r` and `\\n` all end a line): the one definition every part that
turns offsets into lines and back uses. No imports of chatlint: the analysis, the engine and the reporters all
stand on it."""

from __future__ import annotations

import itertools
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Character offset of the start of each line (index 0 is line 1), with the line breaks Python knows."""
    if "\r" not in text:  # `\n` alone: each line starts one past the end of the one before
        return list(itertools.accumulate([len(line) + 1 for line in text.split("\n")[:-1]], initial=0))
    starts = [0]
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
    return starts


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` without their line breaks, split as Python splits them."""
    if "\r" not in text:
        return text.split("\n")
    return _LINE_BREAK.split(text)
