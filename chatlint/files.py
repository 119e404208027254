"""Which files to check: the paths given, folders walked for Python files, minus what is ignored or excluded."""

from __future__ import annotations

import functools
import operator
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pathspec

from chatlint.config import Config, relative_to_root
from chatlint.findings import FileError, SkipReason
from chatlint.source import remove_stale_temporaries

PYTHON_SUFFIXES = (".py", ".pyi")
NOTEBOOK_SUFFIXES = (".ipynb",)  # Jupyter notebooks: see `chatlint.notebooks`
# (a folder named `env` is often code, a package of environments for RL: a virtual environment of any name is known
# by its `pyvenv.cfg` or a conda environment by its `conda-meta/` instead, see `is_environment`)
DEFAULT_EXCLUDES = (
    ".git",
    ".hg",
    ".svn",
    ".bzr",
    ".venv",
    "venv",
    ".env",
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
        self._excluded = _matcher(self.exclude)
        # folders of the walked trees that could not be listed: reported, their files not checked
        self.errors: list[FileError] = []

    def is_excluded(self, path: str) -> bool:
        return self._excluded_relative(relative_to_root(path, self.config))

    def _excluded_relative(self, relative: str) -> bool:
        """Is the path `relative` (to the project root, as `relative_to_root` gives it) excluded? It is matched as
        written and as a folder (`relative/`), so a pattern written for folders also excludes a file of that name."""
        excluded = self._excluded
        return excluded(relative) or excluded(relative + "/")

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

        suffixes = PYTHON_SUFFIXES + NOTEBOOK_SUFFIXES
        for folder, subfolders, filenames in os.walk(top, onerror=unlistable):
            if folder != top and is_environment(filenames, subfolders):
                subfolders[:] = []
                continue
            remove_stale_temporaries(folder, filenames)
            ignore_stack = [(base, spec) for base, spec in ignore_stack if _is_within(folder, base)]
            local = _read_gitignore(folder)
            if local is not None:
                ignore_stack.append((folder, local))
            # the folder's path relative to the root, once: its children's are that and their name
            within = _child_prefix(relative_to_root(folder, self.config))
            kept = []
            for name in sorted(subfolders):
                if self._excluded_relative(within + name):
                    continue
                if ignore_stack and _ignored(os.path.join(folder, name), ignore_stack, is_dir=True):
                    continue
                kept.append(name)
            subfolders[:] = kept
            for name in sorted(filenames):
                if not name.endswith(suffixes) or self._excluded_relative(within + name):
                    continue
                child = os.path.join(folder, name)
                if ignore_stack and _ignored(child, ignore_stack, is_dir=False):
                    continue
                yield os.path.normpath(child)


def is_environment(filenames: list[str], subfolders: list[str]) -> bool:
    """Is the folder a Python environment (installed packages, not the project's code): a virtual environment
    (`pyvenv.cfg`, whatever the folder's name) or a conda environment (`conda-meta/`)?"""
    return "pyvenv.cfg" in filenames or "conda-meta" in subfolders


def _child_prefix(relative: str) -> str:
    """What goes before a name to make the relative path of a child of the folder whose relative path is
    `relative` (exactly what `relative_to_root` gives for the child: `Path` drops a leading `./`)."""
    if relative == ".":
        return ""
    return relative if relative.endswith("/") else relative + "/"


def _matcher(spec: pathspec.GitIgnoreSpec) -> Callable[[str], bool]:
    """`spec.match_file`, as one regular expression when every pattern excludes (none starts with `!`): then a path
    is excluded exactly when one pattern matches it, and one search of the joined patterns answers that."""
    patterns = [pattern for pattern in spec.patterns if pattern.include is not None]
    if not all(pattern.include and isinstance(pattern.regex, re.Pattern) for pattern in patterns):
        return spec.match_file
    if not patterns:
        return lambda path: False
    # the patterns' named group (which marks a folder match) may appear only once in one expression
    expressions = [_GROUP.sub("(?:", pattern.regex.pattern) for pattern in patterns]  # type: ignore[union-attr]
    # `name` patterns (`build`, `*.egg-info`) read "a path component is `name`": one such alternative for them all
    # spares trying each at every `/`
    names = [found.group(1) for found in map(_ANY_COMPONENT.fullmatch, expressions) if found is not None]
    others = [expression for expression in expressions if _ANY_COMPONENT.fullmatch(expression) is None]
    if names:
        either = "|".join(f"(?:{name})" for name in names)
        others.append(f"^(?:.+/)?(?:{either})(?:(?:/)|$)")
    joined = "|".join(f"(?:{expression})" for expression in others)
    flags = functools.reduce(operator.or_, (pattern.regex.flags for pattern in patterns))  # type: ignore[union-attr]
    search = re.compile(joined, flags).search

    def excluded(path: str) -> bool:
        return search(_normalized(path)) is not None

    return excluded


_GROUP = re.compile(r"\(\?P<\w+>")
# the expression `pathspec` makes of a pattern without a `/` (after `_GROUP`), its name part in group 1
_ANY_COMPONENT = re.compile(r"\^\(\?:\.\+/\)\?(.*)\(\?:\(\?:/\)\|\$\)")


def _normalized(path: str) -> str:
    """The path as `pathspec` matches it (`pathspec.util.normalize_file`)."""
    path = path.replace(os.sep, "/")
    if os.altsep:
        path = path.replace(os.altsep, "/")
    if path.startswith("/"):
        return path[1:]
    if path.startswith("./"):
        return path[2:]
    return path


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
