"""Each rule's documentation runs (like Fixit's VALID/INVALID examples): its **Example** must be flagged by the rule
itself, its **Use instead** must pass every rule, so the docs cannot drift from what the rules do."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

import pytest

from chatlint.dependencies import DependencyVersions
from chatlint.engine import check_text
from chatlint.rules import ALL_RULES, Rule


def run(rule: type[Rule], text: str, project: dict[str, str] | None = None) -> list[tuple[int, str, str]]:
    """The findings on `text` from the rules on by default, plus `rule` itself if it is off by default; `project`:
    files written in a project root beside the snippet (a pinned version the snippet needs, `Rule.example_project`)."""
    with tempfile.TemporaryDirectory() as folder:
        for name, content in (project or {}).items():
            (Path(folder) / name).write_text(content, encoding="utf-8")
        dependencies = DependencyVersions(Path(folder))
        rules = [other(dependencies) for other in ALL_RULES if other.enabled_by_default or other is rule]
        result = check_text(f"{rule.code}_docs.py", text, rules)
    assert not result.errors, result.errors
    return [(finding.line, finding.code, finding.message) for finding in result.findings]


def snippet(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"


def describe(findings: list[tuple[int, str, str]]) -> str:
    return "\n".join(f"  line {line}: {code} {message}" for line, code, message in findings) or "  (none)"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_documented_example_is_flagged_by_the_rule_and_only_by_it(rule: type[Rule]) -> None:
    findings = run(rule, snippet(rule.example), rule.example_project)
    assert any(code == rule.code for _, code, _ in findings), (
        f"{rule.code}'s documented Example is not flagged by {rule.code}; findings:\n{describe(findings)}"
    )
    others = [finding for finding in findings if finding[1] != rule.code]
    assert not others, f"{rule.code}'s documented Example is also flagged by other rules:\n{describe(others)}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_documented_use_instead_passes_every_rule(rule: type[Rule]) -> None:
    findings = run(rule, snippet(rule.use_instead), rule.use_instead_project)
    assert not findings, f"{rule.code}'s documented Use instead is flagged:\n{describe(findings)}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_documented_snippets_are_python(rule: type[Rule]) -> None:
    """Both snippets are non-empty and parse (a snippet that does not parse would be reported, not flagged)."""
    for name in ("example", "use_instead"):
        text = snippet(getattr(rule, name))
        assert text.strip(), f"{rule.code}.{name} is empty"
        compile(text, f"{rule.code}.{name}", "exec")
