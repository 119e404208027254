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


@pytest.mark.parametrize(
    ("source", "made"),
    [
        ("map(render, rows)", "(render(map-item) for map-item in rows)"),
        ("list(map(self.encode, rows))", "[self.encode(map-item) for map-item in rows]"),
        ("map(lambda row: tok(row['text']), rows)", "(tok(row['text']) for row in rows)"),
        ("list(map(partial(encode, tok, system=s), rows))", "[encode(tok, map-item, system=s) for map-item in rows]"),
    ],
)
def test_a_map_is_read_as_the_generator_it_makes(source: str, made: str) -> None:
    assert ast.unparse(only_call(source)) == made


def test_a_map_of_a_name_bound_once_to_a_partial_calls_its_function() -> None:
    module = parse("def run(tok, rows):\n    encode = partial(encode_chat, tok)\n    return list(map(encode, rows))\n")
    returned = module.body[0].body[-1].value  # type: ignore[attr-defined]
    assert ast.unparse(returned) == "[encode_chat(tok, map-item) for map-item in rows]"
    again = parse(
        "def run(tok, rows, other):\n    encode = partial(encode_chat, tok)\n    encode = other\n    return map(encode, rows)\n"
    )
    assert ast.unparse(again.body[0].body[-1].value) == "(encode(map-item) for map-item in rows)"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "source", ["map(f, xs, ys)", "map(make()(tok), rows)", "map(lambda a, b: a, rows)", "list(rows)"]
)
def test_other_maps_stay_as_written(source: str) -> None:
    assert ast.unparse(only_call(source)) == source


def test_a_parameter_or_another_binding_of_the_name_hides_an_outer_partial() -> None:
    source = "encode = partial(encode_chat, tok)\ndef run(encode, rows):\n    return map(encode, rows)\n"
    returned = parse(source).body[-1].body[-1].value  # type: ignore[attr-defined]
    assert ast.unparse(returned) == "(encode(map-item) for map-item in rows)"
    inner = "encode = partial(encode_chat, tok)\ndef run(rows):\n    return map(encode, rows)\n"
    assert ast.unparse(parse(inner).body[-1].body[-1].value) == "(encode_chat(tok, map-item) for map-item in rows)"  # type: ignore[attr-defined]
