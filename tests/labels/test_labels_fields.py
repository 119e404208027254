"""Outputs without a labels field: masks, prompt lengths, (offset, length) pairs, tuples and (B, 1, L) shapes."""

from __future__ import annotations

import pytest
from pipelines import completion_mask_batch, offset_length_batch, prompt_length_batch

from chatlint.labels import LabelsError, verify
from chatlint.labels.fields import read_fields


@pytest.mark.parametrize("field", ["completion_mask", "assistant_masks"])
def test_mask_fields_are_read_as_labels(tokenizers, family, field):
    tokenizer = tokenizers[family]
    report = verify(completion_mask_batch, tokenizer, args={"field": field})
    assert report.ok, [p.message for p in report.problems]
    assert any(f"labels built from {field}" in note for note in report.notes)


def test_mask_field_that_leaves_out_the_end_of_turn(tokenizers):
    report = verify(completion_mask_batch, tokenizers["llama3"], args={"bug": "no-eos"})
    assert report.checks_failed() == ["end-of-turn-not-trained"]


def test_offset_length_pairs_read_as_a_length_masked_loss_finds_the_trained_pad(tokenizers, family):
    pytest.importorskip("numpy")
    report = verify(offset_length_batch, tokenizers[family])
    assert report.checks_failed() == ["padding-trained"], [p.message for p in report.problems]
    assert any("tuple read by position: item 0 as input_ids, item 1 as lengths" in note for note in report.notes)
    assert any("labels built from lengths" in note for note in report.notes)


@pytest.mark.parametrize("padding_side, ok", [("right", True), ("left", False)])
def test_prompt_lengths_in_a_tuple_of_b1l_tensors(tokenizers, padding_side, ok):
    pytest.importorskip("torch")
    report = verify(prompt_length_batch, tokenizers["chatml"], args={"padding_side": padding_side})
    # left padding with "mask the first N positions" masks padding and trains the prompt: a real bug
    assert report.ok is ok, [p.message for p in report.problems]
    assert any("item 0 as prompt_ids_len, item 1 as input_ids, item 2 as attention_mask" in n for n in report.notes)
    if not ok:
        assert "prompt-trained" in report.checks_failed()


def test_a_rejected_shape_says_what_was_seen():
    with pytest.raises(LabelsError, match=r"input_ids has shape \(2, 3, 4\)"):
        read_fields({"input_ids": [[[1] * 4] * 3] * 2, "labels": [[1] * 4] * 2}, rows=True, spec="t")


def test_no_labels_and_nothing_to_build_them_from():
    with pytest.raises(LabelsError, match="nothing to build them from"):
        read_fields({"input_ids": [[1, 2]]}, rows=True, spec="t")


def test_per_example_dict_of_1l_rows_and_a_mask():
    read = read_fields({"input_ids": [[5, 6, 7]], "completion_mask": [[0, 1, 1]]}, rows=False, spec="t")
    assert read.fields["input_ids"] == [5, 6, 7] and read.fields["labels"] == [-100, 6, 7]


def test_batch_dict_of_b1l_arrays(tokenizers):
    numpy = pytest.importorskip("numpy")
    from collators import ChatCollator

    inner = ChatCollator(tokenizers["gemma"], bug="content-only")

    def b1l(examples, tokenizer):
        return {key: numpy.array(value)[:, None, :] for key, value in inner(examples).items()}

    report = verify(b1l, tokenizers["gemma"])
    assert report.checks_failed() == ["end-of-turn-not-trained"]


def test_per_example_tuple_of_ids_and_offset(tokenizers):
    from pipelines import offset_and_length

    def process(example, tokenizer):
        ids, offset, _ = offset_and_length(tokenizer, example["messages"])
        return ids, offset

    report = verify(process, tokenizers["phi3"])
    assert report.target_kind == "example-function" and report.ok, [p.message for p in report.problems]
    assert report.mode == "last-reply"
