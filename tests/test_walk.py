"""The walk the analysis stands on visits every piece of syntax, in source order, whatever the node types."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import chatlint
from chatlint.facts.index import build_index
from chatlint.facts.walk import children

_TOKENS = (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)

EVERY_KIND = textwrap.dedent(
    """
    from .. import a as b
    import c.d
    global_value: int = 1
    def f(p, /, q=1, *args, r, s=2, **kwargs) -> int:
        global g
        x = {1: 2, **other, "k": [i for i in range(3) if i]}
        y = lambda t, *, u=None: (t, u)
        del x[0]
        assert y, f"{x!r:>{width}}"
        with open(p) as handle, other() as (o1, o2):
            pass
        try:
            z = -q + (not r) < s <= 3
        except (ValueError, TypeError) as error:
            raise RuntimeError() from error
        else:
            z += 1
        finally:
            z = None
        match p:
            case {"k": v, **rest}:
                pass
            case Point(x=0, y=yy) | [1, *more] if yy:
                pass
            case str() as text:
                pass
        async def inner():
            async for item in source():
                await item
            async with lock:
                yield item
        return (z := 2) if z else {v for v in kwargs}
    @decorator(1)
    class C(Base, metaclass=Meta):
        field: int = 0
        def method(self):
            nonlocal_thing = self.x[1:2, ::3]
            while nonlocal_thing:
                break
            for a, (b, *c) in d:
                continue
    """
)


def _reference_children(node: ast.AST) -> list[ast.AST]:
    """The children as `ast.iter_fields` gives them, minus contexts and operators, a dict's keys beside values."""
    if isinstance(node, ast.Dict):
        found: list[ast.AST] = []
        for key, value in zip(node.keys, node.values):
            if key is not None:
                found.append(key)
            found.append(value)
        return found
    found = []
    for _, value in ast.iter_fields(node):
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, ast.AST) and not isinstance(item, _TOKENS):
                found.append(item)
    return found


def _preorder(module: ast.Module) -> list[ast.AST]:
    found: list[ast.AST] = []
    stack: list[ast.AST] = [module]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(reversed(_reference_children(node)))
    return found


def _modules() -> list[ast.Module]:
    sources = [EVERY_KIND] + [path.read_text(encoding="utf-8") for path in Path(chatlint.__file__).parent.rglob("*.py")]
    return [ast.parse(source) for source in sources]


def test_children_are_every_syntax_child_in_source_order() -> None:
    for module in _modules():
        for node in ast.walk(module):
            assert children(node) == _reference_children(node), ast.dump(node)[:200]


def test_the_index_orders_and_parents_every_node() -> None:
    for module in _modules():
        index = build_index(module)
        expected = _preorder(module)
        assert list(index.order) == expected
        assert list(index.order.values()) == list(range(len(expected)))
        for node in expected:
            for child in _reference_children(node):
                assert index.parents[child] is node
