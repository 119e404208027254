"""`--statistics`: how many findings each rule has, instead of the findings themselves (as Ruff prints them), then
their total in the text form (`Found 3 problems (2 fixable with --fix).`, not with `--quiet`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TextIO

from chatlint.report.model import Report


@dataclass(frozen=True)
class RuleCount:
    code: str
    name: str
    count: int
    fixable: bool  # some finding of this rule has a fix that the current options would apply

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "count": self.count, "fixable": self.fixable}


def rule_counts(report: Report) -> list[RuleCount]:
    """One line per rule with findings, the most frequent first, then by code."""
    from chatlint.rules import RULES_BY_CODE

    counts: dict[str, int] = {}
    fixable: set[str] = set()
    for finding in report.findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
        if finding.fix and report.would_fix(finding):
            fixable.add(finding.code)
    names = {code: RULES_BY_CODE[code].name if code in RULES_BY_CODE else "" for code in counts}
    ordered = sorted(counts, key=lambda code: (-counts[code], code))
    return [RuleCount(code, names[code], counts[code], code in fixable) for code in ordered]


def render_text(report: Report, stream: TextIO) -> None:
    rows = rule_counts(report)
    if not rows:
        return
    count_width = max(len(str(row.count)) for row in rows)
    code_width = max(len(row.code) for row in rows)
    any_fixable = any(row.fixable for row in rows)
    for row in rows:
        marker = ("[*] " if row.fixable else "[ ] ") if any_fixable else ""
        stream.write(f"{row.count:>{count_width}}\t{row.code:<{code_width}}\t{marker}{row.name}\n")
    if not report.quiet:
        from chatlint.report.text import found

        stream.write(found(report) + "\n")


def render_json(report: Report, stream: TextIO) -> None:
    json.dump([row.to_json() for row in rule_counts(report)], stream, indent=2)
    stream.write("\n")
