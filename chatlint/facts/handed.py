"""Instances of imported rendering classes that a module hands to a function or class of another module.

`train.py` builds `builder = PromptBuilder(tok)` (a class of `prompting.py` whose methods render) and hands it to
`SFTDataset(records, builder)` (a class of `dataset.py`, whose `__init__` keeps it as `self.builder` without an
annotation). `dataset.py` alone cannot know what `self.builder.prompt(...)` renders; the project step tells it:
the parameter `builder` of `SFTDataset.__init__` gets an instance of `PromptBuilder`, as if it were annotated so
(`Links.param_classes`, applied by `annotate_handed_parameters`). Only the calls of the module's own text are read,
by the names it binds; nothing of the other modules but their summaries.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from chatlint.facts.datasets import literal_keywords
from chatlint.facts.model import FunctionInfo, Related
from chatlint.facts.syntax import bool_literal, bound_argument, dotted_name, is_partial, keyword_value, own_nodes


class HandedInstance(NamedTuple):
    callee: str  # the function or class called, as the module names it (`SFTDataset`, `data.SFTDataset`)
    param: str  # the keyword it is passed by, or `#i` for the i-th positional argument
    cls: str  # the rendering class it is an instance of, as the module names it


def handed_instances(module: ast.Module, classes: frozenset[str]) -> list[HandedInstance]:
    """The instances of `classes` (names the module binds to imported classes with rendering methods, or to
    registries of them) the module hands to a call of another name: built in the call (`SFTDataset(rows, PromptBuilder(tok))`) or assigned once
    in the same function (`builder = PromptBuilder(tok)`, then `SFTDataset(rows, builder)`)."""
    found: dict[HandedInstance, None] = {}
    scopes: list[ast.AST] = [module]
    scopes += [node for node in ast.walk(module) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for scope in scopes:
        built: dict[str, str] = {}
        assigned: dict[str, int] = {}
        calls: list[ast.Call] = []
        for node in own_nodes(scope):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned[target.id] = assigned.get(target.id, 0) + 1
                        cls = _built_class(node.value, classes)
                        if cls is not None:
                            built[target.id] = cls
            elif isinstance(node, ast.Call):
                calls.append(node)
        instances = {name: cls for name, cls in built.items() if assigned.get(name) == 1}
        for call in calls:
            callee = dotted_name(call.func)
            given = call.args
            keywords = [(item.arg, item.value) for item in call.keywords if item.arg is not None]
            if is_partial(call) and call.args:
                # `functools.partial(build_pair, encoder=encoder)`: what the partial binds, `build_pair` gets
                callee, given = dotted_name(call.args[0]), call.args[1:]
            elif isinstance(call.func, ast.Attribute) and call.func.attr == "map" and call.args:
                # `ds.map(pairwise_features, fn_kwargs={"renderer": renderer})`: the keywords the function gets
                callee, given = dotted_name(call.args[0]), []
                keywords = list(literal_keywords(keyword_value(call, "fn_kwargs")).items())
            if callee is None or callee in classes:
                continue
            arguments = [(f"#{index}", value) for index, value in enumerate(given)]
            if any(isinstance(value, ast.Starred) for value in given):
                arguments = []  # which positions they fill is not known
            arguments += keywords
            for param, value in arguments:
                cls = _built_class(value, classes)
                if cls is None and isinstance(value, ast.Name):
                    cls = instances.get(value.id)
                if cls is not None:
                    found.setdefault(HandedInstance(callee, param, cls))
    return list(found)


class Construction(NamedTuple):
    callee: str  # the class, as the module names it (`VisionChatCollator`, `collate.VisionChatCollator`)
    param: str  # the constructor's parameter
    value: bool  # the literal the call passes for it (or the default of the configuration field it passes)
    argument: ast.expr  # where it passes it
    line: int
    related: tuple[Related, ...] = ()  # the configuration field's default, when it is declared in another module


ConfiguredValue = Callable[[str, ast.expr, ast.Call], tuple[bool, tuple[Related, ...]] | None]


def constructions(
    calls: Iterable[ast.Call],
    switches: Mapping[str, Sequence[tuple[str, Sequence[str]]]],
    configured: ConfiguredValue | None = None,
) -> list[Construction]:
    """The literal values `calls` pass for the constructor parameters `switches` names (class name -> its
    parameters a render's flag comes from, each with the constructor's parameters in order), by position or keyword:
    `VisionChatCollator(processor, 1024, True)`. `configured` reads an argument that is a configuration's field
    (`add_generation_prompt=cfg.add_generation_prompt`): (the parameter, the argument, the call) -> the default
    the field's class declares, with its place."""
    found = []
    for call in calls:
        callee = dotted_name(call.func)
        if callee is None:
            continue
        for param, params in switches.get(callee.rsplit(".", 1)[-1], ()):
            argument = bound_argument(call, list(params), param)
            value = bool_literal(argument)
            if argument is not None and value is not None:
                found.append(Construction(callee, param, value, argument, call.lineno))
            elif isinstance(argument, ast.Attribute) and configured is not None:
                declared = configured(param, argument, call)
                if declared is not None:
                    found.append(Construction(callee, param, declared[0], argument, call.lineno, declared[1]))
    return found


def may_pass(call: ast.Call, params: Sequence[str], parameter: str) -> bool:
    """Does a construction pass the constructor's `parameter` (by keyword or place: `params` in order), or may it
    (a call that spreads `*args` or `**kwargs` may pass anything)?"""
    return (
        bound_argument(call, list(params), parameter) is not None
        or any(isinstance(item, ast.Starred) for item in call.args)
        or any(item.arg is None for item in call.keywords)
    )


def annotate_handed_parameters(functions: list[FunctionInfo], param_classes: dict[tuple[str, str], str]) -> None:
    """Give the parameters the project step found handed an instance of a rendering class (`(owner, param)` ->
    the name `Links` binds the class to) that class as their annotation, where they have none: the function
    itself (`owner`), or the `__init__` of the class `owner`."""
    for function in functions:
        for (owner, key), bound in param_classes.items():
            if not bound or function.qualname not in (owner, f"{owner}.__init__"):
                continue
            params = function.call_params
            if key.startswith("#"):
                index = int(key[1:])
                name = params[index] if index < len(params) else ""
            else:
                name = key
            param = function.params.get(name)
            if param is not None and param.annotation is None:
                function.params[name] = param._replace(annotation=ast.Name(id=bound, ctx=ast.Load()))


def _built_class(value: ast.expr, classes: frozenset[str]) -> str | None:
    """The name in `classes` a call builds an instance of: `ChatFormatter(tok)`, or through a registry of
    rendering classes, `TEMPLATES[name](tok)` (the registry's name)."""
    if isinstance(value, ast.Call):
        func = value.func.value if isinstance(value.func, ast.Subscript) else value.func
        name = dotted_name(func)
        if name in classes:
            return name
    return None
