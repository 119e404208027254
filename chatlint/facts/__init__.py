"""What a module says about chat templates, computed once per file and shared by every rule.

`build_facts(module)` walks the tree once (`index`), then answers for each template call: what is rendered
(`shapes`), with which flags (`flags`), through which route (`calls`) and where the result goes (`uses`).
"""

from __future__ import annotations

from chatlint.facts.model import (
    ClassInfo,
    Flag,
    FlagSource,
    FunctionInfo,
    Route,
    Shape,
    ShapeKind,
    SpreadSource,
    TemplateCall,
)
from chatlint.facts.module import ModuleFacts, build_facts
from chatlint.facts.syntax import SourceText

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
    "SpreadSource",
    "TemplateCall",
    "build_facts",
]
