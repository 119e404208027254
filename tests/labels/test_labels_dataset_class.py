"""Dataset classes as targets: built from the samples with nested arguments, items read, collate_fn run."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pipelines import ProcessedChatDataset, PromptLengthDataset

from chatlint.labels import LabelsError, verify
from chatlint.labels.command import labels
from chatlint.labels.dataset_class import is_dataset_class
from chatlint.labels.targets import nest, parse_arg

PIPELINES = Path(__file__).resolve().parent / "pipelines.py"


def test_nested_arguments_build_namespaces():
    args = nest(dict([parse_arg("strategy.args.max_len=512"), parse_arg("strategy.args.key='m'"), ("x", 1)]))
    assert args["strategy"].args.max_len == 512 and args["strategy"].args.key == "m" and args["x"] == 1
    with pytest.raises(LabelsError, match="a value and nested values"):
        nest({"a": 1, "a.b": 2})


def test_dataset_class_is_told_from_a_collator():
    assert is_dataset_class(PromptLengthDataset) and is_dataset_class(ProcessedChatDataset)
    from collators import ChatCollator

    assert not is_dataset_class(ChatCollator)


@pytest.mark.parametrize("bug, failed", [(None, []), ("no-generation-prompt", ["prompt-trained"])])
def test_dataset_with_collate_fn_and_a_strategy(tokenizers, family, bug, failed):
    pytest.importorskip("torch")
    args = {"max_length": 4096, "strategy.args.input_key": "messages", "strategy.args.bug": bug}
    report = verify(PromptLengthDataset, tokenizers[family], args=args)
    assert report.target_kind == "dataset-class"
    if family == "mistral":  # its template writes no assistant header, so there is none to train by mistake
        failed = []
    assert report.checks_failed() == failed, [p.message for p in report.problems]
    assert any("items collated with its collate_fn" in note for note in report.notes)
    assert any("item 0 as prompt_ids_len" in note for note in report.notes)


def test_dataset_that_drops_samples_says_so(tokenizers):
    pytest.importorskip("torch")

    class Dropping(PromptLengthDataset):
        def __len__(self):
            return 1

    with pytest.raises(LabelsError, match="holds 1 items for 4 samples"):
        verify(Dropping, tokenizers["chatml"], args={"max_length": 4096, "strategy.args.input_key": "messages"})


def test_dataset_without_collate_fn_items_processed(tokenizers):
    report = verify(ProcessedChatDataset, tokenizers["llama3"])
    assert report.ok, [p.message for p in report.problems]
    assert any("process method" in note and "no collate_fn" in note for note in report.notes)


def test_dataset_class_from_the_command_line(tokenizer_dirs):
    pytest.importorskip("torch")
    result = CliRunner().invoke(
        labels,
        [
            f"{PIPELINES}:PromptLengthDataset",
            "--tokenizer",
            str(tokenizer_dirs["gemma"]),
            "--arg",
            "max_length=4096",
            "--arg",
            "strategy.args.bug=no-generation-prompt",
        ],
    )
    assert result.exit_code == 1, result.output
    assert "prompt-trained" in result.output
