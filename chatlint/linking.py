"""The project step: find the modules a file imports among the project's files, and hand it their summaries.

Imports are resolved on the file system, from the importing file:
- relative imports (`from .chat_utils import render_chat`, `from .. import data`) from its package;
- absolute imports (`from pkg.data import to_text`, `import data`) from its own folder (a script importing its
  siblings), then each folder above it up to the project root, then `<root>/src` (a `src/` layout);
- a module is `name.py` or `name/__init__.py`; `from pkg import data` may name a submodule;
- a name a package's `__init__.py` imports from elsewhere (a re-export) is followed there, a few steps at most.

Only modules inside the project root are read (third-party code is not the project's), and only those whose bytes
may say something (`may_summarize`); a package `__init__.py` is read for its re-exports. Summaries of the files
the run checks come with their results; the others are built here once, on first use.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from chatlint.facts.links import Imported, Links
from chatlint.facts.summary import ImportRef, ModuleSummary

# how many re-exports (`__init__.py` importing a name from a submodule) a name is followed through
MAX_REEXPORTS = 3
# a module larger than this is not read for its summary (generated code, vendored libraries)
MAX_SUMMARY_BYTES = 1 << 20
# a module can only tell others something when its bytes hold a render or a label mask by value
_WORTH_SUMMARIZING = re.compile(rb"apply_chat_template|pad_token_id|pad_id|DataCollatorFor")

Summarizer = Callable[[str, str], "ModuleSummary | None"]


def may_summarize(data: bytes) -> bool:
    return _WORTH_SUMMARIZING.search(data) is not None


class Project:
    """The summaries of a project's modules, by resolved path: those of the checked files, and the others read
    from disk when an import needs them."""

    def __init__(self, root: Path, summarizer: Summarizer, known: Iterable[ModuleSummary] = ()) -> None:
        self.root = root.resolve()
        self.summarizer = summarizer
        self.summaries: dict[Path, ModuleSummary | None] = {}
        for summary in known:
            self.summaries[_resolved(summary.path)] = summary
        self.read_from_disk = 0  # modules summarised here (not checked by the run): for the report and tests

    @property
    def exports(self) -> frozenset[str]:
        """Every name some known module can tell an importer something about."""
        return frozenset(name for summary in self.summaries.values() if summary for name in summary.exports)

    def links_for(self, path: str, imports: tuple[ImportRef, ...]) -> Links:
        """What the modules `path` imports tell it, by the names it binds them to."""
        importer = _resolved(path)
        links = Links()
        for ref in imports:
            found = self._imported(ref, importer, MAX_REEXPORTS)
            if found is None or found.summary.path == path or _resolved(found.summary.path) == importer:
                continue
            useful = found.summary.exports if found.symbol is None else found.symbol in found.summary.exports
            if useful:
                links.names[_bound_name(ref)] = found
        return links

    # -- resolution -----------------------------------------------------------------------------------------------
    def _imported(self, ref: ImportRef, importer: Path, hops: int) -> Imported | None:
        for base in self._bases(ref, importer):
            parts = [part for part in ref.module.split(".") if part]
            module_file = _module_file(base, parts) if parts else _module_file(base, ["__init__"], package=False)
            if ref.symbol is not None:
                submodule = _module_file(base, [*parts, ref.symbol])
                if submodule is not None:
                    summary = self.summary_at(submodule)
                    return Imported(summary, None) if summary is not None else None
            if module_file is None:
                continue
            summary = self.summary_at(module_file)
            if summary is None:
                return None
            if ref.symbol is None or ref.symbol in summary.exports or hops == 0:
                return Imported(summary, ref.symbol) if ref.symbol is None or ref.symbol in summary.exports else None
            # a re-export: the module imports the name from elsewhere
            again = next((other for other in summary.imports if other.local == ref.symbol), None)
            return self._imported(again, module_file, hops - 1) if again is not None else None
        return None

    def _bases(self, ref: ImportRef, importer: Path) -> list[Path]:
        if ref.level:
            base = importer.parent
            for _ in range(ref.level - 1):
                base = base.parent
            return [base] if self._inside(base) else []
        bases = []
        folder = importer.parent
        while self._inside(folder):
            bases.append(folder)
            if folder == self.root:
                break
            folder = folder.parent
        if not bases:
            bases.append(importer.parent)  # a file outside the project root: its own folder only
        source_layout = self.root / "src"
        if source_layout.is_dir():
            bases.append(source_layout)
        return bases

    def _inside(self, folder: Path) -> bool:
        return folder == self.root or self.root in folder.parents

    def summary_at(self, path: Path) -> ModuleSummary | None:
        """The summary of the module at `path` (resolved): known, or read and built now."""
        if path in self.summaries:
            return self.summaries[path]
        summary = None
        if self._inside(path.parent):
            summary = self._read(path)
        self.summaries[path] = summary
        return summary

    def _read(self, path: Path) -> ModuleSummary | None:
        try:
            if path.stat().st_size > MAX_SUMMARY_BYTES:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        if not may_summarize(data) and path.name != "__init__.py":
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        self.read_from_disk += 1
        return self.summarizer(os.path.relpath(path), text)


def _bound_name(ref: ImportRef) -> str:
    """The name the code uses for what `ref` imports: `import pkg.data` is used as `pkg.data.f()`."""
    if ref.symbol is None and ref.local == ref.module.split(".")[0]:
        return ref.module
    return ref.local


def mentions(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern that finds any of `names` as a whole word in a text; None for no names."""
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b") if ordered else None


def _module_file(base: Path, parts: list[str], package: bool = True) -> Path | None:
    """`base/a/b.py` or `base/a/b/__init__.py` for the parts ["a", "b"], if one is a file."""
    if not parts:
        return None
    candidate = base.joinpath(*parts[:-1], parts[-1] + ".py")
    if candidate.is_file():
        return candidate.resolve()
    if package:
        init = base.joinpath(*parts, "__init__.py")
        if init.is_file():
            return init.resolve()
    return None


def _resolved(path: str) -> Path:
    return Path(os.path.abspath(path)).resolve()
