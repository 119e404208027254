"""Known misses of the rules, kept as strict xfails: when the rule learns the case, the test XPASSes and fails, and
the case moves to the rule's `rules/<CODE>/flag_*.py` examples (and its documented Example may use it again)."""

from __future__ import annotations

import pytest

from chatlint.engine import check_text
from chatlint.rules import RULES_BY_CODE

# The most common by-value mask, and the one CL004's `what_it_does` names first. `_value_mask` in
# chatlint/facts/padding.py hands `target.slice` (a Python tuple of `SubscriptElement`s) to `_pad_comparison`, which
# only descends into CST nodes, so `labels[labels == pad_id] = -100` is never recognised as a mask.
SUBSCRIPT_MASK = """\
tokenizer.pad_token = tokenizer.eos_token


def collate(batch):
    encoded = tokenizer(batch["text"], padding=True, return_tensors="pt")
    labels = encoded["input_ids"].clone()
    labels[labels == tokenizer.pad_token_id] = -100
    encoded["labels"] = labels
    return encoded
"""


@pytest.mark.xfail(strict=True, reason="CL004 does not recognise `labels[labels == pad_id] = -100`")
def test_cl004_flags_a_subscript_assignment_mask() -> None:
    result = check_text("collate.py", SUBSCRIPT_MASK, [RULES_BY_CODE["CL004"]()])
    assert not result.errors, result.errors
    assert [(finding.line, finding.code) for finding in result.findings] == [(1, "CL004")]
