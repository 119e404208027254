"""The byte prefilter: could checking this file find anything at all? Decided on its bytes, before any parsing.

Each rule names groups of byte strings or patterns (`Rule.prefilter`); it may match a file only when every group
has a member on a code line (not a comment, not a doctest line). A file no rule may match, or one silenced whole
by `# chatlint: noqa`, is clean without being parsed. `worth_parsing` is that decision, for the engine (one file)
and for `parallel` (which keeps such files out of the process pool) alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from chatlint.noqa import file_is_suppressed

if TYPE_CHECKING:
    from chatlint.rules.base import Rule


def worth_parsing(data: bytes, rules: Sequence[Rule]) -> bool:
    """Could checking `data` (a file's bytes) with `rules` find anything? If not, its result is empty."""
    return not file_is_suppressed(data) and passes_prefilter(data, rules)


def passes_prefilter(data: bytes, rules: Sequence[Rule]) -> bool:
    """Cheap byte test: could any rule find anything here? Doctest lines and comments do not count."""
    return any(rule_may_match(data, rule) for rule in rules)


def rule_may_match(data: bytes, rule: Rule) -> bool:
    for group in rule.prefilter:
        if not any(_in_code_line(data, token) for token in group):
            return False
    return True


def _in_code_line(data: bytes, token: bytes | re.Pattern[bytes]) -> bool:
    """Is `token` (bytes, or a compiled pattern that never spans lines) on a line that is not a comment or a
    doctest line? (`bytes.find` in C: this is the speed of the tool.)"""
    starts: Iterator[int]
    if isinstance(token, re.Pattern):
        starts = (match.start() for match in token.finditer(data))
    else:
        starts = _occurrences(data, token)
    for start in starts:
        line_start = data.rfind(b"\n", 0, start) + 1
        if not data[line_start:start].lstrip(b" \t").startswith((b"#", b">>>", b"...")):
            return True
    return False


def _occurrences(data: bytes, token: bytes) -> Iterator[int]:
    """Where `token` is found, at most once per line."""
    start = data.find(token)
    while start != -1:
        yield start
        line_end = data.find(b"\n", start)
        if line_end == -1:
            return
        start = data.find(token, line_end + 1)
