"""What every reporter is fed: the findings and errors of a run."""

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
