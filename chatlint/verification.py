"""`chatlint check --verify-labels`: settle static findings with the runtime label check.

For each finding of a rule a runtime check covers (``CONFIRMING_CHECKS``) inside a top-level collator class or function, the runtime check runs that
very class or function (imported from the file) on sample conversations with the given tokenizer. The finding is
then *confirmed* (the check saw the bug, with the tokens that show it), *not reproduced*, or *not run* (with the
reason). A confirmed CL001 fix may be applied by `--fix` even where it is marked unsafe.

Imported only when `--verify-labels` is given: it imports the user's code and transformers.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from chatlint.findings import Finding

# The runtime checks that show each rule's bug. A code here whose rule is not (yet) in chatlint/rules simply never
# has a finding to verify: the mapping is by code, so a rule that lands later is verified from its first finding.
CONFIRMING_CHECKS: dict[str, tuple[str, ...]] = {
    "CL001": ("stray-generation-prompt",),
    "CL002": ("extra-bos",),
    "CL004": ("end-of-turn-not-trained",),
    "CL007": ("marker-not-found",),  # a completion marker tokenized out of context
    "CL008": ("doubled-end-of-turn",),  # a terminator appended to a render that already ends the turn
    "CL010": ("labels-shifted-twice",),  # labels shifted before a model's loss shifts them again
    "CL011": ("empty-assistant-mask",),  # assistant masks from a template without {% generation %}
}
# Rules whose unsafe fix a confirmation makes safe to apply.
PROMOTABLE = frozenset({"CL001"})


class Verdict(NamedTuple):
    status: str  # "confirmed" | "not-reproduced" | "not-run"
    detail: str

    @property
    def note(self) -> str:
        return f"runtime check: {self.status}: {self.detail}"


def confirming_checks(code: str) -> tuple[str, ...]:
    """The runtime checks that confirm a finding of rule ``code``; empty when no runtime check covers it."""
    return CONFIRMING_CHECKS.get(code, ())


def enclosing_target(path: str, line: int) -> str | None:
    """`path:Name` for the top-level class or function that holds `line`, or None."""
    try:
        tree = ast.parse(Path(path).read_bytes())
    except (OSError, SyntaxError, ValueError):
        return None
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node.lineno <= line <= (node.end_lineno or 0):
            return f"{path}:{node.name}"
    return None


def verify_findings(
    findings: list[Finding], tokenizer: str, args: dict[str, Any] | None = None, sample: str | None = None
) -> dict[tuple[str, int, str], Verdict]:
    """A verdict for every finding the runtime check can speak to, keyed by (path, line, code)."""
    from chatlint.labels import LabelsError, verify

    reports: dict[str, Any] = {}
    verdicts: dict[tuple[str, int, str], Verdict] = {}
    for finding in findings:
        checks = confirming_checks(finding.code)
        if not checks:
            continue
        key = (finding.path, finding.line, finding.code)
        target = enclosing_target(finding.path, finding.line)
        if target is None:
            verdicts[key] = Verdict("not-run", "the finding is not inside a top-level class or function")
            continue
        if target not in reports:
            try:
                reports[target] = verify(target, tokenizer, args=args, sample=sample)
            except LabelsError as error:
                reports[target] = error
            except Exception as error:  # noqa: BLE001 - the user's code may raise anything
                reports[target] = LabelsError(f"{type(error).__name__}: {error}")
        report = reports[target]
        name = target.rsplit(":", 1)[1]
        if isinstance(report, Exception):
            verdicts[key] = Verdict("not-run", f"could not run `{name}`: {report}")
            continue
        shown = [problem for problem in report.problems if problem.check in checks]
        if shown:
            problem = shown[0]
            tokens = " ".join(problem.tokens[:12])
            verdicts[key] = Verdict(
                "confirmed", f"`{name}` on {len(report.examples)} conversations: {problem.check}: {tokens}"
            )
        else:
            verdicts[key] = Verdict(
                "not-reproduced", f"`{name}` on {len(report.examples)} conversations showed no {', '.join(checks)}"
            )
    return verdicts


def annotate(findings: list[Finding], verdicts: dict[tuple[str, int, str], Verdict]) -> list[Finding]:
    """The findings with their verdict added as a note."""
    annotated = []
    for finding in findings:
        verdict = verdicts.get((finding.path, finding.line, finding.code))
        annotated.append(replace(finding, notes=(*finding.notes, verdict.note)) if verdict else finding)
    return annotated


def promoted(verdicts: dict[tuple[str, int, str], Verdict]) -> frozenset[tuple[str, int, str]]:
    return frozenset(key for key, verdict in verdicts.items() if verdict.status == "confirmed" and key[2] in PROMOTABLE)
