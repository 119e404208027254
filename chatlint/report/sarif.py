"""`--output-format sarif`: a SARIF 2.1.0 log, as GitHub code scanning and other viewers read it.

One run: the tool with every rule's documentation, then one result per finding (with its fix as `fixes`), and the
findings silenced by `# noqa` kept as results with an in-source suppression, so a viewer can show them as such.
Files that could not be checked become error notifications of the invocation.
Columns count Unicode code points (`columnKind`), as chatlint's do; lines and columns are 1-based and a region's
end column is the column just after it, as SARIF wants.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from chatlint import __version__
from chatlint.findings import Edit, FileError, Finding
from chatlint.report.model import Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# Where a user learns about the tool: its package page (the project has no other home page yet).
INFORMATION_URI = "https://pypi.org/project/chat-template-lint/"


def render(report: Report, stream: TextIO) -> None:
    json.dump(sarif_log(report), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def sarif_log(report: Report) -> dict[str, Any]:
    from chatlint.rules import ALL_RULES

    rule_index = {rule.code: index for index, rule in enumerate(ALL_RULES)}
    results = [_result(finding, rule_index, suppressed=False) for finding in report.findings]
    results += [_result(finding, rule_index, suppressed=True) for finding in report.suppressed]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "chatlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule) for rule in ALL_RULES],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [_notification(error) for error in report.errors],
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule(rule) -> dict[str, Any]:
    what = textwrap.dedent(rule.what_it_does).strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "help": {"text": f"{rule.summary}\n\n{what}", "markdown": rule.documentation()},
        "defaultConfiguration": {"level": "error", "enabled": rule.enabled_by_default},
        "properties": {"fixable": rule.fixable},
    }


def _result(finding: Finding, rule_index: dict[str, int], suppressed: bool) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.code, "level": "error", "message": {"text": finding.message}}
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    physical: dict[str, Any] = {"artifactLocation": artifact_location(finding.path)}
    if finding.cell is None:
        physical["region"] = _region(finding.line, finding.column, finding.end_line, finding.end_column)
    else:
        # Lines inside a notebook cell are not lines of the .ipynb file: point at the file, say where in words.
        result["message"] = {"text": f"cell {finding.cell}, line {finding.line}: {finding.message}"}
        result["properties"] = {"cell": finding.cell, "line": finding.line, "column": finding.column}
    result["locations"] = [{"physicalLocation": physical}]
    if finding.related:
        # the trail in other places (a render in another module): GitHub code scanning links each one
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {
                    "artifactLocation": artifact_location(place.path),
                    "region": {"startLine": place.line},
                },
                "message": {"text": place.note},
            }
            for number, place in enumerate(finding.related, start=1)
        ]
    if finding.fix is not None and finding.cell is None:
        result["fixes"] = [
            {
                "description": {"text": finding.fix.description or f"fix {finding.code}"},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact_location(finding.path),
                        "replacements": [_replacement(edit) for edit in finding.fix.edits],
                    }
                ],
                "properties": {"applicability": finding.fix.applicability.value},
            }
        ]
    if suppressed:
        result["suppressions"] = [{"kind": "inSource"}]
    return result


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _replacement(edit: Edit) -> dict[str, Any]:
    return {
        "deletedRegion": _region(edit.line, edit.column, edit.end_line, edit.end_column),
        "insertedContent": {"text": edit.content},
    }


def _notification(error: FileError) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": artifact_location(error.path)}
    if error.line is not None and error.cell is None:  # a notebook's cell lines are not lines of the file
        location["region"] = {"startLine": error.line, "startColumn": error.column or 1}
    return {
        "level": "error",
        "message": {"text": error.reason},
        "locations": [{"physicalLocation": location}],
        "properties": {"kind": error.kind},
    }


def artifact_location(path: str) -> dict[str, str]:
    """A relative path stays relative to the source root (`%SRCROOT%`); any other becomes a `file:` URI."""
    if not os.path.isabs(path):
        # the file name's own bytes, percent-encoded: lossless even for a name that is not UTF-8
        return {"uri": quote(os.fsencode(PurePath(path).as_posix())), "uriBaseId": "%SRCROOT%"}
    try:
        relative = Path(path).relative_to(Path.cwd())
        return {"uri": quote(os.fsencode(relative.as_posix())), "uriBaseId": "%SRCROOT%"}
    except ValueError:
        return {"uri": Path(path).as_uri()}
