"""What a module tells the modules that import it about its functions that tokenize (`TokenizerSummary`, in its
summary): a parameter they tokenize with special tokens on (or as a parameter of theirs says), one column of a row
they are given (what `.map()` hands them), or a dataset they map such a function over. The calls of those functions
in an importing module are judged by `tokenizer_calls`."""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import replace

from chatlint.facts.column_names import ColumnName
from chatlint.facts.datasets import bound_keywords, bound_mapped, dataset_parameter, mapped_function, partial_target
from chatlint.facts.engines import MLX_LM, Engines
from chatlint.facts.flow import FunctionFlow, function_flow
from chatlint.facts.links import Links
from chatlint.facts.model import CallSite, ClassInfo, FunctionInfo, TokenizerCall
from chatlint.facts.summary import ForwardedFlag, TokenizerSummary
from chatlint.facts.syntax import bool_literal, keyword_value
from chatlint.facts.tokenizer_calls import (
    ADD_SPECIAL_TOKENS,
    Helper,
    chain_helpers,
    configured_call,
    counted_in_place,
    direct_call,
    engine_call,
    helper_key,
    imported_helper_call,
    leaving_base,
    only_own_kwargs,
)


def tokenizing_helpers(
    functions: list[FunctionInfo],
    calls: list[CallSite],
    flows: dict[int, FunctionFlow],
    engines: Engines | None = None,
    column_of: Callable[[ast.expr, FunctionInfo], ColumnName | None] | None = None,
    links: Links | None = None,
    classes: dict[str, ClassInfo] | None = None,
    configurations: Links | None = None,
) -> list[TokenizerSummary]:
    """The module-level functions, and methods of module-level classes (`Encoder.encode`), that tokenize one of
    their parameters with special tokens on (or hand it to a serving engine the module names), or as a parameter
    of theirs says, for the module's summary (what an importer that hands them rendered text learns). A method's
    parameters leave out its `self`. With `column_of` (what column a key names), also the module-level functions
    that tokenize one column of a row they are given (what an importer that maps them over a dataset learns). With
    `links`, a call of an imported function that tokenizes its parameter counts as a tokenizer call (a chain of
    helpers across modules). A flag given a configuration field is its class's default (`classes`: the module's,
    `configurations`: what its imports tell)."""
    defined_names = {function.name for function in functions if not function.is_module}
    direct = []
    counted: set[int] = set()
    for call, function, ancestors in calls:
        if function.outer is not None:  # (a closure's call too: `def run(): tok(prompt)` in a method, see below)
            tokenizer_call = configured_call(call, function, defined_names, flows, classes or {}, configurations)
            if tokenizer_call is None and engines is not None:
                tokenizer_call = engine_call(call, function, flows, engines)
                if tokenizer_call is not None and tokenizer_call.engine == MLX_LM:
                    tokenizer_call = None  # (whether it adds a BOS depends on the project's mlx-lm: judged here only)
            if tokenizer_call is None and links is not None:
                tokenizer_call = imported_helper_call(call, function, links)
            if tokenizer_call is not None and (
                tokenizer_call.special_tokens_known
                or only_own_kwargs(call, function, ADD_SPECIAL_TOKENS)
                or _flag_parameter(call, function)
            ):
                direct.append(tokenizer_call)
                if counted_in_place(call, ancestors):
                    counted.add(id(call))
    found = []
    # the functions that tokenize a parameter, and those that do it through one of them (`complete(prompt)`
    # calling `self._encode(prompt, flag)`)
    helpers: dict[str, Helper] = {}
    module_calls = [site for site in calls if site[1].outer is not None and site[1].outer.is_module]
    chain_helpers(module_calls, flows, list(direct), helpers, counted, {id(item.call): item for item in direct})
    for entry in helpers.values():
        helper, inner, text, guard = entry.function, entry.inner, entry.parameter, entry.guard
        if guard is not None or helper.outer is None or not helper.outer.is_module:
            # (a helper of another module is judged by its parameter alone; a function nested in another is no
            # importer's to call: what it tokenizes of its enclosing function's parameter is that function's)
            continue
        flag = _forwarded_flag(helper, inner)
        if flag.parameter is not None or flag.value is not False:
            params = tuple(helper.call_params)
            # where it tokenizes: the tokenizer call itself, also through a helper of the module; of several, the
            # one every call runs (not a fallback under an `if`)
            main = next((item for item in (inner, *entry.also) if _on_every_path(item.call, helper)), inner)
            line = (main.inner or main).call.lineno
            # (through a function of another module: where that one tokenizes, and beyond)
            further = (main.inner or main).related if (main.inner or main).opaque_helper else ()
            summary = TokenizerSummary(
                helper.qualname, line, params, text, flag, further=further, items=entry.items, element=entry.element
            )
            found.append(summary)
            # (also under the name of a base class that leaves the method to its subclasses, see `leaving_base`)
            base = leaving_base(helper.cls, helper.name) if helper.cls is not None else None
            name = f"{base.name}.{helper.name}" if base is not None else ""
            if name and all(item.name != name for item in found):
                found.append(replace(summary, name=name))
    if column_of is not None:
        rows = _row_helpers(direct, flows, counted, column_of)
        for helper, inner, row, column in rows.values():
            flag = _forwarded_flag(helper, inner)
            if (
                not column.startswith(_KEY_PARAMETER)
                and helper_key(helper) not in helpers
                and (flag.parameter is not None or flag.value is not False)
            ):
                params = tuple(helper.call_params)
                found.append(TokenizerSummary(helper.qualname, inner.call.lineno, params, row, flag, column))
        found.extend(_dataset_tokenizers(calls, flows, rows, column_of, defined_names))
    return found


def _dataset_tokenizers(
    calls: list[CallSite],
    flows: dict[int, FunctionFlow],
    rows: dict[str, tuple[FunctionInfo, TokenizerCall, str, str]],
    column_of: Callable[[ast.expr, FunctionInfo], ColumnName | None],
    defined_names: set[str],
) -> list[TokenizerSummary]:
    """The module-level functions that map a row tokenizer over a dataset they are given (`def
    tokenize_dataset(ds, tok): return ds.map(tokenize_batch, fn_kwargs=...)`, or a function nested in them that
    reads the column their caller names: `batch[text_column]`), with special tokens on: a caller that hands them a
    dataset with a render in that column doubles its BOS."""
    found: dict[str, TokenizerSummary] = {}
    for call, function, _ in calls:
        mapped = mapped_function(call)
        if mapped is None or function.cls is not None or not (function.outer and function.outer.is_module):
            continue
        # (the dataset parameter the `.map()` is called on, also when the function rebinds it after: `dataset =
        # dataset.map(tokenize_batch)`)
        dataset = dataset_parameter(call.func.value, function, flows)  # type: ignore[attr-defined]  # (a `.map()`)
        if dataset is None or dataset not in function.call_params:
            continue
        mapped = bound_mapped(mapped, function)  # `fn = partial(tokenize_batch, ...)`, then `.map(fn)`
        bound = bound_keywords(call, mapped, function)
        mapped = partial_target(mapped)
        if not isinstance(mapped, ast.Name) or function.name in found:
            continue
        entry = rows.get(mapped.id)
        column_param = ""
        if entry is not None and entry[3].startswith(_KEY_PARAMETER):
            # `batch[text_column]`, the row helper's own parameter: what the `.map()` binds it to names the column
            given = bound.get(entry[3].removeprefix(_KEY_PARAMETER))
            named = column_of(given, function) if given is not None else None
            if named is not None:
                entry = (*entry[:3], named.name)
            elif isinstance(given, ast.Name) and given.id in function.call_params:
                entry, column_param = (*entry[:3], ""), given.id
            else:
                continue
        if entry is None:
            nested = _nested_row_helper(mapped.id, function, calls, flows, column_of, defined_names)
            if nested is None:
                continue
            entry, column_param = nested
        helper, inner, _, column = entry
        flag = _forwarded_flag(helper, inner)
        if flag.parameter is None and flag.value is not False:  # (the row helper's own flag: `.map()` passes none)
            params = tuple(function.call_params)
            found[function.name] = TokenizerSummary(
                function.qualname, inner.call.lineno, params, dataset, flag, column, True, column_param
            )
    return list(found.values())


def _nested_row_helper(
    name: str,
    outer: FunctionInfo,
    calls: list[CallSite],
    flows: dict[int, FunctionFlow],
    column_of: Callable[[ast.expr, FunctionInfo], ColumnName | None],
    defined_names: set[str],
) -> tuple[tuple[FunctionInfo, TokenizerCall, str, str], str] | None:
    """The function `name` nested in `outer` that tokenizes one column of its row (its first parameter), with the
    column, or the parameter of `outer` that names it (`batch[text_column]`)."""
    for call, function, _ in calls:
        if function.name != name or function.outer is not outer or not function.call_params:
            continue
        tokenizer_call = direct_call(call, function, defined_names, flows)
        text = tokenizer_call.text if tokenizer_call is not None and tokenizer_call.special_tokens_known else None
        text = _read_once(text, function)
        row = function.call_params[0]
        if not isinstance(text, ast.Subscript) or not isinstance(text.value, ast.Name) or text.value.id != row:
            continue
        assert tokenizer_call is not None
        column = column_of(text.slice, function)
        if column is not None:
            return (function, tokenizer_call, row, column.name), ""
        key = text.slice
        if isinstance(key, ast.Name) and key.id in outer.call_params and key.id not in function.assignments:
            return (function, tokenizer_call, row, ""), key.id
    return None


def _row_helpers(
    found: list[TokenizerCall],
    flows: dict[int, FunctionFlow],
    counted: set[int],
    column_of: Callable[[ast.expr, FunctionInfo], ColumnName | None],
) -> dict[str, tuple[FunctionInfo, TokenizerCall, str, str]]:
    """The module-level functions that tokenize one column of their first parameter, a row of a dataset they are
    mapped over (`def encode(example, tok): return tok(example["text"])`): by name, with the parameter and the
    column (the first such call wins)."""
    helpers: dict[str, tuple[FunctionInfo, TokenizerCall, str, str]] = {}
    for tokenizer_call in found:
        function, text = tokenizer_call.function, _read_once(tokenizer_call.text, tokenizer_call.function)
        if id(tokenizer_call.call) in counted or function.cls is not None or not function.call_params:
            continue
        if not (function.outer and function.outer.is_module):
            continue  # (nested: see `_nested_row_helper`; two functions may nest one of the same name)
        if not isinstance(text, ast.Subscript) or isinstance(text.slice, (ast.Slice, ast.Tuple)):
            continue
        row = text.value
        if not isinstance(row, ast.Name) or row.id != function.call_params[0]:
            continue
        if not function_flow(function, flows).never_rebound(row.id):
            continue
        column = column_of(text.slice, function)
        if column is not None:
            helpers.setdefault(function.name, (function, tokenizer_call, row.id, column.name))
        elif isinstance(text.slice, ast.Name) and text.slice.id in function.call_params:
            # the column is a parameter of its own, bound where it is mapped (`fn_kwargs`, a partial's keyword)
            if function_flow(function, flows).never_rebound(text.slice.id):
                helpers.setdefault(function.name, (function, tokenizer_call, row.id, _KEY_PARAMETER + text.slice.id))
    return helpers


def _read_once(text: ast.expr | None, function: FunctionInfo) -> ast.expr | None:
    """The column read a local name holds, when the function binds it once to one (`texts = batch[text_field]`, then
    `tok(texts)`); else `text` itself."""
    if isinstance(text, ast.Name) and text.id not in function.params:
        assigned = function.assignments.get(text.id, [])
        if len(assigned) == 1 and isinstance(assigned[0], ast.Subscript):
            return assigned[0]
    return text


# (the column of a row helper that reads the row by a parameter of its own: `_KEY_PARAMETER` and the parameter)
_KEY_PARAMETER = "="


def _forwarded_flag(helper: FunctionInfo, inner: TokenizerCall) -> ForwardedFlag:
    """Where the helper's `add_special_tokens` comes from: a parameter of its own, or its call (absent: True)."""
    flag = inner.add_special_tokens
    forwarded = keyword_value(inner.call, ADD_SPECIAL_TOKENS)
    if forwarded is None and inner.via and isinstance(flag.node, ast.Name):
        forwarded = flag.node  # a helper's call that passes the flag to it by position (`self._encode(text, flag)`)
    if isinstance(forwarded, ast.Name) and forwarded.id in helper.params:
        return ForwardedFlag(ADD_SPECIAL_TOKENS, forwarded.id, flag.value, flag.present, where=flag.where)
    if not inner.special_tokens_known:  # only the helper's own `**kwargs` may hold it: the caller's keywords decide
        return ForwardedFlag(ADD_SPECIAL_TOKENS, None, True, False, from_kwargs=True)
    own = helper.params.get(ADD_SPECIAL_TOKENS)
    if own is not None:
        # the helper takes the flag from its caller, whatever its other tokenizer calls (a fallback without it)
        # say: its default, when a literal, is what a call that passes nothing gets
        default = bool_literal(own.default) if own.default is not None else None
        return ForwardedFlag(ADD_SPECIAL_TOKENS, ADD_SPECIAL_TOKENS, default, True)
    value = flag.value if flag.present else True
    return ForwardedFlag(ADD_SPECIAL_TOKENS, None, value, flag.present, where=flag.where)


def _flag_parameter(call: ast.Call, function: FunctionInfo) -> bool:
    """The call passes a parameter of its function as `add_special_tokens` (`def _encode(self, text, special):
    ... add_special_tokens=special`): its callers decide."""
    forwarded = keyword_value(call, ADD_SPECIAL_TOKENS)
    return isinstance(forwarded, ast.Name) and forwarded.id in function.params


_BRANCHING = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.Match)


def _on_every_path(call: ast.Call, function: FunctionInfo) -> bool:
    """Is `call` in a statement of the function's body that runs whenever the body runs to it (not inside an
    `if`, a loop or a `try`)?"""
    body = getattr(function.node, "body", [])
    statement = next((item for item in body if any(node is call for node in ast.walk(item))), None)
    return statement is not None and not isinstance(statement, _BRANCHING)
