"""CL201: code that uses a library release with a known label bug (an audit of dependencies, for training labels)."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from chatlint.facts import ModuleFacts
from chatlint.facts.summary import ImportRef
from chatlint.knowledge.library_bugs import AUDITED_IMPORTS, AUDITED_SYMBOLS, LibraryBug, bugs_for_imports
from chatlint.rules.base import Diagnostic, Rule

if TYPE_CHECKING:
    from chatlint.dependencies.sources import Declaration


class KnownLibraryLabelBug(Rule):
    code = "CL201"
    name = "known-library-label-bug"
    summary = "The code uses a symbol of a library release with a known label bug (the release the project pins)"
    # only a file that imports an audited library and names one of its affected symbols is parsed for this rule; the
    # data file is read only then
    prefilter = (
        tuple(f"{word} {name}".encode() for name in AUDITED_IMPORTS for word in ("import", "from")),
        tuple(symbol.encode() for symbol in AUDITED_SYMBOLS),
    )
    asks_versions_of = tuple(sorted(set(AUDITED_IMPORTS.values())))

    what_it_does = """
        Finds an import or a use of a symbol (a collator, a trainer that uses it internally) of a training library
        whose release the project will run with has a known bug in the labels it builds. The known bugs are data
        (`chatlint/knowledge/library_bugs.toml`; the list is in the README, section "Library bugs"), each confirmed
        by reading the released code and, where a collator can be run, by `chatlint labels` on the last affected
        and the first fixed release.

        The release comes from the project's own files, through chatlint's one dependency resolver: the
        `target-versions` setting of `[tool.chatlint]`, a lock file (`uv.lock`, `poetry.lock`, `pdm.lock`, a
        `requirements*.txt` written by pip-compile), or an `==` pin in `requirements*.txt`, `pyproject.toml`,
        `setup.cfg` or `setup.py`; the installed distribution only when asked (`use-installed-versions = true`
        or `--installed-versions`). It speaks only on an exact version: a range such as `trl>=0.11` alone is not
        evidence of an affected release. The message says which file and line the version came from.
    """
    why_is_this_bad = """
        The bug is in the library, not in the code that imports it, so nothing in the project's own code shows
        it, and training looks fine: the loss goes down while every example teaches the model something wrong.
        With trl 0.11.3 to 0.12.2, `DataCollatorForChatML` (and `GKDTrainer`, which uses it) renders each
        finished conversation with `add_generation_prompt=True`: every example ends with a stray, trained
        `<|start_header_id|>assistant<|end_header_id|>` after the reply, so the model learns to open an empty
        assistant turn instead of stopping.
    """
    # the pinned release is part of the example: the docs test writes `example_project` beside the snippet
    example = """
        # requirements.txt: trl==0.12.2
        from trl.trainer.utils import DataCollatorForChatML

        collator = DataCollatorForChatML(tokenizer=tokenizer, max_length=1024)
    """
    example_project = {"requirements.txt": "trl==0.12.2\n"}
    use_instead = """
        # requirements.txt: trl==0.13.0 (the first release with the fix)
        from trl.trainer.utils import DataCollatorForChatML

        collator = DataCollatorForChatML(tokenizer=tokenizer, max_length=1024)
    """
    use_instead_project = {"requirements.txt": "trl==0.13.0\n"}
    fix_safety = """
        There is no automatic fix: raising a pin is the project's call (other code may depend on the release).
        The message names the first fixed release and the file and line of the pin to change.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        names = _imported_names(facts.imports)
        imported = {qualified.split(".", 1)[0] for qualified in names.values()} & set(AUDITED_IMPORTS)
        if not imported:
            return
        for bug in bugs_for_imports(imported):
            resolution = self.dependencies.resolve(bug.library)
            from packaging.specifiers import SpecifierSet  # the resolver has imported it already

            affected = resolution.exact_in(SpecifierSet(bug.affected))
            if not affected:
                continue  # a range, unknown, or a release outside the affected ones: no finding
            for node, symbol in _first_uses(facts.module, names, bug.symbols):
                yield Diagnostic(node=node, message=_message(bug, symbol, affected[0]))


def _message(bug: LibraryBug, symbol: str, pin: Declaration) -> str:
    short = symbol.rsplit(".", 1)[-1]
    return (
        f"`{short}` ({symbol}) with {bug.library} {pin.exact}, from {pin.kind.value} ({pin.where}): {bug.what}. "
        f"Known upstream as {bug.short_reference}; fixed in {bug.library} {bug.fixed_in}. "
        f"Raise the requirement to `{bug.library}>={bug.fixed_in}` in {pin.where}"
    )


def _imported_names(imports: Iterable[ImportRef]) -> dict[str, str]:
    """Local name -> the full dotted name it was imported as, for every import in the module (any scope):
    `import a.b as x` binds `x` to `a.b`, `import a.b` binds `a`, `from a.b import C` binds `C` to `a.b.C`."""
    names: dict[str, str] = {}
    for ref in imports:
        if ref.symbol is None:
            top = ref.module.split(".", 1)[0]
            names[ref.local] = top if ref.local == top else ref.module
        elif ref.module and not ref.level and ref.symbol != "*":
            names[ref.local] = f"{ref.module}.{ref.symbol}"
    return names


def _first_uses(module: ast.Module, names: dict[str, str], symbols: tuple[str, ...]) -> Iterator[tuple[ast.AST, str]]:
    """The first import or use of each of `symbols` in the module, in source order."""
    wanted = set(symbols)
    first: dict[str, tuple[tuple[int, int], ast.AST]] = {}
    for node in ast.walk(module):
        for symbol in _symbols_at(node, names):
            position = (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
            if symbol in wanted and (symbol not in first or position < first[symbol][0]):
                first[symbol] = (position, node)
    for symbol, (_, node) in sorted(first.items(), key=lambda item: item[1][0]):
        yield node, symbol


def _symbols_at(node: ast.AST, names: dict[str, str]) -> list[str]:
    """The full dotted names this node imports (`from a.b import C`: `a.b.C`) or reads (`a.b.C`, `alias.C`)."""
    if isinstance(node, ast.ImportFrom) and node.module and not node.level:
        return [f"{node.module}.{alias.name}" for alias in node.names]
    if isinstance(node, ast.Attribute):
        parts = [node.attr]
        value = node.value
        while isinstance(value, ast.Attribute):
            parts.append(value.attr)
            value = value.value
        if isinstance(value, ast.Name) and value.id in names:
            return [".".join([names[value.id], *reversed(parts)])]
    return []
