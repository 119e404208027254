"""The facts a module states about chat templates, shared by every rule."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst
from libcst.metadata import CodeRange

if TYPE_CHECKING:
    from chatlint.facts.tokenizer_calls import SplitTokenization, TokenizerCall


class ShapeKind(str, enum.Enum):
    FULL = "full"  # certainly ends with the assistant reply
    CONVERSATION = "conversation"  # a whole conversation from the data (`example["messages"]`); full in training
    PROMPT = "prompt"  # ends before the reply
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Shape:
    kind: ShapeKind
    evidence: str = ""  # why, in words, e.g. "ends with an assistant turn"

    @property
    def ends_with_reply(self) -> bool:
        return self.kind in (ShapeKind.FULL, ShapeKind.CONVERSATION)


UNKNOWN_SHAPE = Shape(ShapeKind.UNKNOWN)


@dataclass(frozen=True)
class Flag:
    """What one keyword flag of an ``apply_chat_template`` call is, and where its value is set.

    ``value`` is True or False when the analysis knows it for certain (a literal, or a literal reached through a
    parameter default, a dataclass field, an ``__init__`` attribute, a ``**kwargs`` dict or ``functools.partial``),
    and None when it depends on something else (a role, a task, a caller).
    """

    name: str
    value: bool | None
    present: bool  # given at all (literally or through any of the routes above)
    node: cst.BaseExpression | None = None  # the expression that sets it, where a fix would edit
    source: str = "call"  # call | default | field | attribute | kwargs | partial | assignment | wrapper
    where: str = ""  # words for messages: "the parameter default of `ChatCollator.__init__`"

    @property
    def is_true(self) -> bool:
        return self.value is True

    @property
    def set_in_call(self) -> bool:
        return self.source == "call"


@dataclass
class ClassInfo:
    node: cst.ClassDef
    name: str
    bases: list[str]
    is_dataclass: bool
    # `name: T = value` and `name = value` in the class body
    fields: dict[str, cst.BaseExpression] = field(default_factory=dict)
    # `self.name = value` in __init__ / __post_init__
    init_attributes: dict[str, cst.BaseExpression] = field(default_factory=dict)
    methods: dict[str, FunctionInfo] = field(default_factory=dict)

    @property
    def looks_like_collator(self) -> bool:
        return "collat" in self.name.lower() or any("collat" in base.lower() for base in self.bases)

    @property
    def looks_like_dataset(self) -> bool:
        return "dataset" in self.name.lower() or any(base.split(".")[-1].endswith("Dataset") for base in self.bases)


@dataclass
class FunctionInfo:
    node: cst.FunctionDef | cst.Module
    name: str
    qualname: str
    cls: ClassInfo | None = None
    params: dict[str, cst.Param] = field(default_factory=dict)
    star_kwargs: str | None = None
    # local name -> every value assigned to it, in source order
    assignments: dict[str, list[cst.BaseExpression]] = field(default_factory=dict)
    # `for name in iterable` (loops and comprehensions): name -> iterable
    loop_sources: dict[str, cst.BaseExpression] = field(default_factory=dict)
    # `name.append(x)` -> ("append", x); `name.extend(xs)` / `name += xs` -> ("extend", xs)
    mutations: dict[str, list[tuple[str, cst.BaseExpression]]] = field(default_factory=dict)
    # the values of those mutations made under an `if` or in a loop: which one comes last depends on the data
    conditional_mutations: set[cst.BaseExpression] = field(default_factory=set)
    # labels evidence: where this function builds `labels` ("assigns `batch['labels']`"), or "" when it does not
    labels_evidence: str = ""
    calls_generate: bool = False
    passed_to_map: bool = False
    # how the function is handed to a dataset builder: "`.map()`", "`formatting_func=`", ...; "" if it is not
    passed_to: str = ""
    # the first `...Trainer(...)` this function constructs, e.g. "SFTTrainer"; "" if none
    trainer_call: str = ""
    # `name["key"] = value` and `name.update(key=value)`: keys set on a local dict, by dict name
    key_assignments: dict[str, dict[str, cst.BaseExpression]] = field(default_factory=dict)
    # the function (or module) this one is defined in: names not found here are looked up there
    outer: FunctionInfo | None = None

    @property
    def is_module(self) -> bool:
        return isinstance(self.node, cst.Module)

    @property
    def display_name(self) -> str:
        return "module level" if self.is_module else f"`{self.qualname}`"


@dataclass
class TemplateCall:
    """One call that renders a conversation with a chat template, directly or through an alias or wrapper."""

    call: cst.Call
    function: FunctionInfo
    ancestors: tuple[cst.CSTNode, ...]
    conversation: cst.BaseExpression | None
    conversation_text: str
    shape: Shape
    flags: dict[str, Flag]
    via: str = ""  # "" for a direct call, else how: "the alias `render`", "the wrapper `render_chat`"
    # how the result is used: subset of {"length", "compare", "generate", "data"}
    uses: frozenset[str] = frozenset()
    # the name the result is stored under (`prompt = ...`, `{"prompt": ...}`, `row["text"] = ...`), or ""
    result_name: str = ""
    # True for the call inside a wrapper whose conversation is a parameter that callers in this module fill:
    # it is judged at those call sites, not here
    deferred: bool = False
    # where the result is used as a list of token ids (`len(ids)`, `ids[:n]`, ...), in words, for CL005
    list_uses: tuple[str, ...] = ()

    def flag(self, name: str) -> Flag:
        return self.flags[name]


@dataclass
class ModuleFacts:
    path: str
    module: cst.Module
    functions: list[FunctionInfo]
    classes: dict[str, ClassInfo]
    template_calls: list[TemplateCall]
    # every call in the module with the function it is in and its ancestors (outermost first)
    calls: list[tuple[cst.Call, FunctionInfo, tuple[cst.CSTNode, ...]]]
    # source order of every node: lets a rule ask whether one thing happens before another
    order: dict[cst.CSTNode, int]
    # training / inference hint from the configuration (`training-paths`, `inference-paths`), or None
    path_hint: str | None = None
    # calls that tokenize text, with where the text comes from (see `tokenizer_calls`)
    tokenizer_calls: list[TokenizerCall] = field(default_factory=list)
    # ids of two separately tokenized texts concatenated, the second with special tokens
    split_tokenizations: list[SplitTokenization] = field(default_factory=list)
    # each node's parent, and the nodes of each function (and of the module) by id of its root node
    parents: dict[cst.CSTNode, cst.CSTNode | None] = field(default_factory=dict, repr=False)
    scope_members: dict[int, list[cst.CSTNode]] = field(default_factory=dict, repr=False)
    _positions: Mapping[cst.CSTNode, CodeRange] | None = field(default=None, repr=False, compare=False)
    _ancestors: dict[cst.CSTNode, tuple[cst.CSTNode, ...]] = field(default_factory=dict, repr=False, compare=False)

    def code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def ancestors(self, node: cst.CSTNode) -> tuple[cst.CSTNode, ...]:
        """The nodes that contain `node`, outermost first (computed from the parents, then kept)."""
        cache = self._ancestors
        chain = []
        current = self.parents.get(node)
        while current is not None and current not in cache:
            chain.append(current)
            current = self.parents.get(current)
        above = cache[current] + (current,) if current is not None else ()
        for link in reversed(chain):
            cache[link] = above
            above = above + (link,)
        cache[node] = above
        return above

    def scope_nodes(self, root: cst.CSTNode) -> list[tuple[cst.CSTNode, tuple[cst.CSTNode, ...]]]:
        """Every node of the function (or module) `root`, with its ancestors, in source order, without the bodies
        of nested functions and classes; `root` itself comes first, with no ancestors."""
        return [(node, () if node is root else self.ancestors(node)) for node in self.scope_members.get(id(root), [])]

    def positions(self) -> Mapping[cst.CSTNode, CodeRange]:
        """Every node's position; computed on first use (it costs a code generation pass), then kept."""
        if self._positions is None:
            from chatlint.facts.positions import node_positions

            self._positions = node_positions(self.module)
        return self._positions
