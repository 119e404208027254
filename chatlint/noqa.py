"""Suppression comments: `# noqa`, `# noqa: CL001, CL002` on a line, and `# chatlint: noqa` for a whole file."""

from __future__ import annotations

import re

_LINE_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,?\s*[A-Z]+[0-9]+)*))?", re.IGNORECASE)
_FILE_NOQA = re.compile(r"#\s*chatlint\s*:\s*noqa\b", re.IGNORECASE)
_FILE_NOQA_BYTES = re.compile(rb"#\s*chatlint\s*:\s*noqa\b", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]+[0-9]+", re.IGNORECASE)

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
