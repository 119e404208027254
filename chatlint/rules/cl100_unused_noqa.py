"""CL100: a `# noqa: CODE` that silences nothing.

Whether a directive is used is known only after the other rules have run and their findings have been matched
against the `# noqa` comments, so this rule does not read the facts: the engine calls `check_suppressions` last,
with the (line, code) pairs that a comment silenced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import libcst as cst
from libcst.metadata import CodeRange

from chatlint.facts import ModuleFacts
from chatlint.findings import Applicability
from chatlint.noqa import codes_of, noqa_directive
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule


class UnusedNoqa(Rule):
    code = "CL100"
    name = "unused-noqa"
    summary = "A `# noqa: CODE` comment for a chatlint rule that reports nothing on that line"
    # A directive naming a chatlint code: `noqa` and `CL` followed by a digit (most files with `# noqa` name
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
        Finds `# noqa: CODE` comments where `CODE` is a chatlint rule that ran on the file and reported nothing
        on that line. Off by default: turn it on with `--select CL001,CL100` (or `select = ["CL"]`).

        It judges only chatlint's own codes, and only those of rules that ran: codes of other tools
        (`# noqa: E501`) and codes of rules that were not selected or were ignored for the file are left alone. A
        bare `# noqa` is left alone too, because it silences every linter on the line, not just chatlint.
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
        self,
        module: cst.Module,
        positions: Mapping[cst.CSTNode, CodeRange],
        used: frozenset[tuple[int, str]],
        codes_run: frozenset[str],
    ) -> Iterable[Diagnostic]:
        """Diagnostics for directives naming rules in `codes_run` that silenced nothing; `used` is (line, code)."""
        collector = _CommentCollector()
        module.visit(collector)
        for comment, whitespace in collector.comments:
            match = noqa_directive(comment.value)
            if match is None or not match.group("codes"):
                continue
            line = positions[comment].start.line
            written = codes_of(match.group("codes"))
            unused = [code for code in written if code.upper() in codes_run and (line, code.upper()) not in used]
            if not unused:
                continue
            names = ", ".join(code.upper() for code in unused)
            noun = "code silences" if len(unused) == 1 else "codes silence"
            message = f"unused `noqa` directive: {names} reports nothing on this line, so the {noun} nothing"
            yield Diagnostic(comment, message, _fix(comment, whitespace, match, written, unused))


def _fix(
    comment: cst.Comment,
    whitespace: cst.SimpleWhitespace | None,
    match,  # type: ignore[no-untyped-def]
    written: list[str],
    unused: list[str],
) -> NodeFix | None:
    text = comment.value
    kept = [code for code in written if code not in unused]
    if kept:
        start, end = match.span("codes")
        replacement = text[:start] + ", ".join(kept) + text[end:]
        return _safe((NodeEdit(comment, replacement),), f"remove {', '.join(unused)} from the directive")
    before, after = text[: match.start()], text[match.end() :]
    if after.strip():
        return None  # text after the directive, often its reason: a person should decide
    if before.strip():
        # `# type: ignore  # noqa: CL001`: keep the other comment
        return _safe((NodeEdit(comment, before.rstrip()),), "remove the unused directive")
    if whitespace is None:
        return None  # a comment on a line of its own
    return _safe((NodeEdit(whitespace, ""), NodeEdit(comment, "")), "remove the unused `# noqa` comment")


def _safe(edits: tuple[NodeEdit, ...], description: str) -> NodeFix:
    return NodeFix(Applicability.SAFE, edits, description)


class _CommentCollector(cst.CSTVisitor):
    """Every comment, with the whitespace before it when it ends a line of code."""

    def __init__(self) -> None:
        self.comments: list[tuple[cst.Comment, cst.SimpleWhitespace | None]] = []

    def visit_TrailingWhitespace(self, node: cst.TrailingWhitespace) -> None:
        if node.comment is not None:
            self.comments.append((node.comment, node.whitespace))

    def visit_EmptyLine(self, node: cst.EmptyLine) -> None:
        if node.comment is not None:
            self.comments.append((node.comment, None))
