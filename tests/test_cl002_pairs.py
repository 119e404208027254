"""CL002 on a prompt and its full conversation, both doubled, the prompt's length masking the labels: one finding
for both sides, and a fix that changes both calls or neither (one side alone would shift the mask by a token)."""

from __future__ import annotations

import textwrap

from chatlint.dependencies import DependencyVersions
from chatlint.engine import FixMode, check_text
from chatlint.rules import ALL_RULES

RULES = [rule(DependencyVersions(None, {})) for rule in ALL_RULES if rule.code == "CL002"]

MIXED = textwrap.dedent(
    """\
    def ids_of(tokenizer, text):
        return tokenizer(text)["input_ids"]


    def tokenize(example, tokenizer):
        prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
        full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
        prompt_ids = ids_of(tokenizer, prompt)
        full_ids = tokenizer(full)["input_ids"]{noqa}
        labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
        return {{"input_ids": full_ids, "labels": labels}}
    """
)


def test_one_finding_names_both_sides() -> None:
    result = check_text("pair.py", MIXED.format(noqa=""), RULES)
    assert [(finding.line, finding.code) for finding in result.findings] == [(9, "CL002")]
    (finding,) = result.findings
    assert "`full` and the prompt `prompt` are both rendered by" in finding.message
    assert "fix both calls together" in finding.message


def test_the_safe_fix_never_changes_one_side_alone() -> None:
    """The full side alone would be a safe edit, the prompt side (inside a shared helper) is not: `--fix` without
    `--unsafe-fixes` leaves both as they are."""
    result = check_text("pair.py", MIXED.format(noqa=""), RULES, FixMode(apply=True, unsafe=False))
    assert result.fixed_text is None
    both = check_text("pair.py", MIXED.format(noqa=""), RULES, FixMode(apply=True, unsafe=True))
    assert both.fixed_text is not None
    assert 'tokenizer(text, add_special_tokens=False)["input_ids"]' in both.fixed_text
    assert 'tokenizer(full, add_special_tokens=False)["input_ids"]' in both.fixed_text


def test_a_noqa_on_the_full_side_silences_the_pair() -> None:
    result = check_text("pair.py", MIXED.format(noqa="  # noqa: CL002"), RULES)
    assert not result.findings
