"""What libraries a module imports render or hand over, known by name: mlx-vlm's own chat-template functions
(`mlx_vlm.prompt_utils.apply_chat_template(processor, config, prompt)` renders the processor's template as text),
and lm-evaluation-harness's model classes, whose requests' contexts the harness builds with the model class's own
`apply_chat_template` when it runs with `--apply_chat_template` (`facts.rendered_text` reads both)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

# mlx-vlm's functions that render a processor's chat template as text, unless told otherwise (`tokenize=True`,
# `return_messages=True`; read in mlx-vlm 0.4.0 and 0.7.10, `prompt_utils.py`), and the modules that offer them
MLX_VLM_RENDERS = frozenset({"apply_chat_template", "get_chat_template"})
_MLX_VLM_MODULES = ("mlx_vlm", "mlx_vlm.prompt_utils")
# the model classes of lm-evaluation-harness a project's model class derives from (`lm_eval.api.model.LM`, ...)
HARNESS_MODELS = frozenset({"LM", "TemplateLM", "HFLM", "CachingLM"})


def mlx_vlm_renderers(module: ast.Module, text: str) -> frozenset[str]:
    """The names the module calls mlx-vlm's rendering functions by (`from mlx_vlm.prompt_utils import
    apply_chat_template`, `from mlx_vlm import apply_chat_template`, `mlx_vlm.apply_chat_template`)."""
    found: set[str] = set()
    for node in _imports(module) if "mlx_vlm" in text else ():
        if isinstance(node, ast.ImportFrom) and node.module in _MLX_VLM_MODULES:
            found.update(alias.asname or alias.name for alias in node.names if alias.name in MLX_VLM_RENDERS)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in _MLX_VLM_MODULES:
                    found.update(f"{alias.asname or alias.name}.{name}" for name in MLX_VLM_RENDERS)
    return frozenset(found)


def imports_harness(module: ast.Module, text: str) -> bool:
    """Does the module import lm-evaluation-harness (`from lm_eval.api.model import LM`, `import lm_eval`)?"""
    return "lm_eval" in text and any(
        (node.module or "").split(".")[0] == "lm_eval"
        if isinstance(node, ast.ImportFrom)
        else any(alias.name.split(".")[0] == "lm_eval" for alias in node.names)
        for node in _imports(module)
    )


def request_arguments(node: ast.expr) -> bool:
    """`request.args` / `request.arguments`: the arguments of an lm-evaluation-harness request (its `Instance`)."""
    return isinstance(node, ast.Attribute) and node.attr in ("args", "arguments") and isinstance(node.value, ast.Name)


def _imports(module: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement of the module, also those inside functions (`from mlx_vlm import generate` in a
    method)."""
    return (node for node in ast.walk(module) if isinstance(node, (ast.Import, ast.ImportFrom)))
