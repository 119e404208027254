"""The project step: find the modules a file imports among the project's files, and hand it their summaries.

Imports are resolved on the file system, from the importing file:
- relative imports (`from .chat_utils import render_chat`, `from .. import data`) from its package;
- absolute imports (`from pkg.data import to_text`, `import data`) from its own folder (a script importing its
  siblings), then each folder above it up to the project root, then `<root>/src` (a `src/` layout);
- a module is `name.py` or `name/__init__.py`; `from pkg import data` may name a submodule;
- a name a package's `__init__.py` imports from elsewhere (a re-export, by name or with `*`) is followed there, a
  few steps at most; `from m import *` in the importing module binds every name `m` can tell about.

Only modules inside the project root, or in the folders of the files the run checks, are read (third-party code is
not the project's), and only those whose bytes may say something (`facts.summary.may_render`, and `may_mask` for a
module that sets pad = EOS); a package `__init__.py` is read for the re-export of a name it mentions. Summaries of
the files the run checks come with their results; the others are built here once, on first use.
"""

from __future__ import annotations

import ast
import functools
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from chatlint.facts.built_classes import decorated_registry_factories, factories_in_text, subclasses_in_text
from chatlint.facts.column_names import checkpoint_fields_handed, checkpoint_fields_read, text_fields_read
from chatlint.facts.config_switches import (
    mapping_fields_read,
    reads_template_switches,
    reads_token_switches,
    switch_fields_read,
    template_switches_read,
)
from chatlint.facts.flags import METHOD_MARK
from chatlint.facts.handed import constructions, handed_instances, may_pass
from chatlint.facts.links import Imported, Links
from chatlint.facts.summary import (
    TOKENIZER_LOADER,
    ImportRef,
    ModuleSummary,
    constant_binding,
    may_build_collators,
    may_build_conversations,
    may_build_engines,
    may_define_templates,
    may_load_checkpoints,
    may_mask,
    may_mask_by_parameter,
    may_mask_prompts,
    may_measure_hooks,
    may_pass_pad_id,
    may_pass_to_subclasses,
    may_render,
    may_set_pad_eos,
    may_tokenize,
    may_use_id_parameters,
)
from chatlint.facts.syntax import dotted_name
from chatlint.import_uses import (
    after_a_dot,
    annotates,
    applied_to_rows,
    bound_name,
    builds_class,
    called,
    calls_conversation_methods,
    calls_through,
    checkpoint_constants,
    constants_read,
    hands_to,
    installed_templates,
    is_checkpoint_constant,
    may_tokenize_with,
    mentions,
    spread_constants,
    subclassed,
    subclasses,
    trains_with,
    whole_word,
    writes_columns,
)
from chatlint.module_files import find_module, is_file, is_folder, module_path, outermost, resolved_path

# how many re-exports (`__init__.py` importing a name from a submodule) a name is followed through
MAX_REEXPORTS = 3
# a module larger than this is not read for its summary (generated code, vendored libraries)
MAX_SUMMARY_BYTES = 1 << 20
# the modules the project step reads for the subclasses of an abstract class (its folder and two levels below it)
MAX_IMPLEMENTING_MODULES = 64
# the imported names whose label masks a module that pads with EOS cares about
_WORD = re.compile(r"\w+")  # the words of a statement, as `whole_word` delimits them (for ASCII names)
# the names of imported functions that may build a serving engine (`build_engine`, `create_llm`, `init_vllm`,
# `load_model`)
_BUILDS_ENGINES = re.compile(r"(?i)engine|llm|sglang|server|backend|model")
# a call whose first argument is named for ids (`fit_to_window(prompt_ids, ...)`), from its parenthesis (the name
# called is read backwards, `_names_handed_ids`: a pattern that starts with `\w+` tries a match at every letter)
_HANDS_IDS = re.compile(r"[(,]\s*\w*(?:ids|tokens|encoded|encodings|inputs)\b")
_NAME_BEFORE = re.compile(r"\w+\Z")
# the names of imported tokenizer loaders (`get_tokenizer`, `load_reward_tokenizer`): one may always load a checkpoint
# of a known family, which decides whether a second BOS is written
_LOADS_TOKENIZERS = re.compile(r"\b" + TOKENIZER_LOADER + r"\b")
# the names of imported helpers that may mask the first labels (`mask_prompt`, `ignore_prefix`, `mask_labels`): a
# function named for masking (not an attention mask's helper, `_prepare_4d_attention_mask`)
_MASKS_LABELS = re.compile(
    r"(?<![\w])(?:mask|ignore)_\w*|\w*_(?:mask|ignore)_(?:prompt|prefix|labels?|instruction|input|question|query|context)\w*"
)

# builds a module's summary from its path and text, with what its own imports tell it (or None)
Summarizer = Callable[[str, str, "Links | None"], "ModuleSummary | None"]
# reads a module's imports from its text; the statements parsed may be chosen by their text (`keep`)
ImportReader = Callable[[str, "Callable[[str], bool] | None"], "tuple[ImportRef, ...]"]


class Project:
    """The summaries of a project's modules, by resolved path: those of the checked files, and the others read
    from disk when an import needs them."""

    def __init__(
        self,
        root: Path,
        summarizer: Summarizer,
        known: Iterable[ModuleSummary] = (),
        import_reader: ImportReader | None = None,
        eager: bool = False,
        folders: Iterable[str] = (),
    ) -> None:
        """`summarizer` builds a module's summary from its text, `import_reader` only its imports (for a package's
        re-exports). `eager`: follow every re-export (a small run), not only those of names a known module
        renders with. `folders`: the folders of the files the run checks; a file outside the project root (another
        project named on the same command line) may import from its own folder."""
        # what exists on disk is looked up once per run: a process that runs again (an editor, the tests) looks anew
        find_module.cache_clear()
        is_folder.cache_clear()
        is_file.cache_clear()
        self.root = root.resolve()
        inside = [self.root, *(Path(folder).resolve() for folder in outermost(folders))]
        self._prefixes = tuple(sorted({os.path.join(str(folder), "") for folder in inside}))
        self._absolute = any(os.path.isabs(folder) for folder in folders)
        self.summarizer = summarizer
        self.import_reader = import_reader
        self.eager = eager
        self.summaries: dict[Path, ModuleSummary | None] = {}
        # the modules the project step summarised from their text (parsed, unless the cache knew them), by path
        self.summarised: set[Path] = set()
        self._resolved_paths: dict[str, Path] = {}
        for summary in known:
            self.summaries[self._resolve(summary.path)] = summary
        self._bytes: dict[Path, bytes | None] = {}  # modules read but not (yet) worth summarising
        # the registry factories of modules read for one (see `implementations`), by module
        self._decorated_registries: dict[Path, dict[str, str]] = {}
        self._reexporters: dict[Path, ModuleSummary | None] = {}  # modules read for their imports alone
        self._linking: set[Path] = set()  # modules read from disk whose own imports are being followed
        # what a module's own imports told it, once per module: a module reached by many paths (a package whose
        # modules all import each other) is followed once, not once per path
        self._links_of: dict[tuple[Path, bool], Links | None] = {}
        self._verdicts: dict[tuple[Path, Callable[[bytes], bool]], bool] = {}
        # the modules whose functions were looked at for handing a parameter to an imported tokenizing function
        self._passing_on: set[Path] = set()
        # the switch fields the run's files set to a literal outside a template call (`facts.config_switches`)
        self.switch_overrides: frozenset[tuple[str, bool]] = frozenset()

    @functools.cached_property
    def renderers(self) -> frozenset[str]:
        """Every name whose users a module the run checks can tell something about: functions that render, and
        classes with a method that does."""
        functions, classes = self._renderer_names
        return functions | classes

    @functools.cached_property
    def row_function_factories(self) -> frozenset[str]:
        """The known functions that make a `.map()` function writing a render into a column (`make_formatter`):
        not among the `renderers` (a name such as `default` is everywhere), looked for in modules that call
        `.map()`."""
        summaries = [summary for summary in self.summaries.values() if summary]
        return frozenset(text.name for summary in summaries for text in summary.texts if text.makes_rows)

    @functools.cached_property
    def row_class_builders(self) -> frozenset[str]:
        """The known functions that build a class whose method returns rows with a render in a column
        (`load_dataset` returning a `PromptDataset`): a module that calls one may hand those rows on."""
        summaries = [summary for summary in self.summaries.values() if summary]
        return frozenset(name for summary in summaries for name, _ in summary.row_class_builders)

    @property
    def rendering_classes(self) -> frozenset[str]:
        """The classes of the known modules with a method that renders."""
        return self._renderer_names[1]

    def learn_chained(self, path: str, data: bytes) -> None:
        """Before the files of the run are linked: a checked file the rules did not parse that wraps (or returns
        the text of) a function a known module renders with is summarised with what its imports tell it, so that
        its own users are linked to it. Call `links_for` only after every such file is learned."""
        if not self._may_chain(data):
            return
        resolved = self._resolve(path)
        text = _decoded(data)
        if resolved in self.summaries or text is None:
            return
        links = self._own_links(resolved, text)
        if links is None:
            return
        summary = self.summarizer(self.name_of(resolved), text, links)
        self.summaries[resolved] = summary
        self.summarised.add(resolved)
        if summary is not None and (summary.wrappers or summary.texts):
            self._forget_names()

    def learn_factories(self, path: str, text: str) -> None:
        """Before the files of the run are linked: a checked file the rules did not parse whose functions are
        annotated to return a class a known module renders with (`def make_prompt_builder(cfg) -> PromptBuilder`),
        or whose classes inherit from one (`class Qwen3Renderer(PromptRenderer)`), is remembered with its imports
        and those functions and classes, so that their callers are linked to the class."""
        resolved = self._resolve(path)
        if resolved in self.summaries:
            return
        summary = self._reexport_imports(resolved, text.encode("utf-8", "surrogatepass"))
        classes = self.rendering_classes
        if summary is not None and (
            any(cls in classes for _, cls in summary.factories)
            or any(base.rsplit(".", 1)[-1] in classes for _, base in summary.subclasses)
        ):
            self.relearn(resolved, summary)

    def relearn(self, path: Path, summary: ModuleSummary) -> None:
        """Remember `summary` for the module at `path` (resolved)."""
        self.summaries[path] = summary
        self._forget_names()

    def _forget_names(self) -> None:
        """The names a run's files may use grew: what is computed from the known summaries is computed again."""
        for name in (
            "renderers",
            "_renderer_names",
            "_rendering_bases",
            "_names_column_writer",
            "_column_writers",
            "_constant_names",
            "_tokenizer_names",
            "_loader_names",
            "row_class_builders",
            "rendering_subclasses",
        ):
            self.__dict__.pop(name, None)

    def links_for(
        self,
        path: str,
        imports: tuple[ImportRef, ...],
        wants_masks: bool = False,
        text: str | None = None,
        hands_text: tuple[str, ...] = (),
        loaders: frozenset[str] = frozenset(),
        checkpoints: bool = False,
    ) -> Links:
        """What the modules `path` imports tell it, by the names it binds them to. `wants_masks`: the module
        makes padding the EOS token, so the label masks of what it imports matter. `text`: the module's text, to
        leave out (unless the project is `eager`) the imports it cannot use for anything a known module tells.
        `hands_text`: the imported callees the module hands its own rendered text to (`ModuleSummary.hands_text`),
        whose modules are read for a function that tokenizes its parameter. `loaders`: the tokenizer loaders the
        module calls (`get_tokenizer`, `utils.load_tokenizer`) when their padding matters to it (it masks labels by
        value, or hands the tokenizer to an imported collator): the imports they come from are read for a function
        that makes a tokenizer pad with its EOS token and returns it. `checkpoints`: the module's checkpoint fields
        are asked for whatever it renders (its model family matters to a module it imports)."""
        links = Links(overridden_switches=self.switch_overrides)
        # the text column fields it reads rows with (`example[args.text_column]`): their defaults may be imported
        fields = text_fields_read(text) if text is not None else frozenset()
        renders = text is not None and "apply_chat_template" in text
        if text is not None and (
            self.eager or renders or checkpoints or any(ref.symbol in self.renderers for ref in imports)
        ):
            # a module that renders or imports a render loads a checkpoint from a field (`from_pretrained(cfg.model)`):
            # its default may be imported (the model family decides whether a second BOS is written)
            fields |= checkpoint_fields_read(text)
            # (and the fields it hands vLLM's engine: `LLM(model=cfg.model)`)
            fields |= checkpoint_fields_handed(text) if "LLM(" in text else frozenset()
        dotted: frozenset[str] = frozenset()
        if text is not None:
            # the renderers the text names through a module (`utils.process(`, `base.Collator`): tested once
            dotted = frozenset(name for name in self._renderer_names[0] if after_a_dot(text, name))
            dotted |= {
                name for name in self._renderer_names[1] if after_a_dot(text, name) and self._inherits(name, text)
            }
        tokenizing = self._tokenizer_imports(imports, text, hands_text, dotted)
        callees = self._callees(imports, text, renders)
        if text is not None and writes_columns(imports, text, self._column_writers):
            # a module with a dataset a render went into: an imported function it applies to the dataset may mask
            # labels by a column's length (a tokenize stage), and its module is read as a tokenizing one's is
            tokenizing |= {ref for ref in imports if applied_to_rows(ref, text)}
        # what each import is asked for beyond what a known module tells: a tokenizer loader, a conversation builder
        # (a module that renders may render a conversation an imported function builds)
        pads = {ref for ref in imports if loaders and calls_through(ref, loaders)}
        # (a module renders through an imported wrapper too: in a small run any import may be one)
        through = renders or self.eager or any(ref.symbol in self.renderers for ref in imports)
        builders = {ref for ref in imports if text is None or (through and called(ref, text))}
        # a base class a rendering module subclasses may hand its methods a conversation (`self.encode(self.build(row))`)
        builders |= {ref for ref in imports if text is not None and renders and subclassed(ref, text)}
        # a class it annotates with (`row: ChatRow`): its properties may give a conversation (`row.prompt`)
        annotated = {ref for ref in imports if text is not None and through and annotates(ref, text)} - builders
        builders |= annotated
        # (whose methods it may call for a conversation, `log.conversation()`, or only read properties of)
        methods = text is not None and bool(annotated) and calls_conversation_methods(text)
        # a checkpoint constant (`from .constants import MODEL_ID`): the module that defines it is read for it
        # (or, through an imported module, `config.REWARD_MODEL`)
        reads = text is not None and through
        read = constants_read(text) if text is not None and reads and any(ref.symbol is None for ref in imports) else {}
        constants = {ref: names for ref in imports if reads and (names := checkpoint_constants(ref, read))}
        if renders or (text is not None and "**" in text):
            # a dict of template or tokenizer keywords it spreads (`**CHAT_TEMPLATE_KWARGS`, `**ENCODE_KWARGS`): the
            # module that defines it is read
            for ref in imports:
                if spread := spread_constants(ref, text or ""):
                    constants[ref] = constants.get(ref, frozenset()) | spread
        # a class of another module it builds (`Qwen3Renderer(tok)`): its methods may be a base's of a third module
        # (in a large run, only the classes known to inherit one: `rendering_subclasses`; a small run, such as a
        # pre-commit call, reads the module of any class it builds)
        subclasses = self.rendering_subclasses
        built = {
            ref
            for ref in imports
            if text is not None and (self.eager or ref.symbol in subclasses) and builds_class(ref, text)
        }
        every_import = imports
        if text is not None and not self.eager:
            imports = tuple(
                ref
                for ref in imports
                if fields
                or ref in tokenizing
                or ref in callees
                or ref in pads
                or ref in builders
                or ref in constants
                or ref in built
                or self._may_use(ref, text, wants_masks, dotted)
            )
        if not every_import:
            return links
        # (with none kept, what the module reads off configuration fields may still need their classes: below)
        importer = self._resolve(path)
        for ref in imports:
            if ref.symbol == "*":
                # `from chat_utils import *`: every name the module can tell about, under its own name
                found = self._imported(replace(ref, symbol=None), importer, 0, False)
                if found is not None and self._resolve(found.summary.path) != importer:
                    for name in found.summary.renderers:
                        links.names.setdefault(name, Imported(found.summary, name))
                continue
            # masks matter in what trains with the tokenizer: a collator, a dataset, a trainer (not a model class)
            masks = wants_masks and trains_with(ref, text)
            helpers = ref in tokenizing
            found = self._imported(
                ref,
                importer,
                MAX_REEXPORTS,
                masks,
                tokenizing=helpers,
                fields=fields | constants.get(ref, frozenset()),
                pads=ref in pads,
                conversations=ref in builders,
                properties=ref in annotated and not methods,
                callees=ref in callees,
                templates=text is not None and ref.local in installed_templates(text),
                subclass=ref in built,
            )
            if found is None or self._resolve(found.summary.path) == importer:
                continue
            if masks:
                self._link_mask_helpers(links, found)
            told = found.summary.exports if masks else found.summary.told
            if ref in pads:
                told = told | {loader.name for loader in found.summary.pad_loaders}
            if ref in builders:
                told = told | {item.name.split(".")[0] for item in found.summary.conversations}
                told = told | {guard.name.split(".")[0] for guard in found.summary.role_guards}
                told = told | {handoff.cls for handoff in found.summary.handoffs}
            if helpers and found.summary.tokenizers:
                # a tokenizing function, or a class with a tokenizing method (`Encoder.encode`)
                told = told | {helper.name.split(".")[0] for helper in found.summary.tokenizers}
            if ref in callees and found.summary.engines:
                # a function that builds a serving engine (`build_engine(cfg)`): what its caller keeps is one
                told = told | {name for name, _, _ in found.summary.engines}
            if ref in callees and (found.summary.id_params or found.summary.id_batch_params):
                # a function that uses the ids it is handed as a list (`fit_to_window(prompt_ids, budget)`), or each
                # of a list of them (`left_pad(encoded, pad_id)`)
                told = told | {item[0] for item in (*found.summary.id_params, *found.summary.id_batch_params)}
            if ref in callees and found.summary.prefix_masks:
                # a function that masks the first labels it is given (`mask_prompt(labels, prompt_len)`)
                told = told | {item[0] for item in found.summary.prefix_masks}
            if helpers and found.summary.measures:
                # a function that masks labels by the length of a column of its rows (a tokenize stage)
                told = told | {measure.name for measure in found.summary.measures}
            if helpers or renders:
                # what loads the checkpoint a call names decides the model family (`VLLMEngine(cfg.model)`)
                told = told | {loader.name for loader in found.summary.checkpoint_loaders}
            if (found.symbol is None and told) or found.symbol in told:
                links.names[bound_name(ref)] = found
        # the columns what the module learned names by a configuration field (`{text_column}`: a row written or
        # tokenized as `row[opts.text_column]`) are the same column as a literal of that field's default; and the
        # checkpoint a field names, handed to a class that loads it (`VLLMEngine(cfg.model)`), has the family of
        # that default: the imported classes and functions that declare those defaults are linked
        wanted: set[str] = set()
        if any(item.column for imported in links.names.values() for item in imported.summary.tokenizers):
            # (only a function that tokenizes a column, mapped here, compares columns named both ways)
            wanted = {
                column[1:-1]
                for imported in links.names.values()
                for column in imported.summary.columns_named
                if column.startswith("{")
            }
        if text is not None and any(imported.summary.checkpoint_loaders for imported in links.names.values()):
            wanted |= checkpoint_fields_handed(text)
        if text is not None and "add_special_tokens=" in text:
            # a switch field read into a tokenizer call (`add_special_tokens=self.args.add_bos_token`): its default
            # may be declared by an imported configuration class; so may a template flag's read off a field of its
            # name (`add_generation_prompt=self.cfg.add_generation_prompt`)
            wanted |= switch_fields_read(text)
        if text is not None:
            wanted |= template_switches_read(text) | mapping_fields_read(text)
        if wanted - fields:
            self._link_field_owners(links, every_import, importer, frozenset(wanted - fields))
        return links

    def _link_mask_helpers(self, links: Links, found: Imported) -> None:
        """An imported collator that hands a pad id to a function of its own imports (`mask_padding(ids,
        self.tokenizer.pad_token_id)`): that function's module is read for a label mask by value."""
        summary = found.summary
        for mask in summary.masks_of(found.symbol) if found.symbol is not None else ():
            if not mask.via or Links.helper_key(summary, mask.via) in links.through:
                continue
            head, _, attribute = mask.via.partition(".")
            for ref in summary.imports:
                if ref.local != head:
                    continue
                if attribute and ref.symbol is None:
                    ref = replace(ref, symbol=attribute)  # `import label_utils`, then `label_utils.drop_padding(...)`
                helper = self._imported(ref, self._resolve(summary.path), MAX_REEXPORTS, True)
                if helper is not None and helper.symbol is None and attribute:
                    helper = Imported(helper.summary, attribute)  # `from . import label_utils`: the submodule
                elif helper is not None and attribute and ref.symbol != attribute:
                    continue  # a method of an imported object: not followed
                if (
                    helper is not None
                    and helper.symbol is not None
                    and helper.summary.masks_given(helper.symbol, mask.via_arg)
                ):
                    links.through[Links.helper_key(summary, mask.via)] = helper
                    break

    def _link_field_owners(
        self, links: Links, imports: tuple[ImportRef, ...], importer: Path, wanted: frozenset[str]
    ) -> None:
        """Link the imported classes and functions that declare a default for one of the `wanted` fields."""
        for ref in imports:
            bound = bound_name(ref)
            if ref.symbol in (None, "*") or bound in links.names:
                continue
            found = self._imported(ref, importer, MAX_REEXPORTS, False, fields=wanted, owners=True)
            declared = (
                [(owner, name) for owner, name, _ in found.summary.defaults]
                + [(owner, name) for owner, name, _, _ in found.summary.switches]
                if found
                else []
            )
            # (a nested configuration's field by its path: `render.add_generation_prompt`)
            # (or a field of keywords shown whole, by its own name: `chat_template_kwargs.**`, or the method that
            # hands them on: `chat_template_kwargs().**`)
            if found is not None and any(
                owner == found.symbol
                and (name.rsplit(".", 1)[-1] in wanted or name.split(".", 1)[0].removesuffix(METHOD_MARK) in wanted)
                for owner, name in declared
            ):
                links.names[bound] = found

    def _tokenizer_imports(
        self, imports: tuple[ImportRef, ...], text: str | None, hands_text: tuple[str, ...], dotted: frozenset[str]
    ) -> frozenset[ImportRef]:
        """The imports worth reading for a function that tokenizes its parameter: those of the callees the module
        hands its rendered text to, and, in a module that imports a renderer (whose text its own summary could not
        follow), those it calls (`encode(`, `tokenization.`)."""
        if text is None:
            return frozenset(imports)
        found = {ref for ref in imports if hands_to(ref, hands_text)}
        # (a small run knows few renderers before it reads the imports: any of them may be one)
        if self.eager or any(self._may_use(ref, text, False, dotted) for ref in imports):
            found.update(ref for ref in imports if may_tokenize_with(ref, text))
        return frozenset(found)

    def _callees(self, imports: tuple[ImportRef, ...], text: str | None, renders: bool) -> set[ImportRef]:
        """The imported functions a module calls that may build the engine it hands its renders to (`self.llm =
        build_engine(cfg)`, named for an engine, in a module that renders or uses a renderer and calls `generate`),
        or mask the labels it builds by a render's length (`mask_prompt(ids, prompt_len)`, named for masking): their
        modules are read for it."""
        if text is None:
            return set()
        # (a module that renders, or uses a renderer: in a small run any import may be one)
        rendering = renders or self.eager or any(ref.symbol in self.renderers for ref in imports)
        engines = rendering and "generate(" in text
        masks = "labels" in text and rendering
        # (the names the module calls with ids first, `fit_to_window(ids, n)`: one search of the text)
        handed = _names_handed_ids(text) if rendering else set()
        return {
            ref
            for ref in imports
            if ref.symbol not in (None, "*")
            and ref.symbol[:1].islower()  # (functions: a class built here is not a factory or a mask helper)
            and (
                (engines and _BUILDS_ENGINES.search(ref.symbol))
                or (masks and _MASKS_LABELS.search(ref.symbol))
                # (handed ids, `fit_to_window(ids, n)`: it may use them as a list, `ModuleSummary.id_params`)
                or ref.local in handed
            )
            and f"{ref.local}(" in text
        }

    def statements_worth_reading(self, text: str, wants_masks: bool) -> Callable[[str], bool] | None:
        """For a module the rules did not parse: which of its import statements `links_for` may keep (None: all of
        them), tested on the statement's text before any is parsed. One that names no renderer and imports no `*`
        can only help through a module the text calls a renderer from (`utils.process(`), or names a class from
        whose rendering method it calls (`base.Collator` with `self.render(`)."""
        functions, classes = self._renderer_names
        if self.eager or wants_masks or any(after_a_dot(text, name) for name in functions):
            return None
        if text_fields_read(text) or checkpoint_fields_read(text):
            return None  # the class or function that declares the field's default may be imported by any name
        if self._names_column_writer(text):
            return None  # a dataset a render went into may be handed to any imported function (a tokenize stage)
        if self._loader_names and mentions(self._loader_names)(text) and checkpoint_fields_handed(text):
            return None  # a checkpoint field handed to a known class that loads it (`VLLMEngine(cfg.model)`)
        if any(after_a_dot(text, name) and self._inherits(name, text) for name in classes):
            return None
        if "class " in text and any(subclasses(text, name) for name in self.renderers if name[:1].isupper()):
            return None  # (a class mixing a rendering class with others: another base may tokenize what it renders)
        names = self.renderers | self._constant_names | self._tokenizer_names | self.row_function_factories
        if any(whole_word(text, name) for name in (*functions, *classes)):
            # (a module that uses a renderer may hand its render to a method of a class it builds, `engine.complete(
            # prompt)` with `engine = VLLMBackend(cfg)`: the classes it constructs, by name)
            names |= set(_CONSTRUCTED.findall(text))
            names |= set(_ANNOTATED_CLASS.findall(text))  # (or is handed, annotated: `def grade(judge: Judge, ...)`)
        # (and what it installs as a chat template: `tok.chat_template = get_chat_template(v)`)
        names |= installed_templates(text)
        plain = frozenset(name for name in names if "." not in name)
        dotted = sorted(names - plain)  # `Encoder.encode`: a method, named whole
        # (a module that builds labels may mask them with an imported helper named for it: `mask_prompt`; one that
        # calls `generate` may build its engine with one named for it: `load_llm`)
        labels = "labels" in text
        engines = "generate(" in text
        # (a module that loads a checkpoint may load one an imported constant names: `MODEL_ID`, a table `MODELS`)
        loads = "from_pretrained(" in text
        return lambda statement: (
            "*" in statement
            or (loads and any(is_checkpoint_constant(word) for word in _WORD.findall(statement)))
            or _LOADS_TOKENIZERS.search(statement) is not None
            or (labels and _MASKS_LABELS.search(statement) is not None)
            or (engines and _BUILDS_ENGINES.search(statement) is not None)
            or not plain.isdisjoint(_WORD.findall(statement))
            or any(whole_word(statement, name) for name in dotted)
        )

    def _resolve(self, path: str) -> Path:
        """`path` resolved (a file's place, symlinks followed), once per path in a run."""
        found = self._resolved_paths.get(path)
        if found is None:
            found = self._resolved_paths[path] = resolved_path(path)
        return found

    def _may_use(self, ref: ImportRef, text: str, wants_masks: bool, dotted: frozenset[str]) -> bool:
        """Could the module use what `ref` imports for something a known module tells: call a renderer by its
        name (`render_chat(`), build an instance of a class with a rendering method (`Prompter(`), call one
        through a module (`chat_utils.render_chat`), or (with `wants_masks`) hand a collator the tokenizer?"""
        if ref.symbol == "*":
            return True
        if wants_masks and trains_with(ref, text):
            return True
        functions, classes = self._renderer_names
        if ref.symbol in functions or ref.symbol in self._constant_names:
            return True
        if ref.local in installed_templates(text):
            return True  # (it installs what a function of the project returns: `tok.chat_template = get_...(v)`)
        if ref.symbol in self.row_function_factories and ".map(" in text:
            return True  # (it makes a `.map()` function that writes a render: `to_text = make_formatter(tok)`)
        if ref.symbol in self.row_class_builders and f"{ref.local}(" in text:
            return True  # (it builds a dataset whose rows hold a render: `load_dataset(args, tok)`)
        if ref.symbol in classes:
            # built (`Prompter(`), a base class whose rendering method the text calls (`self.render(`), or an
            # annotation (`prompter: Prompter`, `Optional[Prompter]`) of a value whose rendering method it calls
            # (`.render(`)
            local = ref.local
            if f"{local}(" in text or self._inherits(ref.symbol, text):
                return True
            annotated = f": {local}" in text or f"[{local}]" in text
            return annotated and any(
                use.removeprefix("self") in text for use in self._rendering_members.get(ref.symbol, ())
            )
        if ref.symbol is not None and not ref.symbol.islower():
            return False  # a class or constant that tells nothing (modules are lower case)
        if not dotted:
            return False
        prefix = bound_name(ref) + "."
        return prefix in text and any(prefix + name in text for name in dotted)

    def _inherits(self, cls: str, text: str) -> bool:
        """Does the text use a rendering member of `cls` on `self`: call a rendering method (a subclass's
        `self.render(`), or read an attribute it stores rendered text in (`self.prompts`)?"""
        return any(use in text for use in self._rendering_members.get(cls, ()))

    @functools.cached_property
    def _rendering_members(self) -> dict[str, frozenset[str]]:
        """The known classes with rendering methods or attributes holding rendered text, and how a subclass uses
        each (`self.render(`, `self.prompts`)."""
        found: dict[str, set[str]] = {}
        for summary in self.summaries.values():
            for text in summary.texts if summary else ():
                cls, _, member = text.name.partition(".")
                if member:
                    found.setdefault(cls, set()).add(f"self.{member}" if text.stored else f"self.{member}(")
        return {cls: frozenset(members) for cls, members in found.items()}

    @functools.cached_property
    def _renderer_names(self) -> tuple[frozenset[str], frozenset[str]]:
        """The known renderers: function names, and the classes of rendering methods."""
        summaries = [summary for summary in self.summaries.values() if summary]
        names = [wrapper.name for summary in summaries for wrapper in summary.wrappers]
        # (a factory of `.map()` functions, `make_formatter`, is found by the imports of its users: a name such as
        # `default` would make every `.default` of a large tree look like a use)
        names += [text.name for summary in summaries for text in summary.texts if not text.makes_rows]
        names += [factory.name for summary in summaries for factory in summary.renderer_factories]
        names += [registry for summary in summaries for registry, _ in summary.registries]
        names += [registry for summary in summaries for registry, _, _ in summary.wrapper_registries]
        names += [registry for summary in summaries for registry, _ in summary.row_registries]
        classes = frozenset(name.split(".")[0] for name in names if "." in name) | self._rendering_bases
        # the functions annotated to return one of those classes (`make_prompt_builder(cfg) -> PromptBuilder`)
        names += [factory for summary in summaries for factory, cls in summary.factories if cls in classes]
        return frozenset(name for name in names if "." not in name), classes

    def _subclasses_of(self, classes: frozenset[str]) -> frozenset[str]:
        """The known modules' classes whose first base is one of `classes` (`class Qwen3Renderer(PromptRenderer)`)."""
        summaries = [summary for summary in self.summaries.values() if summary]
        return frozenset(
            cls for summary in summaries for cls, base in summary.subclasses if base.rsplit(".", 1)[-1] in classes
        )

    @functools.cached_property
    def rendering_subclasses(self) -> frozenset[str]:
        """The known classes that inherit a rendering class's methods from a base (`class Qwen3Renderer(
        PromptRenderer)`, in a module that renders nothing itself): what a module that builds one (`Qwen3Renderer(
        tok)`) is linked to (see `_inherited_base`). Kept apart from the `renderers`: a subclass tells nothing of its
        own, so a module that merely mentions one is not read for more."""
        return self._subclasses_of(self._renderer_names[1]) - self._renderer_names[1]

    @functools.cached_property
    def _rendering_bases(self) -> frozenset[str]:
        """The abstract classes of other modules of the project that the known rendering classes implement
        (`class HFPromptTokenizer(PromptTokenizer)` with `PromptTokenizer` imported from `interfaces.py`): a module
        that knows its renderer only as the base (`tokenizer: PromptTokenizer`) may call one (see
        `implementations`)."""
        found = set()
        for path, summary in self.summaries.items():
            owners = {text.name.split(".")[0] for text in summary.texts if "." in text.name} if summary else set()
            data = self._peek(path) if owners else None
            if summary is None or data is None:
                continue
            for cls in sorted(owners):
                header = re.search(rb"class " + re.escape(cls.encode()) + rb"\(([^)]*)\)", data)
                for base in re.findall(r"\w+", header.group(1).decode("utf-8", "replace")) if header else ():
                    target = self.target_of(base, summary.imports, str(path))
                    peeked = self._peek(target[0]) if target is not None else None
                    if peeked is not None and target is not None and _abstract_class(peeked, target[1]):
                        found.add(base)
        return frozenset(found)

    @functools.cached_property
    def _names_column_writer(self) -> Callable[[str], bool]:
        """Does a text name one of the known functions that write a render into a dataset's column (rows a `.map()`
        writes, or a dataset returned with the render in a column)?"""
        return mentions(self._column_writers)

    @functools.cached_property
    def _column_writers(self) -> frozenset[str]:
        """The known module-level functions that return rows or a dataset with a render in a column (not the
        factories of `.map()` functions: see `row_function_factories`)."""
        return frozenset(
            text.name
            for summary in self.summaries.values()
            if summary
            for text in summary.texts
            if text.columns and "." not in text.name and not text.makes_rows
        )

    @functools.cached_property
    def _constant_names(self) -> frozenset[str]:
        """The column-name and checkpoint constants the known modules define (a table of checkpoints by its own
        name: `MODELS` for `MODELS[*][checkpoint]`)."""
        return frozenset(
            constant_binding(name) for summary in self.summaries.values() if summary for name, _ in summary.constants
        )

    @functools.cached_property
    def _loader_names(self) -> frozenset[str]:
        """The known functions and classes that load the checkpoint a parameter names."""
        return frozenset(
            loader.name for summary in self.summaries.values() if summary for loader in summary.checkpoint_loaders
        )

    @functools.cached_property
    def _tokenizer_names(self) -> frozenset[str]:
        """The known functions that tokenize their parameter (a module with rendered text may hand it to one)."""
        return frozenset(helper.name for summary in self.summaries.values() if summary for helper in summary.tokenizers)

    # -- resolution -----------------------------------------------------------------------------------------------
    def _imported(
        self,
        ref: ImportRef,
        importer: Path,
        hops: int,
        wants_masks: bool,
        reexport: bool = False,
        tokenizing: bool = False,
        fields: frozenset[str] = frozenset(),
        pads: bool = False,
        conversations: bool = False,
        owners: bool = False,
        properties: bool = False,
        callees: bool = False,
        templates: bool = False,
        subclass: bool = False,
    ) -> Imported | None:
        """What `ref` imports, from its module's summary. `tokenizing`: the importer has rendered text, so a
        function that tokenizes its parameter is worth reading a module for; `pads`: the importer masks labels by
        value, so a function that pads with EOS is; `conversations`: the importer renders what it calls, so a
        function that builds a conversation is; `callees`: the importer renders and calls it, so a function that
        builds a serving engine or masks the first labels it is given is; `owners`: what declares the default of
        one of the `fields` is asked for, through the re-exports of a package too; `subclass`: the importer builds
        an instance of the class, whose methods may be those of a base it inherits from a third module."""
        parts = [part for part in ref.module.split(".") if part]
        for base in self._bases(ref, importer):
            if ref.symbol is not None:
                submodule = module_path(base, [*parts, ref.symbol])
                if submodule is not None and not self._package_rebinds(base, parts, ref.symbol):
                    summary = self.summary_at(
                        submodule,
                        wants_masks,
                        tokenizing=tokenizing,
                        fields=fields,
                        pads=pads,
                        conversations=conversations,
                        properties=properties,
                        callees=callees,
                        templates=templates,
                    )
                    return Imported(summary, None) if summary is not None else None
            module_file = module_path(base, parts) if parts else module_path(base, ["__init__"], package=False)
            if module_file is None:
                continue
            asks = tokenizing or owners or pads or callees or subclass
            follow = ref.symbol if self._reexported(ref, wants_masks) or asks else None
            summary = self.summary_at(
                module_file,
                wants_masks,
                follow,
                reexport,
                tokenizing,
                fields,
                pads,
                conversations,
                properties,
                callees,
                templates,
                subclass,
            )
            if summary is None:
                return None
            if (
                ref.symbol is None
                or ref.symbol in summary.exports
                or (tokenizing and (summary.tokenizes_with(ref.symbol) or summary.measure(ref.symbol) is not None))
                or (callees and summary.engine_factory(ref.symbol) is not None)
                or (callees and summary.prefix_mask(ref.symbol) is not None)
                or (callees and any(item[0] == ref.symbol for item in (*summary.id_params, *summary.id_batch_params)))
                or (pads and summary.pad_loader(ref.symbol) is not None)
                or (conversations and any(item.name.split(".")[0] == ref.symbol for item in summary.conversations))
                or (conversations and summary.role_guard(ref.symbol) is not None)
                or (conversations and bool(summary.handoffs_of(ref.symbol)))
                or _fixed_loader(summary, ref.symbol)
            ):
                return Imported(summary, ref.symbol)
            made = summary.factory(ref.symbol)
            if made is None and subclass and summary.base(ref.symbol) is not None:
                # a subclass whose rendering methods are its base's (`class Qwen3Renderer(PromptRenderer)`): as a
                # factory of that base, unless it overrides one
                inherited = self._inherited_base(ref, summary, module_file, hops, wants_masks)
                return inherited if inherited is not None and not self._overrides(module_file, ref, inherited) else None
            if made is not None and (made in summary.renderers or (tokenizing and summary.tokenizes_with(made))):
                return Imported(summary, made)  # a factory of a class of its own module
            if hops == 0 or follow is None:
                return None
            # a factory of a class the module imports (`def make_builder(cfg) -> PromptBuilder`): that class; or a
            # re-export: the module imports the name from elsewhere, by name or with `*`
            wanted = made if made is not None else ref.symbol
            named = [other for other in summary.imports if other.local == wanted and other.symbol != "*"]
            starred = [
                replace(other, local=ref.symbol, symbol=ref.symbol) for other in summary.imports if other.symbol == "*"
            ]
            for again in (*named, *(starred if made is None else ())):
                found = self._imported(
                    again,
                    module_file,
                    hops - 1,
                    wants_masks,
                    True,
                    tokenizing,
                    fields,
                    pads,
                    conversations,
                    owners,
                    properties,
                    callees,
                    templates,
                    subclass,
                )
                if found is not None:
                    return found
            return None
        return None

    def _inherited_base(
        self, ref: ImportRef, summary: ModuleSummary, module_file: Path, hops: int, wants_masks: bool
    ) -> Imported | None:
        """The base class `ref`'s class inherits from, where its module (or a third one it imports) tells of its
        rendering methods: the class of the module, or one it imports by name or as a module (`base.Renderer`)."""
        base = summary.base(ref.symbol or "") or ""
        head, _, attribute = base.partition(".")
        if not attribute and base in summary.renderers:
            return Imported(summary, base)
        if hops == 0:
            return None
        for other in summary.imports:
            if other.local != head or other.symbol == "*" or bool(attribute) != (other.symbol is None):
                continue
            again = replace(other, symbol=attribute) if attribute else other
            found = self._imported(again, module_file, hops - 1, wants_masks, subclass=True)
            if found is not None and found.symbol is not None:
                return found
        return None

    def _overrides(self, module_file: Path, ref: ImportRef, base: Imported) -> bool:
        """Does `ref`'s class define a method of its own that its base's summary tells of (a render of its own)?"""
        data = self._peek(module_file)
        prefix = f"{base.symbol}."
        methods = {name.removeprefix(prefix) for name in base.summary.renderers if name.startswith(prefix)}
        return data is None or any(_defines_method(data, ref.symbol or "", method) for method in methods)

    def handed(self, path: str, text: str, links: Links) -> list[tuple[Path, str, str, Imported]]:
        """The instances of imported rendering classes the module at `path` hands to a function or class of
        another module of the project (see `facts.handed`): (that module's file, the callee's name there, the
        parameter, the class)."""
        # (only a module that builds one of them by name: `ChatFormatter(tok)`)
        classes = frozenset(name for name in links.rendering_classes() if f"{name}(" in text or f"{name}[" in text)
        module = _parsed(text) if classes and self.import_reader is not None else None
        if module is None or self.import_reader is None:
            return []
        found = []
        imports: tuple[ImportRef, ...] | None = None
        for item in handed_instances(module, classes):
            imports = imports if imports is not None else self.import_reader(text, None)
            target = self.target_of(item.callee, imports, path)
            if target is not None and target[0] != self._resolve(path):
                imported = links.names[item.cls]
                assert imported.symbol is not None
                cls = imported.summary.registry(imported.symbol)  # (built through a registry of the class)
                found.append((target[0], target[1], item.param, imported._replace(symbol=cls or imported.symbol)))
        return found

    def _class_calls(
        self, text: str, classes: dict[tuple[Path, str], list[tuple[str, tuple[str, ...]]]]
    ) -> tuple[list[ast.Call], dict[str, list[tuple[str, tuple[str, ...]]]], tuple[ImportRef, ...]] | None:
        """The calls of a module's text, the classes of `classes` ((module, class) -> constructor parameters asked
        about, each with the constructor's parameters in order) it names by a call, and its imports; None when its
        text calls none of them (not parsed then)."""
        by_name: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for (_, cls), params in classes.items():
            if f"{cls}(" in text:
                by_name.setdefault(cls, []).extend(params)
        module = _parsed(text) if by_name and self.import_reader is not None else None
        if module is None or self.import_reader is None:
            return None
        calls = [node for node in ast.walk(module) if isinstance(node, ast.Call)]
        return calls, by_name, self.import_reader(text, None)

    def constructed(
        self, path: str, text: str, switches: dict[tuple[Path, str], list[tuple[str, tuple[str, ...]]]]
    ) -> list[tuple[Path, str, str, bool, int]]:
        """The literal values the module at `path` builds classes of other modules of the project with, for the
        constructor parameters a render's flag comes from (`switches`: (module, class) -> the parameters, each with
        the constructor's parameters in order): (that module, the class, the parameter, the value, the line)."""
        built = self._class_calls(text, switches)
        if built is None:
            return []
        calls, by_name, imports = built
        found = []
        for item in constructions(calls, by_name):
            target = self.target_of(item.callee, imports, path)
            if target is not None and target in switches and target[0] != self._resolve(path):
                found.append((target[0], target[1], item.param, item.value, item.line))
        return found

    def constructor_arguments(
        self, path: str, text: str, wanted: dict[tuple[Path, str], list[tuple[str, tuple[str, ...]]]]
    ) -> list[tuple[Path, str, str, bool]]:
        """Whether each construction the module at `path` makes of a class of the run (its own module's too) passes
        the constructor parameters `wanted` names ((module, class) -> the parameters, each with the constructor's
        parameters in order): (that module, the class, the parameter, passed). A call that spreads `*args` or
        `**kwargs` may pass anything: passed."""
        built = self._class_calls(text, wanted)
        if built is None:
            return []
        calls, by_name, imports = built
        own = self._resolve(path)
        found = []
        for call in calls:
            callee = dotted_name(call.func) or ""
            asked = by_name.get(callee.rsplit(".", 1)[-1])
            if not asked:
                continue
            target = self.target_of(callee, imports, path) or (own, callee)
            for param, order in asked:
                if (target[0], target[1]) in wanted:
                    found.append((target[0], target[1], param, may_pass(call, order, param)))
        return found

    def implementations(self, path: str, text: str, imports: tuple[ImportRef, ...]) -> dict[str, tuple[Imported, ...]]:
        """What the module at `path` may run through an imported name whose class only the run's other modules
        tell, by the name the module binds: for a class it annotates with (`backend: ModelBackend`, `"ModelBackend"`)
        that leaves methods to its subclasses (an `ABC`, a `Protocol`), the first subclass in the base's folder or a
        folder below it whose module tokenizes in one of its methods (`class HuggingFaceBackend(ModelBackend)` in
        `backends/huggingface.py`), and the first whose method returns a render (`class
        HFPromptTokenizer(PromptTokenizer)`); for a function it calls, named for giving one (`get_backend`,
        `load_model`), that gives a class of a registry a decorator of its module fills (`get_backend(name)`
        returning `_REGISTRY[name]`, see `built_classes.decorated_registry_factories`), the classes so decorated
        there (`@register("vllm")`)."""
        found: dict[str, tuple[Imported, ...]] = {}
        for ref in imports:
            local = ref.local
            if ref.symbol in (None, "*"):
                continue
            # (a class, CapWords, annotated with; a function named for giving one, called)
            annotated = local[:1].isupper() and any(form in text for form in (f": {local}", f': "{local}"'))
            # (or a registry, indexed and called: `FORMATTERS[style](model)`)
            indexed = local.isupper() and f"{local}[" in text
            if (
                not annotated
                and not indexed
                and not (_REGISTRY_ACCESSOR.search(ref.symbol or "") and f"{local}(" in text)
            ):
                continue
            target = self.target_of(local, imports, path)
            data = self._peek(target[0]) if target is not None else None
            if target is None or data is None:
                continue
            module, name = target
            # (a registry indexed here may hold classes of its own module: `@register("chat")` beside it)
            itself = indexed and name.isupper()
            if annotated and _abstract_class(data, name):
                pattern = rb"class (\w+)\([^)]*\b" + re.escape(name.encode()) + rb"\b"
            elif (returned := _returned_abstract_class(data, name)) is not None:
                # `def build_engine(backend, model) -> Engine:` with `Engine` an `ABC` of its module: what it builds is
                # one of Engine's subclasses
                pattern = rb"class (\w+)\([^)]*\b" + re.escape(returned) + rb"\b"
            else:
                decorator = self._registry_decorator(module, data, name)
                if decorator is None:
                    continue
                # `@register("vllm")` (also `@backends.register(...)`, among other decorators), then the class
                decorated = rb"\b[^\n]*\n(?:[ \t]*@[^\n]*\n)*[ \t]*class (\w+)"
                pattern = rb"@(?:\w+\.)*" + re.escape(decorator.encode()) + decorated
                itself = True  # (the registry's module may hold decorated classes: `@register_engine` beside it)
            chosen = self._implementing(module, re.compile(pattern), itself=itself)
            if chosen:
                found[local] = chosen
        return found

    def own_implementations(self, path: str, text: str) -> dict[str, tuple[Imported, ...]]:
        """For a module that renders and defines a class that leaves methods to its subclasses (an `ABC`, a
        `Protocol`), calling one on itself (`await self.generate(prompt)` in `ModelInterface.chat`): the first
        subclass in the module's folder or a folder below it whose module tokenizes in one of its methods (see
        `implementations`), by the class's name."""
        if ".apply_chat_template(" not in text or "self." not in text:
            return {}
        data = text.encode()
        found: dict[str, tuple[Imported, ...]] = {}
        for match in re.finditer(r"(?m)^class (\w+)\(", text):
            name = match.group(1)
            if not _abstract_class(data, name):
                continue
            pattern = rb"class (\w+)\([^)]*\b" + re.escape(name.encode()) + rb"\b"
            chosen = self._implementing(self._resolve(path), re.compile(pattern))
            if chosen:
                found[name] = chosen
        return found

    def _registry_decorator(self, module: Path, data: bytes, name: str) -> str | None:
        """The decorator of the module at `module` that fills the registry its function `name` gives a class of (or
        the registry `name` itself)."""
        if module not in self._decorated_registries:
            text = _decoded(data) if _fills_a_registry(data) else None
            tree = _parsed(text) if text is not None else None
            self._decorated_registries[module] = decorated_registry_factories(tree) if tree is not None else {}
        return self._decorated_registries[module].get(name)

    def _implementing(self, module: Path, pattern: re.Pattern[bytes], itself: bool = False) -> tuple[Imported, ...]:
        """The first class `pattern` finds in the modules of `module`'s folder and below (`_below`, not `module`
        itself unless `itself`) whose method tokenizes its parameter, and the first whose method returns a render."""
        tokenizing: Imported | None = None
        rendering: Imported | None = None
        for other_path in _below(module.parent):
            other = self._peek(other_path) if itself or other_path != module else None
            classes = [match.group(1).decode() for match in pattern.finditer(other)] if other else []
            summary = self.summary_at(other_path, tokenizing=True) if classes else None
            for cls in classes if summary is not None else ():
                assert summary is not None and other is not None
                if tokenizing is None:
                    tokenizing = _member_class(summary, other, cls, [item.name for item in summary.tokenizers])
                if rendering is None:
                    rendering = _member_class(summary, other, cls, [item.name for item in summary.texts])
            if tokenizing is not None and rendering is not None:
                break
        return tuple(item for item in (tokenizing, rendering) if item is not None)

    def resolved(self, path: str) -> Path:
        return self._resolve(path)

    def target_of(self, callee: str, imports: tuple[ImportRef, ...], importer: str) -> tuple[Path, str] | None:
        """The module file and name a callee of a module names by its imports (`SFTDataset` imported from
        `.dataset`, `data.SFTDataset` with `data` an imported module, `SFTDataset` imported from a package whose
        `__init__.py` imports it from its module by name)."""
        found = self._target_of(callee, imports, importer)
        if found is None or found[0].name != "__init__.py" or self.import_reader is None:
            return found
        init, name = found
        data = self._peek(init)
        reexports = self._reexport_imports(init, data) if data is not None and name.encode() in data else None
        for ref in reexports.imports if reexports is not None else ():
            if ref.local == name and ref.symbol not in (None, "*"):
                again = self._target_of(name, (ref,), str(init))
                return again if again is not None and again[0] != init else found
        return found

    def _target_of(self, callee: str, imports: tuple[ImportRef, ...], importer: str) -> tuple[Path, str] | None:
        head, _, attribute = callee.partition(".")
        for ref in imports:
            if ref.local != head or ref.symbol == "*":
                continue
            parts = [part for part in ref.module.split(".") if part]
            for base in self._bases(ref, self._resolve(importer)):
                if ref.symbol is None:  # `import data`, then `data.SFTDataset`
                    found = module_path(base, parts) if attribute and "." not in attribute else None
                    if found is not None:
                        return found, attribute
                    continue
                submodule = module_path(base, [*parts, ref.symbol])
                if submodule is not None:  # `from . import data`, then `data.SFTDataset`
                    return (submodule, attribute) if attribute and "." not in attribute else None
                module_file = module_path(base, parts) if parts else None
                if module_file is not None:
                    return (module_file, ref.symbol) if not attribute else None
        return None

    def _package_rebinds(self, base: Path, parts: list[str], name: str) -> bool:
        """Does the package's `__init__.py` bind `name` to something its submodule of that name holds (`from
        .encode import encode`)? Then `from package import encode` gets that, not the submodule (importing the
        submodule set the name first; the `__init__`'s import set it again)."""
        init = module_path(base, [*parts, "__init__"], package=False)
        data = self._peek(init) if init is not None else None
        if init is None or data is None or self.import_reader is None:
            return False
        if b"from ." not in data or name.encode() not in data:
            return False
        init_imports = self._reexport_imports(init, data)
        return init_imports is not None and any(
            other.local == name and other.level > 0 and other.module and other.symbol not in (None, "*")
            for other in init_imports.imports
        )

    def _reexported(self, ref: ImportRef, wants_masks: bool) -> bool:
        """Is a package's `__init__.py` worth reading for where `ref`'s name comes from?"""
        return ref.symbol is not None and (self.eager or wants_masks or ref.symbol in self.renderers)

    def _bases(self, ref: ImportRef, importer: Path) -> list[Path]:
        if ref.level:
            base = importer.parent
            for _ in range(ref.level - 1):
                base = base.parent
            return [base] if self._inside(base) else []
        bases = self._absolute_bases(importer.parent)
        top = self._package_top(importer.parent)
        if top is not None and ref.module.split(".", 1)[0] == top.name:
            return [*bases, top.parent]  # (`pkg.trainer`, imported inside `pkg` from outside the project root)
        return bases

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one project per run; the cache lives as long as it does
    def _package_top(self, folder: Path) -> Path | None:
        """For a module outside the project root (another project named on the same command line: `chatlint check
        proj_a proj_b`), the outermost checked folder above it when that is a package, whose modules an absolute
        import may name (`proj_b/pkg/cli/run.py` imports `pkg.trainer`, found in `proj_b`, a folder not checked);
        None inside the root."""
        if os.path.join(str(folder), "").startswith(os.path.join(str(self.root), "")):
            return None
        outer = None
        while self._inside(folder) and folder.parent != folder:
            outer, folder = folder, folder.parent
        return outer if outer is not None and is_file(os.path.join(outer, "__init__.py")) else None

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one project per run; the cache lives as long as it does
    def _absolute_bases(self, folder: Path) -> list[Path]:
        """Where an absolute import of a module in `folder` may be found: its folder and each one above it up to
        the project root, then `<root>/src`."""
        bases = []
        start = folder
        while self._inside(folder):
            bases.append(folder)
            if folder == self.root:
                break
            folder = folder.parent
        if not bases:
            bases.append(start)  # a file outside the project root: its own folder only
        source_layout = self.root / "src"
        if source_layout.is_dir():
            bases.append(source_layout)
        return bases

    def _inside(self, folder: Path) -> bool:
        return os.path.join(str(folder), "").startswith(self._prefixes)

    def summary_at(
        self,
        path: Path,
        wants_masks: bool = False,
        symbol: str | None = None,
        reexport: bool = False,
        tokenizing: bool = False,
        fields: frozenset[str] = frozenset(),
        pads: bool = False,
        conversations: bool = False,
        properties: bool = False,
        callees: bool = False,
        templates: bool = False,
        subclass: bool = False,
    ) -> ModuleSummary | None:
        """The summary of the module at `path` (resolved), when its bytes may tell what is asked: a render, a label
        mask (`wants_masks`), a function that tokenizes its parameter (`tokenizing`), a pad = EOS assignment
        (`pads`), messages with roles (`conversations`), the default of a text column field (`fields`), or the
        re-export of `symbol` (by a package's `__init__.py`, or by any module on the way of a re-export,
        `reexport`)."""
        if path in self.summaries:
            known = self.summaries[path]
            if tokenizing and known is not None and path not in self._passing_on:
                # summarised before tokenizing was asked (for a render, a mask): whether it hands a parameter to an
                # imported function that tokenizes it is found out once
                self._passing_on.add(path)
                data = self._peek(path)
                text = _decoded(data) if data is not None and self._may_chain_tokenizers(path, data) else None
                links = self._own_links(path, text, tokenizing=True) if text is not None else None
                if links is not None:
                    known = self.summaries[path] = self.summarizer(self.name_of(path), text, links)  # type: ignore[arg-type]
                    self.summarised.add(path)
            return known
        data = self._peek(path)
        if data is None:
            return None
        renders = (
            self._verdict(path, data, may_render)
            or (
                wants_masks
                and (
                    self._verdict(path, data, may_mask)
                    or self._verdict(path, data, may_pass_pad_id)
                    or self._verdict(path, data, may_build_collators)
                    or self._verdict(path, data, may_mask_by_parameter)
                )
            )
            or (tokenizing and self._verdict(path, data, may_tokenize))
            or (
                callees
                and (
                    self._verdict(path, data, may_mask_prompts)
                    or self._verdict(path, data, may_build_engines)
                    or self._verdict(path, data, may_use_id_parameters)
                )
            )
            or (pads and self._verdict(path, data, may_set_pad_eos))
            or (
                conversations
                and self._verdict(path, data, may_build_conversations)
                and (not properties or b"@property" in data)  # (a class annotated with: for its properties)
            )
            # (a base class a rendering module subclasses: it may measure what a method it leaves to them renders)
            or (conversations and not properties and self._verdict(path, data, may_measure_hooks))
            # (or hand one method what another it leaves to them returns: `passes`)
            or (conversations and not properties and self._verdict(path, data, may_pass_to_subclasses))
            # (a function a module with rendered text calls may always load one checkpoint: `get_tokenizer()`)
            or (conversations and not properties and self._verdict(path, data, may_load_checkpoints))
            or any(name.encode() in data for name in fields)
            or (templates and self._verdict(path, data, may_define_templates))
        )
        reexports = (
            (path.name == "__init__.py" or reexport)
            and symbol is not None
            and (symbol.encode() in data or b"import *" in data)
        )
        if reexports and symbol is not None and not _defines(data, symbol):
            # a package that only re-exports the name (its bytes may still mention a render or a mask): where
            # the name comes from is all that is asked, whatever else the module says
            return self._reexport_imports(path, data)
        # a wrapper of an imported wrapper, a helper returning an imported helper's text: summarised with what its
        # own imports tell it; so is a helper that hands its parameter to an imported function that tokenizes it
        # (`logit_lens(lm, prompt)` calling `resid(lm, prompt)`, which traces it), when that is asked
        chained = not renders and self._calls_a_known_renderer(path, data)
        # (or one that renders with a flag read off a configuration field: the class its imports declare says it)
        chained = chained or ((renders or tokenizing) and self._configures(path, data, renders, tokenizing))
        passes_on = not chained and tokenizing and self._may_chain_tokenizers(path, data)
        if not (renders or reexports or chained or passes_on):
            if subclass and symbol is not None and _defines_subclass(data, symbol):
                return self._reexport_imports(path, data)  # (where its base comes from)
            return None  # not remembered as None: a later question (for masks) may find it worth reading
        text = _decoded(data)
        if text is None:
            self.summaries[path] = None
            return None
        if passes_on:
            self._passing_on.add(path)
        links = self._own_links(path, text, tokenizing=passes_on) if chained or passes_on else None
        if not (renders or links is not None) and self.import_reader is not None:
            return self._reexport_imports(path, data)  # only where its names come from
        summary = self.summarizer(self.name_of(path), text, links)
        self.summaries[path] = summary
        self.summarised.add(path)
        return summary

    def _calls_a_known_renderer(self, path: Path, data: bytes) -> bool:
        """Does a module that renders nothing itself import a function a known module renders with (in a small
        run, anything: what it imports is read to find out)? Its summary then needs what its imports tell it; a
        few modules deep at most."""
        return len(self._linking) < MAX_REEXPORTS and path not in self._linking and self._may_chain(data)

    def _configures(self, path: Path, data: bytes, renders: bool, tokenizing: bool) -> bool:
        """Does a module render (`renders`), or tokenize (when `tokenizing` is asked), with a flag read off a
        configuration field (`facts.config_switches`), a few modules deep at most?"""
        if self.import_reader is None or path in self._linking or len(self._linking) >= MAX_REEXPORTS:
            return False
        template = renders and (b"generation_prompt" in data or b"final_message" in data)
        special = tokenizing and b"add_special_tokens" in data
        text = _decoded(data) if template or special else None
        return text is not None and ((template and reads_template_switches(text)) or reads_token_switches(text))

    def learn_configured(self, path: str, text: str) -> None:
        """Before the files of the run are linked: a checked file that renders or tokenizes with a flag read off a
        configuration field is summarised again with what its imports tell it (the field's default, in the class of
        another module), so that its users get the flag."""
        resolved = self._resolve(path)
        if self.import_reader is None or not (reads_template_switches(text) or reads_token_switches(text)):
            return
        links = self._own_links(resolved, text)
        if links is not None:
            self.summaries[resolved] = self.summarizer(self.name_of(resolved), text, links)
            self.summarised.add(resolved)

    def _may_chain(self, data: bytes) -> bool:
        if self.import_reader is None:
            return False
        if self.eager:
            return b"import" in data  # a small run knows few renderers yet: its imports will say
        functions = self._renderer_names[0]
        if not any(name.encode() in data for name in functions):
            return False
        text = _decoded(data)
        if text is None:
            return False
        imported = self.import_reader(text, lambda statement: any(whole_word(statement, name) for name in functions))
        return any(ref.symbol in functions for ref in imported)

    def _may_chain_tokenizers(self, path: Path, data: bytes) -> bool:
        """Could a module that tokenizes nothing itself hand a parameter to an imported function that does? It
        imports something, and the chain is a few modules deep at most."""
        depth_left = len(self._linking) < MAX_REEXPORTS and path not in self._linking
        return depth_left and self.import_reader is not None and b"import" in data

    def _own_links(self, path: Path, text: str, tokenizing: bool = False) -> Links | None:
        """What a module's own imports tell it; with `tokenizing`, also the imported functions it calls that may
        tokenize what it hands them."""
        assert self.import_reader is not None
        key = (path, tokenizing)
        if key in self._links_of:
            return self._links_of[key]
        self._linking.add(path)
        try:
            imports = self.import_reader(text, None)
            handed = tuple(bound_name(ref) for ref in imports if tokenizing and may_tokenize_with(ref, text))
            links = self.links_for(str(path), imports, text=text, hands_text=handed)
        finally:
            self._linking.discard(path)
        if tokenizing:
            # only the functions that tokenize: what else the imports tell is left to the modules that render
            links = Links(names={name: found for name, found in links.names.items() if found.summary.tokenizers})
        self._links_of[key] = links or None
        return links or None

    def _reexport_imports(self, path: Path, data: bytes) -> ModuleSummary | None:
        """A module's imports alone, where its names come from: kept apart from its summary, so that a later
        question (a render, a mask, a tokenizing function) still reads the module whole when its bytes say so."""
        if path not in self._reexporters:
            text = _decoded(data)
            reader = self.import_reader
            self._reexporters[path] = (
                ModuleSummary(
                    self.name_of(path),
                    reader(text, None),
                    factories=factories_in_text(text),
                    subclasses=subclasses_in_text(text),
                )
                if text is not None and reader is not None
                else None
            )
        return self._reexporters[path]

    def name_of(self, path: Path) -> str:
        """`path` (resolved) as the run names its files."""
        return str(path) if self._absolute else os.path.relpath(path)

    def _verdict(self, path: Path, data: bytes, test: Callable[[bytes], bool]) -> bool:
        key = (path, test)
        if key not in self._verdicts:
            self._verdicts[key] = test(data)
        return self._verdicts[key]

    def disk_reads(self) -> dict[str, bytes | None]:
        """Every file the step read from disk (or tried to), in a fixed order, with the bytes it read (None for
        one it could not read, or did not: too large to summarise)."""
        return {str(path): self._bytes[path] for path in sorted(self._bytes)}

    def text_at(self, path: Path) -> str | None:
        """The text of a module of the project (resolved), read once; None when it cannot be read or is too large to
        summarise."""
        data = self._peek(path)
        return data.decode("utf-8", "replace") if data is not None else None

    def _peek(self, path: Path) -> bytes | None:
        if path not in self._bytes:
            data = None
            if self._inside(path.parent):
                try:
                    if path.stat().st_size <= MAX_SUMMARY_BYTES:
                        data = path.read_bytes()
                except OSError:
                    data = None
            self._bytes[path] = data
        return self._bytes[path]


def _parsed(text: str) -> ast.Module | None:
    """The syntax tree of a module the project step reads whole; None for one it cannot parse (a syntax error, or
    nested too deeply for `ast`): nothing to learn from it."""
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _below(folder: Path) -> list[Path]:
    """The modules of `folder` and of the folders up to two levels below it (where a package keeps the
    implementations of its interfaces: `provider/backends/hf.py`), at most `MAX_IMPLEMENTING_MODULES`, nearest
    first."""
    found = sorted(folder.glob("*.py"))
    for pattern in ("*/*.py", "*/*/*.py"):
        found += sorted(
            item
            for item in folder.glob(pattern)
            if not any(part.startswith(".") for part in item.relative_to(folder).parts)
        )
    return found[:MAX_IMPLEMENTING_MODULES]


# the names of functions that give a class (or an instance) of a registry: `get_backend`, `load_model`,
# `build_engine`, `model_registry`
_REGISTRY_ACCESSOR = re.compile(
    r"^_?(?:get|load|build|create|make|init|resolve|lookup|select|pick|choose|from)_|regist"
)
# `    _REGISTRY[name] = cls` in a function (a decorator storing what it decorates), and `return _REGISTRY[...`
_STORED_IN_A_DICT = re.compile(rb"(?m)^[ \t]+(\w+)\[[^\]\n]+\][ \t]*=[ \t]*\w+[ \t]*$")


def _fills_a_registry(data: bytes) -> bool:
    """Could a module's bytes define a registry a decorator fills (see `built_classes.
    decorated_registry_factories`)? Tested before the module is parsed for it."""
    stores = {match.group(1) for match in _STORED_IN_A_DICT.finditer(data)}
    # (and the dictionary is the module's own, made empty at its top level: `_REGISTRY: dict[str, type] = {}`)
    return any(
        re.search(rb"(?m)^" + re.escape(name) + rb"[ \t]*(?::[^=\n]*)?=[ \t]*(?:\{[ \t]*\}|dict\()", data)
        for name in stores
    )


def _returned_abstract_class(data: bytes, function: str) -> bytes | None:
    """The class a module's function `function` is annotated to return (`def build_engine(...) -> Engine:`, also
    `-> "Engine"`), when the module defines it as a class that leaves methods to its subclasses."""
    found = re.search(rb"def " + re.escape(function.encode()) + rb"\([^)]*\)\s*->\s*[\"']?(\w+)[\"']?\s*:", data)
    if found is None or not _abstract_class(data, found.group(1).decode()):
        return None
    return found.group(1)


def _fixed_loader(summary: ModuleSummary, name: str) -> bool:
    """Is `name` a function of the module that always loads one checkpoint it names (`get_tokenizer()`)?"""
    loader = summary.checkpoint_loader(name)
    return loader is not None and bool(loader.checkpoint)


# a class constructed: `VLLMBackend(`
_CONSTRUCTED = re.compile(r"(?<![\w.])([A-Z]\w*)\(")
# a class a parameter or name is annotated with: `judge: Judge`
_ANNOTATED_CLASS = re.compile(r"\b[a-z_]\w*: ([A-Z]\w*)\b")


def _member_class(summary: ModuleSummary, data: bytes, cls: str, members: list[str]) -> Imported | None:
    """The class `cls` of the module (`data`, summarised as `summary`) as its callers reach one of `members`
    ("Class.method"): itself when a method of its own is one, else the base class of the module it inherits one
    from (`class SeedFormatter(BaseFormatter)` with `BaseFormatter.__call__` rendering), unless it defines that
    method itself."""
    owner: str | None = cls
    for _ in range(_MAX_LINEAGE):
        if owner is None:
            return None
        methods = [name.partition(".")[2] for name in members if name.startswith(f"{owner}.")]
        if owner == cls and methods:
            return Imported(summary, cls)
        if methods and not any(_defines_method(data, cls, method) for method in methods):
            return Imported(summary, owner)
        header = re.search(rb"(?m)^class " + re.escape(owner.encode()) + rb"\((\w+)[,)]", data)
        owner = header.group(1).decode() if header is not None else None
    return None


# how many classes up a class's first bases of its module are followed for a member (`_member_class`)
_MAX_LINEAGE = 4


def _defines_method(data: bytes, cls: str, method: str) -> bool:
    """Does the body of the class `cls` (up to the next class of the module) define `method`?"""
    start = re.search(rb"(?m)^class " + re.escape(cls.encode()) + rb"\b", data)
    if start is None:
        return False
    end = re.compile(rb"(?m)^class ").search(data, start.end())
    body = data[start.end() : end.start() if end is not None else len(data)]
    return re.search(rb"\bdef " + re.escape(method.encode()) + rb"\(", body) is not None


def _abstract_class(data: bytes, name: str) -> bool:
    """Do a module's bytes define `name` as a class that leaves methods to its subclasses: an `ABC`, a `Protocol`,
    or one with the `ABCMeta` metaclass?"""
    header = re.search(rb"class " + re.escape(name.encode()) + rb"\(([^)]*)\)", data)
    return header is not None and re.search(rb"\b(?:ABC|Protocol|ABCMeta)\b", header.group(1)) is not None


def _defines_subclass(data: bytes, cls: str) -> bool:
    """Do a module's bytes define the class `cls` with a base (`class Qwen3Renderer(PromptRenderer):`)?"""
    return re.search(rb"(?m)^class[ \t]+" + re.escape(cls.encode()) + rb"[ \t]*\(\s*\w", data) is not None


def _defines(data: bytes, name: str) -> bool:
    """Do a module's bytes define `name` (a function, a class, an assignment at the start of a line)?"""
    encoded = name.encode()
    return (
        b"def " + encoded in data
        or b"class " + encoded in data
        or re.search(rb"(?m)^" + re.escape(encoded) + rb"\s*[:=]", data) is not None
    )


def _decoded(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _names_handed_ids(text: str) -> set[str]:
    """The names the text calls with ids at some place (`fit_to_window(prompt_ids, n)` gives `fit_to_window`, and
    so does `generate_two_phase(model, tokenizer, inputs)` give `generate_two_phase`)."""
    names = set()
    for match in _HANDS_IDS.finditer(text):
        start = match.start() if text[match.start()] == "(" else _opening_paren(text, match.start())
        name = _NAME_BEFORE.search(text, max(0, start - 200), start) if start > 0 else None
        if name is not None:
            names.add(name.group())
    return names


def _opening_paren(text: str, comma: int) -> int:
    """Where the call whose argument list holds the comma at `comma` opens its parenthesis (-1 when none is found
    within 400 characters, or another bracket opens first)."""
    depth = 0
    for index in range(comma - 1, max(-1, comma - 400), -1):
        character = text[index]
        if character in ")]}":
            depth += 1
        elif character in "([{":
            if depth == 0:
                return index if character == "(" else -1
            depth -= 1
    return -1
