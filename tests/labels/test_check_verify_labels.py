"""`chatlint check --verify-labels`: static findings settled by the runtime label check."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from click.testing import CliRunner

from chatlint.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from helpers import BUGGY_COLLATOR, DEFAULT_COLLATOR  # noqa: E402

# Flagged statically (the full conversation rendered with the flag in a collator that builds labels), but the
# collator cuts the generation header off again, so the runtime check has nothing to reproduce.
NOT_REPRODUCED = """\
class TrimmingCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        probe = [{"role": "user", "content": "x"}]
        with_header = tokenizer.apply_chat_template(probe, tokenize=False, add_generation_prompt=True)
        without = tokenizer.apply_chat_template(probe, tokenize=False)
        self.header = with_header[len(without):]

    def __call__(self, examples):
        input_ids, labels = [], []
        for example in examples:
            text = self.tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True)
            text = text.removesuffix(self.header)
            ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
            input_ids.append(ids)
            labels.append(list(ids))
        return {"input_ids": input_ids, "labels": labels}
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def test_confirmed_finding_carries_the_tokens(tmp_path: Path, tokenizer_dirs: dict[str, Path]) -> None:
    path = tmp_path / "collator.py"
    path.write_text(
        BUGGY_COLLATOR.replace('return_tensors="pt"', "return_tensors=None").replace(
            'batch["input_ids"].clone()', '[list(ids) for ids in batch["input_ids"]]'
        )
    )
    code, output = run(
        "check", "--verify-labels", "--tokenizer", str(tokenizer_dirs["llama3"]), "--output-format", "json", str(path)
    )
    assert code == 1
    [finding] = json.loads(output)
    [note] = finding["notes"]
    assert note.startswith("runtime check: confirmed: `ChatCollator` on ")
    assert "stray-generation-prompt" in note and "<|start_header_id|>" in note


def test_confirmation_lets_fix_apply_an_unsafe_fix(tmp_path: Path, tokenizer_dirs: dict[str, Path]) -> None:
    path = tmp_path / "collator.py"
    path.write_text(DEFAULT_COLLATOR)
    code, output = run("check", "--fix", str(path))
    assert code == 1 and "[unsafe fix]" in output
    assert path.read_text() == DEFAULT_COLLATOR
    code, output = run("check", "--fix", "--verify-labels", "--tokenizer", str(tokenizer_dirs["llama3"]), str(path))
    assert code == 0, output
    assert path.read_text() == DEFAULT_COLLATOR.replace("add_generation_prompt=True):", "add_generation_prompt=False):")


def test_not_reproduced_and_not_run(tmp_path: Path, tokenizer_dirs: dict[str, Path]) -> None:
    quiet = tmp_path / "prompt_collator.py"
    quiet.write_text(NOT_REPRODUCED)
    code, output = run(
        "check",
        "--select",
        "CL001",
        "--verify-labels",
        "--tokenizer",
        str(tokenizer_dirs["chatml"]),
        "--output-format",
        "json",
        str(quiet),
    )
    [finding] = json.loads(output)
    [note] = finding["notes"]
    assert note.startswith("runtime check: not-reproduced: `TrimmingCollator` on "), note

    broken = tmp_path / "needs_args.py"
    broken.write_text(
        BUGGY_COLLATOR.replace("def __init__(self, tokenizer):", "def __init__(self, tokenizer, required):")
    )
    code, output = run(
        "check", "--verify-labels", "--tokenizer", str(tokenizer_dirs["llama3"]), "--output-format", "json", str(broken)
    )
    [finding] = json.loads(output)
    assert finding["notes"][0].startswith("runtime check: not-run: could not run `ChatCollator`")


def test_verify_labels_needs_a_tokenizer(tmp_path: Path) -> None:
    code, _ = run("check", "--verify-labels", str(tmp_path))
    assert code == 2
