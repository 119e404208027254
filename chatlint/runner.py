"""A whole run: files in, results out. Reads each file once, checks it, and writes fixes atomically."""

from __future__ import annotations

import contextlib
import difflib
import gc
import os
import re
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from chatlint import link_plan
from chatlint.add_noqa import NoqaEdit, add_noqa
from chatlint.cache import ResultCache, cache_folder
from chatlint.config import Config, rules_for
from chatlint.dependencies import DependencyVersions
from chatlint.dependencies.projects import ProjectDependencies
from chatlint.engine import FileResult, FixMode, check_text, imports_in_text, loaded_checkpoints, summarize_text
from chatlint.facts.links import Imported, Links
from chatlint.facts.summary import (
    ImportRef,
    ModuleSummary,
    may_load_checkpoints,
    may_mask_in_training,
    may_set_pad_eos,
    tokenizer_loader_calls,
)
from chatlint.files import matches_any
from chatlint.findings import FileError, SkipReason
from chatlint.knowledge.model_families import ModelFamily, family_of, names_known_checkpoint
from chatlint.linking import Project, Summarizer, imports_any, mentions
from chatlint.notebooks import (
    Notebook,
    NotebookError,
    in_cells,
    is_notebook,
    parse_notebook,
    read_notebook,
)
from chatlint.parallel import check_ahead, check_sources
from chatlint.rules import Rule
from chatlint.source import (
    OutsideRoot,
    Source,
    SourceError,
    decode_source,
    read_source,
    write_atomic,
)

# A run of at most this many files (a pre-commit call) follows the imports of every file it checks; a larger one,
# those of the files the rules parse and of the files that mention a name another module exports.
SMALL_RUN = 64


@dataclass(frozen=True)
class RunOptions:
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    add_noqa: bool = False  # silence every finding with a noqa comment naming its code on its line
    # --verify-labels: the tokenizer the runtime label check uses to settle findings, or None
    verify_tokenizer: str | None = None
    use_cache: bool = False  # reuse results of unchanged files from `.chatlint_cache/` (the command line's default)
    installed_versions: bool = False  # --installed-versions: the versions installed beside chatlint count


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    checked: int = 0
    # the files the project step read whole beyond those the rules parsed alone: modules summarised for what they tell
    # their importers, and files of the run checked again with what their imports tell them (`Runner._link`)
    project_files: tuple[str, ...] = ()
    # which fixes `--fix` applies (or, without it, would apply): reporters mark findings with it
    fix_mode: FixMode = field(default_factory=FixMode)

    @property
    def findings(self):
        return [finding for result in self.files for finding in result.findings]

    @property
    def errors(self) -> list[FileError]:
        return [error for result in self.files for error in result.errors]

    def add_errors(self, errors: Sequence[FileError]) -> None:
        """Report places that were not checked outside any file (a folder that could not be listed)."""
        self.files.extend(FileResult(path=error.path, errors=[error]) for error in errors)

    @property
    def fixes_applied(self) -> int:
        return sum(result.fixes_applied for result in self.files)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Let the garbage collector run less often while files are parsed and analysed.

    A syntax tree is hundreds of thousands of small objects that live as long as their file is checked; with the
    default thresholds the collector walks them again and again, which made parsing 3x slower on a large tree
    (measured: `ast.parse` of 2.9 MB, 2.1 s -> 0.6 s). The trees hold no cycles; what the analysis leaves behind is
    still collected, only in larger batches. Pool workers are forked inside this block and inherit it.
    """
    thresholds = gc.get_threshold()
    gc.freeze()  # what is alive now (imported modules, configuration) is never garbage
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


@contextlib.contextmanager
def terminated_as_interrupt() -> Iterator[None]:
    """SIGTERM (a CI job cancelled, a pre-commit hook killed) ends the run as Ctrl-C does: by an exception, so that
    a file being written is finished or its temporary file removed, never left in the user's tree. The process
    then exits with 128 + the signal's number, as a shell reports a killed command (never 1, "findings")."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def stop(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(signal.SIGINT) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


class Interrupted(SystemExit):
    """The run was stopped by a signal; exits with 128 + its number."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)


def _summarizer(cache: ResultCache | None) -> Summarizer:
    """How the project step summarises a module it reads from disk: remembered by content when there is a cache."""
    if cache is None:
        return summarize_text

    def remembered(name: str, text: str, links: Links | None = None) -> ModuleSummary | None:
        depends = links.digest if links else ""
        return cache.summary(name, text, lambda: summarize_text(name, text, links), depends)

    return remembered


class Runner:
    def __init__(
        self, config: Config, options: RunOptions, confirmed: frozenset[tuple[str, int, str]] = frozenset()
    ) -> None:
        """`confirmed`: (path, line, code) of findings whose unsafe fix the runtime label check confirmed; `run`
        finds them itself when `options.verify_tokenizer` is set."""
        self.config = config
        self.options = options
        # the command line wins: its --select replaces the configuration's selection, ignores included
        self.rule_classes = rules_for(config, options.select, options.extend_select, options.ignore)
        self._rules: dict[tuple[tuple[str, ...], Path | None], list[Rule]] = {}
        self.fix_mode = FixMode(apply=options.fix or options.diff, unsafe=options.unsafe_fixes, promoted=confirmed)
        self._checked_ahead: dict[str, tuple[Source, FileResult]] = {}
        self._by_file: dict[Path, str] | None = None  # the files of the run by their resolved paths (`_run_path`)
        # the project's dependency versions, read on the first question a rule asks (`chatlint.dependencies`)
        self.dependencies = DependencyVersions(
            config.root, config.target_versions, config.use_installed_versions or options.installed_versions
        )
        # and those of other projects named on the command line, for their files outside the root
        self.projects = ProjectDependencies(self.dependencies)

    def rules_for(self, path: str) -> list[Rule]:
        ignored = tuple(
            code
            for pattern, codes in self.config.per_file_ignores.items()
            if matches_any(path, (pattern,), self.config)
            for code in codes
        )
        dependencies = self.projects.for_path(path)
        key = (ignored, dependencies.root)
        if key not in self._rules:
            self._rules[key] = [
                rule(dependencies)
                for rule in self.rule_classes
                if not any(rule.code.startswith(code) for code in ignored)
            ]
        return self._rules[key]

    def _cache_salt(self, path: str) -> str:
        return self.projects.cache_salt(
            path, (library for rule in self.rule_classes for library in rule.asks_versions_of)
        )

    def path_hint(self, path: str) -> str | None:
        if matches_any(path, self.config.training_paths, self.config):
            return "training"
        if matches_any(path, self.config.inference_paths, self.config):
            return "inference"
        return None

    def check_source(self, source: Source, data: bytes | None = None) -> FileResult:
        return check_text(
            source.path, source.text, self.rules_for(source.path), self.fix_mode, self.path_hint(source.path), data
        )

    def run(self, paths: Sequence[str]) -> RunResult:
        with fewer_collections(), terminated_as_interrupt():
            return self._run_settled(paths)

    def _run_settled(self, paths: Sequence[str]) -> RunResult:
        if not self.options.verify_tokenizer:
            return self._run(paths)
        # --verify-labels: check without fixing and settle the findings at run time first. The fix mode is built
        # only then, with the confirmed fixes in it, so that the fixes written and the fixes reported agree.
        from chatlint import verification

        plain = replace(self.options, fix=False, diff=False, add_noqa=False, verify_tokenizer=None)
        run = Runner(self.config, plain)._run(paths)
        verdicts = verification.verify_findings(run.findings, self.options.verify_tokenizer)
        settled = Runner(self.config, replace(self.options, verify_tokenizer=None), verification.promoted(verdicts))
        if settled.fix_mode.apply or settled.options.add_noqa:
            run = settled._run(paths)  # the files are written now, with the confirmed fixes
        else:
            run.fix_mode = settled.fix_mode  # nothing to write: the findings stand, reported as --fix would fix them
        for result in run.files:
            result.findings = verification.annotate(result.findings, verdicts)
        return run

    def cache_settings(self) -> tuple[object, ...]:
        """Everything besides a file's content and path that decides its result: the result cache's key."""
        return (
            str(self.config.root),
            sorted(rule.code for rule in self.rule_classes),
            sorted(self.config.per_file_ignores.items()),
            self.config.training_paths,
            self.config.inference_paths,
            # every field of the fix mode; sets sorted, as their order changes from run to run
            [sorted(value) if isinstance(value, frozenset) else value for value in vars(self.fix_mode).values()],
            self._versions_fingerprint(),
        )

    def _versions_fingerprint(self) -> tuple[object, ...]:
        """What the selected rules' questions about dependency versions depend on; () when they ask none."""
        libraries = {library for rule in self.rule_classes for library in rule.asks_versions_of}
        return self.dependencies.fingerprint(libraries) if libraries else ()

    def _run(self, paths: Sequence[str]) -> RunResult:
        run = RunResult(fix_mode=self.fix_mode)
        # reads and checks the Python files first: with the cache, and on every core when there are many
        folder = cache_folder(self.config.root) if self.options.use_cache else None
        cache = ResultCache(folder, self.cache_settings(), self._cache_salt) if folder is not None else None
        digests: dict[str, str] = {}
        self._checked_ahead = check_ahead(
            paths, self.check_source, self.rules_for, cache, self.config.max_file_size, digests
        )
        plan = link_plan.run_digest(self._checked_ahead, digests) if cache is not None else ""
        followed = self._follow_plan(cache, plan) if cache is not None else None
        run.project_files = followed if followed is not None else self._link(cache, plan)
        for path in paths:
            run.files.append(self.run_file(path, run))
        return run

    def _follow_plan(self, cache: ResultCache, run: str) -> tuple[str, ...] | None:
        """The project step of a run over the same files as the last one, when nothing it read changed since: its
        linked results, from the cache (see `link_plan`); None when the step must run."""
        followed = link_plan.follow(cache, run, self._checked_ahead)
        if followed is None:
            return None
        results, files = followed
        for path, linked in results:
            self._checked_ahead[path] = (self._checked_ahead[path][0], linked)
        return files

    def _link(self, cache: ResultCache | None = None, run: str = "") -> tuple[str, ...]:
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
        checked = self._checked_ahead
        self._by_file = None
        known = [result.summary for _, result in checked.values() if result.summary is not None]
        small = len(checked) <= SMALL_RUN
        folders = {os.path.dirname(path) or "." for path in checked}
        project = Project(self.config.root, _summarizer(cache), known, imports_in_text, eager=small, folders=folders)
        classes = mentions(project.rendering_classes)
        for path, (source, result) in sorted(checked.items()):
            # (functions annotated to return a rendering class: their callers are linked to it)
            if result.summary is None and "->" in source.text and classes(source.text):
                project.learn_factories(path, source.text)
        known_names = project.renderers
        named = imports_any(known_names)
        makers = imports_any(project.row_function_factories)  # (in modules that call `.map()`)
        # the files the rules did not parse that mention a renderer: first, those that wrap one are learned
        named_files = {
            path
            for path, (source, result) in checked.items()
            if result.summary is None and (named(source.text) or (".map(" in source.text and makers(source.text)))
        }
        for path in sorted(named_files):  # (in a fixed order: what a module learns may depend on it)
            project.learn_chained(path, checked[path][0].encode())
        learned = imports_any(project.renderers - known_names)  # names of wrappers of imported wrappers
        to_link: list[tuple[Source, Links]] = []
        handed: list[tuple[Path, str, str, Imported]] = []
        summaries = {path: result.summary for path, (_, result) in checked.items()}  # (unlinked: linking drops them)
        imports_of: dict[str, tuple[ImportRef, ...]] = {}  # of the files the project step reads
        for path, (source, result) in checked.items():
            summary = result.summary
            # a module that gets its tokenizer from a loader of another module (`setup_tokenizer(name)`) and hands
            # it to an imported collator, masking nothing itself: what the loader does to the pad token and how the
            # collator masks labels both matter
            trains = "Collat" in source.text or "Trainer(" in source.text
            loaders = tokenizer_loader_calls(source.text, bound=trains or "-100" in source.text)
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
            if result.summary is not None:  # (a parsed file: its calls on instances of imported abstract classes)
                links.implementations.update(project.implementations(path, source.text, summary.imports))
            if links:
                to_link.append((source, links))
                handed += project.handed(path, source.text, links)
        if handed:
            self._link_handed(project, handed, to_link)
        self._link_constructions(project, to_link)
        self._link_overrides(project, to_link)
        self._link_stages(project, to_link, imports_of)
        for (source, _), linked in zip(to_link, self._linked_results(to_link, cache)):
            checked[source.path] = (source, linked)
        again = self._link_importer_families(project, to_link, summaries, imports_of)
        if again:
            for (source, _), linked in zip(again, self._linked_results(again, cache)):
                checked[source.path] = (source, linked)
        parsed = {project.resolved(path) for path, summary in summaries.items() if summary is not None}
        read = project.summarised | {project.resolved(source.path) for source, _ in (*to_link, *again)}
        files = tuple(sorted(str(path) for path in read - parsed))
        if cache is not None:
            link_plan.remember(cache, run, project.disk_reads(), checked, [*to_link, *again], files)
            cache.save()
        return files

    def _link_importer_families(
        self,
        project: Project,
        to_link: list[tuple[Source, Links]],
        summaries: dict[str, ModuleSummary | None],
        imports_of: dict[str, tuple[ImportRef, ...]],
    ) -> list[tuple[Source, Links]]:
        """The files of the run with a double-BOS finding (CL002) that load no model themselves, whose importers in
        the run all load models of families whose templates write no BOS: checked again with those families
        (`Links.importer_families`). A file is judged for any model when one importer loads none, or one the table
        does not know."""
        checked = self._checked_ahead
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
        for path, imports in imports_of.items():  # (an importer of a rendering module is read by the project step)
            if os.path.basename(path) == "__init__.py":
                continue  # a package that re-exports the module: its own importers are found through it
            for ref in imports:
                if ref.symbol in (None, "*") or (
                    ref.module.rsplit(".", 1)[-1] not in stems and ref.symbol not in stems
                ):
                    continue
                found = project.target_of(ref.local, imports, path)
                target = targets.get(found[0]) if found is not None else None
                if target is not None and target != path:
                    importers.setdefault(target, set()).add(path)
        linked = {source.path: links for source, links in to_link}
        again = []
        for target, paths in sorted(importers.items()):
            source, _ = checked[target]
            families = _families_loaded([(checked[path][0], linked.get(path)) for path in sorted(paths)])
            if not families or any(family.writes_bos for family in families):
                continue
            links = linked.get(target) or project.links_for(target, imports_of[target], text=source.text)
            links.importer_families = tuple(sorted(family.name for family in families))
            again.append((source, links))
        return again

    def _link_handed(
        self, project: Project, handed: list[tuple[Path, str, str, Imported]], to_link: list[tuple[Source, Links]]
    ) -> None:
        """The files of the run whose functions or classes other files hand an instance of a rendering class: linked
        with it (`Links.hand`), as if their parameter were annotated with the class."""
        for target, owner, param, cls in handed:
            links = self._links_of(project, self._run_path(project, target), to_link)
            if links is not None:
                links.hand(owner, param, cls)

    def _link_constructions(self, project: Project, to_link: list[tuple[Source, Links]]) -> None:
        """The files of the run with a class whose render takes a flag from its constructor's parameter
        (`self.header = header`), which other files of the run build with a literal for it (`ChatCollator(tok,
        1024, True)` in `train.py`): linked with those values (`Links.constructions`)."""
        switches: dict[tuple[Path, str], list[tuple[str, tuple[str, ...]]]] = {}
        for path, (_, result) in self._checked_ahead.items():
            for cls, param, params in result.summary.constructor_switches if result.summary is not None else ():
                switches.setdefault((project.resolved(path), cls), []).append((param, params))
        if not switches:
            return
        for path, (source, _) in sorted(self._checked_ahead.items()):
            for target, cls, param, value, line in project.constructed(path, source.text, switches):
                links = self._links_of(project, self._run_path(project, target), to_link)
                if links is not None:
                    links.constructions.setdefault((cls, param), []).append((value, path, line))

    def _link_overrides(self, project: Project, to_link: list[tuple[Source, Links]]) -> None:
        """The files of the run with a class whose method a subclass in another file of the run overrides with one
        that returns a render (`class Conversational(InferenceBase)` whose `_format_inputs` returns
        `tokenizer.apply_chat_template(..., tokenize=False)`): linked with that override (`Links.overrides`), so that
        the base's own calls of the method (`self._tokenize(self._format_inputs(packet))`) see the render."""
        for path, (source, result) in sorted(self._checked_ahead.items()):
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
                    if f"def {method}(" in self._checked_ahead[target][0].text:  # (the base declares it)
                        links = self._links_of(project, target, to_link)
                        if links is not None:
                            links.overrides.setdefault(f"{found[1]}.{method}", Imported(summary, text.name))

    def _link_stages(
        self, project: Project, to_link: list[tuple[Source, Links]], imports_of: dict[str, tuple[ImportRef, ...]]
    ) -> None:
        """A module that imports a stage of a pipeline (a method of a class of another module that stores a render
        in the row it is given and returns it) and other names of the project (`from batchgen import RenderPrompt,
        GenerateStage`): the modules of those names, and the module itself, learn that the stage's column holds a
        render (`Links.adopt_rows`), so that a function reading it from the rows it is given and tokenizing it is
        judged (CL002)."""
        for source, links in list(to_link):
            # (a script that hands a trainer a collator: the datasets it builds with imported functions count)
            stages = links.stage_texts(datasets="data_collator" in source.text)
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
                ahead = self._checked_ahead.get(path)
                # (only a module that names one of the columns reads it from the rows: the others are not linked)
                read = [stage for stage in stages if ahead is not None and _quotes(ahead[0].text, stage[0])]
                target = self._links_of(project, path, to_link) if read else None
                for column, text, summary in read:
                    if target is not None:
                        words = f"that {user} also uses" if path != source.path else "this module imports"
                        target.adopt_rows(column, text, summary, words)

    def _run_path(self, project: Project, target: Path) -> str | None:
        """The path by which this run names the file at `target` (resolved), or None when it does not check it.
        Most files are named as the project step names them; resolving every path of a large run to find the others
        costs a system call each, so it is done once, and only for a target not found so."""
        name = project.name_of(target)
        if name in self._checked_ahead and project.resolved(name) == target:
            return name
        if self._by_file is None:
            self._by_file = {project.resolved(path): path for path in self._checked_ahead}
        return self._by_file.get(target)

    def _links_of(self, project: Project, path: str | None, to_link: list[tuple[Source, Links]]) -> Links | None:
        """The links of a file of the run, made (and put in `to_link`) when it has none yet; None for a file this
        run does not check (a pre-commit call that did not pass it)."""
        if path is None or path not in self._checked_ahead:
            return None
        for source, links in to_link:
            if source.path == path:
                return links
        source, result = self._checked_ahead[path]
        imports = result.summary.imports if result.summary is not None else imports_in_text(source.text)
        links = project.links_for(path, imports, text=source.text)
        to_link.append((source, links))
        return links

    def _linked_results(self, to_link: list[tuple[Source, Links]], cache: ResultCache | None) -> list[FileResult]:
        """Each file checked with what its imports tell it, on every core when there are many; cached under its
        content and the digests of the summaries it read."""
        keys = [link_plan.linked_key(source, links) for source, links in to_link]
        cached = [
            cache.get(source.path, key, linked=True) if cache is not None else None
            for (source, _), key in zip(to_link, keys)
        ]
        missing = [
            (source, links, key) for (source, links), key, result in zip(to_link, keys, cached) if result is None
        ]
        check = _LinkedCheck(self, {source.path: links for source, links, _ in missing})
        checked = iter(check_sources(check, [source for source, _, _ in missing]))
        results = []
        for (source, _), key, result in zip(to_link, keys, cached):
            if result is None:
                result = next(checked)
                if cache is not None:
                    # the summary is the unlinked result's (the same text); not stored twice
                    cache.put(source.path, key, replace(result, summary=None), linked=True)
            results.append(result)
        return results

    def run_file(self, path: str, run: RunResult) -> FileResult:
        if is_notebook(path):
            return self.run_notebook(path, run)
        ahead = self._checked_ahead.pop(path, None)
        try:
            source = ahead[0] if ahead else read_source(path, self.config.max_file_size)
        except SourceError as error:
            return FileResult(path=path, errors=[error.file_error(path)])
        run.checked += 1
        result = ahead[1] if ahead else self.check_source(source)
        if self.options.add_noqa:
            edit = add_noqa(source.text, result.findings)
            if edit.added:
                not_written = self._write(path, source.encode(edit.text), SkipReason.CANNOT_WRITE)
                if not_written is not None:
                    result.errors.append(not_written)
                    return result
            _mark_silenced(result, edit)
            return result
        if result.fixed_text is not None:
            if self.options.diff:
                run.diffs.append(unified_diff(path, source.text, result.fixed_text))
            elif self.options.fix:
                not_written = self._write(path, source.encode(result.fixed_text), SkipReason.CANNOT_WRITE_FIX)
                if not_written is not None:
                    # nothing was written: report the file as it is on disk, with nothing counted as fixed
                    result = check_text(path, source.text, self.rules_for(path), FixMode(), self.path_hint(path))
                    result.errors.append(not_written)
        return result

    def _write(self, path: str, data: bytes, cause: SkipReason) -> FileError | None:
        """Write `data` to `path` (atomically, never through a symlink out of the project); None, or why not."""
        try:
            write_atomic(path, data, self.config.root)
        except OutsideRoot as refused:
            return FileError.because(path, SkipReason.OUTSIDE_ROOT, refused.target)
        except OSError as error:
            return FileError.because(path, cause, error.strerror or error)
        return None

    def run_notebook(self, path: str, run: RunResult) -> FileResult:
        """A notebook: its code cells checked as one module, fixes written back into the cells they came from."""
        try:
            notebook = read_notebook(path, self.config.max_file_size)
        except NotebookError as error:
            return FileResult(path=path, errors=[error.file_error(path)])
        run.checked += 1
        rules, hint = self.rules_for(path), self.path_hint(path)
        result, module_text, skipped = self._check_notebook(notebook, self.fix_mode)
        final = result.fixed_text if result.fixed_text is not None else module_text
        edit = None
        if self.options.add_noqa:
            edit = add_noqa(final, result.findings)
            final = edit.text
        if final != module_text and not result.errors:
            try:
                if self.options.diff:
                    run.diffs.append(notebook.diff(final))
                elif self.options.fix or self.options.add_noqa:
                    data = notebook.rewrite(final)
                    if data is not None:
                        write_atomic(path, data, self.config.root)
            except (NotebookError, OSError, OutsideRoot) as error:
                if isinstance(error, NotebookError):
                    not_written = error.file_error(path)
                elif isinstance(error, OutsideRoot):
                    not_written = FileError.because(path, SkipReason.OUTSIDE_ROOT, error.target)
                else:
                    not_written = FileError.because(path, SkipReason.CANNOT_WRITE, error.strerror or error)
                # nothing was written: report the notebook as it is on disk
                result = check_text(path, module_text, rules, FixMode(), hint)
                located = in_cells(result, module_text)
                located.errors += [*skipped, not_written]
                return located
        if edit is not None:
            _mark_silenced(result, edit)
        located = in_cells(result, final)
        located.errors += skipped  # already counted in cells
        return located

    def _check_notebook(self, notebook: Notebook, fix_mode: FixMode) -> tuple[FileResult, str, list[FileError]]:
        """Check a notebook's cells as one module; the result, the module checked, and the cells left out."""
        path = notebook.path
        rules, hint = self.rules_for(path), self.path_hint(path)
        module_text = notebook.module_text()
        result = check_text(path, module_text, rules, fix_mode, hint)
        skipped: list[FileError] = []
        if any(error.cause is SkipReason.SYNTAX_ERROR for error in result.errors):
            # check the other cells without the broken ones (which are left as they are)
            broken = notebook.unparsable_cells()
            if broken and len(broken) < len(notebook.cells):
                module_text = notebook.module_text(skip=frozenset(broken))
                result = check_text(path, module_text, rules, fix_mode, hint)
                skipped = [
                    replace(
                        FileError.because(path, SkipReason.CELL_SYNTAX_ERROR, number, error.msg),
                        line=error.lineno,
                        column=error.offset or 1,
                        cell=number,
                    )
                    for number, error in broken.items()
                ]
        return result, module_text, skipped

    def run_stdin(self, filename: str, data: bytes) -> tuple[RunResult, Source | None]:
        run = RunResult(checked=1, fix_mode=self.fix_mode)
        if is_notebook(filename):
            # checked, not fixed: the fixed notebook would need its own way back to stdout
            try:
                notebook = parse_notebook(filename, data)
            except NotebookError as error:
                run.files.append(FileResult(path=filename, errors=[error.file_error(filename)]))
                return run, None
            result, module_text, skipped = self._check_notebook(notebook, FixMode())
            located = in_cells(result, module_text)
            located.errors += skipped
            run.files.append(located)
            return run, None
        try:
            source = decode_source(filename, data)
        except SourceError as error:
            run.files.append(FileResult(path=filename, errors=[error.file_error(filename)]))
            return run, None
        result = self.check_source(source, data)
        if result.fixed_text is not None and self.options.diff:
            run.diffs.append(unified_diff(filename, source.text, result.fixed_text))
        run.files.append(result)
        return run, source


@dataclass(frozen=True)
class _LinkedCheck:
    """Checks a source with the links the project step found for it (a callable the process pool can take)."""

    runner: Runner
    links: dict[str, Links]

    def __call__(self, source: Source) -> FileResult:
        path, runner = source.path, self.runner
        rules, hint = runner.rules_for(path), runner.path_hint(path)
        return check_text(path, source.text, rules, runner.fix_mode, hint, links=self.links[path])


def _quotes(text: str, name: str) -> bool:
    """Does the text hold `name` as a string literal (`row["prompt"]`, `'prompt'`)?"""
    return f'"{name}"' in text or f"'{name}'" in text


def _loads_checkpoints(summary: ModuleSummary | None, source: Source) -> bool:
    """Does the module load a model of its own? (One the rules did not read alone, found only when linked: when
    its bytes say it may.)"""
    return summary.loads_checkpoints if summary is not None else may_load_checkpoints(source.encode())


def _families_loaded(sources: list[tuple[Source, Links | None]]) -> list[ModelFamily] | None:
    """The model families the modules load (read with what their imports tell them, when they were linked: the
    default of an imported configuration field), when each loads at least one model and every one is of a known
    family; else None."""
    found: list[ModelFamily] = []
    for source, links in sources:
        imported = links is not None and bool(links.field_defaults or links.constants)
        if not imported and not names_known_checkpoint(source.text):
            return None  # (parsed only when its text, or what it imports, names a model of a known family)
        names = loaded_checkpoints(source.path, source.text, links)
        if not names or any(name is None for name in names):
            return None
        families = [family_of(name) for name in names if name is not None]
        if any(family is None for family in families):
            return None
        found += [family for family in families if family is not None]
    return found or None


def _mark_silenced(result: FileResult, edit: NoqaEdit) -> None:
    """After --add-noqa wrote `edit`: the findings it silenced are suppressed now, the others remain."""
    result.noqa_added = edit.added
    result.suppressed += [finding for finding in result.findings if finding not in edit.left]
    result.findings = list(edit.left)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=path, tofile=path
        )
    )
