"""The text view: tokens in a row with visible whitespace, problem tokens bracketed and numbered, a legend and a
verdict table."""

from __future__ import annotations

import io

import pytest
from collators import ChatCollator

from chatlint.labels import verify
from chatlint.labels.view import render_text, to_json, visible

rich = pytest.importorskip("rich")


def text_of(report, color=False):
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=100, force_terminal=color, color_system="truecolor" if color else None)
    render_text(report, console)
    return buffer.getvalue()


def test_visible_whitespace():
    assert visible("a b\tc\n") == "a␣b→c⏎"


def test_problem_view_has_markers_legend_and_table(tokenizers):
    report = verify(ChatCollator(tokenizers["llama3"], bug="stray"), tokenizers["llama3"])
    output = text_of(report)
    assert "legend:" in output and "trained" in output and "masked" in output
    assert "⟦<|start_header_id|>" in output and "⟧¹" in output
    assert "¹ stray-generation-prompt:" in output
    assert "Verdict" in output and "✗ FAIL" in output and "✓ pass" in output
    assert "What␣is␣the␣capital" in output and "⏎" in output
    assert "…" in output  # the long reply is elided in the middle
    assert "✗ 4 problems in 4 of 4 examples: stray-generation-prompt" in output


def test_colours_separate_trained_masked_and_wrong(tokenizers):
    report = verify(ChatCollator(tokenizers["chatml"], bug="content-only"), tokenizers["chatml"])
    output = text_of(report, color=True)
    assert "\x1b[" in output
    assert "\x1b[1;4;97;41m" in output or "\x1b[1;4;37;41m" in output  # bold underline white on red


def test_ok_view_and_full_mode_row(tokenizers):
    report = verify(ChatCollator(tokenizers["gemma"], train="full"), tokenizers["gemma"])
    output = text_of(report)
    assert "✓ labels match the chat template (full)" in output
    assert "– n/a" in output


def test_json_round_trip(tokenizers):
    import json

    report = verify(ChatCollator(tokenizers["phi3"]), tokenizers["phi3"])
    data = json.loads(to_json(report))
    assert data["ok"] is True and data["method"] == "prefix"
    assert data["examples"][2]["tokens"]  # non-ASCII example survives ensure_ascii=False


def test_without_colour_trained_runs_are_marked(tokenizers):
    report = verify(ChatCollator(tokenizers["llama3"]), tokenizers["llama3"], max_examples=1)
    output = text_of(report)
    assert "«trained»" in output  # legend
    assert "«The␣capital␣of␣France␣is␣Paris.<|eot_id|>»" in output
    assert "«" not in text_of(report, color=True).split("legend")[1].split("\n", 1)[1]  # colour says it instead
