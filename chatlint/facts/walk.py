"""The children of an `ast` node in source order, for analysis only.

`ast.iter_child_nodes` also yields the shared singletons for contexts and operators (`ast.Load()`, `ast.Add()`),
which are not places in the code, and a dict's keys before all of its values; `children` leaves the first out and
puts each key beside its value, so the order of the walk is the order of the source.
"""

from __future__ import annotations

import ast

_TOKENS = (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)
# the fields of each node type that can hold syntax (not names, numbers, contexts or operators), by type
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(kind: type) -> tuple[str, ...]:
    names = _CHILD_FIELDS.get(kind)
    if names is None:
        names = tuple(name for name in kind._fields if name not in ("ctx", "op", "ops", "type_comment"))  # type: ignore[attr-defined]
        _CHILD_FIELDS[kind] = names
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
    found = []
    for name in _child_fields(kind):
        value = getattr(node, name, None)
        if type(value) is list:
            found.extend(item for item in value if isinstance(item, ast.AST) and not isinstance(item, _TOKENS))
        elif isinstance(value, ast.AST) and not isinstance(value, _TOKENS):
            found.append(value)
    return found
