"""Ids that are only counted: a text tokenized to measure it against a bound (`len(tok(text).input_ids) <= max_len`,
a tensor's `.shape[-1]`), to report a usage statistic (`"prompt_tokens": len(...)`), or to cut it to a budget and
decode the cut without special tokens. A second BOS changes such a count by one, not what a model reads or is
trained on, so the rules leave these tokenizations alone.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from chatlint.facts.flow import FunctionFlow, function_flow
from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import bool_literal, called_name, keyword_value, string_value
from chatlint.facts.uses import same_value


def only_counted(
    call: ast.Call, function: FunctionInfo, ancestors: tuple[ast.AST, ...], flows: dict[int, FunctionFlow]
) -> bool:
    """The ids are only measured against a bound (`len(tok(text).input_ids) <= max_len`, a length filter), directly
    or through the one name they are assigned to (the ids, or their length). A length that is stored or used
    elsewhere may mask labels (the prompt length of a prompt/full pair), so it is not "only counted"."""
    flow = function_flow(function, flows)

    def only_compared(assignment: ast.Assign, ids: bool) -> bool:
        """Every later use of the name `assignment` binds is compared: the length of the ids it holds (`ids`), or
        itself (a length)."""
        target = assignment.targets[0]
        assert isinstance(target, ast.Name)
        binding = flow.binding_of(assignment, target.id)
        loads = flow.loads_reached_by(binding) if binding is not None else []
        if not ids:
            return bool(loads) and all(
                load.ancestors
                and (
                    isinstance(load.ancestors[-1], ast.Compare)
                    or _difference_of_counts(load.node, load.ancestors[-1], function)
                )
                for load in loads
            )
        return bool(loads) and all(
            _compared_length(load.node, load.ancestors, only_compared)
            or _decoded_plain(load.node, load.ancestors)
            or _length_in_words(load.node, load.ancestors)
            for load in loads
        )

    value, ancestors = same_value(call, ancestors, through_ids=True)
    return _compared_length(value, ancestors, only_compared, ids=True)


# methods that keep the ids they are called on, for the count: `.squeeze(0)`, `.flatten()`, `.cpu()`
_KEEPS_IDS = frozenset({"squeeze", "flatten", "cpu", "tolist", "numpy", "to", "view", "reshape", "ravel"})
# a tensor's own measure of its ids: `.size(1)`, `.numel()` (and the attribute `.shape`)
_MEASURES = frozenset({"size", "numel"})


def _compared_length(
    node: ast.AST,
    ancestors: tuple[ast.AST, ...],
    through_name: Callable[[ast.Assign, bool], bool] | None,
    ids: bool = False,
) -> bool:
    """`len(node)`, `len(node.input_ids)`, `len(node["input_ids"].squeeze(0))`, or a tensor's own measure
    (`node.shape[-1]`, `node.size(1)`, `node.numel()`), compared with something, directly or through the one name
    the ids or the length are assigned to (`through_name`)."""
    child = node
    measured = False  # the chain so far is a tensor's measure, not the ids
    for index in range(len(ancestors) - 1, 0, -1):
        parent = ancestors[index]
        if isinstance(parent, ast.Attribute) or (isinstance(parent, ast.Subscript) and parent.value is child):
            measured = measured or (isinstance(parent, ast.Attribute) and parent.attr == "shape")
            child = parent
            continue
        if isinstance(parent, ast.Call) and parent.func is child and called_name(parent) in _KEEPS_IDS | _MEASURES:
            measured = measured or called_name(parent) in _MEASURES
            child = parent
            continue
        if measured:
            if isinstance(parent, ast.Compare):
                return True
            return assigns_one_name(parent) and through_name is not None and through_name(parent, False)  # type: ignore[arg-type]
        if assigns_one_name(parent) and through_name is not None and ids:
            return through_name(parent, True)  # type: ignore[arg-type]
        if not (isinstance(parent, ast.Call) and called_name(parent) == "len" and child in parent.args):
            return False
        above = ancestors[index - 1]
        if isinstance(above, ast.Compare) or _reported_count(ancestors[:index], parent):
            return True
        return assigns_one_name(above) and through_name is not None and through_name(above, False)  # type: ignore[arg-type]
    return False


def _decoded_plain(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> bool:
    """`tok.decode(ids[:half], skip_special_tokens=True)`: a cut of the ids turned back into text without the BOS (a
    prompt truncated to a budget), not a sequence the model reads."""
    above = ancestors[-1] if ancestors else None
    if isinstance(above, ast.Subscript) and above.value is node and isinstance(above.slice, ast.Slice):
        node, ancestors = above, ancestors[:-1]
        above = ancestors[-1] if ancestors else None
    return (
        isinstance(above, ast.Call)
        and called_name(above) == "decode"
        and node in above.args
        and bool_literal(keyword_value(above, "skip_special_tokens")) is True
    )


def _length_in_words(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> bool:
    """`f"... ({len(ids)} > {limit})"`: the length put in a message."""
    above = ancestors[-1] if ancestors else None
    return (
        isinstance(above, ast.Call)
        and called_name(above) == "len"
        and any(isinstance(item, ast.FormattedValue) for item in ancestors[:-1])
    )


def _difference_of_counts(node: ast.AST, parent: ast.AST, function: FunctionInfo) -> bool:
    """`full_tokens - system_tokens` where the other side is a count too (a name assigned `len(...)` once): two
    texts tokenized alike, each with the same extra BOS, whose difference the BOS does not change."""
    if not (isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Sub)):
        return False
    other = parent.right if parent.left is node else parent.left
    assigned = function.assignments.get(other.id, []) if isinstance(other, ast.Name) else []
    return len(assigned) == 1 and isinstance(assigned[0], ast.Call) and called_name(assigned[0]) == "len"


# the name of a count that is reported, not used: `usage={"prompt_tokens": len(...)}`, `Usage(prompt_tokens=...)`
_REPORTED_COUNT = re.compile(r"(?i)tokens|usage|count")


def _reported_count(ancestors: tuple[ast.AST, ...], count: ast.Call) -> bool:
    """Is the count (`len(tok.encode(text))`) a usage statistic: a value (alone, in a sum, or in a conditional) of a
    dict entry or keyword named for tokens or counts (`"prompt_tokens": len(...)`, `total_tokens=len(a) +
    len(b)`)?"""
    child: ast.AST = count
    for parent in reversed(ancestors):
        if (
            isinstance(parent, ast.BinOp)
            and isinstance(parent.op, ast.Add)
            or (isinstance(parent, ast.IfExp) and parent.test is not child)
        ):
            child = parent
            continue
        if isinstance(parent, ast.Dict):
            key = next((key for key, value in zip(parent.keys, parent.values) if value is child), None)
            name = string_value(key) if key is not None else None
            return name is not None and _REPORTED_COUNT.search(name) is not None
        if isinstance(parent, ast.keyword):
            return parent.arg is not None and _REPORTED_COUNT.search(parent.arg) is not None
        return False
    return False


def assigns_one_name(node: ast.AST) -> bool:
    return isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
