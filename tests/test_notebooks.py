"""Jupyter notebooks: cells analysed together, IPython syntax set aside, fixes written back into the cells only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run_cli

from chatlint.notebooks import parse_notebook

MESSAGES_CELL = [
    "import json\n",
    "messages = [\n",
    '    {"role": "user", "content": "Bonjour — ça va ?"},\n',
    '    {"role": "assistant", "content": "Très bien."},\n',
    "]",
]
RENDER_CELL = [
    "%%time\n",
    "text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)\n",
    "total = (1\n",
    "% 2)\n",
    "files = !ls\n",
    "tokenizer?",
]
BUG = "add_generation_prompt=True"


def notebook(*code_cells: list[str] | str, language: str = "python") -> dict:
    cells: list[dict] = [{"cell_type": "markdown", "metadata": {}, "source": ["# Données d'entraînement\n", "ok"]}]
    for number, source in enumerate(code_cells, start=1):
        cells.append(
            {
                "cell_type": "code",
                "execution_count": number,
                "metadata": {"tags": ["train"]},
                "outputs": [{"name": "stdout", "output_type": "stream", "text": ["été ✓\n", "\u001b[32mok\u001b[0m"]}],
                "source": source,
            }
        )
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "name": "python3"},
            "language_info": {"name": language},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def write_notebook(
    path: Path,
    document: dict,
    indent: int | str | None = 1,
    ensure_ascii: bool = False,
    trailing: str = "\n",
    newline: str = "\n",
) -> bytes:
    text = json.dumps(document, indent=indent, ensure_ascii=ensure_ascii) + trailing
    data = text.replace("\n", newline).encode("utf-8")
    path.write_bytes(data)
    return data


def test_names_are_followed_across_cells_and_findings_point_at_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "train.ipynb"
    write_notebook(path, notebook(MESSAGES_CELL, RENDER_CELL))
    outcome = run_cli("check", "--output-format", "json", str(path))
    assert outcome.exit_code == 1, outcome.output + outcome.stderr
    [finding] = outcome.json()
    assert (finding["code"], finding["cell"], finding["line"]) == ("CL001", 3, 2)
    line = RENDER_CELL[1]
    assert finding["column"] == line.index("True") + 1
    assert finding["fix"]["edits"][0]["line"] == 2
    text = run_cli("check", str(path))
    assert text.output.startswith(f"{path}:cell 3:2:{finding['column']}: CL001 ")


def test_python_files_keep_their_json_without_a_cell_field(tmp_path: Path) -> None:
    path = tmp_path / "train.py"
    path.write_text("".join(MESSAGES_CELL) + "\n" + RENDER_CELL[1], encoding="utf-8")
    [finding] = run_cli("check", "--output-format", "json", str(path)).json()
    assert "cell" not in finding and finding["line"] == 6


def test_magics_are_set_aside_and_continuation_lines_are_not_magics() -> None:
    shell = ["!pip install -q transformers \\\n", "    datasets\n", "%load_ext autoreload\n", "x = 1"]
    bash = ["%%bash\n", "for f in *.json; do echo $f; done\n"]
    document = notebook(shell, bash, MESSAGES_CELL, RENDER_CELL)
    parsed = parse_notebook("nb.ipynb", json.dumps(document).encode())
    module = parsed.module_text()
    assert "pip install" not in module and "datasets" not in module and "for f in" not in module
    assert "files = !ls" not in module and "tokenizer?" not in module
    assert "total = (1\n% 2)\n" in module  # a modulo that continues a bracket is Python, not a magic
    compile(module, "nb", "exec")


def test_fix_changes_only_the_fixed_cell_and_keeps_magics_outputs_and_layout(tmp_path: Path) -> None:
    path = tmp_path / "train.ipynb"
    before = write_notebook(path, notebook(MESSAGES_CELL, RENDER_CELL))
    outcome = run_cli("check", "--fix", str(path))
    assert outcome.exit_code == 0, outcome.output + outcome.stderr
    after = path.read_bytes()
    assert before.count(BUG.encode()) == 1
    assert after == before.replace(BUG.encode(), b"add_generation_prompt=False")


@pytest.mark.parametrize(
    "layout",
    [
        {"indent": 1, "ensure_ascii": False},
        {"indent": 2, "ensure_ascii": True},
        {"indent": 4, "ensure_ascii": False, "trailing": ""},
        {"indent": 1, "ensure_ascii": False, "newline": "\r\n"},
        {"indent": None, "ensure_ascii": True},
    ],
    ids=["nbformat", "indent2-ascii", "indent4-no-newline", "crlf", "one-line"],
)
@pytest.mark.parametrize("source_as", ["list", "string"])
def test_fix_keeps_every_other_byte_of_the_file(tmp_path: Path, layout: dict, source_as: str) -> None:
    cells = (MESSAGES_CELL, RENDER_CELL)
    if source_as == "string":
        cells = tuple("".join(cell) for cell in cells)
    path = tmp_path / "train.ipynb"
    before = write_notebook(path, notebook(*cells), **layout)
    assert run_cli("check", "--fix", str(path)).exit_code == 0
    assert path.read_bytes() == before.replace(BUG.encode(), b"add_generation_prompt=False")


def test_a_layout_that_cannot_be_reproduced_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "train.ipynb"
    text = json.dumps(notebook(MESSAGES_CELL, RENDER_CELL), indent=1).replace('"cells": [', '"cells":    [')
    path.write_text(text, encoding="utf-8")
    outcome = run_cli("check", "--fix", str(path))
    assert outcome.exit_code == 2
    assert "cannot write the notebook back" in outcome.output
    assert "cell 3:2:" in outcome.output  # the finding is still reported, as it is on disk
    assert path.read_text(encoding="utf-8") == text


def test_diff_shows_the_changed_cell_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "train.ipynb"
    before = write_notebook(path, notebook(MESSAGES_CELL, RENDER_CELL))
    outcome = run_cli("check", "--diff", str(path))
    assert outcome.exit_code == 1
    assert f"--- {path}:cell 3" in outcome.output
    assert (
        "-text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)" in outcome.output
    )
    assert (
        "+text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=False)" in outcome.output
    )
    assert path.read_bytes() == before


def test_syntax_error_is_reported_with_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "broken.ipynb"
    write_notebook(path, notebook(["x = 1\n", "def broken(:\n", "    apply_chat_template(add_generation_prompt=True)"]))
    outcome = run_cli("check", str(path))
    assert outcome.exit_code == 2
    assert f"{path}:cell 2:2:12: error: syntax error" in outcome.output  # the `:` after `broken(`, where Python stops
    assert "4:4" not in outcome.output  # no line numbers of the concatenated module leak out


def test_noqa_in_a_cell_and_add_noqa_write_into_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "train.ipynb"
    before = write_notebook(path, notebook(MESSAGES_CELL, RENDER_CELL))
    outcome = run_cli("check", "--add-noqa", str(path))
    assert outcome.exit_code == 0, outcome.output + outcome.stderr
    assert "Added 1 noqa directive." in outcome.stderr
    after = path.read_bytes()
    silenced = b"add_generation_prompt=True)  # noqa: CL001\\n"
    assert after == before.replace(b"add_generation_prompt=True)\\n", silenced)
    assert run_cli("check", str(path)).exit_code == 0


def test_folders_are_walked_for_notebooks_but_not_checkpoints(tmp_path: Path) -> None:
    write_notebook(tmp_path / "train.ipynb", notebook(MESSAGES_CELL, RENDER_CELL))
    (tmp_path / ".ipynb_checkpoints").mkdir()
    write_notebook(tmp_path / ".ipynb_checkpoints" / "train-checkpoint.ipynb", notebook(MESSAGES_CELL, RENDER_CELL))
    findings = run_cli("check", "--output-format", "json", str(tmp_path)).json()
    assert [Path(finding["path"]).name for finding in findings] == ["train.ipynb"]


def test_other_kernels_and_broken_notebooks(tmp_path: Path) -> None:
    r_notebook = tmp_path / "analysis.ipynb"
    write_notebook(r_notebook, notebook(MESSAGES_CELL, RENDER_CELL, language="R"))
    assert run_cli("check", str(r_notebook)).exit_code == 0
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    outcome = run_cli("check", str(broken))
    assert outcome.exit_code == 2
    assert "notebook is not valid JSON" in outcome.output


def test_a_broken_cell_is_skipped_and_the_others_are_still_checked_and_fixed(tmp_path: Path) -> None:
    path = tmp_path / "train.ipynb"
    broken = [
        "inputs = processor.apply_chat_template(\n",
        "    messages,\n",
        '    return_tensors="pt"\n',
        "    return_dict=True,\n",
        ")",
    ]
    before = write_notebook(path, notebook(MESSAGES_CELL, broken, RENDER_CELL))
    outcome = run_cli("check", "--output-format", "json", str(path))
    assert outcome.exit_code == 2  # a cell could not be checked
    assert [(finding["cell"], finding["line"]) for finding in outcome.json()] == [(4, 2)]
    assert "syntax error in cell 3:" in outcome.stderr and "that cell was not checked" in outcome.stderr
    fixed = run_cli("check", "--fix", str(path))
    assert fixed.exit_code == 2
    assert path.read_bytes() == before.replace(BUG.encode(), b"add_generation_prompt=False")


def test_a_notebook_read_from_stdin_is_checked_and_passed_through_unchanged(tmp_path: Path) -> None:
    data = json.dumps(notebook(MESSAGES_CELL, RENDER_CELL), indent=1).encode()
    outcome = run_cli("check", "--output-format", "json", "--stdin-filename", "train.ipynb", "-", input=data)
    assert outcome.exit_code == 1
    [finding] = outcome.json()
    assert (finding["path"], finding["cell"], finding["line"]) == ("train.ipynb", 3, 2)
    fixed = run_cli("check", "--fix", "--stdin-filename", "train.ipynb", "-", input=data)
    assert fixed.output.encode() == data  # notebooks from stdin are checked, not fixed
