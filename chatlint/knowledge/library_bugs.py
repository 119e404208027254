"""Known label bugs in released training libraries: the data in `library_bugs.toml`, read once, on demand.

Each entry names a library (its distribution and import name), the releases it affects (a PEP 440 specifier), the
symbols through which user code reaches the bug (a class or function, a trainer that uses it internally, each by its
full dotted name and every public name it is re-exported under), what goes wrong with the labels, the first fixed
release, the upstream reference, the first and last releases found affected, and how that was confirmed. No entry
without evidence: `tests/test_library_bugs.py` checks that every field is there.

The rule that uses this (CL201) loads it only for a file that imports one of `AUDITED_IMPORTS`, so the static path
stays fast; nothing here imports the libraries.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import NamedTuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

DATA_FILE = Path(__file__).with_name("library_bugs.toml")

# Import name -> distribution name of every library with an entry (kept equal to the data file by a test): the rule's
# prefilter is built from it without reading the data file.
AUDITED_IMPORTS: dict[str, str] = {"trl": "trl"}
# The last part of every symbol's name (kept equal to the data file by a test): a file must mention one of them too,
# so a library's own modules, which import it everywhere, are not parsed for nothing.
AUDITED_SYMBOLS: tuple[str, ...] = ("DataCollatorForChatML", "GKDTrainer")

_FIELDS = (
    "id",
    "library",
    "import",
    "affected",
    "symbols",
    "what",
    "fixed_in",
    "upstream",
    "found_in",
    "last_affected",
    "confirmed",
)


class LibraryBug(NamedTuple):
    id: str  # e.g. "trl-2449"
    library: str  # distribution name, as the dependency files spell it (`trl`)
    import_name: str  # the top-level module (`trl`)
    affected: str  # PEP 440 specifier of the affected releases (`>=0.11.3,<0.13.0`)
    symbols: tuple[str, ...]  # full dotted names that reach the bug (`trl.trainer.utils.DataCollatorForChatML`)
    what: str  # what goes wrong with the labels, one sentence
    fixed_in: str  # the first release without the bug
    upstream: str  # the issue and the pull request that fixed it
    found_in: str  # the first release found affected
    last_affected: str  # the last release found affected
    confirmed: str  # how: the code read, the runtime check run on both sides of the fix

    @property
    def short_reference(self) -> str:
        """The upstream reference without its addresses: `trl issue 2449, PR 2450`."""
        return self.upstream.split(";", 1)[0].strip()


class KnowledgeError(Exception):
    """The data file is broken (a packaging mistake, not the user's): the message says which entry and field."""


@functools.cache
def load_library_bugs(path: Path = DATA_FILE) -> tuple[LibraryBug, ...]:
    """Every entry of the data file, in its order."""
    with path.open("rb") as handle:
        document = tomllib.load(handle)
    bugs = []
    for number, entry in enumerate(document.get("bug", []), start=1):
        missing = [name for name in _FIELDS if not entry.get(name)]
        if missing:
            raise KnowledgeError(f"{path.name}: entry {number} ({entry.get('id', '?')}) has no {', '.join(missing)}")
        values = {name: entry[name] for name in _FIELDS}
        values["import_name"] = values.pop("import")
        values["symbols"] = tuple(values["symbols"])
        bugs.append(LibraryBug(**values))
    return tuple(bugs)


def bugs_for_imports(imported: set[str]) -> list[LibraryBug]:
    """The entries of the libraries among `imported` (top-level module names)."""
    return [bug for bug in load_library_bugs() if bug.import_name in imported]


def markdown_table(bugs: tuple[LibraryBug, ...] | None = None) -> str:
    """The README's list of known entries (section "Library bugs"), as a Markdown table; a test keeps them equal.
    Print it with `python -m chatlint.knowledge.library_bugs`."""
    lines = ["| library | affected | symbols | what goes wrong | fixed in | upstream |", "|---|---|---|---|---|---|"]
    for bug in bugs if bugs is not None else load_library_bugs():
        symbols = ", ".join(dict.fromkeys(f"`{symbol.rsplit('.', 1)[-1]}`" for symbol in bug.symbols))
        what = bug.what.replace("|", "\\|")  # a `|` even inside a code span ends a table cell
        lines.append(
            f"| {bug.library} | `{bug.affected}` | {symbols} | {what} | {bug.fixed_in} | {bug.short_reference} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
