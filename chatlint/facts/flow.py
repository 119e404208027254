"""Which assignments of a local name may reach one of its loads, and which loads one assignment may reach.

`FunctionInfo.assignments` lists every value a name is given, in source order; that is not enough to follow a
value: `text = render(...)` in one branch and `text = example["text"]` in the other both reach a later
`tokenizer(text)`, while `ids = ids["input_ids"]` stops an earlier value from reaching what follows. This module
walks one function body (lazily, once) and records its bindings (assignments, tuple unpacking, loop targets),
loads, `return` values and item assignments (`row["text"] = ...`), then answers reachability with a simple rule:
a later binding stops an earlier one only when it sits in a block that encloses the load.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import dotted_name, string_value
from chatlint.facts.walk import children as syntax_children

_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)
_Blocks = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Binding:
    """`name` is given a value: `kind` is assign | unpack | loop | param."""

    name: str
    kind: str
    value: cst.BaseExpression | None  # the assigned expression, the iterable of a loop, None when unknown
    position: int | None  # the index in a tuple unpacking (`a, b = f()` -> 0 for `a`)
    statement: cst.CSTNode  # the node whose value is being bound (an Assign, For, CompFor...)
    order: int
    blocks: tuple[tuple[int, int], ...]  # the branches around the binding, outermost first (see `_Walker`)
    source: cst.CSTNode | None = None  # what is evaluated before the binding (right-hand side, iterable)


@dataclass(frozen=True)
class Load:
    node: cst.Name
    ancestors: tuple[cst.CSTNode, ...]
    order: int
    blocks: tuple[tuple[int, int], ...]


@dataclass
class FunctionFlow:
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    loads: dict[str, list[Load]] = field(default_factory=dict)
    returns: list[cst.BaseExpression] = field(default_factory=list)
    # (`row`, "text") -> the values of `row["text"] = ...`, and the entries of `row = {"text": ...}`
    items: dict[tuple[str, str], list[cst.BaseExpression]] = field(default_factory=dict)
    # names whose items are assigned (`kwargs["x"] = ...`): their contents change after they are built
    changed_items: set[str] = field(default_factory=set)

    def reaching(self, name: str, load: cst.Name) -> list[Binding]:
        """The bindings of `name` that may hold its value at `load`."""
        found = next((item for item in self.loads.get(name, ()) if item.node is load), None)
        if found is None:
            return []
        return [binding for binding in self.bindings.get(name, ()) if _reaches(binding, found, self.bindings[name])]

    def loads_reached_by(self, binding: Binding) -> list[Load]:
        others = self.bindings.get(binding.name, [])
        return [load for load in self.loads.get(binding.name, ()) if _reaches(binding, load, others)]

    def binding_of(self, statement: cst.CSTNode, name: str) -> Binding | None:
        return next((item for item in self.bindings.get(name, ()) if item.statement is statement), None)


def _reaches(binding: Binding, load: Load, others: list[Binding]) -> bool:
    if binding.kind == "param":
        before = [other for other in others if other.kind != "param" and _before(other, load)]
        return not any(_encloses(other, load) for other in before)
    if not _before(binding, load):
        return False
    for other in others:
        if other is binding or other.kind == "param" or not _before(other, load):
            continue
        if other.order > binding.order and _encloses(other, load):
            return False
    return True


def _before(binding: Binding, load: Load) -> bool:
    # `x = f(x)`: the load on the right-hand side sees the earlier value, not this one
    if binding.order >= load.order or (binding.source is not None and binding.source in load.ancestors):
        return False
    return not _exclusive(binding.blocks, load.blocks)


def _exclusive(first: tuple[tuple[int, int], ...], second: tuple[tuple[int, int], ...]) -> bool:
    """The two places sit in different branches of one `if` (body and `else`): never both run."""
    for mine, theirs in zip(first, second):
        if mine != theirs:
            return mine[0] == theirs[0]
    return False


def _encloses(binding: Binding, load: Load) -> bool:
    return load.blocks[: len(binding.blocks)] == binding.blocks


class _Walker:
    def __init__(self, root: cst.CSTNode, params: list[str]) -> None:
        self.flow = FunctionFlow()
        self.order = 0
        self._stores: set[int] = set()
        for name in params:
            self.flow.bindings.setdefault(name, []).append(Binding(name, "param", None, None, root, -1, ()))

    def walk(self, node: cst.CSTNode, ancestors: tuple[cst.CSTNode, ...], blocks: _Blocks) -> None:
        """Visit `node` in evaluation order. `blocks` marks the branches around it: (id of a suite, 0) for a
        plain block, (id of an `if`, 0) for its body and (id of the `if`, 1) for its `else` / `elif`."""
        self.order += 1
        order = self.order
        if isinstance(node, cst.Name):
            if id(node) not in self._stores and _is_load(node, ancestors):
                self.flow.loads.setdefault(node.value, []).append(Load(node, ancestors, order, blocks))
            return
        if ancestors and isinstance(node, _SCOPES):
            return
        self._record(node, order, blocks)
        path = ancestors + (node,)
        if isinstance(node, cst.If):
            self.walk(node.test, path, blocks)
            self.walk(node.body, path, blocks + ((id(node), 0),))
            if node.orelse is not None:
                self.walk(node.orelse, path, blocks + ((id(node), 1),))
            return
        if isinstance(node, cst.BaseSuite):
            blocks = blocks + ((id(node), 0),)
        children = syntax_children(node)
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)):
            # the loop binds its names before the element is evaluated
            children = [node.for_in, *[child for child in children if child is not node.for_in]]
        for child in children:
            self.walk(child, path, blocks)

    # -- bindings -------------------------------------------------------------------------------------------------
    def _record(self, node: cst.CSTNode, order: int, blocks: _Blocks) -> None:
        if isinstance(node, cst.Assign):
            for target in node.targets:
                self._bind(target.target, node.value, node, order, blocks)
        elif isinstance(node, cst.AnnAssign) and node.value is not None:
            self._bind(node.target, node.value, node, order, blocks)
        elif isinstance(node, cst.NamedExpr):
            self._bind(node.target, node.value, node, order, blocks)
        elif isinstance(node, (cst.For, cst.CompFor)):
            self._bind_loop(node.target, node.iter, node, order, blocks)
        elif isinstance(node, cst.Return) and node.value is not None:
            self.flow.returns.append(node.value)

    def _bind(
        self,
        target: cst.BaseExpression,
        value: cst.BaseExpression,
        statement: cst.CSTNode,
        order: int,
        blocks: _Blocks,
    ) -> None:
        if isinstance(target, cst.Name):
            self._add(target, Binding(target.value, "assign", value, None, statement, order, blocks, value))
            if isinstance(value, cst.Dict):
                for element in value.elements:
                    key = string_value(element.key) if isinstance(element, cst.DictElement) else None
                    if key is not None:
                        self.flow.items.setdefault((target.value, key), []).append(element.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for position, element in enumerate(target.elements):
                if isinstance(element, cst.StarredElement):
                    break
                if isinstance(element.value, cst.Name):
                    binding = Binding(element.value.value, "unpack", value, position, statement, order, blocks, value)
                    self._add(element.value, binding)
        elif isinstance(target, cst.Subscript) and len(target.slice) == 1:
            index = target.slice[0].slice
            base = dotted_name(target.value)
            if base:
                self.flow.changed_items.add(base)
            key = string_value(index.value) if isinstance(index, cst.Index) else None
            if base and key is not None:
                self.flow.items.setdefault((base, key), []).append(value)

    def _bind_loop(
        self,
        target: cst.BaseExpression,
        iterable: cst.BaseExpression,
        statement: cst.CSTNode,
        order: int,
        blocks: _Blocks,
    ) -> None:
        if isinstance(target, cst.Name):
            self._add(target, Binding(target.value, "loop", iterable, None, statement, order, blocks, iterable))
            return
        if not isinstance(target, cst.Tuple):
            return
        is_enumerate = (
            isinstance(iterable, cst.Call) and dotted_name(iterable.func) == "enumerate" and bool(iterable.args)
        )
        for position, element in enumerate(target.elements):
            if not isinstance(element.value, cst.Name):
                continue
            if is_enumerate and position == 1:
                source = iterable.args[0].value  # type: ignore[union-attr]
                binding = Binding(element.value.value, "loop", source, None, statement, order, blocks, iterable)
            else:
                binding = Binding(element.value.value, "loop", None, None, statement, order, blocks, iterable)
            self._add(element.value, binding)

    def _add(self, target: cst.Name, binding: Binding) -> None:
        self._stores.add(id(target))
        self.flow.bindings.setdefault(binding.name, []).append(binding)


def _is_load(node: cst.Name, ancestors: tuple[cst.CSTNode, ...]) -> bool:
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, cst.Attribute) and parent.attr is node:
        return False
    if isinstance(parent, cst.Arg) and parent.keyword is node:
        return False
    if isinstance(parent, (cst.Param, cst.FunctionDef, cst.ClassDef, cst.ImportAlias, cst.AsName)):
        return False
    if isinstance(parent, cst.AssignTarget) and parent.target is node:
        return False
    return True


def function_flow(function: FunctionInfo, cache: dict[int, FunctionFlow]) -> FunctionFlow:
    """The flow facts of one function (or of the module's top level), computed on first use."""
    flow = cache.get(id(function))
    if flow is None:
        walker = _Walker(function.node, list(function.params))
        body = function.node.body if isinstance(function.node, cst.FunctionDef) else function.node
        if isinstance(body, cst.Module):
            for statement in body.body:
                walker.walk(statement, (body,), ())
        else:
            walker.walk(body, (function.node,), ())
        flow = walker.flow
        cache[id(function)] = flow
    return flow

