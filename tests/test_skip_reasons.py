"""Why a file was not checked is a `SkipReason`: decisions test it, and its words are built in one place."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_notebooks import MESSAGES_CELL, RENDER_CELL, notebook, write_notebook

from chatlint import findings
from chatlint.cache import ResultCache
from chatlint.config import Config
from chatlint.engine import FileResult, check_text
from chatlint.findings import FileError, SkipReason
from chatlint.rules import ALL_RULES
from chatlint.runner import Runner, RunOptions


def _errors(tmp_path: Path, name: str, data: bytes | None) -> list[FileError]:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    return Runner(Config(root=tmp_path), RunOptions()).run([str(path)]).errors


@pytest.mark.parametrize(
    ("name", "data", "cause", "words"),
    [
        ("binary.py", b"\x00\x01apply_chat_template", SkipReason.BINARY, "binary file (contains NUL bytes)"),
        (
            "cookie.py",
            b"# -*- coding: no-such-codec -*-\nx = 1\n",
            SkipReason.UNKNOWN_ENCODING,
            "bad encoding declaration: unknown encoding: no-such-codec",
        ),
        (
            "latin.py",
            b"x = '\xff\xfe'\n",
            SkipReason.NOT_UTF8,
            "cannot decode as utf-8 (and no encoding declaration says otherwise)",
        ),
        ("declared.py", b"# coding: ascii\nx = '\xc3\xa9'\n", SkipReason.UNDECODABLE, "cannot decode as ascii: "),
        ("missing.py", None, SkipReason.NOT_FOUND, "no such file (or a broken symlink)"),
        ("broken.py", b"def f(:\n    apply_chat_template\n", SkipReason.SYNTAX_ERROR, "syntax error: "),
        ("notebook.ipynb", b'{"cells": [', SkipReason.NOTEBOOK_NOT_JSON, "notebook is not valid JSON: "),
        ("other.ipynb", b'{"nbformat": 4}', SkipReason.NOT_A_NOTEBOOK, "not a Jupyter notebook"),
    ],
)
def test_each_reason_a_file_is_not_checked_has_its_cause(
    tmp_path: Path, name: str, data: bytes | None, cause: SkipReason, words: str
) -> None:
    [error] = _errors(tmp_path, name, data)
    assert error.cause is cause and error.kind == "error"
    assert error.reason.startswith(words)


def test_too_large_and_folders(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "big.py").write_bytes(b"x.apply_chat_template(m)\n" * 3)
    config = Config(root=tmp_path, max_file_size=10)
    [error] = Runner(config, RunOptions()).run([str(tmp_path / "big.py")]).errors
    assert (error.cause, error.reason) == (
        SkipReason.TOO_LARGE,
        "file too large to parse (75 bytes, limit 10: `max-file-size` in [tool.chatlint])",
    )
    (tmp_path / "folder.py").mkdir()
    [error] = _errors(tmp_path, "folder.py", None)
    assert (error.cause, error.reason) == (SkipReason.IS_DIRECTORY, "is a directory")


def test_the_broken_cell_decision_does_not_read_the_words(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # reword the syntax error: the notebook's other cells must still be checked without the broken one
    monkeypatch.setitem(findings._WORDS, SkipReason.SYNTAX_ERROR, "the parser gave up: {}")
    path = tmp_path / "train.ipynb"
    write_notebook(path, notebook(MESSAGES_CELL, "x = (\n", RENDER_CELL))
    run = Runner(Config(root=tmp_path), RunOptions()).run([str(path)])
    assert [(finding.cell, finding.code) for finding in run.findings] == [(4, "CL001")]  # cell 1 is markdown
    [error] = run.errors
    assert error.cause is SkipReason.CELL_SYNTAX_ERROR
    assert error.reason.startswith("syntax error in cell 3: ") and error.reason.endswith("that cell was not checked")


def test_a_cached_error_keeps_its_cause(tmp_path: Path) -> None:
    result = check_text("broken.py", "def f(:\n    apply_chat_template\n", [rule() for rule in ALL_RULES])
    [error] = result.errors
    assert error.cause is SkipReason.SYNTAX_ERROR
    cache = ResultCache(tmp_path, ("settings",))
    cache.put("broken.py", "digest", result)
    cache.save()
    again = ResultCache(tmp_path, ("settings",)).get("broken.py", "digest")
    assert again == result and isinstance(again, FileResult) and again.errors[0].cause is SkipReason.SYNTAX_ERROR


def test_every_reason_has_words() -> None:
    assert set(findings._WORDS) == set(SkipReason)
