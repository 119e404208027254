"""Prompts in dataset columns, measured across modules: a column holding a prompt rendered without the generation
prompt, whose token length masks the labels in a function the column's writer cannot see.

A render stage and a tokenize stage often live apart: `formatting.py` returns rows `{"prompt_text": render(conv[:-1]),
...}`, `tokenize.py` masks `labels[:len(tok(row["prompt_text"]).input_ids)]`, and `pipeline.py` maps one after the
other over the same dataset. Each module's summary says its half (`TextSummary.prompt_columns`, `MeasureSummary`);
this module joins them where they meet:
- in the module that masks, when the column's writer is another module's row function it maps itself;
- in the module that applies another module's measuring function (`ds.map(tokenize_pair)`, or a function that maps
  it over the dataset it is given: `add_token_columns(ds, tok)`) to a dataset whose column holds such a prompt.
"""

from __future__ import annotations

import ast
from typing import NamedTuple

from chatlint.facts.column_names import column_words
from chatlint.facts.datasets import mapped_function, partial_target
from chatlint.facts.masking import column_masks, origin_prompt_words
from chatlint.facts.model import FunctionInfo, Related, TemplateCall, TextOrigin
from chatlint.facts.module import ModuleFacts
from chatlint.facts.summary import MeasureSummary, ModuleSummary
from chatlint.facts.syntax import bound_argument


class MeasuredPrompt(NamedTuple):
    """A prompt column whose length masks labels: where it is reported, the column, the render in it, and how it
    masks (words)."""

    node: ast.AST  # the mask, or the call that applies another module's measuring function
    function: FunctionInfo
    column: str
    origin: TextOrigin
    evidence: str  # the prompt's shape in words
    masks: str  # "masks the labels at `...`", "`f` (path:line) masks the labels by its length at `...`"
    related: tuple[Related, ...] = ()
    render: TemplateCall | None = None  # the module's own render in the column (where a fix goes)


def measured_prompts(facts: ModuleFacts) -> list[MeasuredPrompt]:
    """Every prompt column of this module's view whose length masks labels across a module boundary."""
    found: list[MeasuredPrompt] = []
    if not facts.links:
        return found  # the column's writer, or the measuring function, is another module's
    rows = facts.rendered_texts.rows
    seen: set[tuple[int, str]] = set()
    for mask in column_masks(facts):
        # the column's writer is another module's row function, mapped in this module (one finding per function
        # and column: `[-100] * n + ids[n:]` masks twice)
        key = (id(mask.function), mask.column.column)
        if key in seen:
            continue
        seen.add(key)
        origin = rows.column_origin(mask.column.column, mask.function)
        if origin is not None and origin.prompt:
            masks = f"masks the labels at {mask.how}"
            found.append(
                MeasuredPrompt(
                    mask.node, mask.function, mask.column.column, origin, origin.prompt, masks, origin.related
                )
            )
    return found + _joined(facts)


def _joined(facts: ModuleFacts) -> list[MeasuredPrompt]:
    """The calls of the module that apply another module's measuring function to a dataset whose column holds a
    prompt without the generation prompt (another module's render, or one of this module)."""
    found: list[MeasuredPrompt] = []
    renders = {id(render.call): render for render in facts.template_calls}
    for call, function, _ in facts.calls:
        applied = _applied_measure(call, facts)
        if applied is None:
            continue
        (measure, summary), dataset = applied
        column = facts.rendered_texts.column_named(measure.column)
        origin = facts.rendered_texts.dataset_column(column, dataset, function)
        if origin is None:
            continue
        render = renders.get(id(origin.render_call)) if origin.render_call is not None else None
        evidence = origin_prompt_words(origin, renders)
        if not evidence:
            continue
        masks = f"`{measure.name}` ({summary.place(measure.line)}) masks the labels by its length at {measure.mask}"
        place = Related(
            summary.path, measure.line, f"`{measure.name}` masks the labels by the length of {column_words(column)}"
        )
        found.append(MeasuredPrompt(call, function, column, origin, evidence, masks, (*origin.related, place), render))
    return found


def _applied_measure(
    call: ast.Call, facts: ModuleFacts
) -> tuple[tuple[MeasureSummary, ModuleSummary], ast.expr] | None:
    """Another module's measuring function applied to a dataset by `call`, with the dataset: `ds.map(f)` (also
    `partial(f, ...)`), or `g(ds, ...)` where `g` maps one over the dataset it is given."""
    links = facts.links
    mapped = mapped_function(call)
    if mapped is not None:
        measured = links.measure(partial_target(mapped))
        if measured is not None and not measured[0].dataset:
            return measured, call.func.value  # type: ignore[attr-defined]
        return None
    measured = links.measure(call.func)
    if measured is None or not measured[0].dataset:
        return None
    dataset = bound_argument(call, list(measured[0].params), measured[0].dataset)
    return (measured, dataset) if dataset is not None else None
