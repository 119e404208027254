"""Instances built without naming their class at the call: through a registry, or by a factory function.

A registry is a module-level dict whose values are classes, called through a key: `TEMPLATES = {"chat":
ChatTemplate, "plain": PlainTemplate}`, then `template = TEMPLATES[name](tokenizer)`. Which class the key picks is
known only at run time, but when one of the classes is a base of all the others (they are its subclasses in the
module), every instance is one of that class, and what a method it does not see overridden renders is what the
base's method renders, when the subclasses override no method but `__init__`. A registry whose classes share no
base among them, or whose subclasses override a method (which one renders depends on the key), stays unknown.

A factory is a module-level function annotated to return a class (`def make_prompt_builder(cfg) -> PromptBuilder`):
what a call of it builds is an instance of that class. So is an alternative constructor, a classmethod of a class of
the module that returns `cls(...)` or is annotated to return the class (`Prompt.build(tok, messages)`).
"""

from __future__ import annotations

import ast
import functools
import re

from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import dotted_name, is_classmethod, string_value


def factory_class(func: ast.expr, function: FunctionInfo) -> ast.expr | None:
    """The class a call of a factory of the module returns an instance of (`make_prompt_builder(cfg)` with `def
    make_prompt_builder(cfg) -> PromptBuilder`), as the module names it; or the registry a factory builds it through
    (`get_backend(kind, name)` returning `BACKENDS[kind](name)`: the name `BACKENDS`, see `registry_classes`)."""
    module = _module_of(function, func.id) if isinstance(func, ast.Name) else None
    if module is None or not isinstance(func, ast.Name):
        return None
    cls = module_factories(module).get(func.id) or registry_factories(module).get(func.id)
    return ast.Name(id=cls, ctx=ast.Load()) if cls is not None else None


def registry_classes(name: str, function: FunctionInfo) -> tuple[str, ...]:
    """The classes of the module's registry `name` (`registry_members`), one of which an instance built through it
    is; none when `name` is no such registry of the module `function` is in."""
    module = _module_of(function, name)
    return registry_members(module).get(name, ()) if module is not None else ()


def constructor_class(func: ast.expr, function: FunctionInfo) -> ast.Name | None:
    """The class whose alternative constructor a call calls (`Prompt.build(...)`, see the module docstring)."""
    if not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name):
        return None
    module = _module_of(function)
    cls = func.value.id
    for statement in module.body if module is not None else ():
        if isinstance(statement, ast.ClassDef) and statement.name == cls:
            method = next(
                (item for item in statement.body if isinstance(item, ast.FunctionDef) and item.name == func.attr), None
            )
            return ast.Name(id=cls, ctx=ast.Load()) if method is not None and _constructs(method, cls) else None
    # a class of another module, named in CapWords, and a `from_*` constructor (`ToolSFTConfig.from_yaml(path)`);
    # not a transformers `Auto*` class, nor `from_pretrained`, whose instances are of other classes
    if _ALTERNATIVE_CONSTRUCTOR.fullmatch(func.attr) and cls[:1].isupper() and not cls.startswith("Auto"):
        return ast.Name(id=cls, ctx=ast.Load())
    return None


_ALTERNATIVE_CONSTRUCTOR = re.compile(r"from_(?!pretrained$)\w+")


def _constructs(method: ast.FunctionDef, cls: str) -> bool:
    if not is_classmethod(method):
        return False
    returns = method.returns
    if (
        returns is not None
        and (string_value(returns) if isinstance(returns, ast.Constant) else dotted_name(returns)) == cls
    ):
        return True
    return any(
        isinstance(node, ast.Return)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
        and node.value.func.id == "cls"
        for node in ast.walk(method)
    )


@functools.lru_cache(maxsize=4)  # (the module being read, asked for each call through it)
def module_factories(module: ast.Module) -> dict[str, str]:
    """The module-level functions annotated to return one class (`-> PromptBuilder`, `-> "PromptBuilder"`): name
    -> the class's name in the module (CapWords, not a builtin type or a container)."""
    found = {}
    for statement in module.body:
        if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) or statement.returns is None:
            continue
        returns = statement.returns
        name = string_value(returns) if isinstance(returns, ast.Constant) else dotted_name(returns)
        if name is not None and name.isidentifier() and _names_a_class(name):
            found[statement.name] = name
    return found


# `def make_builder(cfg: Config) -> PromptBuilder:` at the start of a line, its parameters over lines, one level of
# parentheses inside them
_FACTORY = re.compile(
    r"(?m)^(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\((?:[^()]|\([^()]*\))*\)\s*->\s*[\"']?([A-Z]\w*)[\"']?\s*:"
)


def factories_in_text(text: str) -> tuple[tuple[str, str], ...]:
    """`module_factories` read from a module's text without parsing it (for a module read only for its imports)."""
    if "->" not in text:
        return ()
    found = {match[1]: match[2] for match in _FACTORY.finditer(text) if _names_a_class(match[2])}
    return tuple(sorted(found.items()))


# `class Qwen3Renderer(PromptRenderer):`, `class Qwen3Renderer(base.PromptRenderer, Mixin):` at the start of a line
_SUBCLASS = re.compile(r"(?m)^class[ \t]+(\w+)[ \t]*\(\s*([A-Za-z_][\w.]*)\s*[,)]")


def subclasses_in_text(text: str) -> tuple[tuple[str, str], ...]:
    """The module's classes with their first base as the module writes it (`(Qwen3Renderer, PromptRenderer)`), read
    from its text without parsing it: a class of another module may be where an importer's instance gets its
    methods."""
    if "class " not in text:
        return ()
    found = {match[1]: match[2] for match in _SUBCLASS.finditer(text) if _names_a_class(match[2].rsplit(".", 1)[-1])}
    return tuple(sorted(found.items()))


_NOT_CLASSES = frozenset({"Any", "List", "Dict", "Tuple", "Optional", "Union", "Iterator", "Iterable", "Sequence"})


def _names_a_class(name: str) -> bool:
    """CapWords, not a constant's name, not a typing container."""
    return name[:1].isupper() and not name.isupper() and name not in _NOT_CLASSES


def registry_class(func: ast.expr, function: FunctionInfo) -> ast.Name | None:
    """The class a call through a registry builds an instance of (`TEMPLATES[name](tok)` -> `ChatTemplate`),
    when `TEMPLATES` is a dict the module assigns once at its top level (see the module docstring)."""
    if not isinstance(func, ast.Subscript) or not isinstance(func.value, ast.Name):
        return None
    module = _module_of(function, func.value.id)
    base = module_registries(module).get(func.value.id) if module is not None else None
    return ast.Name(id=base, ctx=ast.Load()) if base is not None else None


def _module_of(function: FunctionInfo, name: str | None = None) -> ast.Module | None:
    """The module `function` is in; None when `name` is a local name or parameter of it or of a function around it
    (not the module's)."""
    scope: FunctionInfo | None = function
    while scope is not None and not scope.is_module:
        if name is not None and (name in scope.assignments or name in scope.params):
            return None
        scope = scope.outer
    return scope.node if scope is not None and isinstance(scope.node, ast.Module) else None


@functools.lru_cache(maxsize=4)
def module_registries(module: ast.Module) -> dict[str, str]:
    """The registries of classes a module assigns once at its top level: name -> the class all its values are (a
    subclass of, in the module)."""
    bases: dict[str, list[str]] = {}
    overrides: set[str] = set()  # the classes that define a method other than `__init__`
    for statement in module.body:
        if isinstance(statement, ast.ClassDef):
            bases[statement.name] = [name for base in statement.bases if (name := dotted_name(base)) is not None]
            if any(
                isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name != "__init__"
                for item in statement.body
            ):
                overrides.add(statement.name)
    found = {}
    for name, classes in name_dicts(module).items():
        base = _common_base(list(classes), bases)
        if base is not None and not any(item != base and item in overrides for item in classes):
            found[name] = base
    return found


@functools.lru_cache(maxsize=4)
def registry_members(module: ast.Module) -> dict[str, tuple[str, ...]]:
    """The registries of classes a module assigns once at its top level whose values are all classes the module
    defines, whatever their bases: name -> the classes (`BACKENDS = {"hf": HFBackend, "echo": EchoBackend}`). Which
    one a key picks is known only at run time: what one of them does to what it is given, some runs do."""
    defined = {statement.name for statement in module.body if isinstance(statement, ast.ClassDef)}
    return {name: classes for name, classes in name_dicts(module).items() if defined.issuperset(classes)}


def registry_factories(module: ast.Module) -> dict[str, str]:
    """The module-level functions that build their instance through a registry of `registry_members` (`def
    get_backend(kind, name): return BACKENDS[kind](name)`): name -> the registry's name."""
    registries = registry_members(module)
    found = {}
    for statement in module.body if registries else ():
        if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        returned = {
            dotted_name(node.value.func.value)
            if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Subscript)
            else None
            for node in ast.walk(statement)
            if isinstance(node, ast.Return) and node.value is not None
        }
        registry = returned.pop() if len(returned) == 1 else None
        if registry is not None and registry in registries:
            found[statement.name] = registry
    return found


def decorated_registry_factories(module: ast.Module) -> dict[str, str]:
    """The module-level functions that give a class (or an instance of one) of a registry that a decorator of the
    module fills, wherever the classes are (`@register("vllm")` on a class of another module, with `def
    register(name)` storing it in `_REGISTRY[name]`; then `def get_backend(name): return _REGISTRY[name]`, or
    `return _REGISTRY[name](cfg)`): name -> the decorator's name; and the registries themselves, for a module that
    imports one and builds through it (`FORMATTERS[style](model)`). The classes are found by the project step, in
    the modules that use the decorator."""
    decorators = _registry_decorators(module)
    found = {}
    for function in module.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function.name in decorators.values():
            continue
        for node in ast.walk(function):
            value = node.value if isinstance(node, ast.Return) else None
            value = value.func if isinstance(value, ast.Call) and isinstance(value.func, ast.Subscript) else value
            if isinstance(value, ast.Subscript) and dotted_name(value.value) in decorators:
                found[function.name] = decorators[dotted_name(value.value) or ""]
    return {**decorators, **found}


@functools.lru_cache(maxsize=4)
def _registry_decorators(module: ast.Module) -> dict[str, str]:
    """The empty dicts a module assigns at its top level that one of its functions stores what it is given in (`def
    register(name)` storing `fn` in `_REGISTRY[name]`, as a decorator does): registry -> that function."""
    dicts = {
        target.id
        for statement in module.body
        if isinstance(statement, (ast.Assign, ast.AnnAssign))
        and isinstance(statement.value, (ast.Dict, ast.Call))
        and (not isinstance(statement.value, ast.Call) or dotted_name(statement.value.func) == "dict")
        and not (isinstance(statement.value, ast.Dict) and statement.value.keys)
        for target in (statement.targets if isinstance(statement, ast.Assign) else [statement.target])
        if isinstance(target, ast.Name)
    }
    functions = [
        statement for statement in module.body if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    decorators: dict[str, str] = {}  # registry -> the decorator that stores classes in it
    for function in functions:
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
                for target in node.targets:
                    if isinstance(target, ast.Subscript) and dotted_name(target.value) in dicts:
                        decorators.setdefault(dotted_name(target.value) or "", function.name)
    return decorators


def registry_names(module: ast.Module) -> tuple[str, ...]:
    """The module's top-level dicts that may hold its functions (see `registry_functions`): those whose values are
    all names, and those a decorator of the module fills."""
    return tuple(dict.fromkeys([*name_dicts(module), *_registry_decorators(module)]))


def registry_functions(name: str, function: FunctionInfo, position: int | None = None) -> tuple[str, ...]:
    """The functions that the registry `name` of the module (of `function`) holds, one of which an item of it is
    (`FORMATTERS[cfg.formatter]`): the values of a dict of function names it assigns once at its top level (the
    module's functions, or functions of a module it imports: `formatters.chat_text`), or the functions it decorates
    with the decorator that fills the registry (`@register_formatter("chat")`). Which one a key picks is known only
    at run time. With `position`, the dict's values are tuples and the function is the item at that place of one
    (`formatter, hub_path = DATASETS[cfg.dataset]` with `DATASETS = {"chat": (chat_text, "org/data")}`)."""
    module = _module_of(function, name)
    if module is None:
        return ()
    functions = {
        statement.name: statement
        for statement in module.body
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    listed = name_dicts(module, position).get(name)
    if listed is not None:
        imported = _imported_modules(module)
        return listed if all(item in functions or item.split(".")[0] in imported for item in listed) else ()
    if position is not None:
        return ()
    decorator = _registry_decorators(module).get(name)
    return tuple(
        statement.name
        for statement in functions.values()
        if decorator is not None
        and any(
            dotted_name(item.func if isinstance(item, ast.Call) else item) == decorator
            for item in statement.decorator_list
        )
    )


def _imported_modules(module: ast.Module) -> set[str]:
    """The names the module's top-level imports bind to modules, or to what may be one (`from . import
    formatters`, `import formatters`)."""
    return {
        (alias.asname or alias.name).split(".")[0]
        for statement in module.body
        if isinstance(statement, (ast.Import, ast.ImportFrom))
        for alias in statement.names
    }


def name_dicts(module: ast.Module, position: int | None = None) -> dict[str, tuple[str, ...]]:
    """The dicts a module assigns once at its top level whose values are all names (of classes or functions, in a
    registry), or with `position`, all tuples with a name at that place: name -> the names as written."""
    values: dict[str, ast.expr | None] = {}
    for statement in module.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        for target in targets:
            if isinstance(target, ast.Name):
                values[target.id] = value if target.id not in values else None  # (assigned twice: unknown)
    found = {}
    for name, value in values.items():
        if not isinstance(value, ast.Dict) or not value.values or None in value.keys:
            continue
        items = value.values if position is None else [_item_at(item, position) for item in value.values]
        classes = [dotted_name(item) if item is not None else None for item in items]
        if all(item is not None for item in classes):
            found[name] = tuple(item for item in classes if item is not None)
    return found


def _item_at(value: ast.expr, position: int) -> ast.expr | None:
    return (
        value.elts[position]
        if isinstance(value, ast.Tuple) and -len(value.elts) <= position < len(value.elts)
        else None
    )


def _common_base(classes: list[str], bases: dict[str, list[str]]) -> str | None:
    """The one of `classes` every other is (a subclass of, through the module's class definitions)."""
    for candidate in dict.fromkeys(classes):
        if all(_inherits(item, candidate, bases, 0) for item in classes):
            return candidate
    return None


def _inherits(cls: str, base: str, bases: dict[str, list[str]], depth: int) -> bool:
    if cls == base:
        return True
    if depth > 8:
        return False
    return any(_inherits(parent, base, bases, depth + 1) for parent in bases.get(cls, ()))
