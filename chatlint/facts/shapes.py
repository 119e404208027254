"""What a conversation expression renders: the whole conversation, or only the prompt before the reply.

The answer follows the code, not the names: local assignments (the last one before the use), `append` / `extend`
/ `+=` on the list, slices, concatenations, list literals and the roles in them, copies and comprehensions. Names
are used only where nothing else is left: a data key (`example["prompt"]`) or a bare parameter.
"""

from __future__ import annotations

import libcst as cst

from chatlint.facts.flags import defining_scope
from chatlint.facts.model import UNKNOWN_SHAPE, FunctionInfo, Shape, ShapeKind
from chatlint.facts.syntax import code, dotted_name, is_self_attribute, string_value

PROMPT_KEYS = frozenset(
    {"prompt", "prompts", "prompt_messages", "prompt_conversation", "query", "question", "instruction", "history"}
)
CONVERSATION_KEYS = frozenset(
    {"messages", "conversations", "conversation", "chat", "chats", "dialog", "dialogue", "turns", "sample", "example"}
)
REPLY_KEYS = frozenset({"chosen", "rejected", "completion", "response", "answer", "output", "reply", "target"})

ASSISTANT_ROLES = frozenset({"assistant", "gpt", "model", "bot", "chatbot"})
PROMPT_ROLES = frozenset({"user", "human", "system", "tool", "ipython", "function", "observation", "developer"})

_MAX_DEPTH = 8
_COPY_CALLS = frozenset({"list", "copy.copy", "copy.deepcopy", "deepcopy", "tuple"})


class ShapeResolver:
    """Answers `conversation_shape` for expressions inside one module."""

    def __init__(self, order: dict[cst.CSTNode, int]) -> None:
        self.order = order

    def shape(self, expr: cst.BaseExpression, function: FunctionInfo, at: cst.CSTNode) -> Shape:
        return self._shape(expr, function, self.order.get(at, 1 << 62), 0)

    # -- dispatch -------------------------------------------------------------------------------------------------
    def _shape(self, expr: cst.BaseExpression, function: FunctionInfo, before: int, depth: int) -> Shape:
        if depth > _MAX_DEPTH:
            return UNKNOWN_SHAPE
        text = code(expr)
        if isinstance(expr, cst.List):
            return self._list_shape(expr, function, before, depth)
        if isinstance(expr, cst.Subscript):
            return self._subscript_shape(expr, function, before, depth)
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Add):
            right = self._shape(expr.right, function, before, depth + 1)
            if right.kind is ShapeKind.UNKNOWN:
                return UNKNOWN_SHAPE
            if right.kind is ShapeKind.PROMPT:
                return Shape(ShapeKind.PROMPT, f"`{text}`, which ends with {right.evidence}")
            return Shape(ShapeKind.FULL, f"`{text}`, which ends with the reply ({right.evidence})")
        if isinstance(expr, cst.Name):
            return self._name_shape(expr.value, function, before, depth)
        if isinstance(expr, cst.Call):
            callee = dotted_name(expr.func) or ""
            if callee in _COPY_CALLS and expr.args:
                return self._shape(expr.args[0].value, function, before, depth + 1)
            if isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "copy" and not expr.args:
                return self._shape(expr.func.value, function, before, depth + 1)
            return UNKNOWN_SHAPE
        if isinstance(expr, cst.IfExp):
            body = self._shape(expr.body, function, before, depth + 1)
            orelse = self._shape(expr.orelse, function, before, depth + 1)
            return body if body.kind is orelse.kind else UNKNOWN_SHAPE
        if isinstance(expr, (cst.ListComp, cst.GeneratorExp)):
            # a batch of conversations: `[feature["messages"] for feature in features]`
            item = self._shape(expr.elt, function, before, depth + 1)
            if item.ends_with_reply:
                return Shape(item.kind, f"a batch of {item.evidence}")
            # a comprehension that maps each message keeps the conversation's end; one that filters does not
            if expr.for_in.ifs or expr.for_in.inner_for_in is not None:
                return UNKNOWN_SHAPE
            return self._shape(expr.for_in.iter, function, before, depth + 1)
        return UNKNOWN_SHAPE

    # -- list literals --------------------------------------------------------------------------------------------
    def _list_shape(self, expr: cst.List, function: FunctionInfo, before: int, depth: int) -> Shape:
        if not expr.elements:
            return UNKNOWN_SHAPE
        last = expr.elements[-1]
        if isinstance(last, cst.StarredElement):
            inner = self._shape(last.value, function, before, depth + 1)
            return Shape(inner.kind, f"a list ending with `*{code(last.value)}`: {inner.evidence}") if inner.kind is not ShapeKind.UNKNOWN else UNKNOWN_SHAPE
        role = self._message_role(last.value, function, before, depth + 1)
        return _role_shape(role, "a list literal")

    def _message_role(self, expr: cst.BaseExpression, function: FunctionInfo, before: int, depth: int) -> str | None:
        """`assistant` / `user` / ... for a message expression, or None when unknown."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(expr, cst.Dict):
            for element in expr.elements:
                if isinstance(element, cst.DictElement) and string_value(element.key) in ("role", "from"):
                    return string_value(element.value)
            return None
        if isinstance(expr, cst.Call) and dotted_name(expr.func) == "dict":
            for arg in expr.args:
                if arg.keyword is not None and arg.keyword.value in ("role", "from"):
                    return string_value(arg.value)
            return None
        if isinstance(expr, cst.Name):
            value = self._last_assignment(expr.value, function, before)
            return self._message_role(value, function, before, depth + 1) if value is not None else None
        key = _key_of(expr, function)
        if key in REPLY_KEYS:
            return "assistant"
        if key in PROMPT_KEYS:
            return "user"
        return None

    # -- subscripts: keys, indexes and slices ---------------------------------------------------------------------
    def _subscript_shape(self, expr: cst.Subscript, function: FunctionInfo, before: int, depth: int) -> Shape:
        text = code(expr)
        if len(expr.slice) != 1:
            return UNKNOWN_SHAPE
        element = expr.slice[0].slice
        if isinstance(element, cst.Slice):
            return self._slice_shape(expr, element, function, before, depth)
        key = _key_of(expr, function)
        if key is not None:
            return _key_shape(key, text)
        # `batch["messages"][i]`: one conversation out of a batch of them
        inner = self._shape(expr.value, function, before, depth + 1)
        if inner.kind is ShapeKind.CONVERSATION:
            return Shape(ShapeKind.CONVERSATION, f"`{text}`, one of {inner.evidence}")
        return UNKNOWN_SHAPE

    def _slice_shape(
        self, expr: cst.Subscript, element: cst.Slice, function: FunctionInfo, before: int, depth: int
    ) -> Shape:
        text = code(expr)
        upper = element.upper
        if upper is None:
            # `conv[1:]`, `conv[:]`, `conv[-4:]`: the end is kept, so the shape is the conversation's
            inner = self._shape(expr.value, function, before, depth + 1)
            return Shape(inner.kind, f"`{text}` of {inner.evidence}") if inner.kind is not ShapeKind.UNKNOWN else inner
        if isinstance(upper, cst.BinaryOperation) and isinstance(upper.operator, cst.Add):
            # `conv[: i + 1]`: a prefix through turn i; what turn i is, the code does not say
            return UNKNOWN_SHAPE
        return Shape(ShapeKind.PROMPT, f"`{text}`, which stops before the reply")

    def _element_shape(self, source: cst.BaseExpression, function: FunctionInfo, before: int, depth: int) -> Shape:
        """The shape of each item of `source`, as a `for` loop or a comprehension sees it."""
        if depth > _MAX_DEPTH:
            return UNKNOWN_SHAPE
        if isinstance(source, (cst.ListComp, cst.GeneratorExp)):
            return self._shape(source.elt, function, before, depth + 1)
        if isinstance(source, cst.Name):
            assigned = self._last_assignment(source.value, function, before)
            if assigned is not None:
                return self._element_shape(assigned, function, before, depth + 1)
        return self._shape(source, function, before, depth + 1)

    # -- names ----------------------------------------------------------------------------------------------------
    def _last_assignment(self, name: str, function: FunctionInfo, before: int) -> cst.BaseExpression | None:
        candidates = [value for value in function.assignments.get(name, ()) if self.order.get(value, 0) < before]
        return candidates[-1] if candidates else None

    def _name_shape(self, name: str, function: FunctionInfo, before: int, depth: int) -> Shape:
        if name not in function.assignments and name not in function.params and name not in function.loop_sources:
            outer = defining_scope(function, name)
            if outer is not function:
                # a module-level or enclosing function's name: all of its assignments came before this use
                return self._name_shape(name, outer, 1 << 62, depth + 1)
        mutations = [
            (kind, value)
            for kind, value in function.mutations.get(name, ())
            if self.order.get(value, 0) < before
        ]
        assigned = self._last_assignment(name, function, before)
        if mutations and (assigned is None or self.order.get(mutations[-1][1], 0) > self.order.get(assigned, 0)):
            kind, value = mutations[-1]
            at = self.order.get(value, before)
            if kind == "append":
                role = self._message_role(value, function, at, depth + 1)
                if value in function.conditional_mutations and any(
                    other_kind == "append" and self._message_role(other, function, at, depth + 1) != role
                    for other_kind, other in mutations[:-1]
                ):
                    # `if i % 2 == 0: conv.append(user) else: conv.append(assistant)`: the data decides the end
                    return UNKNOWN_SHAPE
                return _role_shape(role, f"`{name}` after `{name}.append({code(value)})`")
            inner = self._shape(value, function, at, depth + 1)
            if inner.kind is ShapeKind.UNKNOWN:
                return inner
            return Shape(ShapeKind.FULL if inner.ends_with_reply else inner.kind, f"`{name}` extended with {inner.evidence}")
        if assigned is not None:
            # `conv = conv[1:]`: the value is read as it was before this assignment
            inner = self._shape(assigned, function, self.order.get(assigned, before), depth + 1)
            if inner.kind is ShapeKind.UNKNOWN:
                return inner
            return Shape(inner.kind, f"`{name}` = {inner.evidence}")
        source = function.loop_sources.get(name)
        if source is not None:
            inner = self._element_shape(source, function, before, depth + 1)
            if inner.kind is ShapeKind.CONVERSATION:
                return Shape(ShapeKind.CONVERSATION, f"`{name}`, each of {inner.evidence}")
            return UNKNOWN_SHAPE
        if name in function.params:
            return _name_only_shape(name, f"the parameter `{name}`")
        return UNKNOWN_SHAPE


def _key_of(expr: cst.BaseExpression, function: FunctionInfo) -> str | None:
    """The data key of `example["messages"]`, `example[self.messages_key]`, `example.get("prompt")`."""
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "get":
        return _resolve_key(expr.args[0].value, function) if expr.args else None
    if not isinstance(expr, cst.Subscript) or len(expr.slice) != 1:
        return None
    element = expr.slice[0].slice
    if not isinstance(element, cst.Index):
        return None
    return _resolve_key(element.value, function)


def _resolve_key(node: cst.BaseExpression, function: FunctionInfo) -> str | None:
    value = string_value(node)
    if value is not None:
        return value
    attribute = is_self_attribute(node)
    if attribute and function.cls is not None:
        cls = function.cls
        default = cls.fields.get(attribute)
        if default is None:
            assigned = cls.init_attributes.get(attribute)
            default = assigned
            init = cls.methods.get("__init__")
            if isinstance(assigned, cst.Name) and init is not None and assigned.value in init.params:
                default = init.params[assigned.value].default
        return string_value(default)
    if isinstance(node, cst.Name) and node.value in function.params:
        return string_value(function.params[node.value].default)
    return None


def _key_shape(key: str, text: str) -> Shape:
    lowered = key.lower()
    if lowered in PROMPT_KEYS:
        return Shape(ShapeKind.PROMPT, f"`{text}`, a prompt")
    if lowered in REPLY_KEYS:
        return Shape(ShapeKind.CONVERSATION, f"`{text}`, which ends with the assistant reply")
    if lowered in CONVERSATION_KEYS:
        return Shape(ShapeKind.CONVERSATION, f"`{text}`, which ends with the assistant reply")
    return UNKNOWN_SHAPE


def _name_only_shape(name: str, text: str) -> Shape:
    lowered = name.lower()
    if lowered in PROMPT_KEYS or lowered.startswith("prompt"):
        return Shape(ShapeKind.PROMPT, f"{text}, a prompt")
    if lowered in CONVERSATION_KEYS:
        return Shape(ShapeKind.CONVERSATION, f"{text}, a conversation that ends with the assistant reply")
    return UNKNOWN_SHAPE


def _role_shape(role: str | None, text: str) -> Shape:
    if role is None:
        return UNKNOWN_SHAPE
    if role.lower() in ASSISTANT_ROLES:
        return Shape(ShapeKind.FULL, f"{text} ending with an `{role}` turn")
    if role.lower() in PROMPT_ROLES:
        return Shape(ShapeKind.PROMPT, f"{text} ending with a `{role}` turn")
    return UNKNOWN_SHAPE
