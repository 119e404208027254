"""Calls that run a function they are handed: `await asyncio.to_thread(tok, prompt)` calls `tok(prompt)`, `await
loop.run_in_executor(pool, self._judge, ids)` calls `self._judge(ids)`, `executor.submit(pipe.generate, prompt,
config)` calls `pipe.generate(prompt, config)`, `asyncio.to_thread(functools.partial(pipe, prompt, max_new_tokens=64))`
calls `pipe(prompt, max_new_tokens=64)`.

Serving code runs its blocking tokenizer and engine calls this way, and the rules would see only a call of
`to_thread` with a function among its arguments. Right after parsing, each such call is replaced in the tree by the
call it makes, at the same place in the text (`handed` gives the call as written), so that every fact reads it as the
call it is: the value it gives (awaited), the arguments its function's parameters take. A fix that adds a keyword
adds it to the call as written when that call hands its keywords on (`to_thread`, `submit`), and is not offered when
it does not (`run_in_executor`, anyio's `run_sync`, a partial's call).
"""

from __future__ import annotations

import ast

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
# the words of those calls, as the text says them (a quick test before any walk of the tree)
_WORDS = tuple(f"{name}(" for name in _RUNS_A_FUNCTION)


def unwrap_handed_calls(module: ast.Module, text: str) -> ast.Module:
    """Replace in `module` every call that runs a function it is handed by the call it makes."""
    if not any(word in text for word in _WORDS):
        return module
    stack: list[ast.AST] = [module]
    while stack:  # (each node's children replaced before they are visited: a handed call inside one is read too)
        node = stack.pop()
        for field, value in ast.iter_fields(node):
            if isinstance(value, ast.Call):
                value = _made(value)
                setattr(node, field, value)
            if isinstance(value, ast.AST):
                stack.append(value)
            elif isinstance(value, list):
                value[:] = [_made(item) if isinstance(item, ast.Call) else item for item in value]
                stack.extend(item for item in value if isinstance(item, ast.AST))
    return module


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
    if isinstance(target, ast.Call) and is_partial(target) and target.args:
        # `asyncio.to_thread(functools.partial(pipe, prompt, max_new_tokens=64))` runs `pipe(prompt, max_new_tokens=64)`
        keywords, forwards = [*target.keywords, *keywords], False
        target, *given = target.args
    if not isinstance(target, (ast.Name, ast.Attribute)) or any(isinstance(item, ast.Starred) for item in given):
        return call
    made = ast.Call(func=target, args=[*given, *call.args[position + 1 :]], keywords=keywords)
    made.handed = call  # type: ignore[attr-defined]  # (the call as written, and whether it hands keywords on)
    made.forwards_keywords = forwards  # type: ignore[attr-defined]
    return ast.copy_location(made, call)


def handed(call: ast.Call) -> ast.Call | None:
    """The call that runs a function it is handed `call` was written as, or None."""
    return getattr(call, "handed", None)


def forwards_keywords(call: ast.Call) -> bool:
    """Does a keyword added to the call as written reach its function? (Every call not handed on does.)"""
    return getattr(call, "forwards_keywords", True)
