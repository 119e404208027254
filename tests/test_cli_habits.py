"""The Ruff habits people type without thinking (issue 12, section 5): --extend-select, `chatlint rule NAME`,
`--select CL100` alone, "did you mean", --statistics with a total (and not with --diff), and a `# noqa` on the
first line of a multi-line flagged call."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import BUGGY_COLLATOR, CLEAN_MODULE, run_cli, write

from chatlint import config as config_module
from chatlint.config import Config

# CL001 reported on the `add_generation_prompt=True` line (5), inside a call that starts on line 4.
MULTILINE = textwrap.dedent(
    """\
    def collate(tokenizer, examples):
        texts = []
        for example in examples:
            text = tokenizer.apply_chat_template({first}
                example["messages"],
                tokenize=False,
                add_generation_prompt=True,{own}
            ){last}
            texts.append(text)
        batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch
    """
)
RENDER_LINE, FLAG_LINE = 4, 7


def multiline(first: str = "", own: str = "", last: str = "") -> str:
    return MULTILINE.format(first=first, own=own, last=last)


def codes(outcome_json: list[dict]) -> list[tuple[int, str]]:
    return [(finding["line"], finding["code"]) for finding in outcome_json]


# -- a noqa comment on the first (or last) line of a multi-line flagged call ----------------------------------------


def test_the_unsilenced_multiline_call_is_flagged_on_the_keyword_line(tmp_path: Path) -> None:
    path = write(tmp_path / "collate.py", multiline())
    outcome = run_cli("--output-format", "json", str(path))
    assert codes(outcome.json()) == [(FLAG_LINE, "CL001")]


@pytest.mark.parametrize(
    "where",
    [{"first": "  # noqa: CL001"}, {"last": "  # noqa: CL001"}, {"own": "  # noqa: CL001"}, {"first": "  # noqa"}],
)
def test_noqa_on_any_line_of_the_flagged_statement_silences_it_and_is_used(tmp_path: Path, where: dict) -> None:
    path = write(tmp_path / "collate.py", multiline(**where))
    assert run_cli("--output-format", "json", str(path)).json() == []
    # the directive did silence something: CL100 has nothing to say about it
    outcome = run_cli("--extend-select", "CL100", "--output-format", "json", str(path))
    assert outcome.json() == []
    # and the finding is kept as a suppressed one (SARIF reports it so)
    sarif = run_cli("--output-format", "sarif", str(path))
    assert '"inSource"' in sarif.output


def test_noqa_for_another_code_or_another_statement_does_not_silence(tmp_path: Path) -> None:
    other_code = write(tmp_path / "a.py", multiline(first="  # noqa: CL002"))
    assert codes(run_cli("--output-format", "json", str(other_code)).json()) == [(FLAG_LINE, "CL001")]
    # a directive on the next statement's line is not part of the flagged statement
    next_statement = multiline().replace("texts.append(text)", "texts.append(text)  # noqa: CL001")
    path = write(tmp_path / "b.py", next_statement)
    outcome = run_cli("--select", "CL001,CL100", "--output-format", "json", str(path))
    assert codes(outcome.json()) == [(FLAG_LINE, "CL001"), (FLAG_LINE + 2, "CL100")]


def test_two_directives_on_one_statement_one_is_reported_unused(tmp_path: Path) -> None:
    path = write(tmp_path / "collate.py", multiline(first="  # noqa: CL001", own="  # noqa: CL001"))
    outcome = run_cli("--extend-select", "CL100", "--output-format", "json", str(path))
    # the directive on the reported line is the one used; the other silences nothing
    assert codes(outcome.json()) == [(RENDER_LINE, "CL100")]


# -- --select CL100 alone -----------------------------------------------------------------------------------------

RENDER = 'self.tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True)'
# line 2: a directive that silences nothing; line 11: one that silences BUGGY_COLLATOR's CL001
STALE = CLEAN_MODULE.rstrip("\n") + "  # noqa: CL001\n\n\n" + BUGGY_COLLATOR.replace(RENDER, RENDER + "  # noqa: CL001")
USED_LINE = 11


def test_select_cl100_alone_judges_every_chatlint_directive(tmp_path: Path) -> None:
    path = write(tmp_path / "stale.py", STALE)
    # CL001 is not selected, yet its directives are judged: the first silences nothing, the second a real finding
    outcome = run_cli("--select", "CL100", "--output-format", "json", str(path))
    assert outcome.exit_code == 1
    assert codes(outcome.json()) == [(2, "CL100")]
    assert "CL001 reports nothing" in outcome.json()[0]["message"]
    # CL001's own finding (silenced or not) is never reported: it was not selected
    fixed = run_cli("--select", "CL100", "--fix", str(path))
    assert fixed.exit_code == 0, fixed.output
    text = path.read_text(encoding="utf-8")
    assert text.count("# noqa: CL001") == 1 and text.splitlines()[USED_LINE - 1].endswith("# noqa: CL001")


def test_select_cl100_alone_leaves_other_tools_codes_and_bare_noqa_alone(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.py", CLEAN_MODULE.rstrip("\n") + "  # noqa: E501\nx = 1  # noqa\n")
    assert run_cli("--select", "CL100", str(path)).exit_code == 0


def test_cl100_judges_a_code_ignored_for_the_file_too(tmp_path: Path) -> None:
    path = write(tmp_path / "stale.py", STALE)
    outcome = run_cli("--select", "CL", "--ignore", "CL001", "--output-format", "json", str(path))
    assert codes(outcome.json()) == [(2, "CL100")]


# -- --extend-select and extend-select ------------------------------------------------------------------------------


def test_extend_select_adds_to_the_default_selection(tmp_path: Path) -> None:
    path = write(tmp_path / "stale.py", STALE)
    default = run_cli("--output-format", "json", str(path))
    assert default.json() == []  # CL100 is off by default
    extended = run_cli("--extend-select", "CL100", "--output-format", "json", str(path))
    assert codes(extended.json()) == [(2, "CL100")]


def test_extend_select_adds_to_select_on_the_command_line(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR + "x = 1  # noqa: CL002\n")
    outcome = run_cli("--select", "CL002", "--extend-select", "CL100", "--output-format", "json", str(path))
    assert codes(outcome.json()) == [(13, "CL100")]


def test_extend_select_in_the_configuration(tmp_path: Path) -> None:
    write(tmp_path / "stale.py", STALE)
    write(tmp_path / "pyproject.toml", '[tool.chatlint]\nextend-select = ["CL100"]\n')
    outcome = run_cli("--output-format", "json", cwd=tmp_path)
    assert codes(outcome.json()) == [(2, "CL100")]
    # the command line's --select replaces the configuration's selection, its extend-select included
    assert run_cli("--select", "CL001", cwd=tmp_path).exit_code == 0
    # a bad code in it is an error naming the key
    write(tmp_path / "pyproject.toml", '[tool.chatlint]\nextend-select = ["CL9"]\n')
    outcome = run_cli(cwd=tmp_path)
    assert outcome.exit_code == 2 and "`extend-select`" in outcome.stderr


def test_rule_selection_layers_like_ruff() -> None:
    def chosen(config: Config, select=(), extend=(), ignore=()) -> list[str]:
        return [rule.code for rule in config_module.rules_for(config, select, extend, ignore)]

    default = chosen(Config(root=Path(".")))
    assert "CL100" not in default and default
    assert sorted(chosen(Config(root=Path(".")), extend=("CL100",))) == sorted([*default, "CL100"])
    # the configuration's select, extended
    assert chosen(Config(root=Path("."), select=("CL001",), extend_select=("CL100",))) == ["CL001", "CL100"]
    # the command line's ignore is applied after the configuration's select, however specific that is
    assert chosen(Config(root=Path("."), select=("CL001",)), ignore=("CL",)) == []
    # the command line's extend-select re-enables what the configuration ignored
    assert sorted(chosen(Config(root=Path("."), ignore=("CL100",)), extend=("CL100",))) == sorted([*default, "CL100"])
    # within one layer, an ignore at least as specific as the selection wins
    assert chosen(Config(root=Path(".")), select=("CL",), extend=("CL100",), ignore=("CL100",)) == [
        code for code in chosen(Config(root=Path(".")), select=("CL",)) if code != "CL100"
    ]


# -- `chatlint rule NAME`, "did you mean" ---------------------------------------------------------------------------


def test_rule_by_name_as_well_as_by_code() -> None:
    by_code = run_cli("rule", "CL001")
    by_name = run_cli("rule", "generation-prompt-on-full-conversation")
    assert by_name.exit_code == 0 and by_name.output == by_code.output
    typo = run_cli("rule", "generation-prompt-on-full-conversaton")
    assert typo.exit_code == 2
    assert "did you mean `generation-prompt-on-full-conversation`?" in typo.stderr


def test_config_key_typo_suggests_the_key(tmp_path: Path) -> None:
    write(tmp_path / "a.py", "x = 1\n")
    write(tmp_path / "pyproject.toml", '[tool.chatlint]\nselct = ["CL"]\n')
    outcome = run_cli(cwd=tmp_path)
    assert outcome.exit_code == 2
    assert "unknown key `selct` in [tool.chatlint]; did you mean `select`?" in outcome.stderr
    write(tmp_path / "pyproject.toml", '[tool.chatlint]\nextend_select = ["CL100"]\n')
    assert "did you mean `extend-select`?" in run_cli(cwd=tmp_path).stderr


def test_unknown_rule_code_suggests_one(tmp_path: Path) -> None:
    # `CL02` is no code's prefix (CL01 is: CL010, CL011)
    outcome = run_cli("--select", "CL02", str(tmp_path))
    assert outcome.exit_code == 2 and "did you mean `CL002`?" in outcome.stderr
    by_name = run_cli("--ignore", "generation-prompt-on-full-conversation", str(tmp_path))
    assert by_name.exit_code == 2 and "is the name of CL001" in by_name.stderr
    write(tmp_path / "pyproject.toml", '[tool.chatlint]\nignore = ["CL0001"]\n')
    assert "did you mean `CL001`?" in run_cli(cwd=tmp_path).stderr


# -- --statistics ------------------------------------------------------------------------------------------------------


def test_statistics_ends_with_a_total(tmp_path: Path) -> None:
    write(tmp_path / "a.py", BUGGY_COLLATOR)
    write(tmp_path / "b.py", BUGGY_COLLATOR)
    outcome = run_cli("--statistics", str(tmp_path))
    assert outcome.exit_code == 1
    assert outcome.output == (
        "2\tCL001\t[*] generation-prompt-on-full-conversation\nFound 2 problems (2 fixable with --fix).\n"
    )
    assert run_cli("--statistics", "--quiet", str(tmp_path)).output.count("\n") == 1  # the rows only


def test_statistics_with_diff_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path / "a.py", BUGGY_COLLATOR)
    outcome = run_cli("--statistics", "--diff", str(path))
    assert outcome.exit_code == 2
    assert "--statistics cannot be combined with --diff" in outcome.stderr
    assert path.read_text(encoding="utf-8") == BUGGY_COLLATOR
