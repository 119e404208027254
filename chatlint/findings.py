"""What a check produces: findings, their fixes and the edits a fix is made of."""

from __future__ import annotations

import enum
import os
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
class Related:
    """Another place that explains a finding (a render in another module, the mask a pad token feeds): where
    GitHub code scanning shows the path (SARIF `relatedLocations`). Lines are 1-based."""

    path: str
    line: int
    note: str

    def to_json(self) -> dict[str, Any]:
        return {"path": printable_path(self.path), "line": self.line, "note": self.note}


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
    # other places on the finding's trail (in other modules, too), in the order the value went through them
    related: tuple[Related, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "path": printable_path(self.path),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self.fix.to_json() if self.fix else None,
            "notes": list(self.notes),
            # only for notebooks, so the output for Python files stays as it was
            **({"cell": self.cell} if self.cell is not None else {}),
            "related": [place.to_json() for place in self.related],
        }


class SkipReason(str, enum.Enum):
    """Why a file, or a part of one, was not checked, or its fixes not written.

    Decisions test the member, never the words; the words for the user are built from it by `describe`, here only.
    """

    NOT_FOUND = "not-found"
    IS_DIRECTORY = "is-directory"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too-large"
    BINARY = "binary"
    UNKNOWN_ENCODING = "unknown-encoding"  # the encoding declaration names no codec
    NOT_UTF8 = "not-utf-8"  # no encoding declaration, and not UTF-8
    UNDECODABLE = "undecodable"  # not in the encoding its declaration names
    NOTEBOOK_NOT_UTF8 = "notebook-not-utf-8"
    NOTEBOOK_NOT_JSON = "notebook-not-json"
    NOT_A_NOTEBOOK = "not-a-notebook"
    BAD_CELL = "bad-cell"  # a cell whose `source` is neither a string nor a list of strings
    SYNTAX_ERROR = "syntax-error"
    NEEDS_NEWER_PYTHON = "needs-newer-python"  # valid Python of a later version than the one running chatlint
    CELL_SYNTAX_ERROR = "cell-syntax-error"  # one notebook cell left out; the others were checked
    CANNOT_WRITE = "cannot-write"
    CANNOT_WRITE_FIX = "cannot-write-fix"
    CELLS_CHANGED = "cells-changed"  # the fixed text of a notebook no longer splits into its cells
    NOTEBOOK_LAYOUT = "notebook-layout"  # the notebook's JSON layout cannot be reproduced
    NOTEBOOK_METADATA = "notebook-metadata"  # `metadata` or `language_info` is not a table
    NOT_REGULAR = "not-a-regular-file"  # a FIFO, socket or device: never opened for reading
    UNLISTABLE = "unlistable"  # a folder of the walked tree that cannot be listed
    TOO_DEEPLY_NESTED = "too-deeply-nested"  # valid Python, maybe, but past what the parser or analysis can take
    OUTSIDE_ROOT = "outside-root"  # a symlink whose target lies outside the project root: never written through

    def describe(self, *details: object) -> str:
        """The words for the user; `details` fill the blanks of `_WORDS[self]`, in order."""
        return _WORDS[self].format(*details)


_WORDS: dict[SkipReason, str] = {
    SkipReason.NOT_FOUND: "no such file (or a broken symlink)",
    SkipReason.IS_DIRECTORY: "is a directory",
    SkipReason.UNREADABLE: "cannot read: {}",
    SkipReason.TOO_LARGE: "file too large to parse ({} bytes, limit {}: `max-file-size` in [tool.chatlint])",
    SkipReason.BINARY: "binary file (contains NUL bytes)",
    SkipReason.UNKNOWN_ENCODING: "bad encoding declaration: unknown encoding: {}",
    SkipReason.NOT_UTF8: "cannot decode as utf-8 (and no encoding declaration says otherwise)",
    SkipReason.UNDECODABLE: "cannot decode as {}: {}",
    SkipReason.NOTEBOOK_NOT_UTF8: "notebook is not UTF-8: {}",
    SkipReason.NOTEBOOK_NOT_JSON: "notebook is not valid JSON: {}",
    SkipReason.NOTEBOOK_METADATA: "malformed notebook: `{}` is not a table",
    SkipReason.NOT_REGULAR: "not a regular file (a FIFO, socket or device); not read",
    SkipReason.UNLISTABLE: "cannot list this folder: {}; the files in it were not checked",
    SkipReason.TOO_DEEPLY_NESTED: "too deeply nested to {} ({}); not checked",
    SkipReason.OUTSIDE_ROOT: "a symlink to {}, outside the project root; fix not written",
    SkipReason.NOT_A_NOTEBOOK: "not a Jupyter notebook (no `cells` list; nbformat 4 is supported)",
    SkipReason.BAD_CELL: "cell {}: `source` is neither a string nor a list of strings",
    SkipReason.SYNTAX_ERROR: "syntax error: {}",
    SkipReason.NEEDS_NEWER_PYTHON: (
        "needs Python {} or newer to parse, and chatlint runs on Python {}: run chatlint with the project's Python"
    ),
    SkipReason.CELL_SYNTAX_ERROR: "syntax error in cell {}: {}; that cell was not checked",
    SkipReason.CANNOT_WRITE: "cannot write: {}",
    SkipReason.CANNOT_WRITE_FIX: "cannot write the fix: {}",
    SkipReason.CELLS_CHANGED: "the fixed text no longer matches the notebook's cells; nothing written",
    SkipReason.NOTEBOOK_LAYOUT: (
        "cannot write the notebook back without changing its JSON layout elsewhere; fix not written"
    ),
}


class SkipError(Exception):
    """Raised when a file cannot be read, decoded or written: the reason, and the details its words need."""

    def __init__(self, reason: SkipReason, *details: object) -> None:
        super().__init__(reason.describe(*details))
        self.reason = reason
        self.details = details

    def file_error(self, path: str) -> FileError:
        return FileError.because(path, self.reason, *self.details)


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked, or a rule that failed on it."""

    path: str
    reason: str  # the words, for the user
    kind: str = "error"  # "error" (not checked) or "internal" (a rule crashed)
    cause: SkipReason | None = None  # what the words say, for decisions (None for an internal error)
    # where in the file, when the reason has a place (a syntax error): 1-based line and column, and the notebook cell
    line: int | None = None
    column: int | None = None
    cell: int | None = None

    @property
    def location(self) -> str:
        """`path:line:col`, `path:cell 2:line:col`, or the path alone when the error has no place."""
        cell = f"cell {self.cell}:" if self.cell is not None else ""
        place = f"{self.line}:{self.column or 1}:" if self.line is not None else ""
        return f"{printable_path(self.path)}:{cell}{place}".rstrip(":")

    @classmethod
    def because(cls, path: str, cause: SkipReason, *details: object) -> FileError:
        return cls(path, cause.describe(*details), "error", cause)


def printable_path(path: str) -> str:
    """`path` as valid Unicode for a report: a file name whose bytes are not UTF-8 (which Python keeps as lone
    surrogates) keeps each such byte as a `\\xNN` escape, so every report stays valid UTF-8 and loses nothing."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path
