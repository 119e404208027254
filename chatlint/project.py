"""The project root and its configuration file: one rule, for `chatlint check` and `chatlint labels` alike.

From the start folder (the first path checked, or its folder when it is a file; the current folder when no path
is given, and always for `labels`), walk up folder by folder:

- a folder whose `pyproject.toml` has a `[tool.chatlint]` table is the project root, and that file is the
  configuration (`[tool.chatlint]` for `check`, `[tool.chatlint.labels]` for `labels`). A `pyproject.toml` that
  is not valid TOML stops the walk too, so that its error is reported rather than skipped;
- the walk ends at the top of the repository: the first folder holding `.git` (a folder or, in a worktree or
  submodule, a file). A configuration above it belongs to something else.

If no folder on the way configures chatlint, the project root is the nearest folder holding a `pyproject.toml`,
`setup.cfg`, `setup.py` or `.git`, and there is no configuration; with none of these either, the start folder.
`--config FILE` overrides all of this: FILE is the configuration and its folder the project root.

So in a monorepo whose top `pyproject.toml` configures chatlint, a sub-package's own `pyproject.toml` without the
table does not hide it: both commands read the top one. Paths in the configuration are relative to the project
root, and the result cache (`.chatlint_cache/`) lives there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

# What makes a folder a project root when nothing on the way up configures chatlint.
ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", ".git")


class Project(NamedTuple):
    root: Path  # absolute
    pyproject: Path | None  # the configuration file, or None


def find_project(start: Path, config_file: Path | None = None) -> Project:
    """The project `start` (a file or folder) belongs to, by the rule of this module's docstring."""
    if config_file is not None:
        return Project(root=config_file.resolve().parent, pyproject=config_file)
    start = Path(os.path.abspath(start))  # a symlinked file belongs where it is, not where it points
    folder = start if start.is_dir() else start.parent
    nearest: Path | None = None
    for candidate in (folder, *folder.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _configures_chatlint(pyproject):
            return Project(root=candidate, pyproject=pyproject)
        if nearest is None and any((candidate / marker).exists() for marker in ROOT_MARKERS):
            nearest = candidate
        if (candidate / ".git").exists():
            break
    return Project(root=nearest or folder, pyproject=None)


def find_pyproject(start: Path) -> Path | None:
    """The configuration file both commands read for `start` (see the module docstring), or None."""
    return find_project(start).pyproject


def _configures_chatlint(pyproject: Path) -> bool:
    try:
        with pyproject.open("rb") as handle:
            handle.read(0)
    except OSError:
        return False  # unreadable: not a configuration (its folder may still be the root)
    document, problem = read_toml(pyproject)
    if problem is not None:
        return True  # the configuration, maybe: reading it reports the error
    tool = document.get("tool", {})
    return isinstance(tool, dict) and "chatlint" in tool


def read_toml(path: Path) -> tuple[dict, str | None]:
    """The TOML document in `path`, or an empty one and what is wrong with it, in words: any file, however odd
    (not UTF-8, nested past the reader's stack, unreadable), gives an answer and never an exception."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle), None
    except OSError as error:
        return {}, f"cannot read: {error.strerror or error}"
    except tomllib.TOMLDecodeError as error:
        return {}, f"invalid TOML: {error}"
    except UnicodeDecodeError as error:
        return (
            {},
            f"invalid TOML: not UTF-8 (byte {error.object[error.start : error.start + 1]!r} at offset {error.start})",
        )
    except (RecursionError, MemoryError):
        return {}, "invalid TOML: nested too deeply to read"
