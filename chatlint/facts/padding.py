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

import ast
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from chatlint.facts.flags import defining_scope
from chatlint.facts.flow import MAX_RESOLUTION_DEPTH
from chatlint.facts.model import FunctionInfo
from chatlint.facts.module import ModuleFacts
from chatlint.facts.syntax import (
    SourceText,
    arguments_in_order,
    bool_literal,
    called_name,
    code,
    dotted_name,
    first_argument,
    keyword,
    keyword_value,
    shortened,
    string_value,
)
from chatlint.knowledge.model_families import EOS_END_OF_TURN, has_own_pad

_PAD_ATTRIBUTES = frozenset({"pad_token", "pad_token_id"})
_EOS_ATTRIBUTES = frozenset({"eos_token", "eos_token_id"})
_PAD_ID_NAMES = frozenset({"pad_token_id", "pad_id", "pad_idx", "pad_index", "pad_token_idx", "padding_id"})
_NOT_TOKENIZER = ("config", "generation_config", "model")
_BY_VALUE_COLLATORS = frozenset({"DataCollatorForLanguageModeling", "DataCollatorForCompletionOnlyLM"})
_MASK_CALLS = frozenset({"where", "masked_fill", "masked_fill_"})
# the names of the masks of the tokens a loss counts (an RL trainer's completion mask), not of attention masks
LOSS_MASK_NAME = re.compile(r"(?:completion|response|loss|action|answer|generation|gen)s?_mask")
_CASTS = frozenset({"float", "long", "int", "bool", "to", "type", "astype"})
# losses that leave out the targets equal to their `ignore_index`
_LOSSES = frozenset({"CrossEntropyLoss", "cross_entropy", "NLLLoss", "nll_loss"})
# calls handed a pad id that mask nothing by it, or that `value_masks` knows already
_NOT_DELEGATING = (
    _MASK_CALLS | _BY_VALUE_COLLATORS | _LOSSES | {"eq", "ne", "pad_sequence", "pad", "full", "full_like", "fill_"}
)
# the separator after an argument or a small statement, which messages quote with it (see `_quoted`)
_SEPARATORS = {",": re.compile(r"\s*,"), ";": re.compile(r"[ \t]*;")}


class PadAssignment(NamedTuple):
    node: ast.stmt | ast.expr | ast.keyword  # the statement, keyword or dict entry that sets the pad token
    function: FunctionInfo
    text: str  # `tokenizer.pad_token = tokenizer.eos_token`
    local_name: str | None = None  # `pad_token_id = tokenizer.eos_token_id`: a local, it only matters nearby


class ValueMask(NamedTuple):
    node: ast.stmt | ast.expr  # the statement or call that masks
    function: FunctionInfo
    text: str  # words for messages
    compared: str  # the pad expression compared against, "" for a collator
    # only a pad = EOS assignment in the same function sets the tokenizer it masks with (a trainer whose tokenizer
    # the module may load elsewhere for other uses: `load_model`, evaluation)
    same_function: bool = False


def pad_eos_assignments(facts: ModuleFacts) -> list[PadAssignment]:
    return facts.remembered(_pad_eos_assignments)


def value_masks(facts: ModuleFacts) -> list[ValueMask]:
    return facts.remembered(_value_masks)


def pad_id_argument(call: ast.Call, function: FunctionInfo) -> str:
    """Where a call hands a pad id: `#i` by position, or the keyword; "" when it hands none."""
    for index, value in enumerate(call.args):
        if not isinstance(value, ast.Starred) and _is_pad_id(value, function):
            return f"#{index}"
    return next((item.arg for item in call.keywords if item.arg and _is_pad_id(item.value, function)), "")


def pad_id_calls(facts: ModuleFacts) -> list[tuple[ast.Call, FunctionInfo]]:
    """Calls that hand a pad id to a function by name (`mask_padding(ids, self.tokenizer.pad_token_id)`): where
    the function masks labels by that value, the caller masks by value through it. Masks themselves
    (`masked_fill`, `where`) and the collators that mask are left out: `value_masks` has them."""
    found = []
    for call, function, ancestors in facts.calls:
        if not isinstance(call.func, (ast.Name, ast.Attribute)) or called_name(call) in _NOT_DELEGATING:
            continue
        # what it gives must become labels: `batch["labels"] = mask_padding(...)`, `labels = ...`
        parent = ancestors[-1] if ancestors else None
        if not isinstance(parent, ast.Assign) or not any(
            "label" in (dotted_name(target) or code(target)).lower() for target in parent.targets
        ):
            continue
        if any(_is_pad_id(value, function) for value in _argument_values(call)):
            found.append((call, function))
    return found


def _pad_eos_assignments(facts: ModuleFacts) -> list[PadAssignment]:
    found: list[PadAssignment] = []
    unsloth = _unsloth_tokenizers(facts) if "unsloth" in facts.source.text else set()
    for function in facts.functions:
        for node in facts.scope_members(function.node):
            if isinstance(node, ast.Assign):
                if unsloth and _pads_an_unsloth_tokenizer(node, function, unsloth, facts):
                    continue  # unsloth's loader gives the tokenizer a pad token of its own, not EOS
                if _pads_a_tokenizer_with_a_pad(node, function, facts):
                    continue  # the checkpoint's tokenizer has a pad token of its own: the fallback never runs
                for target in node.targets:
                    assignment = _pad_target(target, node, function, facts.source)
                    if assignment is not None:
                        found.append(assignment)
            elif isinstance(node, ast.Call):
                found.extend(_pad_in_call(node, function, facts.source))
    return found


def _value_masks(facts: ModuleFacts) -> list[ValueMask]:
    found: list[ValueMask] = []
    for function in facts.functions:
        # (the function's own node is never a mask: the ancestors asked for are those of a node inside it)
        for node in facts.scope_members(function.node):
            mask = _value_mask(node, function, facts)
            ancestors = facts.ancestors(node) if mask is not None else ()
            if (
                mask is not None
                and not _guarded_by_pad_eos_test(ancestors)
                and not _for_encoder_decoder(node, ancestors)
            ):
                found.append(mask)
    return found


# -- pad = eos ----------------------------------------------------------------------------------------------------
def _pad_target(
    target: ast.expr, statement: ast.Assign, function: FunctionInfo, source: SourceText
) -> PadAssignment | None:
    value = statement.value
    if isinstance(target, ast.Attribute) and target.attr in _PAD_ATTRIBUTES:
        owner = (dotted_name(target.value) or "").split(".")
        if any(part in _NOT_TOKENIZER for part in owner[-1:]):
            return None
        if _is_eos(value, function):
            return PadAssignment(statement, function, _short(_quoted(statement, ";", source)))
    elif isinstance(target, ast.Name) and target.id in _PAD_ID_NAMES and _is_eos(value, function):
        return PadAssignment(statement, function, _short(_quoted(statement, ";", source)), local_name=target.id)
    return None


def _pad_in_call(call: ast.Call, function: FunctionInfo, source: SourceText) -> Iterator[PadAssignment]:
    name = called_name(call)
    callee = (dotted_name(call.func) or "").lower()
    if name == "add_special_tokens" and (call.args or call.keywords):
        mapping = _first_value(call)
        if isinstance(mapping, ast.Dict):
            for key, value in zip(mapping.keys, mapping.values, strict=True):
                if string_value(key) == "pad_token" and _is_eos(value, function):
                    yield PadAssignment(call, function, _short(code(call)))
        return
    # `AutoTokenizer.from_pretrained(name, pad_token=...)`: a tokenizer's own padding; `generate(pad_token_id=...)`
    # and model configs are not
    if "tokenizer" not in callee and "processor" not in callee:
        return
    for item in call.keywords:
        if item.arg in _PAD_ATTRIBUTES and _is_eos(item.value, function):
            yield PadAssignment(item, function, _short(_quoted(item, ",", source)))


def _is_eos(value: ast.expr, function: FunctionInfo, depth: int = 0) -> bool:
    if depth > MAX_RESOLUTION_DEPTH:
        return False
    if isinstance(value, ast.Attribute):
        return value.attr in _EOS_ATTRIBUTES
    if string_value(value) in EOS_END_OF_TURN:
        return True  # `"<|eot_id|>"`: Llama 3's end of turn, its Instruct tokenizer's EOS
    if isinstance(value, ast.Name):
        if value.id in ("eos_token", "eos_token_id", "eos_id"):
            return True
        assigned = function.assignments.get(value.id, [])
        return len(assigned) == 1 and _is_eos(assigned[0], function, depth + 1)
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
        # `PAD_FALLBACK[family]` with `PAD_FALLBACK = {"llama3": "<|eot_id|>"}`: a table of EOS tokens only
        table = defining_scope(function, value.value.id).assignments.get(value.value.id, [])
        entries = table[0].values if len(table) == 1 and isinstance(table[0], ast.Dict) else []
        return bool(entries) and all(_is_eos(entry, function, depth + 1) for entry in entries)
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or):
        # `tokenizer.pad_token or tokenizer.eos_token`: eos whenever there is no pad token
        return _is_eos(value.values[-1], function, depth + 1)
    if isinstance(value, ast.IfExp):
        return _is_eos(value.body, function, depth + 1) or _is_eos(value.orelse, function, depth + 1)
    return False


# -- masking by value ---------------------------------------------------------------------------------------------
def parameter_masks(facts: ModuleFacts) -> list[tuple[ValueMask, str]]:
    """Masks by value in module-level functions that compare labels with a parameter of theirs, of any name
    (`labels[labels == token_id] = -100`), with the parameter: a mask by the pad id only where a caller hands one."""
    found = []
    for function in facts.functions:
        if function.is_module or function.cls is not None or not (function.outer and function.outer.is_module):
            continue
        for node in facts.scope_members(function.node):
            mask = _value_mask(node, function, facts, _is_parameter)
            if mask is not None and mask.compared in function.params:
                found.append((mask, mask.compared))
    return found


def _is_parameter(node: ast.expr, function: FunctionInfo, depth: int = 0) -> bool:
    return isinstance(node, ast.Name) and node.id in function.params and "label" not in node.id.lower()


def _value_mask(
    node: ast.AST, function: FunctionInfo, facts: ModuleFacts, is_compared: Callable[..., bool] | None = None
) -> ValueMask | None:
    is_compared = is_compared or _is_pad_id
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        # `labels[labels == pad_id] = -100`
        target = node.targets[0]
        if isinstance(target, ast.Subscript) and _is_ignore_value(node.value):
            compared = _pad_comparison(target.slice, function, is_compared)
            if compared:
                return ValueMask(node, function, f"`{_short(code(node))}`", compared)
        return _loss_mask(node, target, function, is_compared)
    if isinstance(node, ast.Call):
        name = called_name(node)
        if name in _BY_VALUE_COLLATORS:
            mlm = keyword(node, "mlm")
            mlm_value = bool_literal(mlm.value) if mlm is not None else None
            if name == "DataCollatorForLanguageModeling" and mlm_value is not False:
                return None  # masked language modelling (the default) masks differently
            if name == "DataCollatorForCompletionOnlyLM" and mlm_value is True:
                return None
            return ValueMask(node, function, f"`{name}`, which sets labels equal to the pad id to -100", "")
        ignored = keyword_value(node, "ignore_index") if name in _LOSSES else None
        per_token = string_value(keyword_value(node, "reduction")) == "none"  # a score per token: an evaluation's
        if ignored is not None and not per_token and is_compared(ignored, function):
            # `nn.CrossEntropyLoss(ignore_index=tokenizer.pad_token_id)`: every target equal to the pad id is ignored
            return ValueMask(
                node, function, f"`{_short(code(node))}`, which ignores every target equal to the pad id", code(ignored)
            )
        if name in _MASK_CALLS and any(_is_ignore_value(value) for value in _argument_values(node)):
            compared = _pad_comparison(_first_value(node), function, is_compared)
            if compared:
                return ValueMask(node, function, f"`{_short(code(node))}`", compared)
        return None
    if isinstance(node, (ast.ListComp, ast.GeneratorExp)) and isinstance(node.elt, ast.IfExp):
        branch = node.elt
        if _is_ignore_value(branch.body) or _is_ignore_value(branch.orelse):
            compared = _pad_comparison(branch.test, function, is_compared)
            if compared:
                above = facts.ancestors(node)
                text = _comprehension_text(node, above[-1] if above else None, facts.source)
                return ValueMask(node, function, f"`{_short(text)}`", compared)
    return None


def _loss_mask(
    node: ast.Assign, target: ast.expr, function: FunctionInfo, is_compared: Callable[..., bool]
) -> ValueMask | None:
    """`response_mask = (response_ids != pad_id).float()`: the mask of the tokens a loss counts (an RL trainer's
    completion mask, a loss mask; not an attention mask), made by comparing the tokens with the pad id, which leaves
    every token equal to it out of the loss."""
    name = (dotted_name(target) or "").rsplit(".", 1)[-1].lower()
    if not LOSS_MASK_NAME.fullmatch(name):
        return None
    value = node.value
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in _CASTS:
        value = value.func.value  # `(...).float()`, `.long()`, `.to(dtype)`
    if isinstance(value, ast.Call) and called_name(value) == "not_equal" and len(value.args) == 2:
        compared = code(value.args[1]) if is_compared(value.args[1], function) else ""  # `np.not_equal(ids, pad)`
    elif (
        isinstance(value, ast.Compare)
        and isinstance(value.ops[0], ast.NotEq)
        or (isinstance(value, ast.Call) and called_name(value) == "ne")
    ):
        compared = _pad_comparison(value, function, is_compared)
    else:
        return None
    if not compared:
        return None
    words = f"`{_short(code(node))}`, which leaves every token equal to the pad id out of the loss"
    return ValueMask(node, function, words, compared)


def _pad_comparison(
    node: ast.AST | None, function: FunctionInfo, is_compared: Callable[..., bool] | None = None
) -> str:
    """The pad expression that `node` compares tokens with (`labels == pad_id`, `ids.eq(pad)`), else ""
    (`is_compared`: what counts as the pad expression, a pad id by default)."""
    is_compared = is_compared or _is_pad_id
    if node is None:
        return ""
    if isinstance(node, ast.Compare):
        if not all(isinstance(operator, (ast.Eq, ast.NotEq)) for operator in node.ops):
            return ""
        for operand in (node.left, *node.comparators):
            if is_compared(operand, function):
                return code(operand)
        return ""
    if isinstance(node, ast.Call) and called_name(node) in ("eq", "ne") and (node.args or node.keywords):
        first = _first_value(node)
        if first is not None and is_compared(first, function):
            return code(first)
        return ""
    if isinstance(node, ast.Tuple):  # `(labels == pad_id,)`; a starred element is not looked into
        found = (_pad_comparison(item, function, is_compared) for item in node.elts)
        return next((item for item in found if item), "")
    if isinstance(node, ast.UnaryOp):  # `~(labels != pad_id)`
        return _pad_comparison(node.operand, function, is_compared)
    if isinstance(node, ast.Name) and len(assigned := function.assignments.get(node.id, [])) == 1:
        # `attention_mask = input_ids.ne(pad_id)`, then `labels[~attention_mask] = -100`: a mask made from the pad
        # value (not one a tokenizer returns, which marks padding by position)
        value = assigned[0]
        return _pad_comparison(value, function, is_compared) if isinstance(value, (ast.Compare, ast.Call)) else ""
    return ""


def _is_pad_id(node: ast.expr, function: FunctionInfo, depth: int = 0) -> bool:
    name = dotted_name(node)
    if name is None or depth > MAX_RESOLUTION_DEPTH:
        return False
    last = name.split(".")[-1].lower()
    if "label" in last:
        return False  # `label_pad_token_id` is the ignore index, not the pad token
    if last in _PAD_ID_NAMES:
        return True
    if isinstance(node, ast.Name):
        # `pad = tokenizer.pad_token_id` under another name
        return any(_is_pad_id(value, function, depth + 1) for value in function.assignments.get(node.id, []))
    return False


def _is_ignore_value(node: ast.expr) -> bool:
    if isinstance(node, ast.Call) and called_name(node) in ("full_like", "full"):
        # `torch.full_like(ids, -100)`: a tensor of the ignore index
        fill = keyword_value(node, "fill_value") or (node.args[1] if len(node.args) > 1 else None)
        return fill is not None and _is_ignore_value(fill)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        operand = node.operand
        return isinstance(operand, ast.Constant) and type(operand.value) is int and code(operand) == "100"
    name = (dotted_name(node) or "").split(".")[-1].lower()
    return "ignore" in name or name.startswith("label_pad")  # (`IGNORE_INDEX`, `self.label_pad`, `label_pad_id`)


def _guarded_by_pad_eos_test(ancestors: tuple[ast.AST, ...]) -> bool:
    """`if tokenizer.pad_token_id != tokenizer.eos_token_id: labels[...] = -100`: the code already knows."""
    for node in ancestors:
        if isinstance(node, (ast.If, ast.IfExp)):
            text = code(node.test)
            if "pad_token" in text and "eos_token" in text:
                return True
    return False


# unsloth's loaders, which give a tokenizer without a pad token one that is not its EOS (unsloth_zoo's
# `patch_tokenizer`: a reserved token such as Llama 3.1's `<|finetune_right_pad_id|>`)
_UNSLOTH_LOADERS = frozenset({"FastLanguageModel", "FastModel", "FastVisionModel"})


def _unsloth_tokenizers(facts: ModuleFacts) -> set[tuple[int, str]]:
    """(function id, name) of the tokenizers unsloth loads: `model, tokenizer = FastLanguageModel.from_pretrained(
    ...)` binds the second name to one."""
    names = {
        ref.local for ref in facts.imports if ref.module.split(".")[0] == "unsloth" and ref.symbol in _UNSLOTH_LOADERS
    }
    found = set()
    for call, function, ancestors in facts.calls:
        statement = ancestors[-1] if ancestors else None
        if (
            called_name(call) == "from_pretrained"
            and isinstance(call.func, ast.Attribute)
            and dotted_name(call.func.value) in names
            and isinstance(statement, ast.Assign)
            and statement.value is call
            and isinstance(target := statement.targets[0], ast.Tuple)
            and len(target.elts) == 2
            and isinstance(second := target.elts[1], ast.Name)
        ):
            found.add((id(function), second.id))
    return found


def _pads_an_unsloth_tokenizer(
    node: ast.Assign, function: FunctionInfo, tokenizers: set[tuple[int, str]], facts: ModuleFacts
) -> bool:
    """`if tokenizer.pad_token is None: tokenizer.pad_token = tokenizer.eos_token` on a tokenizer unsloth loaded in
    the function: a fallback that never runs."""
    owner = _fallback_owner(node, facts)
    return owner is not None and (id(function), owner.id) in tokenizers


def _pads_a_tokenizer_with_a_pad(node: ast.Assign, function: FunctionInfo, facts: ModuleFacts) -> bool:
    """`if tokenizer.pad_token is None: tokenizer.pad_token = tokenizer.eos_token` on a tokenizer the function loads
    once from a checkpoint it names (not a default, which other checkpoints replace) whose tokenizer has a pad token
    of its own (`AutoTokenizer.from_pretrained("Qwen/Qwen2.5-7B-Instruct")`): a fallback that never runs."""
    owner = _fallback_owner(node, facts)
    if owner is None:
        return False
    loads = function.assignments.get(owner.id, [])
    load = loads[0] if len(loads) == 1 else None
    if not (isinstance(load, ast.Call) and called_name(load) == "from_pretrained"):
        return False
    argument = keyword_value(load, "pretrained_model_name_or_path") or first_argument(load)
    checkpoint = facts.checkpoint_of(argument, function) if argument is not None else None
    return checkpoint is not None and has_own_pad(checkpoint)


def padded_tokenizer(statement: ast.AST) -> ast.Name | None:
    """The local name `x` of `x.pad_token = ...` (one target, an attribute of a name), else None."""
    target = statement.targets[0] if isinstance(statement, ast.Assign) and len(statement.targets) == 1 else None
    owner = target.value if isinstance(target, ast.Attribute) else None
    return owner if isinstance(owner, ast.Name) else None


def _fallback_owner(node: ast.Assign, facts: ModuleFacts) -> ast.Name | None:
    """The tokenizer `x` of `x.pad_token = ...` under `if x.pad_token is None:` (a fallback for a tokenizer without
    a pad token), else None."""
    owner = padded_tokenizer(node)
    return owner if owner is not None and _only_without_a_pad(facts.ancestors(node)) else None


def _only_without_a_pad(ancestors: tuple[ast.AST, ...]) -> bool:
    """Under `if tokenizer.pad_token is None:` (or `if not tokenizer.pad_token:`): a fallback for a tokenizer
    without a pad token."""
    for node in ancestors:
        if isinstance(node, ast.If):
            test = code(node.test)
            if "pad_token" in test and ("is None" in test or test.startswith("not ")):
                return True
    return False


# a test that holds for encoder-decoder models (`if self.is_encoder_decoder:`, `if family == "seq2seq_lm":`)
_ENCODER_DECODER = re.compile(r"encoder_decoder|seq2seq|seq_2_seq", re.IGNORECASE)


def _for_encoder_decoder(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> bool:
    """A mask in the body of a test that holds for encoder-decoder models only (T5, BART): their tokenizers have a
    pad token of their own, distinct from EOS, so the pad = EOS fallback never ran for them."""
    for above, child in zip(ancestors, (*ancestors[1:], node), strict=True):
        if isinstance(above, ast.If) and child in above.body and _holds_for_encoder_decoder(above.test):
            return True
    return False


def _holds_for_encoder_decoder(test: ast.expr) -> bool:
    """`self.is_encoder_decoder`, `model.config.is_encoder_decoder`, `family == "seq2seq_lm"`, `kind in SEQ2SEQ`; not
    a negation (`not ...`, `!=`, `not in`, `is not`), which holds for the other models."""
    if isinstance(test, ast.UnaryOp):
        return False
    if isinstance(test, ast.Compare) and any(isinstance(op, (ast.NotEq, ast.NotIn, ast.IsNot)) for op in test.ops):
        return False
    return isinstance(test, (ast.Name, ast.Attribute, ast.Compare)) and _ENCODER_DECODER.search(code(test)) is not None


# -- arguments and text -------------------------------------------------------------------------------------------
def _argument_values(call: ast.Call) -> list[ast.expr]:
    """Every argument's expression, positional (`*x` -> `x`) and keyword (`**x` -> `x`)."""
    values = [arg.value if isinstance(arg, ast.Starred) else arg for arg in call.args]
    return values + [item.value for item in call.keywords]


def _first_value(call: ast.Call) -> ast.expr | None:
    """The expression of the first argument in the source, positional or keyword."""
    items = arguments_in_order(call)
    if not items:
        return None
    first = items[0]
    return first.value if isinstance(first, (ast.keyword, ast.Starred)) else first


def _quoted(node: ast.AST, separator: str, source: SourceText) -> str:
    """The source of `node` with the `,` or `;` that follows it: before the port to `ast`, an argument's comma
    and a small statement's semicolon were part of the node, and messages quoted them (`pad_token=tok.eos_token,`)."""
    start, end = source.offsets(node)
    following = _SEPARATORS[separator].match(source.text, end)
    return source.text[start : following.end() if following else end]


def _comprehension_text(node: ast.ListComp | ast.GeneratorExp, parent: ast.AST | None, source: SourceText) -> str:
    """The source of a comprehension; for a generator that is a call's only argument (`list(x for x in xs)`),
    without the call's parentheses, which `ast` counts in the generator's position (the messages never quoted them)."""
    text = code(node)
    if isinstance(node, ast.GeneratorExp) and isinstance(parent, ast.Call):
        if source.offsets(node)[1] == source.offsets(parent)[1] and text.startswith("(") and text.endswith(")"):
            return text[1:-1]
    return text


def _short(text: str) -> str:
    return shortened(text, 70)


def hands_a_tokenizer(call: ast.Call) -> bool:
    """Does the call hand on a tokenizer (`ChatCollator(tokenizer, ...)`, `processing_class=tok`, a processor)?"""
    for value in (*call.args, *(item.value for item in call.keywords)):
        name = (dotted_name(value) or "").rsplit(".", 1)[-1].lower()
        if "tok" in name or "processing_class" in name or "processor" in name:
            return True
    return False
