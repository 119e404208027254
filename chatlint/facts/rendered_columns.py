"""Rows and dataset columns that hold rendered text: the fields of the rows a function returns, trl's row
renderers, and the columns a `.map()` or a `Dataset.from_dict` / `from_list` writes, read by the functions and
lambdas handed to `.map()` or by a trainer.

`rendered_text.RenderedTexts` (one text, a list of texts) asks this module about a row's field and a dataset's
column; this module asks it back (as a `TextTracer`) about the values stored in them.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from chatlint.facts.built_classes import registry_functions
from chatlint.facts.column_names import ColumnName, column_words
from chatlint.facts.datasets import Stop, bound_keywords, bound_mapped, derives_from, mapped_function, partial_target
from chatlint.facts.flow import MAX_RESOLUTION_DEPTH, FunctionFlow
from chatlint.facts.links import Links, imported_origin
from chatlint.facts.model import CallSite, FunctionInfo, Hop, TextOrigin, with_hop
from chatlint.facts.syntax import (
    bool_literal,
    called_name,
    code,
    dotted_name,
    first_argument,
    keyword_value,
    same_items,
    shortened,
    string_value,
)
from chatlint.facts.trl_rows import trl_row_columns, trl_row_functions
from chatlint.facts.walk import nodes_under


class TextTracer(Protocol):
    """What this module asks of the module's text tracer (`rendered_text.RenderedTexts`)."""

    functions: list[FunctionInfo]
    flows: dict[int, FunctionFlow]
    links: Links
    busy: set[tuple[object, ...]]  # guards against recursion between helpers, attributes and rows

    def flow(self, function: FunctionInfo) -> FunctionFlow: ...

    def template_text(self, expr: ast.expr, function: FunctionInfo, depth: int) -> TextOrigin | None: ...

    def template_texts(self, expr: ast.expr, function: FunctionInfo, depth: int) -> TextOrigin | None: ...

    def passed_texts(self, name: str, function: FunctionInfo) -> TextOrigin | None: ...

    def column_of(self, key: ast.expr, function: FunctionInfo) -> ColumnName | None: ...

    def column_named(self, column: str) -> str: ...

    def helper_function(self, call: ast.Call, function: FunctionInfo) -> FunctionInfo | None: ...

    def returned_values(self, call: ast.Call, function: FunctionInfo) -> list[tuple[ast.expr, FunctionInfo]]: ...


# `Dataset` class methods that build a dataset from columns or rows of values
_BUILDERS = frozenset({"from_dict", "from_list"})


class RenderedColumns:
    """The rows and dataset columns of one module that hold a render, traced with `texts` (the module's text
    tracer) through the values stored in them."""

    def __init__(self, texts: TextTracer, calls: list[CallSite]) -> None:
        self.texts = texts
        self.calls = calls
        self._writing = False  # `column_writers` is being computed (a value it reads may ask for it again)
        # `column_writers` once found, and whether it was found while a resolution was under way (its guards may have
        # cut a writer's columns short: found again, once, when asked outside one)
        self._writers: dict[str, list[tuple[ast.Call, TextOrigin]]] | None = None
        self._writers_partial = False
        # the calls of functions of other modules that return a tuple with a dataset holding a render, by id: the
        # places of the tuple that hold it (`train, valid = prepare(...)`)
        self.dataset_positions: dict[int, tuple[int, ...]] = {}

    def column_text(self, expr: ast.Subscript, column: ColumnName, function: FunctionInfo) -> TextOrigin | None:
        """The rendered text in the dataset column `expr` reads."""
        origin = self.column_origin(column.name, function)
        if column.words:
            return with_hop(origin, Hop(f"`{_short(expr)}` ({column.words})", is_place=True))
        return with_hop(origin, f"`{_short(expr)}`")

    def returned_row_column(self, row: ast.Name, column: str, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """`column` of the rows that reach `row` from calls (`row = render_row(...)`); certain when every binding
        that reaches it gives a render there."""
        bindings = self.texts.flow(function).reaching(row.id, row)
        origins = [
            self.row_column(binding.value, column, function, depth)
            if binding.kind == "assign" and isinstance(binding.value, ast.Call)
            else self.listed_row_column(binding.value, column, function)
            if binding.kind == "loop" and binding.value is not None
            else None
            for binding in bindings
        ]
        known = [origin for origin in origins if origin is not None]
        if not known:
            return None
        return replace(known[0], certain=len(known) == len(origins) and all(origin.certain for origin in known))

    def listed_row_column(self, listed: ast.expr, column: str, function: FunctionInfo) -> TextOrigin | None:
        """`column` of the rows of a list a loop walks: one the function fills (`jobs.append({"prompt": render(...),
        ...})`, then `for job in jobs`), or one a function of the module fills and returns (`for job in
        build_jobs(rows)`, or `jobs = build_jobs(rows)` first)."""
        if isinstance(listed, ast.Name):
            assigned = function.assignments.get(listed.id, [])
            if len(assigned) == 1 and isinstance(assigned[0], ast.Call):
                listed = assigned[0]  # (`jobs = build_jobs(rows)`)
            else:
                return self._row_columns(self._appended_rows(listed.id, function), function, {}).get(column)
        return self._filled_rows(listed, function).get(column) if isinstance(listed, ast.Call) else None

    def _filled_rows(self, call: ast.Call, function: FunctionInfo) -> dict[str, TextOrigin]:
        """The columns that hold a render in the rows of the list a function of the module fills and returns
        (`rows.append({"text": render(...)})`, `return rows`), by column."""
        helper = self.texts.helper_function(call, function)
        returned = self.texts.flow(helper).returns if helper is not None else []
        if helper is None or not returned or not all(isinstance(value, ast.Name) for value in returned):
            return {}
        names = {value.id for value in returned if isinstance(value, ast.Name)}
        rows = self._row_columns([row for name in names for row in self._appended_rows(name, helper)], helper, {})
        hop = Hop(f"in the rows `{helper.qualname}` returns", is_place=True)
        return {key: hopped for key, origin in rows.items() if (hopped := with_hop(origin, hop)) is not None}

    def row_column(self, call: ast.Call, column: str, function: FunctionInfo, depth: int) -> TextOrigin | None:
        return self.rows_of(call.func, function, depth).get(column)

    def rows_of(
        self,
        func: ast.expr,
        function: FunctionInfo,
        depth: int = 0,
        keys: Bound | None = None,
        batched: bool = False,
    ) -> dict[str, TextOrigin]:
        """The columns that hold a render in the rows returned by the function `func` names: a function of this
        module, of another one (as its summary says), or one of trl's row renderers. `keys`: the columns the
        caller binds parameters of the function to (`fn_kwargs={"text_column": cfg.text_column}`); `batched`: the
        function is given and returns batches of rows (`.map(fn, batched=True)`: each column a list of values)."""
        local = self.texts.helper_function(ast.Call(func=func, args=[], keywords=[]), function)
        made = self._made_by_factory(func, function)
        # (a function of the module, or one a factory of the module made: `to_text = chat_formatter(tok, "text")`)
        found = self.returned_columns(local, depth + 1, keys, batched) if local is not None else {}
        if not found and made is not None:
            found = self._made_here(made, function, depth)
        if found or local is not None:
            return found
        if made is not None and isinstance(made.func, ast.Subscript):
            # (`PREPROCESSORS[cfg.preprocessor](tok, cfg)`: one of the factories of another module's registry)
            return self._imported_registry_columns(made.func.value, makes_rows=True)
        if made is not None:
            imported = self.texts.links.text(made.func)
            if imported is not None and imported[0].makes_rows:
                return {
                    self.texts.column_named(column): imported_origin(*imported, "makes a row function", column)
                    for column in imported[0].columns
                }
        imported = self.texts.links.text(func)
        if imported is not None and imported[0].batch_rows is not batched:
            imported = None  # (rows of one kind only: batches for `.map(fn, batched=True)`, single rows otherwise)
        if imported is not None and imported[0].columns and not imported[0].dataset and not imported[0].makes_rows:
            return {
                self.texts.column_named(column): imported_origin(*imported, "renders the text of the row", column)
                for column in imported[0].columns
            }
        return self._trl_row(func)

    def _made_here(self, made: ast.Call, function: FunctionInfo, depth: int) -> dict[str, TextOrigin]:
        """The columns that hold a render in the rows of the function a factory of this module makes and returns by
        name (`render = chat_text(tok, cfg)` with `def chat_text(tok, cfg): def render(example): ...; return
        render`), or one of the factories of a registry of the module (`PREPROCESSORS[name](tok, cfg)`): on some
        paths when the registry holds other functions too."""
        func = made.func
        if isinstance(func, ast.Subscript) and isinstance(func.value, ast.Name):
            factories = registry_functions(func.value.id, function)
        else:
            factories = (func.id,) if isinstance(func, ast.Name) else ()
        found: dict[str, TextOrigin] = {}
        for name in factories:
            factory = self.texts.helper_function(ast.Call(func=ast.Name(id=name), args=[], keywords=[]), function)
            node = factory.node if factory is not None else None
            last = node.body[-1] if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.body else None
            if factory is None or not isinstance(last, ast.Return) or not isinstance(last.value, ast.Name):
                continue
            returned = last.value.id
            made_function = next((f for f in self.texts.functions if f.outer is factory and f.name == returned), None)
            if made_function is not None:
                hop = Hop(f"in the rows of the function `{name}` makes", is_place=True)
                keys = (_call_arguments(made, factory), function)
                for key, origin in self.returned_columns(made_function, depth + 1, keys).items():
                    found.setdefault(key, with_hop(origin, hop) or origin)
        return _on_some_paths(found) if len(factories) > 1 else found

    def _imported_registry_columns(self, registry: ast.expr, makes_rows: bool) -> dict[str, TextOrigin]:
        """The columns the functions of another module's registry `registry` write into their rows (`makes_rows`:
        of the functions its factories make), when one picked by a key is mapped: on some paths when it holds
        other functions too."""
        found = self.texts.links.row_registry(registry) if self.texts.links else None
        if found is None:
            return {}
        texts, summary, members = found
        note = "makes a row function" if makes_rows else "renders the text of the row"
        columns: dict[str, TextOrigin] = {}
        for text in texts:
            if text.makes_rows == makes_rows and not text.dataset:
                for column in text.columns:
                    columns.setdefault(self.texts.column_named(column), imported_origin(text, summary, note, column))
        return _on_some_paths(columns) if members > 1 else columns

    def _made_by_factory(self, func: ast.expr, function: FunctionInfo) -> ast.Call | None:
        """The call that made the function `func` names, when a call made it: `make_formatter(tok)` itself, or a
        local name assigned it once (`to_text = make_formatter(tok)`)."""
        if isinstance(func, ast.Call):
            return func
        if isinstance(func, ast.Name):
            value = self.texts.flow(function).assigned(func)
            return value if isinstance(value, ast.Call) else None
        return None

    def _trl_row(self, func: ast.expr) -> dict[str, TextOrigin]:
        """The rendered columns of trl's row renderers, when `func` names one (see `facts/trl_rows.py`)."""
        trl_name = self._trl_rows.get(dotted_name(func) or "")
        return trl_row_columns(trl_name, func.lineno) if trl_name else {}

    @functools.cached_property
    def _trl_rows(self) -> dict[str, str]:
        module = next((function.node for function in self.texts.functions if function.is_module), None)
        return trl_row_functions(module) if isinstance(module, ast.Module) else {}

    @property
    def column_writers(self) -> dict[str, list[tuple[ast.Call, TextOrigin]]]:
        """Each column that holds rendered text, with the calls that wrote it: a `.map()`, or a dataset built from
        rendered texts (`Dataset.from_dict({"text": texts})`, `Dataset.from_list([{"text": ...} for ...])`)."""
        busy = bool(self.texts.busy)
        if self._writers is not None and (busy or not self._writers_partial):
            return self._writers
        found: dict[str, list[tuple[ast.Call, TextOrigin]]] = {}
        if self._writing:
            return found  # asked again by a value it reads (`from_dict({"text": example["text"]})`): none yet
        self._writing = True
        try:
            self._find_writers(found)
        finally:
            self._writing = False
        # (found while a row function's columns were being resolved, `to_text` mapped by `ds.map(to_text)` came back
        # empty from its guard: kept for that resolution, found again outside it)
        self._writers, self._writers_partial = found, busy
        return found

    def _find_writers(self, found: dict[str, list[tuple[ast.Call, TextOrigin]]]) -> None:
        links = self.texts.links
        for call, function, _ in self.calls:
            mapped = mapped_function(call)
            if mapped is not None:
                written = self._written_columns(mapped, function, call)
            elif isinstance(call.func, ast.Attribute) and call.func.attr in _BUILDERS:
                written = self._built_columns(call, function)
            elif links and (imported := links.text(call.func)) is not None and imported[0].dataset:
                # a function of another module that returns a dataset with a render in a column (`load_split(...)`)
                if imported[0].positions:
                    self.dataset_positions[id(call)] = imported[0].positions
                for column in imported[0].columns:
                    origin = imported_origin(*imported, "returns a dataset with the render in a column", column)
                    key = self.texts.column_named(column)
                    hop = Hop(f"in {column_words(key)} of the dataset `{imported[0].name}` returns", is_place=True)
                    found.setdefault(key, []).append((call, replace(origin, route=(hop,))))
                continue
            else:
                continue
            for key, origin in written.items():
                hop = Hop(f"stored in {column_words(key)} by `{_short(call)}` (line {call.lineno})", is_place=True)
                hopped = with_hop(origin, hop)
                if hopped is not None:
                    found.setdefault(key, []).append((call, replace(hopped, same_function=False)))

    def _built_columns(self, call: ast.Call, function: FunctionInfo) -> dict[str, TextOrigin]:
        """The columns of rendered text a dataset is built with: every item of the list a `from_dict` mapping (given,
        or bound to the name given) gives the column, or the rows of a `from_list` comprehension (given, or bound to
        the name given) or of a list the function fills with `.append({...})`."""
        given = first_argument(call)
        bound = given.id if isinstance(given, ast.Name) else None
        if isinstance(given, ast.Name) and isinstance(
            assigned := self.texts.flow(function).assigned(given), (ast.ListComp, ast.Call, ast.Dict)
        ):
            # (`rows = [to_row(ex) for ex in raw]`, then `Dataset.from_list(rows)`; `columns = {"text": texts}`, then
            # `Dataset.from_dict(columns)`)
            given = assigned
        if isinstance(given, ast.Call) and called_name(call) == "from_list":
            # `Dataset.from_list(prepare(raw, tok))`: the rows a function of the module fills and returns
            return self._filled_rows(given, function)
        found: dict[str, TextOrigin] = {}
        if called_name(call) == "from_dict" and isinstance(given, ast.Dict):
            for key, value in zip(given.keys, given.values):
                column = self.texts.column_of(key, function) if key is not None else None
                origin = self.texts.template_texts(value, function, 1) if column is not None else None
                listed = same_items(value)
                if column is not None and origin is None and isinstance(listed, ast.Name):
                    # `{"prompt": list(prompts)}` with `prompts` a parameter its callers fill with renders
                    origin = self.texts.passed_texts(listed.id, function)
                if column is not None and origin is None and bound is not None and _empty_list(value):
                    # `data = {"prompt": [], ...}`, filled with `data["prompt"].append(text)`: what is appended
                    items = self._appended_items(bound, column.name, function)
                    origin = next(filter(None, (self.texts.template_texts(item, function, 0) for item in items)), None)
                if column is not None and origin is not None:
                    found.setdefault(column.name, origin)
        elif isinstance(given, ast.ListComp):
            found = self._row_columns([given.elt], function, {})
        elif isinstance(given, ast.Name):
            found = self._row_columns(self._appended_rows(given.id, function), function, {})
        return found

    def _appended_items(self, name: str, key: str, function: FunctionInfo) -> list[ast.expr]:
        """What `function` appends to the list its dict `name` holds under `key`: `data["prompt"].append(text)`."""
        return self._appended(
            function,
            lambda target: (
                isinstance(target, ast.Subscript)
                and dotted_name(target.value) == name
                and string_value(target.slice) == key
            ),
        )

    def _appended_rows(self, name: str, function: FunctionInfo) -> list[ast.expr]:
        """The dicts `function` appends to its list `name`: `rows.append({...})`, or a name assigned such a dict
        (`entry = {"text": text}` on each branch, then `rows.append(entry)`)."""
        rows: list[ast.expr] = []
        for row in self._appended(function, lambda target: dotted_name(target) == name):
            if isinstance(row, ast.Name):
                rows += [value for value in function.assignments.get(row.id, []) if isinstance(value, ast.Dict)]
            elif isinstance(row, ast.Dict):
                rows.append(row)
        return rows

    def _appended(self, function: FunctionInfo, receives: Callable[[ast.expr], bool]) -> list[ast.expr]:
        """What `function` appends, one value a call, to the lists `receives` accepts (`x.append(value)`)."""
        return [
            appended.args[0]
            for appended, caller, _ in self.calls
            if caller is function
            and isinstance(appended.func, ast.Attribute)
            and appended.func.attr == "append"
            and len(appended.args) == 1
            and receives(appended.func.value)
        ]

    @functools.cached_property
    def writes_columns(self) -> bool:
        """Could the module write a column (a `.map()`, `from_dict`, `from_list`, or an imported dataset builder)?
        Tested on the calls' names before any writer is followed."""
        return any(
            isinstance(call.func, ast.Attribute) and (call.func.attr == "map" or call.func.attr in _BUILDERS)
            for call, _, _ in self.calls
        ) or bool(self.texts.links)

    def returned_dataset_columns(self, function: FunctionInfo) -> dict[str, TextOrigin]:
        """The columns holding a render of the datasets `function` returns: every value it returns was made by a
        call that wrote the column (`return ds.map(to_text)`)."""
        returns = self.texts.flow(function).returns
        if not returns or not self.column_writers:
            return {}
        found: dict[str, TextOrigin] = {}
        for key, writers in self.column_writers.items():
            targets = {id(call) for call, _ in writers}
            if all(self.derives(value, function, targets) is True for value in returns):
                found[key] = self.writer_of(key, [(value, function) for value in returns])
        return found

    def returned_tuple_dataset(self, function: FunctionInfo) -> tuple[int, dict[str, TextOrigin]] | None:
        """The first place of the tuples `function` returns that holds a dataset with a render in columns, with
        those columns: every value it returns is a tuple whose item there was made by a call that wrote the column
        (`return train.map(to_text), valid`)."""
        places = self.texts.flow(function).returned_places() if self.column_writers else []
        for position, values in enumerate(places):
            items = [(value, function) for value in values]
            found = {
                key: self.writer_of(key, items)
                for key, writers in self.column_writers.items()
                if all(self.derives(item, function, {id(call) for call, _ in writers}) is True for item, _ in items)
            }
            if found:
                return position, found
        return None

    @functools.cached_property
    def lambda_rows(self) -> dict[tuple[int, str], list[tuple[ast.Call, ast.Lambda]]]:
        """The `.map()` calls that hand their rows to a lambda, with the lambda, by the function they are in and the
        lambda's parameter: `ds.map(lambda row: tok(row["text"]))`."""
        found: dict[tuple[int, str], list[tuple[ast.Call, ast.Lambda]]] = {}
        for call, function, _ in self.calls:
            mapped = mapped_function(call)
            if isinstance(mapped, ast.Lambda) and mapped.args.args:
                found.setdefault((id(function), mapped.args.args[0].arg), []).append((call, mapped))
        return found

    def column_origin(self, key: str, reader: FunctionInfo) -> TextOrigin | None:
        """The rendered text in column `key` of the rows `reader` is given: when the module hands `reader` to
        `.map()`, only if one of those datasets was made by a `.map()` that wrote the column (a plain corpus with a
        `text` column of its own is not); else whenever the module writes the column."""
        maps = [(call, function) for call, function, _ in self.calls if self._applies(call, function, reader)]
        found = self.column_of_maps(key, maps)
        if found is not None or maps or key in self.column_writers:
            return found
        return self.stage_column(key, reader)

    def typed_column(self, param: str, key: str, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """Key `key` of the parameter `param`, annotated with a class (a `TypedDict`) the module builds as a dict
        literal annotated the same way (`raw_request: HuggingFaceRequest = {"prompt": render(...), ...}`): the
        render put there."""
        annotation = function.params[param].annotation
        name = dotted_name(annotation) if annotation is not None else None
        if name is None or name[:1].islower():
            return None
        for value, builder, line in self.typed_dicts.get((name, key), ()):
            origin = self.texts.template_text(value, builder, depth + 1)
            hop = Hop(f"stored in key `{key}` of the `{name}` built at line {line}", is_place=True)
            hopped = with_hop(origin, hop)
            if hopped is not None:
                return replace(hopped, same_function=False)
        return None

    @functools.cached_property
    def typed_dicts(self) -> dict[tuple[str, str], list[tuple[ast.expr, FunctionInfo, int]]]:
        """The values of the dict literals the module's functions assign to an annotated name (`raw_request:
        HuggingFaceRequest = {...}`), by the annotation's class and the key."""
        found: dict[tuple[str, str], list[tuple[ast.expr, FunctionInfo, int]]] = {}
        for function in self.texts.functions:
            if function.is_module:
                continue
            for node in nodes_under(getattr(function.node, "body", [])):
                if not (isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Dict)):
                    continue
                cls = dotted_name(node.annotation)
                for key, value in zip(node.value.keys, node.value.values):
                    text = string_value(key) if key is not None else None
                    if cls and text:
                        found.setdefault((cls, text), []).append((value, function, node.lineno))
        return found

    def stage_column(self, key: str, reader: FunctionInfo) -> TextOrigin | None:
        """Column `key` of rows a stage of a pipeline wrote, for a reader that no `.map()` of the module is handed:
        a method of a class of the module that stores a render in the row it is given and returns it
        (`row["prompt"] = render(...)`, `return row`), or one of another module used beside the reader's own
        module (`Links.row_columns`)."""
        for function, origin in self.stage_writers.get(key, ()):
            if function is not reader:
                return origin
        adopted = self.texts.links.row_columns.get(key) if self.texts.links else None
        if adopted is None:
            return None
        text, summary, user = adopted
        if text.dataset:  # (a function returning a dataset, handed to a trainer beside this module's collator)
            origin = imported_origin(text, summary, "returns a dataset with the render in a column", key)
            hop = Hop(f"in {column_words(key)} of the dataset `{text.name}` returns, one {user}", is_place=True)
        else:
            origin = imported_origin(text, summary, "stores the render in the rows it is given", key)
            hop = Hop(f"in {column_words(key)} of the rows `{text.name}` returns, a stage {user}", is_place=True)
        return replace(origin, route=(hop,))

    @functools.cached_property
    def stage_writers(self) -> dict[str, list[tuple[FunctionInfo, TextOrigin]]]:
        """The methods of the module's classes that store a render in a column of the row they are given and return
        that row (a pipeline's stage), by column."""
        found: dict[str, list[tuple[FunctionInfo, TextOrigin]]] = {}
        for function in self.texts.functions:
            # (a method: a module-level function that does so is a `.map()` function, followed as such; one that
            # stores a string key in a parameter, `row["prompt"] = ...`)
            stores = function.cls is not None and any(name in function.params for name in function.key_assignments)
            returns = self.texts.flow(function).returns if stores else []
            if not returns or not all(isinstance(value, ast.Name) and value.id in function.params for value in returns):
                continue
            line = getattr(function.node, "lineno", 0)
            for key, origin in self.returned_columns(function).items():
                hop = Hop(f"stored in {column_words(key)} by {function.display_name} (line {line})", is_place=True)
                hopped = with_hop(origin, hop)
                if hopped is not None:
                    found.setdefault(key, []).append((function, replace(hopped, same_function=False)))
        return found

    def column_of_maps(self, key: str, maps: list[tuple[ast.Call, FunctionInfo]]) -> TextOrigin | None:
        """Column `key`'s render, unless every dataset the `.map()` calls `maps` go over was made otherwise than by a
        call that wrote the column (with no such call: whenever the module writes it)."""
        return self.column_of_datasets(key, [(call.func.value, function) for call, function in maps])  # type: ignore[attr-defined]

    def column_of_datasets(self, key: str, datasets: list[tuple[ast.expr, FunctionInfo]]) -> TextOrigin | None:
        """Column `key`'s render, unless every one of `datasets` (each in its function) was made otherwise than by
        a call that wrote the column (with none: whenever the module writes it)."""
        writers = self.column_writers.get(key)
        if not writers:
            return None
        targets = {id(call) for call, _ in writers}
        verdicts = [self.derives(dataset, function, targets) for dataset, function in datasets]
        if verdicts and all(verdict is False for verdict in verdicts):
            return None
        return self.writer_of(key, datasets)

    def made_column(self, key: str, dataset: ast.expr, function: FunctionInfo) -> TextOrigin | None:
        """Column `key`'s render, when the code shows `dataset` made by a call that wrote it there (a name whose
        making the code does not show, a lambda's parameter say, is not guessed)."""
        for writer, origin in self.column_writers.get(key, ()):
            if self.derives(dataset, function, {id(writer)}):
                return origin
        return None

    def derives(
        self, dataset: ast.expr, function: FunctionInfo, targets: set[int], stop: Stop | None = None
    ) -> bool | None:
        """Was `dataset` made by one of the calls `targets` (see `derives_from`)?"""
        return derives_from(
            dataset, function, targets, self.texts.flows, stop, self.texts.returned_values, self.dataset_positions
        )

    def writer_of(self, key: str, datasets: list[tuple[ast.expr, FunctionInfo]]) -> TextOrigin:
        """The render in column `key` as the call that wrote it says, choosing the writer one of `datasets` (each in
        its function) was made from when the code shows which, else the first: the words name the right one."""
        writers = self.column_writers[key]
        made = (
            origin
            for writer, origin in writers
            if any(self.derives(dataset, function, {id(writer)}) for dataset, function in datasets)
        )
        return next(made, writers[0][1])

    def _applies(self, call: ast.Call, function: FunctionInfo, reader: FunctionInfo) -> bool:
        """Does the `.map()` call (in `function`) apply `reader` (by name, in a partial, or called by a lambda)?"""
        mapped = mapped_function(call)
        mapped = partial_target(mapped) if mapped is not None else None
        if isinstance(mapped, ast.Lambda) and isinstance(mapped.body, ast.Call):
            mapped = mapped.body.func
        if not isinstance(mapped, ast.Name) or mapped.id != reader.name or reader.is_module:
            return False
        return self.texts.helper_function(ast.Call(func=mapped, args=[], keywords=[]), function) is reader

    def _written_columns(self, mapped: ast.expr, function: FunctionInfo, call: ast.Call) -> dict[str, TextOrigin]:
        mapped = bound_mapped(mapped, function)  # `fn = partial(FORMATTERS[cfg.formatter], tokenizer=tok)`
        registry, position = self._registry_item(partial_target(mapped), function)
        if registry is not None:
            # (a registry of the module's functions, else of another module's: `ds.map(FORMATTERS[cfg.formatter])`)
            found = self._registry_columns(registry.id, mapped, function, call, position)
            if found or position is not None:
                return found
            return self._imported_registry_columns(registry, makes_rows=False)
        keys = (bound_keywords(call, mapped, function), function)
        batched = bool_literal(keyword_value(call, "batched")) is True
        mapped = partial_target(mapped)  # `partial(to_text, tokenizer=tok)`: `to_text`
        if isinstance(mapped, ast.Lambda):
            if isinstance(mapped.body, ast.Call) and not isinstance(mapped.body.func, ast.Lambda):
                # `lambda example: to_text(example, tok)`: the rows of the function it calls
                found = self._written_columns(mapped.body.func, function, call)
                if found:
                    return found
            return self._row_columns([mapped.body], function, {}, batched=batched)
        return self.rows_of(mapped, function, keys=keys, batched=batched)

    def _registry_item(self, target: ast.expr, function: FunctionInfo) -> tuple[ast.Name | None, int | None]:
        """The registry of the module an item of which `target` is (`FORMATTERS[cfg.formatter]`), and the place the
        function takes in its tuple values, if they are tuples: `DATASETS[name][0]`, or `formatter` unpacked from
        one, `formatter, hub_path = DATASETS[name]`."""
        position = None
        if isinstance(target, ast.Name):
            bindings = self.texts.flow(function).reaching(target.id, target)
            if len(bindings) == 1 and bindings[0].kind == "unpack" and bindings[0].value is not None:
                target, position = bindings[0].value, bindings[0].position
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Subscript):
            index = target.slice.value if isinstance(target.slice, ast.Constant) else None
            if type(index) is int:
                target, position = target.value, index
        if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            return target.value, position
        return None, None

    def _registry_columns(
        self, registry: str, mapped: ast.expr, function: FunctionInfo, call: ast.Call, position: int | None
    ) -> dict[str, TextOrigin]:
        """The columns the functions of a registry of the module write when one of them is mapped
        (`ds.map(FORMATTERS[cfg.formatter])`; `position`: see `registry_functions`): which one runs is known only at
        run time, so a column one of them renders into holds a render on some paths."""
        members = registry_functions(registry, function, position)
        found: dict[str, TextOrigin] = {}
        for member in members:
            name: ast.expr = ast.Name(id=member.split(".")[0], ctx=ast.Load())
            for attribute in member.split(".")[1:]:  # (a function of an imported module: `formatters.chat_text`)
                name = ast.Attribute(value=name, attr=attribute, ctx=ast.Load())
            if isinstance(mapped, ast.Call):  # the partial, binding the member
                name = ast.Call(func=mapped.func, args=[name, *mapped.args[1:]], keywords=mapped.keywords)
                ast.copy_location(name, mapped)
            for key, origin in self._written_columns(name, function, call).items():
                found.setdefault(key, origin)
        return _on_some_paths(found) if len(members) > 1 else found

    def returned_columns(
        self, function: FunctionInfo, depth: int = 0, keys: Bound | None = None, batched: bool = False
    ) -> dict[str, TextOrigin]:
        """The keys of the rows `function` returns that certainly hold a rendered text (`keys`, `batched`: see
        `rows_of`)."""
        key = (id(function), "row")
        if key in self.texts.busy or depth > MAX_RESOLUTION_DEPTH:
            return {}
        self.texts.busy.add(key)
        try:
            flow = self.texts.flow(function)
            return self._row_columns(flow.returns, function, flow.items, depth, keys, batched)
        finally:
            self.texts.busy.discard(key)

    def _row_columns(
        self,
        rows: list[ast.expr],
        function: FunctionInfo,
        items: dict[tuple[str, str], list[ast.expr]],
        depth: int = 0,
        keys: Bound | None = None,
        batched: bool = False,
    ) -> dict[str, TextOrigin]:
        found: dict[str, TextOrigin] = {}
        partial: set[str] = set()  # columns some row holds no render in (a plain text on another path)
        # (a batch of rows: each column a list, whose items are the rows' values)
        follow = self.texts.template_texts if batched else self.texts.template_text
        for row in rows:
            entries: list[tuple[str | None, ast.expr]] = []
            if isinstance(row, ast.Dict):
                entries = [
                    (column.name if (column := self._key_column(key, function, keys)) else None, value)
                    for key, value in zip(row.keys, row.values)
                    if key is not None
                ]
            elif isinstance(row, ast.Name):
                entries = [
                    (self._stored_column(key, function), value)
                    for (base, key), values in items.items()
                    if base == row.id
                    for value in values
                ]
            elif isinstance(row, ast.DictComp):
                # `{side + "_text": render(example[side]) for side in ("chosen", "rejected")}`: one column per name
                entries = [(key, row.value) for key in _comprehension_keys(row)]
            elif isinstance(row, ast.Call) and depth < MAX_RESOLUTION_DEPTH:
                # `return apply_chat_template(example, tokenizer)`: the row another row function returns
                hop = Hop(f"in the row `{_short(row)}` returns", is_place=True)
                for name, returned in self.rows_of(row.func, function, depth + 1).items():
                    found.setdefault(name, with_hop(returned, hop) or returned)
                continue
            rendered = set()
            for key, value in entries:
                origin = follow(value, function, depth + 1) if key is not None else None
                if key is not None and origin is not None and not origin.batch:
                    found.setdefault(key, origin)
                    rendered.add(key)
            partial.update(key for key, _ in entries if key is not None and key not in rendered)
        # a render on some paths only: said so in the message
        return {key: replace(origin, certain=False) if key in partial else origin for key, origin in found.items()}

    def _stored_column(self, key: str, function: FunctionInfo) -> str:
        """A key a store wrote, as a column: a constant's (`<TEXT_KEY>`, see `syntax.stored_key`) is the string the
        module shows it holds, where it does."""
        if key.startswith("<") and key.endswith(">"):
            column = self.texts.column_of(ast.Name(id=key[1:-1], ctx=ast.Load()), function)
            return column.name if column is not None else key
        return key

    def _key_column(self, key: ast.expr, function: FunctionInfo, keys: Bound | None) -> ColumnName | None:
        """The column a row's key names: see `column_of`; a parameter of the function, as its caller binds it."""
        bound, caller = keys if keys is not None else ({}, function)
        if isinstance(key, ast.Name) and key.id in bound:
            # (a parameter of the function, or of the factory that made it: `def make(column): def to_text(ex):
            # return {column: ...}`, bound by the factory's call)
            owner = function if key.id in function.call_params else function.outer
            shadowed = owner is not function and key.id in function.assignments  # (the made function rebinds it)
            if owner is None or key.id not in owner.call_params or shadowed:
                return self.texts.column_of(key, function)
            if not self.texts.flow(owner).never_rebound(key.id):
                return None
            return self.texts.column_of(bound[key.id], caller)
        return self.texts.column_of(key, function)


def _on_some_paths(columns: dict[str, TextOrigin]) -> dict[str, TextOrigin]:
    """The columns a registry's functions write, when the registry holds others too: which one runs is known only at
    run time, so each holds a render on some paths."""
    return {key: replace(origin, certain=False) for key, origin in columns.items()}


def _call_arguments(call: ast.Call, callee: FunctionInfo) -> dict[str, ast.expr]:
    """The arguments `call` gives the parameters of `callee`, by name (positional ones up to a starred one)."""
    node = callee.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {}
    found: dict[str, ast.expr] = {}
    for param, argument in zip([*node.args.posonlyargs, *node.args.args], call.args):
        if isinstance(argument, ast.Starred):
            break
        found[param.arg] = argument
    found.update((item.arg, item.value) for item in call.keywords if item.arg is not None)
    return found


# the keywords a `.map()` binds the function it applies with, and the function the `.map()` is in (whose names the
# keywords' values are read with): `fn_kwargs={"text_column": cfg.text_column}`
Bound = tuple[dict[str, ast.expr], FunctionInfo]


def _comprehension_keys(row: ast.DictComp) -> list[str]:
    """The keys of a dict comprehension over a literal tuple or list of strings whose key is written from the loop
    name (`side + "_text"`, `f"{side}_text"`, `side`); none otherwise."""
    if len(row.generators) != 1 or row.generators[0].ifs or not isinstance(row.generators[0].target, ast.Name):
        return []
    name, names = row.generators[0].target.id, row.generators[0].iter
    values = [string_value(item) for item in names.elts] if isinstance(names, (ast.Tuple, ast.List)) else [None]
    if None in values:
        return []

    def key(node: ast.expr, value: str) -> str | None:
        if isinstance(node, ast.Name):
            return value if node.id == name else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = key(node.left, value), key(node.right, value)
            return left + right if left is not None and right is not None else None
        if isinstance(node, ast.JoinedStr):
            parts = [
                key(part.value, value) if isinstance(part, ast.FormattedValue) else string_value(part)
                for part in node.values
            ]
            return "".join(part for part in parts if part is not None) if None not in parts else None
        return string_value(node)

    keys = [key(row.key, value) for value in values if value is not None]
    return [item for item in keys if item is not None] if None not in keys else []


def _short(node: ast.AST) -> str:
    return shortened(code(node), 60)


def _empty_list(node: ast.expr) -> bool:
    return isinstance(node, ast.List) and not node.elts
