"""Where the result of a call goes: into the data, only into `len()`, into a comparison, or to `generate()`."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import called_name, string_value

LENGTH = "length"
COMPARE = "compare"
GENERATE = "generate"
DATA = "data"

_COMPARE_METHODS = frozenset({"startswith", "endswith", "find", "index", "rfind", "removeprefix", "removesuffix"})
_GENERATE_CALLS = frozenset({"generate", "chat", "stream_generate", "batch_generate"})


def result_uses(
    call: cst.Call, ancestors: tuple[cst.CSTNode, ...], function: FunctionInfo, order: dict[cst.CSTNode, int]
) -> frozenset[str]:
    """How the value of `call` is used in its function, following one local name it is assigned to."""
    parent = ancestors[-1] if ancestors else None
    target = None
    if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
        target = parent.targets[0].target
    elif isinstance(parent, cst.AnnAssign):
        target = parent.target
    if isinstance(target, cst.Name):
        after = order.get(call, 0)
        uses = {
            _classify(use, use_ancestors)
            for use, use_ancestors in _name_uses(function.node, target.value)
            if order.get(use, 0) > after
        }
        return frozenset(uses or {DATA})
    return frozenset({_classify(call, ancestors)})


def result_name(call: cst.Call, ancestors: tuple[cst.CSTNode, ...]) -> str:
    """The name or key the value of `call` is stored under, looking through comprehensions and `.append()`."""
    child: cst.CSTNode = call
    for parent in reversed(ancestors):
        if isinstance(parent, (cst.ListComp, cst.GeneratorExp)) and child is parent.elt:
            child = parent
            continue
        if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
            target = parent.targets[0].target
            if isinstance(target, cst.Name):
                return target.value
            if isinstance(target, cst.Subscript) and len(target.slice) == 1:
                element = target.slice[0].slice
                if isinstance(element, cst.Index):
                    return string_value(element.value) or ""
            return ""
        if isinstance(parent, cst.DictElement) and child is parent.value:
            return string_value(parent.key) or ""
        if isinstance(parent, cst.Arg):
            if parent.keyword is not None:
                return parent.keyword.value
            child = parent
            continue
        if isinstance(parent, cst.Call) and isinstance(parent.func, cst.Attribute):
            if parent.func.attr.value == "append" and isinstance(parent.func.value, cst.Name):
                return parent.func.value.value
        return ""
    return ""


def _classify(node: cst.CSTNode, ancestors: tuple[cst.CSTNode, ...]) -> str:
    child: cst.CSTNode = node
    for parent in reversed(ancestors):
        if isinstance(parent, cst.Arg):
            child = parent
            continue
        if isinstance(parent, cst.Call):
            if child is parent.func:
                if isinstance(child, cst.Attribute):
                    return COMPARE if child.attr.value in _COMPARE_METHODS else DATA
                return DATA
            name = called_name(parent)
            if name == "len":
                return LENGTH
            if name in _GENERATE_CALLS:
                return GENERATE
            return DATA
        if isinstance(parent, cst.Attribute) and child is parent.value:
            child = parent
            continue
        if isinstance(parent, cst.Comparison):
            return COMPARE
        if isinstance(parent, cst.Subscript) and child is parent.value:
            element = parent.slice[0].slice if len(parent.slice) == 1 else None
            if isinstance(element, cst.Slice) and _mentions_len(element):
                return COMPARE
            return DATA
        return DATA
    return DATA


def _mentions_len(node: cst.CSTNode) -> bool:
    if isinstance(node, cst.Call) and called_name(node) == "len":
        return True
    return any(_mentions_len(child) for child in node.children)


def _name_uses(root: cst.CSTNode, name: str) -> Iterator[tuple[cst.Name, tuple[cst.CSTNode, ...]]]:
    """Every load of `name` under `root` (not descending into nested functions or classes)."""
    stack: list[tuple[cst.CSTNode, tuple[cst.CSTNode, ...]]] = [(root, ())]
    while stack:
        node, ancestors = stack.pop()
        if isinstance(node, cst.Name) and node.value == name:
            parent = ancestors[-1] if ancestors else None
            if isinstance(parent, cst.AssignTarget) and parent.target is node:
                continue
            if isinstance(parent, (cst.Param, cst.Attribute)) and node is not getattr(parent, "value", None):
                continue
            yield node, ancestors
            continue
        if node is not root and isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            continue
        path = ancestors + (node,)
        stack.extend((child, path) for child in node.children)
