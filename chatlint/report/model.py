"""What every reporter is fed: the findings and errors of a run, and what `--fix` would do with them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from chatlint.findings import FileError, Finding


@dataclass
class Report:
    findings: list[Finding]
    errors: list[FileError]
    # Would `--fix` apply this finding's fix? The run's `FixMode.allows`: safe fixes, unsafe ones with
    # --unsafe-fixes, and those the runtime label check confirmed (--verify-labels).
    would_fix: Callable[[Finding], bool]
    fixes_applied: int = 0
    unsafe_fixes: bool = False
    checked: int = 0
    suppressed: list[Finding] = field(default_factory=list)
    quiet: bool = False  # findings and errors only, no summary


Renderer = Callable[[Report, TextIO], None]
