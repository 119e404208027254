"""`ModuleFacts`: everything the analysis knows about one module, each kind of fact computed when a rule first asks.

The index (functions, classes, assignments, calls, source order) is built by one walk up front; the template calls,
the tokenizer calls and the list uses of renders are computed on first use, so a rule that is not selected costs
nothing.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TypeVar

from chatlint.facts.calls import collect_template_calls
from chatlint.facts.column_names import checkpoint_path, model_tables, option_defaults
from chatlint.facts.engines import Engines, may_name_engines
from chatlint.facts.flags import defining_scope
from chatlint.facts.flow import FunctionFlow, instance_class
from chatlint.facts.handed import annotate_handed_parameters, may_pass
from chatlint.facts.id_uses import IdsSearch
from chatlint.facts.index import Indexer, build_index, calls_by_name
from chatlint.facts.library_renders import (
    VLLM_RENDER,
    imports_harness,
    mlx_vlm_renderers,
    torchserve_handlers,
    vllm_renderers,
)
from chatlint.facts.links import Links
from chatlint.facts.model import CallSite, ClassInfo, FunctionInfo, SplitTokenization, TemplateCall, TokenizerCall
from chatlint.facts.rendered_text import RenderedTexts
from chatlint.facts.shapes import ShapeResolver
from chatlint.facts.summary import ImportRef, imports_of, table_key
from chatlint.facts.syntax import (
    PATH_WRAPPERS,
    SourceText,
    bound_argument,
    called_name,
    code,
    dotted_name,
    first_argument,
    is_self_attribute,
    keyword_value,
    string_value,
)
from chatlint.facts.tokenizer_calls import collect_tokenizer_calls
from chatlint.facts.uses import result_name, result_uses
from chatlint.findings import Related
from chatlint.knowledge.model_families import family_of, of_one_family

_Fact = TypeVar("_Fact")


@dataclass
class ModuleFacts:
    path: str
    module: ast.Module
    source: SourceText
    index: Indexer = field(repr=False)
    # training / inference hint from the configuration (`training-paths`, `inference-paths`), or None
    path_hint: str | None = None
    # the flow facts of each function, by id of its FunctionInfo: computed on first use, shared by every fact
    flows: dict[int, FunctionFlow] = field(default_factory=dict, repr=False)
    # what the modules this one imports say about the names it imports (`chatlint.linking`); empty for one file
    links: Links = field(default_factory=Links, repr=False)
    # facts computed by other modules of `chatlint.facts` from these (see `remembered`)
    _derived: dict[object, object] = field(default_factory=dict, repr=False)
    # the places of other modules that uses of ids in words name (`passed to `fit_to_window` (window.py:4) ...`)
    _use_places: dict[str, Related] = field(default_factory=dict, repr=False)
    # the parameters whose checkpoint is being read off their callers (`_passed_checkpoint`): a guard for recursion
    _resolving: set[tuple[int, str]] = field(default_factory=set, repr=False)

    def remembered(self, compute: Callable[[ModuleFacts], _Fact]) -> _Fact:
        """`compute(self)`, computed once per module: for facts a module of its own derives from these (the label
        masks of `facts.padding`, asked by a rule and by the module's summary)."""
        if compute not in self._derived:
            self._derived[compute] = compute(self)
        return self._derived[compute]  # type: ignore[return-value]

    # -- the index ------------------------------------------------------------------------------------------------
    @property
    def functions(self) -> list[FunctionInfo]:
        return self.index.functions

    @property
    def classes(self) -> dict[str, ClassInfo]:
        return self.index.classes

    @property
    def calls(self) -> list[CallSite]:
        """Every call in the module with the function it is in and its ancestors (outermost first)."""
        return self.index.calls

    @property
    def order(self) -> dict[ast.AST, int]:
        """Source order of every node: lets a rule ask whether one thing happens before another."""
        return self.index.order

    # -- facts computed on first use ------------------------------------------------------------------------------
    @functools.cached_property
    def shapes(self) -> ShapeResolver:
        """How the conversations of the module end (`facts.shapes`)."""
        return ShapeResolver(self.order, self.flows, self.functions, self.links, self.calls)

    @functools.cached_property
    def template_calls(self) -> list[TemplateCall]:
        """Every call that renders a chat template, in its disguises, with where its result goes."""
        found = collect_template_calls(
            self.shapes, self.functions, self.calls, self.links, self.library_renders, self.classes
        )
        for template_call in found:
            template_call.uses = result_uses(
                template_call.call, template_call.ancestors, template_call.function, self.order
            )
            template_call.result_name = result_name(template_call.call, template_call.ancestors)
        return found

    def list_uses(self, template_call: TemplateCall) -> tuple[str, ...]:
        """Where the result of `template_call` is used as a list of token ids (`len(ids)`, `ids[:n]`), in words."""
        if template_call.positions:
            # a function of another module that returns the ids of its renders in tuples
            return self._ids_search.unpacked(
                template_call.call, template_call.ancestors, template_call.function, template_call.positions
            )
        if template_call.through_wrapper and not template_call.gives_result:
            # a wrapper of this module (the render inside it is judged, with its callers' uses), or one of another
            # module that may change what the render gives before it returns it
            return ()
        return self._ids_search.uses(template_call.call, template_call.ancestors, template_call.function)

    def parameter_id_uses(self, function: FunctionInfo, name: str) -> tuple[str, ...]:
        """Where `function` uses its parameter `name` as a list of token ids, in words."""
        return self._ids_search.parameter_uses(function, name)

    def parameter_item_id_uses(self, function: FunctionInfo, name: str) -> tuple[str, ...]:
        """Where `function` uses each item of its parameter `name` as a list of token ids, in words."""
        return self._ids_search.parameter_item_uses(function, name)

    def returned(self, template_call: TemplateCall) -> bool:
        """Is the result of `template_call` returned by its function (itself, or through local names)?"""
        return self._ids_search.returned(template_call.call, template_call.ancestors, template_call.function)

    @functools.cached_property
    def _ids_search(self) -> IdsSearch:
        takers = frozenset(
            ref.local if ref.symbol is not None else f"{ref.local}.{name}"
            for ref in self.imports
            if _imports_from(self.path, ref, "mlx_lm")
            for name in _MLX_LM_GENERATE
            if ref.symbol in (name, None)
        )
        texts = self.rendered_texts
        return IdsSearch(
            self.flows,
            self._call_sites,
            texts.helper_function,
            takers,
            tuple(self.functions),
            texts.passed_on,
            self._imported_id_uses,
            functools.partial(self._imported_id_uses, batch=True),
        )

    def _imported_id_uses(self, call: ast.Call, position: int, batch: bool = False) -> list[str]:
        """`fit_to_window(ids, n)` with `fit_to_window` a function of another module that uses its parameter there
        as a list of ids (its module's summary says so); `batch`: `left_pad(encoded, pad_id)`, handed a list of
        such values, each of whose items it uses so."""
        found = self.links.id_param(call.func, position, batch) if self.links else None
        if found is None:
            return []
        (param, use, line), summary = found
        handed = "handed in a list to" if batch else "passed to"
        words = f"{handed} `{code(call.func)}` ({summary.place(line)}) as `{param}`, which uses {'' if batch else 'it: '}{use}"
        items = "the items of its" if batch else "its"
        self._use_places[words] = Related(summary.path, line, f"`{code(call.func)}` uses {items} `{param}` as ids")
        return [words]

    def use_places(self, uses: Sequence[str]) -> tuple[Related, ...]:
        """The places in other modules that `uses` (of `list_uses`) name."""
        return tuple(place for use in uses for words, place in self._use_places.items() if words in use)

    @functools.cached_property
    def _call_sites(self) -> dict[str, list[CallSite]]:
        return calls_by_name(self.calls)

    def callers_of(self, function: FunctionInfo) -> list[CallSite]:
        """The calls of the module that call `function` (by its name, or as a method of an instance)."""
        return [
            site
            for site in self._call_sites.get(function.name, ())
            if self.rendered_texts.helper_function(site[0], site[1]) is function
        ]

    def passed_for(self, function: FunctionInfo, parameter: str) -> list[tuple[ast.expr | None, FunctionInfo]]:
        """What each call of `function` in the module passes for its `parameter` (None where a call passes
        nothing), with the function the call is in."""
        return [
            (bound_argument(call, function.call_params, parameter), caller)
            for call, caller, _ in self.callers_of(function)
        ]

    @functools.cached_property
    def checkpoints(self) -> tuple[str | None, ...]:
        """The checkpoints the module loads with `from_pretrained(...)`: the name when it is a string literal (or a
        module-level constant holding one), None when the code does not say which. Those it loads with vLLM's
        `LLM(model=...)`, the model a request to an OpenAI-compatible server names (`completions.create(model=...)`), or
        through a function or class of another module that loads the checkpoint it is given
        (`VLLMEngine(cfg.model)`), count when their name is known."""
        found: list[str | None] = []
        for argument, function, named_only in self.checkpoint_arguments:
            name = self.checkpoint_of(argument, function)
            if name is not None or not named_only:
                found.append(name)
        return tuple(found)

    @functools.cached_property
    def checkpoint_arguments(self) -> list[tuple[ast.expr | None, FunctionInfo, bool]]:
        """The expression each checkpoint load of the module names its checkpoint with, in the function whose
        names it reads (`self.pretrained`, set from a parameter in `__init__`, is that parameter there), and
        whether the load counts only when the name is known (not a `from_pretrained`)."""
        found: list[tuple[ast.expr | None, FunctionInfo, bool]] = []
        mlx_loaders = self._mlx_loaders
        own_folders = self._own_model_folders
        for call, function, _ in self.calls:
            named_only = called_name(call) != "from_pretrained"
            if not named_only and _loads_an_adapter(call):
                continue  # `PeftModel.from_pretrained(model, adapter_dir)`: the model it wraps is loaded apart
            if not named_only:
                argument = keyword_value(call, "pretrained_model_name_or_path") or first_argument(call)
                if argument is not None and ast.dump(argument) in own_folders:
                    # `AutoTokenizer.from_pretrained(adapter_dir)`: the tokenizer saved with a PEFT adapter is its
                    # base model's, and the module loads that base apart; so is a model the module saves there
                    # itself (`model.save_pretrained(out_dir)`), one it loaded apart or trained from one
                    continue
            elif mlx_loaders and dotted_name(call.func) in mlx_loaders:
                # mlx-lm's and mlx-vlm's `load(path_or_hf_repo)`: the model and its tokenizer or processor
                argument = keyword_value(call, "path_or_hf_repo") or first_argument(call)
            elif called_name(call) == "LLM" and self.engines is not None:
                argument = keyword_value(call, "model") or first_argument(call)  # vLLM's engine
            elif (dotted_name(call.func) or "").endswith("completions.create"):
                argument = keyword_value(call, "model")  # the model an OpenAI-compatible server serves
                if argument is None:
                    continue
            else:
                loader = self.links.checkpoint_loader(call.func) if self.links else None
                if loader is None:
                    continue
                if loader[0].checkpoint:  # (a function that always loads one checkpoint: `get_tokenizer()`)
                    found.append((ast.copy_location(ast.Constant(loader[0].checkpoint), call), function, True))
                    continue
                argument = bound_argument(call, list(loader[0].params), loader[0].param)
            attribute = is_self_attribute(argument)
            cls = function.self_class if attribute else None
            if cls is None and isinstance(argument, ast.Attribute) and dotted_name(argument.value) == "cls":
                cls, attribute = function.self_class, argument.attr  # a class method's `cls.MODEL_ID`
            if attribute and cls is not None and attribute in cls.fields and attribute not in cls.attributes:
                # a constant of the class body (`MLX_MODEL = "org/Model-4bit"`), read as `self.` or `cls.MLX_MODEL`
                found.append((cls.fields[attribute], function, named_only))
                continue
            if attribute and cls is not None:
                # `from_pretrained(self.pretrained)` with `self.pretrained = pretrained` in `__init__`
                init = cls.methods.get("__init__")
                argument = cls.init_attributes.get(attribute, argument)
                function = init if init is not None and isinstance(argument, ast.Name) else function
            found.append((argument, function, named_only))
        return found

    def _default_checkpoint(self, default: ast.expr, function: FunctionInfo) -> str | None:
        """The checkpoint a parameter's default names: a literal, or a name or field the enclosing scope resolves
        (`model_name=MODEL_NAME`)."""
        if isinstance(default, ast.Name | ast.Attribute):
            return self.checkpoint_of(default, function.outer or function)
        return string_value(default)

    def _passed(self, cls: str, parameter: str) -> bool:
        """Does a construction of the module's class `cls` pass the constructor's `parameter` (so that its default
        is not all that runs): one of the run, as the project step found them (`Links.passed_defaults`), or one of
        the module's own?"""
        links = self.links
        if links and (cls, parameter) in links.passed_defaults:
            return True
        order = self.classes[cls].constructor_params if cls in self.classes else []
        built = [call for call, _, _ in self.calls if isinstance(call.func, ast.Name) and call.func.id == cls]
        return any(may_pass(call, order, parameter) for call in built)

    @functools.cached_property
    def checkpoint_defaults(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """The classes of the module that load the checkpoint a constructor parameter names, defaulting to one whose
        template writes no BOS: `(class, parameter, the constructor's parameters)` (see `ModuleSummary`)."""
        found = {}
        for argument, function, _ in self.checkpoint_arguments:
            cls = function.cls
            if function.name != "__init__" or cls is None or not isinstance(argument, ast.Name):
                continue
            parameter = function.params.get(argument.id)
            if parameter is None or parameter.default is None or function.assignments.get(argument.id):
                continue
            family = family_of(self._default_checkpoint(parameter.default, function) or "")
            if family is not None and not family.writes_bos:
                found[(cls.name, argument.id)] = tuple(cls.constructor_params)
        return tuple((cls, param, params) for (cls, param), params in sorted(found.items()))

    @functools.cached_property
    def _own_model_folders(self) -> frozenset[str]:
        """The paths the module loads PEFT adapters from (`PeftModel.from_pretrained(model, adapter_dir)`) or saves
        a model or tokenizer to (`ort_model.save_pretrained(onnx_dir)`), as `ast.dump` gives them."""
        found: set[str] = set()
        for call, _, _ in self.calls:
            name = called_name(call)
            if name == "from_pretrained" and _loads_an_adapter(call):
                path = keyword_value(call, "model_id") or (call.args[1] if len(call.args) > 1 else None)
            elif name == "save_pretrained":
                path = keyword_value(call, "save_directory") or first_argument(call)
            else:
                continue
            if path is not None:
                found.add(ast.dump(path))
        return frozenset(found)

    @functools.cached_property
    def _mlx_loaders(self) -> frozenset[str]:
        """The names the module calls mlx-lm's or mlx-vlm's `load` by (`load`, `mlx_vlm.load`)."""
        return frozenset(
            ref.local if ref.symbol is not None else f"{ref.local}.load"
            for ref in self.imports
            if ref.module.split(".")[0] in ("mlx_lm", "mlx_vlm") and ref.symbol in ("load", None)
        )

    def _passed_checkpoint(self, parameter: str, function: FunctionInfo) -> str | None:
        """The checkpoint every call of `function` in the module passes for `parameter` (`load_tokenizer(cfg.model)`
        for `def load_tokenizer(name): return AutoTokenizer.from_pretrained(name)`), when they agree on one."""
        key = (id(function), parameter)
        if function.is_module or key in self._resolving:
            return None
        self._resolving.add(key)
        try:
            names = {self.checkpoint_of(argument, caller) for argument, caller in self.passed_for(function, parameter)}
        finally:
            self._resolving.discard(key)
        return names.pop() if len(names) == 1 else None

    def checkpoint_of(self, argument: ast.expr | None, function: FunctionInfo) -> str | None:
        if isinstance(argument, ast.Call) and dotted_name(argument.func) in PATH_WRAPPERS and len(argument.args) == 1:
            argument = argument.args[0]  # `str(CHECKPOINT)`, `Path(args.model)`: the path it holds
        name = _checkpoint_name(argument)
        if name is None and isinstance(argument, ast.Name):
            # a local or module-level name given one string literal (or environment default), and nothing else
            assigned = defining_scope(function, argument.id).assignments.get(argument.id, [])
            name = _checkpoint_name(assigned[0]) if len(assigned) == 1 else _agreed_checkpoint(assigned)
            if name is None and len(assigned) == 1 and isinstance(assigned[0], ast.Attribute):
                name = self.checkpoint_of(assigned[0], function)  # `base_model = args.base_model`
            parameter = function.params.get(argument.id)
            option = _cli_option_default(function, argument.id) if not assigned and parameter is not None else None
            if option is not None:
                return option  # a command-line option's default (see `_checkpoint_name`)
            if not assigned and parameter is not None and parameter.default is not None:
                # `model_id: str = MODEL_ID`, or `def __init__(self, pretrained="Qwen/...")`: its default, unless a
                # construction of the class in the run passes another checkpoint (`Links.passed_defaults`)
                if function.name == "__init__" and function.cls and self._passed(function.cls.name, argument.id):
                    return None
                return self._default_checkpoint(parameter.default, function)
            elif not assigned and self.links:
                name = self.links.constants.get(argument.id)  # `from config import MODEL_ID`
            if name is None and not assigned and parameter is not None and parameter.default is None:
                name = self._passed_checkpoint(argument.id, function)
        if name is None and isinstance(argument, ast.Attribute) and self.links:
            # `config.MODEL_ID`, a constant of an imported module of the project
            found = self.links.resolve(argument)
            name = dict(found[0].constants).get(found[1]) if found is not None else None
        if name is None and isinstance(argument, ast.Attribute) and isinstance(argument.value, ast.Name):
            # `Config.BASE_MODEL` with `class Config: BASE_MODEL = "Qwen/Qwen3-4B"`: a constant of a plain class of
            # the module, read off the class itself (no annotation, no instance a caller configures)
            # (also `self.MODEL_ID` in a method of that class)
            holder = function.self_class if argument.value.id == "self" else self.classes.get(argument.value.id)
            reset = argument.value.id == "self" and holder is not None and argument.attr in holder.attributes
            if holder is not None and not holder.is_dataclass and argument.attr not in holder.annotations and not reset:
                constant = holder.fields.get(argument.attr)
                name = _checkpoint_name(constant) if constant is not None else None
        if name is None and isinstance(argument, ast.Attribute):
            # `spec.repo_id`, a field of a row of a table of checkpoints (`spec = MODELS[alias]`)
            name = self._table_checkpoint(argument, function)
        if name is None and isinstance(argument, ast.Attribute):
            # `args.model_path`, an option with a default (or a field of the module's configuration class)
            name = self._option_defaults.get(argument.attr)
            if name is None and self.links:
                # a field of an imported configuration class: of the object's class when the code shows it
                # (`settings: JobSettings`), else of the one imported class that declares a field of that name
                cls = instance_class(argument.value, function, self.flows)
                found = self.links.resolve(cls) if cls is not None else None
                if found is not None:
                    declared = found[0].defaults
                    return next((value for *key, value in declared if key == [found[1], argument.attr]), None)
                head = (dotted_name(cls) or "").split(".")[0] if cls is not None else ""
                if head and any(ref.local == head for ref in self.imports):
                    return None  # an imported class that declares no checkpoint default for it
                name = self.links.field_defaults.get(argument.attr)
                if name is None and isinstance(argument.value, ast.Name) and argument.value.id in function.params:
                    # (an object handed to the function, `def infer(args)`: the run's options of that name)
                    name = self.links.option_checkpoints.get(argument.attr)
        if name is None and argument is not None:
            name = _allowlisted(argument, function)
        if name is None and isinstance(argument, ast.Subscript):
            name = self._table_checkpoint(argument, function)
        return name if name is not None else _named_by_key(argument)

    def _table_checkpoint(self, argument: ast.Subscript | ast.Attribute, function: FunctionInfo) -> str | None:
        """The checkpoint read off a table of checkpoints of one family (`model_tables`) by any key: `MODELS[name]`,
        `MODELS[name]["checkpoint"]`, `MODELS[name].repo_id`, or `cfg["checkpoint"]` / `spec.repo_id` with `cfg =
        MODELS[args.model]` or `spec = resolve(alias)` (a function that returns a row of the table); the table
        defined in the module or imported by name."""
        row: ast.expr = argument
        field = ""
        if isinstance(argument, ast.Attribute):
            row, field = argument.value, argument.attr
        elif isinstance(argument.value, (ast.Name, ast.Subscript, ast.Call)) and (key := string_value(argument.slice)):
            row, field = argument.value, key
        if isinstance(row, ast.Name) and field:
            # `cfg["checkpoint"]` with the name bound once to a row of the table
            assigned = defining_scope(function, row.id).assignments.get(row.id, [])
            row = assigned[0] if len(assigned) == 1 and isinstance(assigned[0], (ast.Subscript, ast.Call)) else row
        if isinstance(row, ast.Subscript) and isinstance(row.value, ast.Name):
            name = table_key(row.value.id, field)
        elif isinstance(row, ast.Call) and isinstance(row.func, ast.Name) and field:
            name = table_key(row.func.id, field)  # `resolve(alias).repo_id`: a function returning a row
        else:
            return None
        imported = self.links.constants if self.links else {}
        return self._model_tables.get(name) or imported.get(name)

    @functools.cached_property
    def _model_tables(self) -> dict[str, str]:
        return model_tables(self.module) if "{" in self.source.text else {}

    @functools.cached_property
    def imports(self) -> tuple[ImportRef, ...]:
        """Every import of the module, in its functions too (`summary.imports_of`)."""
        return imports_of(self.module)

    @functools.cached_property
    def _option_defaults(self) -> dict[str, str]:
        """The string defaults of the module's configuration fields and argparse options, by field name (the
        checkpoint `from_pretrained(args.model_path)` loads when `--model_path` defaults to one)."""
        imported = self.links.constants if self.links else None
        return option_defaults(self.module, argparse="add_argument" in self.source.text, imported=imported)

    @functools.cached_property
    def rendered_texts(self) -> RenderedTexts:
        """Where texts come from: renders, through names, helpers, attributes and dataset columns (one per module,
        shared by the facts that ask)."""
        return RenderedTexts(
            self.functions,
            self.template_calls,
            self.flows,
            self.links,
            self.calls,
            self.classes,
            self.library_renders,
            "lm_eval" in self.source.text and imports_harness(self.imports),
            torchserve_handlers(self.imports) if "torch_handler" in self.source.text else frozenset(),
        )

    @functools.cached_property
    def library_renders(self) -> frozenset[str]:
        """The names the module calls a library's own rendering functions by (`facts.library_renders`)."""
        found = mlx_vlm_renderers(self.imports) if "mlx_vlm" in self.source.text else frozenset()
        return found | (vllm_renderers(self.imports) if VLLM_RENDER in self.source.text else frozenset())

    @functools.cached_property
    def engines(self) -> Engines | None:
        """The serving engines the module can name, when its text may hand one prompts."""
        factories = self.links.engine_factories() if self.links else {}
        if not factories and not may_name_engines(self.source.text):
            return None
        engines = Engines.of(self.imports)
        return engines.with_factories({**self._engine_factories(engines), **factories})

    def _engine_factories(self, engines: Engines) -> dict[str, tuple[str, Related]]:
        """The module-level functions of the module that build and return an engine (`def _get_llm(model): return
        LLM(model=model)`), by name: what a call of one returns is that engine."""
        found: dict[str, tuple[str, Related]] = {}
        names: Iterable[str] = [*engines.classes, *engines.pipelines]
        for _ in range(2):  # (and those that return what one of those returns: `pipe, tok = _load(name)`)
            built = tuple(f"{name.rsplit('.', 1)[-1]}(" for name in names)
            # (only the functions whose text builds one of the classes: the others' flows are not computed here)
            named = [
                function
                for function in self.functions
                if not function.is_module
                and function.name not in found
                and any(name in self.code(function.node) for name in built)
            ]
            made = {
                name: (
                    words,
                    Related(self.path, getattr(function.node, "lineno", 1), f"`{function.name}` builds the engine"),
                )
                for name, function, words in engines.factory_functions(named, self.flows)
            }
            if not made:
                break
            found.update(made)
            engines = engines.with_factories(made)
            names = made.keys()
        return found

    @functools.cached_property
    def _tokenization(self) -> tuple[list[TokenizerCall], list[SplitTokenization]]:
        return collect_tokenizer_calls(
            self.functions, self.calls, self.flows, self.rendered_texts, self.links, self.engines
        )

    @property
    def tokenizer_calls(self) -> list[TokenizerCall]:
        """Calls that tokenize text, with where the text comes from."""
        return self._tokenization[0]

    @property
    def split_tokenizations(self) -> list[SplitTokenization]:
        """Ids of two separately tokenized texts concatenated, the second with special tokens."""
        return self._tokenization[1]

    # -- places ---------------------------------------------------------------------------------------------------
    def code(self, node: ast.AST) -> str:
        return self.source.segment(node)

    def ancestors(self, node: ast.AST) -> tuple[ast.AST, ...]:
        """The nodes that contain `node`, outermost first."""
        return self.index.ancestors_of(node)

    def scope_members(self, root: ast.AST) -> list[ast.AST]:
        """Every node of the function (or module) `root`, in source order, without the bodies of nested functions
        and classes; `root` itself comes first. (Ask `ancestors` for the few nodes that need them.)"""
        return self.index.scope_members.get(id(root), [])

    def scope_nodes(self, root: ast.AST) -> list[tuple[ast.AST, tuple[ast.AST, ...]]]:
        """`scope_members` with the ancestors of each node; `root` itself comes first, with no ancestors."""
        return [(node, () if node is root else self.ancestors(node)) for node in self.scope_members(root)]


def _cli_option_default(function: FunctionInfo, parameter: str) -> str | None:
    """The string default of a command's option that fills `parameter`: typer's (`model: str = typer.Option(
    "Qwen/...", "--model")`) or click's (`@click.option("--model", default="Qwen/...")` on the function)."""
    node = function.node
    found = function.params[parameter].default
    if isinstance(found, ast.Call) and called_name(found) in ("Option", "Argument"):
        return string_value(keyword_value(found, "default") or first_argument(found))
    for decorator in node.decorator_list if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else []:
        if not (isinstance(decorator, ast.Call) and called_name(decorator) in ("option", "argument")):
            continue
        names = [string_value(item) or "" for item in decorator.args]
        if any(name.lstrip("-").replace("-", "_") == parameter for name in names):
            return string_value(keyword_value(decorator, "default"))
    return None


def _loads_an_adapter(call: ast.Call) -> bool:
    """PEFT's `PeftModel.from_pretrained(model, adapter_dir)`: given a loaded model, it loads an adapter on it, no
    checkpoint (nor tokenizer) of its own."""
    receiver = dotted_name(call.func.value) if isinstance(call.func, ast.Attribute) else None
    return (receiver or "").rsplit(".", 1)[-1] in ("PeftModel", "PeftModelForCausalLM")


def _allowlisted(argument: ast.expr, function: FunctionInfo) -> str | None:
    """The first checkpoint of the allowlist a guard of the function holds `argument` to, when every one of them is
    of one known family: `if cfg["model"] not in SUPPORTED_MODELS: raise ValueError(...)` (or `return`), `assert
    model in ("Qwen/Qwen2.5-7B-Instruct", ...)`; the list written in place or a constant bound once."""
    if function.is_module:
        return None
    text = code(argument)
    wanted: type[ast.cmpop]
    for node in ast.walk(function.node):
        if isinstance(node, ast.Assert):
            test, wanted = node.test, ast.In
        elif isinstance(node, ast.If) and isinstance(node.body[-1], (ast.Raise, ast.Return)) and not node.orelse:
            test, wanted = node.test, ast.NotIn
        else:
            continue
        if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], wanted):
            continue
        if code(test.left) != text:
            continue
        allowed = test.comparators[0]
        if isinstance(allowed, ast.Name):
            assigned = defining_scope(function, allowed.id).assignments.get(allowed.id, [])
            allowed = assigned[0] if len(assigned) == 1 else allowed
        if isinstance(allowed, (ast.Tuple, ast.List, ast.Set)) and (
            found := of_one_family(string_value(item) for item in allowed.elts)
        ):
            return found
    return None


def _checkpoint_name(node: ast.expr | None) -> str | None:
    """A checkpoint's name: a string literal, or the default of an environment variable that names one
    (`os.getenv("EVAL_MODEL", "Qwen/Qwen2.5-7B-Instruct")`, `os.environ.get(...)`).

    A checkpoint written as a default (of an environment variable, a parameter, a command-line option, a
    configuration field) is the model the code runs with, whatever its family: its users may pass another, but the
    default is what the authors run (on the labelled sets, reading a default without a BOS as "any model" gave 112
    false findings for 30 true ones: tools/eval/README.md, round 44)."""
    name = string_value(node) or checkpoint_path(node)
    if name is None and isinstance(node, ast.Call) and dotted_name(node.func) in _ENVIRONMENT_GETTERS:
        return string_value(node.args[1]) if len(node.args) == 2 else None
    if name is None and isinstance(node, ast.Call) and _RESOLVES_A_PATH.search(called_name(node) or ""):
        # `snapshot_download("Qwen/Qwen3-8B")`, `find_model_path("Qwen/Qwen3-8B")`: the local folder of that model
        given = keyword_value(node, "repo_id") or first_argument(node)
        return string_value(given) if given is not None and "/" in (string_value(given) or "") else None
    return name


_ENVIRONMENT_GETTERS = frozenset({"os.getenv", "getenv", "os.environ.get", "environ.get"})
# a function that gives the local folder of the model it is named (huggingface_hub's `snapshot_download`, a
# project's `find_model_path` or `resolve_checkpoint`)
_RESOLVES_A_PATH = re.compile(
    r"(?i)^(?:snapshot_download|(?:find|get|resolve|locate)_?(?:local_?)?(?:model|checkpoint|ckpt)_?(?:path|dir)?)$"
)


def _named_by_key(node: ast.expr | None) -> str | None:
    """The key or field a checkpoint is read from, when it names a known family (`paths["qwen"]`,
    `cfg.qwen_path`): what the configuration holds there is a model of that family."""
    if isinstance(node, ast.Subscript):
        key = string_value(node.slice)
    elif isinstance(node, ast.Attribute):
        key = node.attr
    else:
        return None
    return key if key is not None and family_of(key) is not None else None


def _agreed_checkpoint(values: list[ast.expr]) -> str | None:
    """The checkpoint a name given several values loads, when each names one (a literal, or a key naming a
    family: `name = paths["qwen"]` and, on another branch, `name = "Qwen/Qwen2.5-7B-Instruct"`) and all are of
    one known family; None otherwise."""
    return of_one_family(_checkpoint_name(value) or _named_by_key(value) for value in values)


def build_facts(
    module: ast.Module,
    source: SourceText,
    path: str = "<string>",
    path_hint: str | None = None,
    links: Links | None = None,
) -> ModuleFacts:
    """The facts of one parsed module. Run the rules on its result inside `syntax.reading(source)`."""
    facts = ModuleFacts(path=path, module=module, source=source, index=build_index(module), path_hint=path_hint)
    if links is not None:
        facts.links = links
        if links.param_classes:
            annotate_handed_parameters(facts.functions, links.param_classes)
    return facts


# mlx-lm's functions that take a prompt as a text or a list of ids: `generate(model, tokenizer, prompt)` (and
# `batch_generate(model, tokenizer, prompts)`, a list of id lists)
_MLX_LM_GENERATE = ("generate", "stream_generate", "batch_generate")


def _imports_from(path: str, ref: ImportRef, package: str) -> bool:
    """Does `ref` import from the package `package`: `from mlx_lm import generate`, or, in a module of the package
    itself (mlx-lm's own `chat.py`, a fork's), `from .generate import stream_generate`?"""
    if ref.level == 0:
        return ref.module.split(".")[0] == package
    folders = PurePath(path).parts[:-1]
    return package in folders[: len(folders) - ref.level + 1]
