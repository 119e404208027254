"""Runs every example under `rules/`: what must be flagged, what must stay quiet, and what --fix must produce."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rule_examples import Example, examples, rule_folders

from chatlint.dependencies import DependencyVersions
from chatlint.engine import FixMode, check_text
from chatlint.facts.module import build_facts
from chatlint.facts.summarize import summarize
from chatlint.facts.syntax import SourceText, reading
from chatlint.findings import Finding
from chatlint.rules import ALL_RULES, Rule

RULES = Path(__file__).resolve().parent.parent / "rules"


def rules_for(example: Example) -> list[Rule]:
    selected = example.selected()
    dependencies = DependencyVersions(None, example.versions())
    return [rule(dependencies) for rule in ALL_RULES if rule.enabled_by_default or rule.code in selected]


def run(example: Example, rules: list[Rule]) -> list[Finding]:
    result = check_text(str(example.path), example.text, rules)
    assert not result.errors, result.errors
    return list(result.findings)


def findings_of(example: Example) -> set[tuple[int, str]]:
    return {(finding.line, finding.code) for finding in run(example, rules_for(example))}


def fragment_mismatches(example: Example, findings: list[Finding], codes: set[str] | None = None) -> list[str]:
    """The `# expect: CODE "fragment"` markers (of `codes`, or all) whose finding's message lacks the fragment."""
    problems = []
    for expectation in example.expectations():
        if expectation.fragment is None or (codes is not None and expectation.code not in codes):
            continue
        where = (expectation.line, expectation.code)
        messages = [finding.message for finding in findings if (finding.line, finding.code) == where]
        if not any(expectation.fragment in message for message in messages):
            problems.append(
                f"{example.id}:{expectation.line}: {expectation.code}: the message does not contain "
                f"{expectation.fragment!r}\n    message: " + ("\n    message: ".join(messages) or "(no finding)")
            )
    return problems


@pytest.mark.parametrize("example", examples("flag"), ids=lambda example: example.id)
def test_flagged(example: Example) -> None:
    expected = example.expected()
    assert expected, "a flag_ example must mark at least one `# expect: CODE` line"
    findings = run(example, rules_for(example))
    assert {(finding.line, finding.code) for finding in findings} == expected
    problems = fragment_mismatches(example, findings)
    assert not problems, "a finding's message no longer says what its marker expects:\n" + "\n".join(problems)


@pytest.mark.parametrize("example", examples("flag"), ids=lambda example: example.id)
def test_every_expect_marker_names_a_message_fragment(example: Example) -> None:
    """`# expect: CODE` alone only checks the line; every marker says which evidence its message must name."""
    bare = [f"line {mark.line}: {mark.code}" for mark in example.expectations() if mark.fragment is None]
    assert not bare, f"{example.id}: `# expect:` markers without a message fragment: {', '.join(bare)}"


@pytest.mark.parametrize("example", examples("quiet"), ids=lambda example: example.id)
def test_quiet(example: Example) -> None:
    assert not example.expected(), "a quiet_ example must not expect findings"
    assert findings_of(example) == set()


# A rule that judges `noqa` comments (CL100) runs the rules its directives name, quietly, when they are not
# selected: alone it gives the same verdicts too.
ALONE = examples("flag") + examples("quiet")


@pytest.mark.parametrize("example", ALONE, ids=lambda example: example.id)
def test_same_findings_when_the_rule_runs_alone(example: Example) -> None:
    """`--select CODE` runs one rule alone: its verdicts must not depend on which other rules ran."""
    code = example.path.parent.name
    alone = [rule(DependencyVersions(None, example.versions())) for rule in ALL_RULES if rule.code == code]
    findings = run(example, alone)
    found = {(finding.line, finding.code) for finding in findings}
    assert found == {(line, expected) for line, expected in example.expected() if expected == code}
    problems = fragment_mismatches(example, findings, {code})
    assert not problems, "alone, the rule describes its findings differently:\n" + "\n".join(problems)


@pytest.mark.parametrize("example", examples("fix"), ids=lambda example: example.id)
def test_fix(example: Example) -> None:
    expected_path = example.path.with_suffix(".expected")
    unsafe = "# fix: unsafe" in example.text
    mode = FixMode(apply=True, unsafe=unsafe)
    rules = rules_for(example)
    result = check_text(str(example.path), example.text, rules, mode)
    assert not result.errors, result.errors
    assert result.fixed_text == expected_path.read_text(encoding="utf-8")
    # a second --fix changes nothing: the fix converged in one run
    again = check_text(str(example.path), result.fixed_text, rules, mode)
    assert again.fixed_text is None
    assert not [finding for finding in again.findings if mode.allows(finding)]


def test_every_rule_has_a_folder_with_examples() -> None:
    folders = {folder.name: folder for folder in rule_folders()}
    for rule in ALL_RULES:
        assert rule.code in folders, f"rules/{rule.code}/ is missing"
        folder = folders[rule.code]
        assert list(folder.glob("flag_*.py")), f"{rule.code}: no flag_ examples"
        assert list(folder.glob("quiet_*.py")), f"{rule.code}: no quiet_ examples"


@pytest.mark.parametrize("path", sorted(RULES.rglob("*.py")), ids=lambda path: str(path.relative_to(RULES)))
def test_every_example_module_can_be_summarised(path: Path) -> None:
    """The project step skips a module whose summary fails without a word (its calls are then not followed across
    modules): every example module, multi-module projects' included, must summarise."""
    text = path.read_text(encoding="utf-8")
    source = SourceText(text)
    with reading(source):
        summary = summarize(build_facts(ast.parse(text), source, str(path)))
    assert summary.path == str(path)
