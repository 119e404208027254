"""What a check produces: findings, their fixes and the edits a fix is made of."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Applicability(str, enum.Enum):
    """How safe a fix is to apply without a human looking at it (Ruff's terms)."""

    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes


@dataclass(frozen=True)
class Edit:
    """Replace the text between two 1-based (line, column) positions with ``content``."""

    content: str
    line: int
    column: int
    end_line: int
    end_column: int

    def to_json(self) -> dict[str, Any]:
        return {
            "content": self.content,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True)
class Fix:
    applicability: Applicability
    edits: tuple[Edit, ...]
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "applicability": self.applicability.value,
            "description": self.description,
            "edits": [edit.to_json() for edit in self.edits],
        }


@dataclass(frozen=True)
class Finding:
    """One problem at one place. Lines and columns are 1-based; columns count characters."""

    code: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    # Extra facts a reporter may show (for example the runtime verdict); never needed to act on a finding.
    notes: tuple[str, ...] = field(default=(), compare=False)
    # In a Jupyter notebook: the 1-based cell (counting every cell, markdown too); `line` then counts inside it.
    cell: int | None = None
    # The text of the reported line, for reporters that fingerprint a finding by its code (GitLab).
    source_line: str = field(default="", compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self.fix.to_json() if self.fix else None,
            "notes": list(self.notes),
            # only for notebooks, so the output for Python files stays as it was
            **({"cell": self.cell} if self.cell is not None else {}),
        }


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked, or a rule that failed on it."""

    path: str
    reason: str
    kind: str = "error"  # "error" (not checked) or "internal" (a rule crashed)
