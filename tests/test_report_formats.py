"""The CI output formats (GitHub annotations, SARIF, GitLab code quality), --output-file and --statistics."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from helpers import BUGGY_COLLATOR, CLEAN_MODULE, run_cli, write

from chatlint.findings import Finding
from chatlint.lines import line_starts
from chatlint.report.github import command, escape_data, escape_property
from chatlint.rules import ALL_RULES

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

SUPPRESSED = BUGGY_COLLATOR.replace("add_generation_prompt=True)", "add_generation_prompt=True)  # noqa: CL001")


# -- GitHub ----------------------------------------------------------------------------------------------------


def test_github_one_workflow_command_per_finding(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli("check", "--output-format", "github", str(path))
    assert outcome.exit_code == 1
    lines = outcome.output.splitlines()
    assert len(lines) == 1
    properties = escape_property(str(path))
    assert lines[0].startswith(f"::error file={properties},line=7,col=")
    assert ",endLine=7,endColumn=" in lines[0]
    assert ',title=CL001::renders `example["messages"]`' in lines[0]


def test_github_paths_are_relative_to_the_workspace(tmp_path: Path) -> None:
    write(tmp_path / "src" / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli("check", "--output-format", "github", str(tmp_path / "src"), cwd=tmp_path)
    assert outcome.output.startswith("::error file=src/collator.py,line=7,")


def test_github_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A"
    finding = Finding("CL001", "a: b, c\nd", "dir,1/x:y.py", 3, 5, 3, 9)
    assert command(finding) == (
        "::error file=dir%2C1/x%3Ay.py,line=3,col=5,endLine=3,endColumn=9,title=CL001::a: b, c%0Ad"
    )


def test_github_notebook_finding_names_the_cell_not_a_file_line() -> None:
    finding = Finding("CL001", "message", "nb.ipynb", 2, 80, 2, 84, cell=3)
    assert command(finding) == "::error file=nb.ipynb,title=CL001::cell 3, line 2, column 80: message"


def test_github_file_that_cannot_be_checked_is_an_error_annotation(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.py", "def broken(:\n    apply_chat_template(add_generation_prompt=True)\n")
    outcome = run_cli("check", "--output-format", "github", str(path))
    assert outcome.exit_code == 2
    [line] = outcome.output.splitlines()
    assert line.startswith(
        f"::error file={escape_property(str(path))},title=chatlint (not checked),line=1,col=12::syntax error"
    )


# -- SARIF -----------------------------------------------------------------------------------------------------


def _sarif(*args: str) -> dict:
    outcome = run_cli("check", "--output-format", "sarif", *args)
    log = json.loads(outcome.output)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_is_valid_and_describes_every_rule(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    log = _sarif(str(path))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "chatlint" and driver["version"] and driver["informationUri"].startswith("https://")
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in ALL_RULES]
    for descriptor, rule in zip(driver["rules"], ALL_RULES):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"]
        assert "## Why is this bad?" in descriptor["help"]["markdown"]
        assert descriptor["help"]["text"].startswith(rule.summary)


def test_sarif_result_region_and_fix_reproduce_the_fixed_file(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    log = _sarif(str(path))
    run = log["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is True
    [result] = run["results"]
    assert result["ruleId"] == "CL001" and result["level"] == "error"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "CL001"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 7
    # applying the SARIF replacements by hand gives what --fix writes
    [fix] = result["fixes"]
    [change] = fix["artifactChanges"]
    text = BUGGY_COLLATOR
    starts = line_starts(text)
    for replacement in sorted(
        change["replacements"], key=lambda r: (r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"])
    )[::-1]:
        deleted = replacement["deletedRegion"]
        start = starts[deleted["startLine"] - 1] + deleted["startColumn"] - 1
        end = starts[deleted["endLine"] - 1] + deleted["endColumn"] - 1
        text = text[:start] + replacement["insertedContent"]["text"] + text[end:]
    assert run_cli("check", "--fix", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == text != BUGGY_COLLATOR


def test_sarif_keeps_noqa_suppressed_findings_as_suppressed(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", SUPPRESSED)
    outcome = run_cli("check", "--output-format", "sarif", str(path))
    assert outcome.exit_code == 0
    log = json.loads(outcome.output)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "CL001"
    assert result["suppressions"] == [{"kind": "inSource"}]


def test_sarif_relative_paths_use_the_source_root(tmp_path: Path) -> None:
    write(tmp_path / "src" / "my collator.py", BUGGY_COLLATOR)
    outcome = run_cli("check", "--output-format", "sarif", "src", cwd=tmp_path)
    log = json.loads(outcome.output)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "src/my%20collator.py", "uriBaseId": "%SRCROOT%"}


def test_sarif_unreadable_file_is_a_failed_invocation(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.py", "def broken(:\n    apply_chat_template(add_generation_prompt=True)\n")
    log = _sarif(str(path))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "syntax error" in notification["message"]["text"]
    assert notification["locations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 12}


# -- GitLab ----------------------------------------------------------------------------------------------------


def _gitlab(path: Path) -> list[dict]:
    outcome = run_cli("check", "--output-format", "gitlab", str(path))
    assert outcome.exit_code == 1
    return json.loads(outcome.output)


def test_gitlab_code_quality_fields(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    [issue] = _gitlab(path)
    assert issue["check_name"] == "CL001"
    assert issue["description"].startswith('renders `example["messages"]`')
    assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    assert issue["location"] == {"path": str(path), "lines": {"begin": 7}}
    assert len(issue["fingerprint"]) == 64


def test_gitlab_fingerprint_survives_lines_added_above_and_changes_with_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    [before] = _gitlab(path)
    write(path, "import os\nimport sys\n\n\n" + BUGGY_COLLATOR)
    [moved] = _gitlab(path)
    assert moved["location"]["lines"]["begin"] == 11
    assert moved["fingerprint"] == before["fingerprint"]
    write(path, BUGGY_COLLATOR.replace("tokenize=False, ", "tokenize=False,  "))
    [edited] = _gitlab(path)
    assert edited["fingerprint"] != before["fingerprint"]


def test_gitlab_fingerprints_are_unique_for_identical_lines(tmp_path: Path) -> None:
    render = "text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)\n"
    module = 'messages = [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]\n'
    path = write(tmp_path / "script.py", module + render + render)
    issues = _gitlab(path)
    assert [issue["location"]["lines"]["begin"] for issue in issues] == [2, 3]
    assert issues[0]["description"] == issues[1]["description"]
    assert len({issue["fingerprint"] for issue in issues}) == 2


# -- --output-file and --statistics ----------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["json", "sarif", "github", "gitlab", "text"])
def test_output_file_holds_the_report_and_the_terminal_keeps_the_summary(tmp_path: Path, output_format: str) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    direct = run_cli("check", "--output-format", output_format, str(path))
    report = tmp_path / "out" / "report.txt"
    report.parent.mkdir()
    outcome = run_cli("check", "--output-format", output_format, "--output-file", str(report), str(path))
    assert outcome.exit_code == direct.exit_code == 1
    assert report.read_text(encoding="utf-8") == direct.output
    assert outcome.output == "Found 1 problem (1 fixable with --fix).\n"


def test_output_file_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.py", CLEAN_MODULE)
    outcome = run_cli("check", "--output-file", str(tmp_path / "missing" / "report.json"), str(path))
    assert outcome.exit_code == 2
    assert "cannot write" in outcome.stderr


def test_statistics_counts_findings_per_rule(tmp_path: Path) -> None:
    write(tmp_path / "a.py", BUGGY_COLLATOR)
    write(tmp_path / "b.py", BUGGY_COLLATOR)
    write(tmp_path / "c.py", SUPPRESSED)
    outcome = run_cli("check", "--statistics", str(tmp_path))
    assert outcome.exit_code == 1
    assert outcome.output == (
        "2\tCL001\t[*] generation-prompt-on-full-conversation\nFound 2 problems (2 fixable with --fix).\n"
    )
    as_json = run_cli("check", "--statistics", "--output-format", "json", str(tmp_path))
    assert as_json.json() == [
        {"code": "CL001", "name": "generation-prompt-on-full-conversation", "count": 2, "fixable": True}
    ]


def test_statistics_on_a_clean_tree_prints_nothing_and_exits_zero(tmp_path: Path) -> None:
    write(tmp_path / "ok.py", CLEAN_MODULE)
    outcome = run_cli("check", "--statistics", str(tmp_path))
    assert (outcome.exit_code, outcome.output) == (0, "")


@pytest.mark.parametrize("output_format", ["text", "json", "github", "gitlab", "sarif"])
def test_a_file_name_that_is_not_utf8_is_reported_in_valid_utf8(tmp_path: Path, output_format: str) -> None:
    name = os.fsdecode(b"caf\xe9.py")  # what Python makes of a name whose bytes are not UTF-8
    path = write(tmp_path / name, BUGGY_COLLATOR)
    report = tmp_path / f"report.{output_format}"
    outcome = run_cli("--output-format", output_format, "-o", str(report), str(path))
    assert outcome.exit_code == 1, outcome.output + outcome.stderr
    text = report.read_bytes().decode("utf-8")  # valid UTF-8, or this raises
    if output_format == "sarif":
        assert "caf%E9.py" in text  # the name's own bytes, percent-encoded in the URI: lossless
    else:
        assert "caf\\xe9.py" in text.replace("\\\\", "\\")  # the byte kept as an escape
    if output_format in ("json", "gitlab", "sarif"):
        json.loads(text)
