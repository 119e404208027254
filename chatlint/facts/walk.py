"""The children of an `ast` node in source order, for analysis only.

`ast.iter_child_nodes` also yields the shared singletons for contexts and operators (`ast.Load()`, `ast.Add()`),
which are not places in the code, and a dict's keys before all of its values; `children` leaves the first out and
puts each key beside its value, so the order of the walk is the order of the source.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

# fields that never hold syntax: contexts, operators and comments, then per node type its names, numbers and flags
_NEVER_SYNTAX = frozenset({"ctx", "op", "ops", "type_comment"})
_PLAIN: dict[type, frozenset[str]] = {
    kind: frozenset(names)
    for kind, names in (
        (ast.Name, ("id",)),
        (ast.Constant, ("value", "kind")),
        (ast.Attribute, ("attr",)),
        (ast.keyword, ("arg",)),
        (ast.arg, ("arg",)),
        (ast.alias, ("name", "asname")),
        (ast.ImportFrom, ("module", "level")),
        (ast.Global, ("names",)),
        (ast.Nonlocal, ("names",)),
        (ast.FunctionDef, ("name",)),
        (ast.AsyncFunctionDef, ("name",)),
        (ast.ClassDef, ("name",)),
        (ast.ExceptHandler, ("name",)),
        (ast.comprehension, ("is_async",)),
        (ast.FormattedValue, ("conversion",)),
        (ast.AnnAssign, ("simple",)),
        (ast.MatchAs, ("name",)),
        (ast.MatchStar, ("name",)),
        (ast.MatchMapping, ("rest",)),
        (ast.MatchClass, ("kwd_attrs",)),
    )
}
# the fields of each node type that can hold syntax, by type (filled on first sight of a type)
CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def child_fields(kind: type) -> tuple[str, ...]:
    """The fields of nodes of type `kind` that can hold syntax (children), in source order (a `Dict`'s keys and
    values are interleaved by `children`)."""
    names = CHILD_FIELDS.get(kind)
    if names is None:
        plain = _PLAIN.get(kind, frozenset())
        names = tuple(name for name in kind._fields if name not in _NEVER_SYNTAX and name not in plain)  # type: ignore[attr-defined]
        CHILD_FIELDS[kind] = names
    return names


def children(node: ast.AST) -> list[ast.AST]:
    """The syntax children of `node`, in source order."""
    kind = type(node)
    if kind is ast.Dict:
        found: list[ast.AST] = []
        for key, value in zip(node.keys, node.values):  # type: ignore[attr-defined]
            if key is not None:
                found.append(key)
            found.append(value)
        return found
    names = CHILD_FIELDS.get(kind)
    if names is None:
        names = child_fields(kind)
    found = []
    for name in names:
        value = getattr(node, name, None)
        if value.__class__ is list:
            found.extend([item for item in value if isinstance(item, ast.AST)])
        elif isinstance(value, ast.AST):
            found.append(value)
    return found


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def nodes_under(statements: list[ast.stmt]) -> Iterator[ast.AST]:
    """The nodes of a block, not inside nested functions and classes (last statement first)."""
    stack: list[ast.AST] = list(statements)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, _SCOPES):
            stack.extend(children(node))
