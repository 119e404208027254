"""Where the length of a render is used to mask or slice labels.

The prompt part of an example is often rendered on its own only to measure it: `[-100] * len(prompt_ids)`,
`labels[:prompt_len] = -100`, `full_text[len(prompt_text):]`, or `(tokens, offset)` handed to a trainer that
masks the first `offset` tokens. This module follows, inside one function, the value of each template call
(through local names, `tokenizer(...)`, `["input_ids"]`, `.shape`, `len()`, simple arithmetic) to the place
where its length bounds the masked part of the labels. One level of helper is followed: a function that returns
a render or its length makes each call of it a render or a length in its caller.

A local name is resolved with the reaching definitions of `chatlint.facts.flow`: every assignment that may hold
its value at that load must lead to the same render, else the name is unknown (a branch that assigns something
else, a parameter or a tuple unpacking among them makes it unknown). A loop variable carries the render of the
items it walks: a list of renders, or the rows of their batch tokenization (a collator masking row by row).

The answer is a list of `LengthMask`s: which render, where its length masks, and the words for a message. The same
flow, followed down to the columns of the rows a function is given (`example["prompt_text"]`) when no render of
the module fills them, gives `column_masks`: what a tokenize stage masks by, for the project step to join with the
render stage that wrote the column (`measured_columns`).
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from chatlint.facts.flow import MAX_RESOLUTION_DEPTH, FunctionFlow, function_flow
from chatlint.facts.model import FlagSource, FunctionInfo, Route, Shape, ShapeKind, TemplateCall, TextOrigin
from chatlint.facts.module import ModuleFacts
from chatlint.facts.syntax import (
    arguments_in_order,
    bool_literal,
    bound_argument,
    called_name,
    cast_value,
    code,
    dotted_name,
    first_argument,
    is_label_name,
    is_self_attribute,
    keyword,
    keyword_value,
    positional,
    shortened,
    string_value,
    transposed,
)
from chatlint.facts.tokenizer_calls import is_tokenizer
from chatlint.facts.walk import nodes_under
from chatlint.findings import Related

# attributes and methods that turn a token sequence into its length
_LENGTH_ATTRIBUTES = frozenset({"shape", "size", "numel", "sum", "count_nonzero"})
# calls that keep a length a length: `min(len(p), max_len)`, `int(...)`
_LENGTH_PRESERVING_CALLS = frozenset({"min", "max", "int", "abs"})
_LOOPS = (ast.For, ast.AsyncFor)
# the name of a helper that measures its argument in tokens
_MEASURES = re.compile(
    r"(?i)(?:^|_)(?:token_?len(?:gth)?|num_tokens|count_tokens|n_tokens|token_count|length_in_tokens)$"
)
_GENERATION_PROMPT = "add_generation_prompt"
# where a literal False is set only as a default, callers may pass True: the code does not say
_UNSURE_SOURCES = frozenset({FlagSource.DEFAULT, FlagSource.PARAMETER})


class LengthMask(NamedTuple):
    """The length of `render` bounds the masked (or cut away) prefix of the labels at `node`."""

    render: TemplateCall
    function: FunctionInfo  # where the masking happens (the render's function, or the caller of a helper)
    node: ast.AST  # the masking expression or statement
    how: str  # words: "`labels[:prompt_len] = ...`"
    related: tuple[Related, ...] = ()  # the mask, when it is in another module (a base class's method)


@dataclass(eq=False, frozen=True)
class ColumnRead:
    """A column of the rows a function is given (`example["prompt_text"]`), whose writer is not in the module: what
    it holds is known where a project joins the function to the `.map()` that wrote it."""

    function: FunctionInfo
    column: str
    node: ast.Subscript


class ColumnMask(NamedTuple):
    """The token length of `column.column`, read from the rows `function` is given, bounds the masked prefix of the
    labels at `node`."""

    column: ColumnRead
    function: FunctionInfo
    node: ast.AST
    how: str


# what a length is the length of: a render of the module, or a column of the rows a function is given
@dataclass(eq=False, frozen=True)
class HookRead:
    """`self.render_prompt(example)` in a method of a class that leaves `render_prompt` to its subclasses (abstract,
    or not defined): what it gives is known where a subclass in another module defines it (`hook_masks`)."""

    function: FunctionInfo
    method: str
    node: ast.Call


Carrier = TemplateCall | ColumnRead | HookRead


def length_masks(facts: ModuleFacts) -> list[LengthMask]:
    """Every place where the length of a template call's result masks or slices labels."""
    if not facts.template_calls:
        return []
    found: list[LengthMask] = []
    flow = facts.remembered(_Flow)
    for render, function, node, how in _masks(flow, facts):
        if isinstance(render, TemplateCall):
            found.append(LengthMask(render, function, node, how, flow.helper_places.get(id(node), ())))
    return found


def sliced_after_a_prompt(facts: ModuleFacts) -> frozenset[int]:
    """The renders (the ids of their calls) whose part after another render's length the module keeps where it masks
    labels (`labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]`): each holds the prompt and, after it,
    the reply that is trained."""
    if not facts.template_calls:
        return frozenset()
    flow = facts.remembered(_Flow)
    _masks(flow, facts)  # (which records them)
    return frozenset(flow.sliced_after_prompts)


def column_masks(facts: ModuleFacts) -> list[ColumnMask]:
    """Every place where the token length of a column of the rows a function is given masks or slices labels
    (`labels[: len(tok(example["prompt_text"]).input_ids)] = ...`), the column's writer not being in the module."""
    if "label" not in facts.source.text or not facts.functions:
        return []
    found: list[ColumnMask] = []
    for column, function, node, how in _masks(facts.remembered(_ColumnFlow), facts):
        if isinstance(column, ColumnRead):
            found.append(ColumnMask(column, function, node, how))
    return found


def hook_masks(facts: ModuleFacts) -> list[tuple[HookRead, FunctionInfo, ast.AST, str]]:
    """Every place where the token length of what a method left to subclasses gives (`self.render_prompt(row)`)
    masks or slices labels: for the module's summary, so that a subclass in another module is judged by its own
    method's render."""
    if "label" not in facts.source.text or "self." not in facts.source.text:
        return []
    flow = facts.remembered(_HookFlow)
    if not flow.hookable:
        return []
    return [
        (carrier, function, node, how)
        for carrier, function, node, how in _masks(flow, facts)
        if isinstance(carrier, HookRead)
    ]


def _masks(flow: _Flow, facts: ModuleFacts) -> list[tuple[Carrier, FunctionInfo, ast.AST, str]]:
    """Every mask the flow finds in the module's functions, found once per flow (the flow is remembered per module:
    CL001, CL002, CL003 and the module's summary all ask)."""
    if flow.masks is not None:
        return flow.masks
    found: list[tuple[Carrier, FunctionInfo, ast.AST, str]] = []
    seen: set[tuple[int, int]] = set()
    for function in facts.functions:
        for carrier, node, how in flow.masks_in(function):
            key = (id(carrier), id(node))
            if key not in seen:
                seen.add(key)
                found.append((carrier, function, node, how))
    flow.masks = found
    return found


def stops_before_header(render: TemplateCall) -> bool:
    """Does the render stop before the assistant header: no `add_generation_prompt=True` (absent, or a literal
    `False` the code sets; a `False` only as a default counts at a wrapper's call site that passes neither the flag
    nor `**kwargs`), and no `continue_final_message`? (Its shape is the caller's question.)"""
    prefilled = render.flag("continue_final_message")
    if prefilled.present and prefilled.value is not False:
        return False
    flag = render.flag(_GENERATION_PROMPT)
    if not flag.present:
        # (unless a wrapper is called with a mapping its caller fills, or one the code does not show: `**options`,
        # which is what the wrapper hands the template)
        return not (render.through_wrapper and render.may_hide_flags)
    if flag.value is not False:
        return False
    if flag.source not in _UNSURE_SOURCES:
        return True
    return render.through_wrapper and keyword(render.call, _GENERATION_PROMPT) is None and not render.may_hide_flags


def prompt_words(render: TemplateCall) -> str:
    """The shape in words of a render that is a prompt rendered without the generation prompt, else ""."""
    if render.shape.kind is not ShapeKind.PROMPT or not stops_before_header(render):
        return ""
    return render.shape.evidence or f"`{render.conversation_text}`"


def origin_prompt_words(origin: TextOrigin, renders: dict[int, TemplateCall]) -> str:
    """The shape in words of the render a text comes from, when it is a prompt rendered without the generation
    prompt: a render of another module as its summary says (`TextOrigin.prompt`), or one of `renders` (by the id
    of its call) the text holds unchanged; else ""."""
    if origin.prompt:
        return origin.prompt
    render = renders.get(id(origin.render_call)) if origin.render_call is not None and not origin.altered else None
    return prompt_words(render) if render is not None else ""


def carried_render(facts: ModuleFacts, expr: ast.expr, function: FunctionInfo) -> TemplateCall | None:
    """The render whose tokens (or text) `expr` holds unchanged, where `function` holds it (see `_Flow.carrier_of`)."""
    if not facts.template_calls:
        return None
    found = facts.remembered(_Flow).carrier_of(expr, function, facts.order.get(expr, 1 << 62), 0)
    return found if isinstance(found, TemplateCall) else None


def measuring_wrappers(facts: ModuleFacts) -> frozenset[str]:
    """The functions of the module that return the length of a render (`return len(tokenizer(render(...)))`), by
    name: a call of one measures what it renders."""
    return frozenset(facts.remembered(_Flow).returns_length) if facts.template_calls else frozenset()


def measured_renders(facts: ModuleFacts) -> dict[str, TemplateCall]:
    """The render each function of `measuring_wrappers` returns the length of, by name (when it is a render)."""
    if not facts.template_calls:
        return {}
    lengths = facts.remembered(_Flow).returns_length
    return {name: carrier for name, carrier in lengths.items() if isinstance(carrier, TemplateCall)}


class _Flow:
    # follow lengths down to columns of the rows a function is given, when no render of the module fills them
    column_reads = False

    def __init__(self, facts: ModuleFacts) -> None:
        self.facts = facts
        self._columns: dict[tuple[int, str], ColumnRead] = {}
        self.order = facts.order
        self.renders: dict[int, TemplateCall] = {id(call.call): call for call in facts.template_calls}
        # helpers (by name) that return a render, or the length of one
        self.returns_render: dict[str, Carrier] = {}
        self.returns_length: dict[str, Carrier] = {}
        # generators (by name) that yield tuples with the length of a render at a position: `yield start, end`
        self.yields_length: dict[tuple[str, int], Carrier] = {}
        # helpers (by name) that return tuples with a render at a position: `return prompt, full`
        self.returns_render_at: dict[tuple[str, int], Carrier] = {}
        # the calls of functions of other modules that mask the first labels (`mask_prompt(...)`), by id: where
        self.helper_places: dict[int, tuple[Related, ...]] = {}
        # the renders whose part after a prompt render's length is kept (`full_ids[len(prompt_ids):]`), by call id
        self.sliced_after_prompts: dict[int, TemplateCall] = {}
        # every mask of the module's functions, once found (`_masks`)
        self.masks: list[tuple[Carrier, FunctionInfo, ast.AST, str]] | None = None
        # per function: (name, key) -> values stored with `name["key"] = value`, in source order
        self._item_stores: dict[int, dict[tuple[str, str], list[ast.expr]]] = {}
        # per function: its reaching definitions (see `chatlint.facts.flow`)
        self._flows: dict[int, FunctionFlow] = {}
        # the parameter whose token length each helper of the module returns (None: none), by the helper's id
        self._measured: dict[int, str | None] = {}
        self._measuring_now: set[int] = set()  # (the helpers whose measured parameter is being looked for)
        self._find_helpers()

    # -- helpers --------------------------------------------------------------------------------------------------
    def _find_helpers(self) -> None:
        functions_with_renders = {id(call.function) for call in self.facts.template_calls}
        for function in self.facts.functions:
            if function.is_module or id(function) not in functions_with_renders:
                continue
            for node in self.facts.scope_members(function.node):
                if isinstance(node, ast.Yield) and isinstance(node.value, ast.Tuple):
                    self._find_yielded_lengths(node.value, function)
                    continue
                if not isinstance(node, ast.Return) or node.value is None:
                    continue
                if isinstance(node.value, ast.Name):
                    # `spans.append((len(before), len(upto)))`, then `return spans`: the items are read as a
                    # generator's (`for start, end in assistant_spans(tok, messages)`)
                    for kind, value in function.mutations.get(node.value.id, ()):
                        if kind == "append" and isinstance(value, ast.Tuple):
                            self._find_yielded_lengths(value, function)
                before = self.order.get(node, 1 << 62)
                length = self.length_of(node.value, function, before, 0)
                if length is not None:
                    self.returns_length.setdefault(function.name, length)
                    continue
                render = self.carrier_of(node.value, function, before, 0)
                if render is not None:
                    self.returns_render.setdefault(function.name, render)
                elif isinstance(node.value, ast.Tuple):
                    for position, element in enumerate(node.value.elts):
                        render = self.carrier_of(element, function, before, 0)
                        if render is not None:
                            self.returns_render_at.setdefault((function.name, position), render)

    def _find_yielded_lengths(self, value: ast.Tuple, function: FunctionInfo) -> None:
        before = self.order.get(value, 1 << 62)
        for position, element in enumerate(value.elts):
            length = self.length_of(element, function, before, 0)
            if length is not None:
                self.yields_length.setdefault((function.name, position), length)

    def _unpacked_length(self, items: ast.expr, position: int) -> Carrier | None:
        """`for start, end in self._spans(messages)`: the render whose length the generator yields at `position` (or
        that the function returns there in a list of tuples)."""
        if not isinstance(items, ast.Call):
            return None
        return self.yields_length.get((called_name(items) or "", position))

    # -- what a value is --------------------------------------------------------------------------------------------
    def _resolve_name(
        self,
        name: ast.Name,
        function: FunctionInfo,
        resolve: Callable[[ast.expr], Carrier | None],
        resolve_items: Callable[[ast.expr], Carrier | None] | None = None,
        resolve_unpacked: Callable[[ast.expr, int], Carrier | None] | None = None,
        resolve_assigned_tuple: Callable[[ast.expr, int], Carrier | None] | None = None,
    ) -> Carrier | None:
        """What `resolve` finds for the value of the local `name` at this load: the one render the assignments that
        may reach it give (an assignment of something else, on another branch, leaves the render's path as it
        is: `prompt_ids` tokenized from plain text in the `else`); two renders, a parameter or an unpacking among
        them give None. A loop variable is an item of what the loop walks: `resolve_items` answers for that, when
        given; `resolve_assigned_tuple` for a name unpacked from a tuple (`prompt, full = split_render(...)`)."""
        bindings = function_flow(function, self._flows).reaching(name.id, name)
        found: Carrier | None = None
        for binding in bindings:
            if binding.kind == "unpack" and resolve_assigned_tuple is not None and binding.value is not None:
                render = (
                    resolve_assigned_tuple(binding.value, binding.position) if binding.position is not None else None
                )
                if render is None or (found is not None and render is not found):
                    return None
                found = render
                continue
            if binding.kind == "loop-unpack" and resolve_unpacked is not None and binding.value is not None:
                render = resolve_unpacked(binding.value, binding.position) if binding.position is not None else None
                if render is None or (found is not None and render is not found):
                    return None
                found = render
                continue
            if binding.kind == "loop" and resolve_items is not None and binding.value is not None:
                render = resolve_items(binding.value)
                if render is None or (found is not None and render is not found):
                    return None
                found = render
                continue
            if binding.kind != "assign" or binding.value is None:
                return None
            render = resolve(binding.value)
            if render is None and len(bindings) > 1:
                continue
            if render is None or (found is not None and render is not found):
                return None
            found = render
        return found

    def _item_assignment(self, expr: ast.Subscript, function: FunctionInfo, before: int) -> ast.expr | None:
        """The value last stored under `name["key"]` before `before`, for `expr` = `name["key"]`."""
        key = _string_key(expr)
        if key is None or not isinstance(expr.value, ast.Name):
            return None
        stores = self._item_stores.get(id(function))
        if stores is None:
            stores = {}
            for node in self.facts.scope_members(function.node):
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                    if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                        target_key = _string_key(target)
                        if target_key is not None:
                            stores.setdefault((target.value.id, target_key), []).append(node.value)
            self._item_stores[id(function)] = stores
        values = [value for value in stores.get((expr.value.id, key), ()) if self.order.get(value, 0) < before]
        return values[-1] if values else None

    def carrier_of(self, expr: ast.expr, function: FunctionInfo, before: int, depth: int) -> Carrier | None:
        """The render whose tokens or text `expr` holds unchanged (ids, a tensor of them, a field), else None.

        Concatenation stops the flow on purpose: `render(prompt) + header` is not the render any more.
        """
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        if isinstance(expr, ast.Call):
            return self._carrier_of_call(expr, function, before, depth)
        if isinstance(expr, ast.Name):
            return self._resolve_name(
                expr,
                function,
                lambda value: self.carrier_of(value, function, before, depth + 1),
                lambda items: self.items_carrier(items, function, before, depth + 1),
                lambda items, position: self._zipped_carrier(items, position, function, before, depth + 1),
                lambda value, position: self._returned_at(value, position),
            )
        if isinstance(expr, ast.Subscript):
            # `row["prompt_ids"]` after `row["prompt_ids"] = render(...)`
            stored = self._item_assignment(expr, function, before)
            if stored is not None:
                return self.carrier_of(stored, function, before, depth + 1)
            column = self._column_render(expr, function)
            if column is None and self.column_reads:
                column = self._column_read(expr, function)
            if column is not None:
                return column
            # `encoded["input_ids"]`, `ids[0]`; a slice by another length is still the render's tokens
            return self.carrier_of(expr.value, function, before, depth + 1)
        if isinstance(expr, ast.Attribute):
            if expr.attr in _LENGTH_ATTRIBUTES:
                return None
            return self.carrier_of(expr.value, function, before, depth + 1)
        if isinstance(expr, ast.IfExp):
            # `render(conv[:i]) if i > 0 else None`: the render, or nothing for the empty prefix
            branch = _branch_beside_a_constant(expr)
            return self.carrier_of(branch, function, before, depth + 1) if branch is not None else None
        return None

    def items_carrier(self, expr: ast.expr, function: FunctionInfo, before: int, depth: int) -> Carrier | None:
        """The render each item of `expr` carries, for a loop over it: a list of renders (`[render(c) for c in
        conversations]`, a name for one), or the rows of their batch tokenization (`tokenizer(prompts)["input_ids"]`).
        """
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp)):
            return self.carrier_of(expr.elt, function, before, depth + 1)
        if isinstance(expr, ast.Call) and called_name(expr) in ("list", "tuple") and len(expr.args) == 1:
            return self.items_carrier(expr.args[0], function, before, depth + 1)  # `list(prompts)`
        if isinstance(expr, ast.Name):
            return self._resolve_name(
                expr,
                function,
                lambda value: self.items_carrier(value, function, before, depth + 1),
                resolve_assigned_tuple=lambda value, position: self._transposed_carrier(
                    value, position, function, before, depth + 1
                ),
            )
        if isinstance(expr, ast.Subscript) and _string_key(expr) is not None and isinstance(expr.value, ast.Call):
            return self._batch_of(expr.value, function, before, depth)
        if isinstance(expr, ast.Subscript) and _string_key(expr) is not None and isinstance(expr.value, ast.Name):
            return self._resolve_name(
                expr.value, function, lambda value: self._batch_of(value, function, before, depth + 1)
            )
        return None

    def _returned_at(self, value: ast.expr, position: int) -> Carrier | None:
        """`prompt, full = split_render(tok, conv)`: the render the helper (of the module, or of another one as its
        summary says) returns at that place of its tuple."""
        if not isinstance(value, ast.Call):
            return None
        imported = self.renders.get(id(value))
        if imported is not None and imported.text_positions:
            return imported if position in imported.text_positions else None
        return self.returns_render_at.get((called_name(value) or "", position))

    def _zipped_carrier(
        self, items: ast.expr, position: int, function: FunctionInfo, before: int, depth: int
    ) -> Carrier | None:
        """`for prompt_ids, ids in zip(prompt_rows, rows)`: the render each item of the zipped list at `position`
        carries."""
        if not (isinstance(items, ast.Call) and called_name(items) == "zip" and position < len(items.args)):
            return None
        zipped = items.args[position]
        return None if isinstance(zipped, ast.Starred) else self.items_carrier(zipped, function, before, depth + 1)

    def _transposed_carrier(
        self, value: ast.expr, position: int, function: FunctionInfo, before: int, depth: int
    ) -> Carrier | None:
        """`prompts, fulls = zip(*pairs)`: the render the items of `pairs` carry at `position` (`pairs = [split_render(
        tok, c) for c in conversations]`, or tuples written out)."""
        pairs = transposed(value) if isinstance(value, ast.Call) else None
        if pairs is None:
            return None
        if isinstance(pairs, ast.Name):
            return self._resolve_name(
                pairs, function, lambda given: self._transposed_items(given, position, function, before, depth + 1)
            )
        return self._transposed_items(pairs, position, function, before, depth + 1)

    def _transposed_items(
        self, pairs: ast.expr, position: int, function: FunctionInfo, before: int, depth: int
    ) -> Carrier | None:
        if depth > MAX_RESOLUTION_DEPTH or not isinstance(pairs, (ast.ListComp, ast.GeneratorExp)):
            return None
        element = pairs.elt
        if isinstance(element, ast.Tuple) and position < len(element.elts):
            return self.carrier_of(element.elts[position], function, before, depth + 1)
        return self._returned_at(element, position)

    def _batch_of(self, expr: ast.expr, function: FunctionInfo, before: int, depth: int) -> Carrier | None:
        """`tokenizer(prompts)`: a batch tokenization whose rows carry the renders listed in `prompts`."""
        if not isinstance(expr, ast.Call) or self.renders.get(id(expr)) is not None:
            return None
        arguments = _text_arguments(expr)
        return self.items_carrier(arguments[0], function, before, depth + 1) if arguments else None

    def _carrier_of_call(self, expr: ast.Call, function: FunctionInfo, before: int, depth: int) -> Carrier | None:
        name = called_name(expr)
        render = self.renders.get(id(expr))
        if render is not None:
            # a wrapper that returns `len(render(...))` gives a length, not tokens
            measuring = render.measures or (render.route is Route.WRAPPER and name in self.returns_length)
            return None if measuring else render
        if name in self.returns_render and name not in _LENGTH_ATTRIBUTES:
            return self.returns_render[name]
        if name == "len" or name in _LENGTH_ATTRIBUTES or name in _LENGTH_PRESERVING_CALLS:
            return None
        if name is not None and _MEASURES.search(name):
            return None  # `token_length(tokenizer, text)`: a length, not the tokens
        cast = cast_value(expr)
        if cast is not None:
            return self.carrier_of(cast, function, before, depth + 1)  # `typing.cast(list[int], ids)`
        if isinstance(expr.func, ast.Attribute):
            # `ids.tolist()`, `ids.to(device)`, `ids.squeeze(0)`
            inner = self.carrier_of(expr.func.value, function, before, depth + 1)
            if inner is not None:
                return inner
        # `tokenizer(prompt_text, add_special_tokens=False)`, `torch.tensor(prompt_ids)`; a helper that takes the
        # tokenizer first, `ids_of(tokenizer, prompt_text)`, is read at its next argument
        arguments = _text_arguments(expr)
        if arguments:
            found = self.carrier_of(arguments[0], function, before, depth + 1)
            if found is not None:
                return found
        return self._hook(expr, function)

    def _hook(self, call: ast.Call, function: FunctionInfo) -> Carrier | None:
        """A method left to subclasses, called on `self` (only when following such methods: `_HookFlow`)."""
        return None

    def _column_render(self, expr: ast.Subscript, function: FunctionInfo) -> Carrier | None:
        """`example["prompt_text"]`, a row handed to `function`, whose column a `.map()` of the module filled with a
        render of this module, unchanged (`{"prompt_text": tok.apply_chat_template(conv[:-1], tokenize=False)}`)."""
        if not self._column_readers or not (isinstance(expr.value, ast.Name) and expr.value.id in function.params):
            return None
        texts = self.facts.rendered_texts
        column = texts.column_of(expr.slice, function)
        origin = texts.rows.column_text(expr, column, function) if column is not None else None
        if origin is None or origin.altered or not origin.certain or origin.render_call is None:
            return None
        return self.renders.get(id(origin.render_call))

    def _column_read(self, expr: ast.Subscript, function: FunctionInfo) -> ColumnRead | None:
        """`example["prompt_text"]`, a column of the row handed to `function`, or of each row of the batch it is
        handed (`for i, row in enumerate(rows): row["prompt"]` in a collator; one object per function and column)."""
        if not (isinstance(expr.value, ast.Name) and self._is_row(expr.value.id, function)):
            return None
        column = self.facts.rendered_texts.column_of(expr.slice, function)
        if column is None:
            return None
        key = (id(function), column.name)
        if key not in self._columns:
            self._columns[key] = ColumnRead(function, column.name, expr)
        return self._columns[key]

    def _measured_argument(self, call: ast.Call, function: FunctionInfo) -> ast.expr | None:
        """The argument whose token length `call` gives: a call of a function of the module, or of a method of the
        caller's class, that returns the length of one of its parameters tokenized (`enc = self.processor(text=
        prompt, ...)`, `return enc["input_ids"].shape[1]`)."""
        func = call.func
        if isinstance(func, ast.Name):
            helpers = [each for each in self.facts.functions if each.name == func.id and each.cls is None]
        elif isinstance(func, ast.Attribute) and is_self_attribute(func) and function.cls is not None:
            helpers = [method] if (method := function.cls.method(func.attr)) is not None else []
        else:
            return None
        if len(helpers) != 1 or id(helpers[0]) in self._measuring_now:
            return None
        helper = helpers[0]
        if id(helper) not in self._measured:
            self._measured[id(helper)] = self._measured_parameter(helper)
        parameter = self._measured[id(helper)]
        if parameter is None:
            return None
        parameters = list(helper.params)
        return bound_argument(call, parameters[1:] if helper.cls is not None else parameters, parameter)

    def _measured_parameter(self, helper: FunctionInfo) -> str | None:
        """The parameter whose token length `helper` returns, or None."""
        returned = [
            node.value
            for node in self.facts.scope_members(helper.node)
            if isinstance(node, ast.Return) and node.value is not None
        ]
        if len(returned) != 1:
            return None
        expr, measured = returned[0], False
        for _ in range(MAX_RESOLUTION_DEPTH):
            if isinstance(expr, ast.Name):
                values = helper.assignments.get(expr.id, ())
                if len(values) != 1:
                    return None
                expr = values[0]
            elif (
                isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Attribute) and expr.value.attr == "shape"
            ):
                expr, measured = expr.value.value, True  # `enc["input_ids"].shape[1]`
            elif isinstance(expr, ast.Subscript):
                expr = expr.value  # `enc["input_ids"]`
            elif isinstance(expr, ast.Attribute):
                expr = expr.value  # `.input_ids`
            elif isinstance(expr, ast.Call) and called_name(expr) == "len" and len(expr.args) == 1:
                expr, measured = expr.args[0], True
            elif (
                isinstance(expr, ast.Call)
                and isinstance(expr.func, ast.Attribute)
                and expr.func.attr in _LENGTH_ATTRIBUTES
            ):
                expr, measured = expr.func.value, True
            elif isinstance(expr, ast.Call) and measured:
                tokenized = self._tokenized_text(expr, helper)
                tokenized = _one_text(tokenized) if tokenized is not None else None
                return tokenized.id if isinstance(tokenized, ast.Name) and tokenized.id in helper.params else None
            else:
                return None
        return None

    def _tokenized_text(self, call: ast.Call, helper: FunctionInfo) -> ast.expr | None:
        """The text `call`, a tokenizer's call, tokenizes (None for any other call)."""
        self._measuring_now.add(id(helper))  # (the module's tokenizer calls may ask for lengths again)
        try:
            found = next((each for each in self.facts.tokenizer_calls if each.call is call), None)
        finally:
            self._measuring_now.discard(id(helper))
        return found.text if found is not None else None

    def _is_row(self, name: str, function: FunctionInfo) -> bool:
        """Is `name` a row `function` is handed: a parameter, or a loop's name over one (`for row in rows`)?"""
        if name in function.params:
            return True
        bindings = function_flow(function, self._flows).bindings.get(name, ())
        return bool(bindings) and all(binding.walks_a_parameter(function) for binding in bindings)

    @functools.cached_property
    def _column_readers(self) -> bool:
        """Does a `.map()` of the module store a render of the module in a column (read back by a function it maps)?"""
        rows = self.facts.rendered_texts.rows
        return rows.writes_columns and any(
            origin.render_call is not None and id(origin.render_call) in self.renders
            for writers in rows.column_writers.values()
            for _, origin in writers
        )

    def length_of(self, expr: ast.expr, function: FunctionInfo, before: int, depth: int) -> Carrier | None:
        """The render whose length `expr` is (`len(ids)`, `ids.shape[-1]`, `prompt_len - 1`), else None."""
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        if isinstance(expr, ast.Call):
            return self._length_of_call(expr, function, before, depth)
        if isinstance(expr, ast.Subscript):
            # `ids.shape[-1]`, `ids.shape[1]`
            if isinstance(expr.value, ast.Attribute) and expr.value.attr == "shape":
                return self.carrier_of(expr.value.value, function, before, depth + 1)
            return None
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            return self.length_of(expr.left, function, before, depth + 1) or self.length_of(
                expr.right, function, before, depth + 1
            )
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Sub):
            # `prompt_len - 1`; what is left after taking a length away (`end - start`) is a span's size
            return self.length_of(expr.left, function, before, depth + 1)
        if isinstance(expr, ast.Name):
            return self._resolve_name(
                expr,
                function,
                lambda value: self.length_of(value, function, before, depth + 1),
                resolve_items=lambda items: self._items_length(items, function, depth + 1),
                resolve_unpacked=lambda items, position: (
                    self._unpacked_length(items, position) or self._walked_length(items, position, function, depth + 1)
                ),
            ) or self._carried_length(expr, function, depth)
        if isinstance(expr, ast.IfExp):
            # `before[0].shape[0] if before is not None else 0`: the render's length, or 0 for the empty prefix
            branch = _branch_beside_a_constant(expr)
            return self.length_of(branch, function, before, depth + 1) if branch is not None else None
        return None

    def _items_length(self, items: ast.expr, function: FunctionInfo, depth: int) -> Carrier | None:
        """The render whose length each item of `items` is: a list the function fills with one
        (`prompt_lens.append(self._prompt_length(prompt, image))`), or a comprehension of one."""
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        if isinstance(items, (ast.ListComp, ast.GeneratorExp)):
            return self.length_of(items.elt, function, self.order.get(items.elt, 1 << 62), depth + 1)
        if not isinstance(items, ast.Name):
            return None
        appended = [value for kind, value in function.mutations.get(items.id, ()) if kind == "append"]
        found = [self.length_of(value, function, self.order.get(value, 1 << 62), depth + 1) for value in appended]
        return found[0] if found and all(item is not None and item is found[0] for item in found) else None

    def _walked_length(self, items: ast.expr, position: int, function: FunctionInfo, depth: int) -> Carrier | None:
        """`for i, n in enumerate(prompt_lens)`, `for ids, n in zip(batch, prompt_lens)`: the render whose length
        the loop variable at `position` is, an item of the list walked there."""
        if not isinstance(items, ast.Call) or items.keywords:
            return None
        name = called_name(items)
        if name == "enumerate" and position == 1 and len(items.args) == 1:
            return self._items_length(items.args[0], function, depth)
        if name == "zip" and position < len(items.args):
            return self._items_length(items.args[position], function, depth)
        return None

    def _carried_length(self, name: ast.Name, function: FunctionInfo, depth: int) -> TemplateCall | None:
        """`prev_len` set at the end of a loop's pass (`prev_len = len(render(cumulative))`, the conversation grown
        by a turn each pass) and read at the start of the next: the length of the conversation before this pass's
        turn, a prompt that stops before the reply the pass unmasks."""
        for binding, loop in function_flow(function, self._flows).carried(name.id, name):
            assert binding.value is not None  # an assignment's
            render = self.length_of(binding.value, function, binding.order, depth + 1)
            if not isinstance(render, TemplateCall) or render.shape.kind is ShapeKind.PROMPT:
                continue
            grown = _grown_in(render.conversation, loop)
            if grown:
                evidence = f"`{grown}` before the turn this pass of the loop adds (its length kept from the last pass)"
                return replace(render, shape=Shape(ShapeKind.PROMPT, evidence, grown=True))
        return None

    def _length_of_call(self, expr: ast.Call, function: FunctionInfo, before: int, depth: int) -> Carrier | None:
        name = called_name(expr)
        render = self.renders.get(id(expr))
        if render is not None and (name in self.returns_length or render.measures):
            # a wrapper that itself returns `len(render(conversation))` (of this module, or of another one as its
            # summary says): this call renders and measures
            return render
        if name in self.returns_length and render is None:
            return self.returns_length[name]
        measured = self._measured_argument(expr, function)
        if measured is not None:
            # `self._prompt_length(row["prompt"], image)`, a helper of the module returning the token length of
            # the text it is given: the length of that argument
            return self.carrier_of(measured, function, before, depth + 1)
        if name == "len" and isinstance(expr.func, ast.Name):
            measured = first_argument(expr)
            return self.carrier_of(measured, function, before, depth + 1) if measured is not None else None
        if name in _LENGTH_PRESERVING_CALLS and isinstance(expr.func, ast.Name):
            for arg in arguments_in_order(expr):
                value = arg.value if isinstance(arg, (ast.keyword, ast.Starred)) else arg
                found = self.length_of(value, function, before, depth + 1)
                if found is not None:
                    return found
            return None
        if isinstance(expr.func, ast.Attribute):
            if expr.func.attr in _LENGTH_ATTRIBUTES:
                # `ids.size(1)`, `mask.sum()`
                return self.carrier_of(expr.func.value, function, before, depth + 1)
            if expr.func.attr in ("item", "int", "long", "tolist"):
                return self.length_of(expr.func.value, function, before, depth + 1)
        if name is not None and _MEASURES.search(name) and name not in self.returns_render:
            # a helper named for measuring what it is given (`token_length(tokenizer, prompt)`, `num_tokens(text)`,
            # of this module or imported): the length of its text argument
            arguments = _text_arguments(expr)
            if len(arguments) == 1:
                return self.carrier_of(arguments[0], function, before, depth + 1)
        return None

    # -- where a length masks ----------------------------------------------------------------------------------------
    @functools.cached_property
    def _reaching_renders(self) -> set[int]:
        """Ids of the functions with a call in them that is a render or a helper returning one (or its length), and
        the functions given rows when a column of the module's datasets holds a render.

        Every length or carrier is found by following a function's own expressions and local names down to such a
        call: a function without one masks nothing, and its reaching definitions need not be computed."""
        helpers = self.returns_render.keys() | self.returns_length.keys()
        found = {
            id(function)
            for call, function, _ in self.facts.calls
            if id(call) in self.renders or called_name(call) in helpers
        }
        if self._column_readers:  # a row's column may hold a render (`_column_render`)
            found |= {id(function) for function in self.facts.functions if function.params}
        elif self.column_reads:
            found |= {id(function) for function in self.facts.functions if self._masks_by_a_column(function)}
        return found

    def _masks_by_a_column(self, function: FunctionInfo) -> bool:
        """Could `function` mask labels by a column of its rows: it builds labels (`FunctionInfo.labels_evidence`)
        and reads a column of a parameter (`row["prompt_text"]`, `row[cfg.x]`)?"""
        if not function.params or function.is_module or not function.labels_evidence:
            return False
        return any(
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and self._is_row(node.value.id, function)
            and isinstance(node.slice, (ast.Constant, ast.Attribute, ast.Name))
            for node in self.facts.scope_members(function.node)
        )
        reads = labels = False
        for node in self.facts.scope_members(function.node):
            if (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Name)
                and node.value.id in function.params
            ):
                reads = reads or isinstance(node.slice, (ast.Constant, ast.Attribute, ast.Name))
            elif isinstance(node, ast.Name):
                labels = labels or is_label_name(node.id) or node.id.upper().startswith("IGNORE")
            elif isinstance(node, ast.UnaryOp):
                labels = labels or _is_ignore_value(node)
            if reads and labels:
                return True
        return False

    def masks_in(self, function: FunctionInfo) -> Iterator[tuple[Carrier, ast.AST, str]]:
        if id(function) not in self._reaching_renders:
            return
        bindings = function_flow(function, self._flows).bindings
        root = function.node
        for node in self.facts.scope_members(root):
            if isinstance(node, ast.Name):
                if not any(binding.kind in ("assign", "loop", "loop-unpack") for binding in bindings.get(node.id, ())):
                    continue
            elif isinstance(node, ast.Subscript):
                if not (isinstance(node.value, ast.Attribute) and node.value.attr == "shape"):
                    continue
            elif not isinstance(node, ast.Call):
                continue
            ancestors = () if node is root else self.facts.ancestors(node)
            parent = ancestors[-1] if ancestors else None
            if isinstance(parent, ast.Assign) and any(target is node for target in parent.targets):
                continue
            before = self.order.get(node, 1 << 62)
            render = self.length_of(node, function, before, 0)
            if render is None:
                continue
            how = self._mask_context(node, ancestors, render, function, before)
            if how:
                yield render, how[0], how[1]

    def _mask_context(
        self,
        node: ast.AST,
        ancestors: tuple[ast.AST, ...],
        render: Carrier,
        function: FunctionInfo,
        before: int,
    ) -> tuple[ast.AST, str] | None:
        """Climb from the length at `node` through arithmetic and length-keeping calls to where it bounds labels."""
        child: ast.AST = node
        for index in range(len(ancestors) - 1, -1, -1):
            parent = ancestors[index]
            if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Sub) and parent.right is child:
                return None  # `end - start`: the size of what follows the length, not a prefix
            if isinstance(parent, (ast.BinOp, ast.UnaryOp)) and not _is_list_times(parent):
                child = parent
                continue
            if _is_length_call(parent, ancestors, index):
                child = parent
                continue
            record = self._record_mask(parent, child, ancestors, index, render, function, before)
            if record is not None:
                return record
            argument = _argument(child, parent, ancestors, index)
            if argument is not None:
                return self._helper_mask(*argument) or _range_loop_mask(*argument)
            if isinstance(parent, ast.BinOp) and _is_list_times(parent):
                # `[-100] * prompt_len`, `[IGNORE_INDEX] * len(prompt_ids)`, `[0] * n` into a loss mask
                fill = _list_fill(parent)
                if fill is not None and (_is_ignore_value(fill) or _assigned_to_mask(parent, ancestors[:index])):
                    return parent, f"`{_short(parent)}`"
                return None
            if isinstance(parent, ast.Slice):
                return self._slice_mask(parent, child, ancestors, index, render, function, before)
            if isinstance(parent, ast.Compare):
                return _position_mask(parent, child, ancestors, index) or _offset_mask(parent, child, ancestors, index)
            if isinstance(parent, ast.Tuple) and not _is_subscript_key(parent, ancestors, index):
                return self._tuple_mask(parent, child, render, function, before)
            return None
        return None

    def _helper_mask(self, arg: ast.AST, call: ast.Call, holder: ast.AST | None) -> tuple[ast.AST, str] | None:
        """`mask_prompt(labels, prompt_len)`: a function (of the module, or imported) that masks the first labels
        it is given, as many as the argument the length is handed to."""
        name = dotted_name(call.func)
        local = self.prefix_maskers.get(name) if name else None
        if local is not None:
            position, param, line = local
            where = f"line {line}"
        else:
            links = self.facts.links
            imported = links.prefix_mask(call.func) if links else None
            if imported is None:
                return None
            (position, param, line), summary = imported
            where = summary.place(line)
            note = f"`{name}` masks the first `{param}` labels it is given"
            self.helper_places[id(call)] = (Related(summary.path, line, note),)
        handed = arg.arg == param if isinstance(arg, ast.keyword) else positional(call, position) is arg
        if not handed:
            return None
        return call, f"`{_short(call)}`, which masks the first `{param}` labels ({where})"

    @functools.cached_property
    def prefix_maskers(self) -> dict[str, tuple[int, str, int]]:
        return prefix_maskers(self.facts.functions)

    def _slice_mask(
        self,
        parent: ast.Slice,
        child: ast.AST,
        ancestors: tuple[ast.AST, ...],
        index: int,
        render: Carrier,
        function: FunctionInfo,
        before: int,
    ) -> tuple[ast.AST, str] | None:
        """The length bounds a slice: `labels[:n] = -100`, `labels[:n]`, `full_ids[n:]`."""
        subscript = _enclosing_subscript(ancestors, index)
        if subscript is None:
            return None
        is_upper = parent.upper is child
        is_lower = parent.lower is child
        if is_upper and parent.lower is not None:
            # `labels[start:prompt_len]`: the end of a range, not a masked prefix
            return None
        statement_text = _statement_text(ancestors, index) or _short(subscript)
        assignment = _assignment_to(subscript, ancestors)
        if assignment is not None:
            if is_lower and _masks_with(assignment.value, function):
                # `labels[start:end] = -100`: the span *after* this length is masked (a user turn in a
                # multi-turn loop); the render ends where a trained reply ends, not before one
                return None
            return subscript, f"`{statement_text}`"
        if _is_labels(subscript.value):
            return subscript, f"`{_short(subscript)}`"
        if isinstance(render, TemplateCall) and render.shape.grown:
            return None  # (a turn cut from a growing render is not yet a mask: what masks its header decides)
        other = self.carrier_of(subscript.value, function, before, 0)
        if (
            is_lower
            and isinstance(other, TemplateCall)
            and isinstance(render, TemplateCall)
            and other.conversation_text != render.conversation_text
            and _is_labels_use(ancestors[:index])
        ):
            # (whatever its flags: `labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]` trains what
            # follows the prompt in `full_ids`, so that render holds the reply; CL001 asks)
            self.sliced_after_prompts[id(other.call)] = other
        if is_lower and other is not None and _is_full_render(other, render):
            return subscript, f"`{_short(subscript)}`, the part of the full render after the prompt"
        if is_upper and other is not None and _is_full_render(other, render) and _is_labels_use(ancestors[:index]):
            return subscript, f"`{_short(subscript)}`"
        return None

    def _record_mask(
        self,
        parent: ast.AST,
        child: ast.AST,
        ancestors: tuple[ast.AST, ...],
        index: int,
        render: Carrier,
        function: FunctionInfo,
        before: int,
    ) -> tuple[ast.AST, str] | None:
        """`{"input_ids": ids, "prompt_len": n}`, `Example(ids, prompt_len=n)`, `Example(ids, n)` with a class of
        the module whose field there is `prompt_len`: the full render's ids stored with the prompt's length under a
        name for where the labels start (a collator masks the tokens before it)."""
        holder: ast.AST = parent
        others: list[ast.expr] = []
        if isinstance(parent, ast.Dict):
            place = next((key for key, value in zip(parent.keys, parent.values) if value is child), None)
            name = string_value(place) if place is not None else None
            others = [value for value in parent.values if value is not child]
        elif isinstance(parent, ast.keyword) and index >= 1 and isinstance(call := ancestors[index - 1], ast.Call):
            holder = call
            name = parent.arg
            others = [*call.args, *(item.value for item in call.keywords if item is not parent)]
        elif isinstance(parent, ast.Call) and any(arg is child for arg in parent.args):
            cls = self.facts.classes.get(dotted_name(parent.func) or "")
            fields = cls.constructor_params if cls is not None else []
            position = next(number for number, arg in enumerate(parent.args) if arg is child)
            name = fields[position] if position < len(fields) else None
            others = [*(arg for arg in parent.args if arg is not child), *(item.value for item in parent.keywords)]
        else:
            return None
        if name is None or not _PROMPT_LENGTH_NAME.fullmatch(name.lower()):
            return None
        for value in others:
            other = self.carrier_of(value, function, before, 0)
            if other is not None and _is_full_render(other, render):
                kept = "text" if isinstance(other, TemplateCall) and other.returns_text else "ids"
                return holder, f"`{_short(holder)}`, the full render's {kept} stored with the prompt length as `{name}`"
        return None

    def _tuple_mask(
        self, parent: ast.Tuple, child: ast.AST, render: Carrier, function: FunctionInfo, before: int
    ) -> tuple[ast.AST, str] | None:
        # `return tokens, offset` / `data.append((tokens, offset))`: the full render handed on with the
        # prompt length, for a trainer that masks its first `offset` tokens
        for element in parent.elts:
            value = element.value if isinstance(element, ast.Starred) else element
            if value is child:
                continue
            other = self.carrier_of(value, function, before, 0)
            if other is not None and _is_full_render(other, render):
                return parent, f"`{_short(parent)}`, the full render paired with the prompt length to mask"
        return self._reply_span(parent, child, render, function, before)

    def _reply_span(
        self, parent: ast.Tuple, child: ast.AST, render: Carrier, function: FunctionInfo, before: int
    ) -> tuple[ast.AST, str] | None:
        """`spans.append((len(before), len(upto)))`, `(span_start, span_end)`: the span of a reply, from the prompt's
        length to the full render's, that the labels (or what a probe reads) keep; named for a span by where it goes
        or by its bounds."""
        if len(parent.elts) != 2 or parent.elts[0] is not child or not _named_a_span(parent, self.facts, function):
            return None
        end = self.length_of(parent.elts[1], function, before, 0)
        if end is None or not _is_full_render(end, render):
            return None
        return parent, f"`{_short(parent)}`, the span of the reply from the prompt's length to the full render's"


# where a span's bounds go, or what they are called: `spans.append((start, end))`, `(span_start, span_end)`
_SPAN_NAME = re.compile(r"span|range|region|segment|bounds|boundar|offsets")
_SPAN_BOUND = re.compile(r"start|begin|end|stop")


def _named_a_span(pair: ast.Tuple, facts: ModuleFacts, function: FunctionInfo) -> bool:
    """Is the pair a span by its names: its two bounds are names of starts and ends (`(span_start, span_end)`), or
    it is appended to, or assigned to, a name of spans (`spans.append((len(before), len(upto)))`)?"""
    names = [item.id.lower() for item in pair.elts if isinstance(item, ast.Name)]
    if len(names) == 2 and all(_SPAN_BOUND.search(name) for name in names):
        return True
    ancestors = facts.ancestors(pair)
    parent = ancestors[-1] if ancestors else None
    holder: ast.expr | None = None
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr == "append":
        holder = parent.func.value
    elif isinstance(parent, ast.Assign) and len(parent.targets) == 1:
        holder = parent.targets[0]
    return holder is not None and bool(_SPAN_NAME.search((dotted_name(holder) or "").lower()))


# a field that holds where the trained part of a sequence starts: the prompt's length (`prompt_len`, `prompt_tokens`,
# `num_prompt_tokens`) or the start of the reply (`completion_start`, `response_offset`)
_PROMPT_LENGTH_NAME = re.compile(
    r"(?:num_|n_)?(?:prompt|context|prefix|instruction|query|source)_?(?:len|length|lens|lengths|tokens|ntokens|size"
    r"|chars|characters)"
    r"|(?:completion|response|answer|target|label|labels|output)_?(?:start|starts|offset|begin|idx|index)"
)


def prefix_maskers(functions: list[FunctionInfo]) -> dict[str, tuple[int, str, int]]:
    """The module-level functions and methods that mask the first `n` labels they are given, `n` a parameter of
    theirs: `labels[:n] = [IGNORE_INDEX] * n` (`n` the parameter, or a local computed from it once: `n =
    min(prompt_len, len(labels))`). By name as a call names them (`mask_prompt`, `self._labels`): (the parameter's
    place among those a call fills, its name, the line of the mask)."""
    found: dict[str, tuple[int, str, int]] = {}
    for function in functions:
        if function.is_module or function.outer is None or not function.outer.is_module:
            continue
        params = list(function.call_params)
        guarded: tuple[str, int] | None = None
        for node in nodes_under(function.node.body):
            if guarded is None and isinstance(node, ast.If):
                guarded = _guarded_mask(node, function, params)
            if guarded is None and isinstance(node, ast.BinOp):
                guarded = _masked_front(node, function, params)
            if guarded is None and isinstance(node, ast.IfExp):
                guarded = _chosen_mask(node, function, params)
            if not isinstance(node, ast.Assign) or len(node.targets) != 1:
                continue
            target = node.targets[0]
            if not (isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Slice)):
                continue
            bound = target.slice
            if bound.lower is not None or bound.upper is None or not _masks_with(node.value):
                continue
            param = _parameter_behind(bound.upper, function, params)
            if param is not None:
                name = function.name if function.cls is None else f"self.{function.name}"
                found[name] = (params.index(param), param, node.lineno)
                break
        else:
            if guarded is not None:
                name = function.name if function.cls is None else f"self.{function.name}"
                found[name] = (params.index(guarded[0]), *guarded)
    return found


def _masked_front(node: ast.BinOp, function: FunctionInfo, params: list[str]) -> tuple[str, int] | None:
    """`[IGNORE_INDEX] * n_prompt + ids[n_prompt:]`, `n_prompt` a parameter: labels built with their first `n`
    masked (not `ids + [IGNORE_INDEX] * pad`, a padding at the end). The parameter and the line."""
    front = node.left
    if not (isinstance(node.op, ast.Add) and isinstance(front, ast.BinOp) and _is_list_times(front)):
        return None
    fill = _list_fill(front)
    count = front.right if isinstance(front.left, ast.List) else front.left
    if fill is None or not _is_ignore_value(fill):
        return None
    param = _parameter_behind(count, function, params)
    return (param, node.lineno) if param is not None else None


def _guarded_mask(node: ast.If, function: FunctionInfo, params: list[str]) -> tuple[str, int] | None:
    """`if end <= boundary: labels[i] = IGNORE_INDEX` (in a loop over the tokens' offsets or positions), `boundary`
    a parameter: the labels before it are masked (a prefix counted in characters or tokens). The parameter and the
    mask's line."""
    bound = _below_a_bound(node.test)
    if bound is None:
        return None
    masks = [
        statement
        for statement in node.body
        if isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Subscript)
        and _masks_with(statement.value)
    ]
    param = _parameter_behind(bound, function, params) if masks else None
    return (param, masks[0].lineno) if param is not None else None


def _chosen_mask(node: ast.IfExp, function: FunctionInfo, params: list[str]) -> tuple[str, int] | None:
    """`IGNORE_INDEX if start < boundary else token` (appended to the labels in a loop over the tokens' offsets or
    positions, or a comprehension's item), `boundary` a parameter: the labels before it are masked. The parameter
    and the line."""
    bound = _below_a_bound(node.test)
    if bound is None or not _is_ignore_value(node.body):
        return None
    param = _parameter_behind(bound, function, params)
    return (param, node.lineno) if param is not None else None


def _below_a_bound(test: ast.expr) -> ast.expr | None:
    """The bound of `x < bound` (or `<=`): what a position or offset is compared with; None for another test."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Lt, ast.LtE)):
        return test.comparators[0]
    return None


def _grown_in(conversation: ast.expr | None, loop: ast.For | ast.AsyncFor | ast.While) -> str:
    """The name of a conversation that `loop` grows by a turn each pass (`cumulative.append(message)`, `+=`, or
    `messages[: i + 1]` with `i` a name the loop binds), else ""."""
    if isinstance(conversation, ast.Subscript) and isinstance(conversation.slice, ast.Slice):
        upper = conversation.slice.upper
        targets = (
            set() if isinstance(loop, ast.While) else {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
        )
        named = {node.id for node in ast.walk(upper) if isinstance(node, ast.Name)} if upper is not None else set()
        return code(conversation) if conversation.slice.lower is None and named & targets else ""
    if not isinstance(conversation, ast.Name):
        return ""
    for node in nodes_under(loop.body):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("append", "extend")
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == conversation.id
        ) or (
            isinstance(node, ast.AugAssign)
            and isinstance(node.op, ast.Add)
            and isinstance(node.target, ast.Name)
            and node.target.id == conversation.id
        ):
            return conversation.id
    return ""


def _masks_with(value: ast.expr, function: FunctionInfo | None = None) -> bool:
    """`-100`, `IGNORE_INDEX`, `[IGNORE_INDEX] * n`; with the function, also a parameter of it that defaults to
    such a value (`def preprocess(row, tok, INGORE_INDEX=-100)`)."""
    fill: ast.expr | None = value
    if isinstance(value, ast.BinOp) and _is_list_times(value):
        fill = _list_fill(value)
    if function is not None and isinstance(fill, ast.Name) and fill.id in function.params:
        fill = function.params[fill.id].default or fill
    return fill is not None and _is_ignore_value(fill)


def _parameter_behind(expr: ast.expr, function: FunctionInfo, params: list[str]) -> str | None:
    """The parameter a bound is, or that the one value of the local name it is was computed from mentions."""
    if not isinstance(expr, ast.Name):
        return None
    if expr.id in params:
        return expr.id
    values = function.assignments.get(expr.id, [])
    if len(values) != 1:
        return None
    # (`min(prompt_len, len(labels))`: the labels' own length only caps it)
    measured = {
        id(node.args[0])
        for node in ast.walk(values[0])
        if isinstance(node, ast.Call) and called_name(node) == "len" and node.args
    }
    mentioned = {
        node.id
        for node in ast.walk(values[0])
        if isinstance(node, ast.Name) and node.id in params and id(node) not in measured
    }
    return mentioned.pop() if len(mentioned) == 1 else None


def _text_arguments(call: ast.Call) -> list[ast.expr]:
    """The positional arguments of a call that may be its text: a helper that takes the tokenizer first
    (`ids_of(tokenizer, prompt_text)`) is read from its next argument; a processor's `text=` keyword. A batch of
    one text (`processor(text=[prompt], images=[image])`) holds that text's tokens in its one row."""
    arguments = [arg for arg in call.args if not isinstance(arg, ast.Starred)]
    if not arguments and (text := keyword_value(call, "text")) is not None:
        arguments = [text]
    arguments = arguments[1:] if len(arguments) > 1 and is_tokenizer(arguments[0]) else arguments
    return [_one_text(arg) for arg in arguments]


def _one_text(node: ast.expr) -> ast.expr:
    """`[prompt]` is `prompt`: a batch of one text (`processor(text=[prompt], images=[image])`) holds its tokens in
    its one row."""
    return node.elts[0] if isinstance(node, ast.List) and len(node.elts) == 1 else node


class _ColumnFlow(_Flow):
    column_reads = True


class _HookFlow(_Flow):
    """The flow followed down to calls of methods a class leaves to its subclasses (`HookRead`)."""

    @functools.cached_property
    def hookable(self) -> dict[int, frozenset[str]]:
        """By class (its id): the methods it leaves to subclasses: abstract (`raise NotImplementedError`, `...`,
        `@abstractmethod`)."""
        found: dict[int, frozenset[str]] = {}
        for function in self.facts.functions:
            cls = function.cls
            if cls is not None and function.name in cls.methods and _is_abstract(function.node):
                found[id(cls)] = found.get(id(cls), frozenset()) | {function.name}
        return found

    def _hook(self, call: ast.Call, function: FunctionInfo) -> Carrier | None:
        func = call.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"):
            return None
        if function.cls is None or func.attr not in self.hookable.get(id(function.cls), frozenset()):
            return None
        return HookRead(function, func.attr, call)

    @functools.cached_property
    def _reaching_renders(self) -> set[int]:
        """The methods that build labels and call a method their class leaves to subclasses."""
        return {
            id(function)
            for call, function, _ in self.facts.calls
            if function.labels_evidence and self._hook(call, function) is not None
        }


def _branch_beside_a_constant(expr: ast.IfExp) -> ast.expr | None:
    """The one branch of `a if test else b` that is not a constant (`0`, `None`): what the value is when it is
    anything."""
    branches = [branch for branch in (expr.body, expr.orelse) if not isinstance(branch, ast.Constant)]
    return branches[0] if len(branches) == 1 else None


def _is_abstract(node: ast.AST) -> bool:
    """A method whose body only says it is left to subclasses: `raise NotImplementedError`, `...`, `pass` (after a
    docstring), or one decorated `@abstractmethod`."""
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    if any((dotted_name(item) or "").endswith("abstractmethod") for item in node.decorator_list):
        return True
    body = node.body[1:] if node.body and string_value(getattr(node.body[0], "value", None)) is not None else node.body
    return bool(body) and all(
        isinstance(statement, ast.Pass)
        or (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))
        or (isinstance(statement, ast.Raise) and "NotImplementedError" in (dotted_name(_raised(statement)) or ""))
        for statement in body
    )


def _raised(statement: ast.Raise) -> ast.expr | None:
    exc = statement.exc
    return exc.func if isinstance(exc, ast.Call) else exc


def _is_full_render(other: Carrier, render: Carrier) -> bool:
    """`other` renders the whole conversation, so slicing it (or pairing it) by `render`'s length splits off the
    prompt. Not so for a second prompt render, nor for the same conversation rendered with and without the
    header to find the header's tokens (template introspection). A column of the rows (`render`'s length read
    from one) is sliced by another column, or by a full render."""
    if isinstance(other, HookRead) or isinstance(render, HookRead):
        # methods left to subclasses: which one is the prompt only a subclass shows, so a slice of one by another's
        # length says nothing (`[-100] * len(self.render_prompt(row))` does)
        return False
    if isinstance(other, ColumnRead):
        return isinstance(render, ColumnRead) and other.column != render.column
    if isinstance(render, ColumnRead):
        return other.shape.kind is not ShapeKind.PROMPT and not other.flag("add_generation_prompt").is_true
    if other is render or other.shape.kind is ShapeKind.PROMPT or other.flag("add_generation_prompt").is_true:
        return False
    return not (other.conversation_text == render.conversation_text and other.shape.kind is render.shape.kind)


def _argument(
    child: ast.AST, parent: ast.AST, ancestors: tuple[ast.AST, ...], index: int
) -> tuple[ast.AST, ast.Call, ast.AST | None] | None:
    """When `child` is handed to a call: (the argument as the call lists it, the call, what holds the call).

    A positional argument's parent is the call; a keyword's is its `ast.keyword`, a `*args`' its `ast.Starred`."""
    if isinstance(parent, ast.Call):
        if any(arg is child for arg in parent.args):
            return child, parent, ancestors[index - 1] if index >= 1 else None
        return None
    if isinstance(parent, (ast.keyword, ast.Starred)) and index >= 1 and isinstance(ancestors[index - 1], ast.Call):
        return parent, ancestors[index - 1], ancestors[index - 2] if index >= 2 else None  # type: ignore[return-value]
    return None


def _position_mask(
    compare: ast.Compare, child: ast.AST, ancestors: tuple[ast.AST, ...], index: int
) -> tuple[ast.AST, str] | None:
    """`[-100 if i < prompt_len else tok for i, tok in enumerate(input_ids)]`: a comprehension over the positions of
    the ids that puts the ignore value at those before the length (or keeps those from it on)."""
    if index < 2 or len(compare.ops) != 1:
        return None
    branch, comprehension = ancestors[index - 1], ancestors[index - 2]
    if not (isinstance(branch, ast.IfExp) and branch.test is compare):
        return None
    if not (isinstance(comprehension, (ast.ListComp, ast.GeneratorExp)) and comprehension.elt is branch):
        return None
    position = compare.comparators[0] if child is compare.left else compare.left
    op = compare.ops[0]
    if child is compare.left:  # `n > i`: read as `i < n`
        op = {ast.Gt: ast.Lt(), ast.GtE: ast.LtE(), ast.Lt: ast.Gt(), ast.LtE: ast.GtE()}.get(type(op), op)
    before = isinstance(op, (ast.Lt, ast.LtE))
    if not before and not isinstance(op, (ast.Gt, ast.GtE)):
        return None
    if not _is_ignore_value(branch.body if before else branch.orelse):
        return None
    generator = comprehension.generators[0]
    target = generator.target
    counter = target.elts[0] if isinstance(target, ast.Tuple) and target.elts else target
    counted = isinstance(generator.iter, ast.Call) and called_name(generator.iter) in ("enumerate", "range")
    if not (counted and isinstance(counter, ast.Name) and dotted_name(position) == counter.id):
        return None
    return comprehension, f"`{_short(comprehension)}`"


def _offset_mask(
    compare: ast.Compare, child: ast.AST, ancestors: tuple[ast.AST, ...], index: int
) -> tuple[ast.AST, str] | None:
    """`labels.append(IGNORE_INDEX if start < len(prompt_text) else tok)` in `for tok, (start, end) in zip(ids,
    enc["offset_mapping"])` (or a comprehension's item): the tokens whose characters start before the prompt's end
    get the ignore value, the prompt's length counted in characters against each token's offsets."""
    if index < 2 or _below_a_bound(compare) is not child or not isinstance(compare.left, ast.Name):
        return None
    branch, holder = ancestors[index - 1], ancestors[index - 2]
    if not (isinstance(branch, ast.IfExp) and branch.test is compare and _is_ignore_value(branch.body)):
        return None
    appended = (
        isinstance(holder, ast.Call)
        and isinstance(holder.func, ast.Attribute)
        and holder.func.attr == "append"
        and _is_labels(holder.func.value)
    )
    if not appended and not (isinstance(holder, (ast.ListComp, ast.GeneratorExp)) and holder.elt is branch):
        return None
    position = compare.left.id
    for node in reversed(ancestors[: index - 1]):
        walks = node.generators if isinstance(node, (ast.ListComp, ast.GeneratorExp)) else [node]
        for walk in walks:
            if not isinstance(walk, (ast.comprehension, ast.For, ast.AsyncFor)):
                continue
            bound = {name.id for name in ast.walk(walk.target) if isinstance(name, ast.Name)}
            if position in bound and "offset" in code(walk.iter).lower():
                return holder, f"`{_short(holder)}`"
    return None


def _range_loop_mask(arg: ast.AST, call: ast.Call, loop: ast.AST | None) -> tuple[ast.AST, str] | None:
    """`for i in range(prompt_len): labels[i] = -100`, `for i in range(prompt_len, n): labels[i] = ids[i]`."""
    if dotted_name(call.func) != "range" or not isinstance(loop, _LOOPS) or loop.iter is not call:
        return None
    if not isinstance(loop.target, ast.Name) or isinstance(arg, ast.keyword):
        return None
    arguments = arguments_in_order(call)
    position = next((number for number, candidate in enumerate(arguments) if candidate is arg), -1)
    if len(arguments) == 1 and position == 0:
        bound = "prefix"  # `range(n)`: the first n tokens
    elif len(arguments) >= 2 and position == 0:
        bound = "after"  # `range(n, end)`: from n on
    else:
        return None
    variable = loop.target.id
    for node in nodes_under(loop.body):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0]
        if not isinstance(target, ast.Subscript) or not (
            isinstance(target.slice, ast.Name) and target.slice.id == variable
        ):
            continue
        if _is_labels(target.value):
            masks = _is_ignore_value(node.value)
        elif _marks_tokens((dotted_name(target.value) or "").lower()):
            # a mask over the tokens (`loss_mask[t] = 1`), or the turn each token belongs to (`turn_ids[t] = turn`,
            # -1 for the context): what it marks from the prompt's length on is trained
            masks = (
                _is_ignore_value(node.value) or bool_literal(node.value) is False or _constant(node.value) in (0, -1)
            )
        else:
            continue
        if (bound == "prefix" and masks) or (bound == "after" and not masks):
            return node, f"`{_short(node)}` in `for {variable} in {_short(call)}`"
    return None


# what marks tokens as trained or not, by its name: a mask (`loss_mask`, `action_mask`), or the turn a token is of
_TOKEN_MARKS = re.compile(r"mask|turn_?(?:ids|idx|index|of)")


def _marks_tokens(name: str) -> bool:
    """Does a list of that name mark which tokens are trained (not which are attended to: `attention_mask`)?"""
    return _TOKEN_MARKS.search(name) is not None and "attention" not in name


def _constant(node: ast.expr) -> object:
    """The value of a number literal, also a negative one (`-1`); None for anything else."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        value = node.operand.value
        return -value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return node.value if isinstance(node, ast.Constant) and not isinstance(node.value, bool) else None


def _string_key(node: ast.Subscript) -> str | None:
    return string_value(node.slice)


def _is_length_call(parent: ast.AST, ancestors: tuple[ast.AST, ...], index: int) -> bool:
    """`min(prompt_len, max_len)`: climbing through it (and through a keyword or `*` argument of it) keeps a
    length."""
    if isinstance(parent, (ast.keyword, ast.Starred)):
        call = ancestors[index - 1] if index else None
        return isinstance(call, ast.Call) and dotted_name(call.func) in _LENGTH_PRESERVING_CALLS
    return isinstance(parent, ast.Call) and dotted_name(parent.func) in _LENGTH_PRESERVING_CALLS


def _is_list_times(node: ast.BinOp | ast.UnaryOp) -> bool:
    return (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Mult)
        and (isinstance(node.left, ast.List) or isinstance(node.right, ast.List))
    )


def _list_fill(node: ast.BinOp) -> ast.expr | None:
    listed = node.left if isinstance(node.left, ast.List) else node.right
    assert isinstance(listed, ast.List)
    if len(listed.elts) != 1:
        return None
    fill = listed.elts[0]
    return fill.value if isinstance(fill, ast.Starred) else fill


def _is_ignore_value(node: ast.expr) -> bool:
    """`-100`, `IGNORE_INDEX`, `self.ignore_index`, `label_pad_token_id`, `self.label_pad`."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return isinstance(node.operand, ast.Constant) and type(node.operand.value) is int
    name = (dotted_name(node) or "").split(".")[-1].lower()
    return "ignore" in name or "masked" in name or name.startswith("label_pad")


def _statement_of(ancestors: tuple[ast.AST, ...]) -> ast.stmt | None:
    """The innermost statement among `ancestors`."""
    return next((node for node in reversed(ancestors) if isinstance(node, ast.stmt)), None)


def _assigned_to_mask(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> bool:
    """`loss_mask = [0] * n + ...`: a 0/1 mask over the tokens, assigned to a name that says so, or stored under a key
    or keyword that does (`{"input_ids": ids, "loss_mask": [0] * n + [1] * (len(ids) - n)}`)."""
    below = node
    for holder in reversed(ancestors):
        if isinstance(holder, ast.BinOp):
            below = holder
            continue
        if isinstance(holder, ast.Dict):
            key = next((key for key, value in zip(holder.keys, holder.values) if value is below), None)
            return "mask" in (string_value(key) or "").lower() if key is not None else False
        if isinstance(holder, ast.keyword):
            return "mask" in (holder.arg or "").lower()
        break
    statement = _statement_of(ancestors)
    if not isinstance(statement, ast.Assign):
        return False
    return any("mask" in code(target).lower() or _is_labels(target) for target in statement.targets)


def _is_subscript_key(node: ast.Tuple, ancestors: tuple[ast.AST, ...], index: int) -> bool:
    """`x[a, b]`: the tuple is the subscript's key, not a tuple value."""
    holder = ancestors[index - 1] if index >= 1 else None
    return isinstance(holder, ast.Subscript) and holder.slice is node


def _enclosing_subscript(ancestors: tuple[ast.AST, ...], index: int) -> ast.Subscript | None:
    """The subscript whose key holds the slice at `ancestors[index]`: `x[:n]`, or `x[:, :n]` through its tuple."""
    for position in range(index - 1, -1, -1):
        node = ancestors[position]
        if isinstance(node, ast.Subscript):
            return node
        if not isinstance(node, ast.Tuple):
            return None
    return None


def _assignment_to(subscript: ast.Subscript, ancestors: tuple[ast.AST, ...]) -> ast.Assign | None:
    """The statement for `labels[:n] = ...` / `labels[:, :n] = -100`, where the slice is written (as only masking
    does), else None."""
    statement = _statement_of(ancestors)
    if isinstance(statement, ast.Assign) and any(target is subscript for target in statement.targets):
        return statement
    return None


def _is_labels(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return is_label_name(node.id)
    if isinstance(node, ast.Attribute):
        return is_label_name(node.attr)
    if isinstance(node, ast.Subscript) and not isinstance(node.slice, (ast.Slice, ast.Tuple)):
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, (str, bytes)):
            return isinstance(key.value, str) and is_label_name(key.value)
        return _is_labels(node.value)
    return False


def _is_labels_use(ancestors: tuple[ast.AST, ...]) -> bool:
    """The slice ends up in `labels`: `labels = ... full_ids[:n] ...`."""
    statement = _statement_of(ancestors)
    return isinstance(statement, ast.Assign) and any(_is_labels(target) for target in statement.targets)


def _statement_text(ancestors: tuple[ast.AST, ...], index: int) -> str:
    for position in range(index - 1, -1, -1):
        node = ancestors[position]
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            return _short(node)
    return ""


def _short(node: ast.AST) -> str:
    return shortened(code(node), 60)
