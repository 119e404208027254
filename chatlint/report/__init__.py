"""Reporters: one module per output format, each with `render(report, stream)`, all fed the same `Report`.

A new format is a module in this package with `render(report, stream)` and one line in `FORMATS`.
"""

from __future__ import annotations

import importlib

from chatlint.report.model import Renderer, Report

# The format's name (`--output-format`) and the module of this package that renders it, imported only when used.
FORMATS = {
    "text": "text",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "gitlab": "gitlab",
}
FORMAT_NAMES = tuple(FORMATS)


def renderer(name: str) -> Renderer:
    """The `render` function of the format called `name` (one of `FORMAT_NAMES`)."""
    render: Renderer = importlib.import_module(f"{__name__}.{FORMATS[name]}").render
    return render


__all__ = ["FORMATS", "FORMAT_NAMES", "Renderer", "Report", "renderer"]
