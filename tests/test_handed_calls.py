"""Calls that run a function they are handed are read as the calls they make (`chatlint.handed_calls`)."""

from __future__ import annotations

import ast

import pytest

from chatlint.engine import parse
from chatlint.handed_calls import forwards_keywords, handed


def only_call(source: str) -> ast.Call:
    statement = parse(source).body[-1]
    value = statement.value  # type: ignore[attr-defined]
    return value.value if isinstance(value, ast.Await) else value


@pytest.mark.parametrize(
    ("source", "made", "keywords_reach_it"),
    [
        ("asyncio.to_thread(tok, text, return_tensors='pt')", "tok(text, return_tensors='pt')", True),
        ("await loop.run_in_executor(pool, self.judge, ids)", "self.judge(ids)", False),
        ("executor.submit(pipe.generate, prompt, config)", "pipe.generate(prompt, config)", True),
        ("await run_in_threadpool(encode, tok, prompt)", "encode(tok, prompt)", True),
        ("await anyio.to_thread.run_sync(encode, tok, prompt)", "encode(tok, prompt)", False),
        (
            "asyncio.to_thread(functools.partial(pipe, prompt, max_new_tokens=64))",
            "pipe(prompt, max_new_tokens=64)",
            False,
        ),
    ],
)
def test_the_call_made_stands_in_its_place(source: str, made: str, keywords_reach_it: bool) -> None:
    call = only_call(source)
    assert ast.unparse(call) == made
    written = handed(call)
    assert written is not None and (call.lineno, call.col_offset) == (written.lineno, written.col_offset)
    assert forwards_keywords(call) is keywords_reach_it


@pytest.mark.parametrize(
    "source",
    [
        "asyncio.to_thread(*job)",  # the function is not written out
        "loop.run_in_executor(pool)",  # no function at all
        "form.submit()",
        "asyncio.to_thread(make_runner()(tok), text)",  # a function the call computes
    ],
)
def test_other_calls_stay_as_written(source: str) -> None:
    call = only_call(source)
    assert handed(call) is None and forwards_keywords(call)
    assert ast.unparse(call) == source


def test_nested_handed_calls_are_each_read() -> None:
    call = only_call("asyncio.to_thread(tok, asyncio.to_thread(render, messages))")
    assert ast.unparse(call) == "tok(render(messages))"
