"""Trained labels whose target is padding: the off-by-one length mask, and labels copied from padded ids."""

from __future__ import annotations

from pipelines import labels_copy_batch, length_masked_batch

from chatlint.labels import verify
from chatlint.labels.batch import Row, labels_on_padding, remove_padding


def test_off_by_one_length_mask_trains_the_pad_after_the_last_token(tokenizers, family):
    tokenizer = tokenizers[family]
    report = verify(length_masked_batch, tokenizer)
    assert report.checks_failed() == ["padding-trained"], [p.message for p in report.problems]
    problem = report.problems[0]
    assert "after the last real token" in problem.message
    example = report.examples[problem.example]
    assert problem.positions == [len(example.input_ids) - 1]
    assert all(e.labels_shifted for e in report.examples)


def test_length_mask_without_the_off_by_one_passes(tokenizers, family):
    tokenizer = tokenizers[family]
    report = verify(length_masked_batch, tokenizer, args={"off_by_one": False})
    assert report.ok, [p.message for p in report.problems]


def test_labels_copied_from_padded_ids_train_the_padding(tokenizers):
    tokenizer = tokenizers["chatml"]
    report = verify(labels_copy_batch, tokenizer, mode="full")
    assert report.checks_failed() == ["padding-trained"], [p.message for p in report.problems]
    assert "<|endoftext|>" in report.problems[0].message


def test_labels_on_padding_by_reading():
    ids = [5, 6, 7, 0, 0]
    shifted_row = Row(ids, [6, 7, 0, -100], None)  # labels[2] predicts the pad after 7
    unpadded = remove_padding(shifted_row, pad_token_id=0)
    assert labels_on_padding(shifted_row, unpadded, shifted=True) == [2]
    plain = Row(ids, [-100, 6, 7, 0, -100], None)  # labels[3] is the pad itself
    assert labels_on_padding(plain, remove_padding(plain, pad_token_id=0), shifted=False) == [3]
    clean = Row(ids, [-100, 6, 7, -100, -100], None)
    assert labels_on_padding(clean, remove_padding(clean, pad_token_id=0), shifted=False) == []
