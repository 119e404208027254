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

trl 1.16.0 (``release="1.16.0"``) differs: every render is asked for with ``return_dict=True``, the completion
starts where the tokenized prompt and prompt + completion diverge (``common_prefix_length``), the EOS goes to
``dataset_text_field``, the labels are built in the dataset and cut with them (``truncation_mode`` keep_start or
keep_end), and a row left with no trained label is dropped (reported here, since the check wants every row).

When trl is importable its own public pieces are used: ``trl.data_utils.is_conversational``,
``maybe_convert_to_chatml`` (and ``common_prefix_length`` in 1.16), and the collator
``trl.trainer.sft_trainer.DataCollatorForLanguageModeling``; the installed release picks which of the two
preprocessings runs. A note says which release was mirrored and which of trl's pieces ran.
"""

from __future__ import annotations

import copy
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chatlint.labels.dataset_class import DatasetRun
from chatlint.labels.model import LabelsError

MIRRORED_RELEASE = "0.24.0"  # the default when trl is not installed
RELEASES = ("0.24.0", "1.16.0")  # the releases whose SFT preprocessing is mirrored
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
    "truncation_mode": "keep_start",  # trl 1.16 (0.24 keeps the start)
    "release": None,  # which release's preprocessing: the installed trl's, else 0.24.0
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
    trl_pieces = _trl_pieces(config["release"])
    newer = trl_pieces.release != "0.24.0"
    if config["truncation_mode"] != "keep_start" and not newer:
        raise LabelsError("trl:sft: truncation_mode is a setting of trl 1.x (release='1.16.0'); 0.24 keeps the start")
    records = copy.deepcopy(examples)
    if records and trl_pieces.is_conversational_from_value(records[0]):
        records = [trl_pieces.to_chatml(record) for record in records]
    conversational = bool(records) and trl_pieces.is_conversational(records[0])
    eos_token = config["eos_token"] or tokenizer.eos_token
    if not conversational:
        text_field = config["dataset_text_field"] if newer else "text"
        records = [_add_eos(record, eos_token, text_field) for record in records]
    rows = [_tokenize(record, tokenizer, config, trl_pieces) for record in records]
    completion_only_loss = config["completion_only_loss"]
    if completion_only_loss is None:
        completion_only_loss = bool(examples) and "prompt" in examples[0] and "completion" in examples[0]
    if newer:
        rows = [_with_labels(row, completion_only_loss) for row in rows]
    rows = _truncated(rows, config)
    pad_token_id = _pad_token_id(tokenizer, config)
    batch = trl_pieces.collate(rows, pad_token_id, completion_only_loss, config)
    return DatasetRun(batch, False, _note(trl_pieces, completion_only_loss, config))


def _with_labels(row: dict[str, Any], completion_only_loss: bool) -> dict[str, Any]:
    """trl 1.16's ``build_labels``: labels in the dataset, -100 where an applicable mask is 0."""
    if "labels" in row:
        return row
    masks = [row[key] for key in ("assistant_masks",) if key in row]
    if completion_only_loss and "completion_mask" in row:
        masks.append(row["completion_mask"])
    labels = [token if all(mask[i] for mask in masks) else IGNORE_INDEX for i, token in enumerate(row["input_ids"])]
    return {"input_ids": row["input_ids"], "labels": labels}


def _truncated(rows: list[dict[str, Any]], config: dict[str, Any]) -> list[dict[str, Any]]:
    length = config["max_length"]
    if length is None:
        return rows
    cut = slice(-length, None) if config["truncation_mode"] == "keep_end" else slice(None, length)
    rows = [{key: value[cut] for key, value in row.items()} for row in rows]
    for index, row in enumerate(rows):
        if "labels" in row and all(label == IGNORE_INDEX for label in row["labels"]):
            raise LabelsError(
                f"trl:sft: example {index} has no trained label left after truncation to max_length {length}, so "
                "trl drops it from the dataset; raise max_length (or check fewer, shorter examples)"
            )
    return rows


def _add_eos(record: dict[str, Any], eos_token: str, text_field: str) -> dict[str, Any]:
    if isinstance(record.get(text_field), str) and not record[text_field].endswith(eos_token):
        record[text_field] = record[text_field] + eos_token
    elif isinstance(record.get("completion"), str) and not record["completion"].endswith(eos_token):
        record["completion"] = record["completion"] + eos_token
    return record


def _tokenize(record: dict[str, Any], tokenizer: Any, config: dict[str, Any], trl_pieces: TrlPieces) -> dict[str, Any]:
    """What trl 0.24's nested ``tokenize_fn`` returns for one record."""
    if "input_ids" in record:  # already tokenized: SFTTrainer keeps it as it is
        return {key: list(record[key]) for key in ("input_ids", "completion_mask", "assistant_masks") if key in record}
    template_arguments = {"tools": record.get("tools"), **record.get("chat_template_kwargs", {})}
    newer = trl_pieces.release != "0.24.0"
    if newer and isinstance(template_arguments["tools"], str):
        template_arguments["tools"] = json.loads(template_arguments["tools"])
    assistant_only_loss = config["assistant_only_loss"]
    output: dict[str, Any] = {}
    if "prompt" in record:
        if trl_pieces.is_conversational(record):
            if newer:  # trl 1.16's _tokenize asks for a dict
                prompt_ids = tokenizer.apply_chat_template(
                    record["prompt"], tokenize=True, return_dict=True, add_generation_prompt=True, **template_arguments
                )["input_ids"]
            else:
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
        prompt_length = trl_pieces.common_prefix_length(list(prompt_ids), list(full_ids)) if newer else len(prompt_ids)
        output["completion_mask"] = [0] * prompt_length + [1] * (len(full_ids) - prompt_length)
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
        if newer:
            raise LabelsError(
                "trl:sft: assistant_only_loss=True with a chat template that has no {% generation %} block: trl "
                f"{trl_pieces.release} swaps in a training template of its own for templates it knows, which chatlint "
                "does not mirror; check with a template that has {% generation %} markers"
            )
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
        if key not in ("packing", "release") and (key != "truncation_mode" or trl_pieces.release != "0.24.0")
    )
    return f"trl:sft: the preprocessing of trl {trl_pieces.release}'s SFTTrainer (packing off), {trl_pieces.how}; {settings}"


@dataclass
class TrlPieces:
    """trl's public data helpers and collator: the installed release's, or written out from trl 0.24.0's."""

    is_conversational: Callable[[dict[str, Any]], bool]
    is_conversational_from_value: Callable[[dict[str, Any]], bool]
    to_chatml: Callable[[dict[str, Any]], dict[str, Any]]
    collate: Callable[[list[dict[str, Any]], int, bool, dict[str, Any]], Any]
    how: str
    release: str = MIRRORED_RELEASE  # whose preprocessing runs
    common_prefix_length: Callable[[list[int], list[int]], int] = lambda a, b: _common_prefix_length(a, b)


def _common_prefix_length(ids: list[int], other: list[int]) -> int:
    length = 0
    for token, other_token in zip(ids, other):
        if token != other_token:
            break
        length += 1
    return length


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
        labels = _with_labels(row, completion_only_loss)["labels"]
        padding = width - len(ids)
        batch["input_ids"].append(ids + [pad_token_id] * padding)
        batch["attention_mask"].append([1] * len(ids) + [0] * padding)
        batch["labels"].append(labels + [IGNORE_INDEX] * padding)
    return batch


def _mirror(release: str | None, why: str) -> TrlPieces:
    release = release or MIRRORED_RELEASE
    if release not in RELEASES:
        raise LabelsError(f"trl:sft: release {release!r} is not mirrored; one of {', '.join(RELEASES)}")
    return TrlPieces(_is_conversational, _is_conversational_from_value, _to_chatml, _collate, why, release)


def _trl_pieces(release: str | None = None) -> TrlPieces:
    """The installed trl's pieces when it is one of the mirrored shapes, else the mirror of ``release``."""
    try:
        import trl
        from trl import data_utils
        from trl.trainer.sft_trainer import DataCollatorForLanguageModeling
    except Exception:
        return _mirror(release, "trl is not installed: its data helpers and collator were mirrored")
    version = str(getattr(trl, "__version__", "?"))
    fields = inspect.signature(DataCollatorForLanguageModeling).parameters
    needed = ("is_conversational", "is_conversational_from_value", "maybe_convert_to_chatml")
    newer = hasattr(data_utils, "common_prefix_length")
    installed = RELEASES[1] if newer else RELEASES[0]
    if not all(hasattr(data_utils, name) for name in needed) or (not newer and "completion_only_loss" not in fields):
        return _mirror(release, f"trl {version} is installed but not in a shape mirrored here: mirrored")
    if release is not None and release != installed:
        return _mirror(release, f"trl {version} is installed, release {release} was asked for: mirrored")

    def collate(
        rows: list[dict[str, Any]], pad_token_id: int, completion_only_loss: bool, config: dict[str, Any]
    ) -> Any:
        options = {"pad_token_id": pad_token_id, "padding_free": config["padding_free"]}
        options["pad_to_multiple_of"] = config["pad_to_multiple_of"]
        if not newer:
            options["completion_only_loss"] = completion_only_loss
        return DataCollatorForLanguageModeling(**options)(rows)

    how = f"trl {version} is installed: its is_conversational, maybe_convert_to_chatml{', common_prefix_length' if newer else ''} and DataCollatorForLanguageModeling ran"
    if version.split(".")[:2] != installed.split(".")[:2]:
        how += f" (the tokenization is {installed}'s; {version}'s own may differ)"
    pieces = TrlPieces(
        data_utils.is_conversational,
        data_utils.is_conversational_from_value,
        data_utils.maybe_convert_to_chatml,
        collate,
        how,
        installed,
    )
    if newer:
        pieces.common_prefix_length = data_utils.common_prefix_length
    return pieces
