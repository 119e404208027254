"""`--output-format gitlab`: GitLab's code quality report (a JSON list), for merge request widgets.

The fingerprint must stay the same from one pipeline to the next while the finding does, so it hashes the path,
the code, the message and the text of the reported line, not the line number: a finding that only moved because
lines were added above it keeps its fingerprint. Two identical findings on identical lines get an occurrence
count in the hash so every fingerprint in a report is unique.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from chatlint.findings import printable_path
from chatlint.report.model import Report

SEVERITY = "major"  # chatlint's findings are likely bugs in training data, not style


def render(report: Report, stream: TextIO) -> None:
    json.dump(code_quality(report), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def code_quality(report: Report) -> list[dict[str, Any]]:
    seen: dict[str, int] = {}
    issues = []
    for finding in report.findings:
        base = _hash(printable_path(finding.path), finding.code, finding.message, finding.source_line.strip())
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        fingerprint = base if occurrence == 0 else _hash(base, str(occurrence))
        if finding.cell is None:
            description, line = finding.message, finding.line
        else:
            # a line inside a notebook cell is not a line of the .ipynb file: say where in words
            description, line = f"cell {finding.cell}, line {finding.line}: {finding.message}", 1
        issues.append(
            {
                "description": description,
                "check_name": finding.code,
                "fingerprint": fingerprint,
                "severity": SEVERITY,
                "location": {"path": printable_path(finding.path), "lines": {"begin": line}},
            }
        )
    return issues


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()
