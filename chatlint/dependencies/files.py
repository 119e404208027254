"""The files of a project that say something about dependency versions."""

from __future__ import annotations

import functools
import os
from pathlib import Path

LOCK_FILES = ("uv.lock", "poetry.lock", "pdm.lock")


def dependency_files(root: Path) -> list[Path]:
    """The files of `root` that say something about dependency versions, in a fixed order."""
    names = ["pyproject.toml", "setup.cfg", "setup.py", *LOCK_FILES]
    found = [root / name for name in names if (root / name).is_file()]
    found.extend(sorted(path for path in root.glob("requirements*.txt") if path.is_file()))
    requirements_folder = root / "requirements"
    if requirements_folder.is_dir():
        found.extend(sorted(path for path in requirements_folder.glob("*.txt") if path.is_file()))
    # an unpacked release: its core metadata (a wheel's `*.dist-info/METADATA`, an sdist's `PKG-INFO`)
    found.extend(sorted(path for path in root.glob("*.dist-info/METADATA") if path.is_file()))
    if (root / "PKG-INFO").is_file():
        found.append(root / "PKG-INFO")
    return found


@functools.lru_cache(maxsize=4096)
def nearest_project(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` whose files say something about dependency versions (a project's
    `pyproject.toml`, an unpacked release's `*.dist-info/METADATA`), or None. A package's own folder (with an
    `__init__.py`) is not one: its `setup.py` is a module (`training/setup.py`), not the project's. (Each folder is
    listed once, its answer shared by the folders below it.)"""
    try:
        names = set(os.listdir(folder))
    except OSError:
        names = set()
    if "__init__.py" not in names and _declares(names) and dependency_files(folder):
        return folder
    return None if folder.parent == folder else nearest_project(folder.parent)


_DECLARING = frozenset({"pyproject.toml", "setup.cfg", "setup.py", "PKG-INFO", "requirements", *LOCK_FILES})


def _declares(names: set[str]) -> bool:
    """Could a folder with these entries hold dependency files (before `dependency_files` looks closer)?"""
    return bool(names & _DECLARING) or any(
        name.endswith(".dist-info") or (name.startswith("requirements") and name.endswith(".txt")) for name in names
    )
