"""Which dataset a value is: the chain of `datasets` calls that made it (`.map(...)`, `.filter(...)`, `["train"]`),
followed back through local names.

A column a `.map()` wrote belongs to the datasets made from that call, not to every dataset of the module: a chat
set rendered into `text` and a plain corpus whose documents are also called `text` live side by side in training
scripts. `derives_from` answers whether a dataset value was made by given calls: True, False (it was made
otherwise: loaded, built from a list), or None when the code does not show it (a parameter, an attribute, a loop).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping

from chatlint.facts.flow import MAX_RESOLUTION_DEPTH, Binding, FunctionFlow, enclosing_bindings, function_flow
from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import called_name, dotted_name, is_partial, keyword_value

# methods of a dataset that return a dataset made from it (a split, a subset, the same rows changed)
_KEEPS_ROWS = frozenset(
    {
        "map",
        "filter",
        "shuffle",
        "select",
        "sort",
        "train_test_split",
        "with_format",
        "with_transform",
        "set_format",
        "flatten",
        "flatten_indices",
        "cast",
        "cast_column",
        "rename_column",
        "rename_columns",
        "remove_columns",
        "select_columns",
        "add_column",
        "take",
        "skip",
        "shard",
        "batch",
    }
)
# functions that make one dataset of several
_COMBINES = frozenset({"concatenate_datasets", "interleave_datasets"})

Stop = Callable[[ast.Call], bool]
# the values a call of a function of the module returns, each with that function (none for other calls)
Returns = Callable[[ast.Call, FunctionInfo], list[tuple[ast.expr, FunctionInfo]]]


def derives_from(
    expr: ast.expr,
    function: FunctionInfo,
    targets: set[int],
    flows: dict[int, FunctionFlow],
    stop: Stop | None = None,
    returns: Returns | None = None,
    positions: Mapping[int, tuple[int, ...]] | None = None,
) -> bool | None:
    """Was the dataset `expr` (in `function`) made by one of the calls `targets` (by id)? `stop`: a call on the way
    back that ends the question with False (a `.map()` that tokenized the column away). `returns`: follows a
    dataset a function of the module builds and returns (`ds = build_dataset(tok)`). `positions`: for a target that
    returns a tuple (`train, valid = prepare(...)`), the places that hold the dataset it made, by the call's id."""
    return _Derivation(targets, flows, stop, returns, positions or {}).made(expr, function, 0)


class _Derivation:
    def __init__(
        self,
        targets: set[int],
        flows: dict[int, FunctionFlow],
        stop: Stop | None,
        returns: Returns | None,
        positions: Mapping[int, tuple[int, ...]],
    ):
        self.targets, self.flows, self.stop, self.returns = targets, flows, stop, returns
        self.positions = positions
        # each expression is looked at once: a loop that reassigns the dataset comes back to where it started
        self.seen: set[int] = set()

    def made(self, expr: ast.expr, function: FunctionInfo, depth: int) -> bool | None:
        if id(expr) in self.seen:
            return False  # already answered on another way back (its verdict is among the others), or a loop
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        self.seen.add(id(expr))
        if isinstance(expr, ast.Call):
            return self._call(expr, function, depth)
        if isinstance(expr, ast.Subscript):
            # `ds["train"]`; an item a statement before sets (`splits[split] = splits[split].map(render)` in a loop
            # over the splits) is made by what it is set to
            base = expr.value
            name = base.id if isinstance(base, ast.Name) else ""
            items = function_flow(function, self.flows).item_values.get(name, [])
            set_before = [self.made(value, function, depth + 1) for value in items if value.lineno < expr.lineno]
            return _any([self.made(base, function, depth + 1), *set_before])
        if isinstance(expr, ast.Name):
            bindings = function_flow(function, self.flows).reaching(expr.id, expr)
            if not bindings:
                # a name the function does not bind: the dataset the module (or a function around) binds to it
                bindings, outer = enclosing_bindings(expr.id, function, self.flows)
                if outer is None:
                    return None
                function = outer
            # `train, test = load_splits(...)`: an item of the datasets a call makes; a parameter (or a loop's
            # name) is unknown, but a path that maps it (`if cfg.chat_template: train = train.map(render)`) counts
            return _any(
                [
                    self._bound(binding, function, depth)
                    if binding.kind in ("assign", "unpack") and binding.value is not None
                    else None
                    for binding in bindings
                ]
            )
        if isinstance(expr, ast.Tuple) and expr.elts:
            # `return train, test`: each of them made by the targets (one that is not makes the answer unknown)
            # (each asked afresh: the items of `load(train), load(test)` go back through the same expressions)
            verdicts = [
                _Derivation(self.targets, self.flows, self.stop, self.returns, self.positions).made(
                    item, function, depth + 1
                )
                for item in expr.elts
            ]
            if all(verdict is True for verdict in verdicts):
                return True
            return False if all(verdict is False for verdict in verdicts) else None
        return None

    def _bound(self, binding: Binding, function: FunctionInfo, depth: int) -> bool | None:
        value = binding.value
        assert value is not None
        held = self.positions.get(id(value))
        if binding.kind == "unpack" and held is not None and binding.position not in held:
            return False  # `train, valid = prepare(...)` whose first item only is the dataset the target made
        return self.made(value, function, depth + 1)

    def _call(self, call: ast.Call, function: FunctionInfo, depth: int) -> bool | None:
        if id(call) in self.targets:
            return True
        if self.stop is not None and self.stop(call):
            return False
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in _KEEPS_ROWS:
            return self.made(func.value, function, depth + 1)
        parts = _combined_parts(call, function)
        if parts is not None:
            return _any([self.made(part, function, depth + 1) for part in parts])
        returned = self.returns(call, function) if self.returns is not None else []
        if any(self.made(value, helper, depth + 1) is True for value, helper in returned):
            return True  # built by a function of the module from a target (what it does with its parameters is not
            # followed: a helper handed the dataset stays a named call, as below)
        return False if dotted_name(func) is not None else None  # loaded or built: not made by the targets


def _combined_parts(call: ast.Call, function: FunctionInfo) -> list[ast.expr] | None:
    """The datasets `concatenate_datasets(...)` or `interleave_datasets(...)` makes one of: those of the list it is
    given, written out or a local list filled with `.append(ds)` (`chat_parts = []`, then a loop over corpora); None
    for any other call, or a list the code does not show whole."""
    if called_name(call) not in _COMBINES or not call.args:
        return None
    given = call.args[0]
    if isinstance(given, (ast.List, ast.Tuple)):
        return list(given.elts)
    if not isinstance(given, ast.Name):
        return None
    assigned = function.assignments.get(given.id, [])
    lists = [value for value in assigned if isinstance(value, ast.List)]
    mutations = function.mutations.get(given.id, [])
    if not lists or len(lists) != len(assigned) or any(kind != "append" for kind, _ in mutations):
        return None
    return [*(item for value in lists for item in value.elts), *(value for _, value in mutations)]


def _any(verdicts: list[bool | None]) -> bool | None:
    """True when one of them is, else None when one is unknown, else False."""
    if any(verdict is True for verdict in verdicts):
        return True
    return None if any(verdict is None for verdict in verdicts) else False


def mapped_function(call: ast.Call) -> ast.expr | None:
    """What a `.map(...)` call applies: its `function=` or first argument."""
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "map"):
        return None
    for keyword in call.keywords:
        if keyword.arg == "function":
            return keyword.value
    return call.args[0] if call.args and not isinstance(call.args[0], ast.Starred) else None


def bound_mapped(mapped: ast.expr, function: FunctionInfo) -> ast.expr:
    """What a `.map()` applies when it names a local bound once to a partial or an item of a registry (`fn =
    partial(tokenize_batch, ...)` or `fn = partial(FORMATTERS[cfg.formatter], ...)`, then `.map(fn)`): that value;
    else `mapped` itself."""
    assigned = function.assignments.get(mapped.id, []) if isinstance(mapped, ast.Name) else []
    value = assigned[0] if len(assigned) == 1 else None
    if isinstance(value, ast.Subscript) or (isinstance(value, ast.Call) and is_partial(value)):
        return value
    return mapped


def partial_target(mapped: ast.expr) -> ast.expr:
    """The function a `functools.partial(f, ...)` binds (`f`), else `mapped` itself."""
    if isinstance(mapped, ast.Call) and is_partial(mapped) and mapped.args:
        return mapped.args[0]
    return mapped


def dataset_parameter(dataset: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> str | None:
    """The parameter the dataset `dataset` (in `function`) is made from, through the dataset methods called on it
    (`ds.filter(...).shuffle()`) and the local names that reach it (`ds = ds.filter(...)` before `ds.map(...)`)."""
    flow = function_flow(function, flows)
    for _ in range(MAX_RESOLUTION_DEPTH):
        while isinstance(dataset, ast.Call) and isinstance(dataset.func, ast.Attribute):
            dataset = dataset.func.value
        if not isinstance(dataset, ast.Name):
            return None
        bindings = flow.reaching(dataset.id, dataset)
        if len(bindings) != 1:
            return None
        if bindings[0].kind == "param":
            return dataset.id
        if bindings[0].kind != "assign" or bindings[0].value is None:
            return None
        dataset = bindings[0].value
    return None


def bound_keywords(call: ast.Call, mapped: ast.expr, function: FunctionInfo) -> dict[str, ast.expr]:
    """The keywords a `.map()` call (in `function`) binds the function it applies with: a partial's keywords, and
    `fn_kwargs` (a dict, or a name the function binds once to one)."""
    found: dict[str, ast.expr] = {}
    if isinstance(mapped, ast.Call) and is_partial(mapped):
        found.update((item.arg, item.value) for item in mapped.keywords if item.arg is not None)
    given = keyword_value(call, "fn_kwargs")
    if isinstance(given, ast.Name) and len(function.assignments.get(given.id, ())) == 1:
        given = function.assignments[given.id][0]
    found.update(literal_keywords(given))
    return found


def literal_keywords(mapping: ast.expr | None) -> dict[str, ast.expr]:
    """The items of a dict literal under string keys (`{"renderer": renderer}`, what `fn_kwargs` hands on)."""
    if not isinstance(mapping, ast.Dict):
        return {}
    return {
        key.value: value
        for key, value in zip(mapping.keys, mapping.values)
        if isinstance(key, ast.Constant) and isinstance(key.value, str)
    }
