"""Built-in target ``trl:sft``: the rows trl's ``SFTTrainer`` trains on, from the user's records (packing off).

``SFTTrainer`` tokenizes inside a function nested in ``_prepare_dataset``, which nothing outside can call. This
module makes the same calls as that function in trl 0.24.0 (``MIRRORED_RELEASE``), on the same kinds of records:

- ShareGPT ``conversations`` (``from`` / ``value``) are renamed to ChatML keys (roles are kept as they are);
- a record that is not conversational gets the EOS token appended to its ``text`` or ``completion``;
- conversational prompt/completion: the prompt is tokenized with ``apply_chat_template(prompt, tokenize=True,
  add_generation_prompt=True)``, prompt + completion with ``return_dict=True``; ``completion_mask`` is 0 for the
  first ``len(prompt_ids)`` tokens (trl 0.24 counts the prompt this way, whatever the installed transformers
  returns); plain-text prompt/completion: ``tokenizer(text=...)`` of the prompt and of prompt + completion;
- conversational ``messages``: ``apply_chat_template(messages, return_dict=True, tokenize=True,
  return_assistant_tokens_mask=assistant_only_loss)``; plain text: ``tokenizer(text=record[dataset_text_field])``;
- rows are cut to ``max_length`` (the start is kept); then the trainer's collator builds the labels: the ids,
  -100 where ``completion_mask`` is 0 (when ``completion_only_loss``, which defaults to "the records are
  prompt/completion") and where ``assistant_masks`` is 0.

When trl is importable its own public pieces are used: ``trl.data_utils.is_conversational`` and
``maybe_convert_to_chatml``, and the collator ``trl.trainer.sft_trainer.DataCollatorForLanguageModeling``. A
note says which release was mirrored and which of trl's pieces ran.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chatlint.labels.dataset_class import DatasetRun
from chatlint.labels.model import LabelsError

MIRRORED_RELEASE = "0.24.0"
IGNORE_INDEX = -100

# SFTConfig's fields that change the rows, with trl 0.24's defaults
SETTINGS: dict[str, Any] = {
    "assistant_only_loss": False,
    "completion_only_loss": None,
    "max_length": 1024,
    "dataset_text_field": "text",
    "packing": False,
    "padding_free": False,
    "pad_token": None,
    "eos_token": None,
    "pad_to_multiple_of": None,
}
CONVERSATIONAL_KEYS = ("prompt", "chosen", "rejected", "completion", "messages")
CHATML_KEYS = ("prompt", "completion", "chosen", "rejected", "messages", "conversations")


def sft(examples: list[dict[str, Any]], tokenizer: Any, **settings: Any) -> DatasetRun:
    """The batch SFTTrainer's collator makes from ``examples`` after its preprocessing, with ``settings`` as
    SFTConfig values (``assistant_only_loss``, ``completion_only_loss``, ``max_length``, ...)."""
    config = {**SETTINGS, **settings}
    if config["packing"]:
        raise LabelsError(
            "trl:sft: packing=True joins rows into one sequence, and chatlint labels checks one row per "
            "conversation: check with packing=False (the labels of each row are the same)"
        )
    trl_pieces = _trl_pieces()
    records = copy.deepcopy(examples)
    if records and trl_pieces.is_conversational_from_value(records[0]):
        records = [trl_pieces.to_chatml(record) for record in records]
    conversational = bool(records) and trl_pieces.is_conversational(records[0])
    eos_token = config["eos_token"] or tokenizer.eos_token
    if not conversational:
        records = [_add_eos(record, eos_token) for record in records]
    rows = [_tokenize(record, tokenizer, config, trl_pieces) for record in records]
    if config["max_length"] is not None:
        rows = [{key: value[: config["max_length"]] for key, value in row.items()} for row in rows]
    completion_only_loss = config["completion_only_loss"]
    if completion_only_loss is None:
        completion_only_loss = bool(examples) and "prompt" in examples[0] and "completion" in examples[0]
    pad_token_id = _pad_token_id(tokenizer, config)
    batch = trl_pieces.collate(rows, pad_token_id, completion_only_loss, config)
    return DatasetRun(batch, False, _note(trl_pieces, completion_only_loss, config))


def _add_eos(record: dict[str, Any], eos_token: str) -> dict[str, Any]:
    if isinstance(record.get("text"), str) and not record["text"].endswith(eos_token):
        record["text"] = record["text"] + eos_token
    elif isinstance(record.get("completion"), str) and not record["completion"].endswith(eos_token):
        record["completion"] = record["completion"] + eos_token
    return record


def _tokenize(record: dict[str, Any], tokenizer: Any, config: dict[str, Any], trl_pieces: TrlPieces) -> dict[str, Any]:
    """What trl 0.24's nested ``tokenize_fn`` returns for one record."""
    if "input_ids" in record:  # already tokenized: SFTTrainer keeps it as it is
        return {key: list(record[key]) for key in ("input_ids", "completion_mask", "assistant_masks") if key in record}
    template_arguments = {"tools": record.get("tools"), **record.get("chat_template_kwargs", {})}
    assistant_only_loss = config["assistant_only_loss"]
    output: dict[str, Any] = {}
    if "prompt" in record:
        if trl_pieces.is_conversational(record):
            prompt_ids = tokenizer.apply_chat_template(
                record["prompt"], tokenize=True, add_generation_prompt=True, **template_arguments
            )
            prompt_ids = prompt_ids[0] if isinstance(prompt_ids[0], list) else prompt_ids
            processed = _unbatched(
                tokenizer.apply_chat_template(
                    record["prompt"] + record["completion"],
                    return_dict=True,
                    tokenize=True,
                    return_assistant_tokens_mask=assistant_only_loss,
                    **template_arguments,
                )
            )
            full_ids = processed["input_ids"]
            if "assistant_masks" in processed:
                output["assistant_masks"] = processed["assistant_masks"]
        else:
            prompt_ids = tokenizer(text=record["prompt"])["input_ids"]
            full_ids = tokenizer(text=record["prompt"] + record["completion"])["input_ids"]
        output["input_ids"] = list(full_ids)
        output["completion_mask"] = [0] * len(prompt_ids) + [1] * (len(full_ids) - len(prompt_ids))
    elif trl_pieces.is_conversational(record):
        processed = _unbatched(
            tokenizer.apply_chat_template(
                record["messages"],
                return_dict=True,
                tokenize=True,
                return_assistant_tokens_mask=assistant_only_loss,
                **template_arguments,
            )
        )
        output = {key: list(processed[key]) for key in ("input_ids", "assistant_masks") if key in processed}
    else:
        output = {"input_ids": tokenizer(text=record[config["dataset_text_field"]])["input_ids"]}
    if "assistant_masks" in output and 1 not in output["assistant_masks"]:
        raise LabelsError(
            "trl:sft: with assistant_only_loss=True, SFTTrainer raises RuntimeError on this data: a conversation "
            "has no assistant tokens in the template's assistant mask (the chat template has no {% generation %} "
            "block), so SFTTrainer would not train at all"
        )
    return output


def _unbatched(processed: Any) -> dict[str, Any]:
    """trl's fix for processors that return a batch of one: ``v[0]`` when it is a list."""
    return {key: value[0] if isinstance(value[0], list) else value for key, value in processed.items()}


def _pad_token_id(tokenizer: Any, config: dict[str, Any]) -> int:
    pad_token = config["pad_token"] or tokenizer.pad_token or tokenizer.eos_token
    pad_token_id = tokenizer.convert_tokens_to_ids(pad_token)
    if pad_token_id is None:
        raise LabelsError(f"trl:sft: pad_token {pad_token!r} is not in the tokenizer's vocabulary")
    return int(pad_token_id)


def _note(trl_pieces: TrlPieces, completion_only_loss: bool, config: dict[str, Any]) -> str:
    settings = ", ".join(
        f"{key}={value!r}"
        for key, value in {**config, "completion_only_loss": completion_only_loss}.items()
        if key != "packing"
    )
    return (
        f"trl:sft: the preprocessing of trl {MIRRORED_RELEASE}'s SFTTrainer (packing off), {trl_pieces.how}; {settings}"
    )


@dataclass
class TrlPieces:
    """trl's public data helpers and collator: the installed release's, or written out from trl 0.24.0's."""

    is_conversational: Callable[[dict[str, Any]], bool]
    is_conversational_from_value: Callable[[dict[str, Any]], bool]
    to_chatml: Callable[[dict[str, Any]], dict[str, Any]]
    collate: Callable[[list[dict[str, Any]], int, bool, dict[str, Any]], Any]
    how: str


def _is_conversational(example: dict[str, Any]) -> bool:
    key = next((key for key in CONVERSATIONAL_KEYS if key in example), None)
    return _first_message_has(example.get(key) if key is not None else None, "role", "content")


def _is_conversational_from_value(example: dict[str, Any]) -> bool:
    return _first_message_has(example.get("conversations"), "from", "value")


def _first_message_has(value: Any, *keys: str) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict) and all(k in value[0] for k in keys)


def _to_chatml(example: dict[str, Any]) -> dict[str, Any]:
    for key in CHATML_KEYS:
        value = example.get(key)
        if not isinstance(value, list):
            continue
        for message in value:
            if isinstance(message, dict):
                if "from" in message:
                    message["role"] = message.pop("from")
                if "value" in message:
                    message["content"] = message.pop("value")
    if "conversations" in example:
        example["messages"] = example.pop("conversations")
    return example


def _collate(
    rows: list[dict[str, Any]], pad_token_id: int, completion_only_loss: bool, config: dict[str, Any]
) -> dict[str, Any]:
    """trl 0.24's DataCollatorForLanguageModeling: padded right, labels -100 where a mask is 0 and on padding."""
    if config["padding_free"]:
        raise LabelsError("trl:sft: padding_free=True is checked only with trl installed")
    width = max(len(row["input_ids"]) for row in rows)
    multiple = config["pad_to_multiple_of"]
    if multiple:
        width = -(-width // multiple) * multiple
    batch: dict[str, list[list[int]]] = {"input_ids": [], "attention_mask": [], "labels": []}
    for row in rows:
        ids = list(row["input_ids"])
        masks = [row[key] for key in ("assistant_masks",) if key in row]
        if completion_only_loss and "completion_mask" in row:
            masks.append(row["completion_mask"])
        labels = [token if all(mask[i] for mask in masks) else IGNORE_INDEX for i, token in enumerate(ids)]
        padding = width - len(ids)
        batch["input_ids"].append(ids + [pad_token_id] * padding)
        batch["attention_mask"].append([1] * len(ids) + [0] * padding)
        batch["labels"].append(labels + [IGNORE_INDEX] * padding)
    return batch


MIRROR = TrlPieces(
    _is_conversational,
    _is_conversational_from_value,
    _to_chatml,
    _collate,
    "trl is not installed: its data helpers and collator were mirrored",
)


def _trl_pieces() -> TrlPieces:
    """The installed trl's pieces when they have the shape trl 0.24's have, else the mirror."""
    try:
        import trl
        from trl import data_utils
        from trl.trainer.sft_trainer import DataCollatorForLanguageModeling
    except Exception:
        return MIRROR
    fields = inspect.signature(DataCollatorForLanguageModeling).parameters
    needed = ("is_conversational", "is_conversational_from_value", "maybe_convert_to_chatml")
    if "completion_only_loss" not in fields or not all(hasattr(data_utils, name) for name in needed):
        return MIRROR
    version = str(getattr(trl, "__version__", "?"))

    def collate(
        rows: list[dict[str, Any]], pad_token_id: int, completion_only_loss: bool, config: dict[str, Any]
    ) -> Any:
        collator = DataCollatorForLanguageModeling(
            pad_token_id=pad_token_id,
            completion_only_loss=completion_only_loss,
            padding_free=config["padding_free"],
            pad_to_multiple_of=config["pad_to_multiple_of"],
        )
        return collator(rows)

    how = f"trl {version} is installed: its is_conversational, maybe_convert_to_chatml and DataCollatorForLanguageModeling ran"
    if version.split(".")[:2] != MIRRORED_RELEASE.split(".")[:2]:
        how += f" (its SFTTrainer's own tokenization may differ from {MIRRORED_RELEASE}'s)"
    return TrlPieces(
        data_utils.is_conversational,
        data_utils.is_conversational_from_value,
        data_utils.maybe_convert_to_chatml,
        collate,
        how,
    )
