"""trl's `SFTTrainer` tokenizing a dataset's text column: the tokenization the code does not write.

Given a dataset of plain text (a string column, `dataset_text_field`, "text" unless set), every trl release
tokenizes it with the tokenizer's special tokens on: `processing_class(text=...)` in recent releases, and
`add_special_tokens=True` unless `dataset_kwargs={"add_special_tokens": False}` in the 0.x ones. When a `.map()` of
the module stored text rendered by a chat template in that column, each example gets a second BOS.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from chatlint.facts.column_names import column_name, option_defaults
from chatlint.facts.model import FunctionInfo, TextOrigin
from chatlint.facts.module import ModuleFacts
from chatlint.facts.rendered_text import RenderedTexts
from chatlint.facts.syntax import called_name, keyword, keyword_value, star_kwargs

TRL_DEFAULT_TEXT_FIELD = "text"


@dataclass(frozen=True)
class TrainerTokenization:
    call: ast.Call  # the `SFTTrainer(...)` call
    function: FunctionInfo
    column: str
    field_words: str  # where the column's name comes from, in words
    origin: TextOrigin  # the render the column holds


def sft_text_columns(facts: ModuleFacts) -> list[TrainerTokenization]:
    """The `SFTTrainer(...)` calls of the module whose text column holds text a `.map()` of the module rendered."""
    trainers = [(call, function) for call, function, _ in facts.calls if called_name(call) == "SFTTrainer"]
    if not trainers:
        return []
    configs = [call for call, _, _ in facts.calls if called_name(call) == "SFTConfig"]
    if any(_opts_out(config) for config in configs):
        return []
    columns = RenderedTexts(facts.functions, facts.template_calls, facts.flows, facts.links, facts.calls).columns
    if not columns:
        return []
    found = []
    for call, function in trainers:
        if _opts_out(call) or keyword(call, "formatting_func") is not None or keyword(call, "train_dataset") is None:
            continue
        field = _text_field(call, configs, function, facts)
        if field is None:
            continue
        origin = columns.get(field[0])
        if origin is not None:
            found.append(TrainerTokenization(call, function, field[0], field[1], origin))
    return found


def _opts_out(call: ast.Call) -> bool:
    """The call may change how the dataset is tokenized, or says so: `dataset_kwargs=...` (special tokens off, or
    no preparation at all) or a `**mapping` that may hold it."""
    return keyword(call, "dataset_kwargs") is not None or bool(star_kwargs(call))


def _text_field(
    trainer: ast.Call, configs: list[ast.Call], function: FunctionInfo, facts: ModuleFacts
) -> tuple[str, str] | None:
    """The column the trainer tokenizes and where its name comes from: `dataset_text_field=` on the trainer (trl
    0.x), else on the module's `SFTConfig(...)` (one name for all of them), else trl's default; None when unknown."""
    for call in (trainer, *configs):
        value = keyword_value(call, "dataset_text_field")
        if value is None:
            continue
        name = column_name(value, function, facts.links.constants, lambda: option_defaults(facts.module), {})
        where = "`SFTTrainer`" if call is trainer else "`SFTConfig`"
        if name is None or (call is not trainer and _fields_differ(configs, name.name, function, facts)):
            return None
        return name.name, f"its `dataset_text_field`, set by {where} at line {call.lineno}"
    return TRL_DEFAULT_TEXT_FIELD, "trl's default `dataset_text_field`"


def _fields_differ(configs: list[ast.Call], name: str, function: FunctionInfo, facts: ModuleFacts) -> bool:
    """Do the module's configurations name different text columns (or one that cannot be resolved)?"""
    for config in configs:
        value = keyword_value(config, "dataset_text_field")
        if value is None:
            other: str | None = TRL_DEFAULT_TEXT_FIELD
        else:
            resolved = column_name(value, function, facts.links.constants, lambda: option_defaults(facts.module), {})
            other = resolved.name if resolved is not None else None
        if other != name:
            return True
    return False
