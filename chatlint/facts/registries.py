"""Registries of classes: a module-level dict whose values are classes, called through a key.

`TEMPLATES = {"chat": ChatTemplate, "plain": PlainTemplate}`, then `template = TEMPLATES[name](tokenizer)`: which
class the key picks is known only at run time, but when one of the classes is a base of all the others (they are
its subclasses in the module), every instance is one of that class, and what a method it does not see overridden
renders is what the base's method renders. A registry whose classes share no base among them stays unknown.
"""

from __future__ import annotations

import ast

from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import dotted_name


def registry_class(func: ast.expr, function: FunctionInfo) -> ast.Name | None:
    """The class a call through a registry builds an instance of (`TEMPLATES[name](tok)` -> `ChatTemplate`),
    when `TEMPLATES` is a dict the module assigns once at its top level (see the module docstring)."""
    if not isinstance(func, ast.Subscript) or not isinstance(func.value, ast.Name):
        return None
    scope: FunctionInfo | None = function
    while scope is not None and not scope.is_module:
        if func.value.id in scope.assignments or func.value.id in scope.params:
            return None  # a local name, not the module's registry
        scope = scope.outer
    if scope is None or not isinstance(scope.node, ast.Module):
        return None
    base = module_registries(scope.node).get(func.value.id)
    return ast.Name(id=base, ctx=ast.Load()) if base is not None else None


def module_registries(module: ast.Module) -> dict[str, str]:
    """The registries of classes a module assigns once at its top level: name -> the class all its values are (a
    subclass of, in the module)."""
    bases: dict[str, list[str]] = {}
    values: dict[str, ast.expr | None] = {}
    for statement in module.body:
        if isinstance(statement, ast.ClassDef):
            bases[statement.name] = [name for base in statement.bases if (name := dotted_name(base)) is not None]
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
        classes = [dotted_name(item) for item in value.values]
        if None in classes:
            continue
        base = _common_base([item for item in classes if item is not None], bases)
        if base is not None:
            found[name] = base
    return found


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
