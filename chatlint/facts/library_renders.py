"""What libraries a module imports render or hand over, known by name: mlx-vlm's own chat-template functions
(`mlx_vlm.prompt_utils.apply_chat_template(processor, config, prompt)` renders the processor's template as text, not
a tokenizer's method: `facts.calls` leaves it out, `facts.rendered_text` reads it), and lm-evaluation-harness's
model classes, whose requests' contexts the harness builds with the model class's own `apply_chat_template` when it
runs with `--apply_chat_template` (`facts.rendered_text`). Read from the module's imports (`summary.imports_of`,
those inside functions too)."""

from __future__ import annotations

import ast
from collections.abc import Iterable

from chatlint.facts.summary import ImportRef

# mlx-vlm's functions that render a processor's chat template as text, unless told otherwise (`tokenize=True`,
# `return_messages=True`; read in mlx-vlm 0.4.0 and 0.7.10, `prompt_utils.py`), and the modules that offer them
_MLX_VLM_RENDERS = frozenset({"apply_chat_template", "get_chat_template"})
_MLX_VLM_MODULES = frozenset({"mlx_vlm", "mlx_vlm.prompt_utils"})
# the model classes of lm-evaluation-harness a project's model class derives from (`lm_eval.api.model.LM`, ...)
HARNESS_MODELS = frozenset({"LM", "TemplateLM", "HFLM", "CachingLM"})


def mlx_vlm_renderers(imports: Iterable[ImportRef]) -> frozenset[str]:
    """The dotted names the module calls mlx-vlm's rendering functions by: `apply_chat_template` (`from
    mlx_vlm.prompt_utils import apply_chat_template`), `mlx_vlm.apply_chat_template`, `mv.get_chat_template` (`import
    mlx_vlm as mv`), `mlx_vlm.prompt_utils.apply_chat_template` (`import mlx_vlm.prompt_utils`)."""
    found: set[str] = set()
    for ref in imports:
        if ref.module not in _MLX_VLM_MODULES:
            continue
        if ref.symbol in _MLX_VLM_RENDERS:
            found.add(ref.local)
        elif ref.symbol is None:
            # (`import mlx_vlm.prompt_utils` binds `mlx_vlm`: the code names the whole dotted module)
            prefix = ref.module if ref.local == ref.module.split(".")[0] else ref.local
            found.update(f"{prefix}.{name}" for name in _MLX_VLM_RENDERS)
    return frozenset(found)


# vLLM's helper that renders a Hugging Face tokenizer's template, as text unless told `tokenize=True` (read in vLLM
# 0.6.3 and 0.8.5, `entrypoints/chat_utils.py`; the engine's own chat entry points call it)
VLLM_RENDER = "apply_hf_chat_template"


def vllm_renderers(imports: Iterable[ImportRef]) -> frozenset[str]:
    """The dotted names the module calls vLLM's `apply_hf_chat_template` by (`from vllm.entrypoints.chat_utils import
    apply_hf_chat_template`, `chat_utils.apply_hf_chat_template`)."""
    found: set[str] = set()
    for ref in imports:
        if ref.module == "vllm.entrypoints.chat_utils" and ref.symbol == VLLM_RENDER:
            found.add(ref.local)
        elif ref.module == "vllm.entrypoints" and ref.symbol == "chat_utils":
            found.add(f"{ref.local}.{VLLM_RENDER}")
    return frozenset(found)


def imports_harness(imports: Iterable[ImportRef]) -> bool:
    """Does the module import lm-evaluation-harness (`from lm_eval.api.model import LM`, `import lm_eval`)?"""
    return any(ref.level == 0 and ref.module.split(".")[0] == "lm_eval" for ref in imports)


def request_arguments(node: ast.expr) -> bool:
    """`request.args` / `request.arguments`: the arguments of an lm-evaluation-harness request (its `Instance`)."""
    return isinstance(node, ast.Attribute) and node.attr in ("args", "arguments") and isinstance(node.value, ast.Name)


# TorchServe's handler base class: its `handle(data, context)` runs `self.inference(self.preprocess(data))` (read in
# torchserve 0.12.0, `ts/torch_handler/base_handler.py`), the hooks a handler of a project overrides
TORCHSERVE_HANDOFF = ("preprocess", "inference")


def torchserve_handlers(imports: Iterable[ImportRef]) -> frozenset[str]:
    """The names the module binds TorchServe's `BaseHandler` to (`from ts.torch_handler.base_handler import
    BaseHandler`, `ts.torch_handler.base_handler.BaseHandler`)."""
    found: set[str] = set()
    for ref in imports:
        if not ref.module.startswith("ts.torch_handler"):
            continue
        if ref.symbol == "BaseHandler":
            found.add(ref.local)
        elif ref.symbol is None and ref.module == "ts.torch_handler.base_handler":
            found.add(f"{ref.local}.BaseHandler")
    return frozenset(found)
