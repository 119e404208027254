"""Checking one file: prefilter, parse once, build the facts, run the rules, suppress, fix to a fixpoint.

The engine owns the text of the file; rules only describe edits. Fixes are applied, the text re-parsed and the
rules re-run until nothing more changes (at most `MAX_FIX_PASSES` times). A fix whose result does not parse is
dropped and reported. Writing the result is the caller's job (see `runner`).
"""

from __future__ import annotations

import ast
import re
import sys
import traceback
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from chatlint.embedded import may_embed_scripts, script_findings
from chatlint.facts import ModuleFacts, build_facts
from chatlint.facts.links import Links
from chatlint.facts.summarize import summarize
from chatlint.facts.summary import ImportRef, ModuleSummary, imports_of
from chatlint.facts.syntax import SourceText, Span, reading
from chatlint.findings import Applicability, Edit, FileError, Finding, Fix, SkipReason
from chatlint.handed_calls import unwrap_handed_calls
from chatlint.lines import line_starts
from chatlint.newer_python import newer_python_needed
from chatlint.noqa import Directives, file_is_suppressed
from chatlint.prefilter import matching_rules, rules_to_run
from chatlint.rules.base import Diagnostic, Rule, Target

MAX_FIX_PASSES = 10


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    fixed_text: str | None = None  # set when fixes changed the text
    fixes_applied: int = 0
    suppressed: list[Finding] = field(default_factory=list)  # silenced by `noqa`
    noqa_added: int = 0  # `noqa` directives written by --add-noqa
    # what other modules learn from this one (`facts.summary`), when it was parsed; read by the project step
    summary: ModuleSummary | None = None


@dataclass(frozen=True)
class FixMode:
    apply: bool = False  # --fix or --diff
    unsafe: bool = False  # --unsafe-fixes
    # (path, line, code) of findings whose unsafe fix the runtime label check confirmed (--verify-labels)
    promoted: frozenset[tuple[str, int, str]] = frozenset()

    def allows(self, finding: Finding) -> bool:
        fix = finding.fix
        if fix is None:
            return False
        return (
            fix.applicability is Applicability.SAFE
            or self.unsafe
            or (finding.path, finding.line, finding.code) in self.promoted
        )


def check_text(
    path: str,
    text: str,
    rules: Sequence[Rule],
    fix_mode: FixMode = FixMode(),
    path_hint: str | None = None,
    data: bytes | None = None,
    links: Links | None = None,
    scripts: bool = True,
) -> FileResult:
    """Check (and, in fix mode, fix) one file's text. Never raises for bad input: errors go into the result.

    `links`: what the modules it imports tell it (`chatlint.linking`); a linked file is checked by every rule,
    whatever its bytes (the byte prefilter knows only what a file says itself). `scripts`: also check the scripts
    its string literals hold (`chatlint.embedded`)."""
    result = FileResult(path=path)
    raw = data if data is not None else text.encode("utf-8", "surrogatepass")
    linked = bool(links) and not file_is_suppressed(raw)
    active = list(rules) if linked else rules_to_run(raw, rules)
    if not active:
        return result
    current = text
    original_compiles: bool | None = None
    for _ in range(MAX_FIX_PASSES):
        if current is not text and not linked:
            active = matching_rules(current.encode("utf-8", "surrogatepass"), rules)
        try:
            module = parse(current)
        except SyntaxError as error:
            if current is text:
                result.errors.append(_syntax_error(path, error, current))
                return result
            # cannot happen: every fixed text is parsed before it is accepted
            result.errors.append(FileError(path, "the fixed text does not parse", "internal"))
            return result
        findings, suppressed = _run_rules(path, module, current, active, rules, path_hint, result, links)
        result.findings, result.suppressed = findings, suppressed
        if not fix_mode.apply:
            break
        chosen = [finding for finding in findings if fix_mode.allows(finding)]
        if not chosen:
            break
        fixed, applied = apply_fixes(current, [finding.fix for finding in chosen if finding.fix])
        if fixed == current:
            break
        try:
            parse(fixed)
            if original_compiles is None:  # (compiled once, at the first fix)
                original_compiles = _refused(text) is None
            refused = _refused(fixed) if original_compiles else None
            if refused is not None:
                raise refused  # what `ast.parse` takes and Python refuses: a keyword argument repeated
        except SyntaxError as error:
            codes = ", ".join(sorted({finding.code for finding in chosen}))
            result.errors.append(
                FileError(path, f"a fix for {codes} would not parse ({_syntax_message(error)}); reverted", "internal")
            )
            break
        current = fixed
        result.fixes_applied += applied
    if current != text:
        result.fixed_text = current
    if scripts and may_embed_scripts(raw):
        try:
            embedded = script_findings(module, current.splitlines(), _script_check(path, rules, path_hint))
        except Exception as error:  # noqa: BLE001 - a script in a string must not stop the file's own findings
            result.errors.append(
                FileError(path, f"a script in a string cannot be checked: {_describe(error)}", "internal")
            )
            embedded = []
        result.findings = sorted(
            result.findings + embedded, key=lambda finding: (finding.line, finding.column, finding.code)
        )
    return result


def _script_check(path: str, rules: Sequence[Rule], path_hint: str | None) -> Callable[[str], list[Finding]]:
    """How the script a string literal holds is checked: as a module of its own, not fixed, its own strings not
    looked into."""
    return lambda script: check_text(path, script, rules, FixMode(), path_hint, scripts=False).findings


def _run_rules(
    path: str,
    module: ast.Module,
    text: str,
    active: Sequence[Rule],
    rules: Sequence[Rule],
    path_hint: str | None,
    result: FileResult,
    links: Links | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """Run the `active` rules (those whose prefilter matches `text`) of the requested `rules` on one module."""
    source = SourceText(text)
    with reading(source):
        return _judge(path, module, source, active, rules, path_hint, result, links)


def _judge(
    path: str,
    module: ast.Module,
    source: SourceText,
    active: Sequence[Rule],
    rules: Sequence[Rule],
    path_hint: str | None,
    result: FileResult,
    links: Links | None = None,
) -> tuple[list[Finding], list[Finding]]:
    try:
        facts = build_facts(module, source, path, path_hint, links)
    except RecursionError:
        result.errors.append(_too_deep_to_analyse(path))
        return [], []
    except Exception as error:  # noqa: BLE001 - an analysis bug must not stop the run
        result.errors.append(FileError(path, f"the analysis failed: {_describe(error)}", "internal"))
        return [], []
    diagnostics = _diagnostics(path, facts, active, result)
    if result.summary is None and links is None:
        # (a linked check comes after the project step: its summary would be read by no one)
        result.summary = _summary(facts, path, result)
    # Rules that judge the `noqa` comments themselves (CL100) run last: they need to know what was silenced.
    noqa_rules = [rule for rule in active if rule.checks_suppressions]
    if not diagnostics and not noqa_rules:
        return [], []
    lines = source.lines
    directives = Directives(source.text, lines)
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    used: set[tuple[int, str]] = set()  # (line of a directive, code) that silenced a finding

    def sort_out(rule: Rule, diagnostic: Diagnostic, report: bool = True) -> None:
        finding = _to_finding(path, rule, diagnostic, source)
        line = lines[finding.line - 1] if finding.line - 1 < len(lines) else ""
        finding = replace(finding, source_line=line)
        silenced_by = directives.silencing_line(finding.code, finding.line, finding.end_line)
        if silenced_by is not None:
            used.add((silenced_by, finding.code))
        if report:
            (findings if silenced_by is None else suppressed).append(finding)

    for rule, diagnostic in diagnostics:
        sort_out(rule, diagnostic)
    if noqa_rules:
        # A directive's code is judged by what its rule reports, selected or not: rules that did not run are run
        # here, quietly (their findings only mark directives as used), so `--select CL100` alone works.
        quiet = _quiet_rules(directives, rules)
        for rule, diagnostic in _diagnostics(path, facts, quiet, result):
            sort_out(rule, diagnostic, report=False)
        codes_run = frozenset(rule.code for rule in (*rules, *quiet))
        for rule in noqa_rules:
            try:
                for diagnostic in rule.check_suppressions(source, frozenset(used), codes_run):  # type: ignore[attr-defined]
                    sort_out(rule, diagnostic)
            except Exception as error:  # noqa: BLE001 - one broken rule must not stop the others
                result.errors.append(FileError(path, f"rule {rule.code} failed: {_describe(error)}", "internal"))
    findings.sort(key=lambda finding: (finding.line, finding.column, finding.code))
    return findings, suppressed


def _diagnostics(
    path: str, facts: ModuleFacts, rules: Sequence[Rule], result: FileResult
) -> list[tuple[Rule, Diagnostic]]:
    diagnostics: list[tuple[Rule, Diagnostic]] = []
    too_deep = False
    for rule in rules:
        try:
            diagnostics.extend((rule, diagnostic) for diagnostic in rule.check(facts))
        except RecursionError:
            too_deep = True  # valid code nested past the analysis's depth: one line for the file, not one per rule
        except Exception as error:  # noqa: BLE001 - one broken rule must not stop the others
            result.errors.append(FileError(path, f"rule {rule.code} failed: {_describe(error)}", "internal"))
    if too_deep:
        result.errors.append(_too_deep_to_analyse(path))
    return diagnostics


def _summary(facts: ModuleFacts, path: str, result: FileResult) -> ModuleSummary | None:
    """The module's summary for the project step; None when the analysis cannot make one (never stops a run: the
    module's own findings stand, other modules only do not follow its functions, and the run says so)."""
    try:
        return summarize(facts)
    except RecursionError:
        return None  # (valid code nested past the analysis's depth: its rules said so already, or had nothing to say)
    except Exception as error:  # noqa: BLE001 - a module without a summary is only not followed
        result.errors.append(FileError(path, f"the project step cannot summarise it: {_describe(error)}", "internal"))
        return None


def summarize_text(path: str, text: str, links: Links | None = None) -> ModuleSummary | None:
    """The summary of a module the run does not check (imported by one it does); None when it does not parse.
    `links`: what its own imports tell it (a wrapper of an imported wrapper is a wrapper too)."""
    return _read_facts(path, text, summarize, links)


def loaded_checkpoints(path: str, text: str, links: Links | None = None) -> tuple[str | None, ...] | None:
    """The checkpoints a module loads, as its facts name them (None for one the code does not say), read with what
    `links` tells of its imports (none: without them); None when it does not parse."""
    return _read_facts(path, text, lambda facts: facts.checkpoints, links)


_Read = TypeVar("_Read")


def _read_facts(path: str, text: str, read: Callable[[ModuleFacts], _Read], links: Links | None = None) -> _Read | None:
    """What `read` says of the facts of a module outside the checked files; None when it does not parse or the
    analysis fails (a module that cannot be read tells nothing, and never stops a run)."""
    try:
        module = parse(text)
    except SyntaxError:
        return None
    source = SourceText(text)
    with reading(source):
        try:
            return read(build_facts(module, source, path, links=links))
        except Exception:  # noqa: BLE001 - a module that cannot be read tells nothing
            return None


# an import statement, matched at the start of a line (parenthesised names may run over several lines)
_IMPORT_STATEMENT = re.compile(r"[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]*(?:\([^)]*\)|[^\n]*)|import[ \t]+[^\n]*)")


def _import_statements(text: str) -> list[str]:
    """The import statements of a module, found from the lines that say `import` (a pattern tried at the start
    of every line costs ten times more)."""
    statements: list[str] = []
    covered = -1  # the end of the last statement found: a line inside it is not another one
    found = text.find("import")
    while found != -1:
        line = text.rfind("\n", 0, found) + 1
        if line > covered:
            match = _IMPORT_STATEMENT.match(text, line)
            if match is not None:
                statements.append(match.group(0).strip().split(";")[0])
                covered = match.end()
            else:
                covered = line  # this line is not a statement: its other `import` words are skipped
        found = text.find("import", max(found + 6, covered))
    return statements


def imports_in_text(text: str, keep: Callable[[str], bool] | None = None) -> tuple[ImportRef, ...]:
    """The imports of a module the rules did not need to parse: its import statements, found by their lines and
    parsed together (a whole module costs a hundred times more to parse); a statement that does not parse alone (a
    string's line that looks like an import, a backslash continuation) is left out. `keep`: which statements are
    worth parsing at all, by their text."""
    statements = [statement for statement in _import_statements(text) if keep is None or keep(statement)]
    if not statements:
        return ()
    try:
        return imports_of(ast.parse("\n".join(statements)))  # one parse for all of them
    except SyntaxError:
        pass
    found: list[ImportRef] = []
    for statement in statements:
        try:
            found.extend(imports_of(ast.parse(statement)))
        except SyntaxError:
            continue
    return tuple(found)


def _quiet_rules(directives: Directives, rules: Sequence[Rule]) -> list[Rule]:
    """The rules named by the file's directives that are not among `rules` (not selected, or ignored here)."""
    from chatlint.rules import RULES_BY_CODE

    running = {rule.code for rule in rules}
    named = sorted(code for code in directives.named_codes() if code in RULES_BY_CODE and code not in running)
    quiet = [RULES_BY_CODE[code]() for code in named]
    return [rule for rule in quiet if not rule.checks_suppressions]


def _too_deep_to_analyse(path: str) -> FileError:
    return FileError.because(path, SkipReason.TOO_DEEPLY_NESTED, "analyse", "Python's stack ran out")


def _span(target: Target, source: SourceText) -> Span:
    return target if isinstance(target, Span) else source.span(target)


def _to_finding(path: str, rule: Rule, diagnostic: Diagnostic, source: SourceText) -> Finding:
    where = _span(diagnostic.node, source)
    fix = None
    if diagnostic.fix is not None:
        edits = []
        for edit in diagnostic.fix.edits:
            span = _span(edit.node, source)
            edits.append(Edit(edit.replacement, span.line, span.column + 1, span.end_line, span.end_column + 1))
        fix = Fix(diagnostic.fix.applicability, tuple(edits), diagnostic.fix.description)
    return Finding(
        code=rule.code,
        message=diagnostic.message,
        path=path,
        line=where.line,
        column=where.column + 1,
        end_line=where.end_line,
        end_column=where.end_column + 1,
        fix=fix,
        related=diagnostic.related,
    )


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply every fix whose edits overlap no edit of an earlier one; return the new text and how many applied."""
    starts = line_starts(text)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    taken: list[tuple[int, int]] = []
    accepted: list[tuple[int, int, str]] = []
    applied = 0
    for fix in fixes:
        spans = [(offset(e.line, e.column), offset(e.end_line, e.end_column), e.content) for e in fix.edits]
        if any(start < end2 and start2 < end for start, end, _ in spans for start2, end2 in taken):
            continue
        if any(start == end and start2 <= start < end2 for start, end, _ in spans for start2, end2 in taken):
            continue
        taken.extend((start, end) for start, end, _ in spans)
        accepted.extend(spans)
        applied += 1
    for start, end, content in sorted(accepted, reverse=True):
        text = text[:start] + content + text[end:]
    return text, applied


class TooDeeplyNested(SyntaxError):
    """Code nested past what Python's parser takes (maybe valid Python, but no Python version would parse it)."""


# CPython's tokenizer limit (200 open brackets), the same in every version: not a newer grammar either.
_BRACKET_LIMIT_MESSAGE = "too many nested parentheses"


def parse(text: str) -> ast.Module:
    """The module's tree, as the Python running chatlint parses it (a `SyntaxError` when it cannot), with the calls
    handed to a thread read as the calls they make (`chatlint.handed_calls`)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # `SyntaxWarning`s about the user's code are not chatlint's to print
            return unwrap_handed_calls(ast.parse(text), text)
    except (RecursionError, MemoryError) as error:
        raise TooDeeplyNested(f"Python's parser ran out of {_resource(error)}") from None
    except SyntaxError as error:
        if error.msg == _BRACKET_LIMIT_MESSAGE:
            raise TooDeeplyNested(f"{error.msg} at line {error.lineno}") from None
        raise


def _refused(text: str) -> SyntaxError | None:
    """Why Python would not compile a text that parses (a keyword argument repeated), or None. (A fixed text whose
    original is refused too is held to parsing only.)"""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, "<fixed>", "exec", dont_inherit=True)
    except SyntaxError as error:
        return error
    except (ValueError, RecursionError, MemoryError):
        return SyntaxError("Python cannot compile it")
    return None


def _resource(error: BaseException) -> str:
    return "stack" if isinstance(error, RecursionError) else "memory"


def _syntax_error(path: str, error: SyntaxError, text: str) -> FileError:
    """Why a file could not be parsed; names the Python version the file needs when it is newer than the one
    running chatlint."""
    if isinstance(error, TooDeeplyNested):
        # never handed to libcst: deep code is slow for it, and deep enough crashes it
        return FileError.because(path, SkipReason.TOO_DEEPLY_NESTED, "parse", error.msg)
    needed = newer_python_needed(text)
    if needed is not None:
        running = f"{sys.version_info.major}.{sys.version_info.minor}"
        return FileError.because(path, SkipReason.NEEDS_NEWER_PYTHON, needed, running)
    return replace(
        FileError.because(path, SkipReason.SYNTAX_ERROR, error.msg), line=error.lineno, column=error.offset or 1
    )


def _syntax_message(error: SyntaxError) -> str:
    return f"{error.msg} (line {error.lineno}, column {(error.offset or 1)})"


def _describe(error: Exception) -> str:
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" ({frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})" if frame else ""
    return f"{type(error).__name__}: {error}{where}"
