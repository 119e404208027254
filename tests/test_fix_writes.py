"""--fix changes nothing but the flagged expressions: encoding, BOM, newlines and permissions stay as they were."""

from __future__ import annotations

import ast
import codecs
import os
import stat
from pathlib import Path

from helpers import BUGGY_COLLATOR, run_cli

from chatlint.engine import FixMode, apply_fixes, check_text
from chatlint.findings import Applicability, Edit, Fix
from chatlint.rules import ALL_RULES

FIXED = BUGGY_COLLATOR.replace("add_generation_prompt=True", "add_generation_prompt=False")


def test_crlf_newlines_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "collator.py"
    path.write_bytes(BUGGY_COLLATOR.replace("\n", "\r\n").encode())
    assert run_cli("--fix", str(path)).exit_code == 0
    assert path.read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_bom_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "collator.py"
    path.write_bytes(codecs.BOM_UTF8 + BUGGY_COLLATOR.encode())
    assert run_cli("--fix", str(path)).exit_code == 0
    assert path.read_bytes() == codecs.BOM_UTF8 + FIXED.encode()


def test_declared_encoding_is_kept(tmp_path: Path) -> None:
    header = "# -*- coding: latin-1 -*-\n# caf\xe9\n"
    path = tmp_path / "collator.py"
    path.write_bytes((header + BUGGY_COLLATOR).encode("latin-1"))
    assert run_cli("--fix", str(path)).exit_code == 0
    assert path.read_bytes() == (header + FIXED).encode("latin-1")


def test_permissions_are_kept_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "collator.py"
    path.write_text(BUGGY_COLLATOR)
    path.chmod(0o751)
    assert run_cli("--fix", str(path)).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o751
    assert sorted(os.listdir(tmp_path)) == ["collator.py"]


def test_a_file_with_nothing_to_fix_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "ok.py"
    path.write_text("x = 1\n")
    os.utime(path, (1_000_000, 1_000_000))
    assert run_cli("--fix", str(path)).exit_code == 0
    assert path.stat().st_mtime == 1_000_000


def test_symlinked_file_is_fixed_through_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.py"
    target.write_text(BUGGY_COLLATOR)
    link = tmp_path / "link.py"
    os.symlink(target, link)
    assert run_cli("--fix", str(link)).exit_code == 0
    assert link.is_symlink() and target.read_text() == FIXED


def _cl001_writing(replacement: str):
    """CL001 with every edit of its fixes writing `replacement` instead (a fix gone wrong)."""
    rule = ALL_RULES[0]()
    original_check = rule.check

    def check(facts):
        for diagnostic in original_check(facts):
            edits = tuple(type(edit)(edit.node, replacement) for edit in diagnostic.fix.edits)
            yield type(diagnostic)(
                diagnostic.node,
                diagnostic.message,
                type(diagnostic.fix)(diagnostic.fix.applicability, edits, diagnostic.fix.description),
            )

    rule.check = check  # type: ignore[method-assign]
    return rule


def test_a_fix_that_would_not_parse_is_reverted() -> None:
    result = check_text("x.py", BUGGY_COLLATOR, [_cl001_writing("((")], FixMode(apply=True))
    assert result.fixed_text is None
    assert [finding.code for finding in result.findings] == ["CL001"]
    [error] = result.errors
    assert "would not parse" in error.reason and "reverted" in error.reason


def test_a_fix_that_python_would_refuse_is_reverted() -> None:
    """A text `ast.parse` takes but Python refuses to compile (a keyword argument repeated) is not written."""
    rule = _cl001_writing("False, add_generation_prompt=False")
    result = check_text("x.py", BUGGY_COLLATOR, [rule], FixMode(apply=True))
    assert result.fixed_text is None
    [error] = result.errors
    assert "keyword argument repeated" in error.reason and "reverted" in error.reason


def test_overlapping_fixes_are_applied_one_at_a_time() -> None:
    text = "abcdef\n"
    first = Fix(Applicability.SAFE, (Edit("X", 1, 2, 1, 4),))
    overlapping = Fix(Applicability.SAFE, (Edit("Y", 1, 3, 1, 5),))
    disjoint = Fix(Applicability.SAFE, (Edit("Z", 1, 6, 1, 7),))
    fixed, applied = apply_fixes(text, [first, overlapping, disjoint])
    assert (fixed, applied) == ("aXdeZ\n", 2)


def test_every_fixed_example_still_parses() -> None:
    result = check_text("x.py", BUGGY_COLLATOR, [rule() for rule in ALL_RULES], FixMode(apply=True))
    assert result.fixed_text == FIXED
    ast.parse(result.fixed_text)
