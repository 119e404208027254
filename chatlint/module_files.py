"""Where an imported module lies on disk: `name.py` or `name/__init__.py` under a base folder. What exists is looked
up once per run (`Project` clears the caches when a project step starts: a process that runs again, an editor or the
tests, looks anew)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path


def module_path(base: Path, parts: list[str], package: bool = True) -> Path | None:
    """`base/a/b.py` or `base/a/b/__init__.py` for the parts ["a", "b"], if one is a file."""
    return find_module(base, tuple(parts), package) if parts else None


@functools.lru_cache(maxsize=65536)
def find_module(base: Path, parts: tuple[str, ...], package: bool) -> Path | None:
    folder = os.path.join(base, *parts[:-1])
    if not is_folder(folder):
        return None  # most absolute imports name third-party packages: one cached look per folder
    candidate = os.path.join(folder, parts[-1] + ".py")
    if os.path.isfile(candidate):
        return Path(candidate).resolve()
    if package:
        init = os.path.join(folder, parts[-1], "__init__.py")
        if os.path.isfile(init):
            return Path(init).resolve()
    return None


@functools.lru_cache(maxsize=65536)
def is_folder(folder: str) -> bool:
    return os.path.isdir(folder)


@functools.lru_cache(maxsize=65536)
def is_file(path: str) -> bool:
    return os.path.isfile(path)


def outermost(folders: Iterable[str]) -> list[str]:
    """The folders not inside another one of them (the folders of a tree's files come down to the tree's roots:
    resolving each costs a system call per part)."""
    ordered = sorted({os.path.join(os.path.abspath(folder), "") for folder in folders})
    kept: list[str] = []
    for folder in ordered:
        if not kept or not folder.startswith(kept[-1]):
            kept.append(folder)
    return kept


def resolved_path(path: str) -> Path:
    return Path(os.path.abspath(path)).resolve()
