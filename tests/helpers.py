"""Shared test helpers: run the CLI in-process and build throwaway projects."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from chatlint.cli import cli

BUGGY_COLLATOR = textwrap.dedent(
    """\
    class ChatCollator:
        def __init__(self, tokenizer):
            self.tokenizer = tokenizer

        def __call__(self, examples):
            texts = [
                self.tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True)
                for example in examples
            ]
            batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
            batch["labels"] = batch["input_ids"].clone()
            return batch
    """
)

CLEAN_MODULE = textwrap.dedent(
    """\
    def prompt_only(tokenizer, example):
        return tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    """
)


@dataclass
class Outcome:
    exit_code: int
    output: str
    stderr: str

    def json(self) -> list[dict]:
        return json.loads(self.output)


def run_cli(*args: str, input: bytes | str | None = None, cwd: Path | None = None) -> Outcome:
    runner = CliRunner()
    if cwd is not None:
        import os

        old = os.getcwd()
        os.chdir(cwd)
        try:
            result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
        finally:
            os.chdir(old)
    else:
        result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# BUGGY_COLLATOR with the flag set through a default: CL001's fix is unsafe until the runtime check confirms it.
DEFAULT_COLLATOR = """\
class DefaultCollator:
    def __init__(self, tokenizer, add_generation_prompt=True):
        self.tokenizer = tokenizer
        self.add_generation_prompt = add_generation_prompt

    def __call__(self, examples):
        input_ids, labels = [], []
        for example in examples:
            text = self.tokenizer.apply_chat_template(
                example["messages"], tokenize=False, add_generation_prompt=self.add_generation_prompt
            )
            ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
            input_ids.append(ids)
            labels.append(list(ids))
        return {"input_ids": input_ids, "labels": labels}
"""


# A collator that renders through an imported wrapper (`chat_utils.render_chat`) with the generation prompt on full
# conversations that become labels (CL001 at line 5, through the wrapper), and that wrapper.
WRAPPED_COLLATOR = """\
from chat_utils import render_chat


def collate(batch, tokenizer):
    texts = [render_chat(tokenizer, row["messages"], add_generation_prompt=True) for row in batch]
    encoded = tokenizer(texts, add_special_tokens=False, padding=True)
    encoded["labels"] = encoded["input_ids"]
    return encoded
"""
CHAT_UTILS_WRAPPER = """\
def render_chat(tokenizer, messages, add_generation_prompt=False):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)
"""
