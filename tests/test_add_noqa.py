"""--add-noqa: adopting chatlint on an existing codebase, and CL100 finding the directives that went stale."""

from __future__ import annotations

from pathlib import Path

from helpers import BUGGY_COLLATOR, run_cli, write

from chatlint.add_noqa import add_noqa
from chatlint.findings import Finding

FLAGGED_LINE = 7  # the render in BUGGY_COLLATOR
RENDER = 'self.tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True)'


def _finding(line: int, code: str = "CL001") -> Finding:
    return Finding(code, "message", "x.py", line, 1, line, 2)


def test_add_noqa_silences_the_finding_and_changes_nothing_else(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli("check", "--add-noqa", str(path))
    assert outcome.exit_code == 0, outcome.output + outcome.stderr
    assert "Added 1 noqa directive." in outcome.stderr
    expected = BUGGY_COLLATOR.replace(RENDER, RENDER + "  # noqa: CL001")
    assert path.read_text(encoding="utf-8") == expected
    assert run_cli("check", str(path)).exit_code == 0
    # a second run has nothing left to add
    again = run_cli("check", "--add-noqa", str(path))
    assert (again.exit_code, path.read_text(encoding="utf-8")) == (0, expected)
    assert "Added 0 noqa directives." in again.stderr
    # the directives it wrote are used: CL100 has nothing to say about them
    assert run_cli("check", "--select", "CL001,CL100", str(path)).exit_code == 0


def test_add_noqa_merges_with_an_existing_directive_and_keeps_other_comments(tmp_path: Path) -> None:
    merged = BUGGY_COLLATOR.replace(RENDER, RENDER + "  # noqa: E501")
    path = write(tmp_path / "collator.py", merged)
    assert run_cli("check", "--add-noqa", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == BUGGY_COLLATOR.replace(RENDER, RENDER + "  # noqa: E501, CL001")

    commented = BUGGY_COLLATOR.replace(RENDER, RENDER + "  # keep the header?")
    write(path, commented)
    assert run_cli("check", "--add-noqa", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == commented.replace("header?", "header?  # noqa: CL001")


def test_add_noqa_keeps_crlf_line_breaks_and_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "collator.py"
    original = ("# -*- coding: latin-1 -*-\n# café\n" + BUGGY_COLLATOR).replace("\n", "\r\n").encode("latin-1")
    path.write_bytes(original)
    assert run_cli("check", "--add-noqa", str(path)).exit_code == 0
    expected = original.replace(RENDER.encode() + b"\r\n", RENDER.encode() + b"  # noqa: CL001\r\n")
    assert path.read_bytes() == expected != original


def test_add_noqa_cannot_be_combined_with_fix(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", BUGGY_COLLATOR)
    outcome = run_cli("check", "--add-noqa", "--fix", str(path))
    assert outcome.exit_code == 2
    assert path.read_text(encoding="utf-8") == BUGGY_COLLATOR


def test_several_codes_on_one_line_are_added_together() -> None:
    text = "a = 1\nb = 2  \n"
    edit = add_noqa(text, [_finding(2, "CL003"), _finding(2, "CL001"), _finding(2, "CL001")])
    assert edit.text == "a = 1\nb = 2  # noqa: CL001, CL003\n"
    assert (edit.added, edit.left) == (1, [])


def test_a_line_that_ends_inside_a_string_is_left_alone_and_reported() -> None:
    text = 'x = f(True, """\ntemplate\n""")\ny = 2 + \\\n    3\nz = 3'
    findings = [_finding(1), _finding(4), _finding(6)]
    edit = add_noqa(text, findings)
    assert edit.text == 'x = f(True, """\ntemplate\n""")\ny = 2 + \\\n    3\nz = 3  # noqa: CL001'
    assert edit.left == [findings[0], findings[1]]
    assert edit.added == 1


def test_a_directive_inside_a_string_is_not_merged_into() -> None:
    text = 'label = "# noqa: E501"\n'
    edit = add_noqa(text, [_finding(1)])
    assert edit.text == 'label = "# noqa: E501"  # noqa: CL001\n'


def test_unsilenceable_findings_keep_the_exit_code(tmp_path: Path) -> None:
    source = (
        'messages = [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]\n'
        'text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, chat_template="""\n'
        "{{ messages }}\n"
        '""")\n'
    )
    path = write(tmp_path / "script.py", source)
    outcome = run_cli("check", "--add-noqa", str(path))
    assert outcome.exit_code == 1
    assert "Added 0 noqa directives." in outcome.stderr
    assert "CL001" in outcome.output
    assert path.read_text(encoding="utf-8") == source
