"""Scripts a module writes out as string literals: a training or serving script a tool generates (`APP_PY = '''...
tokenizer.apply_chat_template(...)...'''`, then `Path("app.py").write_text(APP_PY.format(...))`). Their code runs
once written, with the same bugs as code of the module's own; it is checked as a module of its own, and what it
reports is placed on the lines of the string (with no fix: editing a template is the author's choice).

A string counts when it holds several lines of Python that import something and render a chat template (or set the
pad token), and parses once a `.format` template's doubled braces are undone (`{{"role": "user"}}`) and a line that
is only a field (`{model_loading}`, code the tool fills in) is taken for `pass`.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import replace

from chatlint.findings import Finding, Related

# what a string must hold to be taken for a script worth checking
_WORDS = ("apply_chat_template", "pad_token")
_BYTE_WORDS = tuple(word.encode() for word in _WORDS)
_IMPORT_LINE = re.compile(rb"(?:^|\n)[ \t]*(?:import|from)[ \t]")
_MIN_LINES = 4
_LINE = re.compile(r"\bline (\d+)\b")
# a line of a `.format` template that is only a field, filled with code by the tool (`{model_loading}`)
_FIELD_LINE = re.compile(r"[ \t]*\{\w+\}[ \t]*")
_FIELD = re.compile(r"(?<!\{)\{\w+\}(?!\})")


def may_embed_scripts(data: bytes) -> bool:
    """Could the module hold such a string: text between triple quotes with an import statement at the start of a
    line and a render or a pad token? (The quotes are paired as they come: a triple quote of the other kind inside a
    string is taken as it is, so a script after one may be missed.)"""
    if b"apply_chat_template" not in data and b"pad_token" not in data:
        return False
    for quotes in (b"'''", b'"""'):
        between = data.split(quotes)[1::2]
        if any(_IMPORT_LINE.search(part) and any(word in part for word in _BYTE_WORDS) for part in between):
            return True
    return False


def embedded_scripts(module: ast.Module) -> Iterator[tuple[ast.Constant | ast.JoinedStr, str, int]]:
    """The string literals of the module that are scripts, with their code (a `.format` template's `{{` and `}}`
    undone) and the margin a dedent took off its lines."""
    # docstrings, and the pieces of f-strings: not strings of their own (`ast.walk` meets what holds them first)
    skipped: set[int] = set()
    for node in ast.walk(module):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            docstring = _docstring(node)
            if docstring is not None:
                skipped.add(id(docstring.value))
            continue
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(part) for part in ast.walk(node))
            # an f-string: written back as a `.format` template (its braces doubled, each field `{_field}`)
            parts = [str(part.value) if isinstance(part, ast.Constant) else None for part in node.values]
            if not _may_be_script("".join(part or "" for part in parts)):
                continue
            text = _untemplated(
                "".join(
                    part.replace("{", "{{").replace("}", "}}") if part is not None else "{_field}" for part in parts
                )
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            if not _may_be_script(node.value):
                continue
            text = _untemplated(node.value)
        else:
            continue
        parsed = _parsed(text)
        if parsed is not None:
            yield node, *parsed


def placed(finding: Finding, literal: ast.Constant | ast.JoinedStr, margin: int, lines: list[str]) -> Finding:
    """A finding of a script, on the lines of the string that holds it in the module (`lines`), without a fix.
    `margin`: what a dedent took off each line of the script."""
    source = lines[literal.lineno - 1] if literal.lineno - 1 < len(lines) else ""
    opening = literal.col_offset + _quote_length(source, literal.col_offset)
    # quotes that end their line with a backslash: the script starts on the next one
    continued = source[opening:].rstrip() == "\\"
    offset = literal.lineno - (0 if continued else 1)

    def line_of(line: int) -> int:
        return line + offset

    def column_of(column: int, line: int) -> int:
        return column + margin + (opening if line == 1 and not continued else 0)

    column = column_of(finding.column, finding.line)
    end_column = column_of(finding.end_column, finding.end_line)
    at = line_of(finding.line)
    related = tuple(
        replace(item, line=line_of(item.line)) if item.path == finding.path else item for item in finding.related
    )
    # (a message names other lines of the script: `line 131 masks labels by value`)
    message = _LINE.sub(lambda match: f"line {line_of(int(match.group(1)))}", finding.message)
    return replace(
        finding,
        message=f"in the script the string at line {literal.lineno} holds: {message}",
        line=at,
        column=column,
        end_line=line_of(finding.end_line),
        end_column=end_column,
        fix=None,
        source_line=lines[at - 1] if at - 1 < len(lines) else "",
        related=(Related(finding.path, literal.lineno, "the string that holds the script"), *related),
    )


def script_findings(module: ast.Module, lines: list[str], check: Callable[[str], list[Finding]]) -> list[Finding]:
    """The findings of the scripts the module's strings hold, checked by `check`, placed on the module's lines."""
    found = []
    for literal, text, margin in embedded_scripts(module):
        found += [placed(finding, literal, margin, lines) for finding in check(text)]
    return found


def _may_be_script(text: str) -> bool:
    """Several lines that import something and render a chat template (or set the pad token)."""
    return text.count("\n") >= _MIN_LINES and "import " in text and any(word in text for word in _WORDS)


def _parsed(text: str) -> tuple[str, int] | None:
    """The script, if it parses, with the margin taken off its lines: as it is, or dedented
    (`textwrap.dedent(f\'\'\'...)`, indented with the code that writes it); None otherwise."""
    for script in (text, textwrap.dedent(text)):
        try:
            ast.parse(script)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        return script, _indent(text) - _indent(script)
    return None


def _indent(text: str) -> int:
    first = next((line for line in text.split("\n") if line.strip()), "")
    return len(first) - len(first.lstrip())


def _untemplated(text: str) -> str:
    """A `.format` template's code as it is written out: a line that is only a field (`{model_loading}`, code the
    tool fills in) becomes `pass`, and doubled braces single ones."""
    if "{" not in text:
        return text
    lines = text.split("\n")
    indent = ""
    for index, line in enumerate(lines):
        if _FIELD_LINE.fullmatch(line) is not None:
            # (the code a tool fills in carries its own indentation: it goes on as the code before it)
            lines[index] = indent + "pass"
        elif line.strip():
            indent = line[: len(line) - len(line.lstrip())] + ("    " if line.rstrip().endswith(":") else "")
    text = _FIELD.sub("_field", "\n".join(lines))  # (a field inside a line: a name, `tokenizer({name})`)
    return text.replace("{{", "{").replace("}}", "}")


def _docstring(node: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> ast.Expr | None:
    """The statement that holds the docstring of a module, class or function, if it has one."""
    first = node.body[0] if node.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        return first
    return None


def _quote_length(line: str, column: int) -> int:
    """How many characters the string's prefix (`r`, `f`) and opening quotes (one or three) take."""
    start = line[column:]
    prefix = len(start) - len(start.lstrip("rRbBuUfF"))
    quotes = start[prefix : prefix + 3]
    return prefix + (3 if quotes in ("'''", '"""') else 1)
