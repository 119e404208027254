"""Versions: one number in pyproject.toml and chatlint/__init__.py, and `chatlint --version` prints the installed
package's metadata."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import chatlint
from chatlint.cli import cli

REPO = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?")


def test_the_source_version_is_the_package_version_and_semver() -> None:
    assert chatlint.__version__ == PROJECT["version"]
    assert SEMVER.fullmatch(PROJECT["version"])
    assert chatlint.DISTRIBUTION == PROJECT["name"]


def test_the_changelog_has_a_section_for_the_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    assert re.search(rf"^## \[{re.escape(PROJECT['version'])}\]", changelog, re.MULTILINE), PROJECT["version"]


def test_version_prints_the_installed_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def version(name: str) -> str:
        asked.append(name)
        return "9.8.7"

    monkeypatch.setattr(importlib.metadata, "version", version)
    result = CliRunner().invoke(cli, ["--version"])
    assert (result.exit_code, result.output) == (0, "chatlint, version 9.8.7\n")
    assert asked == ["chat-template-lint"]


def test_version_without_an_installed_package_is_the_source_version(monkeypatch: pytest.MonkeyPatch) -> None:
    def version(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", version)
    result = CliRunner().invoke(cli, ["--version"])
    assert (result.exit_code, result.output) == (0, f"chatlint, version {chatlint.__version__}\n")


@pytest.mark.slow
def test_an_installed_checkout_is_chat_template_lint_with_its_version(tmp_path: Path) -> None:
    """pip installs this checkout under the name chat-template-lint, with the `chatlint` command, whose --version
    is the package's. No network: a fresh virtual environment that sees the test environment's packages (its
    dependencies and setuptools) through a .pth file, the checkout installed without dependencies or build isolation."""
    pytest.importorskip("setuptools", reason="the build backend is not installed")
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=False)
    python = environment / "bin" / "python"
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # the test environment's own site-packages, as a plain path (its .pth files, an editable chatlint among them,
    # are not run)
    test_packages = [path for path in sys.path if path.endswith("site-packages")]
    Path(site_packages, "test-environment.pth").write_text("\n".join(test_packages) + "\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         "--no-build-isolation", "--no-index", f"{PROJECT['name']} @ {REPO.as_uri()}"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout + install.stderr
    command = environment / "bin" / "chatlint"
    shown = subprocess.run([str(command), "--version"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert (shown.returncode, shown.stdout) == (0, f"chatlint, version {PROJECT['version']}\n"), shown.stderr
    metadata = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m, chatlint; "
         "print(m.version('chat-template-lint'), m.distribution('chat-template-lint').entry_points['chatlint'].value, "
         "chatlint.__file__)"],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )  # fmt: skip
    version, entry_point, module = metadata.stdout.split()
    assert (version, entry_point) == (PROJECT["version"], "chatlint.cli:main"), metadata.stderr
    assert Path(module).is_relative_to(environment)  # the installed copy, not a checkout on the path
