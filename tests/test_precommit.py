"""The pre-commit hook, run through real pre-commit against a throwaway git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import BUGGY_COLLATOR

REPO = Path(__file__).resolve().parent.parent


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or "pre-commit"
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_hook_fails_on_the_bug_and_passes_after_the_fix(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    _git(project, "init", "-q")
    _git(project, "config", "user.email", "test@example.com")
    _git(project, "config", "user.name", "test")
    collator = project / "collator.py"
    collator.write_text(BUGGY_COLLATOR)
    (project / "notes.txt").write_text("add_generation_prompt=True apply_chat_template\n")
    _git(project, "add", ".")
    home = tmp_path / "pre-commit-home"

    failing = _pre_commit(project, home, "try-repo", str(REPO), "chatlint", "--all-files")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "collator.py:7:" in failing.stdout and "CL001" in failing.stdout
    assert "notes.txt" not in failing.stdout

    fixed = subprocess.run(
        [sys.executable, "-m", "chatlint", "--fix", "collator.py"], cwd=project, capture_output=True, text=True
    )
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    _git(project, "add", ".")

    passing = _pre_commit(project, home, "try-repo", str(REPO), "chatlint", "--all-files")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
