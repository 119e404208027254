"""The configuration files a run may load, and the switches they set (`chatlint.config_files`)."""

from __future__ import annotations

from pathlib import Path

from chatlint.config_files import MAX_FILE_BYTES, config_file_switches


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_a_file_the_code_names_is_read_from_the_root_or_the_module_folder(tmp_path: Path) -> None:
    _write(tmp_path / "runs" / "sft.yaml", "model: x\nadd_special_tokens: false\n")
    _write(tmp_path / "src" / "eval.json", '{"add_bos_token": true}')
    modules = [
        ("train.py", 'parser.add_argument("--config", default="runs/sft.yaml")'),
        ("src/evaluate.py", "CONFIG = 'eval.json'"),
    ]
    assert config_file_switches(tmp_path, modules) == {("add_special_tokens", False), ("add_bos_token", True)}


def test_files_of_a_configuration_folder_are_read_unnamed(tmp_path: Path) -> None:
    _write(tmp_path / "configs" / "llama" / "sft.yml", "template:\n  add_generation_prompt: False\n")
    _write(tmp_path / "configs" / "notes.txt", "add_special_tokens: false\n")
    assert config_file_switches(tmp_path, []) == {("add_generation_prompt", False)}


def test_other_files_and_other_keys_set_nothing(tmp_path: Path) -> None:
    _write(tmp_path / "data" / "rows.yaml", "add_special_tokens: false\n")  # neither named nor in a config folder
    _write(tmp_path / "configs" / "run.yaml", "special_tokens_note: false\nadd_special_tokens: maybe\n")
    modules = [("train.py", 'open("missing.yaml")')]
    assert config_file_switches(tmp_path, modules) == frozenset()


def test_a_file_too_large_for_a_configuration_is_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "configs" / "big.yaml", "add_special_tokens: false\n" + "#" * MAX_FILE_BYTES)
    assert config_file_switches(tmp_path, []) == frozenset()
