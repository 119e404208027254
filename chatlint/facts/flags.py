"""Which value a keyword flag of a template call has, and where that value is set.

A flag reaches `apply_chat_template` in many ways: a literal in the call, a local name, a parameter default, a
dataclass field or an attribute set in `__init__`, a `**kwargs` dict literal, the keywords of a `functools.partial`,
or a wrapper's parameter. Each route records the expression that sets it, so a fix can edit it there.
"""

from __future__ import annotations

import libcst as cst

from chatlint.facts.model import Flag, FunctionInfo
from chatlint.facts.syntax import bool_literal, code, dotted_name, is_self_attribute, keyword, string_value

FLAG_NAMES = (
    "add_generation_prompt",
    "continue_final_message",
    "tokenize",
    "return_dict",
    "return_assistant_tokens_mask",
)


def absent(name: str) -> Flag:
    return Flag(name=name, value=None, present=False, source="absent")


def defining_scope(function: FunctionInfo, name: str) -> FunctionInfo:
    """The function (or module) whose assignments or parameters define `name`, as Python looks names up."""
    scope: FunctionInfo | None = function
    while scope is not None:
        if name in scope.assignments or name in scope.params:
            return scope
        scope = scope.outer
    return function


def flag_from_expression(name: str, expr: cst.BaseExpression, function: FunctionInfo, source: str) -> Flag:
    """The flag set by `expr`, following names, parameter defaults, fields and `__init__` attributes."""
    literal = bool_literal(expr)
    if literal is not None:
        return Flag(name, literal, True, expr, source, "")
    if isinstance(expr, cst.Name):
        scope = defining_scope(function, expr.value)
        assigned = scope.assignments.get(expr.value, [])
        if len(assigned) == 1 and bool_literal(assigned[0]) is not None:
            where = f"`{expr.value} = ...`" + (" at module level" if scope.is_module else "")
            return Flag(name, bool_literal(assigned[0]), True, assigned[0], "assignment", where)
        if not assigned and expr.value in scope.params:
            return _parameter_flag(name, scope, expr.value)
        return Flag(name, None, True, expr, source)
    attribute = is_self_attribute(expr)
    if attribute and function.cls is not None:
        return _attribute_flag(name, function, attribute, expr, source)
    return Flag(name, None, True, expr, source)


def _parameter_flag(name: str, function: FunctionInfo, parameter: str) -> Flag:
    default = function.params[parameter].default
    literal = bool_literal(default)
    if default is None or literal is None:
        return Flag(name, None, True, None, "parameter", f"the parameter `{parameter}` of `{function.qualname}`")
    return Flag(
        name, literal, True, default, "default", f"the default of parameter `{parameter}` of `{function.qualname}`"
    )


def _attribute_flag(
    name: str, function: FunctionInfo, attribute: str, expr: cst.BaseExpression, source: str
) -> Flag:
    cls = function.cls
    assert cls is not None
    assigned = cls.init_attributes.get(attribute)
    if assigned is not None:
        init = cls.methods.get("__init__")
        if isinstance(assigned, cst.Name) and init is not None and assigned.value in init.params:
            return _parameter_flag(name, init, assigned.value)
        literal = bool_literal(assigned)
        if literal is not None:
            return Flag(name, literal, True, assigned, "attribute", f"`self.{attribute}` in `{cls.name}.__init__`")
        return Flag(name, None, True, expr, source)
    default = cls.fields.get(attribute)
    if isinstance(default, cst.Call) and dotted_name(default.func) in ("field", "dataclasses.field"):
        default_arg = keyword(default, "default")
        default = default_arg.value if default_arg else None
    literal = bool_literal(default)
    if default is not None and literal is not None:
        kind = "field" if cls.is_dataclass else "class attribute"
        return Flag(name, literal, True, default, "field", f"the {kind} `{attribute}` of `{cls.name}`")
    return Flag(name, None, True, expr, source)


def flag_from_kwargs(name: str, kwargs: cst.BaseExpression, function: FunctionInfo) -> Flag | None:
    """The flag inside `**kwargs`, when `kwargs` is a dict the code can see: a literal or `dict(...)` in a local,
    module-level or `self.` attribute, with keys set later by `kwargs["key"] = ...` or `kwargs.update(key=...)`."""
    mapping: cst.BaseExpression | None = kwargs
    where = f"the `**{code(kwargs)}` dict"
    if isinstance(kwargs, cst.Name):
        scope = defining_scope(function, kwargs.value)
        later = scope.key_assignments.get(kwargs.value, {})
        if name in later:
            found = flag_from_expression(name, later[name], scope, "kwargs")
            return Flag(found.name, found.value, True, found.node, found.source, found.where or where)
        assigned = scope.assignments.get(kwargs.value, [])
        if len(assigned) != 1:
            return None
        mapping = assigned[0]
    attribute = is_self_attribute(kwargs)
    if attribute and function.cls is not None:
        mapping = function.cls.init_attributes.get(attribute) or function.cls.fields.get(attribute)
    value = None
    if isinstance(mapping, cst.Dict):
        for element in mapping.elements:
            if isinstance(element, cst.DictElement) and string_value(element.key) == name:
                value = element.value
    elif isinstance(mapping, cst.Call) and dotted_name(mapping.func) == "dict":
        arg = keyword(mapping, name)
        value = arg.value if arg else None
    if value is None:
        return None
    found = flag_from_expression(name, value, function, "kwargs")
    return Flag(found.name, found.value, True, found.node, found.source, found.where or where)


def call_flag(name: str, call: cst.Call, function: FunctionInfo) -> Flag:
    """The flag as one call sets it: by keyword, or inside a `**kwargs` the code can see; else absent."""
    arg = keyword(call, name)
    if arg is not None:
        return flag_from_expression(name, arg.value, function, "call")
    for star in (arg.value for arg in call.args if arg.star == "**"):
        found = flag_from_kwargs(name, star, function)
        if found is not None:
            return found
    return absent(name)
