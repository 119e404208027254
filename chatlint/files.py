"""Which files to check: the paths given, folders walked for Python files, minus what is ignored or excluded."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pathspec

from chatlint.config import Config, relative_to_root
from chatlint.findings import FileError, SkipReason
from chatlint.source import remove_stale_temporaries

PYTHON_SUFFIXES = (".py", ".pyi")
NOTEBOOK_SUFFIXES = (".ipynb",)  # Jupyter notebooks: see `chatlint.notebooks`
DEFAULT_EXCLUDES = (
    ".git",
    ".hg",
    ".svn",
    ".bzr",
    ".venv",
    "venv",
    ".env",
    "env",
    "__pycache__",
    ".tox",
    ".nox",
    ".eggs",
    "*.egg-info",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".chatlint_cache",
    ".ipynb_checkpoints",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "_build",
    "buck-out",
)


class FileSelector:
    """Decides which files under the given paths are checked."""

    def __init__(self, config: Config, force_exclude: bool = False) -> None:
        self.config = config
        self.force_exclude = force_exclude
        excludes = list(config.exclude or DEFAULT_EXCLUDES) + list(config.extend_exclude)
        self.exclude = pathspec.GitIgnoreSpec.from_lines(excludes)
        # folders of the walked trees that could not be listed: reported, their files not checked
        self.errors: list[FileError] = []

    def is_excluded(self, path: str) -> bool:
        relative = relative_to_root(path, self.config)
        return self.exclude.match_file(relative) or self.exclude.match_file(relative + "/")

    def files(self, paths: list[str]) -> Iterator[str]:
        """Every file to check, each once, in a stable order; missing paths are yielded for the caller to report."""
        seen: set[str] = set()
        for path in paths:
            if os.path.isdir(path):
                found = self._walk(path)
            elif self.force_exclude and self.is_excluded(path):
                continue
            else:
                found = iter([path])
            for file in found:
                key = os.path.normcase(os.path.abspath(file))
                if key not in seen:
                    seen.add(key)
                    yield file

    def _walk(self, top: str) -> Iterator[str]:
        ignore_stack: list[tuple[str, pathspec.GitIgnoreSpec]] = _parent_gitignores(top)

        def unlistable(error: OSError) -> None:
            where = os.path.normpath(error.filename) if error.filename else top
            self.errors.append(FileError.because(where, SkipReason.UNLISTABLE, error.strerror or error))

        for folder, subfolders, filenames in os.walk(top, onerror=unlistable):
            remove_stale_temporaries(folder, filenames)
            ignore_stack = [(base, spec) for base, spec in ignore_stack if _is_within(folder, base)]
            local = _read_gitignore(folder)
            if local is not None:
                ignore_stack.append((folder, local))
            kept = []
            for name in sorted(subfolders):
                child = os.path.join(folder, name)
                if self.is_excluded(child) or _ignored(child, ignore_stack, is_dir=True):
                    continue
                kept.append(name)
            subfolders[:] = kept
            for name in sorted(filenames):
                if not name.endswith(PYTHON_SUFFIXES + NOTEBOOK_SUFFIXES):
                    continue
                child = os.path.join(folder, name)
                if self.is_excluded(child) or _ignored(child, ignore_stack, is_dir=False):
                    continue
                yield os.path.normpath(child)


def _read_gitignore(folder: str) -> pathspec.GitIgnoreSpec | None:
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as handle:
            return pathspec.GitIgnoreSpec.from_lines(handle)
    except OSError:
        return None


def _parent_gitignores(top: str) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
    """The .gitignore files of the folders above `top`, up to the repository root (the folder with `.git`)."""
    found = []
    folder = Path(top).resolve()
    for parent in folder.parents:
        spec = _read_gitignore(str(parent))
        if spec is not None:
            found.append((str(parent), spec))
        if (parent / ".git").exists():
            break
    return list(reversed(found))


def _is_within(path: str, base: str) -> bool:
    path, base = os.path.abspath(path), os.path.abspath(base)
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)


def _ignored(path: str, stack: list[tuple[str, pathspec.GitIgnoreSpec]], is_dir: bool) -> bool:
    for base, spec in stack:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")
        if spec.match_file(relative + "/" if is_dir else relative):
            return True
    return False


def matches_any(path: str, patterns: tuple[str, ...], config: Config) -> bool:
    if not patterns:
        return False
    spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    return spec.match_file(relative_to_root(path, config))
