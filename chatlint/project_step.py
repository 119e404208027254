"""The project step of a run: the files whose imports reach a module with something to tell (a wrapper, a rendered
text, a label mask by value) are checked again with what those modules tell them (`chatlint.linking` finds the
modules and builds each file's `Links`). The runner reads and checks the files first, then hands this step the
results and a way to check files again with their links.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from chatlint import link_plan
from chatlint.cache import ResultCache
from chatlint.config import Config
from chatlint.config_files import config_file_switches
from chatlint.engine import FileResult, imports_in_text, loaded_checkpoints, summarize_text
from chatlint.facts.column_names import checkpoint_fields_read, option_checkpoint_defaults
from chatlint.facts.config_switches import (
    may_declare_template_switches,
    reads_token_switches,
    run_switch_defaults,
    switch_defaults,
    switch_overrides,
    template_switches_read,
)
from chatlint.facts.links import Imported, Links
from chatlint.facts.summary import (
    ImportRef,
    ModuleSummary,
    TextSummary,
    may_load_checkpoints,
    may_mask_in_training,
    may_set_pad_eos,
    tokenizer_loader_calls,
)
from chatlint.files import FileSelector
from chatlint.findings import Related
from chatlint.import_uses import imports_any, is_word, mentions, whole_word
from chatlint.knowledge.model_families import (
    ModelFamily,
    family_of,
    model_class_families,
    names_known_checkpoint,
    of_one_family,
)
from chatlint.linking import MAX_SUMMARY_BYTES, Project, Summarizer
from chatlint.source import Source

# a method of a class of the project's own named `apply_chat_template` (a tokenizer class of its own, or a test's fake)
_OWN_TEMPLATE_METHOD = re.compile(r"(?m)^[ \t]+def apply_chat_template\(\s*self\b")
# an import of a library whose tokenizers a module that imports one may call `apply_chat_template` on (read in the
# text: a large run keeps only the import statements a file may use for what the project step knows)
_TOKENIZER_LIBRARY_IMPORT = re.compile(
    r"(?m)^[ \t]*(?:from|import)[ \t]+(?:transformers|tokenizers|mlx_lm|mlx_vlm|vllm|sglang|trl|unsloth)\b"
)

# a parameter annotated with a class named for a tokenizer (`tokenizer: PadTokenizer`; not transformers' base classes);
# the name before the colon is tested apart (`_annotated_tokenizer_classes`): a pattern that starts with `\w` tries a
# match at every letter of the file, thirty times slower than one that starts with the colon
_ANNOTATED_TOKENIZER_CLASS = re.compile(r":[ \t]*((?!PreTrained|Auto)[A-Z]\w*Tokeni[sz]er\w*)\b")

# a name written as a constant (`SYSTEM_PROMPT`, `_MAX_LEN`)
_CONSTANT = re.compile(r"_*[A-Z][A-Z0-9_]*")

# the words of a module that trains with what it builds: a collator, a trainer, a data loader of its own loop
_TRAINS_WITH_WORDS = ("Collat", "Trainer(", "collate_fn=", "DataLoader(")

# A run of at most this many files (a pre-commit call) follows the imports of every file it checks; a larger one,
# those of the files the rules parse and of the files that mention a name another module exports.
SMALL_RUN = 64


def _annotated_tokenizer_classes(text: str) -> frozenset[str]:
    """The classes named for a tokenizer that a name of `text` is annotated with (`tokenizer: PadTokenizer`)."""
    return frozenset(
        match.group(1)
        for match in _ANNOTATED_TOKENIZER_CLASS.finditer(text)
        if match.start() and is_word(text[match.start() - 1])
    )


def summarizer_for(cache: ResultCache | None) -> Summarizer:
    """How the project step summarises a module it reads from disk: remembered by content when there is a cache."""
    if cache is None:
        return summarize_text

    def remembered(name: str, text: str, links: Links | None = None) -> ModuleSummary | None:
        depends = links.digest if links else ""
        return cache.summary(name, text, lambda: summarize_text(name, text, links), depends)

    return remembered


def _run_option_checkpoints(declared: Iterable[dict[str, set[str]]]) -> dict[str, str]:
    """The command-line options the run's modules declare only with defaults naming checkpoints of one known family
    (`--checkpoint_dir` defaulting to `outputs/Qwen2.5-0.5B-GRPO`, in every parser that has it): option -> the first
    default. A module that loads a checkpoint from such a field of an object it is handed (`def infer(args)`) runs
    with that family unless told otherwise, as it would reading its own parser's default. `declared`: each module's
    options with their defaults (`option_checkpoint_defaults`)."""
    found: dict[str, set[str]] = {}
    for options in declared:
        for option, defaults in options.items():
            found.setdefault(option, set()).update(defaults)
    agreed = {option: of_one_family(sorted(defaults)) for option, defaults in found.items()}
    return {option: default for option, default in agreed.items() if default is not None}


def _run_switch_defaults(
    checked: dict[str, tuple[Source, FileResult]], overrides: frozenset[tuple[str, bool]]
) -> dict[str, tuple[bool, str, Related]]:
    """The template flags every configuration class of the run's modules defaults alike (`run_switch_defaults`):
    from the summaries of the modules the rules parsed, and from the text of the others that may declare such a
    field; `overrides`: the run's `switch_overrides`."""
    declared = []
    for path, (source, result) in sorted(checked.items()):
        if result.summary is not None:
            switches = result.summary.switches
        elif may_declare_template_switches(source.text):
            try:
                switches = switch_defaults(ast.parse(source.text))
            except (SyntaxError, ValueError, RecursionError):
                continue
        else:
            continue
        if switches:
            declared.append((path, switches))
    if not declared:
        return {}
    return run_switch_defaults(declared, [source.text for source, _ in checked.values()], overrides)


class ProjectStep:
    """One run's project step over the files the runner checked (`checked`: path -> its source and its result,
    replaced in place by the linked result of each file checked again). `check_linked` checks files with their links
    (on every core when there are many, from the cache when it can); `plan`: the run's digest for the cache's plan
    (`link_plan`)."""

    def __init__(
        self,
        root: Path,
        checked: dict[str, tuple[Source, FileResult]],
        check_linked: Callable[[list[tuple[Source, Links]]], list[FileResult]],
        cache: ResultCache | None = None,
        plan: str = "",
        selector: FileSelector | None = None,
    ) -> None:
        self.root = root
        # the run's choice of files (its excludes and `.gitignore`s), for a walk of the project beyond the files passed
        self.selector = selector
        self.checked = checked
        self.check_linked = check_linked
        self.cache = cache
        self.plan = plan
        self._by_file: dict[Path, str] | None = None  # the files of the run by their resolved paths (`_run_path`)

    def run(self) -> tuple[str, ...]:
        """The project step: check again, with what the modules they import tell them, the files whose imports
        reach a module with something to tell (a wrapper, a rendered text, a label mask by value).

        Files the rules parsed bring their imports with their summaries. A file the rules did not parse is looked
        at when it imports a name another checked module renders with (or reaches it through a module), or makes
        padding the EOS token (the label masks of what it imports matter), or always in a small run (a pre-commit call passes the changed files
        only: what they import is read from disk); its imports are read here. Before any file is linked, those that
        wrap an imported renderer are summarised with what their own imports tell them (`Project.learn_chained`), and
        those with functions annotated to return a known rendering class are remembered (`Project.learn_factories`),
        so that their users find them. `Project.links_for` then keeps the imports a file can use. A linked result is
        cached under the file's content and the digests of the summaries it read: a change in an imported module
        checks its importers again, nothing else does. Returns the files the step read whole beyond those the rules
        parsed alone."""
        checked, cache, run = self.checked, self.cache, self.plan
        known = [result.summary for _, result in checked.values() if result.summary is not None]
        small = len(checked) <= SMALL_RUN
        folders = {os.path.dirname(path) or "." for path in checked}
        project = Project(self.root, summarizer_for(cache), known, imports_in_text, eager=small, folders=folders)
        project.switch_overrides = frozenset().union(
            *(switch_overrides(source.text) for source, _ in checked.values()),
            config_file_switches(self.root, ((path, source.text) for path, (source, _) in checked.items())),
        )
        run_defaults = _run_switch_defaults(checked, project.switch_overrides)
        declared_options = {path: option_checkpoint_defaults(source.text) for path, (source, _) in checked.items()}
        run_options = _run_option_checkpoints(declared_options.values())
        classes = mentions(project.rendering_classes)
        for path, (source, result) in sorted(checked.items()):
            # (functions annotated to return a rendering class, or classes inheriting from one: their callers are
            # linked to it)
            if result.summary is None and ("->" in source.text or "class " in source.text) and classes(source.text):
                project.learn_factories(path, source.text)
        known_names = project.renderers
        named = imports_any(known_names)
        makers = imports_any(project.row_function_factories)  # (in modules that call `.map()`)
        # (a function building a dataset whose rows hold a render: its importer may hand them to another module)
        dataset_builders = imports_any(project.row_class_builders)
        # the files the rules did not parse that mention a renderer: first, those that wrap one are learned
        named_files = {
            path
            for path, (source, result) in checked.items()
            if result.summary is None
            and (
                named(source.text) or (".map(" in source.text and makers(source.text)) or dataset_builders(source.text)
            )
        }
        for path in sorted(named_files):  # (in a fixed order: what a module learns may depend on it)
            project.learn_chained(path, checked[path][0].encode())
        for path, (source, result) in sorted(checked.items()):
            # (a render or a tokenizer call whose flag is a configuration field: its users need the default another
            # module declares)
            summary = result.summary
            if summary is not None and (summary.wrappers or summary.texts or reads_token_switches(source.text)):
                project.learn_configured(path, source.text)
        # names of wrappers of imported wrappers, and subclasses of rendering classes in modules that render nothing
        learned = imports_any((project.renderers - known_names) | project.rendering_subclasses)
        to_link: list[tuple[Source, Links]] = []
        handed: list[tuple[Path, str, str, Imported]] = []
        summaries = {path: result.summary for path, (_, result) in checked.items()}  # (unlinked: linking drops them)
        imports_of: dict[str, tuple[ImportRef, ...]] = {}  # of the files the project step reads
        for path, (source, result) in checked.items():
            summary = result.summary
            # a module that gets its tokenizer from a loader of another module (`setup_tokenizer(name)`) and hands
            # it to an imported collator, masking nothing itself: what the loader does to the pad token and how the
            # collator masks labels both matter (also a training loop of its own that hands the pad id to a dataset:
            # `PackedDataset(rows, seq_len, tok.pad_token_id)` before a `DataLoader`)
            trains = any(word in source.text for word in _TRAINS_WITH_WORDS)
            loaders = tokenizer_loader_calls(source.text, bound=trains or "-100" in source.text)
            if "-100" in source.text and "Tokeni" in source.text:
                # (a class of the project a parameter is annotated with, `tokenizer: PadTokenizer`: its constructor
                # may pad with EOS)
                loaders |= _annotated_tokenizer_classes(source.text)
            masks = bool(loaders) and may_mask_in_training(source.text)  # (the loader may pad with EOS)
            loads = bool(loaders) and trains
            if summary is None:
                # not parsed by the rules: its imports, read here (not cached: decoding and checking the cached
                # imports of hundreds of files costs more than reading them again)
                wants_masks = may_set_pad_eos(source.encode())
                if not (small or wants_masks or loads or masks or path in named_files or learned(source.text)):
                    continue
                keep = project.statements_worth_reading(source.text, wants_masks or loads or masks)
                summary = ModuleSummary(path, imports_in_text(source.text, keep), sets_pad_eos=wants_masks)
            imports_of[path] = summary.imports
            links = project.links_for(
                path,
                summary.imports,
                summary.sets_pad_eos or loads,
                source.text,
                summary.hands_text,
                loaders=loaders if loads or masks else frozenset(),
            )
            if run_options and "from_pretrained(" in source.text:
                # (a checkpoint field read off an object the module is handed, `def infer(args)`, by a module that
                # declares no option of that name itself)
                loaded = checkpoint_fields_read(source.text) - declared_options[path].keys()
                links.option_checkpoints.update((name, run_options[name]) for name in loaded if name in run_options)
            if run_defaults:
                # (a template flag read off an object whose class the module may not show: `self.cfg.
                # add_generation_prompt`, with `FormatConfig` of another module the only class declaring the field)
                flags_read = template_switches_read(source.text)
                links.switch_defaults.update((name, run_defaults[name]) for name in flags_read if name in run_defaults)
            if result.summary is not None or small or path in named_files:  # (calls on instances of abstract classes)
                links.implementations.update(project.implementations(path, source.text, summary.imports))
                # (and calls a class of the module makes on itself of methods its subclasses elsewhere implement)
                links.implementations.update(project.own_implementations(path, source.text))
            if links:
                to_link.append((source, links))
                handed += project.handed(path, source.text, links)
        if handed:
            self._handed(project, handed, to_link)
        self._constructions(project, to_link)
        self._passed_defaults(project, to_link)
        self._overrides(project, to_link)
        self._mixins(project, to_link, named_files)
        staged = self._stages(project, to_link, imports_of)
        for (source, _), linked in zip(to_link, self.check_linked(to_link)):
            checked[source.path] = (source, linked)
        # (files that learned what they are handed, or which rows another module's stage gives them: what they now
        # tell their importers)
        learned_late = {target for target, _, _, _ in handed} | staged
        relinked = self._relearned(project, learned_late, to_link) if learned_late else []
        for (source, _), linked in zip(relinked, self.check_linked(relinked) if relinked else []):
            checked[source.path] = (source, linked)
        again = self._importer_families(project, to_link, summaries, imports_of)
        again = self._helper_families(project, to_link, again, summaries, imports_of)
        again = self._own_chat_templates(project, to_link, again, imports_of)
        if again:
            for (source, _), linked in zip(again, self.check_linked(again)):
                checked[source.path] = (source, linked)
        parsed = {project.resolved(path) for path, summary in summaries.items() if summary is not None}
        read = project.summarised | {project.resolved(source.path) for source, _ in (*to_link, *again)}
        files = tuple(sorted(str(path) for path in read - parsed))
        if cache is not None:
            link_plan.remember(cache, run, project.disk_reads(), checked, [*to_link, *again], files)
            cache.save()
        return files

    def _own_chat_templates(
        self,
        project: Project,
        to_link: list[tuple[Source, Links]],
        again: list[tuple[Source, Links]],
        imports_of: dict[str, tuple[ImportRef, ...]],
    ) -> list[tuple[Source, Links]]:
        """`again`, and the files of the run with a BatchEncoding finding (CL005) that import no tokenizer library,
        when classes of the project's own (outside its tests) define `apply_chat_template`: checked again with
        `Links.own_chat_templates` (what they call it on may be one of those, which returns what it likes)."""
        checked = self.checked
        targets = [
            path
            for path, (source, result) in sorted(checked.items())
            if any(item.code == "CL005" for item in result.findings)
            and path in imports_of
            and not _TOKENIZER_LIBRARY_IMPORT.search(source.text)
        ]
        if not targets:
            return again
        own = any(_renders_its_own_way(source.text) and not _in_tests(path) for path, (source, _) in checked.items())
        if not own and len(checked) <= SMALL_RUN:
            # (a pre-commit call passes a few files: the project's are read, as a run of the whole project would)
            own = _defines_own_template(self.root, self.selector)
        if not own:
            return again
        linked = {source.path: links for source, links in (*to_link, *again)}
        queued = {source.path for source, _ in again}
        for path in targets:
            source, _ = checked[path]
            links = linked.get(path) or project.links_for(path, imports_of[path], text=source.text)
            links.own_chat_templates = True
            if path not in queued:
                again.append((source, links))
        return again

    def _helper_families(
        self,
        project: Project,
        to_link: list[tuple[Source, Links]],
        again: list[tuple[Source, Links]],
        summaries: dict[str, ModuleSummary | None],
        imports_of: dict[str, tuple[ImportRef, ...]],
    ) -> list[tuple[Source, Links]]:
        """`again`, and the files of the run that load no model themselves and whose double-BOS findings (CL002)
        each hand the text to a helper of another module that loads models (`Engine.complete` in `engine.py`,
        running `LLM(model=cfg.model)`), when those modules load only models of families whose templates write no
        BOS (read with what their imports tell them: the default of an imported configuration field): checked
        again with those families (`Links.helper_families`). The helpers' modules are read from disk when the run
        does not check them (a pre-commit call)."""
        checked = self.checked
        linked = {project.resolved(source.path): links for source, links in (*to_link, *again)}
        queued = {source.path for source, _ in again}
        for path, (source, result) in sorted(checked.items()):
            findings = [item for item in result.findings if item.code == "CL002"]
            if not findings or path not in imports_of or _loads_checkpoints(summaries.get(path), source):
                continue
            own = project.resolved(path)
            helpers: set[Path] = set()
            for finding in findings:
                loading = {
                    place
                    for place in {project.resolved(related.path) for related in finding.related} - {own}
                    if (summary := project.summary_at(place)) is not None and summary.loads_checkpoints
                }
                if not loading:
                    break  # (a finding through no helper that loads a model: the module's own tokenizer)
                helpers |= loading
            else:
                sources = [item for helper in sorted(helpers) if (item := _helper_source(project, helper))]
                families = _families_loaded(sources) if len(sources) == len(helpers) else None
                if not families or any(family.writes_bos for family in families):
                    continue
                links = linked.get(own) or project.links_for(path, imports_of[path], text=source.text)
                links.helper_families = tuple(sorted({family.name for family in families}))
                if path not in queued:
                    again.append((source, links))
        return again

    def _importer_families(
        self,
        project: Project,
        to_link: list[tuple[Source, Links]],
        summaries: dict[str, ModuleSummary | None],
        imports_of: dict[str, tuple[ImportRef, ...]],
    ) -> list[tuple[Source, Links]]:
        """The files of the run with a double-BOS finding (CL002) that load no model themselves, whose importers in
        the run all load models of families whose templates write no BOS: checked again with those families
        (`Links.importer_families`). A file is judged for any model when one importer loads none, or one the table
        does not know. A file whose importers in the run load no model themselves (or that no file of the run
        imports) is judged with the families of every model the run loads, when each of its loads names a known
        family and none writes a BOS (`_run_families`)."""
        checked = self.checked
        targets = {
            project.resolved(path): path
            for path, (source, result) in checked.items()
            if any(item.code == "CL002" for item in result.findings)
            and path in imports_of
            and not _loads_checkpoints(summaries.get(path), source)
        }
        if not targets:
            return []
        stems = {os.path.splitext(os.path.basename(path))[0] for path in targets.values()}
        # (a package re-exports what its modules define: `from chatsft import ConversationDataset`)
        stems |= {os.path.basename(os.path.dirname(path)) for path in targets}
        importers: dict[str, set[str]] = {}
        # (an importer of a rendering module is read by the project step; in a large run, a script that loads a model
        # and renders nothing may not have been: read here when it names a target's module and loads a checkpoint)
        names_a_target = mentions(stems)
        unread = {
            path: imports_in_text(source.text)
            for path, (source, result) in checked.items()
            if path not in imports_of
            and result.summary is None
            and "from_pretrained(" in source.text
            and names_a_target(source.text)
        }
        for path, imports in {**imports_of, **unread}.items():
            if os.path.basename(path) == "__init__.py":
                continue  # a package that re-exports the module: its own importers are found through it
            if _in_tests(path) and not _loads_checkpoints(summaries.get(path), checked[path][0]):
                continue  # (a test that loads no model says nothing of the model the project's code runs with)
            for ref in imports:
                if ref.symbol in (None, "*") or (
                    ref.module.rsplit(".", 1)[-1] not in stems and ref.symbol not in stems
                ):
                    continue
                if _CONSTANT.fullmatch(ref.local):
                    continue  # (a constant of the module, `STRUCTURED_SYSTEM_PROMPT`: it runs none of its code)
                found = project.target_of(ref.local, imports, path)
                target = targets.get(found[0]) if found is not None else None
                if target is not None and target != path:
                    importers.setdefault(target, set()).add(path)
        linked = {source.path: links for source, links in to_link}
        for path, imports in unread.items():  # (what their imports declare names their checkpoints: `cfg.model`)
            linked.setdefault(path, project.links_for(path, imports, text=checked[path][0].text, checkpoints=True))
        again = []
        for target, paths in sorted(importers.items()):
            source, _ = checked[target]
            families = _families_loaded(
                [(checked[path][0], linked.get(path)) for path in sorted(paths)],
                {path: imports_of.get(path) or unread.get(path) or () for path in paths},
            )
            if not families or any(family.writes_bos for family in families):
                continue
            links = linked.get(target) or project.links_for(target, imports_of[target], text=source.text)
            links.importer_families = tuple(sorted(family.name for family in families))
            again.append((source, links))
        # (a module no file of the run that loads a model imports, in a run whose every model is of BOS-free families:
        # `predict.py` beside the `train.py` that loads the project's one checkpoint, or a collator `train.py` imports
        # while a `modeling.py` of its own loads the model)
        decided = {source.path for source, _ in again}
        rest = [
            target
            for target in targets.values()
            if target not in decided
            and not any(_loads_checkpoints(summaries.get(path), checked[path][0]) for path in importers.get(target, ()))
        ]
        run_families = self._run_families(project, linked, summaries, imports_of) if rest else None
        for target in rest:
            if run_families is None:
                break
            source, _ = checked[target]
            links = linked.get(target) or project.links_for(target, imports_of[target], text=source.text)
            links.importer_families = run_families
            again.append((source, links))
        return again

    def _handed(
        self, project: Project, handed: list[tuple[Path, str, str, Imported]], to_link: list[tuple[Source, Links]]
    ) -> None:
        """The files of the run whose functions or classes other files hand an instance of a rendering class: linked
        with it (`Links.hand`), as if their parameter were annotated with the class."""
        for target, owner, param, cls in handed:
            links = self._links_of(project, self._run_path(project, target), to_link)
            if links is not None:
                links.hand(owner, param, cls)

    def _relearned(
        self,
        project: Project,
        targets: set[Path],
        to_link: list[tuple[Source, Links]],
    ) -> list[tuple[Source, Links]]:
        """The files of the run that use a name one of `targets` tells only now that it is linked: that it knows the
        class of what it is handed (`load_rendered_dataset(path, renderer)` in `sft_data.py`, handed a renderer by
        `train.py`, returns a dataset with a render in a column), or which rows another module's stage gives it (a
        generator of a trainer module yielding a column of them, imported by another trainer): linked again (in
        `to_link`, for the steps after this one) and returned, to be checked again."""
        told: set[str] = set()
        linked = {source.path: (source, links) for source, links in to_link}
        for target in sorted(targets):
            path = self._run_path(project, target)
            if path not in linked:
                continue
            source, links = linked[path]
            summary = project.summarizer(project.name_of(target), source.text, links)
            known = project.summaries.get(target)
            if summary is None or (known is not None and summary.digest == known.digest):
                continue
            told |= summary.told - (known.told if known is not None else frozenset())
            project.relearn(target, summary)
        if not told:
            return []
        places = {source.path: place for place, (source, _) in enumerate(to_link)}
        again = []
        for path, (source, result) in sorted(self.checked.items()):
            if any(whole_word(source.text, name) for name in told):
                # (all its imports: those of a file the rules did not parse, read for the names known before or not
                # read at all, are read again)
                links = project.links_for(path, _imports(source, result), text=source.text)
                if path in places:
                    handed_to = to_link[places[path]][1]
                    for (owner, param), bound in handed_to.param_classes.items():
                        if bound:
                            links.hand(owner, param, handed_to.names[bound])
                    for column, adopted in handed_to.row_columns.items():  # (what the stages gave it)
                        links.adopt_rows(column, *adopted)
                    to_link[places[path]] = (source, links)
                else:
                    to_link.append((source, links))
                again.append((source, links))
        return again

    def _constructor_parameters(
        self, project: Project, asked: Callable[[ModuleSummary], tuple[tuple[str, str, tuple[str, ...]], ...]]
    ) -> dict[tuple[Path, str], list[tuple[str, tuple[str, ...]]]]:
        """The constructor parameters the summaries of the run's parsed files ask about (`asked`: the summary's
        `(class, parameter, the constructor's parameters)`), by (module, class)."""
        found: dict[tuple[Path, str], list[tuple[str, tuple[str, ...]]]] = {}
        for path, (_, result) in self.checked.items():
            for cls, param, params in asked(result.summary) if result.summary is not None else ():
                found.setdefault((project.resolved(path), cls), []).append((param, params))
        return found

    def _constructions(self, project: Project, to_link: list[tuple[Source, Links]]) -> None:
        """The files of the run with a class whose render takes a flag from its constructor's parameter
        (`self.header = header`), which other files of the run build with a literal for it (`ChatCollator(tok,
        1024, True)` in `train.py`): linked with those values (`Links.constructions`)."""
        switches = self._constructor_parameters(project, lambda summary: summary.constructor_switches)
        if not switches:
            return
        for path, (source, _) in sorted(self.checked.items()):
            for target, cls, param, value, line in project.constructed(path, source.text, switches):
                links = self._links_of(project, self._run_path(project, target), to_link)
                if links is not None:
                    links.constructions.setdefault((cls, param), []).append((value, path, line))

    def _passed_defaults(self, project: Project, to_link: list[tuple[Source, Links]]) -> None:
        """The files of the run with a class that loads the checkpoint a constructor parameter names, defaulting to
        one whose template writes no BOS, that some construction of the class in the run passes another checkpoint
        for (`PrunedLlava(576, checkpoint)`): linked with that (`Links.passed_defaults`), the model is unknown there.
        A one-file run sees only the module's own constructions."""
        wanted = self._constructor_parameters(project, lambda summary: summary.checkpoint_defaults)
        if not wanted:
            return
        passes: dict[tuple[Path, str, str], list[bool]] = {}
        for path, (source, _) in sorted(self.checked.items()):
            for target, cls, param, passed in project.constructor_arguments(path, source.text, wanted):
                passes.setdefault((target, cls, param), []).append(passed)
        for (target, cls, param), seen in sorted(passes.items()):
            links = self._links_of(project, self._run_path(project, target), to_link) if any(seen) else None
            if links is not None:
                links.passed_defaults.add((cls, param))

    def _overrides(self, project: Project, to_link: list[tuple[Source, Links]]) -> None:
        """The files of the run with a class whose method a subclass in another file of the run overrides with one
        that returns a render (`class Conversational(InferenceBase)` whose `_format_inputs` returns
        `tokenizer.apply_chat_template(..., tokenize=False)`): linked with that override (`Links.overrides`), so that
        the base's own calls of the method (`self._tokenize(self._format_inputs(packet))`) see the render. Which
        subclass runs is known only at run time: the first in path order that renders by a chat template is linked,
        since that is the render a base's tokenization can double (a prompt written by hand, `f"<s>[INST] {q}"`, is
        linked only when no subclass renders one: it is judged where it is sent, not as a template's)."""
        for path, (source, result) in sorted(self.checked.items()):
            summary = result.summary
            if summary is None or "class " not in source.text:
                continue
            for text in summary.texts:
                cls, _, method = text.name.rpartition(".")
                header = re.search(rf"^class {re.escape(cls)}\(([^)]*)\)", source.text, re.MULTILINE) if cls else None
                if header is None or text.stored:
                    continue
                for base in re.findall(r"\w+", header.group(1)):
                    found = project.target_of(base, summary.imports, path)
                    target = self._run_path(project, found[0]) if found is not None else None
                    if found is None or target is None or target == path:
                        continue
                    base_text = self.checked[target][0].text
                    # (the base declares it, or calls it on itself, leaving it to a base further up: `class
                    # ListwiseRankLLM(RankLLM)` calling `self.create_prompt_batched(...)` that `RankLLM` declares)
                    if f"def {method}(" in base_text or f"self.{method}(" in base_text:
                        links = self._links_of(project, target, to_link)
                        key = f"{found[1]}.{method}"
                        if links is not None and _first_render(links.overrides.get(key), text):
                            links.overrides[key] = Imported(summary, text.name)
                            self._implemented_by(links, found[1], cls, summary, project.summary_at(found[0]))

    def _run_families(
        self,
        project: Project,
        linked: dict[str, Links],
        summaries: dict[str, ModuleSummary | None],
        imports_of: dict[str, tuple[ImportRef, ...]],
    ) -> tuple[str, ...] | None:
        """The model families of every checkpoint the run's files load, when there is one, each is of a known family
        and none writes a BOS (a project that runs only Qwen 2.5-VL); None otherwise, as soon as one load says
        otherwise. A file the rules did not parse (`modeling.py`, loading `MODEL_ID` it imports) is read with what
        its imports tell it. What a run does not check it cannot see: a partial run (pre-commit) judges with the
        loads of the files passed."""
        found: set[str] = set()
        for path, (source, _) in sorted(self.checked.items()):
            if not _loads_checkpoints(summaries.get(path), source):
                continue
            imports = imports_of.get(path) or imports_in_text(source.text)
            links = linked.get(path) or project.links_for(path, imports, text=source.text, checkpoints=True)
            families = _families_loaded([(source, links)], {path: imports})
            if not families or any(family.writes_bos for family in families):
                return None
            found.update(family.name for family in families)
        return tuple(sorted(found)) or None

    @staticmethod
    def _implemented_by(
        links: Links, base: str, cls: str, summary: ModuleSummary, base_summary: ModuleSummary | None
    ) -> None:
        """Link the base class `base` (its module summarised in `base_summary`) with its subclass `cls` (in `summary`)
        that overrides one of its methods by rendering, when a method of that subclass tokenizes its parameter: what
        the base hands the render to (`self.run_llm_batched(prompts)` in `ListwiseRankLLM`), as
        `Links.implementations` says. Not when the base's module summarises such a hand-off itself
        (`ModuleSummary.passes`): the subclasses' modules judge it there, where the fix goes."""
        if base in links.implementations or (base_summary and any(item[0] == base for item in base_summary.passes)):
            return
        if any(item.name.startswith(f"{cls}.") for item in summary.tokenizers):
            links.implementations[base] = (Imported(summary, cls),)

    def _mixins(self, project: Project, to_link: list[tuple[Source, Links]], named_files: set[str]) -> None:
        """The files of the run with a mixin that calls a method it does not define (`self._apply_chat_template(
        prompt)` in `class GenerationMixin:`), where a class of another file mixes it in beside a class whose method of
        that name returns a render (`class Engine(SamplingMixin, GenerationMixin)`, with `SamplingMixin.
        _apply_chat_template` returning `tokenizer.apply_chat_template(..., tokenize=False)`): linked with that method
        (`Links.overrides`), which is what the call runs on an instance of the class that mixes them. The classes that
        mix are looked for in the files the rules parsed and in those that import a renderer by name."""
        owners: dict[str, list[tuple[str, str, Imported]]] = {}  # class -> (its file, the method, the render)
        for path, (_, result) in self.checked.items():
            summary = result.summary
            if summary is None:
                continue
            for text in summary.texts:
                cls, _, method = text.name.rpartition(".")
                if cls and "." not in cls and not text.stored and not text.makes_rows:
                    owners.setdefault(cls, []).append((path, method, Imported(summary, text.name)))
        if not owners:
            return
        alternatives = "|".join(map(re.escape, owners))
        mixes = re.compile(rf"^class \w+\(([^)]*\b(?:{alternatives})\b[^)]*)\)", re.MULTILINE)
        parsed = {path for path, (_, result) in self.checked.items() if result.summary is not None}
        for path in sorted(parsed | named_files):
            source, result = self.checked[path]
            mixed = [
                re.findall(r"\w+", match.group(1)) for match in mixes.finditer(source.text) if "," in match.group(1)
            ]
            imports = _imports(source, result) if mixed else ()
            for bases in mixed:
                for owner in (base for base in bases if base in owners):
                    found = project.target_of(owner, imports, path)
                    where = self._run_path(project, found[0]) if found is not None and found[1] == owner else None
                    methods = [(method, render) for at, method, render in owners[owner] if at == where]
                    for other in (base for base in bases if base != owner) if methods else ():
                        self._mix_in(project, to_link, project.target_of(other, imports, path), methods)

    def _mix_in(
        self,
        project: Project,
        to_link: list[tuple[Source, Links]],
        target: tuple[Path, str] | None,
        methods: list[tuple[str, Imported]],
    ) -> None:
        """Link the mixin `target` (its file and class) with the rendering `methods` a class mixes in beside it, for
        each it calls on `self` without defining it."""
        mixin = self._run_path(project, target[0]) if target is not None else None
        if target is None or mixin is None:
            return
        body = self.checked[mixin][0].text
        for method, render in methods:
            if f"self.{method}(" in body and f"def {method}(" not in body:
                links = self._links_of(project, mixin, to_link)
                if links is not None:
                    links.overrides.setdefault(f"{target[1]}.{method}", render)

    def _stages(
        self, project: Project, to_link: list[tuple[Source, Links]], imports_of: dict[str, tuple[ImportRef, ...]]
    ) -> set[Path]:
        """A module that imports a stage of a pipeline (a method of a class of another module that stores a render
        in the row it is given and returns it) and other names of the project (`from batchgen import RenderPrompt,
        GenerateStage`): the modules of those names, and the module itself, learn that the stage's column holds a
        render (`Links.adopt_rows`), so that a function reading it from the rows it is given and tokenizing it is
        judged (CL002). Returns the files that learned so (resolved)."""
        adopted: set[Path] = set()
        for source, links in list(to_link):
            # (a script that hands a trainer or a `DataLoader` a collator: the datasets it builds with imported
            # functions count)
            stages = links.stage_texts(datasets="data_collator" in source.text or "collate_fn" in source.text)
            imports = imports_of.get(source.path, ())
            if not stages or not imports:
                continue
            own = {project.resolved(summary.path) for _, _, summary in stages}
            user = f"`{source.path}`"
            targets = {source.path}
            for ref in imports:
                found = project.target_of(ref.local, imports, source.path) if ref.symbol not in (None, "*") else None
                checked = self._run_path(project, found[0]) if found is not None and found[0] not in own else None
                if checked is not None:
                    targets.add(checked)
            for path in sorted(targets):
                ahead = self.checked.get(path)
                # (only a module that names one of the columns reads it from the rows: the others are not linked; nor
                # one that writes that column itself, `return {"prompt": prompt, ...}`: its rows are its own)
                read = [
                    stage
                    for stage in stages
                    if ahead is not None and _quotes(ahead[0].text, stage[0]) and not _writes(ahead[0].text, stage[0])
                ]
                target = self._links_of(project, path, to_link) if read else None
                for column, text, summary in read:
                    if target is not None:
                        words = f"that {user} also uses" if path != source.path else "this module imports"
                        target.adopt_rows(column, text, summary, words)
                        adopted.add(project.resolved(path))
        return adopted

    def _run_path(self, project: Project, target: Path) -> str | None:
        """The path by which this run names the file at `target` (resolved), or None when it does not check it.
        Most files are named as the project step names them; resolving every path of a large run to find the others
        costs a system call each, so it is done once, and only for a target not found so."""
        name = project.name_of(target)
        if name in self.checked and project.resolved(name) == target:
            return name
        if self._by_file is None:
            self._by_file = {project.resolved(path): path for path in self.checked}
        return self._by_file.get(target)

    def _links_of(self, project: Project, path: str | None, to_link: list[tuple[Source, Links]]) -> Links | None:
        """The links of a file of the run, made (and put in `to_link`) when it has none yet; None for a file this
        run does not check (a pre-commit call that did not pass it)."""
        if path is None or path not in self.checked:
            return None
        for source, links in to_link:
            if source.path == path:
                return links
        source, result = self.checked[path]
        links = project.links_for(path, _imports(source, result), text=source.text)
        to_link.append((source, links))
        return links


def _quotes(text: str, name: str) -> bool:
    """Does the text hold `name` as a string literal (`row["prompt"]`, `'prompt'`)?"""
    return f'"{name}"' in text or f"'{name}'" in text


def _writes(text: str, column: str) -> bool:
    """Does the text write `column` into rows itself (`{"prompt": ...}`, `row["prompt"] = ...`)?"""
    return re.search(r"""["']""" + re.escape(column) + r"""["'](?:\s*:|\]\s*=(?!=))""", text) is not None


def _loads_checkpoints(summary: ModuleSummary | None, source: Source) -> bool:
    """Does the module load a model of its own? (One the rules did not read alone, found only when linked: when
    its bytes say it may.)"""
    return summary.loads_checkpoints if summary is not None else may_load_checkpoints(source.encode())


def _helper_source(project: Project, path: Path) -> tuple[Source, Links] | None:
    """A helper module's text with what its imports tell it of the checkpoints it loads (`LLM(model=cfg.model)`
    with `cfg` an imported configuration); None when it cannot be read."""
    text = project.text_at(path)
    summary = project.summary_at(path)
    if text is None or summary is None:
        return None
    return Source(str(path), text), project.links_for(str(path), summary.imports, text=text, checkpoints=True)


def _families_loaded(
    sources: Sequence[tuple[Source, Links | None]], imports: Mapping[str, Sequence[ImportRef]] | None = None
) -> list[ModelFamily] | None:
    """The model families the modules load (read with what their imports tell them, when they were linked: the
    default of an imported configuration field), when each loads at least one model and every one is of a known
    family; else None. Given the modules' `imports`, a module that loads a checkpoint it does not name counts for
    the families of the model classes it imports from transformers, when it imports only such classes of known families
    (`Qwen2VLForConditionalGeneration`, no `Auto*` model class)."""
    found: list[ModelFamily] = []
    for source, links in sources:
        classes = _imported_model_families(source, imports.get(source.path, ())) if imports else None
        imported = links is not None and bool(links.field_defaults or links.constants)
        if not imported and not names_known_checkpoint(source.text):
            if classes is None:
                return None  # (parsed only when its text, or what it imports, names a model of a known family)
            found += classes
            continue
        names = loaded_checkpoints(source.path, source.text, links)
        if names and None in names and classes is not None:
            names = tuple(name for name in names if name is not None)
            found += classes
            if not names:
                continue
        if not names or any(name is None for name in names):
            return None
        families = [family_of(name) for name in names if name is not None]
        if any(family is None for family in families):
            return None
        found += [family for family in families if family is not None]
    return found or None


def _imported_model_families(source: Source, imports: Sequence[ImportRef]) -> list[ModelFamily] | None:
    """The families of the model classes the module imports and loads (`from transformers import
    Qwen2VLForConditionalGeneration`, then `Qwen2VLForConditionalGeneration.from_pretrained(...)`)."""
    top = [
        ref.symbol for ref in imports if ref.symbol and ref.symbol != "*" and ref.module.split(".")[0] == "transformers"
    ]
    loaded = [name for name in top if f"{name}.from_pretrained(" in source.text]
    return model_class_families(top) if loaded else None


def _in_tests(path: str) -> bool:
    """Is the file a test of the project (in a `tests` folder, or named `test_*.py` / `*_test.py`)? A fake tokenizer
    there says nothing about what the project's own code calls."""
    parts = Path(path).parts
    name = parts[-1] if parts else ""
    return (
        any(part in ("tests", "test") for part in parts[:-1]) or name.startswith("test_") or name.endswith("_test.py")
    )


# the files of a project read for a class of its own defining `apply_chat_template`, at most
MAX_PROJECT_FILES = 3000


def _imports(source: Source, result: FileResult) -> tuple[ImportRef, ...]:
    """Every import of a checked file: its summary's, or read from its text when the rules did not parse it."""
    return result.summary.imports if result.summary is not None else imports_in_text(source.text)


def _defines_own_template(root: Path, selector: FileSelector | None) -> bool:
    """Does a module of the project at `root` define a class method `apply_chat_template`? The modules are those a
    run of the whole project checks (`selector`: its excludes and `.gitignore`s; hidden folders and Python
    environments left out), outside its tests, at most `MAX_PROJECT_FILES`."""
    seen = 0
    for path in (selector or FileSelector(Config(root=root))).files([str(root)]):
        if not path.endswith(".py"):
            continue
        seen += 1
        if seen > MAX_PROJECT_FILES:
            return False
        relative = os.path.relpath(path, root)
        if _in_tests(relative) or any(part.startswith(".") for part in Path(relative).parts[:-1]):
            continue
        try:
            if os.path.getsize(path) > MAX_SUMMARY_BYTES:
                continue
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if b"def apply_chat_template" in data and _renders_its_own_way(data.decode("utf-8", "replace")):
            return True
    return False


def _renders_its_own_way(text: str) -> bool:
    """Does a class of the module define `apply_chat_template` with a result of its own (a list of ids it encodes,
    its text)? One that only hands the call on to another `apply_chat_template` (the transformers tokenizer it
    wraps) without `return_dict` returns what that one returns, a BatchEncoding under transformers 5; one that only
    raises (`NotImplementedError`, left to subclasses) returns nothing."""
    if "def apply_chat_template" not in text or not _OWN_TEMPLATE_METHOD.search(text):
        return False
    try:
        module = ast.parse(text)
    except (SyntaxError, ValueError):
        return True  # (as the text says)
    methods = [
        node
        for cls in ast.walk(module)
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "apply_chat_template"
    ]
    return any(not (_only_raises(method) or _hands_on_the_render(method)) for method in methods)


def _only_raises(method: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    body = method.body[1:] if ast.get_docstring(method) is not None else method.body
    return len(body) == 1 and isinstance(body[0], ast.Raise)


def _hands_on_the_render(method: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Does the method return another `apply_chat_template`'s result, passing no `return_dict`?"""
    returned = [node.value for node in ast.walk(method) if isinstance(node, ast.Return) and node.value is not None]
    return bool(returned) and all(
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr == "apply_chat_template"
        and not any(keyword.arg == "return_dict" for keyword in value.keywords)
        for value in returned
    )


def _first_render(linked: Imported | None, text: TextSummary) -> bool:
    """Should `text`, one more subclass's override, replace the one `linked` so far (see `_overrides`)?"""
    if linked is None:
        return True
    current = linked.summary.text(linked.symbol or "")
    return current is not None and bool(current.written_bos) and not text.written_bos
