"""Small questions about libcst nodes that every part of the analysis asks."""

from __future__ import annotations

import ast
import functools

import libcst as cst

_EMPTY = cst.Module(body=[])


def code(node: cst.CSTNode) -> str:
    return _EMPTY.code_for_node(node)


def string_value(node: cst.CSTNode | None) -> str | None:
    """The value of a plain string literal, else None."""
    if isinstance(node, cst.SimpleString):
        return _string_literal(node.value)
    return None


@functools.lru_cache(maxsize=4096)
def _string_literal(raw: str) -> str | None:
    # libcst's `evaluated_value` compiles the literal each time (`ast.literal_eval`), which showed in profiles;
    # a short quoted key with no escapes or prefix is read directly
    if len(raw) >= 2 and raw[0] in "'\"" and raw[-1] == raw[0] and "\\" not in raw and raw[:3] != raw[0] * 3:
        return raw[1:-1]
    value = ast.literal_eval(raw)
    return value if isinstance(value, str) else None


def bool_literal(node: cst.CSTNode | None) -> bool | None:
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    return None


def dotted_name(node: cst.CSTNode | None) -> str | None:
    """`a.b.c` for a chain of names and attributes, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = dotted_name(node.value)
        return f"{head}.{node.attr.value}" if head else None
    return None


def called_name(call: cst.Call) -> str:
    """The last name of what is called: `apply_chat_template` for `self.tok.apply_chat_template(...)`."""
    func = call.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    if isinstance(func, cst.Name):
        return func.value
    return ""


def keyword(call: cst.Call, name: str) -> cst.Arg | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    return None


def positional(call: cst.Call, index: int) -> cst.Arg | None:
    plain = [arg for arg in call.args if arg.keyword is None and not arg.star]
    return plain[index] if index < len(plain) else None


def bound_argument(call: cst.Call, parameters: list[str], parameter: str) -> cst.BaseExpression | None:
    """The expression `call` passes for `parameter` of a function whose parameters are `parameters` (in order,
    without `self` for a method call), by keyword or by position; None when it passes none."""
    arg = keyword(call, parameter)
    if arg is None and parameter in parameters:
        arg = positional(call, parameters.index(parameter))
    return arg.value if arg is not None else None


def star_kwargs(call: cst.Call) -> list[cst.BaseExpression]:
    return [arg.value for arg in call.args if arg.star == "**"]


def is_self_attribute(node: cst.CSTNode | None) -> str | None:
    """`x` for `self.x`, else None."""
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self":
        return node.attr.value
    return None


def is_label_name(name: str) -> bool:
    lowered = name.lower()
    return lowered in ("labels", "label", "label_ids", "targets") or lowered.endswith("_labels")


def is_partial(call: cst.Call) -> bool:
    return dotted_name(call.func) in ("partial", "functools.partial")
