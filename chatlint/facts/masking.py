"""Where the length of a render is used to mask or slice labels.

The prompt part of an example is often rendered on its own only to measure it: `[-100] * len(prompt_ids)`,
`labels[:prompt_len] = -100`, `full_text[len(prompt_text):]`, or `(tokens, offset)` handed to a trainer that
masks the first `offset` tokens. This module follows, inside one function, the value of each template call
(through local names, `tokenizer(...)`, `["input_ids"]`, `.shape`, `len()`, simple arithmetic) to the place
where its length bounds the masked part of the labels. One level of helper is followed: a function that returns
a render or its length makes each call of it a render or a length in its caller.

The answer is a list of `LengthMask`s: which render, where its length masks, and the words for a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst

from chatlint.facts.model import FunctionInfo, ModuleFacts, ShapeKind, TemplateCall
from chatlint.facts.syntax import called_name, code, dotted_name, is_label_name
from chatlint.facts.walk import children

# attributes and methods that turn a token sequence into its length
_LENGTH_ATTRIBUTES = frozenset({"shape", "size", "numel", "sum", "count_nonzero"})
# calls that keep a length a length: `min(len(p), max_len)`, `int(...)`
_LENGTH_PRESERVING_CALLS = frozenset({"min", "max", "int", "abs"})
_MAX_DEPTH = 8


@dataclass(frozen=True)
class LengthMask:
    """The length of `render` bounds the masked (or cut away) prefix of the labels at `node`."""

    render: TemplateCall
    function: FunctionInfo  # where the masking happens (the render's function, or the caller of a helper)
    node: cst.CSTNode  # the masking expression or statement
    how: str  # words: "`labels[:prompt_len] = ...`"


def length_masks(facts: ModuleFacts) -> list[LengthMask]:
    """Every place where the length of a template call's result masks or slices labels."""
    if not facts.template_calls:
        return []
    flow = _Flow(facts)
    found: list[LengthMask] = []
    seen: set[tuple[int, int]] = set()
    for function in facts.functions:
        for mask in flow.masks_in(function):
            key = (id(mask.render), id(mask.node))
            if key not in seen:
                seen.add(key)
                found.append(mask)
    return found


class _Flow:
    def __init__(self, facts: ModuleFacts) -> None:
        self.facts = facts
        self.order = facts.order
        self.renders: dict[int, TemplateCall] = {id(call.call): call for call in facts.template_calls}
        # helpers (by name) that return a render, or the length of one
        self.returns_render: dict[str, TemplateCall] = {}
        self.returns_length: dict[str, TemplateCall] = {}
        # per function: (name, key) -> values stored with `name["key"] = value`, in source order
        self._item_stores: dict[int, dict[tuple[str, str], list[cst.BaseExpression]]] = {}
        self._find_helpers()

    # -- helpers --------------------------------------------------------------------------------------------------
    def _find_helpers(self) -> None:
        functions_with_renders = {id(call.function) for call in self.facts.template_calls}
        for function in self.facts.functions:
            if function.is_module or id(function) not in functions_with_renders:
                continue
            for node, _ in self.facts.scope_nodes(function.node):
                if not isinstance(node, cst.Return) or node.value is None:
                    continue
                before = self.order.get(node, 1 << 62)
                length = self.length_of(node.value, function, before, 0)
                if length is not None:
                    self.returns_length.setdefault(function.name, length)
                    continue
                render = self.carrier_of(node.value, function, before, 0)
                if render is not None:
                    self.returns_render.setdefault(function.name, render)

    # -- what a value is --------------------------------------------------------------------------------------------
    def _last_assignment(self, name: str, function: FunctionInfo, before: int) -> cst.BaseExpression | None:
        values = [value for value in function.assignments.get(name, ()) if self.order.get(value, 0) < before]
        return values[-1] if values else None

    def _item_assignment(
        self, expr: cst.Subscript, function: FunctionInfo, before: int
    ) -> cst.BaseExpression | None:
        """The value last stored under `name["key"]` before `before`, for `expr` = `name["key"]`."""
        key = _string_key(expr)
        if key is None or not isinstance(expr.value, cst.Name):
            return None
        stores = self._item_stores.get(id(function))
        if stores is None:
            stores = {}
            for node, _ in self.facts.scope_nodes(function.node):
                if isinstance(node, cst.Assign) and len(node.targets) == 1:
                    target = node.targets[0].target
                    if isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name):
                        target_key = _string_key(target)
                        if target_key is not None:
                            stores.setdefault((target.value.value, target_key), []).append(node.value)
            self._item_stores[id(function)] = stores
        values = [value for value in stores.get((expr.value.value, key), ()) if self.order.get(value, 0) < before]
        return values[-1] if values else None

    def carrier_of(
        self, expr: cst.BaseExpression, function: FunctionInfo, before: int, depth: int
    ) -> TemplateCall | None:
        """The render whose tokens or text `expr` holds unchanged (ids, a tensor of them, a field), else None.

        Concatenation stops the flow on purpose: `render(prompt) + header` is not the render any more.
        """
        if depth > _MAX_DEPTH:
            return None
        if isinstance(expr, cst.Call):
            name = called_name(expr)
            render = self.renders.get(id(expr))
            if render is not None:
                # a wrapper that returns `len(render(...))` gives a length, not tokens
                is_measuring_wrapper = render.via.startswith("the wrapper") and name in self.returns_length
                return None if is_measuring_wrapper else render
            if name in self.returns_render and name not in _LENGTH_ATTRIBUTES:
                return self.returns_render[name]
            if name == "len" or name in _LENGTH_ATTRIBUTES or name in _LENGTH_PRESERVING_CALLS:
                return None
            if isinstance(expr.func, cst.Attribute):
                # `ids.tolist()`, `ids.to(device)`, `ids.squeeze(0)`
                inner = self.carrier_of(expr.func.value, function, before, depth + 1)
                if inner is not None:
                    return inner
            # `tokenizer(prompt_text, add_special_tokens=False)`, `torch.tensor(prompt_ids)`
            first = next((arg.value for arg in expr.args if arg.keyword is None and not arg.star), None)
            if first is not None:
                return self.carrier_of(first, function, before, depth + 1)
            return None
        if isinstance(expr, cst.Name):
            value = self._last_assignment(expr.value, function, before)
            return self.carrier_of(value, function, before, depth + 1) if value is not None else None
        if isinstance(expr, cst.Subscript):
            # `row["prompt_ids"]` after `row["prompt_ids"] = render(...)`
            stored = self._item_assignment(expr, function, before)
            if stored is not None:
                return self.carrier_of(stored, function, before, depth + 1)
            # `encoded["input_ids"]`, `ids[0]`; a slice by another length is still the render's tokens
            return self.carrier_of(expr.value, function, before, depth + 1)
        if isinstance(expr, cst.Attribute):
            if expr.attr.value in _LENGTH_ATTRIBUTES:
                return None
            return self.carrier_of(expr.value, function, before, depth + 1)
        return None

    def length_of(
        self, expr: cst.BaseExpression, function: FunctionInfo, before: int, depth: int
    ) -> TemplateCall | None:
        """The render whose length `expr` is (`len(ids)`, `ids.shape[-1]`, `prompt_len - 1`), else None."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(expr, cst.Call):
            name = called_name(expr)
            render = self.renders.get(id(expr))
            if render is not None and name in self.returns_length:
                # a wrapper that itself returns `len(render(conversation))`: this call renders and measures
                return render
            if name in self.returns_length and render is None:
                return self.returns_length[name]
            if name == "len" and isinstance(expr.func, cst.Name) and expr.args:
                return self.carrier_of(expr.args[0].value, function, before, depth + 1)
            if name in _LENGTH_PRESERVING_CALLS and isinstance(expr.func, cst.Name):
                for arg in expr.args:
                    found = self.length_of(arg.value, function, before, depth + 1)
                    if found is not None:
                        return found
                return None
            if isinstance(expr.func, cst.Attribute):
                if expr.func.attr.value in _LENGTH_ATTRIBUTES:
                    # `ids.size(1)`, `mask.sum()`
                    return self.carrier_of(expr.func.value, function, before, depth + 1)
                if expr.func.attr.value in ("item", "int", "long", "tolist"):
                    return self.length_of(expr.func.value, function, before, depth + 1)
            return None
        if isinstance(expr, cst.Subscript):
            # `ids.shape[-1]`, `ids.shape[1]`
            if isinstance(expr.value, cst.Attribute) and expr.value.attr.value == "shape":
                return self.carrier_of(expr.value.value, function, before, depth + 1)
            return None
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, (cst.Add, cst.Subtract)):
            return self.length_of(expr.left, function, before, depth + 1) or self.length_of(
                expr.right, function, before, depth + 1
            )
        if isinstance(expr, cst.Name):
            value = self._last_assignment(expr.value, function, before)
            return self.length_of(value, function, before, depth + 1) if value is not None else None
        return None

    # -- where a length masks ----------------------------------------------------------------------------------------
    def masks_in(self, function: FunctionInfo) -> Iterator[LengthMask]:
        for node, ancestors in self.facts.scope_nodes(function.node):
            if not isinstance(node, (cst.Name, cst.Call, cst.Subscript)):
                continue
            if isinstance(node, cst.Name) and not function.assignments.get(node.value):
                continue
            if isinstance(node, cst.Subscript) and not (
                isinstance(node.value, cst.Attribute) and node.value.attr.value == "shape"
            ):
                continue
            parent = ancestors[-1] if ancestors else None
            if isinstance(parent, cst.AssignTarget) or (
                isinstance(parent, cst.Attribute) and parent.attr is node
            ):
                continue
            before = self.order.get(node, 1 << 62)
            render = self.length_of(node, function, before, 0)
            if render is None:
                continue
            how = self._mask_context(node, ancestors, render, function, before)
            if how:
                yield LengthMask(render=render, function=function, node=how[0], how=how[1])

    def _mask_context(
        self,
        node: cst.CSTNode,
        ancestors: tuple[cst.CSTNode, ...],
        render: TemplateCall,
        function: FunctionInfo,
        before: int,
    ) -> tuple[cst.CSTNode, str] | None:
        child: cst.CSTNode = node
        for index in range(len(ancestors) - 1, -1, -1):
            parent = ancestors[index]
            if isinstance(parent, (cst.BinaryOperation, cst.UnaryOperation)) and not _is_list_times(parent):
                child = parent
                continue
            if isinstance(parent, (cst.Arg, cst.Call)) and _is_length_call(parent, ancestors, index):
                child = parent
                continue
            if isinstance(parent, cst.Arg) and index >= 2 and isinstance(ancestors[index - 1], cst.Call):
                return _range_loop_mask(parent, ancestors[index - 1], ancestors[index - 2])
            if isinstance(parent, cst.BinaryOperation) and _is_list_times(parent):
                # `[-100] * prompt_len`, `[IGNORE_INDEX] * len(prompt_ids)`, `[0] * n` into a loss mask
                fill = _list_fill(parent)
                if fill is not None and (_is_ignore_value(fill) or _assigned_to_mask(ancestors[:index])):
                    return parent, f"`{_short(parent)}`"
                return None
            if isinstance(parent, cst.Slice):
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
                    if is_lower and _is_ignore_value(assignment.value):
                        # `labels[start:end] = -100`: the span *after* this length is masked (a user turn in a
                        # multi-turn loop); the render ends where a trained reply ends, not before one
                        return None
                    return subscript, f"`{statement_text}`"
                if _is_labels(subscript.value):
                    return subscript, f"`{_short(subscript)}`"
                other = self.carrier_of(subscript.value, function, before, 0)
                if is_lower and other is not None and _is_full_render(other, render):
                    return subscript, f"`{_short(subscript)}`, the part of the full render after the prompt"
                if is_upper and other is not None and _is_full_render(other, render) and _is_labels_use(
                    ancestors[:index]
                ):
                    return subscript, f"`{_short(subscript)}`"
                return None
            if isinstance(parent, cst.Tuple):
                # `return tokens, offset` / `data.append((tokens, offset))`: the full render handed on with the
                # prompt length, for a trainer that masks its first `offset` tokens
                for element in parent.elements:
                    if element.value is child:
                        continue
                    other = self.carrier_of(element.value, function, before, 0)
                    if other is not None and _is_full_render(other, render):
                        return parent, f"`{_short(parent)}`, the full render paired with the prompt length to mask"
                return None
            if isinstance(parent, cst.Element):
                child = parent.value
                continue
            return None
        return None


def _is_full_render(other: TemplateCall, render: TemplateCall) -> bool:
    """`other` renders the whole conversation, so slicing it (or pairing it) by `render`'s length splits off the
    prompt. Not so for a second prompt render, nor for the same conversation rendered with and without the
    header to find the header's tokens (template introspection)."""
    if other is render or other.shape.kind is ShapeKind.PROMPT or other.flag("add_generation_prompt").is_true:
        return False
    return not (other.conversation_text == render.conversation_text and other.shape.kind is render.shape.kind)


def _range_loop_mask(arg: cst.Arg, call: cst.Call, loop: cst.CSTNode) -> tuple[cst.CSTNode, str] | None:
    """`for i in range(prompt_len): labels[i] = -100`, `for i in range(prompt_len, n): labels[i] = ids[i]`."""
    if dotted_name(call.func) != "range" or not isinstance(loop, cst.For) or loop.iter is not call:
        return None
    if not isinstance(loop.target, cst.Name) or arg.keyword is not None:
        return None
    position = next((number for number, candidate in enumerate(call.args) if candidate is arg), -1)
    if len(call.args) == 1 and position == 0:
        bound = "prefix"  # `range(n)`: the first n tokens
    elif len(call.args) >= 2 and position == 0:
        bound = "after"  # `range(n, end)`: from n on
    else:
        return None
    variable = loop.target.value
    for node, _ in _nodes_under(loop.body):
        if not isinstance(node, cst.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0].target
        if not (isinstance(target, cst.Subscript) and _is_labels(target.value) and len(target.slice) == 1):
            continue
        index = target.slice[0].slice
        if not (isinstance(index, cst.Index) and isinstance(index.value, cst.Name) and index.value.value == variable):
            continue
        masks = _is_ignore_value(node.value)
        if (bound == "prefix" and masks) or (bound == "after" and not masks):
            return node, f"`{_short(node)}` in `for {variable} in {_short(call)}`"
    return None


def _nodes_under(root: cst.CSTNode) -> Iterator[tuple[cst.CSTNode, None]]:
    stack: list[cst.CSTNode] = [root]
    while stack:
        node = stack.pop()
        yield node, None
        if not isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            stack.extend(children(node))


def _string_key(node: cst.Subscript) -> str | None:
    if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return None
    key = node.slice[0].slice.value
    if isinstance(key, cst.SimpleString):
        value = key.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _is_length_call(parent: cst.CSTNode, ancestors: tuple[cst.CSTNode, ...], index: int) -> bool:
    """`min(prompt_len, max_len)`: climbing through it keeps a length."""
    if isinstance(parent, cst.Arg):
        call = ancestors[index - 1] if index else None
        return isinstance(call, cst.Call) and dotted_name(call.func) in _LENGTH_PRESERVING_CALLS
    return isinstance(parent, cst.Call) and dotted_name(parent.func) in _LENGTH_PRESERVING_CALLS


def _is_list_times(node: cst.BinaryOperation) -> bool:
    return isinstance(node.operator, cst.Multiply) and (
        isinstance(node.left, cst.List) or isinstance(node.right, cst.List)
    )


def _list_fill(node: cst.BinaryOperation) -> cst.BaseExpression | None:
    listed = node.left if isinstance(node.left, cst.List) else node.right
    assert isinstance(listed, cst.List)
    if len(listed.elements) != 1:
        return None
    return listed.elements[0].value


def _is_ignore_value(node: cst.BaseExpression) -> bool:
    """`-100`, `IGNORE_INDEX`, `self.ignore_index`, `label_pad_token_id`."""
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        return isinstance(node.expression, cst.Integer)
    name = (dotted_name(node) or "").split(".")[-1].lower()
    return "ignore" in name or "masked" in name or name in ("label_pad_token_id", "label_pad_id")


def _assigned_to_mask(ancestors: tuple[cst.CSTNode, ...]) -> bool:
    """`loss_mask = [0] * n + ...`: a 0/1 mask over the tokens, assigned to a name that says so."""
    for node in reversed(ancestors):
        if isinstance(node, cst.Assign):
            return any("mask" in code(target.target).lower() or _is_labels(target.target) for target in node.targets)
        if isinstance(node, (cst.SimpleStatementLine, cst.FunctionDef)):
            return False
    return False


def _enclosing_subscript(ancestors: tuple[cst.CSTNode, ...], index: int) -> cst.Subscript | None:
    for position in range(index - 1, -1, -1):
        node = ancestors[position]
        if isinstance(node, cst.Subscript):
            return node
        if not isinstance(node, (cst.SubscriptElement, cst.Slice)):
            return None
    return None


def _assignment_to(subscript: cst.Subscript, ancestors: tuple[cst.CSTNode, ...]) -> cst.Assign | None:
    """The statement for `labels[:n] = ...` / `labels[:, :n] = -100`, where the slice is written (as only masking
    does), else None."""
    for position in range(len(ancestors) - 1, -1, -1):
        node = ancestors[position]
        if isinstance(node, cst.AssignTarget):
            statement = ancestors[position - 1] if position else None
            return statement if node.target is subscript and isinstance(statement, cst.Assign) else None
        if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            return None
    return None


def _is_labels(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.Name):
        return is_label_name(node.value)
    if isinstance(node, cst.Attribute):
        return is_label_name(node.attr.value)
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        key = node.slice[0].slice.value
        if isinstance(key, cst.SimpleString):
            value = key.evaluated_value
            return isinstance(value, str) and is_label_name(value)
        return _is_labels(node.value)
    return False


def _is_labels_use(ancestors: tuple[cst.CSTNode, ...]) -> bool:
    """The slice ends up in `labels`: `labels = ... full_ids[:n] ...`."""
    for node in reversed(ancestors):
        if isinstance(node, cst.Assign):
            return any(_is_labels(target.target) for target in node.targets)
        if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            return False
    return False


def _statement_text(ancestors: tuple[cst.CSTNode, ...], index: int) -> str:
    for position in range(index - 1, -1, -1):
        node = ancestors[position]
        if isinstance(node, (cst.Assign, cst.AugAssign)):
            return _short(node)
    return ""


def _short(node: cst.CSTNode) -> str:
    text = " ".join(code(node).split())
    return text if len(text) <= 60 else text[:57] + "..."
