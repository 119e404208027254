"""Where the result of a call goes: into the data, only into `len()`, into a comparison, or to `generate()`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import called_name, cast_value, dotted_name, string_value
from chatlint.facts.walk import children

LENGTH = "length"
COMPARE = "compare"
GENERATE = "generate"
DATA = "data"

# methods whose result is a test or a position, not the text: `full.startswith(prompt)`, `text.find(header)`
_COMPARE_METHODS = frozenset({"startswith", "endswith", "find", "index", "rfind", "count"})
_GENERATE_CALLS = frozenset({"generate", "chat", "stream_generate", "batch_generate"})


def result_uses(
    call: ast.Call, ancestors: tuple[ast.AST, ...], function: FunctionInfo, order: dict[ast.AST, int]
) -> frozenset[str]:
    """How the value of `call` is used in its function, following one local name it is assigned to."""
    parent = ancestors[-1] if ancestors else None
    target = None
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
        target = parent.targets[0]
    elif isinstance(parent, ast.AnnAssign) and parent.value is call:
        target = parent.target
    if isinstance(target, ast.Name):
        after = order.get(call, 0)
        uses = {
            _classify(use, use_ancestors)
            for use, use_ancestors in _name_uses(function.node, target.id)
            if order.get(use, 0) > after
        }
        return frozenset(uses or {DATA})
    return frozenset({_classify(call, ancestors)})


# the methods that move a value to a device and give it back (a `BatchEncoding`'s too)
MOVES = frozenset({"to", "cuda", "cpu"})


def result_name(call: ast.Call, ancestors: tuple[ast.AST, ...]) -> str:
    """The name or key the value of `call` is stored under, looking through comprehensions and `.append()`."""
    child: ast.AST = call
    for parent in reversed(ancestors):
        if isinstance(parent, (ast.ListComp, ast.GeneratorExp)) and child is parent.elt:
            child = parent
            continue
        if isinstance(parent, ast.Attribute) and parent.value is child and parent.attr in MOVES:
            child = parent  # `apply_chat_template(...).to(device)`: the same value, on a device
            continue
        if isinstance(parent, ast.Await):
            child = parent  # `await asyncio.to_thread(tok.apply_chat_template, ...)`: what the call gives
            continue
        if isinstance(parent, ast.Call) and parent.func is child and isinstance(child, ast.Attribute):
            child = parent
            continue
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
            target = parent.targets[0]
            if isinstance(target, ast.Name):
                return target.id
            if isinstance(target, ast.Subscript):
                return string_value(target.slice) or ""
            return ""
        if isinstance(parent, ast.Dict):
            return string_value(dict_key(parent, child)) or ""
        if isinstance(parent, ast.keyword) and parent.arg is not None:
            return parent.arg
        if isinstance(parent, (ast.keyword, ast.Starred)):
            child = parent  # `f(*x)`, `f(**x)`: the call decides, as for a positional argument
            continue
        func = parent.func if isinstance(parent, ast.Call) else None
        if isinstance(func, ast.Attribute) and func.attr == "append" and isinstance(func.value, ast.Name):
            return func.value.id
        return ""
    return ""


def dict_key(mapping: ast.Dict, value: ast.AST) -> ast.expr | None:
    """The key of the entry whose value is `value`; None for a key, a `**x` entry or another node."""
    for key, item in zip(mapping.keys, mapping.values, strict=True):
        if item is value:
            return key
    return None


def _classify(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> str:
    child: ast.AST = node
    for parent in reversed(ancestors):
        if isinstance(parent, (ast.keyword, ast.Starred)):
            child = parent
            continue
        if isinstance(parent, ast.Call):
            if child is parent.func:
                if isinstance(child, ast.Attribute):
                    return COMPARE if child.attr in _COMPARE_METHODS else DATA
                return DATA
            name = called_name(parent)
            if name == "len":
                return LENGTH
            if name in _GENERATE_CALLS:
                return GENERATE
            return DATA
        if isinstance(parent, ast.Attribute) and child is parent.value:
            child = parent
            continue
        if isinstance(parent, ast.Compare):
            # only the left operand, as before the port to `ast`: `x == prompt` counts as data
            return COMPARE if child is parent.left else DATA
        if isinstance(parent, ast.Subscript) and child is parent.value:
            if isinstance(parent.slice, ast.Slice) and _mentions_len(parent.slice):
                return COMPARE
            if string_value(parent.slice) is not None:
                child = parent  # `tok(text)["input_ids"]`: the same ids, read by key
                continue
            return DATA
        return DATA
    return DATA


def _mentions_len(node: ast.AST) -> bool:
    if isinstance(node, ast.Call) and called_name(node) == "len":
        return True
    return any(_mentions_len(child) for child in children(node))


def _name_uses(root: ast.AST, name: str) -> Iterator[tuple[ast.AST, tuple[ast.AST, ...]]]:
    """Every use of `name` under `root` (not descending into nested functions or classes): its loads, and, as
    before the port to `ast`, the targets of `for`, `with`, tuple unpacking, augmented and annotated assignments
    and a keyword argument `name=...`; not a plain `name = ...` target or a lambda default."""
    stack: list[tuple[ast.AST, tuple[ast.AST, ...]]] = [(root, ())]
    while stack:
        node, ancestors = stack.pop()
        kind = type(node)
        if kind is ast.Name:
            if node.id == name:  # type: ignore[attr-defined]
                parent = ancestors[-1] if ancestors else None
                if isinstance(parent, ast.Assign) and any(target is node for target in parent.targets):
                    continue
                if isinstance(parent, ast.arguments):
                    continue
                yield node, ancestors
            continue
        if node is not root and (kind is ast.FunctionDef or kind is ast.AsyncFunctionDef or kind is ast.ClassDef):
            continue
        if kind is ast.keyword and node.arg == name:  # type: ignore[attr-defined]
            yield node, ancestors
        path = ancestors + (node,)
        stack.extend((child, path) for child in children(node))


def same_value(
    node: ast.AST, ancestors: tuple[ast.AST, ...], through_ids: bool = False
) -> tuple[ast.AST, tuple[ast.AST, ...]]:
    """The outermost expression around `node` that is still the same object to the code that uses it, and the
    ancestors above it: through `.to(device)` (a `BatchEncoding` moved to a device stays one, a tensor stays a
    tensor), `typing.cast(T, value)` and a branch of a conditional expression; with `through_ids`, also through
    `.input_ids` and `["input_ids"]` (the ids of an encoding: `n = tok(text).input_ids` is named `n`)."""
    while ancestors:
        parent = ancestors[-1]
        holder = ancestors[-2] if len(ancestors) > 1 else None
        if isinstance(parent, ast.Attribute) and parent.value is node:
            if through_ids and parent.attr == "input_ids":
                node, ancestors = parent, ancestors[:-1]
                continue
            if parent.attr == "to" and isinstance(holder, ast.Call) and holder.func is parent:
                node, ancestors = holder, ancestors[:-2]
                continue
        if (
            through_ids
            and isinstance(parent, ast.Subscript)
            and parent.value is node
            and string_value(parent.slice) == "input_ids"
        ):
            node, ancestors = parent, ancestors[:-1]
            continue
        if isinstance(parent, ast.Call) and cast_value(parent) is node:
            node, ancestors = parent, ancestors[:-1]
            continue
        if isinstance(parent, ast.IfExp) and parent.test is not node:
            node, ancestors = parent, ancestors[:-1]  # `ids if isinstance(ids, list) else ...`: it may be the value
            continue
        if isinstance(parent, ast.Await):
            node, ancestors = parent, ancestors[:-1]  # `await loop.run_in_executor(...)`: what the call gives
            continue
        if isinstance(parent, ast.Lambda) and parent.body is node and _run_by_executor(parent, holder):
            # `loop.run_in_executor(None, lambda: tok.apply_chat_template(...))`: the executor's call gives it
            assert isinstance(holder, ast.Call)
            node, ancestors = holder, ancestors[:-2]
            continue
        break
    return node, ancestors


def _run_by_executor(function: ast.Lambda, call: ast.AST | None) -> bool:
    """Is the lambda (taking nothing) what `loop.run_in_executor(executor, fn)` or `asyncio.to_thread(fn)` runs?"""
    if not isinstance(call, ast.Call) or function.args.args or function.args.vararg or function.args.kwarg:
        return False
    name = dotted_name(call.func) or ""
    if name.rsplit(".", 1)[-1] == "run_in_executor":
        return len(call.args) > 1 and call.args[1] is function
    return name in ("asyncio.to_thread", "to_thread") and bool(call.args) and call.args[0] is function
