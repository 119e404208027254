"""A script that holds its model to an allowlist of one family (`if cfg["model"] not in SUPPORTED_MODELS: raise`)
runs that family: the modules it imports are judged with it (CL002). The rollout project of `rules/` is the
buggy twin; here its `train.py` gets the guard."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import run_cli
from rule_examples import ROOT

PROJECT = ROOT / "CL002" / "project_rollout_sampler"
GUARD = """    if cfg["model"] not in SUPPORTED_MODELS:
        raise ValueError(f"unsupported model {cfg['model']!r}")
"""


def _findings(project: Path) -> set[tuple[str, int, str]]:
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "json", ".", cwd=project)
    assert outcome.exit_code == 0, outcome.stderr
    return {(item["path"], item["line"], item["code"]) for item in json.loads(outcome.output)}


def _guarded(tmp_path: Path, models: str) -> Path:
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project, ignore=shutil.ignore_patterns(".chatlint_cache"))
    train = project / "train.py"
    text = train.read_text()
    text = text.replace("\n\ndef main(", f"\n\nSUPPORTED_MODELS = {models}\n\n\ndef main(", 1)
    text = text.replace("        cfg = yaml.safe_load(handle)\n", "        cfg = yaml.safe_load(handle)\n" + GUARD, 1)
    assert GUARD in text and "SUPPORTED_MODELS =" in text
    train.write_text(text)
    return project


def test_the_unguarded_project_is_flagged(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project, ignore=shutil.ignore_patterns(".chatlint_cache"))
    assert ("rollout/trainer.py", 13, "CL002") in _findings(project)


def test_an_allowlist_of_one_family_without_a_bos_settles_it(tmp_path: Path) -> None:
    project = _guarded(tmp_path, '("Qwen/Qwen2.5-1.5B-Instruct", "Qwen/Qwen2.5-7B-Instruct")')
    assert not _findings(project)


def test_an_allowlist_with_a_family_that_writes_a_bos_does_not(tmp_path: Path) -> None:
    project = _guarded(tmp_path, '("Qwen/Qwen2.5-7B-Instruct", "meta-llama/Llama-3.1-8B-Instruct")')
    assert ("rollout/trainer.py", 13, "CL002") in _findings(project)
