"""A whole run: files in, results out. Reads each file once, checks it, and writes fixes atomically."""

from __future__ import annotations

import contextlib
import difflib
import gc
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from chatlint import link_plan
from chatlint.add_noqa import NoqaEdit, add_noqa
from chatlint.cache import ResultCache, cache_folder
from chatlint.config import Config, rules_for
from chatlint.dependencies import DependencyVersions
from chatlint.dependencies.projects import ProjectDependencies
from chatlint.engine import FileResult, FixMode, check_text
from chatlint.facts.links import Links
from chatlint.files import FileSelector, matches_any
from chatlint.findings import FileError, SkipReason
from chatlint.notebooks import (
    Notebook,
    NotebookError,
    in_cells,
    is_notebook,
    parse_notebook,
    read_notebook,
)
from chatlint.parallel import check_ahead, check_sources
from chatlint.project_step import ProjectStep
from chatlint.rules import Rule
from chatlint.source import (
    OutsideRoot,
    Source,
    SourceError,
    decode_source,
    read_source,
    write_atomic,
)


class RunOptions(NamedTuple):
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
    # their importers, and files of the run checked again with what their imports tell them (`project_step`)
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
                rule(dependencies, self.config.models)
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

        plain = self.options._replace(fix=False, diff=False, add_noqa=False, verify_tokenizer=None)
        run = Runner(self.config, plain)._run(paths)
        verdicts = verification.verify_findings(run.findings, self.options.verify_tokenizer)
        settled = Runner(self.config, self.options._replace(verify_tokenizer=None), verification.promoted(verdicts))
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
            self.config.models,
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
        """The project step (`chatlint.project_step`): the files whose imports tell them something, checked again
        with it; returns the files the step read whole beyond those the rules parsed alone."""
        step = ProjectStep(
            self.config.root,
            self._checked_ahead,
            lambda to_link: self._linked_results(to_link, cache),
            cache,
            run,
            FileSelector(self.config),
        )
        return step.run()

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
