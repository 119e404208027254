"""The dependency versions of every project a run checks: the root's, and, for a file outside the root (another
project named on the same command line: `chatlint check proj_a proj_b`, unpacked releases side by side), those of
the nearest project above it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from chatlint.dependencies import DependencyVersions
from chatlint.dependencies.files import nearest_project

if TYPE_CHECKING:
    from chatlint.dependencies.resolver import Resolution


class ProjectDependencies:
    """Which `DependencyVersions` judge each checked file; each folder and each project is looked up once (a warm
    run asks for every file)."""

    def __init__(self, root: DependencyVersions) -> None:
        self.root = root
        self._prefix = os.path.join(str(root.root), "") if root.root is not None else None
        self._projects: dict[Path, DependencyVersions] = {}
        self._by_folder: dict[str, DependencyVersions] = {}
        self._salts: dict[Path, str] = {}

    def for_path(self, path: str) -> DependencyVersions:
        """The root's versions; for a file outside the root, those of the nearest project above it (the root's
        when there is none). The settings (`target-versions`, installed versions) are the run's."""
        parent = os.path.dirname(path)
        known = self._by_folder.get(parent)
        if known is not None:
            return known
        absolute = os.path.abspath(parent)
        inside = self._prefix is None or os.path.join(absolute, "").startswith(self._prefix)
        folder = nearest_project(Path(absolute)) if self._prefix is not None or not inside else None
        if folder is None or (inside and folder == self.root.root):
            found = self.root
        elif inside:
            # a project nested in the root's (a workspace member with its own `pyproject.toml`, a release unpacked
            # beside others in the folder checked), or the project above a root that declares nothing (a file named
            # alone): what it declares, and the root's declarations for what it does not name
            found = self._nested(folder)
        else:
            found = self._project(folder)
        self._by_folder[parent] = found
        return found

    def cache_salt(self, path: str, libraries: Iterable[str]) -> str:
        """What a cached result of `path` depends on besides its bytes and the run's settings: the dependency files
        of its own project, for a file outside the root ("" inside it, where the settings hold them)."""
        versions = self.for_path(path)
        if versions is self.root or versions.root is None:
            return ""
        if versions.root not in self._salts:
            asked = set(libraries)
            self._salts[versions.root] = repr(versions.fingerprint(asked)) if asked else ""
        return self._salts[versions.root]

    def _nested(self, folder: Path) -> DependencyVersions:
        if folder not in self._projects:
            self._projects[folder] = NestedDependencyVersions(folder, self.root)
        return self._projects[folder]

    def _project(self, folder: Path) -> DependencyVersions:
        if folder not in self._projects:
            self._projects[folder] = DependencyVersions(folder, self.root.targets, self.root.use_installed)
        return self._projects[folder]


class NestedDependencyVersions(DependencyVersions):
    """The versions of a project nested in the root's: its own declarations, and the root's for a library it does not
    name (a workspace member that leaves `transformers` to the workspace) or names without a version (a vendored
    package that requires `transformers`, in a repository whose own requirements pin it: the environment they are
    installed into together has the root's version)."""

    def __init__(self, folder: Path, outer: DependencyVersions) -> None:
        super().__init__(folder, outer.targets, outer.use_installed)
        self.outer = outer

    def resolve(self, library: str) -> Resolution:
        from chatlint.dependencies.resolver import VersionKind

        own = super().resolve(library)
        if own.kind is VersionKind.UNKNOWN:
            return self.outer.resolve(library)
        if not any(len(item.specifier) for item in own.declarations):
            outer = self.outer.resolve(library)
            return outer if outer.kind is not VersionKind.UNKNOWN else own
        return own
