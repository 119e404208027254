"""A class that loads the checkpoint its constructor is given, defaulting to one whose template writes no BOS: the
default is what runs when every construction of the class the run checks leaves it (CL002 stays quiet), and a
suggestion when one passes a checkpoint, or when the run sees no construction (any model may run: CL002 reports)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
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


@pytest.mark.parametrize("scripts", [(KEEPS, PASSES), ()], ids=["one passes a checkpoint", "none in the run"])
def test_otherwise_the_default_is_a_suggestion(tmp_path: Path, scripts: tuple[str, ...]) -> None:
    assert _reported(_project(tmp_path, *scripts))


def test_a_run_of_the_model_module_alone_does_not_see_its_constructions(tmp_path: Path) -> None:
    assert _reported(_project(tmp_path, KEEPS), "prune/model.py")
