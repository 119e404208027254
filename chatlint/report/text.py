"""`--output-format text`: `path:line:col: CODE [*] message`, then a summary. Colour only on a terminal."""

from __future__ import annotations

import os
from typing import TextIO

import click

from chatlint.findings import printable_path
from chatlint.report.model import Report


def render(report: Report, stream: TextIO) -> None:
    colour = _wants_colour(stream)

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if colour else text  # type: ignore[arg-type]

    for finding in report.findings:
        path = printable_path(finding.path)
        where = f"{path}:" if finding.cell is None else f"{path}:cell {finding.cell}:"
        location = style(f"{where}{finding.line}:{finding.column}:", bold=True)
        code = style(finding.code, fg="red", bold=True)
        marker = ""
        if finding.fix is not None:
            marker = style("[*] ", fg="cyan") if report.would_fix(finding) else style("[unsafe fix] ", fg="yellow")
        stream.write(f"{location} {code} {marker}{finding.message}\n")
        for note in finding.notes:
            stream.write(f"    {note}\n")
    if report.quiet:
        for error in report.errors:
            stream.write(f"{error.location}: {error.reason}\n")
    else:
        stream.write(summary(report, style) + "\n")


def summary(report: Report, style=lambda text, **_: text) -> str:
    lines = []
    if report.fixes_applied:
        lines.append(f"Fixed {report.fixes_applied} {_plural(report.fixes_applied, 'problem')}.")
    if report.findings:
        lines.append(style(found(report), bold=True))
    elif not report.errors:
        lines.append(style("All checks passed!", fg="green", bold=True))
    for error in report.errors:
        label = "internal error" if error.kind == "internal" else "error"
        lines.append(style(f"{error.location}: {label}: {error.reason}", fg="red"))
    if report.errors:
        not_checked = sum(1 for error in report.errors if error.kind == "error")
        if not_checked:
            lines.append(f"{not_checked} {_plural(not_checked, 'file')} could not be checked.")
    return "\n".join(lines)


def found(report: Report) -> str:
    """`Found 3 problems (2 fixable with --fix; 1 more with --unsafe-fixes).`"""
    count = len(report.findings)
    safe = sum(1 for finding in report.findings if finding.fix and report.would_fix(finding))
    unsafe = sum(1 for finding in report.findings if finding.fix) - safe
    details = []
    if safe:
        details.append(f"{safe} fixable with {'--fix --unsafe-fixes' if report.unsafe_fixes else '--fix'}")
    if unsafe:
        details.append(f"{unsafe} more with --unsafe-fixes")
    extra = f" ({'; '.join(details)})" if details else ""
    return f"Found {count} {_plural(count, 'problem')}{extra}."


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
