"""The pre-commit hooks, run through real pre-commit against throwaway git repositories (marked `slow`: pre-commit
builds an environment for the `language: python` hook; `pytest -m "not slow"` leaves these tests out)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from helpers import BUGGY_COLLATOR

REPO = Path(__file__).resolve().parent.parent
HOOKS = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _pre_commit(
    cwd: Path, home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or "pre-commit"
    env = {**(env or os.environ), "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _new_project(path: Path) -> Path:
    path.mkdir()
    _git(path, "init", "-q")
    _git(path, "config", "user.email", "test@example.com")
    _git(path, "config", "user.name", "test")
    return path


@pytest.mark.slow
def test_hook_fails_on_the_bug_and_passes_after_the_fix(tmp_path: Path) -> None:
    project = _new_project(tmp_path / "project")
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
        [sys.executable, "-m", "chatlint", "--fix", "collator.py"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(REPO)},  # this checkout's chatlint
        capture_output=True,
        text=True,
    )
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    _git(project, "add", ".")

    passing = _pre_commit(project, home, "try-repo", str(REPO), "chatlint", "--all-files")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


# A collator as training code writes it: torch tensors out. GENERATION_PROMPT = True is the founding bug (the finished
# conversation rendered with the generation prompt, so a stray assistant header is trained).
TORCH_COLLATOR = textwrap.dedent(
    """\
    import torch

    GENERATION_PROMPT = False


    class ChatCollator:
        def __init__(self, tokenizer):
            self.tokenizer = tokenizer

        def __call__(self, examples):
            rows, labels = [], []
            for example in examples:
                messages = example["messages"]
                prompt = self.tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
                full = self.tokenizer.apply_chat_template(
                    messages, tokenize=False, add_generation_prompt=GENERATION_PROMPT
                )
                prompt_ids = self.tokenizer(prompt, add_special_tokens=False)["input_ids"]
                ids = self.tokenizer(full, add_special_tokens=False)["input_ids"]
                rows.append(ids)
                labels.append([-100] * len(prompt_ids) + ids[len(prompt_ids):])
            width = max(len(row) for row in rows)
            pad = self.tokenizer.pad_token_id
            return {
                "input_ids": torch.tensor([row + [pad] * (width - len(row)) for row in rows]),
                "attention_mask": torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in rows]),
                "labels": torch.tensor([row + [-100] * (width - len(row)) for row in labels]),
            }
    """
)


def test_the_system_labels_hook_runs_in_the_projects_environment() -> None:
    hook = HOOKS["chatlint-labels-system"]
    assert (hook["language"], hook["entry"], hook["pass_filenames"]) == ("system", "chatlint labels", False)
    assert "additional_dependencies" not in hook  # the project's environment has what its collator imports


@pytest.mark.slow
def test_labels_system_hook_checks_a_collator_that_imports_torch(tmp_path: Path) -> None:
    """`chatlint-labels-system` through real pre-commit, in a project whose collator imports torch: the hook runs the
    `chatlint` of the environment pre-commit is run from (here the test environment, which has torch), so it
    passes on the right collator and fails on the founding bug; the isolated `chatlint-labels` hook has no torch."""
    pytest.importorskip("torch", reason="torch is not installed")
    pytest.importorskip("transformers", reason="the runtime extra is not installed")
    sys.path.insert(0, str(Path(__file__).parent / "labels"))
    try:
        from tokenizer_factory import FAMILIES, build_tokenizer
    finally:
        sys.path.pop(0)

    project = _new_project(tmp_path / "project")
    build_tokenizer(FAMILIES["chatml"], project / "tokenizer")
    collator = project / "collator.py"
    collator.write_text(TORCH_COLLATOR, encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.chatlint.labels]\ntarget = "collator.py:ChatCollator"\ntokenizer = "tokenizer"\n', encoding="utf-8"
    )
    _git(project, "add", ".")
    # The project's environment: `chatlint` on PATH, this checkout's, run by the test's Python (which has torch).
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "chatlint"
    launcher.write_text(f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" -m chatlint "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    home = tmp_path / "pre-commit-home"
    hook_run = ("try-repo", str(REPO), "chatlint-labels-system", "--all-files", "--verbose")

    passing = _pre_commit(project, home, *hook_run, env=env)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "chatlint labels (project environment)" in passing.stdout and "Passed" in passing.stdout
    assert "labels match the chat template" in passing.stdout  # the hook's own output (--verbose)
    assert "ModuleNotFoundError" not in passing.stdout

    buggy = TORCH_COLLATOR.replace("GENERATION_PROMPT = False", "GENERATION_PROMPT = True")
    collator.write_text(buggy, encoding="utf-8")
    _git(project, "add", ".")
    failing = _pre_commit(project, home, *hook_run, env=env)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout and "stray-generation-prompt" in failing.stdout
