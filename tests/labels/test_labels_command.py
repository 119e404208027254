"""``chatlint labels`` through click's CliRunner: exit codes, JSON, targets, pyproject, messages."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from chatlint.labels.command import labels

COLLATORS = Path(__file__).resolve().parent / "collators.py"


def run(*args: str) -> object:
    return CliRunner().invoke(labels, list(args), catch_exceptions=False)


def test_exit_0_when_labels_are_right(tokenizer_dirs):
    result = run(f"{COLLATORS}:ChatCollator", "--tokenizer", str(tokenizer_dirs["llama3"]))
    assert result.exit_code == 0, result.output
    assert "✓ labels match the chat template" in result.output


def test_exit_1_on_the_founding_bug(tokenizer_dirs):
    result = run(
        f"{COLLATORS}:PromptCompletionCollator",
        "--tokenizer",
        str(tokenizer_dirs["llama3"]),
        "--arg",
        "generation_prompt_on_full=True",
    )
    assert result.exit_code == 1, result.output
    assert "stray-generation-prompt" in result.output
    assert "⟦" in result.output and "⟧¹" in result.output  # marked without colour
    assert "Verdict" in result.output


def test_json_output_schema(tokenizer_dirs):
    result = run(
        f"{COLLATORS}:ChatCollator",
        "--tokenizer",
        str(tokenizer_dirs["chatml"]),
        "--arg",
        "bug='content-only'",
        "--output-format",
        "json",
    )
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False
    assert data["mode"] == "assistant-only" and data["mode_inferred"] is True
    assert len(data["examples"]) == 4
    for example in data["examples"]:
        assert set(example) >= {"tokens", "input_ids", "labels", "trained", "expected"}
        assert (
            len(example["tokens"]) == len(example["input_ids"]) == len(example["trained"]) == len(example["expected"])
        )
    problem = data["problems"][0]
    assert set(problem) == {"check", "message", "example", "positions", "tokens", "severity"}
    assert problem["severity"] == "failure" and data["warnings"] == []
    assert problem["check"] == "end-of-turn-not-trained"
    assert problem["tokens"] == ["<|im_end|>"]
    assert data["examples"][problem["example"]]["tokens"][problem["positions"][0]] == "<|im_end|>"


def test_json_ok(tokenizer_dirs):
    result = run(f"{COLLATORS}:collate_batch", "--tokenizer", str(tokenizer_dirs["gemma"]), "--output-format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["ok"] is True and data["problems"] == [] and data["target_kind"] == "batch-function"


def test_module_target_importable_from_the_current_folder(tokenizer_dirs, tmp_path, monkeypatch):
    package = tmp_path / "mytrain_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "collate.py").write_text(
        textwrap.dedent(
            """
            from collators import ChatCollator

            class StrayCollator(ChatCollator):
                def __init__(self, processing_class, max_length=4096):
                    super().__init__(processing_class, bug="stray", max_length=max_length)
            """
        )
    )
    monkeypatch.chdir(tmp_path)
    result = run(
        "mytrain_pkg.collate:StrayCollator", "--tokenizer", str(tokenizer_dirs["phi3"]), "--arg", "max_length=4096"
    )
    assert result.exit_code == 1, result.output
    assert "stray-generation-prompt" in result.output


def test_sample_file_with_sharegpt_conversations(tokenizer_dirs, tmp_path):
    sample = tmp_path / "sample.jsonl"
    records = [
        {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]},
        {
            "conversations": [
                {"from": "system", "value": "Be brief."},
                {"from": "human", "value": "Two plus two?"},
                {"from": "gpt", "value": "Four."},
            ]
        },
    ]
    sample.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    # the collator reads "messages"; a ShareGPT record reaches it as it is, so use a per-example adapter
    adapter = tmp_path / "adapter.py"
    adapter.write_text(
        textwrap.dedent(
            """
            from collators import ChatCollator

            ROLES = {"human": "user", "gpt": "assistant", "system": "system"}

            def collate(examples, tokenizer):
                fixed = []
                for example in examples:
                    if "conversations" in example:
                        example = {"messages": [{"role": ROLES[m["from"]], "content": m["value"]} for m in example["conversations"]]}
                    fixed.append(example)
                return ChatCollator(tokenizer)(fixed)
            """
        )
    )
    result = run(
        f"{adapter}:collate",
        "--tokenizer",
        str(tokenizer_dirs["llama3"]),
        "--sample",
        str(sample),
        "--output-format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [e["name"] for e in data["examples"]] == ["sample.jsonl:1", "sample.jsonl:2"]


def test_max_examples_and_mode_option(tokenizer_dirs):
    result = run(
        f"{COLLATORS}:ChatCollator",
        "--tokenizer",
        str(tokenizer_dirs["llama3"]),
        "--arg",
        "train='full'",
        "--mode",
        "assistant-only",
        "--max-examples",
        "1",
        "--output-format",
        "json",
    )
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert len(data["examples"]) == 1 and data["mode"] == "assistant-only" and data["mode_inferred"] is False
    assert [p["check"] for p in data["problems"]] == ["prompt-trained"]


def write_pyproject(folder: Path, table: str) -> None:
    (folder / "pyproject.toml").write_text(
        "[project]\nname = 'demo'\n\n[tool.chatlint.labels]\n" + textwrap.dedent(table)
    )


def test_pyproject_table_runs_without_arguments(tokenizer_dirs, tmp_path, monkeypatch):
    (tmp_path / "train.py").write_text("from collators import ChatCollator\n")
    write_pyproject(
        tmp_path,
        f"""
        target = "train.py:ChatCollator"
        tokenizer = "{tokenizer_dirs["mistral"].as_posix()}"
        mode = "assistant-only"
        max-examples = 2
        args = {{ bug = "double-bos" }}
        """,
    )
    sub = tmp_path / "src"
    sub.mkdir()
    monkeypatch.chdir(sub)  # nearest pyproject.toml is found upwards; paths are relative to it
    result = run("--output-format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert len(data["examples"]) == 2 and {p["check"] for p in data["problems"]} == {"extra-bos"}
    # command-line options win over the table
    result = run("--arg", "bug=None", "--max-examples", "3", "--output-format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["examples"]) == 3


def test_pyproject_unknown_key_is_an_error(tmp_path, monkeypatch):
    write_pyproject(tmp_path, 'target = "x.py:C"\ntokeniser = "typo"\n')
    monkeypatch.chdir(tmp_path)
    result = run()
    assert result.exit_code == 2
    assert "unknown key 'tokeniser'" in result.output and "known keys are" in result.output


def test_missing_target_and_tokenizer(tokenizer_dirs, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--tokenizer", str(tokenizer_dirs["llama3"]))
    assert result.exit_code == 2 and "no TARGET" in result.output
    result = run(f"{COLLATORS}:ChatCollator")
    assert result.exit_code == 2 and "no tokenizer: pass --tokenizer" in result.output


@pytest.mark.parametrize(
    "target, message",
    [
        ("no_such_module_xyz:Collator", "cannot import module 'no_such_module_xyz'"),
        (f"{COLLATORS}:Missing", "has no attribute 'Missing'"),
        ("missing_file.py:Collator", "does not exist"),
        ("NoColon", "expected package.module:Name"),
        (f"{COLLATORS}:not_a_collator", "expected a batch function"),
        (f"{COLLATORS}:IGNORE", "is a int, expected a collator class"),
    ],
)
def test_target_that_cannot_be_loaded(tokenizer_dirs, target, message):
    result = run(target, "--tokenizer", str(tokenizer_dirs["llama3"]))
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_a_target_or_tokenizer_that_cannot_exist_is_reported_before_transformers_is_imported(tmp_path):
    for arguments, message in (
        (["missing_file.py:Collator", "--tokenizer", str(tmp_path)], "does not exist"),
        (["no_such_module_xyz:Collator", "--tokenizer", str(tmp_path)], "cannot import module"),
        ([f"{COLLATORS}:ChatCollator", "--tokenizer", "./no/such/folder"], "hf download ./no/such/folder"),
    ):
        code = (
            "import sys\n"
            "from chatlint.cli import main\n"
            f"sys.argv = ['chatlint', 'labels', *{arguments!r}]\n"
            "try:\n"
            "    main()\n"
            "except SystemExit as exit:\n"
            "    print('exit', exit.code, 'transformers' in sys.modules)\n"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
        assert done.stdout.strip() == "exit 2 False", done.stdout + done.stderr
        assert message in done.stderr


def test_tokenizer_that_cannot_be_loaded(tmp_path):
    result = run(f"{COLLATORS}:ChatCollator", "--tokenizer", "no-org/no-such-model-xyz")
    assert result.exit_code == 2
    assert "cannot load tokenizer 'no-org/no-such-model-xyz'" in result.output
    assert "never downloads" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(f"{COLLATORS}:ChatCollator", "--tokenizer", str(empty))
    assert result.exit_code == 2 and "no loadable tokenizer" in result.output


def test_tokenizer_without_chat_template(tokenizer_dirs, tmp_path):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_dirs["llama3"]))
    tokenizer.chat_template = None
    tokenizer.save_pretrained(str(tmp_path / "plain"))
    for leftover in (tmp_path / "plain").glob("chat_template.*"):
        leftover.unlink()
    result = run(f"{COLLATORS}:ChatCollator", "--tokenizer", str(tmp_path / "plain"))
    assert result.exit_code == 2 and "has no chat template" in result.output


def test_collator_that_raises(tokenizer_dirs, tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text(
        "class Collator:\n    def __init__(self, tokenizer):\n        pass\n    def __call__(self, examples):\n        raise RuntimeError('boom')\n"
    )
    result = run(f"{broken}:Collator", "--tokenizer", str(tokenizer_dirs["llama3"]))
    assert result.exit_code == 2 and "RuntimeError: boom" in result.output


def test_runtime_extra_missing(monkeypatch, tokenizer_dirs):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "transformers" else real(name, *a)
    )
    result = run(f"{COLLATORS}:ChatCollator", "--tokenizer", str(tokenizer_dirs["llama3"]))
    assert result.exit_code == 2
    assert "chatlint labels needs the runtime extra: pip install 'chat-template-lint[runtime]'" in result.output


def test_bad_arg_syntax(tokenizer_dirs):
    result = run(f"{COLLATORS}:ChatCollator", "--tokenizer", str(tokenizer_dirs["llama3"]), "--arg", "oops")
    assert result.exit_code == 2 and "expected KEY=VALUE" in result.output


def test_importing_the_command_stays_light():
    code = (
        "import sys, chatlint.labels, chatlint.labels.command, chatlint.labels.config\n"
        "heavy = [m for m in ('transformers', 'tokenizers', 'torch', 'numpy', 'rich', 'jinja2') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == ""


def test_tokenizer_by_name_from_the_local_cache(tokenizer_dirs, tmp_path):
    """A Hub name resolves from the local cache, offline; run in a fresh process so HF_HUB_CACHE applies."""
    import os
    import shutil

    snapshot = tmp_path / "hub" / "models--test-org--tiny-llama3" / "snapshots" / "0123abcd"
    shutil.copytree(tokenizer_dirs["llama3"], snapshot)
    (tmp_path / "hub" / "models--test-org--tiny-llama3" / "refs").mkdir()
    (tmp_path / "hub" / "models--test-org--tiny-llama3" / "refs" / "main").write_text("0123abcd")
    env = {**os.environ, "HF_HUB_CACHE": str(tmp_path / "hub"), "PYTHONPATH": str(COLLATORS.parent)}
    command = [sys.executable, "-c", "from chatlint.labels.command import labels; labels()"]
    result = subprocess.run(
        [*command, f"{COLLATORS}:ChatCollator", "--tokenizer", "test-org/tiny-llama3", "--output-format", "json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tokenizer"] == "test-org/tiny-llama3"
    missing = subprocess.run(
        [*command, f"{COLLATORS}:ChatCollator", "--tokenizer", "test-org/not-cached"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert missing.returncode == 2 and "never downloads" in missing.stderr
