"""Output people can act on: warnings apart from failures, a missing end of turn apart from truncation, pass rows
that say what was checked, no wrapping off a terminal, where a collator raised, every template divergence."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from collators import IGNORE, ChatCollator, PromptCompletionCollator, ReplyTextCollator

from chatlint.labels import LabelsError, verify
from chatlint.labels.command import labels
from chatlint.labels.model import CHECKS, PASSED, Severity
from chatlint.labels.targets import build_target, probe
from chatlint.labels.view import render_text, token_row

pytest.importorskip("rich")
COLLATORS = Path(__file__).resolve().parent / "collators.py"


def run(*args: str):
    return CliRunner().invoke(labels, list(args), catch_exceptions=False)


def text_of(report, terminal_width=None):
    from rich.console import Console

    buffer = io.StringIO()
    if terminal_width:
        console = Console(file=buffer, width=terminal_width, force_terminal=True, color_system=None)
    else:
        console = Console(file=buffer, color_system=None)  # a file: 80 columns by default
    render_text(report, console)
    return buffer.getvalue()


# --- severity ----------------------------------------------------------------------------------------------------


def test_truncated_builtin_sample_warns_without_failing_the_run(tokenizer_dirs):
    target = f"{COLLATORS}:PromptCompletionCollator"
    tokenizer = str(tokenizer_dirs["llama3"])
    result = run(target, "--tokenizer", tokenizer, "--arg", "max_length=64")
    assert result.exit_code == 0, result.output
    assert "⚠ warn" in result.output and "✓ labels match the chat template" in result.output
    assert "the built-in conversation long-reply; this says something about max_length" in result.output
    data = json.loads(run(target, "--tokenizer", tokenizer, "--arg", "max_length=64", "--output-format", "json").output)
    assert data["ok"] is True and data["problems"] == []  # problems keeps its meaning: the failures
    [warning] = data["warnings"]
    assert warning["check"] == "reply-truncated" and warning["severity"] == "warning"
    assert data["examples"][warning["example"]]["builtin"] is True


def test_truncated_user_samples_warn_and_say_how_many(tokenizers, tmp_path):
    long = " ".join(["Gradient accumulation adds up the gradients of several batches."] * 12)
    records = [
        {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]},
        {"messages": [{"role": "user", "content": "Explain."}, {"role": "assistant", "content": long}]},
        {"messages": [{"role": "user", "content": "Again."}, {"role": "assistant", "content": long}]},
    ]
    sample = tmp_path / "mine.jsonl"
    sample.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    tokenizer = tokenizers["chatml"]
    report = verify(PromptCompletionCollator(tokenizer, max_length=40), tokenizer, sample=sample)
    assert report.ok and [p.example for p in report.warnings] == [1, 2]
    assert "truncation cut 2 of your 3 conversations; raise max_length" in text_of(report)


def test_a_failure_still_fails_next_to_a_warning(tokenizers):
    tokenizer = tokenizers["llama3"]
    report = verify(PromptCompletionCollator(tokenizer, generation_prompt_on_full=True, max_length=64), tokenizer)
    assert not report.ok
    assert report.checks_failed() == ["stray-generation-prompt"] and report.checks_warned() == ["reply-truncated"]
    assert all(p.severity is Severity.FAILURE for p in report.failures)


# --- missing end of turn ---------------------------------------------------------------------------------------


def test_reply_text_without_end_of_turn_is_its_own_failure(tokenizer_dirs, family):
    """Like trl 0.11's ChatML collator: prompt + the reply's text, no end-of-turn, far below max_length."""
    result = run(
        f"{COLLATORS}:ReplyTextCollator", "--tokenizer", str(tokenizer_dirs[family]), "--output-format", "json"
    )
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    # (with Mistral the reply, tokenized apart from its leading space, also differs from the template: a real
    # template-mismatch of such collators)
    assert {p["check"] for p in data["problems"]} - {"template-mismatch"} == {"missing-end-of-turn"}
    assert data["warnings"] == []  # not truncation
    short = data["examples"][0]
    assert len(short["input_ids"]) < 60
    assert any(p["example"] == 0 for p in data["problems"])


def test_a_row_cut_at_max_length_just_before_the_end_of_turn_is_truncation(tokenizers):
    tokenizer = tokenizers["llama3"]
    full = ChatCollator(tokenizer).encode(
        [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello there!"}]
    )[0]
    sample = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello there!"}]
    from chatlint.labels.samples import Sample

    # max_length one short of the render: only <|eot_id|> is cut, by truncation
    report = verify(
        ChatCollator(tokenizer, max_length=len(full) - 1), tokenizer, sample=[Sample("s", {"messages": sample}, sample)]
    )
    assert report.ok and report.checks_warned() == ["reply-truncated"], [p.message for p in report.problems]
    # the same row from a collator without max_length is a missing end of turn
    report = verify(ReplyTextCollator(tokenizer), tokenizer, sample=[Sample("s", {"messages": sample}, sample)])
    assert report.checks_failed() == ["missing-end-of-turn"]


# --- the view ----------------------------------------------------------------------------------------------------


def test_pass_rows_say_what_was_checked(tokenizers):
    report = verify(ChatCollator(tokenizers["gemma"]), tokenizers["gemma"])
    output = text_of(report)
    for check in CHECKS:
        # a check that cannot run here (no generation config, no assistant mask) says why instead
        assert (report.not_checked.get(check) or PASSED[check]) in output
        assert CHECKS[check] not in output  # the failure's description is not printed beside a pass
    assert set(report.not_checked) == {"end-of-turn-not-generation-eos", "empty-assistant-mask"}


def test_no_wrapping_off_a_terminal(tokenizers):
    tokenizer = tokenizers["llama3"]
    report = verify(ChatCollator(tokenizer, max_length=4096), tokenizer)
    lines = text_of(report).splitlines()
    sentence = "Point␣1:␣It␣lets␣a␣small␣machine␣train␣with␣the␣effective␣batch␣size␣of␣a␣large␣one."
    assert any(sentence in line for line in lines)  # one line, though longer than 80 columns
    assert any(len(line) > 120 for line in lines)


def test_on_a_terminal_lines_break_between_tokens(tokenizers):
    from chatlint.labels.view import visible

    tokenizer = tokenizers["llama3"]
    report = verify(ChatCollator(tokenizer), tokenizer)
    example = report.examples[0]  # short: nothing elided
    whole = token_row(example, [], {}).plain
    wrapped = token_row(example, [], {}, width=20).plain
    assert wrapped.count("\n") > whole.count("\n")
    assert wrapped.replace("\n", "") == whole.replace("\n", "")
    boundaries, offset = {0}, 0
    for token in example.tokens:
        offset += len(visible(token))
        boundaries.add(offset)
    position = 0
    for line in wrapped.split("\n"):
        assert position in boundaries, (position, line)  # every line starts with a whole token
        assert len(line) <= 20, line
        position += len(line)
    output = text_of(report, terminal_width=60)
    assert all(len(line) <= 60 for line in output.splitlines())


# --- where a collator raised -------------------------------------------------------------------------------------


RAISING = """
def helper(example):
    return example["text"]  # the sample has no "text"


class Raising:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        return [helper(example) for example in examples]
"""


def test_a_collator_that_raises_shows_where(tokenizer_dirs, tmp_path):
    target = tmp_path / "raising.py"
    target.write_text(textwrap.dedent(RAISING))
    result = run(f"{target}:Raising", "--tokenizer", str(tokenizer_dirs["chatml"]))
    assert result.exit_code == 2
    assert "raised KeyError: 'text'" in result.stderr
    assert f'File "{target}", line 3, in helper' in result.stderr
    assert 'return example["text"]' in result.stderr
    assert "--traceback shows all" in result.stderr and "Traceback (most recent call last)" not in result.stderr
    full = run(f"{target}:Raising", "--tokenizer", str(tokenizer_dirs["chatml"]), "--traceback")
    assert "Traceback (most recent call last)" in full.stderr and "chatlint/labels/verify.py" in full.stderr


# --- template-mismatch names every divergence --------------------------------------------------------------------


def edited(tokenizer, edits):
    """A per-example function that returns the template's ids with some edits, everything trained."""

    def tokenize(example):
        ids = tokenizer.apply_chat_template(example["messages"], tokenize=True, return_dict=False)
        ids = edits(list(ids))
        return {"input_ids": ids, "labels": list(ids)}

    return tokenize


def test_template_mismatch_names_each_divergence_with_its_tokens(tokenizers):
    tokenizer = tokenizers["chatml"]
    extra = tokenizer.convert_tokens_to_ids("<|im_start|>")

    def edits(ids):
        ids[20:20] = [extra]  # added
        del ids[10]  # dropped
        return ids

    report = verify(edited(tokenizer, edits), tokenizer, mode="full", max_examples=1)
    [problem] = [p for p in report.problems if p.check == "template-mismatch"]
    assert "in 2 places" in problem.message
    assert "at token 10 the collator dropped `" in problem.message
    assert "the collator added `<|im_start|>` (1 token)" in problem.message


def test_template_mismatch_counts_what_it_does_not_name(tokenizers):
    tokenizer = tokenizers["chatml"]
    extra = tokenizer.convert_tokens_to_ids("<|im_start|>")

    def edits(ids):
        for position in (35, 30, 25, 20, 15, 10, 5):
            ids[position:position] = [extra]
        return ids

    report = verify(edited(tokenizer, edits), tokenizer, mode="full", max_examples=1)
    [problem] = [p for p in report.problems if p.check == "template-mismatch"]
    assert "in 7 places" in problem.message and problem.message.endswith("; and 2 more")
    assert problem.message.count("added") == 5


# --- wording of load errors (issue 15) ---------------------------------------------------------------------------


class Base:
    def __init__(self, tokenizer, mlm=True):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        return examples


class NeedsTemplate(Base):
    """Like trl's DataCollatorForCompletionOnlyLM: its own first parameter, the tokenizer through **kwargs."""

    def __init__(self, response_template, *args, mlm=False, **kwargs):
        super().__init__(*args, mlm=mlm, **kwargs)
        self.response_template = response_template


def test_building_a_class_shows_the_most_relevant_attempt(tokenizers):
    with pytest.raises(LabelsError) as caught:
        build_target(NeedsTemplate, tokenizers["chatml"], {}, "spec")
    message = str(caught.value)
    assert "with the tokenizer as tokenizer= it raised TypeError" in message
    assert "'response_template'" in message and "'tokenizer'" not in message
    assert "also tried: processing_class=, first argument" in message
    # given what it lacks, it is built
    assert build_target(NeedsTemplate, tokenizers["chatml"], {"response_template": "x"}, "spec").kind


def test_probe_failures_read_well(tokenizers):
    def broken(example):
        raise ValueError("no")

    target = build_target(broken, tokenizers["chatml"], {}, "spec")
    with pytest.raises(LabelsError) as caught:
        probe(target, [{"messages": []}], "spec")
    assert "as an example function: ValueError: no" in str(caught.value)
    assert "as a batch function" in str(caught.value) and "as a example" not in str(caught.value)
    assert isinstance(caught.value.raised, ValueError)


def test_labels_are_ignored_value_is_the_collators():
    assert IGNORE == -100
