"""Rows that pair a rendered prompt with what is trained after it: `{"prompt": ..., "chosen": ..., "rejected": ...}`.

Preference and prompt-completion trainers (trl's DPO, ORPO, CPO, KTO, and SFT on prompt-completion data) take a
row whose `prompt` is the context the model conditions on and whose `chosen` / `rejected` / `completion` is what is
trained or scored. When the prompt is a chat render, where it stops decides where the completion starts. This
module finds, inside one function, each template call whose text becomes the `prompt` of such a row:
- a dict display or `dict(...)` call with a `"prompt"` key and a completion key (`{"prompt": render(...),
  "chosen": ...}`), or with columns of many rows (`{"prompt": prompts, ...}`, `prompts` a list of renders);
- item assignments on one row (`row["prompt"] = render(...)` on a row that also gets or has `row["chosen"]`);
the value followed through local names (every binding that may reach the load), `row["key"]` stores,
`typing.cast`, conditional expressions, and helpers of the module that return a render. A concatenation
(`render(...) + header`) stops the flow on purpose: the code adds something after the render itself.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import NamedTuple

from chatlint.facts.flow import MAX_RESOLUTION_DEPTH, FunctionFlow, function_flow
from chatlint.facts.model import FunctionInfo, TemplateCall
from chatlint.facts.module import ModuleFacts
from chatlint.facts.syntax import cast_value, code, dotted_name, first_argument, string_value

PROMPT_KEY = "prompt"
# the keys of what is trained or scored after the prompt, in trl's dataset formats
COMPLETION_KEYS = ("chosen", "rejected", "completion")


class PromptRow(NamedTuple):
    """The text of `render` is the `prompt` of a row with completion `keys`, built at `node` in `function`."""

    render: TemplateCall
    function: FunctionInfo  # where the row is built
    node: ast.AST  # the dict display (or `dict(...)` call), or the `row["prompt"] = ...` statement
    keys: tuple[str, ...]  # the row's completion keys, in `COMPLETION_KEYS` order
    name: str = ""  # the row's name when the display is assigned to it and its other keys are set later
    columns: bool = False  # the display holds columns of many rows: the render is an item of the `prompt` list

    @property
    def role(self) -> str:
        return "a `prompt` in" if self.columns else "the `prompt` of"

    @property
    def how(self) -> str:
        """The row in words: "the row `{"prompt": ..., "chosen": ..., "rejected": ...}`", or "`row["prompt"] = ...`
        on a row with `chosen`, `rejected`"."""
        if not isinstance(self.node, ast.Assign) and not self.name:
            entries = ", ".join(f'"{key}": ...' for key in (PROMPT_KEY, *self.keys))
            return f"the columns `{{{entries}}}`" if self.columns else f"the row `{{{entries}}}`"
        keys = ", ".join(f"`{key}`" for key in self.keys)
        if self.name:
            return f'`{self.name} = {{"prompt": ...}}` on a row with {keys}'
        target = self.node.targets[0] if isinstance(self.node, ast.Assign) else self.node
        return f"`{code(target)} = ...` on a row with {keys}"


def prompt_rows(facts: ModuleFacts) -> list[PromptRow]:
    """Every template call whose result is the `prompt` of a row that also holds `chosen`/`rejected`/`completion`."""
    if not facts.template_calls:
        return []
    finder = _RowFinder(facts)
    found: list[PromptRow] = []
    seen: set[tuple[int, int]] = set()
    for function in facts.functions:
        for row in finder.rows_in(function):
            key = (id(row.render), id(row.node))
            if key not in seen:
                seen.add(key)
                found.append(row)
    return found


class _RowFinder:
    def __init__(self, facts: ModuleFacts) -> None:
        self.facts = facts
        self.renders = {id(call.call): call for call in facts.template_calls}
        self._busy: set[int] = set()  # helpers being followed: guards against recursion

    def flow(self, function: FunctionInfo) -> FunctionFlow:
        return function_flow(function, self.facts.flows)

    def rows_in(self, function: FunctionInfo) -> Iterator[PromptRow]:
        members = self.facts.scope_members(function.node)
        for node in members:
            entries = _row_entries(node)
            if entries is not None:
                prompt = entries.get(PROMPT_KEY)
                if prompt is None:
                    continue
                completion, named = _completion_keys(entries), ""
                parent = self.facts.ancestors(node)[-1:]
                if not completion and parent and isinstance(parent[0], ast.Assign) and len(parent[0].targets) == 1:
                    # `row = {"prompt": ...}` and then `row["chosen"] = ...`
                    named = dotted_name(parent[0].targets[0]) or ""
                    completion = _completion_keys(self._row_keys(named, function, members)) if named else ()
                if completion:
                    # a row, or the columns of many (`Dataset.from_dict({"prompt": prompts, ...})`)
                    for render in self.renders_of(prompt, function, 0):
                        yield PromptRow(render, function, node, completion, named)
                    for render in self.renders_in(prompt, function, 0):
                        yield PromptRow(render, function, node, completion, named, columns=True)
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if not (isinstance(target, ast.Subscript) and string_value(target.slice) == PROMPT_KEY):
                    continue
                row = dotted_name(target.value)
                completion = _completion_keys(self._row_keys(row, function, members)) if row else ()
                if completion:
                    for render in self.renders_of(node.value, function, 0):
                        yield PromptRow(render, function, node, completion)

    def _row_keys(self, row: str, function: FunctionInfo, members: list[ast.AST]) -> set[str]:
        """The keys a row named `row` is given in the function (`row["chosen"] = ...`, `row = {...}`), and, for a
        row handed in (a parameter: a dataset row), the keys the function reads from it."""
        keys = {key for base, key in self.flow(function).items if base == row}
        if row in function.params:
            for node in members:
                if isinstance(node, ast.Subscript) and dotted_name(node.value) == row:
                    key = string_value(node.slice)
                    if key is not None:
                        keys.add(key)
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
                    if dotted_name(node.func.value) == row:
                        key = string_value(first_argument(node))
                        if key is not None:
                            keys.add(key)
        return keys

    def renders_of(self, expr: ast.expr, function: FunctionInfo, depth: int) -> list[TemplateCall]:
        """The template calls whose result `expr` may be, unchanged (on any path that reaches it)."""
        if depth > MAX_RESOLUTION_DEPTH:
            return []
        if isinstance(expr, ast.Call):
            return self._renders_of_call(expr, function, depth)
        if isinstance(expr, ast.Name):
            found: list[TemplateCall] = []
            for binding in self.flow(function).reaching(expr.id, expr):
                if binding.kind == "assign" and binding.value is not None:
                    found.extend(self.renders_of(binding.value, function, depth + 1))
            return found
        if isinstance(expr, ast.Subscript):
            # `row["prompt"]` after `row["prompt"] = render(...)`
            base, key = dotted_name(expr.value), string_value(expr.slice)
            if base is None or key is None:
                return []
            stored = self.flow(function).items.get((base, key), [])
            return [render for value in stored for render in self.renders_of(value, function, depth + 1)]
        if isinstance(expr, ast.IfExp):
            return [
                *self.renders_of(expr.body, function, depth + 1),
                *self.renders_of(expr.orelse, function, depth + 1),
            ]
        return []

    def renders_in(self, expr: ast.expr, function: FunctionInfo, depth: int) -> list[TemplateCall]:
        """The template calls whose results the items of the list `expr` may be: `[render(c[:-1]) for c in convs]`,
        a name assigned one, or a list filled with `.append(render(...))` / `.extend([...])` in the function."""
        if depth > MAX_RESOLUTION_DEPTH:
            return []
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp)):
            return self.renders_of(expr.elt, function, depth + 1)
        if not isinstance(expr, ast.Name):
            return []
        found: list[TemplateCall] = []
        for binding in self.flow(function).reaching(expr.id, expr):
            if binding.kind == "assign" and binding.value is not None:
                found.extend(self.renders_in(binding.value, function, depth + 1))
        for kind, value in function.mutations.get(expr.id, ()):
            follow = self.renders_of if kind == "append" else self.renders_in
            found.extend(follow(value, function, depth + 1))
        return found

    def _renders_of_call(self, call: ast.Call, function: FunctionInfo, depth: int) -> list[TemplateCall]:
        render = self.renders.get(id(call))
        if render is not None:
            return [render]
        cast = cast_value(call)
        if cast is not None:
            return self.renders_of(cast, function, depth + 1)
        helper = self._helper(call, function)
        if helper is None or id(helper) in self._busy:
            return []
        self._busy.add(id(helper))
        try:
            return [
                render for value in self.flow(helper).returns for render in self.renders_of(value, helper, depth + 1)
            ]
        finally:
            self._busy.discard(id(helper))

    def _helper(self, call: ast.Call, function: FunctionInfo) -> FunctionInfo | None:
        """The function of this module that `call` calls: a module function by name, or a method on `self`."""
        func = call.func
        if isinstance(func, ast.Name):
            matches = [
                candidate
                for candidate in self.facts.functions
                if candidate.name == func.id and candidate.cls is None and not candidate.is_module
            ]
            return matches[0] if len(matches) == 1 else None
        if isinstance(func, ast.Attribute) and dotted_name(func.value) == "self" and function.self_class is not None:
            return function.self_class.methods.get(func.attr)
        return None


def _row_entries(node: ast.AST) -> dict[str | None, ast.expr] | None:
    """The string keys and values of a dict display or a `dict(key=value, ...)` call; None for anything else."""
    if isinstance(node, ast.Dict):
        return {string_value(key): value for key, value in zip(node.keys, node.values) if key is not None}
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict" and not node.args:
        return {item.arg: item.value for item in node.keywords if item.arg is not None}
    return None


def _completion_keys(keys: dict[str | None, ast.expr] | set[str]) -> tuple[str, ...]:
    return tuple(key for key in COMPLETION_KEYS if key in keys)
