"""Calls that run a function they are handed: `await asyncio.to_thread(tok, prompt)` calls `tok(prompt)`, `await
loop.run_in_executor(pool, self._judge, ids)` calls `self._judge(ids)`, `executor.submit(pipe.generate, prompt,
config)` calls `pipe.generate(prompt, config)`, `asyncio.to_thread(functools.partial(pipe, prompt, max_new_tokens=64))`
calls `pipe(prompt, max_new_tokens=64)`.

The builtin `map` is read the same way, as the generator it makes: `map(render, rows)` as `(render(item) for item
in rows)`, `map(lambda row: tok(row["text"]), rows)` as `(tok(row["text"]) for row in rows)`, `map(partial(encode,
tok), rows)` as `(encode(tok, item) for item in rows)`, and `list(map(...))` as the list comprehension.

Serving code runs its blocking tokenizer and engine calls this way, and the rules would see only a call of
`to_thread` with a function among its arguments. Right after parsing, each such call is replaced in the tree by the
call it makes, at the same place in the text (`handed` gives the call as written), so that every fact reads it as the
call it is: the value it gives (awaited), the arguments its function's parameters take. A fix that adds a keyword
adds it to the call as written when that call hands its keywords on (`to_thread`, `submit`), and is not offered when
it does not (`run_in_executor`, anyio's `run_sync`, a partial's call).
"""

from __future__ import annotations

import ast
import copy
import re

from chatlint.facts.syntax import is_partial

# the calls that run the function they are given with the arguments that follow it, by name: where the function is,
# and whether the call hands its own keywords on to it (`executor.submit(fn, *args, **kwargs)`,
# `asyncio.to_thread(fn, *args, **kwargs)`, starlette's and FastAPI's `run_in_threadpool(fn, *args, **kwargs)`;
# `loop.run_in_executor(executor, fn, *args)` and anyio's `to_thread.run_sync(fn, *args)` take none for it)
_RUNS_A_FUNCTION = {
    "submit": (0, True),
    "to_thread": (0, True),
    "run_in_threadpool": (0, True),
    "run_in_executor": (1, False),
    "run_sync": (0, False),
}
# the words of those calls, as the text says them (a quick test before any walk of the tree), and the builtin
# `map` called by its name (not a dataset's `.map(`)
_WORDS = tuple(f"{name}(" for name in _RUNS_A_FUNCTION)
_BUILTIN_MAP = re.compile(r"(?<![\w.])map\(")
# the name the items of a `map` take in the generator it is read as (no Python code can name it: not an identifier)
_ITEM = "map-item"


def unwrap_handed_calls(module: ast.Module, text: str) -> ast.Module:
    """Replace in `module` every call that runs a function it is handed by the call it makes."""
    maps = "map(" in text and _BUILTIN_MAP.search(text) is not None
    if not maps and not any(word in text for word in _WORDS):
        return module

    def read(node: ast.AST, scope: _Scope) -> ast.AST:
        """`node` as the walk reads it: a call replaced by what it makes, anything else as it is."""
        if not isinstance(node, ast.Call):
            return node
        return (_mapped(node, scope) if maps else None) or _made(node)

    stack: list[tuple[ast.AST, _Scope]] = [(module, _Scope(module, None))]
    while stack:  # (each node's children replaced before they are visited: a handed call inside one is read too)
        node, scope = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            scope = _Scope(node, scope)
        for field, value in ast.iter_fields(node):
            if isinstance(value, ast.AST):
                value = read(value, scope)
                setattr(node, field, value)
                stack.append((value, scope))
            elif isinstance(value, list):
                value[:] = [read(item, scope) for item in value]
                stack.extend((item, scope) for item in value if isinstance(item, ast.AST))
    return module


class _Scope:
    """A module or function the walk is in, with the names it binds once to a partial (read when a `map` of a name
    asks: see `_partials`), and the scope around it."""

    def __init__(self, node: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef, outer: _Scope | None) -> None:
        self.node, self.outer = node, outer
        self._bound: dict[str, ast.Call | None] | None = None

    def partial(self, name: str) -> ast.Call | None:
        """The partial `name` is bound to here (None when it is bound to something else), else in a scope around
        this one."""
        if self._bound is None:
            self._bound = _partials(self.node)
        if name in self._bound:
            return self._bound[name]
        return self.outer.partial(name) if self.outer is not None else None


def _partials(scope: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, ast.Call | None]:
    """The names the scope binds (not looking in the functions defined in it), each with the `functools.partial` it
    binds it to when that is its only binding (`encode = partial(encode_chat, tok)`: what a `map` of it calls), else
    None."""
    bound: dict[str, list[ast.expr | None]] = {}
    if not isinstance(scope, ast.Module):  # (its parameters are bound to what its callers pass)
        arguments = scope.args
        for argument in (
            *arguments.posonlyargs,
            *arguments.args,
            *arguments.kwonlyargs,
            arguments.vararg,
            arguments.kwarg,
        ):
            if argument is not None:
                bound[argument.arg] = [None]
    pending: list[ast.AST] = list(scope.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    bound.setdefault(target.id, []).append(node.value if len(node.targets) == 1 else None)
            pending.append(node.value)
            pending.extend(target for target in node.targets if not isinstance(target, ast.Name))
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.setdefault(node.id, []).append(None)  # (a loop's target, an unpacking, a walrus)
        pending.extend(ast.iter_child_nodes(node))
    return {
        name: values[0]
        if len(values) == 1 and isinstance(values[0], ast.Call) and is_partial(values[0]) and values[0].args
        else None
        for name, values in bound.items()
    }


def _mapped(call: ast.Call, scope: _Scope) -> ast.expr | None:
    """`map(f, items)` as the generator it makes (`(f(item) for item in items)`, see the module's words), and
    `list(map(f, items))` as the list `[f(item) for item in items]`; None for any other call, and for a `map` of
    several iterables or of a function the call computes. `scope`: where the names bound once to a partial are
    (`map(encode, rows)` with `encode = partial(encode_chat, tok)`)."""
    func = call.func
    if isinstance(func, ast.Name) and func.id == "list" and len(call.args) == 1 and not call.keywords:
        inner = call.args[0]
        made = _mapped(inner, scope) if isinstance(inner, ast.Call) else None
        if isinstance(made, ast.GeneratorExp):
            return ast.copy_location(ast.ListComp(elt=made.elt, generators=made.generators), call)
        return None
    if not (isinstance(func, ast.Name) and func.id == "map" and len(call.args) == 2 and not call.keywords):
        return None
    function, items = call.args
    bound = scope.partial(function.id) if isinstance(function, ast.Name) else None
    if bound is not None:
        function = copy.deepcopy(bound)  # (its nodes stay where they are written too)
    item = ast.copy_location(ast.Name(id=_ITEM, ctx=ast.Load()), items)  # (named by the iterable, in messages)
    unpacked = _unpartial(function)
    if isinstance(function, ast.Lambda):
        arguments = function.args
        if len(arguments.args) != 1 or arguments.posonlyargs or arguments.vararg or arguments.kwonlyargs:
            return None
        name, element = arguments.args[0].arg, function.body
    elif isinstance(function, (ast.Name, ast.Attribute)) or unpacked is not None:
        # (`partial(encode, tok)`: `encode(tok, item)`, with its keywords)
        target, given, keywords = unpacked or (function, [], [])
        made = ast.Call(func=target, args=[*given, item], keywords=keywords)
        made.handed = call  # type: ignore[attr-defined]
        made.forwards_keywords = False  # type: ignore[attr-defined]  # (nowhere to write a keyword for it)
        name, element = _ITEM, ast.copy_location(made, call)
    else:
        return None
    each = ast.copy_location(ast.Name(id=name, ctx=ast.Store()), items)
    loop = ast.comprehension(target=each, iter=items, ifs=[], is_async=0)
    return ast.copy_location(ast.GeneratorExp(elt=element, generators=[loop]), call)


def _made(call: ast.Call) -> ast.Call:
    """The call `call` makes when it runs a function it is handed (`asyncio.to_thread(f, x)` -> `f(x)`), else
    `call`."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    position, forwards = _RUNS_A_FUNCTION.get(name, (-1, False))
    if position < 0 or len(call.args) <= position or any(isinstance(item, ast.Starred) for item in call.args):
        return call
    target = call.args[position]
    given: list[ast.expr] = []
    keywords = list(call.keywords) if forwards else []
    unpacked = _unpartial(target)
    if unpacked is not None:
        # `asyncio.to_thread(functools.partial(pipe, prompt, max_new_tokens=64))` runs `pipe(prompt, max_new_tokens=64)`
        target, given, bound = unpacked
        keywords, forwards = [*bound, *keywords], False
    if not isinstance(target, (ast.Name, ast.Attribute)) or any(isinstance(item, ast.Starred) for item in given):
        return call
    made = ast.Call(func=target, args=[*given, *call.args[position + 1 :]], keywords=keywords)
    made.handed = call  # type: ignore[attr-defined]  # (the call as written, and whether it hands keywords on)
    made.forwards_keywords = forwards  # type: ignore[attr-defined]
    return ast.copy_location(made, call)


def _unpartial(node: ast.expr) -> tuple[ast.expr, list[ast.expr], list[ast.keyword]] | None:
    """`functools.partial(f, *args, **keywords)` as `(f, args, keywords)`: what a call of it calls `f` with before its
    own arguments; None for anything else."""
    if not (isinstance(node, ast.Call) and is_partial(node) and node.args):
        return None
    function, *given = node.args
    return function, given, list(node.keywords)


def handed(call: ast.Call) -> ast.Call | None:
    """The call that runs a function it is handed `call` was written as, or None."""
    return getattr(call, "handed", None)


def forwards_keywords(call: ast.Call) -> bool:
    """Does a keyword added to the call as written reach its function? (Every call not handed on does.)"""
    return getattr(call, "forwards_keywords", True)
