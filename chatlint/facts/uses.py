"""Where the result of a call goes: into the data, only into `len()`, into a comparison, or to `generate()`."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from chatlint.facts.flow import FunctionFlow, function_flow
from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import called_name, code, dotted_name, string_value
from chatlint.facts.walk import children

LENGTH = "length"
COMPARE = "compare"
GENERATE = "generate"
DATA = "data"

# methods whose result is a test or a position, not the text: `full.startswith(prompt)`, `text.find(header)`
_COMPARE_METHODS = frozenset({"startswith", "endswith", "find", "index", "rfind", "count"})
_GENERATE_CALLS = frozenset({"generate", "chat", "stream_generate", "batch_generate"})


def result_uses(
    call: cst.Call, ancestors: tuple[cst.CSTNode, ...], function: FunctionInfo, order: dict[cst.CSTNode, int]
) -> frozenset[str]:
    """How the value of `call` is used in its function, following one local name it is assigned to."""
    parent = ancestors[-1] if ancestors else None
    target = None
    if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
        target = parent.targets[0].target
    elif isinstance(parent, cst.AnnAssign):
        target = parent.target
    if isinstance(target, cst.Name):
        after = order.get(call, 0)
        uses = {
            _classify(use, use_ancestors)
            for use, use_ancestors in _name_uses(function.node, target.value)
            if order.get(use, 0) > after
        }
        return frozenset(uses or {DATA})
    return frozenset({_classify(call, ancestors)})


def result_name(call: cst.Call, ancestors: tuple[cst.CSTNode, ...]) -> str:
    """The name or key the value of `call` is stored under, looking through comprehensions and `.append()`."""
    child: cst.CSTNode = call
    for parent in reversed(ancestors):
        if isinstance(parent, (cst.ListComp, cst.GeneratorExp)) and child is parent.elt:
            child = parent
            continue
        if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
            target = parent.targets[0].target
            if isinstance(target, cst.Name):
                return target.value
            if isinstance(target, cst.Subscript) and len(target.slice) == 1:
                element = target.slice[0].slice
                if isinstance(element, cst.Index):
                    return string_value(element.value) or ""
            return ""
        if isinstance(parent, cst.DictElement) and child is parent.value:
            return string_value(parent.key) or ""
        if isinstance(parent, cst.Arg):
            if parent.keyword is not None:
                return parent.keyword.value
            child = parent
            continue
        if isinstance(parent, cst.Call) and isinstance(parent.func, cst.Attribute):
            if parent.func.attr.value == "append" and isinstance(parent.func.value, cst.Name):
                return parent.func.value.value
        return ""
    return ""


def _classify(node: cst.CSTNode, ancestors: tuple[cst.CSTNode, ...]) -> str:
    child: cst.CSTNode = node
    for parent in reversed(ancestors):
        if isinstance(parent, cst.Arg):
            child = parent
            continue
        if isinstance(parent, cst.Call):
            if child is parent.func:
                if isinstance(child, cst.Attribute):
                    return COMPARE if child.attr.value in _COMPARE_METHODS else DATA
                return DATA
            name = called_name(parent)
            if name == "len":
                return LENGTH
            if name in _GENERATE_CALLS:
                return GENERATE
            return DATA
        if isinstance(parent, cst.Attribute) and child is parent.value:
            child = parent
            continue
        if isinstance(parent, cst.Comparison):
            return COMPARE
        if isinstance(parent, cst.Subscript) and child is parent.value:
            element = parent.slice[0].slice if len(parent.slice) == 1 else None
            if isinstance(element, cst.Slice) and _mentions_len(element):
                return COMPARE
            return DATA
        return DATA
    return DATA


def _mentions_len(node: cst.CSTNode) -> bool:
    if isinstance(node, cst.Call) and called_name(node) == "len":
        return True
    return any(_mentions_len(child) for child in children(node))


def _name_uses(root: cst.CSTNode, name: str) -> Iterator[tuple[cst.Name, tuple[cst.CSTNode, ...]]]:
    """Every load of `name` under `root` (not descending into nested functions or classes)."""
    stack: list[tuple[cst.CSTNode, tuple[cst.CSTNode, ...]]] = [(root, ())]
    while stack:
        node, ancestors = stack.pop()
        if isinstance(node, cst.Name) and node.value == name:
            parent = ancestors[-1] if ancestors else None
            if isinstance(parent, cst.AssignTarget) and parent.target is node:
                continue
            if isinstance(parent, (cst.Param, cst.Attribute)) and node is not getattr(parent, "value", None):
                continue
            yield node, ancestors
            continue
        if node is not root and isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            continue
        path = ancestors + (node,)
        stack.extend((child, path) for child in children(node))


# -- uses of a result as a list of token ids (CL005) ------------------------------------------------------------------
# Calls that read their argument as a sequence of ids; under transformers 5 a `BatchEncoding` (a dict) goes in
# silently: `len()` counts its keys, `list()` lists them, the tensor constructors fail or build nonsense.
_SEQUENCE_CALLS = frozenset(
    {
        "len",
        "list",
        "torch.tensor",
        "torch.LongTensor",
        "torch.as_tensor",
        "np.array",
        "np.asarray",
        "numpy.array",
        "numpy.asarray",
        "mx.array",
        "mlx.core.array",
        "zip",
        "enumerate",
    }
)
_IDS_KEYS = ("input_ids", "labels", "tokens", "token_ids")
_MAX_CALLER_DEPTH = 3


def list_like_uses(
    call: cst.Call,
    ancestors: tuple[cst.CSTNode, ...],
    function: FunctionInfo,
    flows: dict[int, FunctionFlow],
    call_sites: dict[str, list[tuple[cst.Call, FunctionInfo, tuple[cst.CSTNode, ...]]]],
    depth: int = 0,
) -> tuple[str, ...]:
    """Where the value of `call` is used as a list of token ids, in words ("`len(ids)`"), following the local
    name it is assigned to (every load that assignment reaches) and, when it is returned, the callers of its
    function in the same module."""

    def expand(use: str) -> list[str]:
        """One sequence use in words, following a return to the callers and a stored render to the dataset."""
        if use == "returned":
            return _returned_uses(function, flows, call_sites, depth)
        if use == "returned-in-tuple":
            return _returned_in_tuple(function)
        if use.startswith("item:"):
            return _dataset_item_use(use[len("item:") :], function, flows)
        return [use] if use and not use.startswith("name:") else []

    use = _sequence_use(call, ancestors)
    if not use.startswith("name:"):
        return tuple(dict.fromkeys(expand(use)))
    found: list[str] = []
    flow = function_flow(function, flows)
    binding = flow.binding_of(ancestors[-1], use[len("name:") :])
    if binding is not None:
        for load in flow.loads_reached_by(binding):
            found.extend(expand(_sequence_use(load.node, load.ancestors)))
    return tuple(dict.fromkeys(found))


def _dataset_item_use(attribute: str, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> list[str]:
    """The value is an item of `self.<attribute>`, and the class's `__getitem__` returns those items: a dataset
    whose examples are the renders, which the training loop reads as lists of ids."""
    cls = function.cls
    getitem = cls.methods.get("__getitem__") if cls is not None else None
    if getitem is None:
        return []
    for value in function_flow(getitem, flows).returns:
        if (
            isinstance(value, cst.Subscript)
            and dotted_name(value.value) == f"self.{attribute}"
            and len(value.slice) == 1
            and isinstance(value.slice[0].slice, cst.Index)
            and string_value(value.slice[0].slice.value) is None
        ):
            return [f"an item of `self.{attribute}`, which `{getitem.qualname}` returns as a training example"]
    return []


def _returned_uses(
    function: FunctionInfo,
    flows: dict[int, FunctionFlow],
    call_sites: dict[str, list[tuple[cst.Call, FunctionInfo, tuple[cst.CSTNode, ...]]]],
    depth: int,
) -> list[str]:
    if function.is_module or depth >= _MAX_CALLER_DEPTH:
        return []
    found = []
    sites = [
        (site, caller, site_ancestors)
        for site, caller, site_ancestors in call_sites.get(function.name, ())
        if _calls_function(site, caller, function)
    ]
    if any(_read_by_key(site, caller, site_ancestors, flows) for site, caller, site_ancestors in sites):
        return []  # a caller reads the result by key: code written for the dict
    declared = _declares_ids(function)
    if declared:
        found.append(declared)
    cls = function.cls
    if cls is not None and "__getitem__" in cls.methods and not found:
        # a dataset's method hands the render on as a training example, which a training loop reads as ids
        found.append(f"returned by `{function.qualname}` as an example of the dataset `{cls.name}`")
    for site, caller, site_ancestors in sites:
        for use in list_like_uses(site, site_ancestors, caller, flows, call_sites, depth + 1):
            found.append(f"returned by `{function.qualname}`, whose caller in {caller.display_name} uses it: {use}")
    return found


def _calls_function(site: cst.Call, caller: FunctionInfo, function: FunctionInfo) -> bool:
    """`site` calls `function`: a plain call of a module function, or `self.method(...)` in the same class."""
    is_method = isinstance(site.func, cst.Attribute)
    if (function.cls is not None) != is_method:
        return False
    if is_method:
        return caller.cls is function.cls and dotted_name(site.func.value) == "self"  # type: ignore[union-attr]
    return True


def _read_by_key(
    node: cst.CSTNode, function: FunctionInfo, ancestors: tuple[cst.CSTNode, ...], flows: dict[int, FunctionFlow]
) -> bool:
    """The value of `node` is read by key (`x["input_ids"]`, `x.input_ids`) or spread (`**x`), directly or
    through the local name it is assigned to."""
    if _keyed(node, ancestors):
        return True
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, cst.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0].target, cst.Name):
        name = parent.targets[0].target.value
        flow = function_flow(function, flows)
        binding = flow.binding_of(parent, name)
        if binding is not None:
            return any(_keyed(load.node, load.ancestors) for load in flow.loads_reached_by(binding))
    return False


def _keyed(node: cst.CSTNode, ancestors: tuple[cst.CSTNode, ...]) -> bool:
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, cst.Subscript) and parent.value is node and len(parent.slice) == 1:
        element = parent.slice[0].slice
        return isinstance(element, cst.Index) and string_value(element.value) is not None
    if isinstance(parent, cst.Attribute) and parent.value is node:
        return parent.attr.value in ("input_ids", "attention_mask", "keys", "items", "get")
    return isinstance(parent, cst.Arg) and parent.star == "**"


def _returned_in_tuple(function: FunctionInfo) -> list[str]:
    """Returned inside a tuple: counted only where the tuple is a dataset example (a dataset class's method)."""
    cls = function.cls
    if cls is not None and "__getitem__" in cls.methods:
        return [f"returned by `{function.qualname}` inside an example of the dataset `{cls.name}`"]
    return []


def _declares_ids(function: FunctionInfo) -> str:
    """The function is annotated to return ids (`-> List[int]`, `-> torch.Tensor`, `-> mx.array`)."""
    node = function.node
    if not isinstance(node, cst.FunctionDef) or node.returns is None:
        return ""
    annotation = " ".join(code(node.returns.annotation).split())
    compact = annotation.replace(" ", "").lower()
    if compact in ("list[int]", "typing.list[int]", "sequence[int]", "mx.array", "torch.tensor", "np.ndarray"):
        return f"returned by `{function.qualname}`, which is annotated `-> {annotation}`"
    return ""


def _sequence_use(node: cst.CSTNode, ancestors: tuple[cst.CSTNode, ...]) -> str:
    """How the expression `node` is used, when that use treats it as a list of ids; "returned" when it is
    returned; "name:x" when it is assigned to the local name `x`; "" otherwise."""
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, cst.Arg) and parent.value is node and parent.keyword is None and not parent.star:
        call = ancestors[-2] if len(ancestors) > 1 else None
        if isinstance(call, cst.Call):
            callee = dotted_name(call.func) or ""
            if callee in _SEQUENCE_CALLS:
                return f"`{_short(call)}`"
            if isinstance(call.func, cst.Attribute) and call.func.attr.value == "append":
                attribute = dotted_name(call.func.value) or ""
                if attribute.startswith("self.") and attribute.count(".") == 1:
                    return f"item:{attribute[len('self.'):]}"
            if isinstance(call.func, cst.Attribute) and call.func.attr.value == "extend":
                return f"`{_short(call)}`"
            if isinstance(call.func, cst.Attribute) and call.func.attr.value == "append":
                target = (dotted_name(call.func.value) or "").lower()
                if "ids" in target or "token" in target:
                    return f"`{_short(call)}`, a list of ids"
        return ""
    if isinstance(parent, cst.Subscript) and parent.value is node and len(parent.slice) == 1:
        element = parent.slice[0].slice
        if isinstance(element, cst.Slice):
            return f"`{_short(parent)}`"
        index = element.value if isinstance(element, cst.Index) else None
        if isinstance(index, cst.Integer) or (
            isinstance(index, cst.UnaryOperation)
            and isinstance(index.operator, cst.Minus)
            and isinstance(index.expression, cst.Integer)
        ):
            return f"`{_short(parent)}`"
        return ""
    if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
        other = parent.right if parent.left is node else parent.left
        if isinstance(other, (cst.List, cst.ListComp)) or (
            isinstance(other, cst.BinaryOperation)
            and isinstance(other.operator, cst.Multiply)
            and isinstance(other.left, cst.List)
        ):
            return f"`{_short(parent)}`"
        return ""
    if isinstance(parent, cst.ListComp) and parent.elt is node and len(ancestors) > 1:
        # `self.data = [render(d) for d in data]`: the renders become a dataset's items
        assign = ancestors[-2]
        if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
            attribute = dotted_name(assign.targets[0].target) or ""
            if attribute.startswith("self.") and attribute.count(".") == 1:
                return f"item:{attribute[len('self.'):]}"
        return ""
    if isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is node:
        return f"`for {_short(parent.target)} in {_short(node)}`"
    if isinstance(parent, cst.Return):
        return "returned"
    if isinstance(parent, cst.Element) and len(ancestors) > 2 and isinstance(ancestors[-2], cst.Tuple):
        # `return (tokens, offset)`: returned as part of an example
        if isinstance(ancestors[-3], cst.Return):
            return "returned-in-tuple"
        return ""
    if isinstance(parent, cst.Assign) and len(parent.targets) == 1 and parent.value is node:
        target = parent.targets[0].target
        if isinstance(target, cst.Name):
            return f"name:{target.value}"
        key = _subscript_key(target)
        if key is not None and _is_ids_key(key):
            return f"`{_short(target)} = ...`"
        return ""
    if isinstance(parent, cst.AnnAssign) and parent.value is node and isinstance(parent.target, cst.Name):
        return f"name:{parent.target.value}"
    if isinstance(parent, cst.DictElement) and parent.value is node:
        key = string_value(parent.key)
        if key is not None and _is_ids_key(key):
            return f"`{{{key!r}: ...}}`"
        return ""
    return ""


def _subscript_key(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        element = node.slice[0].slice
        if isinstance(element, cst.Index):
            return string_value(element.value)
    return None


def _is_ids_key(key: str) -> bool:
    lowered = key.lower()
    return lowered in _IDS_KEYS or lowered.endswith("input_ids") or lowered.endswith("_ids")


def _short(node: cst.CSTNode, limit: int = 50) -> str:
    text = " ".join(code(node).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
