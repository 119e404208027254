"""Scripts a module writes out as string literals are checked as modules of their own, and their findings are placed
on the lines of the string: its first line after the opening quotes, a dedented f-string's margin put back, the
other lines a message names moved too, no fix offered, and a `--fix` run leaves the string alone."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from helpers import run_cli

SCRIPT = textwrap.dedent(
    """\
    import textwrap


    def app(model):
        return textwrap.dedent(f'''\\
            from transformers import AutoTokenizer
            tokenizer = AutoTokenizer.from_pretrained("{model}")
            messages = [{{"role": "user", "content": "hi"}}]
            text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
            ids = tokenizer(text)
            ''')


    PAD = '''from transformers import AutoTokenizer, DataCollatorForLanguageModeling
    tokenizer = AutoTokenizer.from_pretrained("{model}")
    tokenizer.pad_token = tokenizer.eos_token
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
    '''
    """
)


def test_findings_sit_on_the_lines_of_the_string(tmp_path: Path) -> None:
    path = tmp_path / "generate.py"
    path.write_text(SCRIPT)
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "json", str(path))
    found = {item["code"]: item for item in json.loads(outcome.output)}
    double = found["CL002"]
    lines = SCRIPT.splitlines()
    # the f-string continues its first line (`f'''\`): its script's line 5 is the file's line 10, at its margin
    assert double["line"] == 10 and lines[9][double["column"] - 1 :].startswith("tokenizer(text)")
    assert double["message"].startswith("in the script the string at line 5 holds: ")
    assert double["fix"] is None
    pad = found["CL004"]
    assert pad["line"] == 16 and lines[15][pad["column"] - 1 :].startswith("tokenizer.pad_token")
    # the mask's line is named as the file's line, not the script's
    assert "line 17 masks labels by value" in pad["message"]
    assert {"path": pad["path"], "line": 14, "note": "the string that holds the script"} in pad["related"]


def test_a_fix_run_leaves_the_string_alone(tmp_path: Path) -> None:
    path = tmp_path / "generate.py"
    path.write_text(SCRIPT)
    run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text() == SCRIPT
