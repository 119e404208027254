"""Configuration switches: boolean fields of a configuration class that a call reads for a flag.

`add_special_tokens=self.args.add_bos_token` or `add_generation_prompt=self.cfg.render.add_generation_prompt`: the
value is the default the configuration class declares for the field (a configuration may change it; no fix edits
it there). The class is the one the code shows the object to be (built, or annotated: an `__init__` parameter kept
as `self.cfg`, a parameter, a dataclass field), in this module or in another one, also through a configuration
nested in another (`render: RenderConfig = field(default_factory=RenderConfig)`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from typing import TypeVar

from chatlint.facts.flags import (
    FLAG_NAMES,
    METHOD_MARK,
    WHOLE_MAPPING,
    declared_default,
    declared_mapping,
    dict_key_value,
    field_of,
    switch_flag,
)
from chatlint.facts.flow import FunctionFlow, agreed_by_callers, annotated_class, function_flow, instance_class
from chatlint.facts.links import Links
from chatlint.facts.model import ClassInfo, Flag, FunctionInfo
from chatlint.facts.syntax import bool_literal, dotted_name, is_self_attribute, keyword_value
from chatlint.findings import Related

# a configuration field that says whether special tokens (or the BOS) are added: `add_bos_token`,
# `add_special_tokens`, `prepend_bos` (not a tokenizer's own `bos_token`); or a template call's flag of the same name
# (`add_generation_prompt`, `continue_final_message`)
SWITCH = r"(?:(?:add|prepend|use)_\w*(?:bos|special_tokens)\w*|add_generation_prompt|continue_final_message)"
_SWITCH_FIELD = re.compile(SWITCH)
_SWITCH_READ = re.compile(r"\.(" + SWITCH + r")\b")
_TEMPLATE_SWITCH = re.compile(r"\b(add_generation_prompt|continue_final_message)\s*=\s*[\w.]+\.\1\b")
# a tokenizer call's `add_special_tokens=` given a switch field (`add_special_tokens=self.cfg.prompt.add_bos_token`)
_TOKEN_SWITCH = re.compile(r"\badd_special_tokens\s*=\s*[\w.]+\." + SWITCH + r"\b")
# (the template flags only: `add_bos_token=False` elsewhere is as often a tokenizer's own keyword as a configuration's)
_TEMPLATE_FLAGS = r"(add_generation_prompt|continue_final_message)"
_SWITCH_ASSIGNED = re.compile(r"\." + _TEMPLATE_FLAGS + r"\s*=\s*(True|False)\b")
_SWITCH_BUILT = re.compile(r"\b(?:replace|[A-Z]\w*)\([^()]*?\b" + _TEMPLATE_FLAGS + r"\s*=\s*(True|False)\b")
_V = TypeVar("_V")

# how many configurations nested in one another a field is followed through (`cfg.train.render.flag`)
_MAX_NESTING = 3


# words every switch field's name holds one of, and those of the template flags'
_TEMPLATE_WORDS = ("generation_prompt", "final_message")
_SWITCH_WORDS = ("_bos", "special_tokens", *_TEMPLATE_WORDS)
_SWITCH_BYTES = tuple(word.encode() for word in _SWITCH_WORDS)


def may_declare_switches(data: bytes) -> bool:
    """Could the module declare a switch field?"""
    return any(word in data for word in _SWITCH_BYTES)


def switch_fields_read(text: str) -> frozenset[str]:
    """The switch fields a module reads off an object (`self.args.add_bos_token`, `cfg.add_generation_prompt`)."""
    return frozenset(_SWITCH_READ.findall(text)) if any(word in text for word in _SWITCH_WORDS) else frozenset()


def mapping_fields_read(text: str) -> frozenset[str]:
    """The fields of keywords for the template a module reads off an object (`cfg.chat_template_kwargs`): the class
    may show the mapping whole (`_mapping_switches`). (Only those named for the template: a module reading
    `self.model_kwargs` would have every module it imports read for a field of that name.)"""
    return frozenset(_MAPPING_READ.findall(text)) if "template" in text and "kwargs" in text else frozenset()


# a field of keywords for the template (`chat_template_kwargs`, `template_kwargs`)
_MAPPING_FIELD = re.compile(r"\w*template\w*kwargs")
_MAPPING_READ = re.compile(r"\.(\w*template\w*kwargs)\b(?!\s*=[^=])")


def mentions_template_flags(text: str) -> bool:
    """Could the text name a template flag (`add_generation_prompt`, `continue_final_message`)?"""
    return any(word in text for word in _TEMPLATE_WORDS)


def reads_template_switches(text: str) -> bool:
    """Does the module hand a template call a flag read off a configuration field of that name
    (`add_generation_prompt=self.cfg.add_generation_prompt`)? Its renders' flags are then what an imported
    configuration class declares."""
    return bool(template_switches_read(text))


def reads_token_switches(text: str) -> bool:
    """Does the module hand a tokenizer call's `add_special_tokens` a switch field of a configuration object? Whether
    special tokens are added is then what an imported configuration class declares."""
    return "add_special_tokens" in text and _TOKEN_SWITCH.search(text) is not None


def template_switches_read(text: str) -> frozenset[str]:
    """The template flags the module reads off configuration fields of their name (see `reads_template_switches`)."""
    if not mentions_template_flags(text):
        return frozenset()
    return frozenset(match.group(1) for match in _TEMPLATE_SWITCH.finditer(text))


def switch_overrides(text: str) -> frozenset[tuple[str, bool]]:
    """The template switch fields a module sets to a literal outside a template call, with the value: a configuration
    built or copied with it (`TemplateConfig(add_generation_prompt=False)`, `replace(cfg.template,
    add_generation_prompt=False)`), or assigned (`cfg.template.add_generation_prompt = False`). A run where one is set
    so does not render with the class's default alone."""
    if not mentions_template_flags(text):
        return frozenset()
    found = {(field, value == "True") for field, value in _SWITCH_ASSIGNED.findall(text)}
    found |= {(field, value == "True") for field, value in _SWITCH_BUILT.findall(text)}
    return frozenset(found)


def switch_defaults(module: ast.Module) -> tuple[tuple[str, str, bool, int], ...]:
    """The literal defaults of the switch fields of the module's top-level classes (`add_bos_token: bool = True` in
    `ModelArgs`): `(class, field, default, line)`, for a module that imports the class and reads the field. A field
    of a configuration nested in another class of the module is also declared by that class, by its path
    (`ServiceConfig`, `render.add_generation_prompt`), at the nested class's line."""
    own: dict[str, list[tuple[str, tuple[bool, int]]]] = {}
    for node in module.body:
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            target, value = field_of(statement)
            if target is None or value is None:
                continue
            if _SWITCH_FIELD.fullmatch(target) is None:
                own.setdefault(node.name, []).extend(_mapping_switches(target, value, statement.lineno))
                continue
            literal = bool_literal(declared_default(value))
            if literal is not None:
                own.setdefault(node.name, []).append((target, (literal, statement.lineno)))
        for method, (flags, line) in method_switches(node).items():
            # (a method whose dict is read marks itself so: the key it lacks is no field's of that name)
            marked = [(f"{method}{METHOD_MARK}.{WHOLE_MAPPING}", (True, line))]
            own.setdefault(node.name, []).extend([*marked, *((f"{method}{METHOD_MARK}.{k}", v) for k, v in flags)])
    found = with_nested_fields(module, own)
    return tuple((name, path, default, line) for name, fields in found.items() for path, (default, line) in fields)


# a command-line option of a template flag's name (`parser.add_argument("--add_generation_prompt", ...)`): an object
# the code reads it off may be the parsed arguments, with the option's default
_SWITCH_OPTION = re.compile(r"""["']--(add[-_]generation[-_]prompt|continue[-_]final[-_]message)\b""")


# a class-level field of a template flag's name with a literal default (`    add_generation_prompt: bool = True`)
_DECLARES_TEMPLATE_SWITCH = re.compile(
    r"^[ \t]+(?:add_generation_prompt|continue_final_message)[ \t]*(?::[^=\n]*)?=[ \t]*(?:True|False)\b", re.M
)


def may_declare_template_switches(text: str) -> bool:
    """Could a class of the module declare a template flag's field with a literal default (`add_generation_prompt:
    bool = True`)? (For a module the rules did not parse, whose `switch_defaults` are then read.)"""
    return mentions_template_flags(text) and _DECLARES_TEMPLATE_SWITCH.search(text) is not None


def run_switch_defaults(
    declared: Sequence[tuple[str, tuple[tuple[str, str, bool, int], ...]]],
    texts: Sequence[str],
    overrides: frozenset[tuple[str, bool]],
) -> dict[str, tuple[bool, str, Related]]:
    """The template flags whose configuration fields every class of the run that declares one defaults alike
    (`add_generation_prompt: bool = True` in `FormatConfig`, the only class of the project with that field), with
    that default, the field as one class names it and its place: what a field of that name read off an object whose
    class the code does not show (`self.cfg.add_generation_prompt`, an unannotated `cfg`) holds unless configured
    otherwise. `declared`: each module's path and `switch_defaults`; `texts`: the run's modules, where a
    command-line option of the flag's name (its default not a class's) leaves the field unknown, as does a literal
    set elsewhere (`overrides`: the run's `switch_overrides`)."""
    found: dict[str, set[bool]] = {}
    first: dict[str, tuple[str, Related]] = {}
    for path, switches in declared:
        for owner, field_path, default, line in switches:
            name = field_path.rsplit(".", 1)[-1]
            if name not in _TEMPLATE_FLAG_NAMES:
                continue
            found.setdefault(name, set()).add(default)
            where = f"{owner}.{field_path}"
            first.setdefault(name, (where, Related(path, line, f"`{where}` defaults to `{default}`")))
    for text in texts:
        for option in _SWITCH_OPTION.findall(text) if "--add" in text or "--continue" in text else ():
            found.setdefault(option.replace("-", "_"), set()).update((True, False))
    for name, value in overrides:
        found.setdefault(name, set()).add(value)
    return {
        name: (defaults.pop(), *first[name]) for name, defaults in found.items() if len(defaults) == 1 and name in first
    }


_TEMPLATE_FLAG_NAMES = ("add_generation_prompt", "continue_final_message")


def _mapping_switches(target: str, value: ast.expr, line: int) -> list[tuple[str, tuple[bool, int]]]:
    """A field of keywords for the template whose default the code shows whole (`chat_template_kwargs: dict =
    field(default_factory=lambda: {"add_generation_prompt": True})`): the literal template flags it holds, by their
    path under the field (`chat_template_kwargs.add_generation_prompt`), and the mark that it holds no other
    (`chat_template_kwargs.**`)."""
    mapping = declared_mapping(value) if _MAPPING_FIELD.fullmatch(target) else None
    if mapping is None:
        return []
    found = [
        (f"{target}.{name}", (literal, line))
        for name in FLAG_NAMES
        if (literal := bool_literal(dict_key_value(mapping, name))) is not None
    ]
    return [*found, (f"{target}.{WHOLE_MAPPING}", (True, line))]


def method_switches(node: ast.ClassDef) -> dict[str, tuple[list[tuple[str, tuple[bool, int]]], int]]:
    """The methods of a configuration class that hand its template keywords on as a dict the code shows (`def
    chat_template_kwargs(self): return {"add_generation_prompt": True, "enable_thinking": self.thinking}`), each
    with the flags its dict sets to a literal or to a field of the class with a literal default, and its line. A
    method whose only return gives such a dict, with no spread and no computed key."""
    fields = {target: value for target, value in map(field_of, node.body) if target is not None}
    found: dict[str, tuple[list[tuple[str, tuple[bool, int]]], int]] = {}
    for method in node.body:
        if not isinstance(method, ast.FunctionDef) or len(method.args.args) != 1 or method.decorator_list:
            continue
        returns = [item for item in ast.walk(method) if isinstance(item, ast.Return)]
        mapping = declared_mapping(returns[0].value) if len(returns) == 1 else None
        if mapping is None:
            continue
        flags = []
        for name in FLAG_NAMES:
            value = dict_key_value(mapping, name)
            if (attribute := is_self_attribute(value)) is not None:
                value = declared_default(fields.get(attribute))  # `self.thinking`: the field's default
            literal = bool_literal(value) if value is not None else None
            if literal is not None:
                flags.append((name, (literal, returns[0].lineno)))
        found[method.name] = (flags, method.lineno)
    return found


def with_nested_defaults(
    module: ast.Module, defaults: tuple[tuple[str, str, str], ...]
) -> tuple[tuple[str, str, str], ...]:
    """The module's exported defaults (`(owner, field, default)`, see `column_names.exported_defaults`) and those of
    configurations nested in a class of the module, by their path (`Settings`, `engine.model`): a module that imports
    `Settings` is configured with them too."""
    own: dict[str, list[tuple[str, str]]] = {}
    for owner, name, value in defaults:
        own.setdefault(owner, []).append((name, value))
    nested = with_nested_fields(module, own) if own else {}
    added = [(owner, path, value) for owner, fields in nested.items() for path, value in fields if "." in path]
    return (*defaults, *added)


def with_nested_fields(
    module: ast.Module, own: Mapping[str, Sequence[tuple[str, _V]]]
) -> dict[str, list[tuple[str, _V]]]:
    """The fields `own` names of the module's top-level classes (class -> (field, what is known of it)), with those of
    the configurations nested in each class by their path (`engine: EngineConfig = field(default_factory=
    EngineConfig)` declares `engine.model` for its class too), a few levels deep."""
    classes = {node.name: node for node in module.body if isinstance(node, ast.ClassDef)}
    found = {name: list(fields) for name, fields in own.items()}
    for _ in range(_MAX_NESTING - 1):
        for name, node in classes.items():
            for statement in node.body:
                target, inner = _nested_field(statement)
                if target is None or inner not in found or inner == name:
                    continue
                paths = [(f"{target}.{path}", known) for path, known in found[inner]]
                held = {path for path, _ in found.get(name, [])}
                found.setdefault(name, []).extend(item for item in paths if item[0] not in held)
    return found


def _nested_field(statement: ast.stmt) -> tuple[str | None, str | None]:
    """`render: RenderConfig = field(default_factory=RenderConfig)` (or `= RenderConfig()`, or annotated only):
    the field and the class named, as written."""
    target, value = field_of(statement)
    if target is None:
        return None, None
    annotation = statement.annotation if isinstance(statement, ast.AnnAssign) else None
    named = annotated_class(annotation) if annotation is not None else None
    if named is None and isinstance(value, ast.Call):
        factory = keyword_value(value, "default_factory")
        named = factory if factory is not None else (value.func if not value.args and not value.keywords else None)
    return target, dotted_name(named) if named is not None else None


def configured_flag(
    name: str,
    value: ast.expr | None,
    function: FunctionInfo,
    flows: dict[int, FunctionFlow],
    classes: dict[str, ClassInfo],
    links: Links | None,
) -> tuple[Flag, tuple[Related, ...]] | None:
    """The flag `name` a call gives as `value`, a field of a configuration object (`self.args.add_bos_token`,
    `cfg.render.add_generation_prompt`), when the class the object is an instance of declares a literal default
    for it: that default, with the field's place in another module."""
    path: list[str] = []
    owner = value
    aliases = 0
    while isinstance(owner, ast.Attribute) and len(path) <= _MAX_NESTING:
        path.insert(0, owner.attr)
        owner = owner.value
        cls = instance_class(owner, function, flows)
        declared = _declared(cls, ".".join(path), classes, links) if cls is not None else None
        if declared is not None:
            default, owner_name, field_path, related = declared
            if links is not None and (path[-1], not default) in links.overridden_switches:
                return None  # (the run builds or sets a configuration with the other value: which one renders here?)
            return switch_flag(name, default, owner_name, field_path), related
        if isinstance(owner, ast.Name) and cls is None and owner.id in function.params and function.callers:
            # a parameter of a module-level function: the field of what every call of the module passes for it
            found = _from_callers(name, owner.id, path, function, flows, classes, links)
            return found if found is not None else _run_default(name, value, links)
        if isinstance(owner, ast.Name) and cls is None and aliases < _MAX_NESTING:
            # `opts = self.cfg.prompt`, then `opts.add_special_tokens`: the field of the configuration the name holds
            held = function_flow(function, flows).assigned(owner)
            if isinstance(held, ast.Attribute):
                owner, aliases = held, aliases + 1
    return _run_default(name, value, links)


def _run_default(name: str, value: ast.expr | None, links: Links | None) -> tuple[Flag, tuple[Related, ...]] | None:
    """The flag a field read off an object whose class the code does not show gives (`self.cfg.add_generation_prompt`
    with `self.cfg` an unannotated parameter), when every configuration class of the run that declares a field of
    its name defaults it alike (`Links.switch_defaults`)."""
    field = value.attr if isinstance(value, ast.Attribute) else None
    declared = links.switch_defaults.get(field) if links is not None and field is not None else None
    if declared is None:
        return None
    default, where, related = declared
    flag = switch_flag(name, default, *where.split(".", 1))
    words = f"the default of `{where}` (every class of the run that declares the field defaults it so)"
    return flag._replace(where=words), (related,)


_FOLLOWING: set[int] = set()  # the functions whose callers are being read for a flag (a recursion guard)


def _from_callers(
    name: str,
    param: str,
    path: list[str],
    function: FunctionInfo,
    flows: dict[int, FunctionFlow],
    classes: dict[str, ClassInfo],
    links: Links | None,
) -> tuple[Flag, tuple[Related, ...]] | None:
    """The flag `name` a field of the parameter `param` gives (`template.add_generation_prompt`), when every call
    of the module passes an object whose class declares one default for it (`build_batch(tok, rows,
    args.template)` with `args: GRPOArgs`)."""

    def resolve(argument: ast.expr, caller: FunctionInfo) -> tuple[Flag, tuple[Related, ...]] | None:
        value = argument
        for attribute in path:
            value = ast.copy_location(ast.Attribute(value, attribute, ast.Load()), argument)
        return configured_flag(name, value, caller, flows, classes, links)

    return agreed_by_callers(function, param, resolve, lambda found: found[0].value, _FOLLOWING)


def _declared(
    cls: ast.expr, path: str, classes: dict[str, ClassInfo], links: Links | None
) -> tuple[bool, str, str, tuple[Related, ...]] | None:
    """The default the class `cls` names declares for the field at `path` (`render.add_generation_prompt`), in this
    module or another: the default, the class, the path it is declared at, and its place in another module."""
    name = dotted_name(cls)
    if name is None:
        return None
    local = classes.get(name)
    if local is not None:
        found_here = _local_default(local, path.split("."), classes)
        return (found_here[0], name, found_here[1], ()) if found_here is not None else None
    found = links.resolve(cls) if links else None
    if found is None:
        return None
    summary, owner = found
    declared = summary.switch(owner, path)
    method, mark, key = path.rpartition(METHOD_MARK + ".")
    if declared is None and mark and summary.switch(owner, f"{method}{mark}{WHOLE_MAPPING}") is None:
        # (a method whose dict the module does not show: the field of the key's name)
        path = f"{method.rpartition('.')[0]}.{key}".lstrip(".")
        declared = summary.switch(owner, path)
    if declared is None:
        return None
    default, line = declared
    method, mark, key = path.partition(METHOD_MARK + ".")
    note = f"`{owner}.{method}()` gives `{key}={default}`" if mark else f"`{owner}.{path}` defaults to `{default}`"
    return default, owner, path, (Related(summary.path, line, note),)


def _local_default(cls: ClassInfo, path: list[str], classes: dict[str, ClassInfo]) -> tuple[bool, str] | None:
    """The default the class of the module declares for the field at `path`, with the path it is declared at (a
    method whose dict the code does not show hands on the field of the key's name)."""
    if len(path) == 2 and path[0].endswith(METHOD_MARK):
        read = method_switches(cls.node).get(path[0].removesuffix(METHOD_MARK))
        if read is None:
            return _local_default(cls, path[1:], classes)
        found = next((value for name, (value, _) in read[0] if name == path[1]), None)
        return (found, ".".join(path)) if found is not None else None
    if len(path) == 1:
        literal = bool_literal(declared_default(cls.fields.get(path[0])))
        return (literal, path[0]) if literal is not None else None
    mapping = (
        declared_mapping(cls.fields.get(path[0])) if len(path) == 2 and _MAPPING_FIELD.fullmatch(path[0]) else None
    )
    if mapping is not None:
        # a field of keywords for the template the class shows whole (see `_mapping_switches`)
        shown = True if path[1] == WHOLE_MAPPING else bool_literal(dict_key_value(mapping, path[1]))
        return (shown, ".".join(path)) if shown is not None else None
    statement = next(
        (node for node in cls.node.body if field_of(node)[0] == path[0]),
        None,
    )
    inner = classes.get(_nested_field(statement)[1] or "") if statement is not None else None
    nested = _local_default(inner, path[1:], classes) if inner is not None and inner is not cls else None
    return (nested[0], f"{path[0]}.{nested[1]}") if nested is not None else None
