"""`--verify-labels` settles findings before the fix mode is built: reporters mark a confirmed fix as `--fix` will
apply it. The runtime check itself is replaced here by its verdicts (tests/labels run the real one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import DEFAULT_COLLATOR, run_cli, write

from chatlint import verification


def _verdicts(status: str):  # type: ignore[no-untyped-def]
    def verify_findings(findings, tokenizer, args=None, sample=None):  # type: ignore[no-untyped-def]
        return {
            (finding.path, finding.line, finding.code): verification.Verdict(status, "stubbed")
            for finding in findings
            if finding.code == "CL001"
        }

    return verify_findings


@pytest.mark.parametrize(
    ("status", "marker", "summary"),
    [
        ("confirmed", "[*]", "(1 fixable with --fix)"),
        ("not-reproduced", "[unsafe fix]", "(1 more with --unsafe-fixes)"),
    ],
)
def test_the_text_report_marks_a_fix_as_fix_will_apply_it(
    tmp_path: Path,
    monkeypatch,
    status: str,
    marker: str,
    summary: str,  # type: ignore[no-untyped-def]
) -> None:
    path = write(tmp_path / "collator.py", DEFAULT_COLLATOR)
    monkeypatch.setattr(verification, "verify_findings", _verdicts(status))
    outcome = run_cli("check", "--select", "CL001", "--verify-labels", "--tokenizer", "stub", str(path))
    assert outcome.exit_code == 1
    [line] = [line for line in outcome.output.splitlines() if " CL001 " in line]
    assert f" CL001 {marker} " in line
    assert summary in outcome.output
    assert f"runtime check: {status}: stubbed" in outcome.output
    assert path.read_text() == DEFAULT_COLLATOR  # no --fix: nothing written

    statistics = run_cli(
        "check",
        "--select",
        "CL001",
        "--verify-labels",
        "--tokenizer",
        "stub",
        "--statistics",
        "--output-format",
        "json",
        str(path),
    )
    assert [row["fixable"] for row in json.loads(statistics.output)] == [status == "confirmed"]


def test_with_fix_the_confirmed_fix_is_written(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "collator.py", DEFAULT_COLLATOR)
    monkeypatch.setattr(verification, "verify_findings", _verdicts("confirmed"))
    outcome = run_cli("check", "--select", "CL001", "--fix", "--verify-labels", "--tokenizer", "stub", str(path))
    assert outcome.exit_code == 0, outcome.output
    assert "Fixed 1 problem." in outcome.output
    assert path.read_text() == DEFAULT_COLLATOR.replace("add_generation_prompt=True):", "add_generation_prompt=False):")
