"""Collators that want token ids: the samples are rendered and tokenized first, as a trainer does."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pipelines import AssistantMaskCollator, PadIdCollator, ResponseTemplateCollator

from chatlint.labels import LabelsError, verify
from chatlint.labels.command import labels

PIPELINES = Path(__file__).resolve().parent / "pipelines.py"
TOKENIZED = "the target wants token ids"


@pytest.mark.parametrize("family, failed", [("chatml", []), ("llama3", []), ("mistral", ["end-of-turn-not-trained"])])
def test_transformers_language_modeling_collator(tokenizers, family, failed):
    pytest.importorskip("torch")
    from transformers import DataCollatorForLanguageModeling

    report = verify(DataCollatorForLanguageModeling, tokenizers[family], args={"mlm": False})
    assert report.checks_failed() == failed, [p.message for p in report.problems]
    assert report.mode == "full"
    assert any(note.startswith(TOKENIZED) for note in report.notes)


def test_a_collator_that_takes_the_pad_id_gets_it_from_the_tokenizer(tokenizers):
    report = verify(PadIdCollator, tokenizers["mistral"])  # pad == eos: every end of turn masked
    assert report.checks_failed() == ["end-of-turn-not-trained"]
    assert verify(PadIdCollator, tokenizers["chatml"]).ok


def test_response_template_collator_trains_later_user_turns(tokenizers):
    tokenizer = tokenizers["chatml"]
    report = verify(ResponseTemplateCollator, tokenizer, args={"response_template": "<|im_start|>assistant\n"})
    assert report.checks_failed() == ["prompt-trained"]
    assert {report.examples[p.example].name for p in report.problems} == {"multi-turn"}


def test_assistant_masks_supplied_when_the_collator_asks(tokenizers, family):
    report = verify(AssistantMaskCollator, tokenizers[family])
    assert report.ok, [p.message for p in report.problems]
    assert any("with assistant_masks" in note for note in report.notes)


def test_failure_with_conversations_and_ids_says_both(tokenizers):
    def broken(examples, tokenizer):
        raise RuntimeError("nothing works")

    with pytest.raises(LabelsError, match="nothing works.*tokenized first.*nothing works"):
        verify(broken, tokenizers["chatml"])


def test_cli_arg_names_a_tokenizer_attribute(tokenizer_dirs):
    result = CliRunner().invoke(
        labels,
        [
            f"{PIPELINES}:PadIdCollator",
            "--tokenizer",
            str(tokenizer_dirs["mistral"]),
            "--arg",
            "pad_token_id=tokenizer.unk_token_id",
            "--output-format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output  # the EOS is not the pad any more, so it stays trained
    bad = CliRunner().invoke(
        labels,
        [
            f"{PIPELINES}:PadIdCollator",
            "--tokenizer",
            str(tokenizer_dirs["mistral"]),
            "--arg",
            "pad_token_id=tokenizer.nope",
        ],
    )
    assert bad.exit_code == 2 and "no attribute 'nope'" in bad.output
