"""The files of a project that say something about dependency versions."""

from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=1024)
def nearest_project(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` whose files say something about dependency versions (a project's
    `pyproject.toml`, an unpacked release's `*.dist-info/METADATA`), or None. A package's own folder (with an
    `__init__.py`) is not one: its `setup.py` is a module (`training/setup.py`), not the project's."""
    for candidate in (folder, *folder.parents):
        if not (candidate / "__init__.py").is_file() and dependency_files(candidate):
            return candidate
    return None
