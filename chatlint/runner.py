"""A whole run: files in, results out. Reads each file once, checks it, and writes fixes atomically."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

from chatlint.config import Config, select_rules
from chatlint.engine import FileResult, FixMode, check_text
from chatlint.files import matches_any
from chatlint.findings import FileError
from chatlint.rules import Rule
from chatlint.source import Source, SourceError, decode_source, read_source, write_atomic


@dataclass(frozen=True)
class RunOptions:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def findings(self):  # type: ignore[no-untyped-def]
        return [finding for result in self.files for finding in result.findings]

    @property
    def errors(self) -> list[FileError]:
        return [error for result in self.files for error in result.errors]

    @property
    def fixes_applied(self) -> int:
        return sum(result.fixes_applied for result in self.files)


class Runner:
    def __init__(self, config: Config, options: RunOptions) -> None:
        self.config = config
        self.options = options
        # the command line wins: its --select replaces the configuration's selection, ignores included
        select = options.select or config.select
        ignore = options.ignore if options.select else (*config.ignore, *options.ignore)
        self.rule_classes = select_rules(select, ignore)
        self._rules: dict[tuple[str, ...], list[Rule]] = {}
        self.fix_mode = FixMode(apply=options.fix or options.diff, unsafe=options.unsafe_fixes)

    def rules_for(self, path: str) -> list[Rule]:
        ignored = tuple(
            code
            for pattern, codes in self.config.per_file_ignores.items()
            if matches_any(path, (pattern,), self.config)
            for code in codes
        )
        if ignored not in self._rules:
            self._rules[ignored] = [
                rule() for rule in self.rule_classes if not any(rule.code.startswith(code) for code in ignored)
            ]
        return self._rules[ignored]

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
        run = RunResult()
        for path in paths:
            run.files.append(self.run_file(path, run))
        return run

    def run_file(self, path: str, run: RunResult) -> FileResult:
        try:
            source = read_source(path)
        except SourceError as error:
            return FileResult(path=path, errors=[FileError(path, str(error))])
        run.checked += 1
        result = self.check_source(source)
        if result.fixed_text is not None:
            if self.options.diff:
                run.diffs.append(unified_diff(path, source.text, result.fixed_text))
            elif self.options.fix:
                try:
                    write_atomic(path, source.encode(result.fixed_text))
                except OSError as error:
                    result.errors.append(FileError(path, f"cannot write the fix: {error.strerror or error}"))
        return result

    def run_stdin(self, filename: str, data: bytes) -> tuple[RunResult, Source | None]:
        run = RunResult(checked=1)
        try:
            source = decode_source(filename, data)
        except SourceError as error:
            run.files.append(FileResult(path=filename, errors=[FileError(filename, str(error))]))
            return run, None
        result = self.check_source(source, data)
        if result.fixed_text is not None and self.options.diff:
            run.diffs.append(unified_diff(filename, source.text, result.fixed_text))
        run.files.append(result)
        return run, source


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=path, tofile=path
        )
    )
