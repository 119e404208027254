"""The checks' registry: one function per name in model.CHECKS, and find_problems runs what is registered."""

from __future__ import annotations

import pytest
from collators import ChatCollator

from chatlint.labels import CHECKS, verify
from chatlint.labels.checks import CHECK_FUNCTIONS, CheckContext, ExampleState, Finding, register_check


def test_every_described_check_has_a_function_and_every_function_a_description():
    assert set(CHECK_FUNCTIONS) == set(CHECKS)


def test_a_check_must_be_described_before_it_is_registered():
    with pytest.raises(ValueError, match="not described"):
        register_check("no-such-check")


def test_a_check_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="registered twice"):
        register_check("extra-bos")(lambda state, context: [])


def test_verify_runs_the_registered_function(tokenizers, monkeypatch):
    calls: list[tuple[int, str]] = []

    def fake_extra_bos(state: ExampleState, context: CheckContext) -> list[Finding]:
        calls.append((state.index, context.mode))
        return [Finding("fake finding", [0, 1])] if state.index == 1 else []

    monkeypatch.setitem(CHECK_FUNCTIONS, "extra-bos", fake_extra_bos)
    report = verify(ChatCollator(tokenizers["llama3"]), tokenizers["llama3"])
    assert calls == [(0, "assistant-only"), (1, "assistant-only"), (2, "assistant-only"), (3, "assistant-only")]
    assert [(p.check, p.message, p.example, p.positions) for p in report.problems] == [
        ("extra-bos", "fake finding", 1, [0, 1])
    ]
    assert report.problems[0].tokens == report.examples[1].tokens[:2]


def test_problems_come_out_by_example_then_in_the_order_of_checks(tokenizers, monkeypatch):
    # every check reports on every example: the report lists example 0's in CHECKS order, then example 1's...
    for name in CHECKS:
        monkeypatch.setitem(CHECK_FUNCTIONS, name, lambda state, context, name=name: [Finding(name, [0])])
    report = verify(ChatCollator(tokenizers["llama3"]), tokenizers["llama3"], max_examples=2)
    assert [(p.example, p.check) for p in report.problems] == [(e, name) for e in (0, 1) for name in CHECKS]
