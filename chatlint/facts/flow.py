"""Which assignments of a local name may reach one of its loads, and which loads one assignment may reach.

`FunctionInfo.assignments` lists every value a name is given, in source order; that is not enough to follow a
value: `text = render(...)` in one branch and `text = example["text"]` in the other both reach a later
`tokenizer(text)`, while `ids = ids["input_ids"]` stops an earlier value from reaching what follows. This module
walks one function body (lazily, once) and records its bindings (assignments, tuple unpacking, loop targets),
loads, `return` values and item assignments (`row["text"] = ...`), then answers reachability with a simple rule:
a later binding stops an earlier one only when it sits in a block that encloses the load.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from chatlint.facts.built_classes import constructor_class, factory_class, registry_class
from chatlint.facts.model import ClassInfo, FunctionInfo
from chatlint.facts.syntax import (
    bound_argument,
    dotted_name,
    is_self_attribute,
    stored_key,
    string_value,
)
from chatlint.facts.walk import children as syntax_children

# How many hops (names, helpers, attributes) any resolution of a value follows before it answers "unknown": one
# bound for every rule, so that two rules never disagree on a value because one looked further.
MAX_RESOLUTION_DEPTH = 12

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
_Blocks = tuple[tuple[int, int], ...]


class Binding(NamedTuple):
    """`name` is given a value: `kind` is assign | unpack | loop | loop-unpack (an element of each item) | param."""

    name: str
    kind: str
    value: ast.expr | None  # the assigned expression, the iterable of a loop, None when unknown
    position: int | None  # the index in a tuple unpacking (`a, b = f()` -> 0 for `a`)
    statement: ast.AST  # the node whose value is being bound (an Assign, For, comprehension...)
    order: int
    blocks: tuple[tuple[int, int], ...]  # the branches around the binding, outermost first (see `_Walker`)
    source: ast.AST | None = None  # what is evaluated before the binding (right-hand side, iterable)

    def walks_a_parameter(self, function: FunctionInfo) -> bool:
        """Is it the name of a loop (or comprehension) straight over a parameter of `function` (`for row in
        batch`)?"""
        return self.kind == "loop" and isinstance(self.value, ast.Name) and self.value.id in function.params


class Load(NamedTuple):
    node: ast.Name
    ancestors: tuple[ast.AST, ...]
    order: int
    blocks: tuple[tuple[int, int], ...]


@dataclass
class FunctionFlow:
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    loads: dict[str, list[Load]] = field(default_factory=dict)
    returns: list[ast.expr] = field(default_factory=list)
    yields: list[ast.expr] = field(default_factory=list)  # the values of `yield x` (not `yield from`)
    # (`row`, "text") -> the values of `row["text"] = ...`, and the entries of `row = {"text": ...}`
    items: dict[tuple[str, str], list[ast.expr]] = field(default_factory=dict)
    # names whose items are assigned (`kwargs["x"] = ...`): their contents change after they are built
    changed_items: set[str] = field(default_factory=set)
    # ... of those, the ones with an item set by a key the code does not show (`options[key] = value`)
    opaque_items: set[str] = field(default_factory=set)
    # name -> the values of `name[key] = value`, whatever the key (`splits[split] = splits[split].map(render)`)
    item_values: dict[str, list[ast.expr]] = field(default_factory=dict)
    # the statement lists by id, and which of them a `break` or `continue` may leave before their end (on first ask)
    statement_lists: dict[int, list[ast.stmt]] = field(default_factory=dict, repr=False)
    _jumps: dict[int, bool] = field(default_factory=dict, repr=False)
    # the bodies of the function's loops (statement lists by id)
    loop_bodies: dict[int, ast.For | ast.AsyncFor | ast.While] = field(default_factory=dict, repr=False)

    def may_leave_early(self, block: int) -> bool:
        """Can a `break` or `continue` leave the statement list `block` (an id) before its end?"""
        found = self._jumps.get(block)
        if found is None:
            statements = self.statement_lists.get(block)
            found = self._jumps[block] = statements is None or _may_jump(statements)
        return found

    def returned_places(self) -> list[list[ast.expr]]:
        """The items at each place of the tuples the function returns (`return prompt, full`: the prompts, then the
        full texts), as far as every one has a place; [] when it returns something other than a tuple."""
        tuples = [value for value in self.returns if isinstance(value, ast.Tuple)]
        if not tuples or len(tuples) != len(self.returns):
            return []
        return [list(items) for items in zip(*(value.elts for value in tuples))]

    def never_rebound(self, name: str) -> bool:
        """Is `name` only ever bound as a parameter of the function (never assigned, looped over or unpacked)?"""
        return all(binding.kind == "param" for binding in self.bindings.get(name, ()))

    def bound_once(self, name: str) -> bool:
        """Is `name` a parameter never rebound, or a local assigned once (not in a loop's target): one value
        wherever the function reads it?"""
        bindings = self.bindings.get(name, ())
        return self.never_rebound(name) or (len(bindings) == 1 and bindings[0].kind == "assign")

    def reaching(self, name: str, load: ast.Name) -> list[Binding]:
        """The bindings of `name` that may hold its value at `load`."""
        found = next((item for item in self.loads.get(name, ()) if item.node is load), None)
        return self._reaching(name, found) if found is not None else []

    def _reaching(self, name: str, load: Load) -> list[Binding]:
        """The bindings of `name` that may hold its value at `load`, in one pass over them (a module that rebinds a
        name thousands of times costs its bindings times its loads): a binding before the load (on the same pass
        of a loop) reaches it unless a later one in a block around the load, or a later one in its own statement
        list that control cannot leave early (`_overwrites`), replaces it; a parameter, unless one in a block
        around the load does."""
        bindings = self.bindings.get(name, [])
        before = [
            binding
            for binding in bindings
            if binding.kind != "param" and _before(binding, load) and self.next_pass_only(binding, load) is None
        ]
        # the last binding before the load in a block around it hides every earlier one
        last = max((binding.order for binding in before if _encloses(binding, load)), default=-1)
        candidates = [binding for binding in before if binding.order >= last]
        reached = [
            binding
            for binding in candidates
            if not any(other.order > binding.order and _overwrites(other, binding, self) for other in candidates)
        ]
        if last < 0:  # (no binding before the load surely runs: a parameter may still hold its value)
            reached = [binding for binding in bindings if binding.kind == "param"] + reached
        return reached

    def carried(self, name: str, load: ast.Name) -> list[tuple[Binding, ast.For | ast.AsyncFor | ast.While]]:
        """The bindings of `name` later in the body of a loop around `load` (`prev_len = new_len` at the end of
        the body, read at its start), or earlier in a block the loop's `continue` ends (`prev_len = new_len;
        continue`): they hold its value there on the next pass. With that loop, innermost first."""
        found = next((item for item in self.loads.get(name, ()) if item.node is load), None)
        if found is None:
            return []
        loops = [node for node in reversed(found.ancestors) if isinstance(node, (ast.For, ast.AsyncFor, ast.While))]
        carried = []
        for binding in self.bindings.get(name, ()):
            if binding.kind != "assign":
                continue
            if binding.order <= found.order:
                loop = self.next_pass_only(binding, found)
                if loop is not None:
                    carried.append((binding, loop))
                continue
            loop = next((loop for loop in loops if (id(loop.body), 0) in binding.blocks), None)
            if loop is not None and (id(loop.body), 0) in found.blocks:
                carried.append((binding, loop))
        return carried

    def next_pass_only(self, binding: Binding, load: Load) -> ast.For | ast.AsyncFor | ast.While | None:
        """The loop whose next pass is the first that `binding` reaches `load` on: the binding's block ends with the
        loop's `continue`, and `load` is later in the loop's body, outside that block."""
        if not binding.blocks or load.blocks[: len(binding.blocks)] == binding.blocks:
            return None
        statements = self.statement_lists.get(binding.blocks[-1][0])
        if not statements or not isinstance(statements[-1], ast.Continue):
            return None
        inner = next((block for block, _ in reversed(binding.blocks) if block in self.loop_bodies), None)
        return self.loop_bodies[inner] if inner is not None and (inner, 0) in load.blocks else None

    def at_end(self, name: str) -> list[Binding]:
        """The bindings of `name` that may hold its value once the whole body has run: what a function defined in
        this one (or in the module) sees when it is called later."""
        end = Load(ast.Name(id=name, ctx=ast.Load()), (), 1 << 62, ())
        assigned = [binding for binding in self._reaching(name, end) if binding.kind != "param"]
        return assigned or [binding for binding in self.bindings.get(name, []) if binding.kind == "param"]

    def assigned(self, name: ast.Name) -> ast.expr | None:
        """The value of the assignment that gives `name` its value, when it is the only binding that reaches it
        (`ids = tokenizer.apply_chat_template(...)`, then `ids`)."""
        bindings = self.reaching(name.id, name)
        return bindings[0].value if len(bindings) == 1 and bindings[0].kind == "assign" else None

    def loads_reached_by(self, binding: Binding) -> list[Load]:
        return [
            load
            for load in self.loads.get(binding.name, ())
            if any(reached is binding for reached in self._reaching(binding.name, load))
        ]

    def binding_of(self, statement: ast.AST, name: str) -> Binding | None:
        return next((item for item in self.bindings.get(name, ()) if item.statement is statement), None)


def _overwrites(later: Binding, earlier: Binding, flow: FunctionFlow) -> bool:
    """`later` rebinds the name in the same statement list as `earlier`, which no `break` or `continue` leaves
    early: control that leaves the list after `earlier` passes `later` (`x = render(...)` then `x = [...]` in one
    `else:` block)."""
    if later.blocks != earlier.blocks or later.kind not in ("assign", "unpack"):
        return False
    return not earlier.blocks or not flow.may_leave_early(earlier.blocks[-1][0])


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


# the fields that hold statements, handlers or cases (the only ones that hold lists of statements), by node type
_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")
_BLOCK_FIELDS: dict[type, tuple[str, ...]] = {}


def _block_fields(kind: type) -> tuple[str, ...]:
    names = _BLOCK_FIELDS.get(kind)
    if names is None:
        names = _BLOCK_FIELDS[kind] = tuple(name for name in kind._fields if name in _BLOCKS)  # type: ignore[attr-defined]
    return names


class _Walker:
    def __init__(self, root: ast.AST, params: list[str]) -> None:
        self.flow = FunctionFlow()
        self.order = 0
        for name in params:
            self.flow.bindings.setdefault(name, []).append(Binding(name, "param", None, None, root, -1, ()))

    def walk_block(self, statements: list[ast.stmt], ancestors: tuple[ast.AST, ...], blocks: _Blocks) -> None:
        self.flow.statement_lists[id(statements)] = statements
        for statement in statements:
            self.walk(statement, ancestors, blocks)

    def walk(self, node: ast.AST, ancestors: tuple[ast.AST, ...], blocks: _Blocks) -> None:
        """Visit `node` in evaluation order. `blocks` marks the blocks around it: (id of the statement list, 0) for
        a plain block, (id of an `if`, 0) for its body and (id of the `if`, 1) for its `else` / `elif`."""
        self.order += 1
        order = self.order
        if type(node) is ast.Name:
            if _is_load(node, ancestors):
                self.flow.loads.setdefault(node.id, []).append(Load(node, ancestors, order, blocks))
            return
        if ancestors and isinstance(node, _SCOPES):
            return
        self._record(node, order, blocks)
        path = ancestors + (node,)
        if isinstance(node, ast.If):
            self.walk(node.test, path, blocks)
            self.walk_block(node.body, path, blocks + ((id(node), 0), (id(node.body), 0)))
            if node.orelse:
                self.walk_block(node.orelse, path, blocks + ((id(node), 1), (id(node.orelse), 0)))
            return
        if isinstance(node, _COMPREHENSIONS):
            # the loops bind their names before the element is evaluated
            for generator in node.generators:
                self.walk(generator, path, blocks)
            elements = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            for element in elements:
                self.walk(element, path, blocks)
            return
        for name in _block_fields(type(node)):
            value = getattr(node, name, None)
            if type(value) is list and value and isinstance(value[0], ast.stmt):
                if name == "body" and isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
                    self.flow.loop_bodies[id(value)] = node
                self.walk_block(value, path, blocks + ((id(value), 0),))
            else:
                for child in value if type(value) is list else ():
                    self.walk(child, path, blocks)
        for child in syntax_children(node):
            if not isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case)):
                self.walk(child, path, blocks)

    # -- bindings -------------------------------------------------------------------------------------------------
    def _record(self, node: ast.AST, order: int, blocks: _Blocks) -> None:
        kind = type(node)
        if kind is ast.Assign:
            for target in node.targets:  # type: ignore[attr-defined]
                self._bind(target, node.value, node, order, blocks)  # type: ignore[attr-defined]
        elif kind is ast.AnnAssign and node.value is not None:  # type: ignore[attr-defined]
            self._bind(node.target, node.value, node, order, blocks)  # type: ignore[attr-defined]
        elif kind is ast.NamedExpr:
            self._bind(node.target, node.value, node, order, blocks)  # type: ignore[attr-defined]
        elif kind in (ast.For, ast.AsyncFor, ast.comprehension):
            self._bind_loop(node.target, node.iter, node, order, blocks)  # type: ignore[attr-defined]
        elif kind is ast.Return and node.value is not None:  # type: ignore[attr-defined]
            self.flow.returns.append(node.value)  # type: ignore[attr-defined]
        elif kind is ast.Yield and node.value is not None:  # type: ignore[attr-defined]
            self.flow.yields.append(node.value)  # type: ignore[attr-defined]

    def _bind(self, target: ast.expr, value: ast.expr, statement: ast.AST, order: int, blocks: _Blocks) -> None:
        if isinstance(target, ast.Name):
            self._add(Binding(target.id, "assign", value, None, statement, order, blocks, value))
            if isinstance(value, ast.Dict):
                for key, item in zip(value.keys, value.values):
                    text = string_value(key)
                    if text is not None:
                        self.flow.items.setdefault((target.id, text), []).append(item)
        elif isinstance(target, (ast.Tuple, ast.List)):
            unpacked = value.value if isinstance(value, ast.Await) else value  # (`pipe, tok = await load(name)`)
            for position, element in enumerate(target.elts):
                if isinstance(element, ast.Starred):
                    break
                if isinstance(element, ast.Name):
                    self._add(Binding(element.id, "unpack", unpacked, position, statement, order, blocks, value))
        elif isinstance(target, ast.Subscript) and not isinstance(target.slice, ast.Tuple):
            base = dotted_name(target.value)
            if base:
                self.flow.changed_items.add(base)
                self.flow.item_values.setdefault(base, []).append(value)
            item_key = stored_key(target)
            if base and item_key is not None:
                self.flow.items.setdefault((base, item_key), []).append(value)
            elif base:
                self.flow.opaque_items.add(base)

    def _bind_loop(self, target: ast.expr, iterable: ast.expr, statement: ast.AST, order: int, blocks: _Blocks) -> None:
        if isinstance(target, ast.Name):
            self._add(Binding(target.id, "loop", iterable, None, statement, order, blocks, iterable))
            return
        if not isinstance(target, ast.Tuple):
            return
        is_enumerate = (
            isinstance(iterable, ast.Call) and dotted_name(iterable.func) == "enumerate" and bool(iterable.args)
        )
        zipped = (
            iterable.args
            if isinstance(iterable, ast.Call)
            and dotted_name(iterable.func) == "zip"
            and not any(isinstance(item, ast.Starred) for item in iterable.args)
            else []
        )
        for position, element in enumerate(target.elts):
            if is_enumerate and position == 1 and isinstance(element, ast.Tuple):
                # `for i, (prompt, answer) in enumerate(pairs)`: the elements of each item of `pairs`
                self._bind_loop(element, iterable.args[0], statement, order, blocks)  # type: ignore[attr-defined]
                continue
            if position < len(zipped) and isinstance(element, ast.Tuple):
                # `for _, (prompts, texts) in zip(steps, batches(...))`: the elements of each item zipped there
                self._bind_loop(element, zipped[position], statement, order, blocks)
                continue
            if not isinstance(element, ast.Name):
                continue
            if is_enumerate and position == 1:
                source = iterable.args[0]  # type: ignore[attr-defined]
                binding = Binding(element.id, "loop", source, None, statement, order, blocks, iterable)
            elif is_enumerate:
                binding = Binding(element.id, "loop", None, None, statement, order, blocks, iterable)
            else:
                # `for prompt, answer in pairs`: element `position` of each item of the iterable
                binding = Binding(element.id, "loop-unpack", iterable, position, statement, order, blocks, iterable)
            self._add(binding)

    def _add(self, binding: Binding) -> None:
        self.flow.bindings.setdefault(binding.name, []).append(binding)


def _may_jump(statements: list[ast.stmt]) -> bool:
    """A `break` or `continue` among the statements (in their `if`s, `with`s and `try`s, not in nested loops or
    definitions, which it would leave instead)."""
    stack: list[ast.AST] = list(statements)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Break, ast.Continue)):
            return True
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            stack.extend(node.orelse)  # a loop's `else` belongs to the enclosing block
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.expr)):
            continue
        stack.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, ast.expr))
    return False


def _is_load(node: ast.Name, ancestors: tuple[ast.AST, ...]) -> bool:
    if type(node.ctx) is ast.Load:
        return True
    # `x += y` reads `x` before it stores it
    parent = ancestors[-1] if ancestors else None
    return isinstance(parent, ast.AugAssign) and parent.target is node


def function_flow(function: FunctionInfo, cache: dict[int, FunctionFlow]) -> FunctionFlow:
    """The flow facts of one function (or of the module's top level), computed on first use."""
    flow = cache.get(id(function))
    if flow is None:
        walker = _Walker(function.node, list(function.params))
        walker.walk_block(function.node.body, (function.node,), ())
        flow = walker.flow
        cache[id(function)] = flow
    return flow


def instance_class(value: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> ast.expr | None:
    """What class `value` is an instance of, when the code shows it built: `self.prompter` set to `Prompter(...)` in
    `__init__` (or annotated: a parameter of `__init__`, a dataclass field; or in any method, when the methods build
    that one class for it), a local name assigned `Prompter(...)`
    once, or `Prompter(...)` itself (the class expression)."""
    if isinstance(value, ast.Call):
        return _built_class(value, function)
    attribute = is_self_attribute(value)
    cls = function.self_class if attribute else None
    if attribute and cls is not None:
        # (set by the class, or by the base class of the module that sets it: `super().__init__(...)`)
        owner = next((base for base in cls.lineage() if attribute in base.init_attributes), cls)
        built = _unless_none(owner.init_attributes.get(attribute))
        if built is None and cls.is_dataclass:  # a dataclass field: `formatter: ChatFormatter`
            return annotated_class(cls.annotations.get(attribute))
        found = None
        if isinstance(built, ast.BoolOp) and isinstance(built.op, ast.Or) and isinstance(built.values[0], ast.Name):
            built = built.values[0]  # `self.tokenizer = tokenizer or PlainTokenizer()`: what the caller hands first
        if isinstance(built, ast.Name):  # `self.actor = actor` with `actor: Actor` a parameter of `__init__`
            init = owner.methods.get("__init__")
            param = init.params.get(built.id) if init is not None else None
            found = annotated_class(param.annotation) if param is not None else None
        elif isinstance(built, ast.Call):
            found = _built_class(built, function)
        return found if found is not None else _built_in_a_method(attribute, cls)
    if isinstance(value, ast.Name):
        flow = function_flow(function, flows)
        bindings = flow.reaching(value.id, value)
        built = _unless_none(flow.assigned(value))
        if isinstance(built, ast.IfExp) and isinstance(built.body, ast.Call) and isinstance(built.orelse, ast.Call):
            # `cfg = RunConfig.from_yaml(path) if path else RunConfig()`: one class either way
            sides = {dotted_name(_built_class(side, function)) for side in (built.body, built.orelse)}
            built = built.orelse if len(sides) == 1 else built
        if isinstance(built, ast.Call):
            return _built_class(built, function)
        if (own := _own_class(built, function)) is not None:  # `server = self`, for the route handlers defined next
            return own
        if len(bindings) == 1 and bindings[0].kind == "loop" and isinstance(bindings[0].value, ast.Name):
            # `for rollout in rollouts` with `rollouts: Sequence[Rollout]` a parameter (or a list made of one:
            # `reqs = list(requests)`)
            iterable = _listed_parameter(bindings[0].value, flow)
            param = function.params.get(iterable.id)
            return _element_class(param.annotation) if param is not None else None
        param = function.params.get(value.id)
        if param is not None and all(binding.kind == "param" for binding in bindings):
            # `def run(actor: Actor)`; unannotated, what every call of the module gives it
            return annotated_class(param.annotation) or _class_from_callers(function, value.id, flows)
        if not bindings and param is None:
            return _outer_instance_class(value.id, function, flows)
    if (
        isinstance(value, ast.Subscript)
        and isinstance(value.value, ast.Name)
        and not isinstance(value.slice, ast.Slice)
    ):
        # `requests[i]` with `requests: list[SampleRequest]` a parameter never assigned again
        param = function.params.get(value.value.id)
        flow = function_flow(function, flows)
        bindings = flow.reaching(value.value.id, value.value)
        if param is not None and all(binding.kind == "param" for binding in bindings):
            return _element_class(param.annotation)
        # `renderers[i]` with `renderers = [TrajectoryRenderer(tok, t["tools"]) for t in tasks]`: one class's instances
        built = flow.assigned(value.value) if len(bindings) == 1 else None
        items = [built.elt] if isinstance(built, ast.ListComp) else built.elts if isinstance(built, ast.List) else []
        classes = [_built_class(item, function) for item in items if isinstance(item, ast.Call)]
        if classes and len(classes) == len(items) and len({dotted_name(cls) for cls in classes}) == 1:
            return classes[0]
    return None


_T = TypeVar("_T")


def agreed_by_callers(
    function: FunctionInfo,
    param: str,
    resolve: Callable[[ast.expr, FunctionInfo], _T | None],
    key: Callable[[_T], object],
    guard: set[int],
) -> _T | None:
    """What `resolve` makes of the argument every call of the module passes for `param` of a module-level function
    (in the caller), when all the calls agree by `key`; None when one passes none (a default left alone) or `resolve`
    knows nothing of it. `guard` holds the functions being followed (a recursion guard of the caller's kind)."""
    if not function.callers or id(function) in guard or len(guard) > 2:
        return None
    guard.add(id(function))
    try:
        found: _T | None = None
        for call, caller in function.callers:
            argument = bound_argument(call, function.call_params, param)
            each = resolve(argument, caller) if argument is not None else None
            if each is None or (found is not None and key(each) != key(found)):
                return None
            found = found if found is not None else each
        return found
    finally:
        guard.discard(id(function))


_RESOLVING: set[int] = set()  # the functions whose callers are being read for a class (a recursion guard)


def _class_from_callers(function: FunctionInfo, name: str, flows: dict[int, FunctionFlow]) -> ast.expr | None:
    """The class of the instance an unannotated parameter of a module-level function holds, when every call of the
    module gives it an instance of one class the code shows built (`builder = PromptBuilder(...)`, then
    `make_request(builder, row)`): a parameter the callers fill with a default left alone says nothing."""
    return agreed_by_callers(
        function, name, lambda argument, caller: instance_class(argument, caller, flows), dotted_name, _RESOLVING
    )


def _outer_instance_class(name: str, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> ast.expr | None:
    """The class of the instance a name the function does not bind holds, when the function (or module) it is
    defined in builds it once (`formatter = ChatFormatter(...)` at module level, used in a route handler), takes it
    as an annotated parameter, or annotates it (`engine: Optional[Engine] = None`, set by a start-up hook through
    `global engine`)."""
    bindings, outer = enclosing_bindings(name, function, flows)
    if outer is None or len(bindings) != 1:
        return None
    first = bindings[0]
    if first.kind == "param" and (param := outer.params.get(name)) is not None:
        # a parameter of the function it is nested in, annotated (`def make_feature_fn(builder: PromptBuilder)`)
        return annotated_class(param.annotation)
    if isinstance(first.statement, ast.AnnAssign):
        annotated = annotated_class(first.statement.annotation)
        if annotated is not None:
            return annotated
    built = _unless_none(first.value) if first.kind == "assign" else None
    if isinstance(built, ast.Call):
        return _built_class(built, outer)
    return _own_class(built, outer)  # `server = self` in the method that defines the route handlers


def enclosing_bindings(
    name: str, function: FunctionInfo, flows: dict[int, FunctionFlow]
) -> tuple[list[Binding], FunctionInfo | None]:
    """The bindings of a name `function` does not bind, in the nearest function around it (or the module) that
    does, as they stand once that one's body has run (what `function`, called later, reads), with that function;
    ([], None) when none binds it."""
    outer = function.outer
    while outer is not None:
        bindings = function_flow(outer, flows).at_end(name)
        if bindings:
            return bindings, outer
        outer = outer.outer
    return [], None


def scope_bindings(
    name: str, function: FunctionInfo, flows: dict[int, FunctionFlow]
) -> tuple[list[Binding], FunctionInfo | None]:
    """Every binding of `name` in `function`, with it; when it binds none, those of the nearest function around it
    (or the module) that does, as `enclosing_bindings` gives them."""
    own = function_flow(function, flows).bindings.get(name, [])
    return (own, function) if own else enclosing_bindings(name, function, flows)


def single_assignment(name: str, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> ast.expr | None:
    """The value of the one assignment that binds `name` in `function` (or, when it binds none, in the nearest scope
    around it that does), or None."""
    bindings, _ = scope_bindings(name, function, flows)
    return bindings[0].value if len(bindings) == 1 and bindings[0].kind == "assign" else None


def _own_class(value: ast.expr | None, function: FunctionInfo) -> ast.Name | None:
    """The class of a method's `self`, when `value` is that `self`."""
    cls = function.self_class
    if isinstance(value, ast.Name) and value.id == "self" and cls is not None:
        return ast.copy_location(ast.Name(id=cls.name, ctx=ast.Load()), value)
    return None


def _listed_parameter(name: ast.Name, flow: FunctionFlow) -> ast.Name:
    """The name a local list is made of when it is assigned once a copy of it (`reqs = list(requests)`,
    `sorted(...)`, `tuple(...)`); else the name itself."""
    bindings = flow.bindings.get(name.id, [])
    if len(bindings) != 1 or bindings[0].kind != "assign":
        return name
    value = bindings[0].value
    if (
        isinstance(value, ast.Call)
        and dotted_name(value.func) in ("list", "tuple", "sorted")
        and len(value.args) == 1
        and isinstance(value.args[0], ast.Name)
    ):
        return value.args[0]
    return name


def _built_in_a_method(attribute: str, cls: ClassInfo) -> ast.expr | None:
    """The class of the instances the class's methods build for `self.<attribute>`, when they build one class only
    (`self._model = VLLMModel(**kwargs)` in a set-up method, `None` or a parameter in `__init__`)."""
    built: dict[str, ast.expr] = {}
    for owner in cls.lineage():
        for assigned in owner.attributes.get(attribute, []):
            value = _unless_none(assigned)
            if isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)):
                name = dotted_name(value.func) or ""
                if name.rsplit(".", 1)[-1][:1].isupper():
                    built.setdefault(name, value.func)
    return next(iter(built.values())) if len(built) == 1 else None


def instance_method(
    func: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow], classes: dict[str, ClassInfo]
) -> FunctionInfo | None:
    """The method `func` names on an instance of one of `classes` (the module's) that the code shows built or
    annotated (`builder.build` with `builder = Builder(tok)`), or the `__call__` of an instance called
    (`self.formatter(context)` with `self.formatter = ChatFormatter(tok)`); else None."""
    if not classes:
        return None
    receiver, method = called_method(func, function, flows)
    local = classes.get(dotted_name(receiver) or "") if receiver is not None else None
    return local.methods.get(method) if local is not None else None


def called_method(
    func: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow]
) -> tuple[ast.expr | None, str]:
    """The class (an expression) and the method a call of `func` runs: `builder.build` with `builder = Builder(tok)`
    runs `Builder.build`; an instance called (`self.formatter(context)`, `formatter(context)`) its `__call__`."""
    if isinstance(func, ast.Attribute):
        cls = instance_class(func.value, function, flows)
        if cls is not None:
            return cls, func.attr
    if isinstance(func, (ast.Name, ast.Attribute)):
        return instance_class(func, function, flows), "__call__"
    return None, ""


def _unless_none(value: ast.expr | None) -> ast.expr | None:
    """The value an expression gives when it is not None: `ChatFormatter(tok) if use_chat else None` gives the
    instance or nothing; so does the coroutine call an `await` waits for."""
    if isinstance(value, ast.IfExp):
        sides = [side for side in (value.body, value.orelse) if not _is_none(side)]
        value = sides[0] if len(sides) == 1 else value
    return value.value if isinstance(value, ast.Await) else value  # (`await get_renderer()`: what it returns)


def _built_class(call: ast.Call, function: FunctionInfo) -> ast.expr:
    """The class a call builds an instance of: what it calls, the class of a registry it calls through
    (`TEMPLATES[name](tok)`), the class a factory of the module is annotated to return, or the class of an alternative
    constructor (`Prompt.build(...)`; see `facts.built_classes`)."""
    found = (
        registry_class(call.func, function)
        or factory_class(call.func, function)
        or constructor_class(call.func, function)
    )
    if found is None and isinstance(call.func, ast.Subscript) and isinstance(call.func.value, ast.Name):
        return call.func.value  # (a registry whose classes share no base: what the project step knows of it)
    if found is None and isinstance(call.func, ast.Call) and isinstance(call.func.func, (ast.Name, ast.Attribute)):
        # `get_backend(cfg.backend)(cfg)`: an instance of the class a function gives (what the project step knows
        # of it: the classes of a registry a decorator fills, `Links.implementations`)
        return call.func.func
    return found or call.func


def annotated_class(annotation: ast.expr | None) -> ast.expr | None:
    """The class an annotation names: `Actor`, `actors.Actor`, `Optional[Actor]`, `Actor | None`, also written as
    a string (`"Actor"`, a forward reference or a name imported under `TYPE_CHECKING`)."""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str) and annotation.value.isidentifier():
        annotation = ast.copy_location(ast.Name(id=annotation.value, ctx=ast.Load()), annotation)
    if isinstance(annotation, ast.Subscript) and dotted_name(annotation.value) in ("Optional", "typing.Optional"):
        annotation = annotation.slice
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        sides = [side for side in (annotation.left, annotation.right) if not _is_none(side)]
        annotation = sides[0] if len(sides) == 1 else None
    if isinstance(annotation, (ast.Name, ast.Attribute)) and dotted_name(annotation) is not None:
        return annotation
    return None


_CONTAINERS = frozenset({"List", "list", "Sequence", "Iterable", "Iterator", "Collection", "Tuple", "tuple"})


def _element_class(annotation: ast.expr | None) -> ast.expr | None:
    """The class of the items an annotation names: `Sequence[Rollout]`, `list[Rollout]`, `tuple[Rollout, ...]`."""
    if not isinstance(annotation, ast.Subscript):
        return None
    container = (dotted_name(annotation.value) or "").rsplit(".", 1)[-1]
    item = annotation.slice
    if isinstance(item, ast.Tuple) and len(item.elts) == 2 and isinstance(item.elts[1], ast.Constant):
        item = item.elts[0]  # `tuple[Rollout, ...]`
    return annotated_class(item) if container in _CONTAINERS else None


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None
