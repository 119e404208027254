"""The resolver behind `chatlint.dependencies.DependencyVersions` (imported on the first question: it needs `packaging`)."""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from chatlint.dependencies.files import dependency_files
from chatlint.dependencies.sources import Declaration, SourceKind, own_release, read_declarations

SETTING_PATH = "[tool.chatlint] target-versions"


class VersionKind(enum.Enum):
    EXACT = "exact"
    RANGE = "range"
    UNKNOWN = "unknown"


class Resolution(NamedTuple):
    """What is known of one library's version: the declarations of the strongest source that names it."""

    library: str
    kind: VersionKind
    declarations: tuple[Declaration, ...] = ()

    @property
    def versions(self) -> tuple[Version, ...]:
        """The exact versions (one, or several from one lock file); () unless `kind` is EXACT."""
        if self.kind is not VersionKind.EXACT:
            return ()
        return tuple(version for version in (item.exact for item in self.declarations) if version is not None)

    def exact_in(self, specifier: SpecifierSet) -> tuple[Declaration, ...]:
        """The exact declarations whose version `specifier` contains (pre-releases included)."""
        if self.kind is not VersionKind.EXACT:
            return ()
        return tuple(
            item
            for item in self.declarations
            if item.exact is not None and specifier.contains(item.exact, prereleases=True)
        )

    def allowing(self, accept: Callable[[Version], bool]) -> Declaration | None:
        """The first declaration that allows a version `accept` takes, or None (also when nothing is known).

        Exact declarations allow their version; a range allows a version when one of the probes (its own bounds and
        the versions just above them, and `accept`'s own probes) is in it."""
        for item in self.declarations:
            if item.exact is not None:
                if accept(item.exact):
                    return item
            elif any(
                accept(version) and item.specifier.contains(version, prereleases=True) for version in probes(item)
            ):
                return item
        return None

    def allowing_below(self, release: str) -> Declaration | None:
        """The first declaration that allows a version before `release` (`"0.17.0"`): a project that may run a
        release without a fix; None when none does or nothing is known."""
        first = Version(release)
        return self.allowing(lambda version: version < first)

    def allowing_from(self, release: str) -> Declaration | None:
        """The first declaration that allows `release` (`"0.21"`) or a later version: a project that may run a
        release with the change; None when none does or nothing is known. (`release` itself is probed: a range
        such as `>=0.18,<0.30` allows it though none of its own probes is at or above it and inside it.)"""
        first = Version(release)
        for item in self.declarations:
            if item.exact is not None:
                if item.exact >= first:
                    return item
            elif any(
                version >= first and item.specifier.contains(version, prereleases=True)
                for version in (first, *probes(item))
            ):
                return item
        return None

    def keeps_below(self, release: str) -> bool:
        """Does the project name versions of the library, all before `release`?"""
        return self.kind is not VersionKind.UNKNOWN and self.allowing_from(release) is None

    def keeps_from(self, release: str) -> bool:
        """Does the project name versions of the library, none before `release`?"""
        return self.kind is not VersionKind.UNKNOWN and self.allowing_below(release) is None

    def describe(self) -> str:
        """`trl 0.12.2 (from uv.lock line 40)`, `transformers>=4.40 (pyproject.toml line 9)`, or `unknown`."""
        if self.kind is VersionKind.UNKNOWN:
            return f"{self.library}: version unknown"
        first = self.declarations[0]
        if self.kind is VersionKind.EXACT:
            versions = ", ".join(str(version) for version in self.versions)
            return f"{self.library} {versions} (from {first.where})"
        return f"{first.text or self.library + str(first.specifier)} ({first.where})"


def probes(item: Declaration) -> list[Version]:
    """Versions worth testing against a range: each bound, and the next micro, minor and major release after it."""
    found = [Version("0"), Version("5"), Version("9999")]
    for spec in item.specifier:
        try:
            bound = Version(spec.version.removesuffix(".*"))
        except InvalidVersion:
            continue
        release = list(bound.release) + [0] * (3 - len(bound.release))
        major, minor, micro = release[:3]
        found.extend(
            [bound, Version(f"{major}.{minor}.{micro + 1}"), Version(f"{major}.{minor + 1}"), Version(f"{major + 1}")]
        )
    return found


def target_declaration(library: str, value: object) -> Declaration:
    """One `target-versions` entry: a version (`"5.2"`, exact) or a specifier (`"<5"`); ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError(f"`{library}` must be a version or a version specifier string, got {value!r}")
    text = value.strip()
    try:
        version = Version(text)
        specifier = SpecifierSet(f"=={version}")
    except InvalidVersion:
        try:
            specifier = SpecifierSet(text)
        except InvalidSpecifier:
            raise ValueError(
                f"`{library} = {value!r}` is neither a version (`5.2`) nor a PEP 440 specifier (`>=4.40,<5`)"
            ) from None
        if not text:
            raise ValueError(f"`{library}` is empty") from None
    return Declaration(
        canonicalize_name(library), specifier, SourceKind.SETTING, SETTING_PATH, None, f"{library}{specifier}"
    )


class Resolver:
    """The answers for one project root; `root=None` knows nothing but its settings."""

    def __init__(
        self, root: Path | None, targets: Mapping[str, str] | None = None, use_installed: bool = False
    ) -> None:
        self.root = root
        self.targets: dict[str, Declaration] = {
            canonicalize_name(name): target_declaration(name, value) for name, value in (targets or {}).items()
        }
        self.use_installed = use_installed
        self._declarations: dict[str, list[Declaration]] | None = None
        self._answers: dict[str, Resolution] = {}

    def resolve(self, library: str) -> Resolution:
        name = canonicalize_name(library)
        if name not in self._answers:
            self._answers[name] = self._resolve(name)
        return self._answers[name]

    def _resolve(self, name: str) -> Resolution:
        if name in self.targets:
            target = self.targets[name]
            exact = target.exact is not None
            return Resolution(name, VersionKind.EXACT if exact else VersionKind.RANGE, (target,))
        installed = self._installed(name) if self.use_installed else None
        if installed is not None:
            return Resolution(name, VersionKind.EXACT, (installed,))
        found = self._project_declarations().get(name, [])
        for source in (SourceKind.LOCK, SourceKind.PIN):
            pins = tuple(item for item in found if item.kind is source and item.exact is not None)
            if pins:
                return Resolution(name, VersionKind.EXACT, pins)
        declared = tuple(item for item in found if item.kind is SourceKind.DECLARED)
        return Resolution(name, VersionKind.RANGE if declared else VersionKind.UNKNOWN, declared)

    def declared(self, library: str) -> Resolution:
        """The version ranges the project's requirement files declare for `library`, whatever pins or lock files say
        (what an install of the project itself may get; a bare name, `transformers`, is no range); UNKNOWN when none
        does."""
        name = canonicalize_name(library)
        found = self._project_declarations().get(name, [])
        declared = tuple(item for item in found if item.kind is SourceKind.DECLARED and len(item.specifier) > 0)
        return Resolution(name, VersionKind.RANGE if declared else VersionKind.UNKNOWN, declared)

    @staticmethod
    def _installed(name: str) -> Declaration | None:
        try:
            version = metadata.version(name)  # the distribution's metadata: the library is never imported
        except metadata.PackageNotFoundError:
            return None
        return Declaration(
            name, SpecifierSet(f"=={version}"), SourceKind.INSTALLED, f"the installed {name}", None, f"{name} {version}"
        )

    @functools.cached_property
    def _own_release(self) -> tuple[str, Version] | None:
        found = (own_release(path) for path in dependency_files(self.root)) if self.root is not None else iter(())
        return next((item for item in found if item is not None), None)

    def own_release(self) -> tuple[str, Version] | None:
        """The checked project's own name and version (an unpacked release's metadata, a static `[project]`
        table, a `setup.py`'s): the code of that release of that library is what runs. Read once per resolver."""
        return self._own_release

    def _project_declarations(self) -> dict[str, list[Declaration]]:
        if self._declarations is None:
            self._declarations = {}
            for path in dependency_files(self.root) if self.root is not None else []:
                relative = path.relative_to(self.root).as_posix() if self.root else path.name
                for item in read_declarations(path, relative):
                    self._declarations.setdefault(item.library, []).append(item)
        return self._declarations
