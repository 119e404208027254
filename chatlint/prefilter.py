"""The byte prefilter: could checking this file find anything at all? Decided on its bytes, before any parsing.

Each rule names groups of byte strings or patterns (`Rule.prefilter`, and optionally a second set,
`Rule.also_prefilter`); it may match a file only when every group of one set has a member on a code line (not a
comment, not a doctest line). A file no rule may match, or one silenced whole
by `# chatlint: noqa`, is clean without being parsed. `rules_to_run` is that decision, for the engine (one file)
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
    return bool(rules_to_run(data, rules))


def rules_to_run(data: bytes, rules: Sequence[Rule]) -> list[Rule]:
    """The rules that could find something in `data`: those whose prefilter matches, none when the file is
    silenced whole. Each byte string is looked for once, however many rules name it."""
    active = matching_rules(data, rules)
    if active and file_is_suppressed(data):
        return []
    return active


def passes_prefilter(data: bytes, rules: Sequence[Rule]) -> bool:
    """Cheap byte test: could any rule find anything here? Doctest lines and comments do not count."""
    return bool(matching_rules(data, rules))


def matching_rules(data: bytes, rules: Sequence[Rule]) -> list[Rule]:
    """The rules whose prefilter matches `data` (the suppression comments not looked at)."""
    found: dict[bytes | re.Pattern[bytes], bool] = {}

    def present(token: bytes | re.Pattern[bytes]) -> bool:
        known = found.get(token)
        if known is None:
            known = found[token] = _in_code_line(data, token)
        return known

    return [
        rule
        for rule in rules
        if all(any(present(token) for token in group) for group in rule.prefilter)
        or (rule.also_prefilter and all(any(present(token) for token in group) for group in rule.also_prefilter))
    ]


def rule_may_match(data: bytes, rule: Rule) -> bool:
    return bool(matching_rules(data, [rule]))


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
