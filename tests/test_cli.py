"""The command line as a user meets it: commands, options, output formats and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import BUGGY_COLLATOR, CLEAN_MODULE, run_cli, write


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.py", CLEAN_MODULE)
    outcome = run_cli("check", str(path))
    assert outcome.exit_code == 0
    assert "All checks passed!" in outcome.output


def test_finding_exits_one_with_location_code_and_marker(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli(str(path))  # `check` is the default command
    assert outcome.exit_code == 1
    first = outcome.output.splitlines()[0]
    assert first.startswith(f"{path}:7:")
    assert ' CL001 [*] renders `example["messages"]`' in first
    assert "`ChatCollator.__call__`" in first
    assert "Found 1 problem (1 fixable with --fix)." in outcome.output


def test_exit_zero_keeps_the_report(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli("--exit-zero", str(path))
    assert outcome.exit_code == 0
    assert "CL001" in outcome.output


def test_json_output_schema(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli("check", "--output-format", "json", str(path))
    assert outcome.exit_code == 1
    [finding] = outcome.json()
    assert {"code", "message", "path", "line", "column", "end_line", "end_column", "fix"} <= set(finding)
    assert (finding["code"], finding["path"], finding["line"]) == ("CL001", str(path), 7)
    line = BUGGY_COLLATOR.splitlines()[6]
    assert line[finding["column"] - 1 : finding["end_column"] - 1] == "True"
    assert finding["fix"]["applicability"] == "safe"
    [edit] = finding["fix"]["edits"]
    assert edit["content"] == "False"
    assert (edit["line"], edit["column"], edit["end_column"]) == (7, finding["column"], finding["end_column"])


def test_json_output_is_an_empty_list_when_clean(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.py", CLEAN_MODULE)
    outcome = run_cli("--output-format", "json", str(path))
    assert (outcome.exit_code, outcome.json()) == (0, [])


def test_fix_changes_one_line_and_second_run_is_clean(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli("--fix", str(path))
    assert outcome.exit_code == 0
    assert "Fixed 1 problem." in outcome.output
    before, after = BUGGY_COLLATOR.splitlines(), path.read_text().splitlines()
    changed = [number for number, (old, new) in enumerate(zip(before, after), 1) if old != new]
    assert changed == [7] and len(before) == len(after)
    assert after[6].endswith("add_generation_prompt=False)")
    again = run_cli("--fix", str(path))
    assert again.exit_code == 0 and "Fixed" not in again.output


def test_diff_writes_nothing_and_exits_one(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli("--diff", str(path))
    assert outcome.exit_code == 1
    assert "-            self.tokenizer.apply_chat_template" in outcome.output
    assert "+            self.tokenizer.apply_chat_template" in outcome.output
    assert "add_generation_prompt=False)" in outcome.output
    assert path.read_text() == BUGGY_COLLATOR


def test_diff_exits_zero_when_nothing_to_fix(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.py", CLEAN_MODULE)
    assert run_cli("--diff", str(path)).exit_code == 0


def test_unsafe_fix_needs_the_flag(tmp_path: Path) -> None:
    source = BUGGY_COLLATOR.replace("def __init__(self, tokenizer):", "def __init__(self, tokenizer, gen=True):")
    source = source.replace(
        "        self.tokenizer = tokenizer\n", "        self.tokenizer = tokenizer\n        self.gen = gen\n"
    )
    source = source.replace("add_generation_prompt=True)", "add_generation_prompt=self.gen)")
    path = write(tmp_path / "collator.py", source)
    safe_only = run_cli("--fix", str(path))
    assert safe_only.exit_code == 1
    assert "[unsafe fix]" in safe_only.output and "1 more with --unsafe-fixes" in safe_only.output
    assert path.read_text() == source
    unsafe = run_cli("--fix", "--unsafe-fixes", str(path))
    assert unsafe.exit_code == 0
    assert "def __init__(self, tokenizer, gen=False):" in path.read_text()


def test_stdin_reports_with_the_given_filename() -> None:
    outcome = run_cli("check", "-", "--stdin-filename", "src/collator.py", input=BUGGY_COLLATOR)
    assert outcome.exit_code == 1
    assert outcome.output.startswith("src/collator.py:7:")


def test_stdin_fix_writes_fixed_source_to_stdout() -> None:
    outcome = run_cli("--fix", "-", "--stdin-filename", "collator.py", input=BUGGY_COLLATOR)
    assert outcome.exit_code == 0
    assert outcome.output == BUGGY_COLLATOR.replace("add_generation_prompt=True", "add_generation_prompt=False")
    assert "Fixed 1 problem." in outcome.stderr


def test_select_and_ignore(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    assert run_cli("--ignore", "CL001", str(path)).exit_code == 0
    assert run_cli("--ignore", "CL", str(path)).exit_code == 0
    assert run_cli("--select", "CL001", str(path)).exit_code == 1
    assert run_cli("--select", "CL0", "--ignore", "CL001", str(path)).exit_code == 0


def test_unknown_rule_code_is_a_usage_error(tmp_path: Path) -> None:
    outcome = run_cli("--select", "XY123", str(tmp_path))
    assert outcome.exit_code == 2
    assert "XY123" in outcome.stderr


def test_rules_and_rule_docs() -> None:
    listing = run_cli("rules")
    assert listing.exit_code == 0
    assert "CL001" in listing.output and "generation-prompt-on-full-conversation" in listing.output
    docs = run_cli("rule", "cl001")
    assert docs.exit_code == 0
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety"):
        assert heading in docs.output
    assert run_cli("rule", "CL999").exit_code == 2


def test_no_paths_checks_the_current_folder(tmp_path: Path) -> None:
    write(tmp_path / "pkg" / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli(cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output.startswith(os.path.join("pkg", "collator.py") + ":7:")


def test_quiet_prints_findings_only(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli("-q", str(path))
    assert outcome.exit_code == 1
    assert len(outcome.output.splitlines()) == 1


def test_static_path_never_imports_transformers_or_torch(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    script = (
        "import sys\n"
        "from chatlint.cli import cli\n"
        "try:\n"
        f"    cli(['check', '--fix', {str(path)!r}], prog_name='chatlint')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('transformers', 'torch', 'tokenizers', 'numpy', 'rich'))\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
