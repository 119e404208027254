"""The README's rule table says what the registry says: every rule (off-by-default ones too), in registry order, with
its code, name and `summary` word for word, and a fix column that says "none" exactly when the rule has no fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatlint.rules import ALL_RULES, Rule

README = Path(__file__).resolve().parent.parent / "README.md"
HEADER = ["code", "name", "summary", "fix"]


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def readme_rule_table() -> list[list[str]]:
    lines = README.read_text(encoding="utf-8").splitlines()
    starts = [number for number, line in enumerate(lines) if line.startswith("|") and cells(line) == HEADER]
    assert len(starts) == 1, f"README.md must hold one rule table with the header `| {' | '.join(HEADER)} |`"
    rows = []
    for line in lines[starts[0] + 2 :]:
        if not line.startswith("|"):
            break
        row = cells(line)
        assert len(row) == len(HEADER), f"README rule table: a row without {len(HEADER)} cells: {line!r}"
        rows.append(row)
    return rows


def expected_summary(rule: type[Rule]) -> str:
    # as `chatlint rules` prints it
    return rule.summary + ("" if rule.enabled_by_default else " (off by default)")


def test_readme_lists_every_rule_in_registry_order() -> None:
    assert [row[0] for row in readme_rule_table()] == [rule.code for rule in ALL_RULES]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_readme_row_matches_the_rule(rule: type[Rule]) -> None:
    rows = {row[0]: row for row in readme_rule_table()}
    assert rule.code in rows, f"README.md's rule table has no row for {rule.code}"
    _, name, summary, fix = rows[rule.code]
    assert name == rule.name, f"{rule.code}: README names it {name!r}, the rule is {rule.name!r}"
    assert summary == expected_summary(rule), (
        f"{rule.code}: README summary differs from the rule's `summary`:\n"
        f"  README: {summary}\n  rule:   {expected_summary(rule)}"
    )
    no_fix = fix.startswith("none")
    assert no_fix != rule.fixable, (
        f"{rule.code}: the rule is {'fixable' if rule.fixable else 'not fixable'}, but README's fix column says {fix!r}"
    )
