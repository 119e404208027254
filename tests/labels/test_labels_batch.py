"""Collator outputs: Python lists, NumPy arrays, torch tensors; left/right padding; shifted labels; and the
transformers 4.x / 5.x return types of apply_chat_template."""

from __future__ import annotations

import pytest
from collators import ChatCollator

from chatlint.labels import verify
from chatlint.labels.batch import Row, labels_are_shifted, rank, remove_padding, trained_mask
from chatlint.labels.tokenizer import as_id_list, template_ids


@pytest.mark.parametrize("return_type", ["list", "numpy", "torch"])
@pytest.mark.parametrize("padding_side", ["left", "right"])
@pytest.mark.parametrize("shift_labels", [False, True])
def test_output_types_padding_and_shift(tokenizers, return_type, padding_side, shift_labels):
    if return_type == "torch":
        pytest.importorskip("torch")
    if return_type == "numpy":
        pytest.importorskip("numpy")
    tokenizer = tokenizers["llama3"]
    good = ChatCollator(tokenizer, padding_side=padding_side, return_type=return_type, shift_labels=shift_labels)
    # labels shifted by the collator are right only for a loss of the pipeline's own (a model's loss shifts again)
    loss_shift = "pipeline" if shift_labels else "model"
    report = verify(good, tokenizer, loss_shift=loss_shift)
    assert report.ok, [p.message for p in report.problems]
    assert {e.padding for e in report.examples} - {"none"} == {padding_side}
    assert all(e.labels_shifted is shift_labels for e in report.examples)
    assert any(("already shifted" if shift_labels else "not shifted") in note for note in report.notes)
    bad = ChatCollator(
        tokenizer, bug="stray", padding_side=padding_side, return_type=return_type, shift_labels=shift_labels
    )
    assert verify(bad, tokenizer, loss_shift=loss_shift).checks_failed() == ["stray-generation-prompt"]


def test_torch_tensor_output_of_the_end_of_turn_bug(tokenizers):
    pytest.importorskip("torch")
    tokenizer = tokenizers["gemma"]
    report = verify(ChatCollator(tokenizer, bug="content-only", return_type="torch"), tokenizer)
    assert report.checks_failed() == ["end-of-turn-not-trained"]
    assert all(t == "<end_of_turn>" for p in report.problems for t in p.tokens)


def test_padding_removed_by_attention_mask():
    row = Row([0, 0, 5, 6, 7], [-100, -100, -100, 6, 7], [0, 0, 1, 1, 1])
    unpadded = remove_padding(row, pad_token_id=0)
    assert unpadded.input_ids == [5, 6, 7] and unpadded.labels == [-100, 6, 7] and unpadded.padding == "left"


def test_padding_removed_without_mask_keeps_a_real_eos_that_is_also_pad():
    # pad == eos == 2; the template itself ends with one eos
    row = Row([5, 6, 2, 2, 2], [-100, 6, 2, -100, -100], None)
    unpadded = remove_padding(row, pad_token_id=2, ends_with_pads=1)
    assert unpadded.input_ids == [5, 6, 2] and unpadded.padding == "right"


def test_length_mismatch_is_reported():
    unpadded = remove_padding(Row([5, 6, 7], [5, 6, 7, 8, 9], None), pad_token_id=None)
    assert unpadded.length_problem and "5 entries" in unpadded.length_problem


def test_shift_detection_and_misaligned_labels():
    ids = [1, 2, 3, 4]
    plain = remove_padding(Row(ids, [-100, 2, 3, 4], None), None)
    shifted = remove_padding(Row(ids, [2, 3, 4, -100], None), None)
    assert labels_are_shifted([plain]) is False
    assert labels_are_shifted([shifted]) is True
    assert trained_mask(ids, [2, 3, 4, -100], shifted=True).trained == [False, True, True, True]
    off_by_two = trained_mask(ids, [3, 4, -100, -100], shifted=False)
    assert off_by_two.misaligned == [0, 1]


def test_labels_one_shorter_are_read_as_shifted():
    row = remove_padding(Row([1, 2, 3], [2, 3], None), None)
    assert row.length_problem is None
    assert labels_are_shifted([row]) is True


def test_rank_of_lists_and_arrays():
    numpy = pytest.importorskip("numpy")
    assert rank([[1, 2]]) == 2 and rank([1]) == 1 and rank(numpy.zeros((2, 3))) == 2


class FakeBatchEncoding(dict):
    """What apply_chat_template(tokenize=True) returns on transformers 5 by default."""


@pytest.mark.parametrize(
    "returned",
    [
        [1, 2, 3],  # transformers 4.x, return_dict=False on 5.x
        FakeBatchEncoding(input_ids=[1, 2, 3], attention_mask=[1, 1, 1]),  # 5.x default
        FakeBatchEncoding(input_ids=[[1, 2, 3]], attention_mask=[[1, 1, 1]]),  # 5.x, batched
        [[1, 2, 3]],
    ],
)
def test_as_id_list_accepts_both_major_versions(returned):
    assert as_id_list(returned) == [1, 2, 3]


def test_as_id_list_of_tensors():
    torch = pytest.importorskip("torch")
    assert as_id_list(torch.tensor([[4, 5]])) == [4, 5]
    assert as_id_list({"input_ids": torch.tensor([4, 5])}) == [4, 5]


class VersionedTokenizer:
    """apply_chat_template as on 4.x (a list) or as on 5.x (a BatchEncoding unless return_dict=False)."""

    def __init__(self, major: int, honours_return_dict: bool = True):
        self.major, self.honours_return_dict = major, honours_return_dict
        self.calls = []

    def apply_chat_template(self, messages, tokenize=True, return_dict=None, **kwargs):
        self.calls.append(return_dict)
        if self.major >= 5 and not (return_dict is False and self.honours_return_dict):
            return FakeBatchEncoding(input_ids=[7, 8], attention_mask=[1, 1])
        return [7, 8]


@pytest.mark.parametrize("major", [4, 5])
@pytest.mark.parametrize("honours_return_dict", [True, False])
def test_template_ids_on_4x_and_5x(major, honours_return_dict):
    tokenizer = VersionedTokenizer(major, honours_return_dict)
    assert template_ids(tokenizer, [{"role": "user", "content": "hi"}]) == [7, 8]
    assert tokenizer.calls == [False]  # asks for a plain list


def test_real_apply_chat_template_default_type_matches_installed_major(tokenizers):
    """Document the difference the code guards against, on the installed transformers."""
    import transformers

    tokenizer = tokenizers["chatml"]
    messages = [{"role": "user", "content": "hi"}]
    default = tokenizer.apply_chat_template(messages)
    if int(transformers.__version__.split(".")[0]) >= 5:
        assert hasattr(default, "keys") and len(default) == 2
    else:
        assert isinstance(default, list)
    assert template_ids(tokenizer, messages) == as_id_list(default)


def test_padding_removed_without_mask_keeps_a_real_bos_that_is_also_pad():
    # pad == bos == 0, left padding, no attention mask; the template starts with one bos
    row = Row([0, 0, 0, 5, 6], [-100, -100, -100, -100, 6], None)
    unpadded = remove_padding(row, pad_token_id=0, starts_with_pads=1)
    assert unpadded.input_ids == [0, 5, 6] and unpadded.padding == "left"


def test_collator_that_pops_keys_gets_fresh_examples(tokenizers):
    tokenizer = tokenizers["chatml"]
    inner = ChatCollator(tokenizer)

    def destructive(examples, tokenizer):
        return inner([{"messages": example.pop("messages")} for example in examples])

    assert verify(destructive, tokenizer).ok
