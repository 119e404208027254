"""Walking an `ast` tree in source order, for analysis only.

`ast.iter_child_nodes` also yields the shared singletons for contexts and operators (`ast.Load()`, `ast.Add()`),
which are not places in the code, and a dict's keys before all of its values; `children` leaves the first out and
puts each key beside its value, so the order of the walk is the order of the source.
"""

from __future__ import annotations

import ast
from typing import Protocol

_TOKENS = (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)


def children(node: ast.AST) -> list[ast.AST]:
    """The syntax children of `node`, in source order."""
    if type(node) is ast.Dict:
        found: list[ast.AST] = []
        for key, value in zip(node.keys, node.values):
            if key is not None:
                found.append(key)
            found.append(value)
        return found
    return [child for child in ast.iter_child_nodes(node) if not isinstance(child, _TOKENS)]


class Visitor(Protocol):
    def on_visit(self, node: ast.AST) -> bool: ...

    def on_leave(self, node: ast.AST) -> None: ...


def walk(root: ast.AST, visitor: Visitor) -> None:
    """Drive `visitor` over `root` depth first: `on_visit` on the way down (False skips the children), `on_leave`
    on the way back up."""
    stack: list[tuple[ast.AST, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            visitor.on_leave(node)
            continue
        stack.append((node, True))
        if visitor.on_visit(node) is not False:
            stack.extend((child, False) for child in reversed(children(node)))
