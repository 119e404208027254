"""`--add-noqa`: silence every current finding with a `# noqa: CODE` on its line, for adopting chatlint on an
existing codebase (then new code is held to the rules while old findings wait, marked, for a person).

A directive goes at the end of the finding's line. If the line's comment already holds `# noqa: X`, the code is
merged into it (`# noqa: X, CL001`); a bare `# noqa` already silences everything. Only a line that ends in code
can take a comment: a finding whose line ends inside a multi-line string or a backslash continuation is left as
it is and reported. Nothing else in the file changes (trailing spaces of an edited line aside).
"""

from __future__ import annotations

import io
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass, field

from chatlint.findings import Finding
from chatlint.lines import line_starts
from chatlint.noqa import codes_of, noqa_directive

# An unused-noqa finding is not silenced with another noqa: it asks for the directive to go.
NEVER_SILENCED = frozenset({"CL100"})


@dataclass
class NoqaEdit:
    text: str  # the new text of the file
    added: int = 0  # directives added or extended (one per line)
    left: list[Finding] = field(default_factory=list)  # findings that could not be silenced


def add_noqa(text: str, findings: Sequence[Finding]) -> NoqaEdit:
    """Add `# noqa: CODE` for every finding (by `line`) to `text`."""
    codes_by_line: dict[int, set[str]] = {}
    left: list[Finding] = []
    for finding in findings:
        if finding.code in NEVER_SILENCED:
            left.append(finding)
        else:
            codes_by_line.setdefault(finding.line, set()).add(finding.code)
    if not codes_by_line:
        return NoqaEdit(text, 0, left)
    line_ends, comments = _line_ends_and_comments(text)
    starts = line_starts(text)
    pieces: list[str] = []
    previous_end = 0
    added = 0
    for line in sorted(codes_by_line):
        if line not in line_ends or line > len(starts):
            left.extend(finding for finding in findings if finding.line == line and finding not in left)
            continue
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(text)
        whole = text[start:end]
        content = whole.rstrip("\r\n")
        new_content = _with_directive(content, sorted(codes_by_line[line]), comments.get(line))
        pieces.append(text[previous_end:start])
        pieces.append(new_content + whole[len(content) :])
        previous_end = end
        added += 1
    pieces.append(text[previous_end:])
    return NoqaEdit("".join(pieces), added, left)


def _with_directive(content: str, codes: list[str], comment: tuple[int, str] | None) -> str:
    if comment is not None:
        column, comment_text = comment
        match = noqa_directive(comment_text)
        if match is not None and match.group("codes"):
            written = codes_of(match.group("codes"))
            merged = written + [code for code in codes if code not in {w.upper() for w in written}]
            begin, end = column + match.start("codes"), column + match.end("codes")
            return content[:begin] + ", ".join(merged) + content[end:]
        if match is not None:
            return content  # a bare `noqa` silences everything already
    return content.rstrip(" \t") + "  # noqa: " + ", ".join(codes)


def _line_ends_and_comments(text: str) -> tuple[set[int], dict[int, tuple[int, str]]]:
    """The lines that end in code (a comment can go at their end), and each line's comment (column, text)."""
    line_ends: set[int] = set()
    comments: dict[int, tuple[int, str]] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type in (tokenize.NEWLINE, tokenize.NL):
                line_ends.add(token.start[0])
            elif token.type == tokenize.COMMENT:
                comments[token.start[0]] = (token.start[1], token.string)
    except (tokenize.TokenError, SyntaxError):
        pass  # the lines seen so far are still right; the rest is left alone
    return line_ends, comments
