"""Prompts a subclass renders for its base class of another module to measure.

A base class that drives the tokenization (`tokenize_row`) and leaves the render to its subclasses
(`render_prompt`, abstract there) masks the labels by the token length of what that method gives; its module's
summary says so (`MeasuredHook`). A subclass in this module that defines the method: the render it returns is a
prompt whose length masks labels, judged by CL003 as one masked in its own function is.
"""

from __future__ import annotations

import ast

from chatlint.facts.masking import LengthMask, carried_render
from chatlint.facts.model import FunctionInfo, TemplateCall, classes_of
from chatlint.facts.module import ModuleFacts
from chatlint.findings import Related


def hooked_masks(facts: ModuleFacts) -> list[LengthMask]:
    """The renders the module's classes return from a method their imported base class measures to mask labels."""
    links = facts.links
    if not links or not facts.template_calls:
        return []
    found = []
    for cls in classes_of(facts.functions).values():
        for base in cls.bases:
            resolved = links.resolve(base)
            if resolved is None:
                continue
            summary, symbol = resolved
            for hook in summary.measured_hooks_of(symbol):
                method = cls.methods.get(hook.hook)
                if method is None:
                    continue
                place = summary.place(hook.line)
                how = f"{hook.mask} in `{symbol}.{hook.method}` ({place}), which measures what `{hook.hook}` returns"
                note = f"`{symbol}.{hook.method}` masks the labels by the length of `self.{hook.hook}(...)`"
                related = (Related(summary.path, hook.line, note),)
                found += [LengthMask(render, method, render.call, how, related) for render in _returned(facts, method)]
    return found


def _returned(facts: ModuleFacts, method: FunctionInfo) -> list[TemplateCall]:
    """The renders `method` returns as they are (or the tokens of)."""
    renders = []
    for node in facts.scope_members(method.node):
        if isinstance(node, ast.Return) and node.value is not None:
            render = carried_render(facts, node.value, method)
            if render is not None and render not in renders:
                renders.append(render)
    return renders
