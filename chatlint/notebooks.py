"""Jupyter notebooks: their code cells as one Python module, and fixes written back into the notebook.

A reader runs a notebook's cells top to bottom, so the code cells are analysed together, as one module: a name
defined in one cell and used in a later one is followed. Between two cells goes a marker comment line; it tells
which cell each line of the module came from, and it is how changed text is split back into cells.

IPython syntax is not Python. Line magics (`%time ...`), shell escapes (`!pip ...`), their assignment forms
(`files = !ls`), help lines (`obj?`) and cells run by a non-Python cell magic (`%%bash`) are set aside: each such
line becomes a `pass` statement whose comment names it, and is put back when the notebook is written. A line
that only looks like a magic because it continues an open bracket or string is left alone.

Writing changes only what was fixed: the notebook is written back with the JSON layout it was read with
(indentation, `ensure_ascii`, line breaks, the trailing newline, key order), and only changed cells get a new
`source`, as a list of lines or a string as before. A notebook whose layout cannot be reproduced byte for byte
is not written at all: the caller reports it.
"""

from __future__ import annotations

import codecs
import difflib
import io
import json
import re
import secrets
import tokenize
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from chatlint.engine import FileResult
from chatlint.findings import FileError, Finding, SkipError, SkipReason
from chatlint.source import SourceError, read_bytes

NOTEBOOK_SUFFIXES = (".ipynb",)

# Cell magics whose body is Python: only their first line is set aside.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "memit", "snakeviz"})

# The marker and placeholder lines carry a random token drawn once per run: text in a user's cell that looks like
# one of them (`pass  # <chatlint magic 7>`) is never taken for it, so it is never replaced when writing back.
_TOKEN = secrets.token_hex(8)
_MARKER = re.compile(rf"^# <chatlint cell (\d+) {_TOKEN}>$", re.MULTILINE)
_PLACEHOLDER = re.compile(rf"^[ \t]*pass  # <chatlint magic (\d+) {_TOKEN}>$")
_HELP = re.compile(r"\?{0,2}[A-Za-z_][\w.]*\?{0,2}")
_MAGIC_ASSIGNMENT = re.compile(r"[A-Za-z_][\w.]*(\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*[%!]")


class NotebookError(SkipError):
    """A notebook that cannot be read or written: its `reason`; the message is the words for the user."""


def is_notebook(path: str) -> bool:
    return path.endswith(NOTEBOOK_SUFFIXES)


class JsonLayout(NamedTuple):
    """How a notebook's JSON was written, so that writing it again reproduces every byte not changed."""

    indent: int | str | None
    ensure_ascii: bool
    newline: str
    trailing_newline: bool
    compact: bool = False  # `indent=None` with no spaces after `,` and `:`

    def dump(self, data: Any) -> str:
        separators = (",", ":") if self.compact else None
        text = json.dumps(data, indent=self.indent, ensure_ascii=self.ensure_ascii, separators=separators)
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return text + (self.newline if self.trailing_newline else "")


@dataclass
class CodeCell:
    number: int  # 1-based position among all the notebook's cells (markdown included)
    text: str  # the cell's source, joined
    source_is_list: bool


@dataclass
class Notebook:
    path: str
    data: dict[str, Any]
    text: str  # the file as read (without a BOM)
    has_bom: bool
    cells: list[CodeCell] = field(default_factory=list)
    magics: list[str] = field(default_factory=list)  # original lines set aside, by placeholder number

    # -- reading --------------------------------------------------------------------------------------------

    def module_text(self, skip: frozenset[int] = frozenset()) -> str:
        """The code cells as one Python module, each after its marker line, magics replaced by placeholders.

        The cells numbered in `skip` are set aside whole, like a cell in another language.
        """
        self.magics = []
        parts = []
        for cell in self.cells:
            parts.append(f"# <chatlint cell {cell.number} {_TOKEN}>\n")
            masked = self._mask_all(cell.text) if cell.number in skip else self._mask(cell.text)
            parts.append(masked if masked.endswith("\n") or not masked else masked + "\n")
        return "".join(parts)

    def _mask(self, text: str) -> str:
        lines = text.split("\n")
        first = next((index for index, line in enumerate(lines) if line.strip()), None)
        start = 0
        if first is not None and lines[first].lstrip().startswith("%%"):
            name = lines[first].lstrip()[2:].split(maxsplit=1)
            if name and name[0] in PYTHON_CELL_MAGICS:
                lines[first] = self._placeholder(lines[first], "")
                start = first + 1
            else:
                # the whole cell is another language (bash, html, writefile...): nothing in it is Python
                return self._mask_all(text)
        index = start
        while index < len(lines):
            line = lines[index]
            if _looks_like_magic(line.strip()) and not _inside_statement("\n".join(lines[:index])):
                indent = line[: len(line) - len(line.lstrip())]
                lines[index] = self._placeholder(line, indent)
                # a magic continued with a backslash goes on over the next lines
                while line.rstrip().endswith("\\") and index + 1 < len(lines):
                    index += 1
                    line = lines[index]
                    lines[index] = self._placeholder(line, indent)
            index += 1
        return "\n".join(lines)

    def _mask_all(self, text: str) -> str:
        return "\n".join(self._placeholder(line, "") if line.strip() else line for line in text.split("\n"))

    def unparsable_cells(self) -> dict[int, SyntaxError]:
        """The cells that are not Python even on their own (magics set aside), with the parser's error.

        Jupyter runs each cell on its own, so a broken cell need not stop the others from being checked.
        """
        from chatlint.engine import parse

        broken = {}
        pieces = _MARKER.split(self.module_text())
        for cell, body in zip(self.cells, pieces[2::2]):
            try:
                parse(body[1:])
            except SyntaxError as error:
                broken[cell.number] = error
        return broken

    def _placeholder(self, line: str, indent: str) -> str:
        self.magics.append(line)
        return f"{indent}pass  # <chatlint magic {len(self.magics) - 1} {_TOKEN}>"

    # -- writing --------------------------------------------------------------------------------------------

    def changed_cells(self, module_text: str) -> dict[int, str]:
        """The cells whose text differs in `module_text` (a changed `module_text()`), by cell number."""
        pieces = _MARKER.split(module_text)
        numbers = [int(number) for number in pieces[1::2]]
        if pieces[0] or numbers != [cell.number for cell in self.cells]:
            raise NotebookError(SkipReason.CELLS_CHANGED)
        changed = {}
        for cell, body in zip(self.cells, pieces[2::2]):
            body = body[1:]  # the marker line's line break
            if not cell.text.endswith("\n") and body.endswith("\n"):
                body = body[:-1]
            restored = self._restore(body)
            if restored != cell.text:
                changed[cell.number] = restored
        return changed

    def _restore(self, body: str) -> str:
        lines = body.split("\n")
        for index, line in enumerate(lines):
            match = _PLACEHOLDER.match(line)
            if match:
                lines[index] = self.magics[int(match.group(1))]
        return "\n".join(lines)

    def rewrite(self, module_text: str) -> bytes | None:
        """The notebook's new bytes with the changed cells, or None if no cell changed."""
        changed = self.changed_cells(module_text)
        if not changed:
            return None
        try:
            layout = detect_layout(self.text, self.data)
        except (RecursionError, ValueError):  # JSON nested past what `json.dumps` takes
            layout = None
        if layout is None:
            raise NotebookError(SkipReason.NOTEBOOK_LAYOUT)
        cells = self.data["cells"]
        for cell in self.cells:
            if cell.number in changed:
                text = changed[cell.number]
                cells[cell.number - 1]["source"] = _split_lines(text) if cell.source_is_list else text
        data = layout.dump(self.data).encode("utf-8")
        return codecs.BOM_UTF8 + data if self.has_bom else data

    def diff(self, module_text: str) -> str:
        """A unified diff of the cells that `module_text` changes, one per cell, named `path:cell N`."""
        changed = self.changed_cells(module_text)
        chunks = []
        for cell in self.cells:
            if cell.number in changed:
                name = f"{self.path}:cell {cell.number}"
                lines = difflib.unified_diff(
                    _split_lines(cell.text), _split_lines(changed[cell.number]), fromfile=name, tofile=name
                )
                chunks.append("".join(line if line.endswith("\n") else line + "\n" for line in lines))
        return "".join(chunks)


def parse_notebook(path: str, data: bytes) -> Notebook:
    has_bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8") if has_bom else data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotebookError(SkipReason.NOTEBOOK_NOT_UTF8, error) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotebookError(SkipReason.NOTEBOOK_NOT_JSON, error) from None
    except RecursionError:
        raise NotebookError(SkipReason.NOTEBOOK_NOT_JSON, "nested too deeply to read") from None
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        raise NotebookError(SkipReason.NOT_A_NOTEBOOK)
    language = _language(document)
    notebook = Notebook(path=path, data=document, text=text, has_bom=has_bom)
    if isinstance(language, str) and language.lower() != "python":
        return notebook  # an R or Julia notebook: nothing to check
    for number, cell in enumerate(document["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list) and all(isinstance(line, str) for line in source):
            notebook.cells.append(CodeCell(number, "".join(source), source_is_list=True))
        elif isinstance(source, str):
            notebook.cells.append(CodeCell(number, source, source_is_list=False))
        else:
            raise NotebookError(SkipReason.BAD_CELL, number)
    return notebook


def _language(document: dict[str, Any]) -> object:
    """The notebook's language name (`metadata.language_info.name`, Python when absent); a `NotebookError` when
    the metadata on the way is not a table."""
    metadata = document.get("metadata", {})
    if not isinstance(metadata, dict):
        raise NotebookError(SkipReason.NOTEBOOK_METADATA, "metadata")
    language_info = metadata.get("language_info", {})
    if not isinstance(language_info, dict):
        raise NotebookError(SkipReason.NOTEBOOK_METADATA, "metadata.language_info")
    return language_info.get("name", "python")


def cell_lines(module_text: str) -> list[tuple[int, int]]:
    """For each line of a module built by `Notebook.module_text` (index 0 is line 1): (cell, line in the cell).

    A marker line maps to (cell, 0).
    """
    located = []
    cell, line = 0, 0
    for text in module_text.split("\n"):
        match = _MARKER.match(text)
        if match:
            cell, line = int(match.group(1)), 0
        else:
            line += 1
        located.append((cell, line))
    return located


def detect_layout(text: str, data: Any) -> JsonLayout | None:
    """The JSON layout that reproduces `text` exactly from `data`, or None if none of the usual ones does."""
    newline = "\r\n" if "\r\n" in text else "\n"
    trailing = text.endswith(newline)
    candidates = [
        JsonLayout(indent, ascii_only, newline, trailing)
        for indent in (1, 2, 4, 3, 0, "\t", None)
        for ascii_only in (False, True)
    ]
    candidates += [JsonLayout(None, ascii_only, newline, trailing, compact=True) for ascii_only in (False, True)]
    for layout in candidates:
        if layout.dump(data) == text:
            return layout
    return None


def _split_lines(text: str) -> list[str]:
    """Lines as Jupyter stores them: split after each `\\n` only, the last one without it."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _looks_like_magic(stripped: str) -> bool:
    if not stripped or stripped.startswith("#"):
        return False
    if stripped[0] in "%!" or (stripped[0] == "?" and len(stripped) > 1):
        return True
    if stripped.endswith("?") and _HELP.fullmatch(stripped):
        return True
    return _MAGIC_ASSIGNMENT.match(stripped) is not None and not stripped.split("=", 1)[1].lstrip().startswith("=")


def _inside_statement(text: str) -> bool:
    """Does `text` end inside an open bracket, string or backslash continuation?"""
    if not text.strip():
        return False
    try:
        for _ in tokenize.generate_tokens(io.StringIO(text + "\n").readline):
            pass
    except tokenize.TokenError:
        return True
    except SyntaxError:  # bad indentation and the like: the statement before is over
        return False
    return False


def read_notebook(path: str, limit: int | None = None) -> Notebook:
    try:
        data = read_bytes(path, limit)
    except SourceError as error:
        raise NotebookError(error.reason, *error.details) from None
    return parse_notebook(path, data)


# The place in a syntax error's message, in lines of the whole module: `(line 9, column 4)`.
_WHERE = re.compile(r"\(line (\d+), column (\d+)\)")


def in_cells(result: FileResult, module_text: str) -> FileResult:
    """`result` (of checking `module_text`) with lines counted inside cells, and each finding's `cell` set."""
    located = cell_lines(module_text)

    def place(line: int) -> tuple[int, int]:
        return located[line - 1] if 0 < line <= len(located) else (0, line)

    def move(finding: Finding) -> Finding:
        cell, line = place(finding.line)
        end_cell, end_line = place(finding.end_line)
        if end_cell != cell:  # cannot happen: no node spans two cells
            end_line = line
        fix = finding.fix
        if fix is not None:
            edits = tuple(
                replace(edit, line=place(edit.line)[1], end_line=place(edit.end_line)[1]) for edit in fix.edits
            )
            fix = replace(fix, edits=edits)
        return replace(finding, line=line, end_line=end_line, cell=cell, fix=fix)

    def reword(error: FileError) -> FileError:
        if error.line is not None:
            cell, line = place(error.line)
            return replace(error, line=line, cell=cell)

        def where(match: re.Match[str]) -> str:
            cell, line = place(int(match.group(1)))
            return f"(cell {cell}, line {line}, column {match.group(2)})"

        return replace(error, reason=_WHERE.sub(where, error.reason))

    result.findings = [move(finding) for finding in result.findings]
    result.suppressed = [move(finding) for finding in result.suppressed]
    result.errors = [reword(error) for error in result.errors]
    return result
