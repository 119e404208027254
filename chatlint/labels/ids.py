"""Samples as token ids, for collators that want ids rather than conversations.

A trainer tokenizes a chat dataset before its collator sees it: the conversation rendered with the chat
template, then tokenized without special tokens (the template already wrote them), with the fields the
collator asks for (``assistant_masks``: 1 on every assistant reply and its end of turn; ``completion_mask``: 1
from the last reply on). The masks come from the template's own reference, so they are what the template says.
"""

from __future__ import annotations

from typing import Any

from chatlint.labels.reference import Reference
from chatlint.labels.tokenizer import as_id_list

ASKED_FIELDS = ("assistant_masks", "completion_mask")


def asked_field(raised: BaseException | None) -> str | None:
    """The field a collator looked up and did not find (``KeyError('assistant_masks')``), when it is one we
    can supply."""
    if isinstance(raised, KeyError) and raised.args and raised.args[0] in ASKED_FIELDS:
        return str(raised.args[0])
    return None


def tokenized_records(tokenizer: Any, references: list[Reference], fields: list[str]) -> list[dict[str, Any]]:
    records = []
    for reference in references:
        ids = as_id_list(tokenizer(reference.text, add_special_tokens=False)["input_ids"])
        record: dict[str, Any] = {"input_ids": ids, "attention_mask": [1] * len(ids)}
        same = ids == reference.ids  # the reference's positions index these ids
        if "assistant_masks" in fields:
            trained = {p for reply in reference.replies for p in reply.positions} if same else set()
            record["assistant_masks"] = [int(p in trained) for p in range(len(ids))]
        if "completion_mask" in fields:
            start = min(reference.replies[-1].positions) if same and reference.replies else len(ids)
            record["completion_mask"] = [int(p >= start) for p in range(len(ids))]
        records.append(record)
    return records
