"""Walking a libcst tree fast, for analysis only.

libcst's own `node.visit(visitor)` and `node.children` rebuild every node they pass (and validate it again), which
made walking cost more than parsing. The analysis never changes the tree, so it walks the dataclass fields
directly, and skips the nodes no analysis looks at: whitespace, comments, punctuation and operator tokens (an
operator is read as `node.operator`, never visited). Children come in field order, which is source order for the
statements and expressions the analysis compares.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Iterator

import libcst as cst

_TOKEN_BASES = (
    cst.BaseParenthesizableWhitespace,
    cst.TrailingWhitespace,
    cst.Newline,
    cst.EmptyLine,
    cst.Comment,
    cst.Comma,
    cst.Dot,
    cst.Colon,
    cst.Semicolon,
    cst.AssignEqual,
    cst.LeftParen,
    cst.RightParen,
    cst.LeftSquareBracket,
    cst.RightSquareBracket,
    cst.LeftCurlyBrace,
    cst.RightCurlyBrace,
    cst.BaseBinaryOp,
    cst.BaseBooleanOp,
    cst.BaseCompOp,
    cst.BaseUnaryOp,
    cst.BaseAugOp,
    cst.Asynchronous,
    cst.ImportStar,
)
# exact types, so that a set lookup replaces a slow `isinstance` against abstract classes (and `__mro__` rather
# than `issubclass`, whose abstract-class machinery made this line cost 80 ms at import)
_SYNTAX = frozenset(
    value
    for value in vars(cst).values()
    if inspect.isclass(value)
    and cst.CSTNode in value.__mro__
    and not any(base in value.__mro__ for base in _TOKEN_BASES)
)
_FIELDS: dict[type, tuple[str, ...]] = {}


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The syntax children of `node` (no whitespace, comments or tokens), in field order."""
    kind = type(node)
    names = _FIELDS.get(kind)
    if names is None:
        names = tuple(field.name for field in dataclasses.fields(node) if not field.name.startswith("whitespace"))
        _FIELDS[kind] = names
    found: list[cst.CSTNode] = []
    for name in names:
        value = getattr(node, name)
        if type(value) in _SYNTAX:
            found.append(value)
        elif type(value) is tuple or type(value) is list:
            found.extend(item for item in value if type(item) in _SYNTAX)
    return found


def walk(root: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    """Drive a read-only `CSTVisitor` over `root` (its `on_visit` / `on_leave` and `visit_X` / `leave_X`)."""
    stack: list[tuple[cst.CSTNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            visitor.on_leave(node)
            continue
        stack.append((node, True))
        if visitor.on_visit(node) is not False:
            stack.extend((child, False) for child in reversed(children(node)))


def descendants(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """`root` and every syntax node under it, depth first, in source order."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))
