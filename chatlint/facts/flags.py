"""Which value a keyword flag of a template call has, and where that value is set.

A flag reaches `apply_chat_template` in many ways: a literal in the call, a local name, a parameter default, a
dataclass field or an attribute set in `__init__`, a `**kwargs` dict literal, the keywords of a `functools.partial`,
or a wrapper's parameter. Each route records the expression that sets it, so a fix can edit it there.
"""

from __future__ import annotations

import ast
import re

from chatlint.facts.flow import FunctionFlow, function_flow
from chatlint.facts.model import ClassInfo, Flag, FlagSource, FunctionInfo, SpreadSource
from chatlint.facts.syntax import (
    bool_literal,
    code,
    dotted_name,
    is_self_attribute,
    keyword_value,
    star_kwargs,
    string_value,
    subscript_key,
)
from chatlint.findings import Related, printable_path

FLAG_NAMES = (
    "add_generation_prompt",
    "continue_final_message",
    "tokenize",
    "return_dict",
    "return_assistant_tokens_mask",
)


# the keywords of a tokenizer call: a dict of them that a module shows whole may be spread into one (`tokenizer(texts,
# **ENCODE_KWARGS)`), and says whether special tokens are added
TOKENIZER_KEYWORDS = (
    "add_special_tokens",
    "padding",
    "truncation",
    "max_length",
    "return_tensors",
    "return_attention_mask",
)


def shown_flag(name: str, value: bool | None, mapping: ast.expr, related: Related) -> Flag:
    """The flag a `**mapping` gives a call when it names a dict another module shows whole (`**ENCODE_KWARGS`, see
    `module_flag_dicts`), at `related`."""
    where = f"`{code(mapping)}` of {printable_path(related.path)}:{related.line}"
    return Flag(name, value, True, None, FlagSource.KWARGS, where)


def absent(name: str) -> Flag:
    return Flag(name=name, value=None, present=False, source=FlagSource.ABSENT)


def defining_scope(function: FunctionInfo, name: str) -> FunctionInfo:
    """The function (or module) whose assignments or parameters define `name`, as Python looks names up."""
    scope: FunctionInfo | None = function
    while scope is not None:
        if name in scope.assignments or name in scope.params:
            return scope
        scope = scope.outer
    return function


def flag_from_expression(name: str, expr: ast.expr, function: FunctionInfo, source: FlagSource) -> Flag:
    """The flag set by `expr`, following names, parameter defaults, fields and `__init__` attributes."""
    literal = bool_literal(expr)
    if literal is not None:
        return Flag(name, literal, True, expr, source, "")
    if isinstance(expr, ast.Name):
        scope = defining_scope(function, expr.id)
        assigned = scope.assignments.get(expr.id, [])
        if len(assigned) == 1 and bool_literal(assigned[0]) is not None:
            where = f"`{expr.id} = ...`" + (" at module level" if scope.is_module else "")
            return Flag(name, bool_literal(assigned[0]), True, assigned[0], FlagSource.ASSIGNMENT, where)
        if not assigned and expr.id in scope.params:
            return _parameter_flag(name, scope, expr.id)
        fallback = _fallback_default(scope, expr.id) if expr.id in scope.params else None
        if fallback is not None:
            # `if add_generation_prompt is None: add_generation_prompt = self.cfg.add_generation_prompt`: the
            # parameter, which callers that pass nothing leave to that value
            found = flag_from_expression(name, fallback, function, FlagSource.DEFAULT)
            where = f"the parameter `{expr.id}` of `{scope.qualname}`, when not given: {found.where or f'`{code(fallback)}`'}"
            return Flag(name, found.value, True, found.node, FlagSource.DEFAULT, where)
        return Flag(name, None, True, expr, source)
    attribute = is_self_attribute(expr)
    if attribute and function.self_class is not None:
        return _attribute_flag(name, function.self_class, attribute, expr, source)
    return Flag(name, None, True, expr, source)


def _fallback_default(function: FunctionInfo, parameter: str) -> ast.expr | None:
    """What a parameter defaulting to `None` is set to when a caller passes nothing, when that is its only
    assignment: `if add_generation_prompt is None: add_generation_prompt = self.cfg.add_generation_prompt`."""
    param = function.params[parameter]
    assigned = function.assignments.get(parameter, [])
    if not (isinstance(param.default, ast.Constant) and param.default.value is None) or len(assigned) != 1:
        return None
    for node in ast.walk(function.node):
        if not isinstance(node, ast.If) or node.orelse or not _is_none_test(node.test, parameter):
            continue
        for statement in node.body:
            if isinstance(statement, ast.Assign) and statement.value is assigned[0]:
                return statement.value
    return None


def _is_none_test(test: ast.expr, name: str) -> bool:
    """`name is None`."""
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == name
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Is)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value is None
    )


def first_pass_flag(flag: Flag, call: ast.Call, function: FunctionInfo) -> Flag:
    """`flag` as the first pass of the loop `call` is in sees it, when it is True there and False after: a name set
    to True before the loop and to False in it (`first = True`, then `tok.encode(piece, add_special_tokens=first)`
    and `first = False`), or a test that the loop's `enumerate` index is 0 (`add_special_tokens=(i == 0)`). A text
    whose first item starts with a BOS (the first piece of a split render) gets a second one there. Else `flag`."""
    expr = flag.node
    if flag.value is not None or expr is None or isinstance(function.node, ast.Module):
        return flag
    loops = [
        node
        for node in ast.walk(function.node)
        if isinstance(node, (ast.For, ast.AsyncFor))
        and node.body[0].lineno <= call.lineno <= (node.end_lineno or node.lineno)
    ]
    loop = max(loops, key=lambda node: node.lineno, default=None)
    if loop is None or not _true_on_first_pass(expr, loop, function):
        return flag
    return flag._replace(value=True, where=f"`{code(expr)}`, True on the loop's first pass")


def _true_on_first_pass(expr: ast.expr, loop: ast.For | ast.AsyncFor, function: FunctionInfo) -> bool:
    index = _enumerate_index(loop)
    if isinstance(expr, ast.Compare) and len(expr.ops) == 1 and isinstance(expr.ops[0], ast.Eq):
        sides = [expr.left, expr.comparators[0]]
        return index is not None and any(
            isinstance(a, ast.Name) and a.id == index and isinstance(b, ast.Constant) and b.value == 0
            for a, b in (sides, sides[::-1])
        )
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not):
        return index is not None and isinstance(expr.operand, ast.Name) and expr.operand.id == index
    if not isinstance(expr, ast.Name):
        return False
    assigned = function.assignments.get(expr.id, [])
    if not assigned or any(bool_literal(value) is None for value in assigned):
        return False
    before = [bool_literal(value) for value in assigned if value.lineno < loop.lineno]
    inside = [bool_literal(value) for value in assigned if loop.lineno <= value.lineno <= (loop.end_lineno or 0)]
    return bool(before) and before[-1] is True and bool(inside) and not any(inside)


def _enumerate_index(loop: ast.For | ast.AsyncFor) -> str | None:
    """The index name of `for i, item in enumerate(items)` (counting from 0)."""
    iterable, target = loop.iter, loop.target
    if not (isinstance(iterable, ast.Call) and dotted_name(iterable.func) == "enumerate" and len(iterable.args) == 1):
        return None
    start = keyword_value(iterable, "start")
    if start is not None and not (isinstance(start, ast.Constant) and start.value == 0):
        return None
    first = target.elts[0] if isinstance(target, ast.Tuple) and target.elts else None
    return first.id if isinstance(first, ast.Name) else None


def _config_field_flag(name: str, assigned: ast.expr, init: FunctionInfo) -> Flag | None:
    """`self.flag = config.add_special_tokens` in `__init__`, where `config` is annotated with a class of the module
    whose field has a literal default: that default, which a configuration may change (no fix edits it). A field
    guarded for `None` keeps its value (`config.flag if config.flag is not None else False`, `config.flag or
    False`)."""
    assigned = _unguarded(assigned)
    if not (isinstance(assigned, ast.Attribute) and isinstance(assigned.value, ast.Name)):
        return None
    param = init.params.get(assigned.value.id)
    cls_name = dotted_name(param.annotation) if param is not None and param.annotation is not None else None
    found = module_definition(init, cls_name) if cls_name is not None else None
    config = found if isinstance(found, ast.ClassDef) else None
    values = [
        value
        for statement in (config.body if config is not None else [])
        for target, value in [field_of(statement)]
        if target == assigned.attr and value is not None
    ]
    literal = bool_literal(declared_default(values[0])) if len(values) == 1 else None
    if literal is None or cls_name is None:
        return None
    return switch_flag(name, literal, cls_name, assigned.attr)


def _unguarded(value: ast.expr) -> ast.expr:
    """`field` for `field if field is not None else False` and `field or False`: a default applied only when the
    field is unset (None), which leaves a literal default as it is."""
    if isinstance(value, ast.IfExp) and bool_literal(value.orelse) is False:
        test = value.test
        if (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.IsNot)
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is None
            and code(test.left) == code(value.body)
        ):
            return value.body
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or) and len(value.values) == 2:
        if bool_literal(value.values[1]) is False:
            return value.values[0]
    return value


def _parameter_flag(name: str, function: FunctionInfo, parameter: str) -> Flag:
    default = function.params[parameter].default
    literal = bool_literal(default)
    if default is None or literal is None:
        return Flag(
            name, None, True, None, FlagSource.PARAMETER, f"the parameter `{parameter}` of `{function.qualname}`"
        )
    return Flag(
        name,
        literal,
        True,
        default,
        FlagSource.DEFAULT,
        f"the default of parameter `{parameter}` of `{function.qualname}`",
    )


def attribute_flag(name: str, cls: ClassInfo, attribute: str, expr: ast.expr) -> Flag:
    """The flag `self.<attribute>` gives in an instance of `cls` (a subclass that sets the attribute again)."""
    return _attribute_flag(name, cls, attribute, expr, FlagSource.CALL)


def _attribute_flag(name: str, cls: ClassInfo, attribute: str, expr: ast.expr, source: FlagSource) -> Flag:
    read = cls.property_attribute(attribute)
    if read is not None:
        # `self.add_special_tokens`, a property returning `self._add_special_tokens`
        return _attribute_flag(name, cls, read, expr, source)
    assigned = cls.init_attributes.get(attribute)
    if assigned is not None:
        init = cls.methods.get("__init__")
        if isinstance(assigned, ast.Name) and init is not None and assigned.id in init.params:
            return _parameter_flag(name, init, assigned.id)._replace(constructed=(cls.name, assigned.id))
        field_flag = _config_field_flag(name, assigned, init) if init is not None else None
        if field_flag is not None:
            return field_flag
        literal = bool_literal(assigned)
        if literal is not None:
            return Flag(
                name, literal, True, assigned, FlagSource.ATTRIBUTE, f"`self.{attribute}` in `{cls.name}.__init__`"
            )
        return Flag(name, None, True, expr, source)
    default = declared_default(cls.fields.get(attribute))
    literal = bool_literal(default)
    if default is not None and literal is not None:
        kind = "field" if cls.is_dataclass else "class attribute"
        constructed = (cls.name, attribute) if cls.is_dataclass else None
        return Flag(
            name, literal, True, default, FlagSource.FIELD, f"the {kind} `{attribute}` of `{cls.name}`", constructed
        )
    return Flag(name, None, True, expr, source)


def flag_from_kwargs(name: str, kwargs: ast.expr, function: FunctionInfo) -> Flag | None:
    """The flag inside `**kwargs`, when `kwargs` is a dict the code can see (see `mapping_value`)."""
    found_in = mapping_value(name, kwargs, function)
    if found_in is None:
        return None
    value, scope = found_in
    found = flag_from_expression(name, value, scope, FlagSource.KWARGS)
    return Flag(found.name, found.value, True, found.node, found.source, found.where or f"the `**{code(kwargs)}` dict")


def passed_value(call: ast.Call, name: str, function: FunctionInfo) -> ast.expr | None:
    """The value a call passes for `name`, by keyword or in a `**mapping` the code shows (`trainer_kwargs =
    dict(tokenizer=tok, ...)`, `args["dataset_text_field"] = ...`; see `mapping_value`)."""
    value = keyword_value(call, name)
    if value is not None:
        return value
    found = next((found for mapping in star_kwargs(call) if (found := mapping_value(name, mapping, function))), None)
    return found[0] if found is not None else None


def mapping_value(key: str, kwargs: ast.expr, function: FunctionInfo) -> tuple[ast.expr, FunctionInfo] | None:
    """The value of `key` in the mapping `kwargs`, when it is a dict the code can see: a literal or `dict(...)` in a
    local, module-level or `self.` attribute, with keys set later by `kwargs["key"] = ...` or
    `kwargs.update(key=...)`; with the function whose names it reads."""
    mapping: ast.expr | None = kwargs
    fields_of = _fields_dict_of(kwargs)
    if fields_of is not None and not _may_hold(fields_of, kwargs, key, function):
        return None
    if fields_of is not None:
        # `**asdict(fmt)`, `**fmt.render_kwargs()`: the field of the configuration object (`fmt.add_generation_
        # prompt`), as the code reads it (its class's default, when it declares one: `config_switches`); through a
        # method, the path names it (`fmt.render_kwargs().add_generation_prompt`): what the method's body returns
        # for the key where the class shows it, else the field of the key's name
        if isinstance(kwargs, ast.Call) and isinstance(kwargs.func, ast.Attribute):
            fields_of = ast.Attribute(value=fields_of, attr=kwargs.func.attr + METHOD_MARK, ctx=ast.Load())
        field = ast.copy_location(ast.Attribute(value=fields_of, attr=key, ctx=ast.Load()), kwargs)
        ast.fix_missing_locations(field)
        return field, function
    if isinstance(kwargs, ast.Name):
        scope = defining_scope(function, kwargs.id)
        later = scope.key_assignments.get(kwargs.id, {})
        if key in later:
            return later[key], scope
        assigned = scope.assignments.get(kwargs.id, [])
        if len(assigned) > 1:
            return _agreed_value(key, assigned, scope)
        if len(assigned) != 1:
            return None
        mapping = assigned[0]
    attribute = is_self_attribute(kwargs)
    cls = function.self_class if attribute else None
    if attribute and cls is not None:
        mapping = cls.init_attributes.get(attribute) or cls.fields.get(attribute)
    mapping = _shown_dict(mapping, function) if mapping is not None else None
    if isinstance(mapping, ast.IfExp):
        # one of two dicts: the value both give alike, else the one either gives (it may be passed)
        branches = [mapping.body, mapping.orelse]
        agreed = _agreed_value(key, branches, function)
        given = (dict_key_value(branch, key) for branch in branches)
        found = agreed[0] if agreed is not None else next((value for value in given if value is not None), None)
        return (found, function) if found is not None else None
    value = None
    if isinstance(mapping, ast.Dict):
        for name, item in zip(mapping.keys, mapping.values):
            if string_value(name) == key:
                value = item
            elif name is None and (spread := mapping_value(key, item, function)) is not None:
                # `{**CHAT_KWARGS, **overrides}`: what a dict the code shows gives it (a spread it cannot see, the
                # caller's overrides, is taken to leave it)
                value, function = spread
    elif isinstance(mapping, ast.Call) and dotted_name(mapping.func) == "dict":
        value = keyword_value(mapping, key)
    return (value, function) if value is not None else None


def module_flag_dicts(module: FunctionInfo) -> tuple[tuple[str, int, tuple[tuple[str, bool | None], ...]], ...]:
    """The module-level dicts of keywords for a template or tokenizer call that the module shows whole and never
    changes (`CHAT_TEMPLATE_KWARGS = {"add_generation_prompt": True}`, `ENCODE_KWARGS = dict(padding=True,
    return_tensors="pt")`; assigned once, no key set later, no `.update`): by name, each key with its literal value
    (None: not a literal). A module that imports one and spreads it (`**CHAT_TEMPLATE_KWARGS`, `**config.
    RENDER_KWARGS`) renders or tokenizes with those keywords and no others."""
    found = []
    for name, assigned in module.assignments.items():
        if len(assigned) != 1 or name in module.key_assignments or not _is_visible_dict(assigned[0]):
            continue
        value = assigned[0]
        if isinstance(value, ast.Dict):
            items = [(string_value(key), item) for key, item in zip(value.keys, value.values)]
        else:
            assert isinstance(value, ast.Call)
            items = [(keyword.arg, keyword.value) for keyword in value.keywords]
        if any(key is None for key, _ in items) or not any(key in FLAG_NAMES + TOKENIZER_KEYWORDS for key, _ in items):
            continue
        if not updated(name, module):
            found.append((name, value.lineno, tuple((key or "", bool_literal(item)) for key, item in items)))
    return tuple(found)


def _may_hold(fields_of: ast.expr, kwargs: ast.expr, key: str, function: FunctionInfo) -> bool:
    """May the fields dict of `fields_of` hold `key`? Not when it is the instance's own (`**self.template_kwargs()`)
    and neither its class (or a base class of the module) has a field or attribute of that name, nor the method
    names the key: the class shows what it hands on, and that is not among it."""
    cls = function.self_class
    if dotted_name(fields_of) != "self" or cls is None:
        return True
    owners = cls.lineage()
    if any(key in owner.fields or key in owner.init_attributes or key in owner.attributes for owner in owners):
        return True
    method = kwargs.func.attr if isinstance(kwargs, ast.Call) and isinstance(kwargs.func, ast.Attribute) else None
    bodies = [owner.methods[method].node for owner in owners if method in owner.methods]
    return not bodies or any(
        string_value(node) == key or (isinstance(node, ast.keyword) and node.arg == key)
        for body in bodies
        for node in ast.walk(body)
    )


def _agreed_value(key: str, assigned: list[ast.expr], scope: FunctionInfo) -> tuple[ast.expr, FunctionInfo] | None:
    """The value of `key` in a name given a dict literal more than once (one per branch: `kwargs = {"tokenize":
    False, ...}` before each of two renders), when every one of them sets it to the same value; else None."""
    values = []
    for mapping in assigned:
        value = dict_key_value(mapping, key)
        if value is None or not isinstance(value, ast.Constant):
            return None
        values.append(value)
    first = values[0].value
    return (
        (values[0], scope)
        if all(type(value.value) is type(first) and value.value == first for value in values)
        else None
    )


def dict_key_value(mapping: ast.expr, key: str) -> ast.expr | None:
    """The value a dict literal or a `dict(...)` call gives `key`, when it gives one."""
    if isinstance(mapping, ast.Dict):
        return next((item for name, item in zip(mapping.keys, mapping.values) if string_value(name) == key), None)
    if isinstance(mapping, ast.Call) and dotted_name(mapping.func) == "dict" and not mapping.args:
        return keyword_value(mapping, key)
    return None


def _shown_dict(mapping: ast.expr, function: FunctionInfo, depth: int = 0) -> ast.expr:
    """The dict a mapping's value is, when the code shows it through a dataclass field's default
    (`field(default_factory=lambda: {...})`), a copy (`dict(TRAIN_KWARGS)`, `TRAIN_KWARGS.copy()`) or a module-level
    name assigned one dict once; else the value as it is."""
    if depth > 4:
        return mapping
    unwrapped = _field_value(mapping)
    if unwrapped is not mapping:
        return _shown_dict(unwrapped, function, depth + 1)
    copied = None
    if isinstance(mapping, ast.Call) and not mapping.keywords and len(mapping.args) == 1:
        if dotted_name(mapping.func) in ("dict", "copy.copy", "copy.deepcopy", "deepcopy"):
            copied = mapping.args[0]  # `dict(TRAIN_KWARGS)`
    elif isinstance(mapping, ast.Call) and isinstance(mapping.func, ast.Attribute) and mapping.func.attr == "copy":
        copied = mapping.func.value if not mapping.args else None  # `TRAIN_KWARGS.copy()`
    if isinstance(mapping, ast.Name):
        copied = mapping
    if isinstance(copied, ast.Name):
        scope = defining_scope(function, copied.id)
        assigned = scope.assignments.get(copied.id, [])
        if scope.is_module and len(assigned) == 1 and copied.id not in scope.key_assignments:
            return _shown_dict(assigned[0], function, depth + 1)
    return mapping


def call_flag(name: str, call: ast.Call, function: FunctionInfo) -> Flag:
    """The flag as one call sets it: by keyword, or inside a `**kwargs` the code can see; else absent."""
    value = keyword_value(call, name)
    if value is not None:
        return flag_from_expression(name, value, function, FlagSource.CALL)
    for star in star_kwargs(call):
        found = flag_from_kwargs(name, star, function)
        if found is not None:
            return found
    return absent(name)


def module_definition(function: FunctionInfo, name: str) -> ast.stmt | None:
    """The top-level `def` or `class` named `name` of the module `function` is in."""
    module = function
    while module.outer is not None:
        module = module.outer
    body = module.node.body if isinstance(module.node, ast.Module) else []
    return next(
        (node for node in body if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == name), None
    )


# -- where a `**mapping` comes from -------------------------------------------------------------------------------
def spread_source(
    mapping: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow], depth: int = 0
) -> SpreadSource:
    """Where the `**mapping` handed to a template call comes from (see `SpreadSource`).

    A field read out of a data record whose key names template variables (`example["chat_template_kwargs"]`,
    `row.get("chat_template_kwargs", {})`, or a local name given one such value; not `options["text_kwargs"]`) is
    DATA: datasets carry template variables there (tools, a thinking switch), not how the call renders; so is a loop variable over such a field (`for options in
    batch["chat_template_kwargs"]`). A configuration's field named `chat_template_kwargs` (`**self.cfg.
    chat_template_kwargs`, `**args.chat_template_kwargs`) is CONFIG: the name training stacks give the template's
    variables; so is a local name given only the parse of an option or field named for the template, or an empty dict
    (`template_kwargs = json.loads(args.chat_template_config)`); and so is what a method named for them returns
    (`self.template_kwargs()`, `cfg.chat_template_kwargs()`). The function's own `**kwargs` or a parameter is CALLER.
    A dict literal, `dict(...)` without spreads, or a local name given one of those once and never changed after is
    VISIBLE. A local name given once a dict that merges others (`{**self.template_kwargs(), **overrides}`) comes
    from where they come from: the callers' when one is the function's own `**kwargs`."""
    mapping = _either_or_empty(mapping)
    if _is_visible_dict(mapping):
        return SpreadSource.VISIBLE
    if isinstance(mapping, ast.IfExp) and _is_visible_dict(mapping.body) and _is_visible_dict(mapping.orelse):
        return _either_source(mapping, function)
    if _is_record_field(mapping, function):
        return SpreadSource.DATA
    if isinstance(mapping, ast.Attribute) and mapping.attr == "chat_template_kwargs":
        return SpreadSource.CONFIG
    if _template_kwargs_method(mapping):
        return SpreadSource.CONFIG
    if not isinstance(mapping, ast.Name):
        return SpreadSource.UNKNOWN
    name = mapping.id
    if name == function.star_kwargs or (name in function.params and name not in function.assignments):
        return SpreadSource.CALLER
    assigned = function.assignments.get(name, [])
    looped = function.loop_sources.get(name)
    if not assigned and looped is not None and _is_record_field(looped, function):
        return SpreadSource.DATA  # `for options in batch["chat_template_kwargs"]`: one row's field at a time
    if (
        name not in function.params
        and any(_parsed_template_config(value) for value in assigned)
        and all(_parsed_template_config(value) or _is_empty_dict(value) for value in assigned)
        and name not in function_flow(function, flows).opaque_items
        and not updated(name, function)
    ):
        return SpreadSource.CONFIG  # `template_kwargs = json.loads(args.chat_template_config)`, else `{}`
    if len(assigned) > 1 and name not in function.params and all(_is_visible_dict(value) for value in assigned):
        # a dict literal given before each of several renders (one per branch): visible when they agree on every
        # flag (each sets it alike, or none sets it); else what the render gets depends on the branch
        visible = name not in function_flow(function, flows).opaque_items and not updated(name, function)
        agree = all(
            _agreed_value(flag, assigned, function) is not None
            or all(dict_key_value(value, flag) is None for value in assigned)
            for flag in FLAG_NAMES
        )
        return SpreadSource.VISIBLE if visible and agree else SpreadSource.UNKNOWN
    if not assigned and not looped and name not in function.params:
        # a dict literal of an enclosing scope, given once (`_ID_KWARGS = {"tokenize": True, ...}` at module level)
        scope = function.outer
        while scope is not None and name not in scope.assignments:
            scope = scope.outer
        if scope is not None and len(outer := scope.assignments[name]) == 1:
            if _is_visible_dict(outer[0]) and not updated(name, scope):
                return SpreadSource.VISIBLE
    if len(assigned) != 1 or name in function.params:
        return SpreadSource.UNKNOWN
    value = _either_or_empty(assigned[0])
    if _is_record_field(value, function):
        return SpreadSource.DATA
    flow = function_flow(function, flows)
    if isinstance(value, ast.Dict) and None in value.keys and name not in flow.opaque_items and depth < 3:
        if not updated(name, function):
            return _merged_source(value, function, flows, depth + 1)
    # (items set later by a key the code shows are read by `mapping_value`: `kwargs["tools"] = tools`)
    if _is_visible_dict(value) and name not in flow.opaque_items:
        return SpreadSource.VISIBLE if not updated(name, function) else SpreadSource.UNKNOWN
    if (
        isinstance(value, ast.IfExp)
        and _is_visible_dict(value.body)
        and _is_visible_dict(value.orelse)
        and name not in flow.opaque_items
        and not updated(name, function)
    ):
        return _either_source(value, function)  # `kwargs = {"enable_thinking": False} if thinking else {}`
    return SpreadSource.UNKNOWN


# how far each source may hide a flag, least first: what a merged dict comes from is the farthest of its parts'
_SOURCE_ORDER = (
    SpreadSource.VISIBLE,
    SpreadSource.CONFIG,
    SpreadSource.DATA,
    SpreadSource.CALLER,
    SpreadSource.UNKNOWN,
)


def _merged_source(
    merged: ast.Dict, function: FunctionInfo, flows: dict[int, FunctionFlow], depth: int
) -> SpreadSource:
    """Where a dict that merges others comes from (`{**self.template_kwargs(), **overrides}`): the source of its
    spreads that may hide most (its own keys are read as keywords, see `mapping_value`)."""
    sources = [
        spread_source(item, function, flows, depth) for key, item in zip(merged.keys, merged.values) if key is None
    ]
    return max(sources, key=_SOURCE_ORDER.index, default=SpreadSource.VISIBLE)


def _template_kwargs_method(node: ast.expr) -> bool:
    """`self.template_kwargs()`, `cfg.chat_template_kwargs()`: a method named for the template's variables, asked
    with no arguments."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr.lstrip("_") in ("template_kwargs", "chat_template_kwargs", "get_chat_template_kwargs")
        and not node.args
        and not node.keywords
    )


def _either_source(mapping: ast.IfExp, function: FunctionInfo) -> SpreadSource:
    """One of two dicts the code shows (`**({"optim": "paged_adamw_8bit"} if quantized else {})`): visible when they
    agree on every flag (each sets it alike, or neither sets it); else the flags depend on the branch."""
    branches = [mapping.body, mapping.orelse]
    agree = all(
        _agreed_value(flag, branches, function) is not None
        or all(dict_key_value(branch, flag) is None for branch in branches)
        for flag in FLAG_NAMES
    )
    return SpreadSource.VISIBLE if agree else SpreadSource.UNKNOWN


# a configuration's method named for handing its fields on as keywords (`cfg.render_kwargs()`, `cfg.to_dict()`;
# not one that builds settings of its own, `self._generate_kwargs()`)
_FIELDS_METHOD = re.compile(r"(?:to_|as_?)?dict|\w*(?:template|render)\w*_kwargs")


def _fields_dict_of(node: ast.expr) -> ast.expr | None:
    """The object whose fields the dict `node` holds, by name: `asdict(fmt)`, or a method of the object named for
    handing its fields on (`fmt.render_kwargs()`, `fmt.to_dict()`, with no arguments); None otherwise."""
    if not isinstance(node, ast.Call):
        return None
    held: ast.expr | None = None
    if dotted_name(node.func) in ("asdict", "dataclasses.asdict") and len(node.args) == 1:
        held = node.args[0]
    elif isinstance(node.func, ast.Attribute) and not node.args and not node.keywords:
        held = node.func.value if _FIELDS_METHOD.fullmatch(node.func.attr) else None
    else:
        return None
    return held if isinstance(held, (ast.Name, ast.Attribute)) else None


def _parsed_template_config(node: ast.expr) -> bool:
    """`json.loads(args.chat_template_config)`, `yaml.safe_load(cfg.chat_template_kwargs)`: the template's variables
    a user wrote as JSON or YAML, in an option or field named for the template."""
    if not (isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords):
        return False
    parser = dotted_name(node.func) or ""
    source = (dotted_name(node.args[0]) or "").rsplit(".", 1)[-1].lower()
    return parser in ("json.loads", "yaml.safe_load", "yaml.load") and "template" in source


def _is_empty_dict(node: ast.expr) -> bool:
    return (isinstance(node, ast.Dict) and not node.keys) or (
        isinstance(node, ast.Call) and dotted_name(node.func) == "dict" and not node.args and not node.keywords
    )


def _either_or_empty(node: ast.expr) -> ast.expr:
    """`x or {}` -> `x`: the fallback adds no keyword."""
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or) and len(node.values) == 2:
        if _is_empty_dict(node.values[1]):
            return node.values[0]
    return node


def _is_visible_dict(node: ast.expr) -> bool:
    if isinstance(node, ast.Dict):
        return all(key is not None for key in node.keys)
    return (
        isinstance(node, ast.Call)
        and dotted_name(node.func) == "dict"
        and not node.args
        and not any(item.arg is None for item in node.keywords)
    )


def _is_record_field(node: ast.expr, function: FunctionInfo) -> bool:
    """`example["chat_template_kwargs"]` or `example.get("chat_template_kwargs", ...)`: a field of a row the
    function is given or walks (a parameter, a local or loop name), not of `self`, a module-level name, or the
    function's own `**kwargs` (what its callers pass)."""
    if isinstance(node, ast.Subscript) and subscript_key(node) is not None:
        receiver: ast.expr = node.value
        key = subscript_key(node) or ""
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and string_value(node.args[0] if node.args else None) is not None
    ):
        receiver = node.func.value
        key = string_value(node.args[0]) or ""
    else:
        return False
    if "template" not in key:
        # `output_kwargs["text_kwargs"]`: a processor's keywords (`tokenize`, `return_dict`), not template variables
        return False
    if not isinstance(receiver, ast.Name) or receiver.id in ("self", "cls", function.star_kwargs):
        return False
    name = receiver.id
    return name in function.params or name in function.assignments or name in function.loop_sources


def updated(name: str, function: FunctionInfo) -> bool:
    """`name.update(...)` anywhere in the function: keys the index may not have seen."""
    for node in ast.walk(function.node):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "update"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == name
        ):
            return True
    return False


def merges_caller_kwargs(call: ast.Call, function: FunctionInfo) -> bool:
    """Does `call` spread a mapping of `function` that takes in the function's own `**kwargs` (`kwargs = {...};
    kwargs.update(overrides)`, or `kwargs = {..., **overrides}`)? Then a keyword its caller passes wins over the
    mapping's own value."""
    star = function.star_kwargs
    if star is None:
        return False
    for mapping in star_kwargs(call):
        if not isinstance(mapping, ast.Name):
            continue
        values = function.assignments.get(mapping.id, [])
        if any(
            isinstance(value, ast.Dict)
            and any(key is None and dotted_name(item) == star for key, item in zip(value.keys, value.values))
            for value in values
        ):
            return True
        for node in ast.walk(function.node):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "update"
                and dotted_name(node.func.value) == mapping.id
                and any(dotted_name(value) == star for value in (*node.args, *star_kwargs(node)))
            ):
                return True
    return False


# -- configuration fields ------------------------------------------------------------------------------------------
def field_of(statement: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id, statement.value
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
        return statement.targets[0].id, statement.value
    return None, None


def declared_default(value: ast.expr | None) -> ast.expr | None:
    """A field's default: the value, or `field(default=...)`'s (None for a field not declared)."""
    if isinstance(value, ast.Call) and dotted_name(value.func) in ("field", "dataclasses.field"):
        return keyword_value(value, "default")
    return value


def declared_mapping(value: ast.expr | None) -> ast.expr | None:
    """A field's default when it is a dict the code shows whole, every key written out (`{"add_generation_prompt":
    True}`, `dict(...)`, `field(default_factory=lambda: {...})`; `field(default_factory=dict)`, an empty one): the
    dict (its values by `dict_key_value`); None otherwise."""
    if value is None:
        return None
    shown = _field_value(value)
    if dotted_name(shown) == "dict":
        return ast.Dict(keys=[], values=[])  # (`default_factory=dict`)
    if isinstance(shown, ast.Dict) and any(string_value(key) is None for key in shown.keys):
        return None  # (a key the code computes may be any flag)
    return shown if _is_visible_dict(shown) else None


def _field_value(value: ast.expr) -> ast.expr:
    """What a dataclass field's default gives (`field(default=x)`, `field(default_factory=lambda: x)`: `x`; a
    factory that is no lambda as it is); any other value as it is."""
    while True:
        if isinstance(value, ast.Call) and dotted_name(value.func) in ("field", "dataclasses.field"):
            given = keyword_value(value, "default") or keyword_value(value, "default_factory")
            if given is None:
                return value
            value = given
        elif isinstance(value, ast.Lambda):
            value = value.body
        else:
            return value


# the path under a mapping field that says the class shows the mapping whole (`chat_template_kwargs.**`): a template
# flag it holds no key for is absent, not unknown
WHOLE_MAPPING = "**"
# the mark of a method in a configuration field's path (`render_kwargs().add_generation_prompt`: the key of the dict the
# method `render_kwargs` returns)
METHOD_MARK = "()"


def switch_flag(name: str, default: bool, cls: str, field: str) -> Flag:
    """The flag a call sets from a configuration switch field, as its class declares it (which a configuration may
    change: no fix edits it)."""
    method, mark, key = field.partition(METHOD_MARK + ".")
    where = f"the default of the configuration field `{cls}.{field}`"
    if mark:
        where = f"the `{key}` that `{cls}.{method}()` returns"
    return Flag(name, default, True, None, FlagSource.DEFAULT, where)
