"""Where a `**mapping` handed to `apply_chat_template` comes from: whether it may hide a flag.

A field read from the data carries template variables; the function's own `**kwargs`, a parameter or an unseen
value may carry any flag; a dict the code shows whole is read key by key."""

from __future__ import annotations

import ast

import pytest

from chatlint.facts import SpreadSource, build_facts
from chatlint.facts.syntax import SourceText, reading


def spreads(body: str, signature: str = "example, tokenizer") -> tuple[SpreadSource, ...]:
    """The spreads of the one template call in `def f(<signature>): <body>`."""
    source = f"def f({signature}):\n" + "".join(f"    {line}\n" for line in body.splitlines())
    facts = build_facts(ast.parse(source), SourceText(source))
    with reading(facts.source):
        (template_call,) = facts.template_calls
        return template_call.spreads


CALL = 'ids = tokenizer.apply_chat_template(example["messages"], {})'


@pytest.mark.parametrize(
    ("body", "signature", "expected"),
    [
        (CALL.format('**example.get("chat_template_kwargs", {})'), "example, tokenizer", SpreadSource.DATA),
        (CALL.format('**example["chat_template_kwargs"]'), "example, tokenizer", SpreadSource.DATA),
        (CALL.format('**(example.get("chat_template_kwargs") or {})'), "example, tokenizer", SpreadSource.DATA),
        (
            'options = example.get("chat_template_kwargs") or {}\n' + CALL.format("**options"),
            "example, tokenizer",
            SpreadSource.DATA,
        ),
        (CALL.format("**kwargs"), "example, tokenizer, **kwargs", SpreadSource.CALLER),
        (CALL.format("**options"), "example, tokenizer, options", SpreadSource.CALLER),
        (CALL.format("**(options or {})"), "example, tokenizer, options=None", SpreadSource.CALLER),
        (CALL.format('**{"tools": tools}'), "example, tokenizer, tools", SpreadSource.VISIBLE),
        ('options = {"tools": None}\n' + CALL.format("**options"), "example, tokenizer", SpreadSource.VISIBLE),
        (
            'options = {"tools": None}\noptions.update(extra)\n' + CALL.format("**options"),
            "example, tokenizer, extra",
            SpreadSource.UNKNOWN,
        ),
        (CALL.format("**load_options()"), "example, tokenizer", SpreadSource.UNKNOWN),
        (CALL.format('**kwargs.get("chat_template_kwargs", {})'), "example, tokenizer, **kwargs", SpreadSource.UNKNOWN),
        (CALL.format('**CONFIG["template"]'), "example, tokenizer", SpreadSource.UNKNOWN),
        (
            'for options in example["chat_template_kwargs"]:\n    ' + CALL.format("**options"),
            "example, tokenizer",
            SpreadSource.DATA,
        ),
        (CALL.format('**self.config["template"]'), "self, example, tokenizer", SpreadSource.UNKNOWN),
    ],
)
def test_where_a_mapping_comes_from(body: str, signature: str, expected: SpreadSource) -> None:
    assert spreads(body, signature) == (expected,)


def test_only_a_callers_or_an_unknown_mapping_may_hide_a_flag() -> None:
    hiding = {source for source in SpreadSource if source.may_hide_flags}
    assert hiding == {SpreadSource.CALLER, SpreadSource.UNKNOWN}


def test_a_wrapper_call_site_judges_the_mapping_it_fills() -> None:
    """The wrapper's `**kwargs` is replaced by what each call site spreads into it."""
    source = (
        "def render(tokenizer, messages, **kwargs):\n"
        "    return tokenizer.apply_chat_template(messages, **kwargs)\n"
        "def from_data(tokenizer, example):\n"
        '    return render(tokenizer, example["messages"], **example["chat_template_kwargs"])\n'
        "def from_caller(tokenizer, example, options):\n"
        '    return render(tokenizer, example["messages"], **options)\n'
        "def nothing(tokenizer, example):\n"
        '    return render(tokenizer, example["messages"])\n'
    )
    facts = build_facts(ast.parse(source), SourceText(source))
    with reading(facts.source):
        by_function = {call.function.name: call.spreads for call in facts.template_calls}
    assert by_function == {
        "render": (SpreadSource.CALLER,),
        "from_data": (SpreadSource.DATA,),
        "from_caller": (SpreadSource.CALLER,),
        "nothing": (),
    }
