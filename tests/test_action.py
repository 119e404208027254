"""The GitHub Action (`action.yml`): its shell steps run as GitHub would run them, in a stand-in workspace.

GitHub runs each composite step with `bash --noprofile --norc -eo pipefail`, after replacing the `${{ }}`
expressions; the test does the same with a small evaluator for the few expressions the action uses (and fails on
any other, so a new expression cannot go untested). The one thing it does not run is `pip install` itself (there
is no network at test time): it checks that the step installs this very checkout, then puts the chatlint of the
test environment where that step would have put it. Those stand-ins log every call, so a test can tell how many
times chatlint ran.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from helpers import BUGGY_COLLATOR, CLEAN_MODULE, write

REPO = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Runner:
    """Runs the action's steps the way a GitHub runner does, in a temporary workspace."""

    def __init__(self, tmp_path: Path, inputs: dict[str, str]) -> None:
        self.workspace = tmp_path / "workspace"
        self.workspace.mkdir()
        self.temp = tmp_path / "runner-temp"
        self.temp.mkdir()
        defaults = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
        unknown = set(inputs) - set(defaults)
        assert not unknown, f"the action has no inputs {unknown}"
        self.inputs = {**defaults, **inputs}
        self.outcomes: dict[str, str] = {}
        self.calls = tmp_path / "calls.log"
        self.env = {
            **os.environ,
            "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_ACTION_PATH": str(REPO),
            "RUNNER_TEMP": str(self.temp),
            "NO_COLOR": "1",
        }

    def value(self, expression: str) -> str:
        contexts = {"github.action_path": str(REPO), "github.workspace": str(self.workspace)}
        if expression in contexts:
            return contexts[expression]
        if expression.startswith("inputs."):
            return self.inputs[expression.removeprefix("inputs.")]
        raise AssertionError(f"the test does not know the expression `{expression}`")

    def substitute(self, text: str) -> str:
        return _EXPRESSION.sub(lambda match: self.value(match.group(1)), text)

    def condition(self, text: str | None) -> bool:
        if text is None:
            return all(outcome == "success" for outcome in self.outcomes.values())
        result = True
        for term in (part.strip() for part in text.split("&&")):
            if term == "always()":
                continue
            if match := re.fullmatch(r"inputs\.([\w-]+) != ''", term):
                result = result and self.inputs[match.group(1)] != ""
            elif match := re.fullmatch(r"steps\.([\w-]+)\.outcome == 'success'", term):
                result = result and self.outcomes.get(match.group(1)) == "success"
            else:
                raise AssertionError(f"the test does not know the condition `{term}`")
        return result

    def run(self) -> dict[str, subprocess.CompletedProcess[str] | None]:
        results: dict[str, subprocess.CompletedProcess[str] | None] = {}
        for index, step in enumerate(ACTION["runs"]["steps"]):
            name = step.get("id", f"step{index}")
            if not self.condition(step.get("if")):
                results[step["name"]] = None
                continue
            assert step["shell"] == "bash"
            script = self.substitute(step["run"])
            if step.get("id") == "install":
                completed = self.install(script)
            else:
                env = {**self.env, **{key: self.substitute(value) for key, value in step.get("env", {}).items()}}
                cwd = self.substitute(step.get("working-directory", str(self.workspace)))
                completed = subprocess.run(
                    ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                    cwd=cwd,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=120,
                )
            self.outcomes[name] = "success" if completed.returncode == 0 else "failure"
            results[step["name"]] = completed
        return results

    def install(self, script: str) -> subprocess.CompletedProcess[str]:
        # the step installs this checkout into a virtual environment under RUNNER_TEMP ...
        assert f'-m pip install --quiet --disable-pip-version-check "{REPO}"' in script
        assert 'name = "chat-template-lint"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
        venv_bin = self.temp / "chatlint-venv" / "bin"
        assert 'python3 -m venv "$RUNNER_TEMP/chatlint-venv"' in script
        # ... which is where the test puts the chatlint under test, and the venv's python beside it. Each logs its
        # arguments to `calls`. PYTHONPATH: this checkout's chatlint, even where the environment's editable install
        # points elsewhere.
        venv_bin.mkdir(parents=True)
        for name, command in (("chatlint", f'"{sys.executable}" -m chatlint'), ("python", f'"{sys.executable}"')):
            launcher = venv_bin / name
            launcher.write_text(
                f'#!/bin/sh\necho "{name} $*" >> "{self.calls}"\nPYTHONPATH="{REPO}" exec {command} "$@"\n',
                encoding="utf-8",
            )
            launcher.chmod(0o755)
        return subprocess.CompletedProcess(script, 0, "", "")

    def chatlint_runs(self) -> list[str]:
        """The calls that ran chatlint itself: its command, or the venv's python with `-m chatlint`."""
        calls = self.calls.read_text(encoding="utf-8").splitlines() if self.calls.exists() else []
        return [call for call in calls if call.startswith("chatlint ") or "-m chatlint" in call]


def test_the_action_is_a_composite_action_with_the_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"args", "paths", "sarif-file"}
    assert all(not spec.get("required", False) for spec in ACTION["inputs"].values())


def test_findings_become_annotations_and_fail_the_check(tmp_path: Path) -> None:
    runner = Runner(tmp_path, {"paths": "src"})
    write(runner.workspace / "src" / "collator.py", BUGGY_COLLATOR)
    write(runner.workspace / "src" / "ok.py", CLEAN_MODULE)
    results = runner.run()
    check = results["Check"]
    assert check is not None and check.returncode == 1, check
    [annotation] = check.stdout.splitlines()
    assert annotation.startswith("::error file=src/collator.py,line=7,col=")
    assert ",title=CL001::" in annotation
    assert "Found 1 problem" in check.stderr  # the summary is in the log, apart from the annotations
    [run] = runner.chatlint_runs()
    assert "--output-format sarif" in run
    # no sarif-file: the report was a temporary file, and nothing was written into the workspace
    assert (runner.temp / "chatlint.sarif").is_file()
    assert sorted(str(path.relative_to(runner.workspace)) for path in runner.workspace.rglob("*")) == [
        "src",
        "src/collator.py",
        "src/ok.py",
    ]


def test_sarif_is_written_even_when_the_check_fails(tmp_path: Path) -> None:
    runner = Runner(tmp_path, {"paths": "src notebooks", "sarif-file": "reports/chatlint.sarif"})
    write(runner.workspace / "src" / "collator.py", BUGGY_COLLATOR)
    (runner.workspace / "notebooks").mkdir()
    results = runner.run()
    check = results["Check"]
    assert check is not None and check.returncode == 1
    assert check.stdout.startswith("::error file=src/collator.py,line=7,")
    # one run made both the annotations and the report (the folder `reports/` did not exist before)
    assert len(runner.chatlint_runs()) == 1, runner.chatlint_runs()
    log = json.loads((runner.workspace / "reports" / "chatlint.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    [result] = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "src/collator.py", "uriBaseId": "%SRCROOT%"}


def test_the_annotations_are_what_the_github_format_prints(tmp_path: Path) -> None:
    """The annotations made from the SARIF report are, line for line, those of `--output-format github`: a finding
    in a `.py` file, one in a notebook cell, a file that could not be checked, an odd file name; and a finding
    silenced by `# noqa` is no annotation."""
    runner = Runner(tmp_path, {"paths": "src nb.ipynb", "sarif-file": "chatlint.sarif"})
    write(runner.workspace / "src" / "collator.py", BUGGY_COLLATOR)
    write(runner.workspace / "src" / "odd, name: 100%.py", BUGGY_COLLATOR)
    silenced = BUGGY_COLLATOR.replace("add_generation_prompt=True)", "add_generation_prompt=True)  # noqa: CL001")
    write(runner.workspace / "src" / "silenced.py", silenced)
    write(runner.workspace / "src" / "broken.py", "tokenizer.apply_chat_template(messages\n")
    cell = BUGGY_COLLATOR.splitlines(keepends=True)
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": cell}],
        "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    write(runner.workspace / "nb.ipynb", json.dumps(notebook, indent=1) + "\n")
    check = runner.run()["Check"]
    assert check is not None and check.returncode == 2, check  # broken.py could not be checked

    github = subprocess.run(
        [sys.executable, "-m", "chatlint", "check", "--output-format", "github", "src", "nb.ipynb"],
        cwd=runner.workspace,
        env={**runner.env, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert github.returncode == 2, github
    expected = github.stdout.splitlines()
    assert sorted(check.stdout.splitlines()) == sorted(expected)
    assert len(expected) == 4, expected  # collator.py, the odd name, the notebook cell, broken.py
    assert any(line.startswith("::error file=nb.ipynb,title=CL001::cell 1, line 7, column ") for line in expected)
    assert any("file=src/odd%2C name%3A 100%25.py,line=7," in line for line in expected)
    assert not any("silenced.py" in line for line in expected)
    assert len(runner.chatlint_runs()) == 1


def test_args_reach_chatlint_as_separate_options(tmp_path: Path) -> None:
    runner = Runner(tmp_path, {"args": "--select CL100 --exit-zero"})
    write(runner.workspace / "collator.py", BUGGY_COLLATOR)
    check = runner.run()["Check"]
    assert check is not None and (check.returncode, check.stdout) == (0, "")


@pytest.mark.parametrize("hostile", ["$(touch pwned)", "`touch pwned`", "; touch pwned", "*"])
def test_inputs_are_not_evaluated_by_the_shell(tmp_path: Path, hostile: str) -> None:
    runner = Runner(tmp_path, {"paths": hostile})
    write(runner.workspace / "ok.py", CLEAN_MODULE)
    check = runner.run()["Check"]
    assert check is not None and check.returncode == 2  # a path that does not exist, not a command
    assert not (runner.workspace / "pwned").exists()
