"""mlx-lm's own modules (and a fork's) call its `generate` / `stream_generate` by a relative import (`from .generate
import stream_generate` in `mlx_lm/chat.py`): the prompt they hand it is mlx-lm's prompt, a text or a list of ids,
as when a script imports it from `mlx_lm` (CL005). A package of another name with a function of that name is not
mlx-lm."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli

GENERATE = """def stream_generate(model, tokenizer, prompt, max_tokens=256):
    return _stream(model, tokenizer, prompt, max_tokens)
"""

CHAT = """from .generate import stream_generate


def chat(model, tokenizer, query):
    messages = [{"role": "user", "content": query}]
    prompt = tokenizer.apply_chat_template(messages, add_generation_prompt=True{extra})
    for response in stream_generate(model, tokenizer, prompt):
        print(response.text, end="", flush=True)
"""


def _findings(tmp_path: Path, package: str, extra: str = "") -> set[tuple[str, int, str]]:
    (tmp_path / "requirements.txt").write_text("transformers>=4.45\n")
    folder = tmp_path / package
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "generate.py").write_text(GENERATE)
    (folder / "chat.py").write_text(CHAT.replace("{extra}", extra))
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "json", ".", cwd=tmp_path)
    assert outcome.exit_code == 0, outcome.stderr
    return {(item["path"], item["line"], item["code"]) for item in json.loads(outcome.output)}


def test_mlx_lm_own_chat_module_is_flagged(tmp_path: Path) -> None:
    assert _findings(tmp_path, "mlx_lm") == {("mlx_lm/chat.py", 6, "CL005")}


def test_the_same_module_with_return_dict_false_is_quiet(tmp_path: Path) -> None:
    assert not _findings(tmp_path, "mlx_lm", ", return_dict=False")


def test_a_package_of_another_name_is_not_mlx_lm(tmp_path: Path) -> None:
    assert not _findings(tmp_path, "chat_tool")
