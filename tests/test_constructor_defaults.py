"""A class that loads the checkpoint its constructor is given, defaulting to one whose template writes no BOS: the
default is what runs (CL002 stays quiet) unless a construction of the class the run checks passes a checkpoint
(any model may run there: CL002 reports)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli

MODEL = """
from transformers import AutoProcessor

MODEL_NAME = "llava-hf/llava-1.5-7b-hf"


class PrunedLlava:
    def __init__(self, keep_k, model_name=MODEL_NAME):
        self.keep_k = keep_k
        self.processor = AutoProcessor.from_pretrained(model_name)

    def inputs(self, messages, images):
        prompt = self.processor.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        return self.processor(text=[prompt], images=images, return_tensors="pt")
"""

KEEPS = """
from .model import PrunedLlava


def sweep(messages, images):
    return [PrunedLlava(keep_k).inputs(messages, images) for keep_k in (64, 144)]
"""

PASSES = """
from .model import PrunedLlava


def evaluate(messages, images, checkpoint):
    return PrunedLlava(576, checkpoint).inputs(messages, images)
"""


def _project(root: Path, *scripts: str) -> Path:
    (root / "pyproject.toml").write_text('[project]\nname = "prune"\ndependencies = ["transformers>=4.46"]\n')
    package = root / "prune"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "model.py").write_text(MODEL)
    for number, script in enumerate(scripts):
        (package / f"script_{number}.py").write_text(script)
    return root


def _reported(root: Path, *paths: str) -> bool:
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "json", *(paths or (".",)), cwd=root)
    assert outcome.exit_code == 0, outcome.stderr
    return ("prune/model.py", "CL002") in [(item["path"], item["code"]) for item in json.loads(outcome.output)]


def test_every_construction_keeps_the_default(tmp_path: Path) -> None:
    assert not _reported(_project(tmp_path, KEEPS, KEEPS))


def test_no_construction_in_the_run_keeps_the_default(tmp_path: Path) -> None:
    assert not _reported(_project(tmp_path))


def test_a_construction_that_passes_a_checkpoint_makes_the_model_unknown(tmp_path: Path) -> None:
    assert _reported(_project(tmp_path, KEEPS, PASSES))


def test_a_run_of_the_model_module_alone_does_not_see_the_constructions_that_pass_one(tmp_path: Path) -> None:
    root = _project(tmp_path, PASSES)
    assert _reported(root)
    assert not _reported(root, "prune/model.py")
