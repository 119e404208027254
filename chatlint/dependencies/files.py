"""The files of a project that say something about dependency versions."""

from __future__ import annotations

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
