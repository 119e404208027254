"""The versions of its dependencies a project will run with: one resolver, shared by every rule that needs one.

For each library, `DependencyVersions.resolve` answers an exact version, an allowed range, or unknown, and says where
from. Sources, strongest first; the first that names the library decides:

1. `[tool.chatlint] target-versions = {transformers = "5.2", trl = "0.12.2"}`: a version (exact) or a PEP 440
   specifier (`"<5"`, a range);
2. the installed distribution (its metadata, never an import), only when asked (`use-installed-versions = true`
   or `--installed-versions`): chatlint often runs in an environment of its own (pre-commit, the Action);
3. lock files in the project root: `uv.lock`, `poetry.lock`, `pdm.lock`, `requirements*.txt` written by pip-compile
   or `uv pip compile` (several locked versions of one library, as in a uv fork, are all kept);
4. `==` pins: `requirements*.txt` (and `requirements/*.txt`), `pyproject.toml` (`[project]` dependencies and
   optional dependencies, `[dependency-groups]`, `[tool.uv] dev-dependencies`, Poetry's tables), `setup.cfg`
   (`install_requires`, `extras_require`), the lists of strings `setup.py` passes (read with `ast`; joined with `+`, grown with `+=`, copied);
5. the declared ranges in the same files: a range. A version is allowed when *some* declaration allows it (extras and
   requirement files are alternatives, not one install), and the answer names that declaration.

Each rule decides what it needs: a known-bug rule speaks only on an exact version, CL005 unless the range excludes
transformers 5. Files are read on the first question, once per run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from chatlint.dependencies.files import dependency_files

if TYPE_CHECKING:
    from packaging.version import Version

    from chatlint.dependencies.resolver import Resolution, Resolver


class DependencyVersions:
    """The resolver for one project root (`root=None`: only the settings are known). Light to build: `packaging` and
    the project's files are read on the first question, so a run that asks none pays nothing."""

    def __init__(
        self, root: Path | None, targets: Mapping[str, str] | None = None, use_installed: bool = False
    ) -> None:
        self.root = root
        self.targets = dict(targets or {})
        self.use_installed = use_installed
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            from chatlint.dependencies.resolver import Resolver

            self._resolver = Resolver(self.root, self.targets, self.use_installed)
        return self._resolver

    def resolve(self, library: str) -> Resolution:
        """What is known of `library`'s version (an exact version, a range, or unknown) and where from."""
        return self.resolver.resolve(library)

    def declared(self, library: str) -> Resolution:
        """The ranges the project's requirement files declare for `library`, whatever pins or lock files say."""
        return self.resolver.declared(library)

    def own_release(self) -> tuple[str, Version] | None:
        """The checked project's own name and version, when its files say them (an unpacked release)."""
        return self.resolver.own_release()

    def fingerprint(self, libraries: Iterable[str]) -> tuple[object, ...]:
        """What the answers about `libraries` depend on, cheaply, for the result cache: the settings, the bytes of
        the dependency files, and the installed versions when those count. Reads no `packaging`."""
        digest = hashlib.blake2b(digest_size=16)
        for path in dependency_files(self.root) if self.root is not None else []:
            digest.update(path.name.encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                pass
        installed = []
        if self.use_installed:
            from importlib import metadata  # here: importing it costs a tenth of a second at every start

            for library in sorted(set(libraries)):
                try:
                    installed.append(f"{library}={metadata.version(library)}")
                except metadata.PackageNotFoundError:
                    installed.append(f"{library}=")
        return (sorted(self.targets.items()), self.use_installed, digest.hexdigest(), installed)


def check_target_versions(value: object) -> str | None:
    """What is wrong with a `target-versions` setting (a table of library = version or specifier), or None."""
    if not isinstance(value, dict):
        return f'`target-versions` must be a table of library = "version", got {value!r}'
    from chatlint.dependencies.resolver import target_declaration

    for library, version in value.items():
        try:
            target_declaration(library, version)
        except ValueError as error:
            return f"`target-versions`: {error}"
    return None


NO_DEPENDENCIES = DependencyVersions(None)

__all__ = ["NO_DEPENDENCIES", "DependencyVersions", "check_target_versions"]
