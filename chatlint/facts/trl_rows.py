"""trl's row renderers: `apply_chat_template(example, tokenizer)` and `maybe_apply_chat_template(...)` of `trl`
(`trl.data_utils`) return the example with its conversations rendered by the tokenizer's chat template, as text.

The whole conversation goes to `text` and the prompt to `prompt`: both start where the template starts, with its
BOS for templates that write one. `chosen`, `rejected` and `completion` hold what follows the prompt (in a row
without a prompt, `chosen` and `rejected` are renders of their own), so they are not counted.
"""

from __future__ import annotations

import ast

from chatlint.facts.model import TextOrigin

ROW_FUNCTIONS = frozenset({"apply_chat_template", "maybe_apply_chat_template"})
RENDERED_COLUMNS = ("text", "prompt")
_MODULES = frozenset({"trl", "trl.data_utils"})


def trl_row_functions(module: ast.Module) -> dict[str, str]:
    """The names this module calls trl's row renderers by (`maybe_apply_chat_template`, an alias,
    `trl.apply_chat_template`), each with trl's name for it. Imports at the top of the module and under its `if`
    and `try` blocks count; a tokenizer's `.apply_chat_template` method is never one of these names."""
    found: dict[str, str] = {}
    for node in _top_level(module.body):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in _MODULES:
            for alias in node.names:
                if alias.name in ROW_FUNCTIONS:
                    found[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in _MODULES:
                    prefix = alias.asname or alias.name
                    found.update({f"{prefix}.{name}": name for name in ROW_FUNCTIONS})
    return found


def trl_row_columns(trl_name: str, line: int) -> dict[str, TextOrigin]:
    """The columns of the rows trl's `trl_name` returns that hold a render, for a call (or `.map()`) at `line`."""
    render = f"trl's `{trl_name}(...)`, which renders the row's conversation as text (`tokenize=False`)"
    return {column: TextOrigin(render, line=line) for column in RENDERED_COLUMNS}


def _top_level(body: list[ast.stmt]) -> list[ast.stmt]:
    found: list[ast.stmt] = []
    for node in body:
        found.append(node)
        if isinstance(node, ast.If):
            found += _top_level(node.body) + _top_level(node.orelse)
        elif isinstance(node, ast.Try):
            found += _top_level(node.body) + _top_level(node.orelse)
            for handler in node.handlers:
                found += _top_level(handler.body)
    return found
