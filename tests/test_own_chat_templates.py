"""A project whose own classes define `apply_chat_template`: what a module that imports no tokenizer library calls
it on may be one of them, and their result is theirs (CL005 stays quiet), unless every one only hands the call on
to the transformers tokenizer it wraps (its result is then a `BatchEncoding` under transformers 5) or leaves it to
subclasses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run_cli

BASE = '''
class Tokenizer:
    def apply_chat_template(self, conversation, tokenize=True, add_generation_prompt=True):
        """Render a conversation."""
        raise NotImplementedError("left to each tokenizer")
'''

FORWARDING = """
from transformers import AutoTokenizer

from .base import Tokenizer


class HubTokenizer(Tokenizer):
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)

    def apply_chat_template(self, conversation, tokenize=True, add_generation_prompt=True):
        return self.tokenizer.apply_chat_template(
            conversation, tokenize=tokenize, add_generation_prompt=add_generation_prompt{extra}
        )
"""

OWN = """
from .base import Tokenizer


class WordTokenizer(Tokenizer):
    def __init__(self, vocab):
        self.vocab = vocab

    def apply_chat_template(self, conversation, tokenize=True, add_generation_prompt=True):
        text = " ".join(message["content"] for message in conversation)
        return [self.vocab.get(word, 0) for word in text.split()] if tokenize else text
"""

SERVE = """
import torch


class Server:
    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model

    def generate(self, messages):
        ids = self.tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=True)
        return self.model.generate(torch.tensor(ids).unsqueeze(0))
"""


def _project(root: Path, forwarding: str, own: bool) -> Path:
    (root / "pyproject.toml").write_text('[project]\nname = "srv"\ndependencies = ["transformers>=4.45"]\n')
    package = root / "srv"
    (package / "tokenizer").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "tokenizer" / "__init__.py").write_text("")
    (package / "tokenizer" / "base.py").write_text(BASE)
    (package / "tokenizer" / "hub.py").write_text(forwarding)
    if own:
        (package / "tokenizer" / "words.py").write_text(OWN)
    (package / "serve.py").write_text(SERVE)
    return root


def _codes(root: Path, *paths: str) -> list[tuple[str, str]]:
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "json", *(paths or (".",)), cwd=root)
    assert outcome.exit_code == 0, outcome.stderr
    return [(item["path"], item["code"]) for item in json.loads(outcome.output)]


@pytest.mark.parametrize("paths", [(), ("srv/serve.py",)], ids=["whole project", "one file"])
def test_classes_that_only_hand_the_render_on_return_what_transformers_returns(tmp_path: Path, paths) -> None:
    root = _project(tmp_path, FORWARDING.format(extra=""), own=False)
    assert ("srv/serve.py", "CL005") in _codes(root, *paths)


@pytest.mark.parametrize("paths", [(), ("srv/serve.py",)], ids=["whole project", "one file"])
def test_a_class_that_renders_its_own_way_leaves_the_result_unknown(tmp_path: Path, paths) -> None:
    root = _project(tmp_path, FORWARDING.format(extra=""), own=True)
    assert ("srv/serve.py", "CL005") not in _codes(root, *paths)


def test_a_forwarding_class_that_asks_for_a_list_returns_one(tmp_path: Path) -> None:
    root = _project(tmp_path, FORWARDING.format(extra=", return_dict=False"), own=False)
    assert ("srv/serve.py", "CL005") not in _codes(root)
