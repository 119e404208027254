"""CL100: a `# noqa: CODE` that silences nothing.

Whether a directive is used is known only after the other rules have run and their findings have been matched
against the `# noqa` comments, so this rule does not read the facts: the engine calls `check_suppressions` last,
with the (line of the directive, code) pairs that silenced a finding, after running quietly the rules named by a
directive that were not selected.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable, Iterator

from chatlint.facts import ModuleFacts
from chatlint.facts.syntax import SourceText, Span
from chatlint.findings import Applicability
from chatlint.noqa import codes_of, noqa_directive
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule


class UnusedNoqa(Rule):
    code = "CL100"
    name = "unused-noqa"
    summary = "A `# noqa: CODE` comment for a chatlint rule that reports nothing on that line"
    # A directive naming a chatlint code: `noqa` and `CL` followed by a digit (most files with `noqa` name
    # other tools' codes, and parsing them all would make the rule the slowest part of a run).
    prefilter = (
        (b"noqa", b"NOQA", b"Noqa"),
        tuple(prefix + str(digit).encode() for prefix in (b"CL", b"cl") for digit in range(10)),
    )
    enabled_by_default = False
    fixable = True
    # Tells the engine to call `check_suppressions` after the other rules' findings are suppressed.
    checks_suppressions = True

    what_it_does = """
        Finds `# noqa: CODE` comments where `CODE` is a chatlint rule that reports nothing on that line's statement
        (a directive silences a finding on any line of the statement it is on, the first line of a multi-line call
        included). Off by default: turn it on with `--extend-select CL100` (or `extend-select = ["CL100"]`).

        Every chatlint code in a directive is judged, whether or not its rule is selected: a rule that was not
        selected (or is ignored for the file) is run quietly on the file, only to see what its directives silence,
        and its own findings are not reported. So `--select CL100` alone reports exactly the stale directives.
        (Ruff's RUF100 instead reports a directive for a rule that is not enabled as "non-enabled", and its fix
        removes it even where it is used.) Codes of other tools (`# noqa: E501`) are left alone, and so is a bare
        `# noqa`, because it silences every linter on the line, not just chatlint.
    """
    why_is_this_bad = """
        A suppression that no longer silences anything hides the next real finding on that line: after a
        refactor, a `# noqa: CL001` kept from an old bug silently swallows a new one. Removing stale directives
        keeps every remaining `# noqa` meaningful.
    """
    example = """
        text = tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True)  # noqa: CL001
    """
    use_instead = """
        text = tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True)
    """
    fix_safety = """
        The fix is **safe**: it removes the unused codes from the directive, or the whole comment when nothing
        else is left in it. A directive followed by other text in the same comment (often its reason) and a
        directive on a line of its own are reported without a fix, for a person to edit.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        return ()

    def check_suppressions(
        self, source: SourceText, used: frozenset[tuple[int, str]], codes_run: frozenset[str]
    ) -> Iterable[Diagnostic]:
        """Diagnostics for directives naming rules in `codes_run` that silenced nothing; `used` is (line of the
        directive, code)."""
        for comment, text, whitespace in _comments(source):
            match = noqa_directive(text)
            if match is None or not match.group("codes"):
                continue
            line = comment.line
            written = codes_of(match.group("codes"))
            unused = [code for code in written if code.upper() in codes_run and (line, code.upper()) not in used]
            if not unused:
                continue
            names = ", ".join(code.upper() for code in unused)
            noun = "code silences" if len(unused) == 1 else "codes silence"
            message = f"unused `noqa` directive: {names} reports nothing on this line, so the {noun} nothing"
            yield Diagnostic(comment, message, _fix(comment, text, whitespace, match, written, unused))


def _fix(
    comment: Span,
    text: str,
    whitespace: Span | None,
    match: re.Match[str],
    written: list[str],
    unused: list[str],
) -> NodeFix | None:
    kept = [code for code in written if code not in unused]
    if kept:
        start, end = match.span("codes")
        replacement = text[:start] + ", ".join(kept) + text[end:]
        return _safe((NodeEdit(comment, replacement),), f"remove {', '.join(unused)} from the directive")
    before, after = text[: match.start()], text[match.end() :]
    if after.strip():
        return None  # text after the directive, often its reason: a person should decide
    if before.strip():
        # a type-ignore comment before the directive: keep it
        return _safe((NodeEdit(comment, before.rstrip()),), "remove the unused directive")
    if whitespace is None:
        return None  # a comment on a line of its own
    return _safe((NodeEdit(whitespace, ""), NodeEdit(comment, "")), "remove the unused `# noqa` comment")


def _safe(edits: tuple[NodeEdit, ...], description: str) -> NodeFix:
    return NodeFix(Applicability.SAFE, edits, description)


def _comments(source: SourceText) -> Iterator[tuple[Span, str, Span | None]]:
    """Every comment with its text, and the whitespace before it when it ends a line of code (None when the comment
    stands on a line of its own)."""
    previous_end: tuple[int, int] | None = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(source.text).readline):
            if token.type == tokenize.COMMENT:
                (line, column), (end_line, end_column) = token.start, token.end
                span = Span(line, column, end_line, end_column)
                whitespace = None
                if previous_end is not None and previous_end[0] == line:
                    whitespace = Span(line, previous_end[1], line, column)
                yield span, token.string, whitespace
            if token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT):
                previous_end = token.end
    except (tokenize.TokenError, SyntaxError):
        return  # the rest of the file cannot be read as tokens: nothing more to judge
