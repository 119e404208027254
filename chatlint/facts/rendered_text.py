"""Where a text comes from: was it rendered by a chat template with `tokenize=False`?

A tokenizer call is only a double-BOS risk when the text it tokenizes already starts with the template's BOS. This
module answers, for an expression, whether it is such a rendered text (`template_text`) or a list of them
(`template_texts`), and if so returns a `TextOrigin`: the render in words and the route from the expression back to
it. The route is followed through
- local names (every binding that may reach the load, see `flow`), tuple unpacking and `if`/`else` expressions;
- `typing.cast(str, text)` (the same object under another static type);
- concatenations that start with the text (`prompt + completion`), slices that keep its start (`text[:n]`) and
  string methods that keep it (`.strip()`, `.replace(...)`, ... unless they mention the BOS);
- list comprehensions, list literals, `list(...)`, lists built with `.append` / `.extend` / `+=`;
- dict and row fields set in the same function (`row["text"] = ...`, `{"text": ...}`);
- helper functions and methods of the module that return the text (by position when they return a tuple);
- list attributes one method of a class fills (`self.prompts.append(...)`, `__init__`) and another reads.

Rows and dataset columns (the fields of a row a function returns, what a `.map()` or `Dataset.from_dict` writes)
are `rendered_columns`' part, reached through `RenderedTexts.rows`. This module knows nothing about tokenizer
calls; `tokenizer_calls` asks it about the text each call takes.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TypeGuard

from chatlint.facts.column_names import ColumnName, column_name, field_default, option_defaults
from chatlint.facts.engines import built_text_prompt
from chatlint.facts.flow import (
    MAX_RESOLUTION_DEPTH,
    Binding,
    FunctionFlow,
    called_method,
    enclosing_bindings,
    function_flow,
    instance_class,
    instance_method,
    single_assignment,
)
from chatlint.facts.index import calls_by_name
from chatlint.facts.library_renders import HARNESS_MODELS, TORCHSERVE_HANDOFF, VLLM_RENDER, request_arguments
from chatlint.facts.links import Links, imported_origin
from chatlint.facts.model import (
    CallSite,
    ClassInfo,
    FunctionInfo,
    Hop,
    Route,
    TemplateCall,
    TextOrigin,
    classes_of,
    with_hop,
)
from chatlint.facts.rendered_columns import RenderedColumns
from chatlint.facts.summary import BOS_TOKENS, WRITTEN_PROMPT, ModuleSummary, TextSummary
from chatlint.facts.syntax import (
    SAME_ITEMS,
    bool_literal,
    bound_argument,
    called_name,
    cast_value,
    code,
    constant_column,
    current_source,
    dotted_name,
    first_argument,
    is_classmethod,
    is_property,
    keyword_value,
    same_items,
    shortened,
    string_value,
    transposed,
)
from chatlint.findings import Related

# string methods whose result still starts where the text started
_KEEPS_START = frozenset({"strip", "rstrip", "lstrip", "replace", "format", "removesuffix"})
# functions whose result is their first argument's text, still starting where it started: `str(prompt)`, ftfy's
# `fix_text(prompt)` (repairs mojibake, keeps special tokens)
_SAME_TEXT = frozenset({"str", "fix_text", "ftfy.fix_text"})

# functions that cut a sequence into lists of consecutive items (by name: the standard library's, more-itertools',
# and the helpers projects write under these names)
_CHUNKING = frozenset({"batched", "chunked", "chunks", "batchify", "iter_batches", "minibatches"})

_Follow = Callable[[ast.expr, FunctionInfo, int], "TextOrigin | None"]
_FollowBinding = Callable[[Binding, FunctionInfo, int], "TextOrigin | None"]


_HANDLER_HOP = "handed to `{}` by TorchServe's `BaseHandler.handle`, from `self.{}`"


class RenderedTexts:
    """Traces expressions of one module back to a chat-template render with `tokenize=False`."""

    def __init__(
        self,
        functions: list[FunctionInfo],
        template_calls: list[TemplateCall],
        flows: dict[int, FunctionFlow],
        links: Links | None = None,
        calls: list[CallSite] | None = None,
        classes: dict[str, ClassInfo] | None = None,
        library_renders: frozenset[str] = frozenset(),
        harness: bool = False,
        handler_bases: frozenset[str] = frozenset(),
    ) -> None:
        self.functions = functions
        # the names the module calls a library's rendering functions by (`facts.library_renders`), and whether it
        # imports lm-evaluation-harness
        self.library_renders = library_renders
        self.harness = harness
        # the names the module binds TorchServe's `BaseHandler` to (`facts.library_renders`)
        self.handler_bases = handler_bases
        self.flows = flows
        self.calls = calls or []
        # every class of the module by name, with or without methods (`@dataclass class Rollout: prompt: str`)
        self.module_classes = classes or {}
        self.templates = {id(template_call.call): template_call for template_call in template_calls}
        self.links = links or Links()
        self.rows = RenderedColumns(self, calls or [])
        self.busy: set[tuple[object, ...]] = set()  # guards against recursion between helpers and attributes
        self._defaults: dict[str, str] | None = None  # the module's configuration defaults, on first use
        # `tuple_items` by expression, function, position and kind, with the depth it was worked out at: a name bound
        # many times to values that are names bound many times again would else be walked once per path to it
        self._tuple_items: dict[tuple[int, int, int, bool], tuple[int, TextOrigin | None]] = {}

    def flow(self, function: FunctionInfo) -> FunctionFlow:
        return function_flow(function, self.flows)

    def origin(self, text: ast.expr, function: FunctionInfo) -> TextOrigin | None:
        """Where the text a tokenizer takes comes from: one rendered text, or a batch of them (`batch=True`)."""
        origin = self.template_text(text, function, 0)
        if origin is not None:
            return origin
        many = self.template_texts(text, function, 0)
        return replace(many, batch=True) if many is not None else None

    # -- one text ---------------------------------------------------------------------------------------------------
    def template_text(self, expr: ast.expr, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """The chat-template render that `expr` (one text) starts with, or None."""
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        if isinstance(expr, ast.Await):
            expr = expr.value  # `await self._chat_prompt(messages)`: what the coroutine returns
        if strips_bos(expr):
            return None  # `strip_leading_bos(text, tok)`, `text.removeprefix(tok.bos_token)`: no BOS at its start
        if isinstance(expr, ast.Call):
            return self._call_text(expr, function, depth)
        if isinstance(expr, ast.Name):
            return self._name_text(expr, function, depth, self._binding_text)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            left = expr.left
            if isinstance(left, ast.Constant) and left.value in BOS_TOKENS:
                # a BOS token written in front of a text: `"<|begin_of_text|>" + body`
                return TextOrigin(f"`{_short(expr)}`", line=expr.lineno, written_bos=str(left.value))
            # the text starts with the left operand: `prompt + completion`
            return with_hop(self.template_text(left, function, depth + 1), f"`{_short(expr)}`", altered=True)
        if isinstance(expr, ast.IfExp):
            return _either(
                self.template_text(expr.body, function, depth + 1),
                self.template_text(expr.orelse, function, depth + 1),
            )
        if isinstance(expr, ast.Subscript) and not isinstance(expr.slice, ast.Tuple):
            return self._subscript_text(expr, function, depth)
        if isinstance(expr, ast.Attribute) and dotted_name(expr.value) == "self" and function.self_class is not None:
            return self.attribute_text(expr.attr, function.self_class, depth)
        if isinstance(expr, ast.Attribute):
            return self._field_text(expr, function, depth)
        if isinstance(expr, (ast.Constant, ast.JoinedStr)):
            token = written_bos(expr)
            if token:
                return TextOrigin(f"`{_short(expr)}`", line=expr.lineno, written_bos=token)
            first = expr.values[0] if isinstance(expr, ast.JoinedStr) and expr.values else None
            if isinstance(first, ast.FormattedValue) and first.conversion == -1 and first.format_spec is None:
                # the text starts with the value put first: `f"{prompt}\n{image_token}\n"`
                return with_hop(self.template_text(first.value, function, depth + 1), f"`{_short(expr)}`", altered=True)
        return None

    def _field_text(self, expr: ast.Attribute, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """`rollout.prompt_text`, where `rollout` is an instance of a class (built, annotated, or an item of an
        annotated sequence) whose field its callers fill with a render (`Rollout(prompt_text=text)`): a class of
        the module, or an imported one as its summary says."""
        cls = instance_class(expr.value, function, self.flows)
        name = dotted_name(cls) if cls is not None else None
        if name is None:
            return None
        local = self.module_classes.get(name)
        if local is not None:
            prop = local.methods.get(expr.attr)
            if prop is not None and is_property(prop):  # `req.prompt`, a property that returns a render
                return self._returned(prop, None, depth, many=False)
            return self.field_text(local, expr.attr, depth)
        imported = self.links.stored_text(name, expr.attr)
        if imported is not None and imported[0].stored == "field":
            return imported_origin(*imported, f"is built with rendered text in `{expr.attr}`")
        imported = self.links.method_text(name, expr.attr)
        if imported is not None and not imported[0].params and not imported[0].columns:
            # (a method without parameters read as an attribute: a property)
            return imported_origin(*imported, "renders the text returned")
        return None

    @functools.cached_property
    def constructions(self) -> dict[str, list[tuple[ast.Call, FunctionInfo]]]:
        """The calls that build each class of the module (`Rollout(...)`), by its name."""
        found: dict[str, list[tuple[ast.Call, FunctionInfo]]] = {}
        for call, caller, _ in self.calls:
            if isinstance(call.func, ast.Name) and call.func.id in self.module_classes:
                found.setdefault(call.func.id, []).append((call, caller))
            elif (
                isinstance(call.func, ast.Name) and call.func.id == "cls" and caller.cls and is_classmethod(caller.node)
            ):
                found.setdefault(caller.cls.name, []).append((call, caller))  # `cls(text=text)` in a classmethod
        return found

    def field_text(self, cls: ClassInfo, field: str, depth: int) -> TextOrigin | None:
        """The render the calls of the module that build the class put in its field (`Rollout(prompt_text=text)`,
        or by position); certain when every call that sets it sets a render."""
        fields = list(cls.annotations)
        key = ("field", id(cls), field)
        if field not in fields or key in self.busy or depth > MAX_RESOLUTION_DEPTH:
            return None
        self.busy.add(key)
        try:
            position = fields.index(field)
            origins = []
            for call, caller in self.constructions.get(cls.name, ()):
                value = keyword_value(call, field)
                if value is None and position < len(call.args):
                    before = call.args[: position + 1]
                    value = None if any(isinstance(arg, ast.Starred) for arg in before) else call.args[position]
                if value is not None:
                    origins.append((call, self.template_text(value, caller, depth + 1)))
            made = next(((call, origin) for call, origin in origins if origin is not None), None)
            if made is None:
                return None
            call, origin = made
            hop = Hop(f"stored in `{cls.name}.{field}` by `{_short(call)}` (line {call.lineno})", is_place=True)
            certain = all(item is not None and item.certain for _, item in origins)
            hopped = with_hop(origin, hop)
            return replace(hopped, certain=certain, same_function=False) if hopped is not None else None
        finally:
            self.busy.discard(key)

    def _subscript_text(self, expr: ast.Subscript, function: FunctionInfo, depth: int) -> TextOrigin | None:
        element = expr.slice
        cut = expr.value
        if _is_zero(element) and request_arguments(cut):
            return self._harness_context(function, depth)  # (`request.args[0]`)
        if (
            _is_zero(element)
            and isinstance(cut, ast.Call)
            and isinstance(cut.func, ast.Attribute)
            and cut.func.attr in ("split", "rsplit", "partition", "rpartition")
        ):
            # `render(...).split(marker)[0]`: the first part keeps the render's start
            return with_hop(self.template_text(cut.func.value, function, depth + 1), f"`{_short(expr)}`", True)
        if isinstance(element, ast.Slice):
            # `text[:n]` keeps the start; `text[len(prompt):]` does not
            if element.lower is None or _is_zero(element.lower):
                found = self.template_text(expr.value, function, depth + 1)
                return replace(found, altered=True) if found is not None and element.upper is not None else found
            return None
        column = self.column_of(element, function)
        if column is not None:
            if isinstance(expr.value, ast.Call):  # `maybe_apply_chat_template(example, tok)["text"]`
                return with_hop(self.rows.row_column(expr.value, column.name, function, depth), f"`{_short(expr)}`")
            base = dotted_name(expr.value)
            if base is None:
                # `dataset[i]["prompt_text"]`: a column of a row of a parameter
                row = self._row_of_a_parameter(expr.value, function)
                return self.rows.column_text(expr, column, function) if row else None
            items = self.flow(function).items
            values = items.get((base, column.name), [])
            if (constant := constant_column(element)) is not None and constant != column.name:
                values = [*values, *items.get((base, constant), [])]  # (`row[TEXT_KEY] = ...` stored it)
            handed = self._handler_source(function) if base in function.call_params[:1] else None
            if not values and handed is not None:
                # `data["prompt"]` in a TorchServe handler's `inference`: a column of the row `preprocess` returns
                found = self.rows.returned_columns(handed, depth + 1, None, False).get(column.name)
                hop = Hop(_HANDLER_HOP.format(function.qualname, handed.name), is_place=True)
                return with_hop(with_hop(found, hop), f"`{_short(expr)}`")
            if not values and base in function.params:
                typed = self.rows.typed_column(base, column.name, function, depth)
                if typed is not None:
                    # `raw_request["prompt"]` with `raw_request: HuggingFaceRequest`, a `TypedDict` the module
                    # builds with a render in that key
                    return with_hop(typed, f"`{_short(expr)}`")
            if not values and (base in function.params or self._row_of_a_parameter(expr.value, function)):
                # a row of a dataset: `example["text"]`, where a `.map()` of the module stored a rendered text; or a
                # row of the batch a function is given (`[row["prompt"] for row in batch]`)
                return self.rows.column_text(expr, column, function)
            maps = [
                call
                for call, lambda_ in self.rows.lambda_rows.get((id(function), base), [])
                if not values and _inside(expr, lambda_)
            ]
            if maps:
                # `ds.map(lambda row: tok(row["text"]))`: a row of the dataset that `.map()` is applied to
                return with_hop(
                    self.rows.column_of_maps(column.name, [(call, function) for call in maps]), f"`{_short(expr)}`"
                )
            item = self._dataset_item_column(expr.value, column.name, function, depth) if not values else None
            if item is not None:
                # `item["prompt"]` for `item` an item of a dataset whose `__getitem__` renders into that column
                return with_hop(item, f"`{_short(expr)}`")
            if not values and isinstance(expr.value, ast.Name):
                # `row = render_row(example, tok)`, then `row["prompt"]`: the column of the row a function returns
                return with_hop(
                    self.rows.returned_row_column(expr.value, column.name, function, depth), f"`{_short(expr)}`"
                )
            return with_hop(
                _any(self.template_text(value, function, depth + 1) for value in values), f"`{_short(expr)}`"
            )
        index = _index(element)
        if index is not None and isinstance(expr.value, ast.Subscript) and not isinstance(expr.value.slice, ast.Slice):
            # one element of one item of a list of tuples: `pairs[i][0]`, `self.items[idx][0]`
            found = self.tuple_items(expr.value.value, function, depth + 1, index)
            return with_hop(found, f"`{_short(expr)}`")
        if index is not None and isinstance(expr.value, ast.Name):
            # one element of the item of a loop over a list of tuples: `[task[2] for task in tasks]` with
            # `tasks.append((idx, variant, render(...)))`
            bindings = self.flow(function).reaching(expr.value.id, expr.value)
            if len(bindings) == 1 and bindings[0].kind == "loop" and bindings[0].value is not None:
                found = self.tuple_items(bindings[0].value, function, depth + 1, index)
                if found is not None:
                    return with_hop(found, f"`{_short(expr)}`")
        if self._split_pieces(expr.value, function) and not _is_zero(element):
            return None  # `text.split(marker)[1]`: a piece after the first, which holds the render's start
        mapped = _dict_comprehension(expr.value, function, self.flows)
        if mapped is not None:
            # one value of a dict of renders: `prompts[problem["id"]]` with `prompts = {p["id"]: render(p) ...}`
            return with_hop(self.template_text(mapped.value, function, depth + 1), f"`{_short(expr)}`")
        # one text out of a list of them: `texts[i]`, `self.prompts[idx]`
        return with_hop(self.template_texts(expr.value, function, depth + 1), f"`{_short(expr)}`")

    def _row_of_a_parameter(self, row: ast.expr, function: FunctionInfo) -> bool:
        """Is `row` one row of a parameter of the function: the loop name of a loop or comprehension over it (`for
        row in batch`), or over a list of its rows (`batch = [dataset[j] for j in idx]`, then `for x in batch`), or
        one taken by a position (`dataset[i]`, or `example = dataset[i]`)?"""
        if isinstance(row, ast.Subscript):
            return self._position_of_a_parameter(row, function)
        if not isinstance(row, ast.Name):
            return False
        bindings = self.flow(function).reaching(row.id, row)
        return bool(bindings) and all(
            binding.walks_a_parameter(function)
            or (binding.kind == "assign" and self._position_of_a_parameter(binding.value, function))
            or self._walks_rows_of_a_parameter(binding, function)
            for binding in bindings
        )

    def _position_of_a_parameter(self, value: ast.expr | None, function: FunctionInfo) -> bool:
        """`dataset[i]`: one row of a parameter, taken by a position (not a column: `dataset["text"]`)."""
        if not isinstance(value, ast.Subscript) or not isinstance(value.value, ast.Name):
            return False
        if isinstance(value.slice, ast.Slice) or string_value(value.slice) is not None:
            return False
        name = value.value.id
        reaching = self.flow(function).reaching(name, value.value)
        return name in function.params and all(item.kind == "param" for item in reaching)

    def _walks_rows_of_a_parameter(self, binding: Binding, function: FunctionInfo) -> bool:
        """`for x in batch` with `batch = [dataset[j] for j in idx]`: a loop over a list of rows of a parameter
        taken by their positions, the list bound once."""
        source = binding.value if binding.kind == "loop" else None
        if not isinstance(source, ast.Name):
            return False
        listed = single_assignment(source.id, function, self.flows)
        return isinstance(listed, ast.ListComp) and self._position_of_a_parameter(listed.elt, function)

    def column_of(self, key: ast.expr, function: FunctionInfo) -> ColumnName | None:
        """The column name `key` (in `function`) holds: see `column_names.column_name`."""
        return column_name(key, function, self.links.constants, self._option_defaults, self.links.field_defaults)

    def column_named(self, column: str) -> str:
        """A column as another module's summary names it, as this module knows it (see `field_default`)."""
        return field_default(column, self._option_defaults, self.links.field_defaults)

    def dataset_column(self, column: str, dataset: ast.expr, function: FunctionInfo) -> TextOrigin | None:
        """The render in `column` of the rows of `dataset`, when it was made by a call that wrote one there."""
        return self.rows.column_of_datasets(column, [(dataset, function)])

    def _option_defaults(self) -> dict[str, str]:
        if self._defaults is None:
            module = next((function.node for function in self.functions if function.is_module), None)
            self._defaults = option_defaults(module) if isinstance(module, ast.Module) else {}
        return self._defaults

    def _call_text(self, call: ast.Call, function: FunctionInfo, depth: int) -> TextOrigin | None:
        template_call = self.templates.get(id(call))
        if template_call is not None and template_call.route is Route.HELPER:
            return template_call.helper_origin if template_call.flag("tokenize").value is False else None
        if template_call is not None:
            if template_call.route is Route.WRAPPER and (
                template_call.strips_bos or self.wrapper_strips_bos(call, function)
            ):
                return None  # `render(tok, messages)` whose wrapper returns `text[len(tok.bos_token):]`
            if template_call.returns_text:
                return TextOrigin(
                    _render_words(call, template_call),
                    line=call.lineno,
                    related=template_call.related,
                    render_call=call,
                )
            if template_call.route is not Route.WRAPPER:
                return None
            # a wrapper that tokenizes may still return text made of the ids (`decode(self._to_tokens(messages))`):
            # what it returns is followed below
        cast = cast_value(call)
        if cast is not None:
            return self.template_text(cast, function, depth + 1)  # `typing.cast(str, prompt)`: the same text
        rejoined = _rejoined_start(call, function)
        if rejoined is not None:
            # `"[/INST] ".join(text.split("[/INST] ")[:-1])`: the leading pieces of a text joined again keep its start
            found = self.template_text(rejoined, function, depth + 1)
            hop = Hop(f"its leading pieces joined again by `{_short(call)}`", is_place=True)
            return with_hop(found, hop, altered=True)
        compared = _common_prefix_of(call)
        if compared is not None:
            # the common start of two renders (`"".join(x for x, _ in takewhile(eq, zip(prompt, prompt_chosen)))`,
            # trl's way to cut a prompt that a template changes when a reply follows): it starts as both do
            left, right = (self.template_text(text, function, depth + 1) for text in compared)
            if left is None or right is None:
                return None
            return with_hop(replace(left, certain=left.certain and right.certain), f"`{_short(call)}`", True)
        func = call.func
        if (
            dotted_name(func) in self.library_renders
            and bool_literal(keyword_value(call, "return_messages")) is not True
            and bool_literal(keyword_value(call, "tokenize")) is not True
        ):
            # mlx-vlm's `apply_chat_template(processor, config, prompt)`: the processor's template, as text; vLLM's
            # `apply_hf_chat_template(tokenizer, conversation=...)`: the tokenizer's
            library = "vLLM" if VLLM_RENDER in (dotted_name(func) or "") else "mlx-vlm"
            return TextOrigin(f"{library}'s `{_short(call)}` (its template rendered as text)", line=call.lineno)
        if isinstance(func, ast.Name) and func.id in function.params and "chat_template" in func.id:
            # a callable handed in as a parameter: `def preprocess(data, apply_chat_template=None)`
            if bool_literal(keyword_value(call, "tokenize")) is False:
                return TextOrigin(_render_words(call, via=f"the parameter `{func.id}`"), line=call.lineno)
            return None
        if isinstance(func, ast.Attribute) and func.attr == "decode" and call.args:
            # the ids of a render decoded back to text keep its BOS (`skip_special_tokens` left off)
            decoded = self._decoded_render(call, function, depth)
            if decoded is not None:
                return decoded
        if isinstance(func, ast.Attribute):
            method = func.attr
            if method in _KEEPS_START and not _mentions_bos(call):
                kept = with_hop(self.template_text(func.value, function, depth + 1), f"`{_short(call)}`", altered=True)
                if kept is not None:
                    return kept  # (else it may be a method of the module's own named so: `formatter.format(...)`)
            if method in ("removeprefix", "lstrip") and (call.args or call.keywords):
                return None
            lead = _format_lead(call, function, self.flows) if method == "format" else None
            if lead is not None:
                # `"{chat_prompt} Looking again, ".format(chat_prompt=text)`: the text starts with the value put first
                return with_hop(self.template_text(lead, function, depth + 1), f"`{_short(call)}`", altered=True)
        helper = self.helper_function(call, function)
        if helper is not None and helper.is_stub and helper.cls is not None:
            # a hook no subclass of the module implements: one in another module of the run may, by rendering
            overridden = self.links.override(helper.cls.name, helper.name)
            if overridden is not None:
                return imported_origin(*overridden, f"implements `{helper.cls.name}.{helper.name}` by rendering")
        elif helper is None and _mixed_in_call(func, function):
            # a mixin's call of a method it does not define: the one a class of another module mixes in beside it
            assert function.self_class is not None and isinstance(func, ast.Attribute)
            mixed = self.links.override(function.self_class.name, func.attr)
            if mixed is not None:
                return imported_origin(*mixed, f"is what `self.{func.attr}` runs where a class mixes it in")
        if helper is not None:
            found = self._returned(helper, None, depth, many=False, site=(call, function))
            if found is not None and _a_default_method(func, function):
                # `self.to_prompt = to_prompt or self._render`: the caller's own callable may be used instead
                return replace(found, certain=False)
            return found
        if isinstance(func, ast.Name):
            # a function defined in each branch of an `if` (`def preprocess(sample)` twice): the text on at least
            # one path when one of them returns a render
            defined = self._named_functions(func.id, function)
            texts = [self._returned(each, None, depth, many=False, site=(call, function)) for each in defined]
            found = next((text for text in texts if text is not None), None)
            if found is not None:
                return (
                    found if all(text is not None and text.certain for text in texts) else replace(found, certain=False)
                )
        first = first_argument(call)
        if dotted_name(func) in _SAME_TEXT and first is not None and len(call.args) == 1:
            return self.template_text(first, function, depth + 1)
        handed = self._handed_function_text(call, function, depth)
        if handed is not None:
            return handed
        return self._imported_text(call.func, function)

    def _handed_function_text(self, call: ast.Call, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """`formatter(tokenizer, question)` with `formatter` a parameter the callers of `function` in the module pass
        a function of the module that returns a render (`evaluate(model, tok, formatter=format_mcq)`); certain when
        every caller does."""
        func = call.func
        if not isinstance(func, ast.Name) or func.id not in function.params or function.is_module:
            return None
        if depth > MAX_RESOLUTION_DEPTH or not self.flow(function).never_rebound(func.id):
            return None

        def returned(given: ast.expr | None, caller: FunctionInfo) -> TextOrigin | None:
            if not isinstance(given, ast.Name):
                return None
            helper = self.helper_function(ast.Call(func=given, args=call.args, keywords=call.keywords), caller)
            return self._returned(helper, None, depth + 1, many=False) if helper is not None else None

        return self._from_callers(function, func.id, "the function passed as", returned)

    def _from_callers(
        self,
        function: FunctionInfo,
        name: str,
        words: str,
        origin_of: Callable[[ast.expr | None, FunctionInfo], TextOrigin | None],
    ) -> TextOrigin | None:
        """What the callers of `function` in the module pass for its parameter `name`, as `origin_of` reads each
        argument in its caller: the first one found, certain when every caller's is."""
        origins = [
            origin_of(bound_argument(site, function.call_params, name), caller)
            for site, caller, _ in self._callers.get(function.name, ())
            if self.helper_function(site, caller) is function
        ]
        found = _any(origins)
        if found is None:
            return None
        hop = Hop(f"{words} `{name}` to `{function.qualname}`", is_place=True)
        certain = all(origin is not None and origin.certain for origin in origins)
        return replace(found, route=(hop, *found.route), certain=certain, same_function=False)

    def wrapper_strips_bos(self, call: ast.Call, function: FunctionInfo) -> bool:
        """The wrapper of the module `call` calls returns its render with the BOS taken off (also one a base class of
        the caller's defines: `self._render_template(messages)` in a subclass)."""
        helper = self.helper_function(call, function)
        if helper is None and isinstance(call.func, ast.Attribute) and dotted_name(call.func.value) == "self":
            helper = function.self_class.method(call.func.attr) if function.self_class is not None else None
        return helper is not None and returns_without_bos(helper, self.flow(helper))

    def _decoded_render(self, call: ast.Call, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """`tokenizer.decode(ids)` where `ids` are the tokens of a render of the function (`ids =
        tokenizer.apply_chat_template(messages)`, also its `["input_ids"]`), decoded with the special tokens kept:
        the render's text, its BOS included."""
        skip = keyword_value(call, "skip_special_tokens")
        if skip is not None and bool_literal(skip) is not False:
            return None  # the BOS dropped (or maybe: a value the code does not show)
        ids: ast.expr | None = call.args[0]
        for _ in range(MAX_RESOLUTION_DEPTH):
            if isinstance(ids, ast.Subscript) and _cuts_the_first(ids.slice):
                return None  # `decode(ids[1:])`: the BOS cut off before the text is made
            if isinstance(ids, ast.Subscript):
                ids = ids.value  # `encoded["input_ids"]`, `ids[0]`
            elif isinstance(ids, ast.Name):
                ids = self.flow(function).assigned(ids)
            else:
                break
        if not isinstance(ids, ast.Call):
            return None
        render = self._ids_render(ids, function)
        helper = self.helper_function(ids, function) if render is None else None
        if helper is not None:
            # `decode(self._to_tokens(messages))`: a helper of the module that returns the ids of its render
            returns = [self._ids_render(value, helper) for value in self.flow(helper).returns]
            render = returns[0] if returns and all(item is returns[0] for item in returns) else None
        if render is None:
            return None
        origin = TextOrigin(f"`{code(render.func)}(...)`", line=render.lineno, render_call=render)
        if helper is not None:
            origin = replace(origin, route=(Hop(f"returned as ids by `{helper.qualname}`", is_place=True),))
        return with_hop(origin, Hop(f"decoded by `{_short(call)}`", is_place=True), altered=True)

    def _ids_render(self, value: ast.expr | None, function: FunctionInfo) -> ast.Call | None:
        """The render of `function` that tokenizes and gives `value` (the call itself, or a name assigned it)."""
        if isinstance(value, ast.Name):
            value = self.flow(function).assigned(value)
        render = self.templates.get(id(value)) if isinstance(value, ast.Call) else None
        if render is None or render.flag("tokenize").value is False or render.function is not function:
            return None
        return render.call

    def _imported_text(self, func: ast.expr, function: FunctionInfo, items: bool = False) -> TextOrigin | None:
        """The text a function of another module returns (with `items`: yields), as its summary says; or a method
        of an instance of a class of another module (`builder.iter_prompts(rows)` with `builder =
        PromptBuilder(tok)`)."""
        imported = self.links.text(func)
        if imported is None and self.links:
            cls, method = called_method(func, function, self.flows)
            imported = self.links.method_text(cls, method) if cls is not None else None
        if imported is None and self.links:
            # a method the class inherits from a base class of another module (`prompts = self.prepare(convs)`)
            imported = self.links.inherited(func, function, ModuleSummary.text)
        some_paths = False
        if imported is None and self.links:
            imported = self._method_of_one_built(func, function)
            some_paths = imported is not None
        if imported is None or imported[0].columns or (imported[0].yields or imported[0].batch) is not items:
            return None
        if imported[0].positions:
            return None  # texts in the tuples it yields (`yield record, text`): see `tuple_items`
        origin = imported_origin(*imported, "renders the texts it yields" if items else "renders the text returned")
        return replace(origin, certain=False) if some_paths else origin

    def _method_of_one_built(self, func: ast.expr, function: FunctionInfo) -> tuple[TextSummary, ModuleSummary] | None:
        """`formatter.create_prompt(...)` where the function builds `formatter` as an instance of one of several
        classes on different paths (`PromptLlama3Formatter(...)` under a model test, `PromptDefaultFormatter(...)`
        otherwise): the render the method gives on the paths of the first class of another module whose method
        returns one, as its summary says."""
        if not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name):
            return None
        bindings = self.flow(function).reaching(func.value.id, func.value)
        if len(bindings) < 2 or any(
            binding.kind != "assign" or not isinstance(binding.value, ast.Call) for binding in bindings
        ):
            return None
        for binding in bindings:
            cls = instance_class(binding.value, function, self.flows) if binding.value is not None else None
            found = self.links.method_text(cls, func.attr) if cls is not None else None
            if found is not None:
                return found
        return None

    def _binding_text(self, binding: Binding, function: FunctionInfo, depth: int) -> TextOrigin | None:
        if binding.kind == "param":
            return self._inherited_pass(binding.name, function, depth)
        if binding.value is None:
            return None
        token = _grown_from_a_bos(binding, function) if binding.kind == "assign" else ""
        if token:
            # `text = "<|begin_of_text|>"`, then `text += f"<|start_header_id|>..."`: a prompt written by hand
            words = f"`{binding.name} = {_short(binding.value)}`"
            return TextOrigin(words, line=binding.value.lineno, written_bos=token)
        if binding.kind == "assign":
            return self.template_text(binding.value, function, depth)
        if binding.kind == "loop":
            return self.template_texts(binding.value, function, depth)
        if binding.kind == "loop-unpack" and binding.position is not None:
            return self.tuple_items(binding.value, function, depth, binding.position)
        if binding.kind == "unpack":
            return self._unpacked(binding, function, depth, many=False)
        return None

    def _inherited_pass(self, name: str, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """The first parameter of a method that a method of an imported base class hands what another method
        returns, one the base leaves to its subclasses (`self._do_invoke(self._prepare_messages(prompt))` in
        `BaseClient.invoke`): what this class's own method of that name returns."""
        if function.call_params[:1] != [name] or depth > MAX_RESOLUTION_DEPTH:
            return None
        for summary, symbol, method, _, source, line in self.inherited_passes(function, receiver=True):
            own = function.cls.methods.get(source) if function.cls is not None else None
            origin = self._returned(own, None, depth + 1, many=False) if own is not None else None
            if origin is None:
                continue
            note = f"`{symbol}.{method}` hands `self.{function.name}` what `self.{source}` returns"
            hop = Hop(f"handed to `{function.qualname}` by `{symbol}.{method}` ({summary.place(line)})", True)
            related = (*origin.related, Related(summary.path, line, note))
            return replace(origin, route=(hop, *origin.route), same_function=False, related=related)
        return self._handler_pass(function, depth)

    def _handler_pass(self, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """The `inference(data)` of a TorchServe handler: its `BaseHandler.handle` gives it what the class's own
        `preprocess` returns."""
        source = self._handler_source(function)
        origin = self._returned(source, None, depth + 1, many=False) if source is not None else None
        return with_hop(origin, Hop(_HANDLER_HOP.format(function.qualname, TORCHSERVE_HANDOFF[0]), is_place=True))

    def _handler_source(self, function: FunctionInfo) -> FunctionInfo | None:
        """The method whose result TorchServe hands `function`, the `inference` of a handler class (see
        `_handler_pass`)."""
        cls = function.cls
        source, receiver = TORCHSERVE_HANDOFF
        if cls is None or function.name != receiver or not self.handler_bases.intersection(cls.bases):
            return None
        return cls.methods.get(source)

    def inherited_passes(
        self, function: FunctionInfo, receiver: bool
    ) -> Iterator[tuple[ModuleSummary, str, str, str, str, int]]:
        """`(summary, base, method, receiver, source, line)` of the methods of the imported base classes of
        `function`'s class that hand `self.receiver` what `self.source` returns, with `function` the receiver (or,
        not `receiver`, the source)."""
        cls = function.cls
        if cls is None or not self.links:
            return
        for base in cls.bases:
            found = self.links.resolve(base)
            if found is None:
                continue
            summary, symbol = found
            for owner, method, to, source, line in summary.passes:
                if owner == symbol and (to if receiver else source) == function.name:
                    yield summary, symbol, method, to, source, line

    def passed_on(self, function: FunctionInfo) -> tuple[FunctionInfo, str, Related] | None:
        """The method of `function`'s class that an imported base class hands what `function` returns (see
        `inherited_passes`), with words for that hand-off and its place."""
        for summary, symbol, method, to, source, line in self.inherited_passes(function, receiver=False):
            own = function.cls.methods.get(to) if function.cls is not None else None
            if own is not None:
                note = f"`{symbol}.{method}` hands `self.{to}` what `self.{source}` returns"
                words = f"`{symbol}.{method}` ({summary.place(line)}) hands to `{own.qualname}`"
                return own, words, Related(summary.path, line, note)
        return None

    # -- a list of texts --------------------------------------------------------------------------------------------
    def template_texts(self, expr: ast.expr, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """The render that the items of `expr` (a list of texts) start with, or None."""
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        if isinstance(expr, ast.Await):
            expr = expr.value
        if strips_bos(expr):
            return None
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp)):
            return with_hop(self.template_text(expr.elt, function, depth + 1), f"the items of `{_short(expr)}`")
        if isinstance(expr, ast.List):
            return _any(
                self.template_text(element, function, depth + 1)
                for element in expr.elts
                if not isinstance(element, ast.Starred)
            )
        if isinstance(expr, ast.Name):
            found = self._name_text(expr, function, depth, self._binding_texts)
            return found or self._appended_text(expr.id, function, depth)
        if isinstance(expr, ast.Attribute) and dotted_name(expr.value) == "self" and function.self_class is not None:
            return self.attribute_texts(expr.attr, function.self_class, depth)
        if isinstance(expr, ast.Call):
            cast = cast_value(expr)
            if cast is not None:
                return self.template_texts(cast, function, depth + 1)
            if (
                isinstance(expr.func, ast.Attribute)
                and expr.func.attr == "apply_chat_template"
                and id(expr) in self.templates
            ):
                # a render whose result is walked item by item renders a batch of conversations: a list of texts
                # (not a method of the class named so, returning a list of renders: followed as a helper below)
                return self.template_text(expr, function, depth + 1)
            split = _split(expr)
            if split is not None:
                # `text.split(IMAGE_SENTINEL)`, each piece tokenized in turn: the first piece keeps the render's
                # start (a vision frontend splicing image tokens in between)
                found = self.template_text(split, function, depth + 1)
                hop = Hop(f"the first of the pieces of `{_short(expr)}`", is_place=True)
                return with_hop(found, hop, altered=True)
            callee = dotted_name(expr.func)
            first = first_argument(expr)
            if first is not None and (callee in SAME_ITEMS or (callee or "").endswith(".gather_object")):
                return self.template_texts(first, function, depth + 1)
            if first is not None and self._chunks(expr, function):
                # `for chunk in batched(prompts, 8)`: each item is a list of the texts
                chunked = with_hop(self.template_texts(first, function, depth + 1), f"`{_short(expr)}`")
                return replace(chunked, batch=True) if chunked is not None else None
            helper = self.helper_function(expr, function)
            if helper is not None and self.flow(helper).yields:
                # a generator: its items are the texts it yields, each one text
                return self._returned(helper, None, depth, many=False, site=(expr, function), yielded=True)
            if helper is not None:
                return self._returned(helper, None, depth, many=True, site=(expr, function))
            mapped = self._mapped_helper(expr, function)
            if mapped is not None:
                # `pool.map(render_one, rows)`: its items are what the helper returns, one text each
                found = self._returned(mapped, None, depth, many=False)
                return with_hop(found, f"the results of `{_short(expr)}`")
            return self._dataset_items(expr, depth) or self._imported_text(expr.func, function, items=True)
        if isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Slice):
            lower = expr.slice.lower
            if lower is not None and not _is_zero(lower) and self._split_pieces(expr.value, function):
                return None  # `text.split(marker)[1:]`: the pieces after the first, which holds the render's start
            return self.template_texts(expr.value, function, depth + 1)
        if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name) and expr.value.id in function.params:
            # a column of a batch of rows: `examples["text"]` in a function that `.map(batched=True)` is given
            column = self.column_of(expr.slice, function)
            return self.rows.column_text(expr, column, function) if column is not None else None
        if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name):
            # a whole column of a dataset a `.map()` wrote renders into: `prompts = rendered["text"]`
            column = self.column_of(expr.slice, function)
            found = self.rows.made_column(column.name, expr.value, function) if column is not None else None
            if found is None and column is not None:
                found = self._loader_batch_column(expr.value, column.name, function, depth)
            return with_hop(found, f"`{_short(expr)}`")
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mult):
            # `prompts * n`: the same texts, repeated (`best of n`)
            return self.template_texts(expr.left, function, depth + 1)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            # `chosen_texts + rejected_texts`: the items of both lists (a list literal of texts among them)
            return _any(
                self.template_texts(side, function, depth + 1)
                for side in (expr.left, expr.right)
                if isinstance(side, (ast.ListComp, ast.List, ast.Name, ast.Call, ast.Subscript, ast.BinOp))
            )
        if isinstance(expr, ast.IfExp):
            # `[render(p) for p in prompts] if use_chat_template else list(prompts)`
            return _either(
                self.template_texts(expr.body, function, depth + 1),
                self.template_texts(expr.orelse, function, depth + 1),
            )
        return None

    def _split_pieces(self, expr: ast.expr, function: FunctionInfo) -> bool:
        """Is `expr` the pieces of a split text (`text.split(marker)`, or a name assigned them)?"""
        pieces = self.flow(function).assigned(expr) if isinstance(expr, ast.Name) else expr
        return _split(pieces) is not None

    def _chunks(self, call: ast.Call, function: FunctionInfo) -> bool:
        """Does the call cut its first argument into lists of consecutive items: a generator of the module named
        for it that does so, or one of another module or library named so (`itertools.batched(xs, n)`,
        `more_itertools.chunked`)?"""
        helper = self.helper_function(call, function)
        if helper is not None:
            return helper.name in _CHUNKING and _yields_chunks(helper, self.flow(helper))
        return (dotted_name(call.func) or "").rsplit(".", 1)[-1] in _CHUNKING

    def _mapped_tuple_items(
        self, mapped: ast.Call, function: FunctionInfo, depth: int, position: int, many: bool
    ) -> TextOrigin | None:
        """Element `position` of the tuples in each result of a helper an executor maps (`pool.map(self._render,
        chunks)` with `_render` returning `[(row["id"], render(row)) for row in rows]`)."""
        helper = self._mapped_helper(mapped, function)
        if helper is None:
            return None
        found = _any(self.tuple_items(value, helper, depth + 1, position, many) for value in self.flow(helper).returns)
        return with_hop(found, f"the results of `{_short(mapped)}`")

    def _mapped_call(self, call: ast.Call, function: FunctionInfo) -> ast.Call | None:
        """The call a pool or `map` makes on each item, when it maps a lambda that calls a function of the module
        (`executor.map(lambda r: self.create_prompt(r, n), rows)`) or that function itself (`pool.map(
        self.create_prompt, rows)`, as a call of it)."""
        if not _pool_map(call) or len(call.args) < 2:
            return None
        target = call.args[0]
        if isinstance(target, ast.Lambda) and isinstance(target.body, ast.Call):
            each = target.body
        elif isinstance(target, (ast.Name, ast.Attribute)):
            each = ast.copy_location(ast.Call(func=target, args=[], keywords=[]), call)
        else:
            return None
        return each if self.helper_function(each, function) is not None else None

    def _mapped_helper(self, call: ast.Call, function: FunctionInfo) -> FunctionInfo | None:
        """The function of the module a pool maps over its items: `pool.map(fn, items)`, `executor.map(...)`,
        `pool.imap(...)`, or the built-in `map(fn, items)` (not a dataset's `.map()`, whose items are rows)."""
        if not _pool_map(call):
            return None
        target = first_argument(call)
        if not isinstance(target, (ast.Name, ast.Attribute)) or len(call.args) < 2:
            return None
        return self.helper_function(ast.Call(func=target, args=[], keywords=[]), function)

    def tuple_items(
        self, expr: ast.expr, function: FunctionInfo, depth: int, position: int, many: bool = False
    ) -> TextOrigin | None:
        """The render that element `position` of the items of `expr` starts with, a list of tuples: `[(render(c),
        c[-1]) for c in chats]`, `pairs.append((prompt, answer))` (also on `self.pairs`), read as `pairs[i][0]` or
        `for prompt, answer in pairs`. `many`: the element is a list of texts (`batches = [(prompts, None)]`, then
        `for texts, schema in batches`), the render its items start with."""
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        key = (id(expr), id(function), position, many)
        known = self._tuple_items.get(key)
        if known is not None and (known[1] is not None or known[0] <= depth):
            return known[1]  # (found, or not found from as shallow a start: a deeper one cannot find more)
        self._tuple_items[key] = (depth, None)  # (while it is worked out: a cycle back to it finds nothing)
        found = self._tuple_items_uncached(expr, function, depth, position, many)
        self._tuple_items[key] = (depth, found)
        return found

    def _tuple_items_uncached(
        self, expr: ast.expr, function: FunctionInfo, depth: int, position: int, many: bool
    ) -> TextOrigin | None:
        items: list[tuple[ast.expr, FunctionInfo]] = []
        if isinstance(expr, ast.Call) and dotted_name(expr.func) in SAME_ITEMS and expr.args:
            # `pairs = list(iter_prompts(tok, rows))`: the same tuples
            return self.tuple_items(expr.args[0], function, depth + 1, position, many)
        if isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Slice):
            # `batch = prepared[start:start + size]`: some of the same tuples
            return self.tuple_items(expr.value, function, depth + 1, position, many)
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp)):
            items = [(expr.elt, function)]
        elif isinstance(expr, (ast.List, ast.Tuple)):
            # (`for texts, store in ((self.good_texts, good), (self.harm_texts, harm))`: tuples written out)
            items = [(item, function) for item in expr.elts]
        elif isinstance(expr, ast.Call) and dotted_name(expr.func) in ("zip", "enumerate") and expr.args and not many:
            # `zip(prompts, answers)`: element `position` is an item of the iterable at that place
            offset = 1 if dotted_name(expr.func) == "enumerate" else 0
            iterable = _element(ast.List(elts=list(expr.args)), position - offset) if position >= offset else None
            if iterable is None or isinstance(iterable, ast.Starred):
                return None
            return with_hop(self.template_texts(iterable, function, depth + 1), f"`{_short(expr)}`")
        elif isinstance(expr, ast.Call) and (each := self._mapped_call(expr, function)) is not None:
            # `executor.map(lambda r: self.create_prompt(r), rows)`: what each call returns
            items = [(each, function)]
        elif isinstance(expr, ast.Call) and (helper := self.helper_function(expr, function)) is not None:
            if not self.flow(helper).yields:
                # a list of such tuples it builds and returns (`return all_prompts`)
                found = _any(
                    self.tuple_items(value, helper, depth + 1, position, many) for value in self.flow(helper).returns
                )
                found = with_hop(found, f"returned by `{helper.name}`")
                return replace(found, same_function=False) if found is not None else None
            # a generator of tuples: `for record, text in iter_prompts(tok, rows)` with `yield record, render(...)`
            return self._returned(helper, position, depth, many, site=(expr, function), yielded=True)
        elif isinstance(expr, ast.Call):
            # one of another module, as its summary says (also a subclass's there, for a method the class leaves to
            # it: `self.create_prompt_batched(...)`)
            imported = self.links.text(expr.func) or self._override(expr.func, function)
            if imported is None or not imported[0].yields or position not in imported[0].positions:
                return None
            if imported[0].batch is not many:
                return None  # (a list of texts where a text is read, or the other way round)
            return imported_origin(*imported, "yields rendered texts in its tuples")
        elif isinstance(expr, ast.Name):
            bindings = self.flow(function).reaching(expr.id, expr)
            found = _any(
                self.tuple_items(binding.value, function, depth + 1, position, many)
                for binding in bindings
                if binding.kind == "assign" and binding.value is not None
            )
            # a chunk of them: `for chunk in batched(pairs, 8)` (or `tqdm(batched(...))`), then `[text for _, text
            # in chunk]`
            found = found or _any(
                self.tuple_items(chunked, function, depth + 1, position, many)
                for binding in bindings
                if binding.kind == "loop"
                and isinstance(chunks := same_items(binding.value), ast.Call)
                and (chunked := first_argument(chunks)) is not None
                and self._chunks(chunks, function)
            )
            # the results of a helper an executor maps over chunks: `for rendered in pool.map(self._render, chunks)`
            found = found or _any(
                self._mapped_tuple_items(binding.value, function, depth + 1, position, many)
                for binding in bindings
                if binding.kind == "loop" and isinstance(binding.value, ast.Call)
            )
            mutations = function.mutations.get(expr.id, ())
            # (`all_prompts.extend(batch_prompts)`: the items of another list of such tuples)
            found = found or _any(
                self.tuple_items(value, function, depth + 1, position, many)
                for kind, value in mutations
                if kind == "extend"
            )
            appended = [(value, function) for kind, value in mutations if kind == "append"]
            return found or self._tuple_elements(appended, position, depth, f"`{expr.id}`", many)
        elif isinstance(expr, ast.Attribute) and dotted_name(expr.value) == "self" and function.self_class is not None:
            name = f"self.{expr.attr}"
            items = [
                (value, method)
                for method in function.self_class.methods.values()
                for kind, value in method.mutations.get(name, ())
                if kind == "append"
            ]
            hop = Hop(f"stored in `{name}`", is_place=True)
            found = self._tuple_elements(items, position, depth, hop, many)
            return replace(found, same_function=False) if found is not None else None
        return self._tuple_elements(items, position, depth, f"the items of `{_short(expr)}`", many)

    def _tuple_elements(
        self, items: list[tuple[ast.expr, FunctionInfo]], position: int, depth: int, hop: Hop | str, many: bool = False
    ) -> TextOrigin | None:
        """The render element `position` of the tuple `items` (each in its function) starts with (`many`: the
        render the items of that element, a list of texts, start with)."""
        follow = self.template_texts if many else self.template_text
        found = _any(
            follow(element, function, depth + 1)
            for item, function in items
            if isinstance(item, (ast.Tuple, ast.List)) and (element := _element(item, position)) is not None
        )
        # a call of a helper of the module that returns such tuples (`[build_prompt(s) for s in chunk]` with
        # `return render(...), sample["answer"]`)
        found = found or _any(
            self._returned(helper, position, depth + 1, many, site=(item, function))
            for item, function in items
            if isinstance(item, ast.Call) and (helper := self.helper_function(item, function)) is not None
        )
        # or of another module, as its summary says (`[transfer(q, r, tok) for q, r in pairs]` with `return
        # render(...), response` there)
        found = found or _any(
            imported_origin(*imported, "renders the text it returns in a tuple")
            for item, function in items
            if isinstance(item, ast.Call)
            and not many
            and (imported := self.links.text(item.func) or self._override(item.func, function)) is not None
            and imported[0].in_tuples
            and position in imported[0].positions
        )
        return with_hop(found, hop)

    def _dataset_items(self, built: ast.Call, depth: int) -> TextOrigin | None:
        """`PromptDataset(data, tokenizer)`: a dataset whose `__getitem__` returns a rendered text (a class of this
        module, or of another as its summary says), read item by item (`list(ds)`, `ds[i]`, `for p in ds`)."""
        name = dotted_name(built.func)
        cls = self._classes.get(name or "")
        getitem = cls.methods.get("__getitem__") if cls is not None else None
        if getitem is not None:
            return self._returned(getitem, None, depth, many=False)
        imported = self.links.method_text(built.func, "__getitem__")
        if imported is None or imported[0].columns:
            return None
        return imported_origin(*imported, "returns a rendered text as an item of the dataset")

    def _dataset_item_column(self, row: ast.expr, column: str, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """`column` of `row`, an item of an instance of a dataset class whose `__getitem__` returns rows with a render
        in that column (a class of the module, or of another one as its summary says): `item = ds[i]`, `for item in
        batch` with `batch = [self.dataset[i] for i in indices]`, or `for item in ds`. The instance's class is one
        the code shows (built, or annotated: also by the project step, for a dataset `train.py` hands the class)."""
        if not isinstance(row, ast.Name) or depth > MAX_RESOLUTION_DEPTH:
            return None
        bindings = self.flow(function).reaching(row.id, row)
        if len(bindings) != 1 or bindings[0].value is None or bindings[0].kind not in ("assign", "loop"):
            return None
        item: ast.expr | None = bindings[0].value
        dataset = None
        if bindings[0].kind == "loop":
            walked = same_items(item)
            if isinstance(walked, ast.Name):
                walked = self.flow(function).assigned(walked) or walked
            item = walked.elt if isinstance(walked, (ast.ListComp, ast.GeneratorExp)) else None
            dataset = walked if item is None else None
        if item is not None:
            if not isinstance(item, ast.Subscript) or isinstance(item.slice, ast.Slice):
                return None
            dataset = item.value
        built = instance_class(dataset, function, self.flows) if dataset is not None else None
        if built is None:
            return None
        local = self._item_columns(built, depth)
        if local is not None:
            return with_hop(local[1].get(column), Hop(f"in the items of `{local[0]}`", is_place=True))
        imported = self.links.method_text(built, "__getitem__") if dotted_name(built) not in self._classes else None
        if imported is None or column not in imported[0].columns:
            return None
        return imported_origin(*imported, f"renders column `{column}` of the items", column)

    def _given_dataset(self, name: str, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """The parameter `name` holds a dataset whose items are renders: the callers of `function` in the module
        pass one (`ds = ChatPrompts(...)`, then `evaluate(model, tok, ds)`); certain when every caller does."""
        if depth > MAX_RESOLUTION_DEPTH or function.is_module or not (self._has_datasets or self.links):
            return None  # no class of the module is a dataset, and nothing is imported that could be one

        def items(given: ast.expr | None, caller: FunctionInfo) -> TextOrigin | None:
            built = instance_class(given, caller, self.flows) if given is not None else None
            return self._dataset_items(ast.Call(func=built, args=[], keywords=[]), depth + 1) if built else None

        return self._from_callers(function, name, "passed as", items)

    def passed_texts(self, name: str, function: FunctionInfo) -> TextOrigin | None:
        """The parameter `name` holds a list of renders: the callers of `function` in the module pass one (`prompts
        = [render(row, tok) for row in rows]`, then `train(model, tok, prompts)`); certain when every caller does."""
        if function.is_module or name not in function.params:
            return None

        def texts(given: ast.expr | None, caller: FunctionInfo) -> TextOrigin | None:
            return self.template_texts(given, caller, 2) if given is not None else None

        return self._from_callers(function, name, "passed as", texts)

    @functools.cached_property
    def _has_datasets(self) -> bool:
        """A class of the module has a `__getitem__`."""
        return any(info.cls is not None and info.name == "__getitem__" for info in self.functions)

    @functools.cached_property
    def _callers(self) -> dict[str, list[CallSite]]:
        return calls_by_name(self.rows.calls)

    def _binding_texts(self, binding: Binding, function: FunctionInfo, depth: int) -> TextOrigin | None:
        if binding.kind == "param":
            return self._given_dataset(binding.name, function, depth)
        if binding.value is None:
            return None
        if binding.kind == "assign":
            return self.template_texts(binding.value, function, depth)
        if binding.kind == "unpack":
            return self._unpacked(binding, function, depth, many=True)
        if binding.kind == "loop-unpack" and binding.position is not None:
            # `for texts, schema in batches` with `batches = [(prompts, None)]`: a list of texts in each tuple
            return self.tuple_items(binding.value, function, depth, binding.position, many=True)
        if binding.kind == "loop" and isinstance(binding.value, ast.Call) and self._chunks(binding.value, function):
            # `for chunk in batched(prompts, 8)`: each chunk is a list of the texts
            return self.template_texts(binding.value, function, depth)
        return None

    def _loader_batch_column(
        self, batch: ast.Name, column: str, function: FunctionInfo, depth: int
    ) -> TextOrigin | None:
        """`batch["prompt"]` for a batch a loop takes from a `DataLoader` over an instance of a dataset class of the
        module whose `__getitem__` returns rows with a render in that column: the list of those renders, by torch's
        default collation or a `collate_fn` of the module that gathers the column (`[x["prompt"] for x in
        items]`)."""
        if depth > MAX_RESOLUTION_DEPTH or not self._has_datasets or "DataLoader" not in current_source().text:
            return None
        bindings = self.flow(function).reaching(batch.id, batch)
        if len(bindings) != 1 or bindings[0].value is None:
            return None
        loader = _walked_loader(bindings[0], function, self.flows)
        if loader is None:
            return None
        given = keyword_value(loader, "dataset") or first_argument(loader)
        built = instance_class(given, function, self.flows) if given is not None else None
        local = self._item_columns(built, depth) if built is not None else None
        found = local[1].get(column) if local is not None else None
        collate = keyword_value(loader, "collate_fn")
        if local is None or found is None or not (collate is None or self._gathers_column(collate, column, function)):
            return None
        hop = Hop(f"in the batches of `{_short(loader)}` over `{local[0]}`", is_place=True)
        return replace(with_hop(found, hop) or found, batch=True)

    def _item_columns(self, built: ast.expr, depth: int) -> tuple[str, dict[str, TextOrigin]] | None:
        """The dataset class of the module `built` names, when it defines `__getitem__`: its name, and the columns
        of the rows that method returns that hold a render."""
        cls = self._classes.get(dotted_name(built) or "")
        getitem = cls.methods.get("__getitem__") if cls is not None else None
        if cls is None or getitem is None:
            return None
        return cls.name, self.rows.returned_columns(getitem, depth + 1)

    def _gathers_column(self, collate: ast.expr, column: str, function: FunctionInfo) -> bool:
        """Is `collate` a function of the module that gathers `column` of the items it is given into a list
        (`prompts = [x["prompt"] for x in items]`, returned under that key)?"""
        helper = self.helper_function(ast.Call(func=collate, args=[], keywords=[]), function)
        if helper is None:
            return False
        gathered = re.compile(rf"""\[\s*(\w+)\[["']{re.escape(column)}["']\]\s+for\s+\1\s+in\b""")
        return gathered.search(code(helper.node)) is not None

    def _appended_text(self, name: str, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """`texts.append(render(...))` / `texts.extend(...)` / `texts += [...]` in the same function."""
        for kind, value in function.mutations.get(name, ()):
            found = (
                self.template_text(value, function, depth + 1)
                if kind == "append"
                else self.template_texts(value, function, depth + 1)
            )
            if found is not None:
                return with_hop(found, f"`{name}`")
        return None

    def attribute_texts(self, attribute: str, cls: ClassInfo, depth: int) -> TextOrigin | None:
        """A list attribute one method of the class (or of a base class) fills (`self.prompts.append(prompt)`) and
        another reads, or a property of the class that returns such a list."""
        key = ("attribute", id(cls), attribute)
        if key in self.busy or depth > MAX_RESOLUTION_DEPTH:
            return None
        prop = cls.methods.get(attribute)
        if prop is not None and is_property(prop):
            return self._returned(prop, None, depth, many=True)  # `self.prompts`, a property returning the renders
        self.busy.add(key)
        try:
            for method in cls.methods.values():
                origin = self._appended_text(f"self.{attribute}", method, depth + 1)
                if origin is None and attribute in cls.init_attributes and method.name in ("__init__", "__post_init__"):
                    origin = self.template_texts(cls.init_attributes[attribute], method, depth + 1)
                if origin is not None:
                    return _stored(origin, attribute)
            # (a list a method assigns: `self._val_prompts = [prompts[i] for i in held_out]`)
            _, assigned = self._assigned(attribute, cls, depth, many=True)
            return assigned or self._inherited(attribute, cls, depth, many=True)
        finally:
            self.busy.discard(key)

    def _assigned(self, attribute: str, cls: ClassInfo, depth: int, many: bool) -> tuple[bool, TextOrigin | None]:
        """Whether the class's methods set the attribute to anything but `None` (and, for a list, `[]`), and the
        render those values give (`self.prompt = render(...)`; with `many`, `self._val_prompts = [prompts[i] for i
        in held_out]`): certain when every value is one; none when a value takes the BOS off."""
        values = [
            (value, method)
            for value in cls.attributes.get(attribute, ())
            if not (isinstance(value, ast.Constant) and value.value is None)
            and not (many and isinstance(value, ast.List) and not value.elts)
            and (method := _method_at(cls, value)) is not None
        ]
        if not values or any(strips_bos(value) for value, _ in values):
            return bool(values), None
        follow = self.template_texts if many else self.template_text
        origins = [follow(value, method, depth + 1) for value, method in values]
        found = _any(origins)
        if found is None:
            return True, None
        return True, replace(
            _stored(found, attribute), certain=all(item is not None and item.certain for item in origins)
        )

    def attribute_text(self, attribute: str, cls: ClassInfo, depth: int) -> TextOrigin | None:
        """An attribute a method of the class (or of a base class) sets to a rendered text (`self.prompt =
        render(...)`) and another reads; certain when every value it is set to (but `None`) is one."""
        key = ("attribute-one", id(cls), attribute)
        if key in self.busy or depth > MAX_RESOLUTION_DEPTH:
            return None
        prop = cls.methods.get(attribute)
        if prop is not None and is_property(prop):
            return self._returned(prop, None, depth, many=False)  # `self.prompt`, a property returning a render
        self.busy.add(key)
        try:
            set_here, assigned = self._assigned(attribute, cls, depth, many=False)
            return assigned if set_here else self._inherited(attribute, cls, depth, many=False)
        finally:
            self.busy.discard(key)

    def _inherited(self, attribute: str, cls: ClassInfo, depth: int, many: bool) -> TextOrigin | None:
        """What a base class says of the attribute: one of this module, or one imported (as its summary says)."""
        for base in cls.bases:
            local = self._classes.get(base)
            if local is not None and local is not cls:
                found = (self.attribute_texts if many else self.attribute_text)(attribute, local, depth + 1)
            else:
                found = self._imported_attribute(base, attribute, many)
            if found is not None:
                return found
        return None

    def _imported_attribute(self, base: str, attribute: str, many: bool) -> TextOrigin | None:
        imported = self.links.stored_text(base, attribute)
        if imported is None or imported[0].stored != ("texts" if many else "text"):
            return None
        return imported_origin(*imported, f"stores rendered text{'s' if many else ''} in `self.{attribute}`")

    @functools.cached_property
    def _classes(self) -> dict[str, ClassInfo]:
        return classes_of(self.functions)

    # -- names and unpacking ----------------------------------------------------------------------------------------
    def _name_text(
        self, name: ast.Name, function: FunctionInfo, depth: int, follow_binding: _FollowBinding
    ) -> TextOrigin | None:
        """Every binding of `name` that may reach this load, followed; certain only when all of them are renders. A
        name the function does not bind is the enclosing function's (or the module's), as it is when that one's body
        has run (`prompt` read by a generator defined after `prompt = render(...)`)."""
        bindings = self.flow(function).reaching(name.id, name)
        if not bindings and name.id not in function.params:
            bindings, outer = enclosing_bindings(name.id, function, self.flows)
            function = outer if outer is not None else function
        stripped = [binding for binding in bindings if strips_bos(binding.value)]
        if not bindings or len(stripped) == len(bindings):
            return None
        if stripped and not all(_stripped_for_some_models(binding, function) for binding in stripped):
            # `if text.startswith(bos): text = text[len(bos):]`: the code removes the BOS by hand on its paths
            return None
        # (`if model_path.endswith("FsfairX-LLaMA3-RM-v0.1"): text = render(...).replace(bos, "")`, else the render
        # as it is: the BOS is taken off for the models the test names, the others keep it)
        origins = [follow_binding(binding, function, depth + 1) for binding in bindings if binding not in stripped]
        known = [origin for origin in origins if origin is not None]
        if not known:
            return None
        first = known[0]
        certain = not stripped and len(known) == len(origins) and all(origin.certain for origin in known)
        hop = Hop(f"`{name.id}`")
        return replace(first, route=(hop, *first.route) if first.route[:1] != (hop,) else first.route, certain=certain)

    def _unpacked(self, binding: Binding, function: FunctionInfo, depth: int, many: bool) -> TextOrigin | None:
        """`prompt, answer = render(...), x` or `prompt, answer = helper(...)`: the element at the binding's place."""
        value = binding.value
        follow: _Follow = self.template_texts if many else self.template_text
        if isinstance(value, (ast.Tuple, ast.List)) and binding.position is not None:
            element = _element(value, binding.position)
            return follow(element, function, depth) if element is not None else None
        if value is not None and request_arguments(value) and binding.position == 0 and not many:
            return self._harness_context(function, depth)  # (`context, gen_kwargs = request.args`)
        walked = self._walked_tuples(value, function) if binding.position is not None else None
        if walked is not None and binding.position is not None:
            # `for batch in batches(...)`, then `prompts, texts = batch`: as `for prompts, texts in batches(...)`
            return self.tuple_items(walked[0], walked[1], depth + 1, binding.position, many)
        if isinstance(value, ast.Call):
            pairs = transposed(value)
            if pairs is not None and binding.position is not None and many:
                # `prompts, images = zip(*pairs)` with `pairs.append((prompt, image))`: the first items, in a tuple
                found = self.tuple_items(pairs, function, depth + 1, binding.position)
                return with_hop(found, f"`{_short(value)}`")
            helper = self.helper_function(value, function)
            if helper is not None:
                return self._returned(helper, binding.position, depth, many, site=(value, function))
            imported = self.links.text(value.func) or self._override(value.func, function)
            if (
                imported is not None
                and imported[0].in_tuples
                and binding.position in imported[0].positions
                and imported[0].batch is many  # (a list of texts there: `images, texts = prepare(...)`)
            ):
                # `prompt, full = split_render(tok, conv)` with the helper in another module (or `prompt, count =
                # self.create_prompt(row)`, implemented by a subclass there)
                return imported_origin(*imported, "renders the text it returns in a tuple")
        return None

    def _walked_tuples(
        self, value: ast.expr | None, function: FunctionInfo, hops: int = 0
    ) -> tuple[ast.expr, FunctionInfo] | None:
        """What a name bound once by a loop walks, with the function the loop is in: `batches(...)` for `batch` in
        `for batch in batches(...)`, or in `for _, batch in zip(steps, batches(...))` (the iterable zipped at that
        place); also for a parameter of a function defined in another that every call of it there hands such a
        name (`def step(batch): ...`, called as `step(batch)` in that loop)."""
        if not isinstance(value, ast.Name):
            return None
        bindings = self.flow(function).reaching(value.id, value)
        if len(bindings) != 1:
            return None
        binding = bindings[0]
        if binding.kind == "param":
            given = self._given_by_the_outer(function, value.id) if hops == 0 else None
            return self._walked_tuples(given[0], given[1], hops + 1) if given is not None else None
        if binding.value is None:
            return None
        if binding.kind == "loop":
            return binding.value, function
        if binding.kind == "assign" and _builtin_call(binding.value, "next"):
            # `batch = next(batches(...))`: one item of what it walks
            return binding.value.args[0], function
        zipped = binding.value
        if (
            binding.kind == "loop-unpack"
            and binding.position is not None
            and isinstance(zipped, ast.Call)
            and dotted_name(zipped.func) == "zip"
            and binding.position < len(zipped.args)
            and not any(isinstance(item, ast.Starred) for item in zipped.args)
        ):
            return zipped.args[binding.position], function
        return None

    def _given_by_the_outer(self, function: FunctionInfo, param: str) -> tuple[ast.expr, FunctionInfo] | None:
        """The name every call of `function`, a function defined in another function, hands its parameter `param`
        in that outer function (`step(batch, grad)` in the training loop around `def step(batch, ...)`)."""
        outer = function.outer
        if outer is None or outer.is_module or function.cls is not None:
            return None
        calls = [
            call
            for call, caller, _ in self.rows.calls
            if caller is outer and isinstance(call.func, ast.Name) and call.func.id == function.name
        ]
        arguments = [bound_argument(call, function.call_params, param) for call in calls]
        names = [argument for argument in arguments if isinstance(argument, ast.Name)]
        if not names or len(names) != len(arguments) or len({name.id for name in names}) != 1:
            return None
        return names[0], outer

    def _harness_context(self, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """The context of an lm-evaluation-harness request (`request.args[0]`) in a model class of the harness (a
        subclass of its `LM`, `TemplateLM`, ...) whose own `apply_chat_template` renders text: run with
        `--apply_chat_template`, the harness builds every context with that method, so the context is its render."""
        cls = function.self_class
        lineage = cls.lineage() if cls is not None else []
        if not self.harness or not any(
            base.rsplit(".", 1)[-1] in HARNESS_MODELS for owner in lineage for base in owner.bases
        ):
            return None
        method = next(
            (owner.methods["apply_chat_template"] for owner in lineage if "apply_chat_template" in owner.methods), None
        )
        found = self._returned(method, None, depth + 1, many=False) if method is not None else None
        if method is None or found is None:
            return None
        words = "made the harness's request context when it runs with `--apply_chat_template`"
        hopped = with_hop(found, Hop(words, is_place=True))
        return replace(hopped, certain=False) if hopped is not None else None

    # -- helpers that return a rendered text ------------------------------------------------------------------------
    def returned_values(self, call: ast.Call, function: FunctionInfo) -> list[tuple[ast.expr, FunctionInfo]]:
        """What the function of this module that `call` calls returns, each value with that function."""
        helper = self.helper_function(call, function)
        return [(value, helper) for value in self.flow(helper).returns] if helper is not None else []

    def helper_function(self, call: ast.Call, function: FunctionInfo) -> FunctionInfo | None:
        func = call.func
        if isinstance(func, ast.Name) and func.id == "self" and function.self_class is not None:
            # the instance calls itself (`[self(r) for r in requests]`): its `__call__`
            return next(
                (cls.methods["__call__"] for cls in function.self_class.lineage() if "__call__" in cls.methods), None
            )
        if isinstance(func, ast.Name):
            matches = self._named_functions(func.id, function)
            if matches:
                return matches[0] if len(matches) == 1 else None
        if isinstance(func, ast.Attribute) and dotted_name(func.value) == "self" and function.self_class is not None:
            method = function.self_class.methods.get(func.attr)
            stored = stored_method(function.self_class, func.attr) if method is None else None
            if stored is not None:
                return stored[0]
            if method is not None and method.is_stub:
                # a hook the class leaves to its subclasses (`@abstractmethod def _format_inputs(self, packet)`):
                # the one a subclass of the module implements by rendering, if any
                return self._rendering_override(function.self_class, func.attr) or method
            if method is not None or func.attr not in function.self_class.attributes:
                return method
        # a method of an instance of a class of the module (`builder.build(row)` with `builder = Builder(tok)`), or
        # an instance called (`self.formatter(context)`: its `__call__`)
        return instance_method(func, function, self.flows, self.module_classes)

    def _override(self, func: ast.expr, function: FunctionInfo) -> tuple[TextSummary, ModuleSummary] | None:
        """The override, by a subclass in another module of the run, of the method `self.<name>(...)` calls when
        the caller's class leaves it to its subclasses (a stub, or defined by none of its bases of the module)."""
        cls = function.self_class
        if cls is None or not isinstance(func, ast.Attribute) or dotted_name(func.value) != "self":
            return None
        declared = cls.method(func.attr)
        if declared is not None and not declared.is_stub:
            return None
        if declared is None and any(func.attr in owner.attributes for owner in cls.lineage()):
            return None
        return self.links.override(cls.name, func.attr)

    def _rendering_override(self, base: ClassInfo, name: str) -> FunctionInfo | None:
        """The first method `name` of a subclass of `base` in the module that renders a chat template itself, or
        else the only one of the module's subclasses that implements it (`create_prompt_batched` mapping the
        subclass's `create_prompt` over results)."""
        rendering = {id(template_call.function) for template_call in self.templates.values()}
        overrides = [
            method
            for cls in self.module_classes.values()
            if (method := cls.methods.get(name)) is not None
            and not method.is_stub
            and any(item is base for item in cls.lineage()[1:])
        ]
        return next((method for method in overrides if id(method) in rendering), None) or (
            overrides[0] if len(overrides) == 1 else None
        )

    def _named_functions(self, name: str, function: FunctionInfo) -> list[FunctionInfo]:
        """The functions of the module (not methods) a call of `name` in `function` may run: the one the caller's
        scopes define, or each definition of one scope that defines it more than once (in the branches of an
        `if`)."""
        matches = [
            candidate
            for candidate in self.functions
            if candidate.name == name and candidate.cls is None and not candidate.is_module
        ]
        if len(matches) > 1:
            # functions of the same name nested in different functions: those of the caller's innermost scope
            matches = [candidate for candidate in matches if _encloses(candidate.outer, function)]
            matches = [
                candidate
                for candidate in matches
                if candidate.outer is not None and all(_encloses(other.outer, candidate.outer) for other in matches)
            ]
        return matches

    def _passed_through(
        self, value: ast.expr, helper: FunctionInfo, site: tuple[ast.Call, FunctionInfo], depth: int, follow: _Follow
    ) -> TextOrigin | None:
        """`value` (returned by `helper`) is one of its parameters, its start kept (`prompt`, `prompt + suffix`,
        `prompt.strip()`), also as the text of a vLLM prompt dict (`{"prompt": prompt, "multi_modal_data": ...}`):
        the render the call `site` passes for that parameter."""
        value = built_text_prompt(value) or value
        returned = value
        while True:
            if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
                value = value.left
            elif (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute)
                and value.func.attr in _KEEPS_START
                and not _mentions_bos(value)
            ):
                value = value.func.value
            else:
                break
        if not isinstance(value, ast.Name) or value.id not in helper.params:
            return None
        if any(binding.kind != "param" for binding in self.flow(helper).reaching(value.id, value)):
            return None  # the parameter was given another value on the way
        call, caller = site
        given = bound_argument(call, helper.call_params, value.id)
        found = follow(given, caller, depth + 1) if given is not None else None
        return replace(found, altered=True) if found is not None and value is not returned else found

    def _asked_for_text(self, value: ast.expr, helper: FunctionInfo, call: ast.Call) -> TextOrigin | None:
        """`value` (returned by `helper`) is a render whose `tokenize` `call` sets to False, through a parameter of
        `helper` (`get_prompt(tok, q, tokenize=False)` with `apply_chat_template(..., tokenize=tokenize)` inside) or
        its `**kwargs` (see `_text_switch`): the text of that render."""
        values = [value]
        if isinstance(value, ast.Name):
            values = [binding.value for binding in self.flow(helper).reaching(value.id, value) if binding.value]
        renders = [
            self.templates[id(item)] for item in values if isinstance(item, ast.Call) and id(item) in self.templates
        ]
        render = renders[0] if len(renders) == 1 else None
        if render is None or render.route is not Route.DIRECT:
            return None
        words = self._text_switch(render.call, helper, call)
        if words is None:
            return None
        return TextOrigin(
            words, line=render.call.lineno, related=render.related, render_call=render.call, certain=len(values) == 1
        )

    def _text_switch(self, render: ast.Call, helper: FunctionInfo, call: ast.Call) -> str | None:
        """How `call` asks `helper`'s render for text, in words: a parameter of the helper passed as `tokenize` and
        set to False here, or the helper's `**kwargs` (as they are, or merged with template variables) given
        `tokenize=False` here; None when it does not."""
        switch = keyword_value(render, "tokenize")
        if switch is None and _forwards_caller_keywords(render, helper):
            if bool_literal(keyword_value(call, "tokenize")) is not False:
                return None
            return f"`{code(render.func)}(..., **{helper.star_kwargs})` (with `tokenize=False` passed)"
        if not isinstance(switch, ast.Name) or switch.id not in helper.params:
            return None
        if (
            not self.flow(helper).never_rebound(switch.id)
            or bool_literal(bound_argument(call, helper.call_params, switch.id)) is not False
        ):
            return None
        return f"`{code(render.func)}(..., tokenize={switch.id})` (with `{switch.id}=False` passed)"

    def returned(self, helper: FunctionInfo) -> TextOrigin | None:
        """The rendered text `helper` returns, if it returns one."""
        return self._returned(helper, None, 0, many=False)

    def returned_texts(self, helper: FunctionInfo) -> TextOrigin | None:
        """The render the texts of the list `helper` returns start with, if it returns such a list."""
        return self._returned(helper, None, 0, many=True)

    def yielded_in_tuples(self, helper: FunctionInfo) -> tuple[int, TextOrigin, bool] | None:
        """The place and render of the rendered text in the tuples a generator yields (`yield record, text`), and
        whether that item is a list of rendered texts (`yield records, texts`)."""
        sizes = [len(value.elts) for value in self.flow(helper).yields if isinstance(value, ast.Tuple)]
        for position in range(max(sizes, default=0)):
            for many in (False, True):
                origin = self._returned(helper, position, 0, many=many, yielded=True)
                if origin is not None:
                    return position, origin, many
        return None

    def returned_tuple_items(self, helper: FunctionInfo) -> tuple[int, TextOrigin] | None:
        """The place and render of the rendered text in the tuples of the list `helper` returns (`return
        all_prompts`, `(prompt, count)` pairs extended from a pool's results), when it returns a list built by name
        or by a comprehension."""
        flow = self.flow(helper)
        returns = flow.returns
        if flow.yields or not returns or not all(isinstance(value, (ast.Name, ast.ListComp)) for value in returns):
            return None
        for position in range(_MAX_TUPLE_PLACE):
            found = _any(self.tuple_items(value, helper, 0, position) for value in returns)
            if found is not None:
                return position, found
        return None

    def returned_in_tuples(self, helper: FunctionInfo, many: bool = False) -> list[tuple[int, TextOrigin]]:
        """The places of the tuples `helper` returns that hold a rendered text, with each render (`return prompt,
        full`): every value it returns is a tuple; `many`: a list of rendered texts (`return images, texts`)."""
        places = range(len(self.flow(helper).returned_places()))
        found = [(position, self._returned(helper, position, 0, many=many)) for position in places]
        return [(position, origin) for position, origin in found if origin is not None]

    def yielded(self, helper: FunctionInfo) -> TextOrigin | None:
        """The rendered text `helper` (a generator) yields, if it yields one."""
        return self._returned(helper, None, 0, many=False, yielded=True) if self.flow(helper).yields else None

    def _returned(
        self,
        helper: FunctionInfo,
        position: int | None,
        depth: int,
        many: bool,
        site: tuple[ast.Call, FunctionInfo] | None = None,
        yielded: bool = False,
    ) -> TextOrigin | None:
        """What `helper` returns (the element at `position` of a returned tuple), or with `yielded` what it yields,
        followed inside the helper; with the call `site` (and the function it is in), a returned parameter
        (`return prompt + suffix`) is followed to the argument the call passes for it."""
        key = (id(helper), position, "many" if many else "one", yielded)
        if key in self.busy or depth > MAX_RESOLUTION_DEPTH:
            return None
        self.busy.add(key)
        try:
            origins = []
            follow: _Follow = self.template_texts if many else self.template_text
            flow = self.flow(helper)
            for value in flow.yields if yielded else flow.returns:
                if position is not None:
                    element = _element(value, position) if isinstance(value, (ast.Tuple, ast.List)) else None
                    if element is None:
                        continue
                    value = element
                origin = follow(value, helper, depth + 1)
                if origin is None and site is not None:
                    origin = self._passed_through(value, helper, site, depth + 1, follow) or self._asked_for_text(
                        value, helper, site[0]
                    )
                origins.append(origin)
            found = _any(origins)
            if found is None:
                return None
            # certain only when every value it returns is such a render (`return render(x)` or `return x` is not)
            certain = all(origin is not None and origin.certain for origin in origins)
            return replace(
                found,
                route=(
                    Hop(f"{'yielded' if yielded else 'returned'} by `{helper.qualname}`", is_place=True),
                    *found.route,
                ),
                same_function=False,
                certain=certain,
            )
        finally:
            self.busy.discard(key)


def _forwards_caller_keywords(render: ast.Call, helper: FunctionInfo) -> bool:
    """Does the render take its keywords from the helper's `**kwargs`, and otherwise only template variables: the
    `**kwargs` spread as they are, or a local dict that merges them with dict literals (one of a list of them, in a
    loop: `call_kw = {**kwargs, **opts}` for `opts in [{"tools": tools}, {}]`), none naming `tokenize`, with no
    `tokenize` set on the way (`kwargs["tokenize"] = ...`, `kwargs.setdefault("tokenize", ...)`)?"""
    own = helper.star_kwargs
    if own is None or "tokenize" in helper.key_assignments.get(own, {}):
        return False
    for node in ast.walk(helper.node):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("setdefault", "update", "pop")
            and dotted_name(node.func.value) == own
            and not (node.args and string_value(node.args[0]) not in (None, "tokenize"))
        ):
            return False  # (the helper may change the caller's `tokenize`: not followed)
    spreads = [item.value for item in render.keywords if item.arg is None]
    forwarded = False
    for mapping in spreads:
        parts: list[ast.expr] = [mapping]
        if isinstance(mapping, ast.Name) and mapping.id != own:
            assigned = helper.assignments.get(mapping.id, [])
            if len(assigned) != 1 or not isinstance(assigned[0], ast.Dict) or mapping.id in helper.key_assignments:
                return False
            merged = assigned[0]
            if any(key is not None and string_value(key) == "tokenize" for key in merged.keys):
                return False
            parts = [value for key, value in zip(merged.keys, merged.values) if key is None]
        for part in parts:
            if isinstance(part, ast.Name) and part.id == own:
                forwarded = True
            elif not _template_variables(part, helper):
                return False
    return forwarded


def _template_variables(mapping: ast.expr, helper: FunctionInfo) -> bool:
    """A dict literal without `tokenize`, or a loop variable over a list of them."""
    if isinstance(mapping, ast.Name) and not helper.assignments.get(mapping.id):
        source = helper.loop_sources.get(mapping.id)
        if isinstance(source, ast.Name):
            assigned = helper.assignments.get(source.id, [])
            source = assigned[0] if len(assigned) == 1 else None
        return isinstance(source, ast.List) and all(_template_variables(item, helper) for item in source.elts)
    return isinstance(mapping, ast.Dict) and all(
        key is not None and string_value(key) != "tokenize" for key in mapping.keys
    )


def _encloses(scope: FunctionInfo | None, function: FunctionInfo) -> bool:
    """Is `scope` the function itself or one it is defined in?"""
    current: FunctionInfo | None = function
    while current is not None:
        if current is scope:
            return True
        current = current.outer
    return False


# -- small pieces -------------------------------------------------------------------------------------------------
def _yields_chunks(helper: FunctionInfo, flow: FunctionFlow) -> bool:
    """Does a generator yield lists of its first parameter's items: a slice of it (`yield items[i : i + n]`), a
    list it appends each item of a loop over it to (`chunk.append(item)` ... `yield chunk`), or a list of an
    `itertools.islice` of it (`it = iter(items)`, `while chunk := list(islice(it, n)): yield chunk`)?"""
    params = helper.call_params
    if not params or not flow.yields:
        return False
    source = params[0]
    looped = {name for name, iterable in helper.loop_sources.items() if dotted_name(iterable) == source}
    sliced = _islice_lists(helper.node, source)
    for value in flow.yields:
        if (
            isinstance(value, ast.Subscript)
            and isinstance(value.slice, ast.Slice)
            and dotted_name(value.value) == source
        ):
            continue
        if isinstance(value, ast.Name) and value.id in sliced:
            continue
        appended = helper.mutations.get(value.id, []) if isinstance(value, ast.Name) else []
        if not any(kind == "append" and dotted_name(item) in looped for kind, item in appended):
            return False
    return True


def _islice_lists(node: ast.AST, source: str) -> set[str]:
    """The names a function binds to `list(islice(x, n))` (or `tuple(...)`, `itertools.islice`), where `x` is
    `source` or a name bound to `iter(source)`."""
    bound: dict[str, ast.expr] = {}
    for item in ast.walk(node):
        if isinstance(item, ast.NamedExpr) and isinstance(item.target, ast.Name):
            bound[item.target.id] = item.value
        elif isinstance(item, ast.Assign) and len(item.targets) == 1 and isinstance(item.targets[0], ast.Name):
            bound[item.targets[0].id] = item.value
    iterators = {source} | {
        name
        for name, value in bound.items()
        if isinstance(value, ast.Call) and dotted_name(value.func) == "iter" and _first_name(value) == source
    }
    found = set()
    for name, value in bound.items():
        copied = isinstance(value, ast.Call) and dotted_name(value.func) in ("list", "tuple")
        inner = first_argument(value) if copied and isinstance(value, ast.Call) else None
        if (
            isinstance(inner, ast.Call)
            and (dotted_name(inner.func) or "").rsplit(".", 1)[-1] == "islice"
            and _first_name(inner) in iterators
        ):
            found.add(name)
    return found


def _first_name(call: ast.Call) -> str | None:
    first = first_argument(call)
    return dotted_name(first) if first is not None else None


def _inside(node: ast.expr, outer: ast.expr) -> bool:
    """Is `node` within the source span of `outer`?"""
    start = (outer.lineno, outer.col_offset)
    end = (outer.end_lineno or outer.lineno, outer.end_col_offset or outer.col_offset)
    return start <= (node.lineno, node.col_offset) < end


def _element(sequence: ast.Tuple | ast.List, position: int) -> ast.expr | None:
    """The element at `position` of a tuple or list display (the starred value for `*x`), or None."""
    if position >= len(sequence.elts):
        return None
    element = sequence.elts[position]
    return element.value if isinstance(element, ast.Starred) else element


def _index(node: ast.expr) -> int | None:
    """The value of a non-negative integer literal (an index into a tuple), or None."""
    value = node.value if isinstance(node, ast.Constant) else None
    return value if type(value) is int and value >= 0 else None


def _rejoined_start(call: ast.Call, function: FunctionInfo) -> ast.expr | None:
    """`text` of `sep.join(pieces[:n])` with `pieces` `text.split(marker)` (written in place, or a local name assigned
    it once): the pieces from the first, joined again."""
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "join" and len(call.args) == 1):
        return None
    pieces = call.args[0]
    if not (isinstance(pieces, ast.Subscript) and isinstance(pieces.slice, ast.Slice)):
        return None
    lower = pieces.slice.lower
    if lower is not None and not _is_zero(lower):
        return None
    whole = pieces.value
    if isinstance(whole, ast.Name):
        values = function.assignments.get(whole.id, [])
        whole = values[0] if len(values) == 1 else whole
    return _split(whole)


def _common_prefix_of(call: ast.Call) -> tuple[ast.expr, ast.expr] | None:
    """The two texts whose common start `call` joins: `"".join(x for x, _ in takewhile(<test>, zip(a, b)))`."""
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "join" and len(call.args) == 1):
        return None
    items = call.args[0]
    if not isinstance(items, (ast.GeneratorExp, ast.ListComp)) or len(items.generators) != 1:
        return None
    walked = items.generators[0].iter
    if not (isinstance(walked, ast.Call) and dotted_name(walked.func) in ("takewhile", "itertools.takewhile")):
        return None
    zipped = walked.args[1] if len(walked.args) == 2 else None
    if not (isinstance(zipped, ast.Call) and dotted_name(zipped.func) == "zip" and len(zipped.args) == 2):
        return None
    return zipped.args[0], zipped.args[1]


def _split(expr: ast.expr | None) -> ast.expr | None:
    """`text` of `text.split(marker)` (or `rsplit`): pieces of a text, the first of which keeps its start."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in ("split", "rsplit"):
        return expr.func.value if expr.args else None
    return None


def _builtin_call(node: ast.expr | None, name: str) -> TypeGuard[ast.Call]:
    """A call of the builtin `name` with one positional argument (`next(items)`)."""
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name and len(node.args) == 1
    )


def _is_zero(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int and node.value == 0


def returns_without_bos(function: FunctionInfo, flow: FunctionFlow) -> bool:
    """The function returns its text with the BOS taken off: `text = text[len(bos):]` on a path to its return, or
    `return text.removeprefix(tok.bos_token)`."""
    returns = flow.returns
    names = {value.id for value in returns if isinstance(value, ast.Name)}
    assigned = [value for name in names for value in function.assignments.get(name, [])]
    return any(strips_bos(value) for value in (*returns, *assigned))


def _stripped_for_some_models(binding: Binding, function: FunctionInfo) -> bool:
    """Is the binding that takes the BOS off in a branch chosen by the model (`if args.model_path.endswith(
    "FsfairX-LLaMA3-RM-v0.1"):`, `elif "llama" in model_name:`), not by the text itself (`if text.startswith(bos)`)?"""
    branches = {id(node): node for node in ast.walk(function.node) if isinstance(node, ast.If)}
    test = next((branches[block].test for block, _ in reversed(binding.blocks) if block in branches), None)
    if test is None:
        return False
    words = code(test).lower()
    return "bos" not in words and _MODEL_TEST.search(words) is not None


# a test that names the model a branch runs for (its checkpoint, family or type)
_MODEL_TEST = re.compile(r"model|checkpoint|family|\barch|name_or_path")


def strips_bos(value: ast.expr | None) -> bool:
    """`text[len(tokenizer.bos_token):]`, `text.removeprefix(bos)`, `text.replace(tokenizer.bos_token, "")` (or of a
    BOS token's text, `"<|begin_of_text|>"`), or a function named for it given the text (`strip_leading_bos(text,
    tok)`, `remove_bos(text)`, of the module or imported)."""
    if isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice) and value.slice.lower is not None:
        return "bos" in code(value.slice.lower).lower()
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        if value.func.attr in ("removeprefix", "replace", "lstrip") and _mentions_bos(value):
            return True
    if isinstance(value, ast.Call) and value.args:
        called = (dotted_name(value.func) or "").rsplit(".", 1)[-1]
        if _BOS_STRIPPER.search(called) is not None:
            return True
        # a helper handed the text and the BOS token (`_drop_prefix(text, tokenizer.bos_token)`), unless it is named
        # for putting one in (`ensure_bos(text, tok.bos_token)`)
        return _BOS_ADDER.search(called) is None and any(_names_bos_token(item) for item in value.args[1:])
    return False


# the names of functions that take the BOS off a text (`strip_leading_bos`, `remove_bos_token`, `drop_bos`)
_BOS_STRIPPER = re.compile(r"(?i)(?:strip|remove|drop|trim|without).*bos")
# the names of functions that put a BOS in (`ensure_bos`, `add_bos_token`, `prepend`, `with_bos`)
_BOS_ADDER = re.compile(r"(?i)add|ensure|prepend|insert|with|join|concat|format|wrap")


def _names_bos_token(value: ast.expr) -> bool:
    """`tokenizer.bos_token`, or a name bound to it (`bos_token`, `bos`)."""
    name = dotted_name(value) or ""
    return name.rsplit(".", 1)[-1] in ("bos_token", "bos")


def _dict_comprehension(expr: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> ast.DictComp | None:
    """The dict comprehension a name is bound to once (in the function, or in the module or a function around it)."""
    if isinstance(expr, ast.DictComp):
        return expr
    value = single_assignment(expr.id, function, flows) if isinstance(expr, ast.Name) else None
    return value if isinstance(value, ast.DictComp) else None


# a format string's first replacement field, at its very start: `{}`, `{0}`, `{chat_prompt}`
_LEADING_FIELD = re.compile(r"\{(\w*)\}")


def _format_lead(call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> ast.expr | None:
    """The value `str.format` puts at the start of its text: `"{prompt} Answer: ".format(prompt=text)`, on a literal
    or a name bound once to one (in the function, or in the module or a function around it); None otherwise."""
    assert isinstance(call.func, ast.Attribute)
    receiver = call.func.value
    if isinstance(receiver, ast.Name):
        receiver = single_assignment(receiver.id, function, flows) or receiver
    found = _LEADING_FIELD.match(string_value(receiver) or "")
    if found is None:
        return None
    field = found.group(1)
    if field in ("", "0"):
        first = call.args[0] if call.args else None
        return None if first is None or isinstance(first, ast.Starred) else first
    return None if field.isdigit() else keyword_value(call, field)


def _mentions_bos(call: ast.Call) -> bool:
    """`tokenizer.bos_token` or a BOS token's text (`text.replace("<|begin_of_text|>", "")`) in the call."""
    return "bos" in code(call).lower() or any(string_value(argument) in BOS_TOKENS for argument in call.args[:1])


def _render_words(call: ast.Call, template_call: TemplateCall | None = None, via: str = "") -> str:
    if template_call is not None and not template_call.flag("tokenize").present:
        words = f"`{code(call.func)}(...)` (a processor's render, which returns text by default)"
    else:
        words = f"`{code(call.func)}(..., tokenize=False)`"
    via = template_call.via if template_call is not None else via
    return f"{words} ({via})" if via else words


def _short(node: ast.AST) -> str:
    return shortened(code(node), 60)


def _stored(origin: TextOrigin, attribute: str) -> TextOrigin:
    hopped = with_hop(origin, Hop(f"stored in `self.{attribute}`", is_place=True))
    assert hopped is not None
    return replace(hopped, same_function=False)


def _method_at(cls: ClassInfo, value: ast.expr) -> FunctionInfo | None:
    """The method of the class whose body holds `value` (one of the values it assigns to an attribute)."""
    line = value.lineno
    for method in cls.methods.values():
        node = method.node
        if isinstance(node, ast.Module):
            continue
        if node.lineno <= line <= (node.end_lineno or line):
            return method
    return None


def _either(first: TextOrigin | None, second: TextOrigin | None) -> TextOrigin | None:
    if first is None and second is None:
        return None
    if first is not None and second is not None:
        return replace(first, certain=first.certain and second.certain)
    found = first or second
    assert found is not None
    return replace(found, certain=False)


def _any(origins: Iterable[TextOrigin | None]) -> TextOrigin | None:
    known = [origin for origin in origins if origin is not None]
    return known[0] if known else None


# The start of a prompt written by hand in a model's own format, with the BOS token its tokenizer adds itself:
# Llama 2 and Mistral (`<s>[INST]`, `<s><<SYS>>`), Llama 3 (`<|begin_of_text|><|start_header_id|>`), Gemma
# (`<bos><start_of_turn>`), DeepSeek; or the token followed by a placeholder (`f"<s>{prompt}"`). (A bare token names
# it; `"<s> $A </s>"` is a tokenizer's own post-processing template.) CL002's prefilter searches the same starts.
_WRITTEN_START = re.compile(WRITTEN_PROMPT)


def _walked_loader(binding: Binding, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> ast.Call | None:
    """The `DataLoader(...)` a loop takes its batches from: `for batch in loader`, `for i, batch in
    enumerate(tqdm(loader))`, the loader built in place or bound to a name once."""
    walked = binding.value
    if binding.kind == "loop-unpack":
        walked = same_items(walked)
        if binding.position != 1 or not (isinstance(walked, ast.Call) and called_name(walked) == "enumerate"):
            return None
        walked = first_argument(walked)
    elif binding.kind != "loop":
        return None
    walked = same_items(walked)
    if isinstance(walked, ast.Name):
        assigned = function_flow(function, flows).assigned(walked)
        walked = assigned if assigned is not None else walked
    if isinstance(walked, ast.Call) and (dotted_name(walked.func) or "").endswith("DataLoader"):
        return walked
    return None


def _grown_from_a_bos(binding: Binding, function: FunctionInfo) -> str:
    """The BOS token the name is bound to alone (`text = "<|begin_of_text|>"`) when the function grows it by `+=`
    (a prompt written by hand, turn by turn), else ""."""
    value = binding.value
    if not (isinstance(value, ast.Constant) and value.value in BOS_TOKENS):
        return ""
    grown = any(
        isinstance(node, ast.AugAssign)
        and isinstance(node.op, ast.Add)
        and isinstance(node.target, ast.Name)
        and node.target.id == binding.name
        for node in ast.walk(function.node)
    )
    return str(value.value) if grown else ""


def written_bos(text: ast.Constant | ast.JoinedStr) -> str:
    """The BOS token a prompt written by hand starts with (`f"<s>[INST] {q} [/INST]"`), or ""."""
    parts = text.values if isinstance(text, ast.JoinedStr) else [text]
    first = parts[0] if parts else None
    start = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""
    if len(parts) > 1 and isinstance(parts[1], ast.FormattedValue):
        start += "{"  # `f"<s>{prompt}"`: the token, then a placeholder
    found = _WRITTEN_START.match(start)
    return next(token for token in BOS_TOKENS if start.startswith(token)) if found else ""


def stored_method(cls: ClassInfo, attribute: str) -> tuple[FunctionInfo, bool] | None:
    """The method of `cls` that `__init__` stores in `self.<attribute>`, a callable the class calls later
    (`self.to_prompt = self._render`), and whether it is the only value (not a default for the caller's own:
    `to_prompt or self._render`, `self._render if to_prompt is None else to_prompt`). Also a value `__init__` hands
    its base class by that keyword (`super().__init__(to_prompt=to_prompt)`, a pydantic model's field)."""
    init = cls.methods.get("__init__")
    value = cls.init_attributes.get(attribute)
    if value is None and init is not None:
        value = next(
            (
                item.value
                for node in ast.walk(init.node)
                if isinstance(node, ast.Call) and _calls_base_init(node)
                for item in node.keywords
                if item.arg == attribute
            ),
            None,
        )
        if isinstance(value, ast.Name) and value.id in init.assignments:
            assigned = init.assignments[value.id]
            value = assigned[0] if len(assigned) == 1 else None
    options: list[ast.expr] = []
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or):
        options = list(value.values)
    elif isinstance(value, ast.IfExp):
        options = [value.body, value.orelse]
    elif value is not None:
        options = [value]
    methods = [
        cls.methods[option.attr]
        for option in options
        if isinstance(option, ast.Attribute) and dotted_name(option.value) == "self" and option.attr in cls.methods
    ]
    return (methods[0], len(options) == 1) if len(methods) == 1 else None


def _calls_base_init(call: ast.Call) -> bool:
    """`super().__init__(...)`."""
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "__init__"
        and isinstance(func.value, ast.Call)
        and dotted_name(func.value.func) == "super"
    )


_MAX_TUPLE_PLACE = 3  # the places of a returned list's tuples looked at for a rendered text


def _mixed_in_call(func: ast.expr, function: FunctionInfo) -> bool:
    """A call of `self.method` where the caller's class and its bases of the module define no such method or
    attribute (a mixin: `class GenerationMixin:` calling `self._apply_chat_template(prompt)`)."""
    cls = function.self_class
    if cls is None or not isinstance(func, ast.Attribute) or dotted_name(func.value) != "self":
        return False
    return not any(func.attr in owner.methods or func.attr in owner.attributes for owner in cls.lineage())


def _a_default_method(func: ast.expr, function: FunctionInfo) -> bool:
    """`self.<attribute>(...)` calls a method stored as the default of a callable the caller may give instead."""
    if not (isinstance(func, ast.Attribute) and dotted_name(func.value) == "self" and function.self_class is not None):
        return False
    if func.attr in function.self_class.methods:
        return False
    stored = stored_method(function.self_class, func.attr)
    return stored is not None and not stored[1]


def _cuts_the_first(index: ast.expr) -> bool:
    """`[1:]`, `[1:-1]`: a slice that starts after the first item."""
    if not isinstance(index, ast.Slice) or not isinstance(index.lower, ast.Constant):
        return False
    lower = index.lower.value
    return type(lower) is int and lower > 0


def _pool_map(call: ast.Call) -> bool:
    """Does `call` map a function over items with a pool: `pool.map(fn, items)`, `executor.map(...)`,
    `pool.imap(...)`, or the built-in `map(fn, items)` (not a dataset's `.map()`, whose items are rows)?"""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "map"
    if isinstance(func, ast.Attribute) and func.attr in ("map", "imap", "imap_unordered"):
        receiver = (dotted_name(func.value) or "").rsplit(".", 1)[-1].lower()
        return "pool" in receiver or "executor" in receiver
    return False
