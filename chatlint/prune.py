"""Cheaper parsing: blank out the bodies of functions that cannot matter to the active rules.

libcst parses about half a megabyte a second, and the facts walk every node it builds; most of a large module that
passes the byte prefilter is code that never mentions a chat template. Before libcst sees the text, the body of
every top-level function or method that cannot matter is replaced by `pass` and empty lines, so every line that is
kept stays at the same line and column: positions, `# noqa` comments and fixes stay valid on the real text.

A function matters, and keeps its body, when its text contains one of the active rules' prefilter tokens, or a
word that names something that matters (iterated to a fixpoint):
- the name of a function or method that matters (a wrapper, a helper called with the conversation),
- the class of a method that matters,
- a name bound by an assignment or import that mentions something that matters (`render = tok.apply_chat_template`,
  `self.template_kwargs = {"add_generation_prompt": True}`).
`__init__`-like methods always keep their body (they set the attributes that flags are read from). Functions
nested in a kept function are kept with it; module-level and class-level statements are never touched.

Python's own `ast` (written in C) finds the function spans; a file it cannot parse is not pruned.
"""

from __future__ import annotations

import ast
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from chatlint.findings import Finding
    from chatlint.rules.base import Rule

# Methods that set the attributes flags are read from (see `facts/index.py`): never pruned.
ALWAYS_KEPT = frozenset({"__init__", "__post_init__", "setup", "__attrs_post_init__"})

# `CHATLINT_PRUNE=0` parses every file whole: for comparing findings with and without pruning (see benches/).
ENABLED = os.environ.get("CHATLINT_PRUNE", "1") != "0"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_WORD = re.compile(r"\w+")
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True)
class Pruned:
    """A pruned text and the lines (1-based, inclusive) whose content was replaced."""

    text: str
    blanked: tuple[tuple[int, int], ...]

    def touches(self, first_line: int, last_line: int) -> bool:
        """Does the span from `first_line` to `last_line` reach into a blanked body?"""
        return any(start <= last_line and first_line <= end for start, end in self.blanked)

    def reached_by(self, findings: Iterable[Finding]) -> bool:
        """Does a finding, or an edit of its fix, reach into a blanked body? (Then it was judged on a stub.)"""
        for finding in findings:
            if self.touches(finding.line, finding.end_line):
                return True
            if finding.fix is not None and any(self.touches(edit.line, edit.end_line) for edit in finding.fix.edits):
                return True
        return False


@dataclass
class _Unit:
    """A function whose body may be blanked: a module-level function or a method, with its nested code."""

    name: str
    class_name: str | None
    first_line: int  # the `def` line
    body_line: int  # the first line of the body
    last_line: int
    text: str
    bindings: list[_Binding] = field(default_factory=list)  # assignments anywhere inside
    _words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The words of the function's text, except its own name after `def` (a definition is not a use)."""
        if self._words is None:
            words = _WORD.findall(self.text)
            position = words.index("def") + 1 if "def" in words else -1
            if 0 < position < len(words) and words[position] == self.name:
                del words[position]
            self._words = frozenset(words)
        return self._words


@dataclass
class _Binding:
    """Names bound by one assignment or import, and the text of that statement."""

    names: tuple[str, ...]
    text: str
    _words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(_WORD.findall(self.text))
        return self._words


def prune(text: str, tokens: Iterable[str]) -> Pruned | None:
    """`text` with the bodies that cannot matter blanked, or None when nothing can be pruned."""
    tokens = tuple(tokens)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes and the like: the user's business, not ours
            tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    lines = _LINE.findall(text)
    units: list[_Unit] = []
    top_bindings: list[_Binding] = []
    _collect(tree.body, None, lines, units, top_bindings)
    if not units:
        return None
    kept = _kept_units(units, top_bindings, tokens)
    blanked = []
    for unit in units:
        if id(unit) in kept:
            continue
        for number in range(unit.body_line, unit.last_line + 1):
            line = lines[number - 1]
            ending = line[len(line.rstrip("\r\n")) :]
            if number == unit.body_line:
                indent = line[: len(line) - len(line.lstrip(" \t\f"))]
                lines[number - 1] = f"{indent}pass{ending}"
            else:
                lines[number - 1] = ending
        blanked.append((unit.body_line, unit.last_line))
    if not blanked:
        return None
    return Pruned("".join(lines), tuple(blanked))


def _kept_units(units: list[_Unit], top_bindings: list[_Binding], tokens: Sequence[str]) -> set[int]:
    """The ids of the units that keep their bodies: propagate names until nothing new matters (a fixpoint)."""
    kept: set[int] = set()
    names: set[str] = set()  # names of things that matter
    classes: set[str] = set()  # classes with a method that matters: their `__init__` keeps its body
    pending = list(top_bindings)  # bindings not yet known to matter

    with_token: set[int] = set()  # units and bindings whose text holds a token: decided once, not every round
    for item in (*units, *top_bindings, *(binding for unit in units for binding in unit.bindings)):
        if any(token in item.text for token in tokens):
            with_token.add(id(item))

    def mentions(item: _Unit | _Binding) -> bool:
        return id(item) in with_token or not names.isdisjoint(item.words)

    changed = True
    while changed:
        changed = False
        waiting = []
        for binding in pending:
            if not mentions(binding):
                waiting.append(binding)
            elif not names.issuperset(binding.names):
                names.update(binding.names)
                changed = True
        pending = waiting
        for unit in units:
            if id(unit) in kept:
                continue
            is_init = unit.class_name is not None and unit.name in ALWAYS_KEPT
            if not (mentions(unit) or (is_init and unit.class_name in classes)):
                continue
            kept.add(id(unit))
            pending.extend(unit.bindings)
            if not is_init:  # `__init__` is reached by instantiation and `super()`, not by its name
                names.add(unit.name)
            if unit.class_name is not None:
                classes.add(unit.class_name)
                # code that builds the class is context too (`DataLoader(PromptDataset(...))` then `generate()`)
                names.add(unit.class_name)
            changed = True
    return kept


def _collect(
    body: list[ast.stmt], class_name: str | None, lines: list[str], units: list[_Unit], bindings: list[_Binding]
) -> None:
    """Find the prunable functions and the top-level bindings in a module or class body (and its blocks)."""
    for statement in body:
        if isinstance(statement, _FUNCTIONS):
            unit = _unit(statement, class_name, lines)
            if unit is None:
                # a body that cannot be blanked line by line stays, and binds its name like an assignment
                bindings.append(_Binding((statement.name,), _segment(statement, lines)))
                bindings.extend(_bindings_inside(statement.body, lines))
            else:
                units.append(unit)
        elif isinstance(statement, ast.ClassDef):
            _collect(statement.body, statement.name, lines, units, bindings)
        else:
            binding = _binding(statement, lines)
            if binding is not None:
                bindings.append(binding)
            for block in _blocks(statement):
                _collect(block, class_name, lines, units, bindings)


def _unit(function: ast.FunctionDef | ast.AsyncFunctionDef, class_name: str | None, lines: list[str]) -> _Unit | None:
    first = function.body[0]
    last_line = function.end_lineno
    if last_line is None or first.lineno <= function.lineno:
        return None  # `def f(): return x` on one line
    body_start = lines[first.lineno - 1].encode("utf-8", "surrogatepass")[: first.col_offset]
    if body_start.strip(b" \t\f"):
        return None  # the first statement does not start its line
    text = "".join(lines[function.lineno - 1 : last_line])
    return _Unit(
        name=function.name,
        class_name=class_name,
        first_line=function.lineno,
        body_line=first.lineno,
        last_line=last_line,
        text=text,
        # after `global name`, an assignment to `name` is seen by the whole module
        bindings=list(_bindings_inside(function.body, lines, local=not _declares_global(function))),
    )


def _bindings_inside(body: list[ast.stmt], lines: list[str], local: bool = True) -> Iterator[_Binding]:
    """What a function binds that other functions can see: attributes (`self.render = ...`) and globals.

    Local names are not bindings: only the function itself (and the functions nested in it, which are kept or
    pruned with it) can use them.
    """
    for statement in body:
        if isinstance(statement, (*_FUNCTIONS, ast.ClassDef)):
            continue  # nested: local to the function
        binding = _binding(statement, lines, local)
        if binding is not None:
            yield binding
        for block in _blocks(statement):
            yield from _bindings_inside(block, lines, local)


def _binding(statement: ast.stmt, lines: list[str], local: bool = False) -> _Binding | None:
    names: list[str] = []
    if isinstance(statement, ast.Assign):
        for target in statement.targets:
            names.extend(_target_names(target, local))
    elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
        names.extend(_target_names(statement.target, local))
    elif isinstance(statement, (ast.Import, ast.ImportFrom)) and not local:
        names.extend((alias.asname or alias.name).split(".")[0] for alias in statement.names)
    elif isinstance(statement, (ast.For, ast.AsyncFor)):
        names.extend(_target_names(statement.target, local))
    elif isinstance(statement, (ast.With, ast.AsyncWith)):
        for item in statement.items:
            if item.optional_vars is not None:
                names.extend(_target_names(item.optional_vars, local))
    if not names:
        return None
    return _Binding(tuple(names), _header_segment(statement, lines))


def _declares_global(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(statement, (ast.Global, ast.Nonlocal)) for statement in function.body)


def _target_names(target: ast.expr, local: bool) -> Iterator[str]:
    """The names an assignment target binds; inside a function (`local`), only attributes count."""
    if isinstance(target, ast.Name):
        if not local:
            yield target.id
    elif isinstance(target, ast.Attribute):
        yield target.attr
    elif isinstance(target, ast.Subscript):
        yield from _target_names(target.value, local)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _target_names(element, local)
    elif isinstance(target, ast.Starred):
        yield from _target_names(target.value, local)


def _blocks(statement: ast.stmt) -> Iterator[list[ast.stmt]]:
    """The statement lists inside a compound statement (if, for, while, try, with, match)."""
    for name in ("body", "orelse", "finalbody"):
        block = getattr(statement, name, None)
        if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
            yield block
    for handler in getattr(statement, "handlers", ()):
        yield handler.body
    for case in getattr(statement, "cases", ()):
        yield case.body


def _segment(node: ast.stmt, lines: list[str]) -> str:
    return "".join(lines[node.lineno - 1 : node.end_lineno or node.lineno])


def _header_segment(statement: ast.stmt, lines: list[str]) -> str:
    """The text that binds the names: a whole simple statement, or the header of a `for`/`with` block."""
    if isinstance(statement, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)) and statement.body:
        return "".join(lines[statement.lineno - 1 : max(statement.lineno, statement.body[0].lineno - 1)])
    return _segment(statement, lines)


def prune_for(text: str, rules: Sequence[Rule]) -> Pruned | None:
    """`text` pruned for the rules that will run on it, or None when it is better parsed whole."""
    if not ENABLED:
        return None
    tokens: dict[str, None] = {}
    for rule in rules:
        if rule.anchors is None:
            return None  # this rule needs every body
        anchors = rule.anchors or [token for group in rule.prefilter for token in group if isinstance(token, bytes)]
        if not anchors:
            return None  # only patterns: nothing says which bodies this rule needs
        for token in anchors:
            tokens[token.decode("utf-8")] = None
    if not tokens:
        return None
    return prune(text, tokens)


def parse_pruned(text: str, pruned: Pruned | None) -> cst.Module:
    """The module of the pruned text, or of the full text when there is none or it does not parse.

    Raises `ParserSyntaxError` exactly when the full text does not parse either.
    """
    if pruned is not None:
        try:
            return cst.parse_module(pruned.text)
        except cst.ParserSyntaxError:
            pass  # a construct libcst reads differently from `ast`: parse it whole
    return cst.parse_module(text)
