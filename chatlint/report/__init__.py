"""Reporters: one function per output format, all fed the same `Report`.

A new format is a module with `render(report, stream)` and one line in `FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from chatlint.findings import FileError, Finding


@dataclass
class Report:
    findings: list[Finding]
    errors: list[FileError]
    fixes_applied: int = 0
    fix_mode: bool = False
    unsafe_fixes: bool = False
    checked: int = 0
    suppressed: list[Finding] = field(default_factory=list)
    quiet: bool = False  # findings and errors only, no summary


Renderer = Callable[[Report, TextIO], None]


def formats() -> dict[str, Renderer]:
    from chatlint.report import github, gitlab, json_format, sarif, text

    return {
        "text": text.render,
        "json": json_format.render,
        "github": github.render,
        "sarif": sarif.render,
        "gitlab": gitlab.render,
    }


FORMAT_NAMES = ("text", "json", "github", "sarif", "gitlab")
