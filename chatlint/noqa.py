"""Suppression comments: `# noqa`, `# noqa: CL001, CL002` on a line, and `# chatlint: noqa` for a whole file.

A line's directive silences a finding on any line of the same statement (its logical line, as flake8 counts them):
people put it on the first line of a multi-line call, or on its closing line, as often as on the line reported.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterator

_LINE_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,?\s*[A-Z]+[0-9]+)*))?", re.IGNORECASE)
_FILE_NOQA = re.compile(r"#\s*chatlint\s*:\s*noqa\b", re.IGNORECASE)
_FILE_NOQA_BYTES = re.compile(rb"#\s*chatlint\s*:\s*noqa\b", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]+[0-9]+", re.IGNORECASE)
_ANY_NOQA = re.compile("noqa", re.IGNORECASE)

ALL = frozenset({"*"})


def file_is_suppressed(data: bytes) -> bool:
    return b"noqa" in data and _FILE_NOQA_BYTES.search(data) is not None


def line_suppressions(line: str) -> frozenset[str] | None:
    """The codes a line's `# noqa` silences (`ALL` for a bare one), or None when it has none."""
    if "noqa" not in line.lower() or _FILE_NOQA.search(line):
        return None
    match = _LINE_NOQA.search(line)
    if match is None:
        return None
    codes = match.group("codes")
    if not codes:
        return ALL
    return frozenset(code.upper() for code in _CODE.findall(codes))


def noqa_directive(comment: str) -> re.Match[str] | None:
    """The `# noqa` or `# noqa: CODES` directive in a comment (its `codes` group is None for a bare one)."""
    if "noqa" not in comment.lower() or _FILE_NOQA.search(comment):
        return None
    return _LINE_NOQA.search(comment)


def codes_of(codes: str) -> list[str]:
    """The codes in a directive's code list, in their order, as written."""
    return _CODE.findall(codes)


def is_suppressed(code: str, line: str) -> bool:
    codes = line_suppressions(line)
    return codes is not None and (codes is ALL or code in codes)


class Directives:
    """The `# noqa` directives of one file's lines, and which of them silences a finding."""

    def __init__(self, text: str, lines: list[str]) -> None:
        self._text = text
        self._codes: dict[int, frozenset[str]] = {}
        if _ANY_NOQA.search(text):
            for number, line in enumerate(lines, start=1):
                codes = line_suppressions(line)
                if codes is not None:
                    self._codes[number] = codes
        self._statements: dict[int, tuple[int, int]] | None = None  # computed when first needed

    def named_codes(self) -> frozenset[str]:
        """Every code a directive of the file names (bare directives name none)."""
        return frozenset(code for codes in self._codes.values() if codes is not ALL for code in codes)

    def silencing_line(self, code: str, line: int, end_line: int) -> int | None:
        """The line of the directive that silences `code` reported at `line`..`end_line`, or None: the directive on
        `line` first, then one on any other line of the statements the finding spans, the first from the top."""
        if self._silences(line, code):
            return line
        if not any(codes is ALL or code in codes for codes in self._codes.values()):
            return None  # no directive for this code anywhere: no need to find the statement's lines
        first, last = self._statement(line)[0], self._statement(max(line, end_line))[1]
        return next((number for number in range(first, last + 1) if self._silences(number, code)), None)

    def _silences(self, line: int, code: str) -> bool:
        codes = self._codes.get(line)
        return codes is not None and (codes is ALL or code in codes)

    def _statement(self, line: int) -> tuple[int, int]:
        if self._statements is None:
            self._statements = dict(_multiline_statements(self._text))
        return self._statements.get(line, (line, line))


def _multiline_statements(text: str) -> Iterator[tuple[int, tuple[int, int]]]:
    """(line, (first, last)) for every line of a statement that spans lines (its logical line: up to its end of
    statement, comments and continuation lines included; a compound statement's header is one)."""
    ignorable = (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)
    first: int | None = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.NEWLINE:
                if first is not None and token.start[0] > first:
                    span = (first, token.start[0])
                    yield from ((number, span) for number in range(first, token.start[0] + 1))
                first = None
            elif first is None and token.type not in ignorable:
                first = token.start[0]
    except (tokenize.TokenError, SyntaxError):
        return  # what could not be read as tokens keeps one line per statement
