"""CL010: labels shifted by one in the code, then handed to a Hugging Face model that shifts them again."""

from __future__ import annotations

import ast
import enum
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from chatlint.facts import FunctionInfo, ModuleFacts
from chatlint.facts.flow import function_flow
from chatlint.facts.syntax import called_name, dotted_name, shortened, string_value
from chatlint.rules.base import Diagnostic, Rule

# trainers that feed the rows' `labels` to a Hugging Face model's own loss
_HF_TRAINERS = frozenset({"Trainer", "Seq2SeqTrainer", "SFTTrainer"})
_HF_PACKAGES = ("transformers", "trl")
# Megatron-style models take labels already shifted (their loss does not shift): modules that import them are right
_SHIFTED_LABEL_PACKAGES = ("megatron", "mcore_adapter", "nemo")
# calls that compute a loss from logits and targets: code that calls them shifts by design
_LOSS_CALLS = frozenset({"cross_entropy", "CrossEntropyLoss", "nll_loss", "NLLLoss", "loss_fn", "_loss_fn"})


class Destination(enum.Enum):
    MODEL_CALL = "model-call"  # `model(input_ids=..., labels=shifted)`
    LABELS_FIELD = "labels-field"  # `{"labels": shifted}`, `batch["labels"] = shifted`, fed to a Trainer


class ShiftedLabels(NamedTuple):
    shift: ast.Subscript  # `input_ids[1:]`, `labels[..., 1:]`
    node: ast.AST  # where it goes: the keyword, dict entry or assignment
    destination: Destination
    function: FunctionInfo


def is_shift(node: ast.AST) -> bool:
    """`x[1:]`, `x[:, 1:]`, `x[..., 1:]`: everything from the second position on, along the last axis."""
    if not isinstance(node, ast.Subscript):
        return False
    index = node.slice
    if isinstance(index, ast.Tuple):
        if not index.elts:
            return False
        *leading, index = index.elts
        if not all(_whole(item) for item in leading):
            return False
    return (
        isinstance(index, ast.Slice)
        and isinstance(index.lower, ast.Constant)
        and index.lower.value == 1
        and index.upper is None
        and index.step is None
    )


def _whole(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and node.value is Ellipsis:
        return True
    return isinstance(node, ast.Slice) and node.lower is None and node.upper is None and node.step is None


class LabelsShiftedTwice(Rule):
    code = "CL010"
    name = "labels-shifted-twice"
    summary = "Labels shifted by one in the code and again inside the Hugging Face model's loss"
    prefilter = ((b"labels",), (b"1:]",))
    enabled_by_default = False

    what_it_does = """
        Finds labels made by shifting a sequence one position (`input_ids[1:]`, `input_ids[..., 1:]`,
        `labels[:, 1:]`, a shifted mask) that are passed as `labels=` to a model call (`model(...)`,
        `self.model(...)`, `model.forward(...)`), directly or through a local name, or as `batch["labels"]` of a
        `model(**batch)` in the same function, or stored as the `"labels"`
        field of rows in a module that trains with a Hugging Face trainer (`Trainer`, `Seq2SeqTrainer`,
        `SFTTrainer`, or a `...Trainer` imported from transformers or trl).

        It stays quiet where the code computes its own loss from the logits (`cross_entropy(logits, targets)`, a
        `loss_fn`, as mlx-lm and torchtune do: they shift by design), where the module defines a model whose
        `forward` takes `labels` (its own loss), in modules that import Megatron-style models (`megatron`,
        `mcore_adapter`, `nemo`: their loss takes labels already shifted), and where the shifted value is not handed on as a Hugging Face
        model's labels (`targets=` of a nanoGPT-style model).

        Off by default: in released code it is too rare to show the project's precision standard (0.9 over at least
        20 judged findings on blind-labelled code); turn it on with `--extend-select CL010`.
        Measured on the same 21 released training packages: one finding before the Megatron exception was added
        (LLaMA-Factory's Megatron collator, a false alarm), none since.
    """
    why_is_this_bad = """
        A Hugging Face causal LM shifts the labels itself: the logits at position `i` are scored against
        `labels[i + 1]`. Labels already shifted in the data are shifted twice, so every target is the token two
        positions ahead. The model learns to skip a token; the loss goes down anyway (more slowly), and the
        generations come out garbled.
    """
    example = """
        def training_step(model, batch):
            input_ids = batch["input_ids"]
            labels = input_ids[:, 1:]
            return model(input_ids=input_ids[:, :-1], labels=labels).loss
    """
    use_instead = """
        def training_step(model, batch):
            input_ids = batch["input_ids"]
            # the model shifts inside its loss: the labels are the input ids, unshifted
            return model(input_ids=input_ids, labels=input_ids.clone()).loss
    """
    fix_safety = """
        There is no fix: the unshifted labels may need the input's last token back (`input_ids[:, :-1]` was often
        cut to match), and where masks were shifted too they must all change together.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        imported = _imported_names(facts.module)
        if _own_loss(facts) or any(module.startswith(_SHIFTED_LABEL_PACKAGES) for module in imported.values()):
            return
        trainer = next(
            (
                function.trainer_call
                for function in facts.functions
                if function.trainer_call in _HF_TRAINERS
                or imported.get(function.trainer_call, "").startswith(_HF_PACKAGES)
            ),
            "",
        )
        for found in _shifted_labels(facts):
            if found.destination is Destination.LABELS_FIELD and not trainer:
                continue
            yield Diagnostic(node=found.node, message=_message(found, trainer, facts))


def _imported_names(module: ast.Module) -> dict[str, str]:
    """Each name the module imports, with the module it comes from (`import megatron.core` -> `megatron.core`)."""
    found: dict[str, str] = {}
    for node in ast.walk(module):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                found[alias.asname or alias.name] = node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found[alias.asname or alias.name] = alias.name
    return found


def _message(found: ShiftedLabels, trainer: str, facts: ModuleFacts) -> str:
    shift = facts.code(found.shift)
    if found.destination is Destination.MODEL_CALL:
        where = f"is passed as the labels of `{_short(facts.code(found.node))}`"
    else:
        where = f"is stored as the `labels` of the rows (`{_short(facts.code(found.node))}`), which `{trainer}` feeds "
        where += "to the model"
    return (
        f"`{shift}` shifts the labels by one and {where} in {found.function.display_name}; a Hugging Face causal LM "
        f"shifts its labels again inside the loss, so every target is two tokens ahead; pass labels aligned with "
        f"`input_ids` and let the model shift them"
    )


def _own_loss(facts: ModuleFacts) -> bool:
    """The module computes its loss from the logits, or defines a model whose `forward` takes `labels`."""
    for call, _, _ in facts.calls:
        if called_name(call) in _LOSS_CALLS:
            return True
    return any(function.name == "forward" and "labels" in function.params for function in facts.functions)


def _shifted_value(expr: ast.expr | None, function: FunctionInfo, facts: ModuleFacts) -> ast.Subscript | None:
    """The shift `expr` is, directly or as a local name every reaching assignment of which is a shift."""
    if expr is None:
        return None
    if is_shift(expr):
        return expr  # type: ignore[return-value]
    if not isinstance(expr, ast.Name):
        return None
    bindings = function_flow(function, facts.flows).reaching(expr.id, expr)
    if not bindings or any(
        binding.kind != "assign" or binding.value is None or not is_shift(binding.value) for binding in bindings
    ):
        return None
    return bindings[0].value  # type: ignore[return-value]


def _is_model_call(call: ast.Call) -> bool:
    name = (dotted_name(call.func) or "").lower()
    last = name.split(".")[-1]
    return last in ("model", "forward") or last.endswith("_model") or name.endswith("model.forward")


def _shifted_labels(facts: ModuleFacts) -> Iterator[ShiftedLabels]:
    for function in facts.functions:
        for node, _ in facts.scope_nodes(function.node):
            if isinstance(node, ast.Call) and _is_model_call(node):
                labels = next((item for item in node.keywords if item.arg == "labels"), None)
                shift = _shifted_value(labels.value, function, facts) if labels else None
                if shift is not None:
                    yield ShiftedLabels(shift, node, Destination.MODEL_CALL, function)
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if string_value(key) == "labels":
                        shift = _shifted_value(value, function, facts)
                        if shift is not None:
                            yield ShiftedLabels(shift, value, Destination.LABELS_FIELD, function)
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Subscript) and string_value(target.slice) == "labels":
                    shift = _shifted_value(node.value, function, facts)
                    if shift is not None:
                        spread = _spread_into_model(dotted_name(target.value), function, facts)
                        if spread is not None:
                            yield ShiftedLabels(shift, spread, Destination.MODEL_CALL, function)
                        else:
                            yield ShiftedLabels(shift, node, Destination.LABELS_FIELD, function)


def _spread_into_model(name: str | None, function: FunctionInfo, facts: ModuleFacts) -> ast.Call | None:
    """`model(**batch)` in the same function, for `batch["labels"] = ...`: the labels go to the model's loss."""
    if name is None:
        return None
    for node, _ in facts.scope_nodes(function.node):
        if isinstance(node, ast.Call) and _is_model_call(node):
            if any(item.arg is None and dotted_name(item.value) == name for item in node.keywords):
                return node
    return None


def _short(text: str) -> str:
    return shortened(text, 60)
