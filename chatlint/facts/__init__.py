"""What a module says about chat templates, computed once per file and shared by every rule.

`build_facts(module)` walks the tree once (`index`), then answers for each template call: what is rendered
(`shapes`), with which flags (`flags`), through which route (`calls`) and where the result goes (`uses`).
"""

from __future__ import annotations

import ast

from chatlint.facts.calls import collect_template_calls
from chatlint.facts.flow import FunctionFlow
from chatlint.facts.index import build_index
from chatlint.facts.model import (
    CallSite,
    ClassInfo,
    Flag,
    FlagSource,
    FunctionInfo,
    ModuleFacts,
    Route,
    Shape,
    ShapeKind,
    TemplateCall,
)
from chatlint.facts.shapes import ShapeResolver
from chatlint.facts.syntax import SourceText, called_name
from chatlint.facts.tokenizer_calls import collect_tokenizer_calls
from chatlint.facts.uses import list_like_uses, result_name, result_uses

__all__ = [
    "ClassInfo",
    "Flag",
    "FlagSource",
    "FunctionInfo",
    "ModuleFacts",
    "Route",
    "Shape",
    "ShapeKind",
    "SourceText",
    "TemplateCall",
    "build_facts",
]


def build_facts(
    module: ast.Module, source: SourceText, path: str = "<string>", path_hint: str | None = None
) -> ModuleFacts:
    """The facts of one parsed module. Call it (and run the rules on its result) inside `syntax.reading(source)`."""
    index = build_index(module)
    resolver = ShapeResolver(index.order)
    template_calls = collect_template_calls(resolver, index.functions, index.calls)
    for template_call in template_calls:
        template_call.uses = result_uses(
            template_call.call, template_call.ancestors, template_call.function, index.order
        )
        template_call.result_name = result_name(template_call.call, template_call.ancestors)
    flows: dict[int, FunctionFlow] = {}
    call_sites: dict[str, list[CallSite]] = {}
    for site in index.calls:
        call_sites.setdefault(called_name(site[0]), []).append(site)
    for template_call in template_calls:
        if not template_call.through_wrapper:
            template_call.list_uses = list_like_uses(
                template_call.call, template_call.ancestors, template_call.function, flows, call_sites
            )
    tokenizer_calls, split_tokenizations = collect_tokenizer_calls(
        index.functions, index.calls, template_calls, flows
    )
    return ModuleFacts(
        path=path,
        module=module,
        source=source,
        functions=index.functions,
        classes=index.classes,
        template_calls=template_calls,
        calls=index.calls,
        order=index.order,
        parents=index.parents,
        scope_members=index.scope_members,
        path_hint=path_hint,
        tokenizer_calls=tokenizer_calls,
        split_tokenizations=split_tokenizations,
    )
