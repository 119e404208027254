"""Pad-token assignments that make padding the end-of-sequence token, and label masking that goes by token value.

Two facts, each about a whole module:
- `pad_eos_assignments`: `tokenizer.pad_token = tokenizer.eos_token`, `tokenizer.pad_token_id = tokenizer.eos_token_id`,
  `pad_token=tokenizer.eos_token` in a tokenizer call, `add_special_tokens({"pad_token": tokenizer.eos_token})`.
  Model and generation configs (`model.config.pad_token_id = ...`, `generate(pad_token_id=...)`) are not the
  tokenizer's padding and are left out.
- `value_masks`: labels set to the ignore index wherever they *equal* the pad id: `labels[labels == pad_id] = -100`,
  `torch.where(ids == tokenizer.pad_token_id, -100, ids)`, `labels.masked_fill(labels == pad_id, -100)`, a
  comprehension doing the same, and the collators that do it inside (`DataCollatorForLanguageModeling(mlm=False)`,
  trl's `DataCollatorForCompletionOnlyLM`). A mask under a test that compares the pad id with the EOS id is left
  out: that code already knows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst

from chatlint.facts.model import FunctionInfo, ModuleFacts
from chatlint.facts.syntax import bool_literal, called_name, code, dotted_name, keyword, string_value
from chatlint.facts.walk import children

_PAD_ATTRIBUTES = frozenset({"pad_token", "pad_token_id"})
_EOS_ATTRIBUTES = frozenset({"eos_token", "eos_token_id"})
_PAD_ID_NAMES = frozenset({"pad_token_id", "pad_id", "pad_idx", "pad_index", "pad_token_idx", "padding_id"})
_NOT_TOKENIZER = ("config", "generation_config", "model")
_BY_VALUE_COLLATORS = frozenset({"DataCollatorForLanguageModeling", "DataCollatorForCompletionOnlyLM"})
_MASK_CALLS = frozenset({"where", "masked_fill", "masked_fill_"})


@dataclass(frozen=True)
class PadAssignment:
    node: cst.CSTNode  # the statement or keyword that sets the pad token
    function: FunctionInfo
    text: str  # `tokenizer.pad_token = tokenizer.eos_token`
    local_name: str | None = None  # `pad_token_id = tokenizer.eos_token_id`: a local, it only matters nearby


@dataclass(frozen=True)
class ValueMask:
    node: cst.CSTNode  # the statement or call that masks
    function: FunctionInfo
    text: str  # words for messages
    compared: str  # the pad expression compared against, "" for a collator
    is_collator: bool = False


def pad_eos_assignments(facts: ModuleFacts) -> list[PadAssignment]:
    found: list[PadAssignment] = []
    for function in facts.functions:
        for node, _ in facts.scope_nodes(function.node):
            if isinstance(node, cst.Assign):
                for target in node.targets:
                    assignment = _pad_target(target.target, node, function)
                    if assignment is not None:
                        found.append(assignment)
            elif isinstance(node, cst.Call):
                found.extend(_pad_in_call(node, function))
    return found


def value_masks(facts: ModuleFacts) -> list[ValueMask]:
    found: list[ValueMask] = []
    for function in facts.functions:
        for node, ancestors in facts.scope_nodes(function.node):
            mask = _value_mask(node, function)
            if mask is not None and not _guarded_by_pad_eos_test(ancestors):
                found.append(mask)
    return found


# -- pad = eos ----------------------------------------------------------------------------------------------------
def _pad_target(target: cst.BaseExpression, statement: cst.Assign, function: FunctionInfo) -> PadAssignment | None:
    value = statement.value
    if isinstance(target, cst.Attribute) and target.attr.value in _PAD_ATTRIBUTES:
        owner = (dotted_name(target.value) or "").split(".")
        if any(part in _NOT_TOKENIZER for part in owner[-1:]):
            return None
        if _is_eos(value, function):
            return PadAssignment(statement, function, _short(statement))
    elif isinstance(target, cst.Name) and target.value in _PAD_ID_NAMES and _is_eos(value, function):
        return PadAssignment(statement, function, _short(statement), local_name=target.value)
    return None


def _pad_in_call(call: cst.Call, function: FunctionInfo) -> Iterator[PadAssignment]:
    name = called_name(call)
    callee = (dotted_name(call.func) or "").lower()
    if name == "add_special_tokens" and call.args:
        mapping = call.args[0].value
        if isinstance(mapping, cst.Dict):
            for element in mapping.elements:
                if (
                    isinstance(element, cst.DictElement)
                    and string_value(element.key) == "pad_token"
                    and _is_eos(element.value, function)
                ):
                    yield PadAssignment(call, function, _short(call))
        return
    # `AutoTokenizer.from_pretrained(name, pad_token=...)`: a tokenizer's own padding; `generate(pad_token_id=...)`
    # and model configs are not
    if "tokenizer" not in callee and "processor" not in callee:
        return
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in _PAD_ATTRIBUTES and _is_eos(arg.value, function):
            yield PadAssignment(arg, function, _short(arg))


def _is_eos(value: cst.BaseExpression, function: FunctionInfo, depth: int = 0) -> bool:
    if depth > 4:
        return False
    if isinstance(value, cst.Attribute):
        return value.attr.value in _EOS_ATTRIBUTES
    if isinstance(value, cst.Name):
        if value.value in ("eos_token", "eos_token_id", "eos_id"):
            return True
        assigned = function.assignments.get(value.value, [])
        return len(assigned) == 1 and _is_eos(assigned[0], function, depth + 1)
    if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
        # `tokenizer.pad_token or tokenizer.eos_token`: eos whenever there is no pad token
        return _is_eos(value.right, function, depth + 1)
    if isinstance(value, cst.IfExp):
        return _is_eos(value.body, function, depth + 1) or _is_eos(value.orelse, function, depth + 1)
    return False


# -- masking by value ---------------------------------------------------------------------------------------------
def _value_mask(node: cst.CSTNode, function: FunctionInfo) -> ValueMask | None:
    if isinstance(node, cst.Assign) and len(node.targets) == 1:
        target = node.targets[0].target
        if isinstance(target, cst.Subscript) and _is_ignore_value(node.value):
            compared = _pad_comparison(target.slice, function)
            if compared:
                return ValueMask(node, function, f"`{_short(node)}`", compared)
        return None
    if isinstance(node, cst.Call):
        name = called_name(node)
        if name in _BY_VALUE_COLLATORS:
            mlm = keyword(node, "mlm")
            mlm_value = bool_literal(mlm.value) if mlm is not None else None
            if name == "DataCollatorForLanguageModeling" and mlm_value is not False:
                return None  # masked language modelling (the default) masks differently
            if name == "DataCollatorForCompletionOnlyLM" and mlm_value is True:
                return None
            return ValueMask(
                node, function, f"`{name}`, which sets labels equal to the pad id to -100", "", is_collator=True
            )
        if name in _MASK_CALLS and any(_is_ignore_value(arg.value) for arg in node.args):
            condition = node.args[0].value if name == "where" else (node.args[0].value if node.args else None)
            compared = _pad_comparison(condition, function) if condition is not None else ""
            if compared:
                return ValueMask(node, function, f"`{_short(node)}`", compared)
        return None
    if isinstance(node, (cst.ListComp, cst.GeneratorExp)) and isinstance(node.elt, cst.IfExp):
        branch = node.elt
        if _is_ignore_value(branch.body) or _is_ignore_value(branch.orelse):
            compared = _pad_comparison(branch.test, function)
            if compared:
                return ValueMask(node, function, f"`{_short(node)}`", compared)
    return None


def _pad_comparison(node: cst.CSTNode | None, function: FunctionInfo) -> str:
    """The pad expression that `node` compares tokens with (`labels == pad_id`, `ids.eq(pad)`), else ""."""
    if node is None:
        return ""
    if isinstance(node, cst.Comparison):
        if not all(isinstance(target.operator, (cst.Equal, cst.NotEqual)) for target in node.comparisons):
            return ""
        for operand in (node.left, *(target.comparator for target in node.comparisons)):
            if _is_pad_id(operand, function):
                return code(operand)
        return ""
    if isinstance(node, cst.Call) and called_name(node) in ("eq", "ne") and node.args:
        if _is_pad_id(node.args[0].value, function):
            return code(node.args[0].value)
        return ""
    if isinstance(node, (cst.Arg, cst.Element, cst.SubscriptElement, cst.Index, cst.Tuple, cst.UnaryOperation)):
        for child in children(node):
            found = _pad_comparison(child, function)
            if found:
                return found
    return ""


def _is_pad_id(node: cst.BaseExpression, function: FunctionInfo, depth: int = 0) -> bool:
    name = dotted_name(node)
    if name is None or depth > 4:
        return False
    last = name.split(".")[-1].lower()
    if "label" in last:
        return False  # `label_pad_token_id` is the ignore index, not the pad token
    if last in _PAD_ID_NAMES:
        return True
    if isinstance(node, cst.Name):
        # `pad = tokenizer.pad_token_id` under another name
        return any(_is_pad_id(value, function, depth + 1) for value in function.assignments.get(node.value, []))
    return False


def _is_ignore_value(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        return isinstance(node.expression, cst.Integer) and node.expression.value == "100"
    name = (dotted_name(node) or "").split(".")[-1].lower()
    return "ignore" in name


def _guarded_by_pad_eos_test(ancestors: tuple[cst.CSTNode, ...]) -> bool:
    """`if tokenizer.pad_token_id != tokenizer.eos_token_id: labels[...] = -100`: the code already knows."""
    for node in ancestors:
        test = node.test if isinstance(node, (cst.If, cst.IfExp)) else None
        if test is not None:
            text = code(test)
            if "pad_token" in text and "eos_token" in text:
                return True
    return False


def _short(node: cst.CSTNode) -> str:
    text = " ".join(code(node).split())
    return text if len(text) <= 70 else text[:67] + "..."
