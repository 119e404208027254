"""What a module learns from the modules it imports: their summaries, by the names this module binds them to.

`chatlint.linking` resolves the imports of a module to files of the project and builds its `Links`; the facts ask
it about a callee (`render_chat(...)`, `chat_utils.render_chat(...)`) or an imported name (`ChatCollator`). The
analysis of one module never reads another module's text: only its summary.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from chatlint.facts.column_names import field_default
from chatlint.facts.model import FunctionInfo, Hop, TextOrigin
from chatlint.facts.summary import (
    CheckpointLoader,
    ConversationSummary,
    MaskSummary,
    MeasureSummary,
    ModuleSummary,
    PadLoader,
    RendererFactory,
    RoleGuard,
    TextSummary,
    TokenizerSummary,
    WrapperSummary,
    constant_binding,
)
from chatlint.facts.syntax import dotted_name
from chatlint.findings import Related


class Imported(NamedTuple):
    summary: ModuleSummary
    symbol: str | None  # the name imported from the module, or None when the name is the module itself


@dataclass
class Links:
    # a name this module binds by an import (`render_chat`, `utils`, `pkg.data`) -> what it stands for
    names: dict[str, Imported] = field(default_factory=dict)
    # the functions an imported collator hands a pad id to and that mask labels by it (`mask_padding`), by
    # `helper_key`
    through: dict[str, Imported] = field(default_factory=dict)
    # parameters that modules of the project hand an instance of an imported rendering class (`SFTDataset(rows,
    # builder)` in `train.py`): `(owner, param)` -> the name in `names` the class is bound to (see `facts.handed`)
    param_classes: dict[tuple[str, str], str] = field(default_factory=dict)
    # the model families the run's modules that import this one name, when each names only known ones (what a module
    # that loads no model of its own is run with); empty when any importer names none or an unknown one
    importer_families: tuple[str, ...] = ()
    # the model families the helpers of other modules of the run that this module hands rendered text to load,
    # when each of its double-BOS findings goes through one that loads a model, all of known families (see
    # `ProjectStep._helper_families`)
    helper_families: tuple[str, ...] = ()
    # the project's own classes (outside its tests) define `apply_chat_template`, and this module imports no tokenizer
    # library: the objects it calls `apply_chat_template` on may be those (`HFTokenizer.apply_chat_template`
    # returning a list of ids), not a transformers tokenizer
    own_chat_templates: bool = False
    # columns of the rows a stage of another module writes a render in, when a module uses that stage and something
    # of this module (a pipeline script importing both), or this module imports it: column -> the stage's text, its
    # module, and who uses it, in words
    row_columns: dict[str, tuple[TextSummary, ModuleSummary, str]] = field(default_factory=dict)
    # the values other modules of the run build this module's classes with, for a constructor parameter a render's
    # flag comes from (`VisionChatCollator(processor, 1024, True)` in `train.py`): `(class, parameter)` -> each (the
    # value, the module that passes it, the line)
    constructions: dict[tuple[str, str], list[tuple[bool, str, int]]] = field(default_factory=dict)
    # `(class, parameter)`: constructor parameters with a checkpoint default that some construction of the class in
    # the run passes (`PrunedLlava(64, model_name=args.model)` in a script): the default is not all that runs (the
    # model is unknown there; see `module.checkpoint_of`)
    passed_defaults: set[tuple[str, str]] = field(default_factory=set)
    # an imported class that leaves methods to its subclasses (`ModelBackend`, abstract) -> the subclasses in its
    # folder (or below it) that implement one by tokenizing its parameter (`HuggingFaceBackend`) or by returning a
    # render (`HFPromptTokenizer`): what a call on an instance known only as the base may run (`backend:
    # ModelBackend`, then `backend.tokenize(text)`)
    implementations: dict[str, tuple[Imported, ...]] = field(default_factory=dict)
    # a method this module's class leaves to its subclasses (`Base._format_inputs`, abstract) -> the override of a
    # subclass in another module of the run that returns a render (`Conversational._format_inputs`): what the
    # base's own call of it (`self._format_inputs(packet)`) gives on that subclass
    overrides: dict[str, Imported] = field(default_factory=dict)
    # the switch fields the run's modules set to a literal outside a template call, with the value
    # (`replace(cfg.template, add_generation_prompt=False)`): a configuration class's default is not all that renders
    overridden_switches: frozenset[tuple[str, bool]] = frozenset()
    # the template flags this module reads off an object whose class it may not show (`self.cfg.
    # add_generation_prompt`), which every configuration class of the run that declares a field of that name
    # defaults alike: flag -> that default, the field as a class names it, and its place
    # (`config_switches.run_switch_defaults`)
    switch_defaults: dict[str, tuple[bool, str, Related]] = field(default_factory=dict)
    # the checkpoint fields this module reads off an object handed to it (`def infer(args): ... from_pretrained(
    # args.checkpoint_dir)`) whose command-line options the run's modules all default to checkpoints of one family
    # (`project_step._run_option_checkpoints`): field -> the first of them
    option_checkpoints: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(
            self.names
            or self.importer_families
            or self.helper_families
            or self.own_chat_templates
            or self.row_columns
            or self.constructions
            or self.implementations
            or self.overrides
            or self.switch_defaults
            or self.option_checkpoints
            or self.passed_defaults
        )

    def resolve(self, node: ast.expr | str) -> tuple[ModuleSummary, str] | None:
        """The module and name an expression (or a dotted name) stands for: `render_chat` imported from it, or
        `utils.render_chat` with `utils` an imported module."""
        dotted = node if isinstance(node, str) else dotted_name(node)
        if dotted is None:
            return None
        imported = self.names.get(dotted)
        if imported is not None and imported.symbol is not None:
            return imported.summary, imported.symbol
        head, _, attribute = dotted.rpartition(".")
        imported = self.names.get(head) if head else None
        if imported is not None and imported.symbol is None:
            return imported.summary, attribute
        return None

    def wrapper(self, node: ast.expr) -> tuple[WrapperSummary, ModuleSummary] | None:
        """The wrapper of the template that `node` names in another module."""
        return _member(self.resolve(node), ModuleSummary.wrapper)

    def wrapper_registry(self, node: ast.expr) -> tuple[WrapperSummary, ModuleSummary] | None:
        """The wrapper of another module whose partials the registry `node` names holds (`PROMPT_ENCODERS`), with
        the flags they bind: what an item of it is, called."""
        return _member(self.resolve(node), ModuleSummary.wrapper_registry)

    def override(self, cls: str, method: str) -> tuple[TextSummary, ModuleSummary] | None:
        """The override of `cls.method` (left to subclasses) in another module of the run, when it returns a render."""
        imported = self.overrides.get(f"{cls}.{method}")
        if imported is None or imported.symbol is None:
            return None
        text = imported.summary.text(imported.symbol)
        return (text, imported.summary) if text is not None else None

    def row_registry(self, node: ast.expr) -> tuple[list[TextSummary], ModuleSummary, int] | None:
        """The registry of functions of another module that `node` names (`PREPROCESSORS`), when some of them write
        a render into their rows or make a function that does: those functions' summaries, the module, and how many
        functions the registry holds."""
        found = self.resolve(node)
        members = found[0].row_registry(found[1]) if found is not None else ()
        if found is None or not members:
            return None
        texts = [text for text in map(found[0].text, members) if text is not None]
        return texts, found[0], len(members)

    def text(self, node: ast.expr) -> tuple[TextSummary, ModuleSummary] | None:
        """The function of another module that `node` names, when it returns a render (or rows holding one)."""
        return _member(self.resolve(node), ModuleSummary.text)

    def render(self, node: ast.expr) -> tuple[TextSummary, ModuleSummary] | None:
        """The function of another module that `node` names, when it returns what a render of it gives (a text,
        rows, or ids)."""
        return _member(self.resolve(node), ModuleSummary.render)

    def measure(self, node: ast.expr) -> tuple[MeasureSummary, ModuleSummary] | None:
        """The function of another module that `node` names, when it masks labels by the token length of a column
        of its rows (or maps such a function over a dataset it is given)."""
        return _member(self.resolve(node), ModuleSummary.measure)

    def tokenizer(self, node: ast.expr) -> tuple[TokenizerSummary, ModuleSummary] | None:
        """The function of another module that `node` names, when it tokenizes one of its parameters."""
        return _member(self.resolve(node), ModuleSummary.tokenizer)

    def conversation(
        self, node: ast.expr, position: int | None = None
    ) -> tuple[ConversationSummary, ModuleSummary] | None:
        """The function of another module that `node` names, when it returns a conversation whose end it shows (at
        `position` of the tuples it returns, when given)."""
        found = self.resolve(node)
        if found is None:
            return None
        summary, name = found
        conversation = summary.conversation(name, position)
        return (conversation, summary) if conversation is not None else None

    def pad_loader(self, node: ast.expr) -> tuple[PadLoader, ModuleSummary] | None:
        """The function of another module that `node` names, when it makes a tokenizer pad with its EOS token and
        returns it (`tokenizer = utils.get_tokenizer(config)`)."""
        return _member(self.resolve(node), ModuleSummary.pad_loader)

    def renderer_factory(self, node: ast.expr) -> tuple[RendererFactory, ModuleSummary] | None:
        """The function of another module that `node` names, when it returns the template method bound with
        flags (`self.render = make_renderer(tok)`)."""
        return _member(self.resolve(node), ModuleSummary.renderer_factory)

    def role_guard(self, node: ast.expr) -> tuple[RoleGuard, ModuleSummary] | None:
        """The function of another module that `node` names, when it checks how the conversation it is given
        ends (`split_conversation(conv)`)."""
        return _member(self.resolve(node), ModuleSummary.role_guard)

    def method_role_guard(self, cls: ast.expr | str, method: str) -> tuple[RoleGuard, ModuleSummary] | None:
        """A method of a class imported from another module that tests how a conversation ends (a predicate)."""
        return _member(self.resolve(cls), ModuleSummary.role_guard, f".{method}")

    def checkpoint_loader(self, node: ast.expr) -> tuple[CheckpointLoader, ModuleSummary] | None:
        """The function or class of another module that `node` names, when it loads the checkpoint one of its
        parameters names (`VLLMEngine(cfg.model)`)."""
        return _member(self.resolve(node), ModuleSummary.checkpoint_loader)

    def method_text(self, cls: ast.expr | str, method: str) -> tuple[TextSummary, ModuleSummary] | None:
        """A method of a class imported from another module (`cls` names the class, as an expression or a dotted
        name: a base class) that returns a render."""
        return _member(self.resolve(cls), ModuleSummary.text, f".{method}") or self._implemented(
            cls, method, ModuleSummary.text
        )

    def method_render(self, cls: ast.expr | str, method: str) -> tuple[TextSummary, ModuleSummary] | None:
        """A method of a class imported from another module that returns what a render of it gives (see
        `render`), or of the class that implements it (an abstract base's, a registry's: `implementations`)."""
        return _member(self.resolve(cls), ModuleSummary.render, f".{method}") or self._implemented(
            cls, method, ModuleSummary.render
        )

    def stored_text(self, cls: ast.expr | str, attribute: str) -> tuple[TextSummary, ModuleSummary] | None:
        """An attribute a class imported from another module stores rendered text in (`cls` names the class: a
        base class)."""
        return _member(self.resolve(cls), ModuleSummary.stored_text, f".{attribute}")

    def switch(self, cls: ast.expr, field: str) -> tuple[bool, str, Related] | None:
        """The default a configuration class of another module (`cls` names it) declares for its switch field
        `field` (`ModelArgs.add_bos_token = True`), with the class's name there and the field's place."""
        found = self.resolve(cls)
        declared = found[0].switch(found[1], field) if found is not None else None
        if found is None or declared is None:
            return None
        summary, name = found
        default, line = declared
        return default, name, Related(summary.path, line, f"`{name}.{field}` defaults to `{default}`")

    def inherited(
        self, func: ast.expr, function: FunctionInfo, lookup: Callable[[ModuleSummary, str], _Member | None]
    ) -> tuple[_Member, ModuleSummary] | None:
        """What `lookup` finds for `self.method` called in a method of a class that inherits `method` from a base
        class of another module (`class ChatLLM(LocalLLM)` with `from .base import LocalLLM`: `self.complete(...)`,
        `self.apply_chat_template(...)`): the first base whose summary has it."""
        cls = function.cls
        if cls is None or not isinstance(func, ast.Attribute) or dotted_name(func.value) not in ("self", "cls"):
            return None
        if func.attr in cls.methods or func.attr in cls.attributes:
            return None
        for base in cls.bases:
            found = _member(self.resolve(base), lookup, f".{func.attr}")
            if found is not None:
                return found
        return None

    def method_tokenizer(self, cls: ast.expr, method: str) -> tuple[TokenizerSummary, ModuleSummary] | None:
        """A method of a class imported from another module (`cls` names the class) that tokenizes its parameter:
        `self.encoder.encode(text)` with `self.encoder = Encoder(tok)`."""
        return _member(self.resolve(cls), ModuleSummary.tokenizer, f".{method}") or self._implemented(
            cls, method, ModuleSummary.tokenizer
        )

    def implemented_tokenizer(self, cls: str, method: str) -> tuple[TokenizerSummary, ModuleSummary] | None:
        """`method` of a subclass, in another module, of the module's own class `cls` that leaves it to its
        subclasses, when that subclass's method tokenizes its parameter (`self.generate(prompt)` in the base)."""
        return self._implemented(cls, method, ModuleSummary.tokenizer)

    def may_render_in(self, method: str) -> bool:
        """Could `method_render(..., method)` find anything: does a class of a module this one links to have a
        method of that name that returns a render? (Tested before the class of an instance is looked for.)"""
        return ("render", method) in self._linked_methods

    def may_tokenize_in(self, method: str) -> bool:
        """Could `method_tokenizer(..., method)` find anything (as `may_render_in`, for methods that tokenize)?"""
        return ("tokenizer", method) in self._linked_methods

    @functools.cached_property
    def _linked_methods(self) -> frozenset[tuple[str, str]]:
        linked = [*self.names.values(), *(item for items in self.implementations.values() for item in items)]
        found: set[tuple[str, str]] = set()
        for summary in {id(imported.summary): imported.summary for imported in linked}.values():
            found.update(("render", text.name.rpartition(".")[2]) for text in summary.texts if not text.stored)
            found.update(("tokenizer", item.name.rpartition(".")[2]) for item in summary.tokenizers)
        return frozenset(found)

    def _implemented(
        self, cls: ast.expr | str, method: str, lookup: Callable[[ModuleSummary, str], _Member | None]
    ) -> tuple[_Member, ModuleSummary] | None:
        """What `lookup` finds for `method` in a subclass of the abstract class `cls` names (see
        `implementations`)."""
        name = cls if isinstance(cls, str) else dotted_name(cls)
        for implementation in self.implementations.get(name or "", ()):
            found = _member((implementation.summary, implementation.symbol or ""), lookup, f".{method}")
            if found is not None:
                return found
        return None

    @functools.cached_property
    def constants(self) -> dict[str, str]:
        """The string constants this module imports by name (`from .formatting import TEXT_COLUMN`), by local
        name."""
        found = {}
        for local, imported in self.names.items():
            symbol = imported.symbol or ""
            for name, value in imported.summary.constants:
                # (also a table of checkpoints: `MODELS[*][checkpoint]` for `MODELS`, see `model_tables`)
                if symbol and constant_binding(name) == symbol:
                    found[local + name[len(symbol) :]] = value
        return found

    def flag_dict(self, mapping: ast.expr) -> tuple[dict[str, bool | None], Related] | None:
        """The keywords of a dict another module shows whole that `mapping` names (`CHAT_TEMPLATE_KWARGS` imported
        by name, `config.RENDER_KWARGS` through its module; see `flags.module_flag_dicts`), with where it is."""
        found = self.resolve(mapping)
        if found is None:
            return None
        summary, symbol = found
        item = next((item for item in summary.flag_dicts if item[0] == symbol), None)
        if item is None:
            return None
        _, line, keywords = item
        return dict(keywords), Related(summary.path, line, f"the keywords `{symbol}` it spreads")

    @functools.cached_property
    def field_defaults(self) -> dict[str, str]:
        """The defaults of the text column fields of the classes and functions this module imports by name, by
        field; a field two of them give different defaults is left out."""
        found: dict[str, set[str]] = {}
        for imported in self.names.values():
            for owner, name, value in imported.summary.defaults:
                if owner and owner == imported.symbol:
                    found.setdefault(name, set()).add(value)
        return {name: values.pop() for name, values in found.items() if len(values) == 1}

    def masks(self, text: str = "") -> list[tuple[MaskSummary, ModuleSummary]]:
        """The label masks by value held by the functions and classes this module imports by name, also through a
        function of their own imports they hand a pad id to (the mask is that function's, named for the owner);
        and, given the module's `text`, those of a module it imports whole whose owner it names through it
        (`collate.PadCollator`)."""
        found = []
        for local, imported in self.names.items():
            if imported.symbol is None:
                found += [
                    (mask, imported.summary)
                    for mask in imported.summary.masks
                    if not mask.via and not mask.by_param and text and f"{local}.{mask.owner}" in text
                ]
                continue
            for mask in imported.summary.masks_of(imported.symbol):
                if not mask.via:
                    found.append((mask, imported.summary))
                    continue
                helper = self.through.get(self.helper_key(imported.summary, mask.via))
                if helper is None or helper.symbol is None:
                    continue
                for inner in helper.summary.masks_given(helper.symbol, mask.via_arg):
                    if not inner.via:
                        text = f"{inner.text} (in `{helper.symbol}`)"
                        found.append((MaskSummary(mask.owner, inner.line, text), helper.summary))
        return found

    @staticmethod
    def helper_key(summary: ModuleSummary, callee: str) -> str:
        """The key of `through`: a callee of the module (`mask_padding`, `masking.mask_padding`)."""
        return f"{summary.path}>{callee}"

    def rendering_classes(self) -> frozenset[str]:
        """The names bound to imported classes with a method that renders (`PromptBuilder` for `PromptBuilder.prompt`,
        a dataset's `__getitem__`) or that tokenizes a text it is given (`VLLMSampler.sample`, handing it to an
        engine), or to registries of such classes (`TEMPLATES`)."""
        return frozenset(
            local
            for local, imported in self.names.items()
            if imported.symbol is not None
            and (
                any(
                    name.startswith(imported.symbol + ".")
                    for name in (
                        *(wrapper.name for wrapper in imported.summary.wrappers),
                        *(text.name for text in imported.summary.texts),
                        *(item.name for item in imported.summary.tokenizers),
                    )
                )
                or imported.summary.registry(imported.symbol) is not None
            )
        )

    def hand(self, owner: str, param: str, imported: Imported) -> None:
        """Another module hands `param` of `owner` (a function, or a class by its `__init__`) an instance of the
        class `imported` (see `facts.handed`); kept unless its name here is bound to something else. Two modules
        that hand it instances of different classes leave it unknown ("")."""
        assert imported.symbol is not None
        bound = imported.symbol
        if self.names.setdefault(bound, imported) != imported:
            bound = ""
        if self.param_classes.setdefault((owner, param), bound) != bound:
            self.param_classes[(owner, param)] = ""

    @property
    def digest(self) -> str:
        """What the module's result depends on besides its own text."""
        items = [*self.names.items(), *self.through.items()]
        handed = [f"{owner}:{param}>{bound}" for (owner, param), bound in self.param_classes.items()]
        families = [f"imported by {family}" for family in self.importer_families]
        families += [f"helper loads {family}" for family in self.helper_families]
        families += ["own chat templates"] if self.own_chat_templates else []
        rows = [f"row {column}={summary.digest}" for column, (_, summary, _) in self.row_columns.items()]
        built = [
            f"{cls}({parameter}={value}) in {path}:{line}"
            for (cls, parameter), values in self.constructions.items()
            for value, path, line in values
        ]
        named = [f"{name}={item.summary.digest}" for name, item in items]
        subclassed = [
            f"{name}>{item.symbol}={item.summary.digest}"
            for name, items in self.implementations.items()
            for item in items
        ]
        overridden = [f"{name}<{item.symbol}={item.summary.digest}" for name, item in self.overrides.items()]
        kept = [f"{cls}({parameter}) passed" for cls, parameter in self.passed_defaults]
        # (the switches set elsewhere in the run or in its configuration files, and the run's switch defaults)
        kept += [f"set {name}={value}" for name, value in self.overridden_switches]
        kept += [f"{flag} defaults to {value} in {where}" for flag, (value, where, _) in self.switch_defaults.items()]
        kept += [f"--{option} defaults to {value}" for option, value in self.option_checkpoints.items()]
        return ",".join(sorted([*named, *handed, *families, *rows, *built, *subclassed, *overridden, *kept]))

    def prefix_mask(self, node: ast.expr) -> tuple[tuple[int, str, int], ModuleSummary] | None:
        """The function of another module that `node` names, when it masks the first labels it is given (see
        `ModuleSummary.prefix_masks`)."""
        return _member(self.resolve(node), ModuleSummary.prefix_mask)

    def id_param(
        self, node: ast.expr, position: int, batch: bool = False
    ) -> tuple[tuple[str, str, int], ModuleSummary] | None:
        """The function of another module that `node` names, when it uses its parameter at `position` as a list of
        ids (see `ModuleSummary.id_params`; `batch`: each of its items, `id_batch_params`)."""
        return _member(self.resolve(node), lambda summary, name: summary.id_param(name, position, batch))

    def engine_factories(self) -> dict[str, tuple[str, Related]]:
        """The functions of other modules this module imports by name that build and return a serving engine: the
        name it binds -> the words for the engine's `generate`, and where the function is."""
        found = {}
        for local, imported in self.names.items():
            symbol = imported.symbol or ""
            for name, words, line in imported.summary.engines_of(symbol) if symbol else ():
                # (`load_vllm#0`: the engine is the first item of the tuples it returns; bound as `local#0`)
                place = Related(imported.summary.path, line, f"`{symbol}` builds the engine")
                found[local + name[len(symbol) :]] = (words, place)
        return found

    def adopt_rows(self, column: str, text: TextSummary, summary: ModuleSummary, user: str) -> None:
        """A module of the project uses this module beside a stage of another one that stores a render in `column`
        of the rows it is given (see `row_columns`); the first such stage is kept."""
        self.row_columns.setdefault(column, (text, summary, user))

    def stage_texts(self, datasets: bool = False) -> list[tuple[str, TextSummary, ModuleSummary]]:
        """The columns the imported stages store a render in (methods of classes of another module that return rows
        with a render in a column), with each stage's text and module; with `datasets`, also the imported functions
        that return a dataset with a render in a column (`load_text_dataset(tok, args)`, for a script that hands it
        to a trainer with a collator of another module), or write rows with one (`.map()` functions)."""
        found = []
        for imported in self.names.values():
            symbol = imported.symbol
            if symbol is None:
                continue
            for text in imported.summary.texts:
                if text.stored or text.yields or text.ids:
                    continue
                if text.dataset or (text.columns and "." not in text.name):
                    # (a function returning such a dataset, or a `.map()` function writing such rows: `ds.map(
                    # partial(to_text, tokenizer=tok))` in the script)
                    if datasets and text.name == symbol:
                        # (a column a configuration field names, `{dataset_text_field}`: its default, when the
                        # importing module knows it from a class it imports)
                        found += [
                            (field_default(column, dict, self.field_defaults), text, imported.summary)
                            for column in text.columns
                        ]
                    continue
                owner = text.name.split(".", 1)[0]
                if owner == symbol or (symbol, owner) in imported.summary.row_class_builders:
                    # (a method of the class imported, or of a class a function of its module builds, a function
                    # imported: `load_dataset(args, tok)` returning a `PromptDataset`; a function that does so
                    # itself is a `.map()` function)
                    found += [(column, text, imported.summary) for column in text.columns]
        return found


_Member = TypeVar("_Member")


def _member(
    found: tuple[ModuleSummary, str] | None, lookup: Callable[[ModuleSummary, str], _Member | None], suffix: str = ""
) -> tuple[_Member, ModuleSummary] | None:
    """What `lookup` finds in the module for the name `found` resolved to (plus `suffix`), with the module."""
    if found is None:
        return None
    summary, name = found
    item = lookup(summary, name + suffix)
    return (item, summary) if item is not None else None


def imported_origin(text: TextSummary, summary: ModuleSummary, note: str, column: str = "") -> TextOrigin:
    """The rendered text a function of another module returns, as its caller sees it: the render in words with its
    place, the function as the hop, and the render as a related place (`note` says what it renders); for one of
    the `column`s of the rows it returns, that column's render."""
    line = text.lines[text.columns.index(column)] if column in text.columns and text.lines else text.line
    prompt = text.prompt_evidence[text.prompt_columns.index(column)] if column in text.prompt_columns else ""
    if text.stored == "field":
        hop = f"stored in `{text.name}` by the calls that build it"
    elif text.stored:
        owner, _, attribute = text.name.rpartition(".")
        hop = f"stored in `self.{attribute}` by `{owner}`"
    elif text.makes_rows:
        hop = f"in the rows of the function `{text.name}` makes"
    else:
        hop = f"{'yielded' if text.yields and not text.listed else 'returned'} by `{text.name}`"
    return TextOrigin(
        f"{text.render} ({summary.place(line)})",
        (Hop(hop, is_place=True),),
        same_function=False,
        certain=text.certain,
        line=line,
        related=(Related(summary.path, line, f"`{text.name}` {note}"),),
        prompt=prompt,
        written_bos=text.written_bos,
    )
