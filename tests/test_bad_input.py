"""Bad input gets one clear line, the run goes on, and the exit code says something was not checked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from helpers import BUGGY_COLLATOR, run_cli, write

from chatlint.engine import check_text
from chatlint.rules import ALL_RULES


def test_syntax_error_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    broken = write(
        tmp_path / "broken.py", "def f(:\n    tokenizer.apply_chat_template(x, add_generation_prompt=True)\n"
    )
    buggy = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli(str(tmp_path))
    assert outcome.exit_code == 2
    assert f"{broken}:1:7: error: syntax error: " in outcome.output
    assert f"{buggy}:7:" in outcome.output
    assert "Traceback" not in outcome.output + outcome.stderr


def test_a_syntax_error_names_one_position(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.py", "x = 1\ndef f(:\n    tokenizer.apply_chat_template(x)\n")
    outcome = run_cli(str(broken))
    assert outcome.exit_code == 2
    # `path:line:col: error: ...` once, where Python stops (the `:` after `f(`), as ruff and Python print it
    assert f"{broken}:2:7: error: syntax error: invalid syntax" in outcome.output
    assert "error at" not in outcome.output and "(line" not in outcome.output


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="a `type` statement parses on Python 3.12 and later")
def test_a_file_that_needs_a_newer_python_says_which(tmp_path: Path) -> None:
    newer = write(tmp_path / "aliases.py", "type Conversation = list[dict]\nx = tok.apply_chat_template(c)\n")
    outcome = run_cli(str(newer))
    assert outcome.exit_code == 2
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert f"needs Python 3.12 or newer to parse, and chatlint runs on Python {running}" in outcome.output
    assert "syntax error" not in outcome.output


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("latin.py", b"x = '\xff\xfe apply_chat_template'\n", "cannot decode as utf-8"),
        ("binary.py", b"\x00\x01\x02apply_chat_template", "binary file"),
        ("cookie.py", b"# -*- coding: no-such-codec -*-\nx = 1\n", "bad encoding declaration"),
    ],
)
def test_undecodable_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    outcome = run_cli(str(path))
    assert outcome.exit_code == 2
    assert f"{path}: error: {reason}" in outcome.output


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.py"
    os.symlink(tmp_path / "missing.py", link)
    outcome = run_cli(str(link))
    assert outcome.exit_code == 2
    assert "no such file (or a broken symlink)" in outcome.output


def test_empty_file_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.py", "")
    assert run_cli(str(path)).exit_code == 0


def test_very_large_file_is_refused_clearly(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.chatlint]\nmax-file-size = 100\n")
    path = write(tmp_path / "big.py", "x = tokenizer.apply_chat_template(m)\n" * 5)
    outcome = run_cli(str(path))
    assert outcome.exit_code == 2
    assert "file too large to parse (185 bytes, limit 100" in outcome.output


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root reads everything; simulate the failure where the OS raises it
        path = tmp_path / "folder.py"
        path.mkdir()
        outcome = run_cli(str(path) + "/")  # a folder named like a file is walked, not read
        assert outcome.exit_code == 0
        return
    path = write(tmp_path / "secret.py", "x = 1\n")
    path.chmod(0)
    outcome = run_cli(str(path))
    assert outcome.exit_code == 2 and "cannot read" in outcome.output


def test_a_crashing_rule_is_an_internal_error_naming_file_and_rule() -> None:
    class Broken(ALL_RULES[0]):  # type: ignore[misc, valid-type]
        code = "CL999"

        def check(self, facts):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

    result = check_text("x.py", BUGGY_COLLATOR, [Broken(), ALL_RULES[0]()])
    assert [finding.code for finding in result.findings] == ["CL001"]
    [error] = result.errors
    assert error.kind == "internal" and error.path == "x.py"
    assert error.reason.startswith("rule CL999 failed: RuntimeError: boom")


def test_a_summary_that_fails_is_an_internal_error_and_the_findings_stand(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other modules would silently stop following this one's functions: the run says so (exit 2)."""

    def broken(facts):  # type: ignore[no-untyped-def]
        raise ValueError("too many values to unpack")

    monkeypatch.setattr("chatlint.engine.summarize", broken)
    result = check_text("x.py", BUGGY_COLLATOR, [ALL_RULES[0]()])
    assert [finding.code for finding in result.findings] == ["CL001"]
    [error] = result.errors
    assert error.kind == "internal" and error.path == "x.py"
    assert error.reason.startswith("the project step cannot summarise it: ValueError: too many values to unpack")


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    outcome = run_cli(str(tmp_path / "nope.py"))
    assert outcome.exit_code == 2
    assert "no such file" in outcome.output


def test_python_m_chatlint_in_a_project_whose_modules_shadow_the_standard_library(tmp_path: Path) -> None:
    """`python -m chatlint` puts the current folder first on the module path; a project's own `inspect.py` (which
    here would fail if imported) must not stand in for the standard library's in chatlint's own imports."""
    import subprocess

    write(tmp_path / "inspect.py", "raise SystemExit('the project module was imported')\n")
    write(tmp_path / "tokenize.py", "raise SystemExit('the project module was imported')\n")
    write(tmp_path / "collator.py", BUGGY_COLLATOR)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "CHATLINT_NO_CACHE": "1"}
    env.pop("PYTHONSAFEPATH", None)
    result = subprocess.run(
        [sys.executable, "-m", "chatlint", "check", "-q", "."], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert "the project module was imported" not in result.stderr + result.stdout
    assert result.returncode == 1, result.stderr
    assert "collator.py" in result.stdout and "CL001" in result.stdout
