"""The facts a module states about chat templates, shared by every rule."""

from __future__ import annotations

import ast
import enum
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from chatlint.facts.syntax import is_property, is_self_attribute, names_a_processor, own_nodes
from chatlint.findings import Related


class ShapeKind(str, enum.Enum):
    FULL = "full"  # certainly ends with the assistant reply
    CONVERSATION = "conversation"  # a whole conversation from the data (`example["messages"]`); full in training
    PROMPT = "prompt"  # ends before the reply
    UNKNOWN = "unknown"


class Shape(NamedTuple):
    kind: ShapeKind
    evidence: str = ""  # why, in words, e.g. "ends with an assistant turn"
    is_reply: bool = (
        False  # the expression is a reply itself (`example["chosen"]`): what is put before it is the prompt
    )
    # places in other modules the answer comes from (the function of another module that built the conversation)
    related: tuple[Related, ...] = ()
    # it ends with the reply because the call turns a helper's switch on with a value the data decides (`answer`
    # for `if answer is not None:`): another setting of that value may need the generation prompt
    switched: bool = False
    # a conversation a loop grows by a turn each pass, measured once per pass: one render is both the prompt of
    # this pass's reply and, on the pass before, where a reply ends (the generation prompt cannot go on it alone)
    grown: bool = False

    @property
    def ends_with_reply(self) -> bool:
        return self.kind in (ShapeKind.FULL, ShapeKind.CONVERSATION)

    @property
    def known_end(self) -> bool:
        """The code shows how the conversation ends: with the reply, or before it."""
        return self.kind in (ShapeKind.FULL, ShapeKind.PROMPT)


UNKNOWN_SHAPE = Shape(ShapeKind.UNKNOWN)


class FlagSource(enum.Enum):
    """Where a flag's value is set: what a fix edits, and how certain the value is."""

    CALL = "call"  # a keyword of the call itself
    DEFAULT = "default"  # a literal default of a parameter the call passes on
    PARAMETER = "parameter"  # a parameter without a literal default: the caller decides
    FIELD = "field"  # a dataclass field or class attribute
    ATTRIBUTE = "attribute"  # `self.x = ...` in `__init__`
    KWARGS = "kwargs"  # a `**kwargs` dict the code can see
    PARTIAL = "partial"  # the keywords of a `functools.partial`
    ASSIGNMENT = "assignment"  # a local or module-level name assigned a literal once
    WRAPPER = "wrapper"  # the call inside a wrapper, judged at the wrapper's call site
    ABSENT = "absent"  # not given at all: the library default applies


class SpreadSource(enum.Enum):
    """Where the keywords of a `**mapping` handed to a template call come from: whether it may hide a flag."""

    VISIBLE = "visible"  # a dict the code shows whole (`**{...}`, a local `dict(...)`): its keys are read as keywords
    DATA = "data"  # a field of a data record (`**example.get("chat_template_kwargs", {})`): template variables
    # a configuration's template variables, by the name the field has taken in training stacks
    # (`**self.cfg.chat_template_kwargs`: `enable_thinking`, tools), not how the call renders
    CONFIG = "config"
    CALLER = "caller"  # the function's own `**kwargs` or a parameter: the callers decide what it holds
    UNKNOWN = "unknown"  # anything else: it may hold any keyword

    @property
    def may_hide_flags(self) -> bool:
        return self in (SpreadSource.CALLER, SpreadSource.UNKNOWN)


class Route(enum.Enum):
    """How a call reaches `apply_chat_template` (or a tokenizer)."""

    DIRECT = "direct"
    ALIAS = "alias"  # `render = tokenizer.apply_chat_template`
    PARTIAL = "partial"  # `functools.partial(tokenizer.apply_chat_template, ...)`
    PARAMETER = "parameter"  # the bound method handed in as a parameter
    WRAPPER = "wrapper"  # a function of the project that forwards to the real call
    # a function of another module that renders a conversation of its own making and returns the text: judged
    # there as a render, and here only as what its caller does with the text (a prompt that measures a mask)
    HELPER = "helper"


class Flag(NamedTuple):
    """What one keyword flag of an ``apply_chat_template`` call is, and where its value is set.

    ``value`` is True or False when the analysis knows it for certain (a literal, or a literal reached through a
    parameter default, a dataclass field, an ``__init__`` attribute, a ``**kwargs`` dict or ``functools.partial``),
    and None when it depends on something else (a role, a task, a caller).
    """

    name: str
    value: bool | None
    present: bool  # given at all (literally or through any of the routes above)
    node: ast.expr | None = None  # the expression that sets it, where a fix would edit
    source: FlagSource = FlagSource.CALL
    where: str = ""  # words for messages: "the parameter default of `ChatCollator.__init__`"
    # a flag an instance keeps, set from a parameter of its class's constructor (`self.header = header` in
    # `__init__`, a dataclass field): (the class, the parameter), whose callers may pass another value
    constructed: tuple[str, str] | None = None

    @property
    def is_true(self) -> bool:
        return self.value is True

    @property
    def set_in_call(self) -> bool:
        return self.source is FlagSource.CALL


class Param(NamedTuple):
    """One parameter of a function: its name and default expression (None when it has none)."""

    name: str
    default: ast.expr | None = None
    annotation: ast.expr | None = None


@dataclass
class ClassInfo:
    node: ast.ClassDef
    name: str
    bases: list[str]
    is_dataclass: bool
    # `name: T = value` and `name = value` in the class body
    fields: dict[str, ast.expr] = field(default_factory=dict)
    # `name: T` (with a value or not) in the class body: a dataclass's fields by their annotation
    annotations: dict[str, ast.expr] = field(default_factory=dict)
    # `self.name = value` in __init__ / __post_init__
    init_attributes: dict[str, ast.expr] = field(default_factory=dict)
    # `self.name = value` in any method, every value in source order
    attributes: dict[str, list[ast.expr]] = field(default_factory=dict)
    methods: dict[str, FunctionInfo] = field(default_factory=dict)
    # its base classes defined in the same module (set once the module is indexed)
    module_bases: list[ClassInfo] = field(default_factory=list)
    # the classes of the module that name it as a base
    module_subclasses: list[ClassInfo] = field(default_factory=list)

    def lineage(self) -> list[ClassInfo]:
        """The class and the base classes of its module it inherits from, nearest first (at most four, the first base
        of the module at each step)."""
        found = [self]
        while len(found) < 4 and found[-1].module_bases:
            base = found[-1].module_bases[0]
            if any(base is seen for seen in found):
                break
            found.append(base)
        return found

    def method(self, name: str) -> FunctionInfo | None:
        """The method `name` the class defines, or inherits from a base class of its module (the nearest)."""
        return next((owner.methods[name] for owner in self.lineage() if name in owner.methods), None)

    def property_attribute(self, name: str) -> str | None:
        """The attribute `self.<name>` reads when `name` is a property of the class (or of a base class of its
        module) that returns one attribute of the instance, as it is or once loaded (`if self._llm is None:
        self.load()`, `return self._llm`): `_llm`; None for anything else."""
        method = self.method(name)
        if method is None or not is_property(method):
            return None
        returned = {is_self_attribute(node.value) for node in own_nodes(method.node) if isinstance(node, ast.Return)}
        attribute = returned.pop() if len(returned) == 1 else None
        return attribute if attribute != name else None

    @property
    def constructor_params(self) -> list[str]:
        """The parameters a construction of the class binds, in order: its `__init__`'s, or a dataclass's fields."""
        init = self.methods.get("__init__")
        return init.call_params if init is not None else list(self.annotations)

    def defines(self, method: str) -> bool:
        """Does the class, or a base class of its module it inherits from, define `method` itself?"""
        return any(method in cls.methods for cls in self.lineage())

    @property
    def looks_like_collator(self) -> bool:
        return "collat" in self.name.lower() or any("collat" in base.lower() for base in self.bases)

    @property
    def looks_like_dataset(self) -> bool:
        return "dataset" in self.name.lower() or any(base.split(".")[-1].endswith("Dataset") for base in self.bases)


def classes_of(functions: list[FunctionInfo]) -> dict[str, ClassInfo]:
    """The classes the functions are methods of, by name (the first of two with one name)."""
    found: dict[str, ClassInfo] = {}
    for function in functions:
        if function.cls is not None:
            found.setdefault(function.cls.name, function.cls)
    return found


FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class FunctionInfo:
    node: FunctionNode | ast.Module
    name: str
    qualname: str
    cls: ClassInfo | None = None
    params: dict[str, Param] = field(default_factory=dict)
    star_kwargs: str | None = None
    # local name -> every value assigned to it, in source order
    assignments: dict[str, list[ast.expr]] = field(default_factory=dict)
    # `for name in iterable` (loops and comprehensions): name -> iterable
    loop_sources: dict[str, ast.expr] = field(default_factory=dict)
    # `name.append(x)` -> ("append", x); `name.extend(xs)` / `name += xs` -> ("extend", xs)
    mutations: dict[str, list[tuple[str, ast.expr]]] = field(default_factory=dict)
    # the values of those mutations made under an `if` or in a loop: which one comes last depends on the data
    conditional_mutations: set[ast.expr] = field(default_factory=set)
    # labels evidence: where this function builds `labels` ("assigns `batch['labels']`"), or "" when it does not
    labels_evidence: str = ""
    calls_generate: bool = False
    # runs a training loop it was handed or built: `trainer.train()`, with no arguments
    calls_train: bool = False
    # how the function is handed to a dataset builder: "`.map()`", "`formatting_func=`", ...; "" if it is not
    passed_to: str = ""
    # the first `...Trainer(...)` this function constructs, e.g. "SFTTrainer"; "" if none
    trainer_call: str = ""
    # `name["key"] = value` and `name.update(key=value)`: keys set on a local dict, by dict name
    key_assignments: dict[str, dict[str, ast.expr]] = field(default_factory=dict)
    # the function (or module) this one is defined in: names not found here are looked up there
    outer: FunctionInfo | None = None
    # what the function calls `apply_chat_template` on, by dotted name (`self.proc`, `tokenizer`)
    chat_renderers: set[str] = field(default_factory=set)
    # for a module-level function (its name defined once), the calls of the module that call it by name, each with
    # the function it is made in: what its parameters are given
    callers: list[tuple[ast.Call, FunctionInfo]] = field(default_factory=list)

    @property
    def is_module(self) -> bool:
        return isinstance(self.node, ast.Module)

    @property
    def display_name(self) -> str:
        return "module level" if self.is_module else f"`{self.qualname}`"

    @property
    def is_stub(self) -> bool:
        """Declares its signature only (a `Protocol`'s or an abstract method: `...`, `pass`, a docstring, `raise
        NotImplementedError`): it does nothing."""
        node = self.node
        body = node.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
        return bool(body) and all(
            isinstance(statement, ast.Pass)
            or (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))
            or (isinstance(statement, ast.Raise) and "NotImplementedError" in ast.unparse(statement))
            for statement in body
        )

    @property
    def self_class(self) -> ClassInfo | None:
        """The class `self` names here: a method's class, or, in a function nested in a method that does not take a
        `self` of its own (a route handler, a callback: `async def ws(websocket): ... self._engine.generate(...)`),
        the method's."""
        function = self
        while function.cls is None:
            outer = function.outer
            if outer is None or outer.is_module or "self" in function.params:
                return None
            function = outer
        return function.cls

    @property
    def call_params(self) -> list[str]:
        """The parameters a call's arguments bind, in order: a method's first (`self`, `cls`) is bound by the call
        itself and left out; a `@staticmethod`'s is kept."""
        names = list(self.params)
        node = self.node
        decorators = node.decorator_list if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
        static = any(isinstance(item, ast.Name) and item.id == "staticmethod" for item in decorators)
        return names[1:] if self.cls is not None and not static and names else names

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


@dataclass
class TemplateCall:
    """One call that renders a conversation with a chat template, directly or through an alias or wrapper."""

    call: ast.Call
    function: FunctionInfo
    ancestors: tuple[ast.AST, ...]
    conversation: ast.expr | None
    conversation_text: str
    shape: Shape
    flags: dict[str, Flag]
    route: Route = Route.DIRECT
    via: str = ""  # words for messages, "" for a direct call: "the alias `render`", "the wrapper `render_chat`"
    # how the result is used: subset of {"length", "compare", "generate", "data"}
    uses: frozenset[str] = frozenset()
    # the name the result is stored under (`prompt = ...`, `{"prompt": ...}`, `row["text"] = ...`), or ""
    result_name: str = ""
    # True for the call inside a wrapper whose conversation is a parameter that callers in this module fill:
    # it is judged at those call sites, not here
    deferred: bool = False
    # places in other modules the render goes through (the wrapper it calls, defined in another module)
    related: tuple[Related, ...] = ()
    # for a helper of another module (`Route.HELPER`): the rendered text its caller receives, in words
    helper_origin: TextOrigin | None = None
    # the conversation is a call of a helper of the module that returns this argument with its end kept
    # (`self._with_system(messages)`, which puts a system message in front)
    kept_from: ast.expr | None = None
    # for a call of a function of another module: it returns what its render gives as it is (ids or a
    # `BatchEncoding`), so this call's uses of the result are the render's (CL005)
    gives_result: bool = False
    # for a call of a wrapper of another module: it returns the length of what it renders, in tokens
    measures: bool = False
    # for a call of a wrapper of another module: it returns its render with the BOS taken off
    strips_bos: bool = False
    # for a call of a function of another module that returns the ids of renders in tuples: their places there
    positions: tuple[int, ...] = ()
    # for a call of a function of another module that returns rendered text in tuples: its place there
    text_positions: tuple[int, ...] = ()
    # where each `**mapping` that reaches `apply_chat_template` comes from (for a wrapper's call site: the
    # wrapper's own, with the `**kwargs` it forwards replaced by what the call site spreads)
    spreads: tuple[SpreadSource, ...] = ()
    # for a wrapper's call site: the expression the call passes for each flag the wrapper forwards (by keyword or
    # position), what a wrapper around this call forwards in turn
    forwarded: dict[str, ast.expr] = field(default_factory=dict, compare=False)
    # for a call of a wrapper of this module: the line of the render inside it
    wrapper_line: int = 0

    def flag(self, name: str) -> Flag:
        return self.flags[name]

    @property
    def by_processor(self) -> bool:
        """A processor renders (`processor.apply_chat_template`, `self.processor...`): its `tokenize` defaults to
        False, so it returns text unless asked to tokenize."""
        func = self.call.func
        if self.route is not Route.DIRECT or not isinstance(func, ast.Attribute):
            return False
        return names_a_processor(func.value)

    @property
    def returns_text(self) -> bool:
        """The render gives text: `tokenize=False`, or a processor's render that leaves `tokenize` to its default
        (and no `**mapping` that may set it)."""
        tokenize = self.flag("tokenize")
        if tokenize.present:
            return tokenize.value is False
        return self.by_processor and not self.may_hide_flags

    @property
    def through_wrapper(self) -> bool:
        return self.route in (Route.WRAPPER, Route.HELPER)

    @property
    def may_hide_flags(self) -> bool:
        """A `**mapping` reaches the call that may set a flag the analysis cannot see (a caller's `**kwargs`, an
        opaque value); a mapping read from the data carries template variables, not flags."""
        return any(source.may_hide_flags for source in self.spreads)


class Hop(NamedTuple):
    """One step of a text's route back to its render: a name or expression, or a place the text was kept in (a
    helper that returns it, an attribute that stores it), which messages name."""

    words: str
    is_place: bool = False


@dataclass(frozen=True)
class TextOrigin:
    """Why a text is known to come from a chat template rendered with `tokenize=False`."""

    render: str  # the render, in words: "`self.tokenizer.apply_chat_template(..., tokenize=False)`"
    route: tuple[Hop, ...] = ()  # the hops from the tokenized expression back to the render
    same_function: bool = True  # rendered in the function that tokenizes it
    certain: bool = True  # every value that can reach the tokenizer is such a text
    batch: bool = False  # the tokenized expression is a list of such texts
    line: int = 0  # of the render (in the module the render is in)
    # places in other modules on the way (a render in an imported helper, the `.map` that stored it in a column)
    related: tuple[Related, ...] = ()
    # the template call that rendered it (the first one found), for rules that pair two texts of one function
    render_call: ast.Call | None = field(default=None, compare=False)
    # the text was changed on the way (`render + reply`, `text[:n]`, `text.strip()`): it starts with the render but
    # is not all of it, so its length is not the render's
    altered: bool = False
    # a render of another module that is a prompt rendered without the generation prompt: its shape in words
    prompt: str = ""
    # a text written by hand that starts with a model's BOS token (`f"<s>[INST] {text} [/INST]"`): that token
    written_bos: str = ""

    def describe(self) -> str:
        """The route in a few words: the helpers and attributes it went through, then the render."""
        places = [hop.words for hop in dict.fromkeys(self.route) if hop.is_place]
        start = f"written with the BOS token `{self.written_bos}` at its start ({self.render})"
        return ", ".join([start if self.written_bos else f"rendered by {self.render}", *reversed(places)])


def with_hop(origin: TextOrigin | None, hop: Hop | str, altered: bool = False) -> TextOrigin | None:
    """`origin` reached through one more hop (the first of its route), unless that hop is already its first;
    `altered`: the hop changes the text (see `TextOrigin.altered`)."""
    if isinstance(hop, str):
        hop = Hop(hop)
    if origin is None:
        return None
    if altered and not origin.altered:
        origin = replace(origin, altered=True)
    if origin.route[:1] == (hop,):
        return origin
    return replace(origin, route=(hop, *origin.route))


@dataclass
class TokenizerCall:
    call: ast.Call
    function: FunctionInfo
    text: ast.expr | None
    add_special_tokens: Flag
    special_tokens_known: bool  # False when an opaque `**kwargs` or `*args` may set `add_special_tokens`
    origin: TextOrigin | None = None  # set when the text comes from a chat template
    via: str = ""  # "" for a direct call, else "the helper `tokenize`"
    inner: TokenizerCall | None = None  # for a helper: the tokenizer call inside it (where a fix goes)
    # a helper of another module: where it tokenizes, and the keyword its call site takes to turn special tokens
    # off (a parameter it forwards as `add_special_tokens`), or None when only the helper itself can change
    related: tuple[Related, ...] = ()
    off_keyword: str | None = "add_special_tokens"
    # a serving engine that tokenizes the text itself ("vLLM's `LLM.generate`"), and whether its call takes
    # `add_special_tokens` (a transformers pipeline does; vLLM's `generate` does not: nothing to turn off there)
    engine: str = ""
    engine_takes_flag: bool = False
    # `ds.map(partial(encode, tok=tok))` with `encode` a function of another module that tokenizes this column of
    # its row, or `tokenize_dataset(ds, tok)` with a function of another module that maps one such over the dataset
    # it is given: the dataset (`text` is None: this column of its rows is the text; `call` is the partial, the
    # lambda's call, or a call that takes no flag)
    column: str = ""
    dataset: ast.expr | None = None
    # False when no edit turns special tokens off for this call alone: a helper that tokenizes the text untouched
    # only for the flag the call passes (`complete(prompt, formatted=True)`), its other callers need them
    fixable: bool = True
    # for a helper: its other tokenizer calls of the same text (a fallback), which the fix turns off too
    also_inner: tuple[TokenizerCall, ...] = ()
    # `text` is a list of tuples and this element of each is what is tokenized (a helper flushing a batch of
    # `(sample, prompt)` pairs)
    element: int | None = None
    # through a helper that tokenizes each item of the list it is given: LISTED, or TEXT_OR_LISTED when it also
    # takes one text (see `Helper.items`); "" otherwise
    items: str = ""

    @property
    def opaque_helper(self) -> bool:
        """A call of a helper whose own tokenizer call is not known here (no `inner` to edit): one of another module
        (`related` names where it tokenizes), or one that hands the tokenizer its `**kwargs`."""
        return bool(self.via) and self.inner is None

    @property
    def adds_special_tokens(self) -> bool:
        """Special tokens are certainly added: the flag is absent (default True) or a literal True."""
        if not self.special_tokens_known:
            return False
        return not self.add_special_tokens.present or self.add_special_tokens.value is True


class SplitTokenization(NamedTuple):
    """`ids_of(first_text) + ids_of(second_text)` where the second was tokenized with special tokens."""

    node: ast.BinOp | ast.AugAssign | ast.Call  # `+`, `+=`, or `torch.cat((a, b))`
    first: TokenizerCall
    second: TokenizerCall
    function: FunctionInfo


CallSite = tuple[ast.Call, FunctionInfo, tuple[ast.AST, ...]]

# what a helper of a list of texts takes (`TokenizerCall.items`): only a list, or also one text it makes a list of
LISTED = "listed"
TEXT_OR_LISTED = "text-or-listed"
