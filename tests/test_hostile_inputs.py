"""Hostile and odd inputs (issue 13, and issue 12 section 4): never hang, never crash the run, never write what
it should not. Each case is one clear line, the rest of the run goes on, and the exit code says so (2, never 1)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from helpers import BUGGY_COLLATOR, CHAT_UTILS_WRAPPER, WRAPPED_COLLATOR, run_cli

from chatlint import cache as cache_module
from chatlint import source as source_module
from chatlint.config import Config
from chatlint.engine import FileResult, check_text
from chatlint.findings import SkipReason
from chatlint.labels.config import load_config as load_labels_config
from chatlint.rules import ALL_RULES
from chatlint.runner import Interrupted, Runner, RunOptions, terminated_as_interrupt

ROOT = Path(__file__).resolve().parent.parent
RULES = [rule() for rule in ALL_RULES]
FIXED_CALL = "add_generation_prompt=False"


def _run_subprocess(*args: str, cwd: Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "CHATLINT_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "chatlint", *args], cwd=cwd, env=environment, capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip


# -- deep code ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    [
        "+".join(["a"] * 500),
        "lambda: " * 500 + "1",
        "f" + "()" * 500,
        "a" + ".b" * 500,
        "a if b else " * 500 + "c",
        "(" + " ".join(['"a"'] * 50_000) + ")",
    ],
    ids=["plus", "lambda", "calls", "attributes", "conditionals", "concatenations"],
)
def test_deep_valid_code_is_analysed(expression: str) -> None:
    text = BUGGY_COLLATOR + f"x = {expression}\n"
    result = check_text("deep.py", text, RULES)
    assert result.errors == []
    assert [finding.code for finding in result.findings] == ["CL001"]


@pytest.mark.parametrize(
    "expression",
    ["+".join(["a"] * 5000), "(" * 100_000 + ")" * 100_000, "not " * 100_000 + "a", "a" + ".b" * 100_000],
    ids=["plus", "brackets", "not", "attributes"],
)
def test_code_nested_past_the_parser_is_one_line_and_fast(expression: str) -> None:
    started = time.monotonic()
    result = check_text("deep.py", BUGGY_COLLATOR + f"x = {expression}\n", RULES)
    assert time.monotonic() - started < 10  # libcst, asked for a newer grammar, took minutes (and crashed)
    [error] = result.errors
    assert error.cause is SkipReason.TOO_DEEPLY_NESTED and error.kind == "error"


def test_a_dataset_built_from_a_row_of_ids_is_analysed_not_a_recursion() -> None:
    # a column read from a parameter asks which calls write that column; one of them builds a dataset from another
    # parameter's column, which asked the same again, until the stack ran out (a real Studio module did this)
    text = textwrap.dedent(
        """\
        from datasets import Dataset


        def from_ids(encoded):
            return Dataset.from_dict({"input_ids": encoded["input_ids"]})


        def encode(example, tok):
            prompt = tok.apply_chat_template(example["messages"], tokenize=False)
            return tok(example["text"]), prompt
        """
    )
    result = check_text("studio.py", text, RULES)
    assert result.errors == [] and result.findings == []


def test_a_method_that_retries_through_its_own_call_is_analysed_in_time() -> None:
    # each `return self._get_item(i + 1)` asked again what the method returns, once per path through the others:
    # six retries and a dataset's `__getitem__` returning the result by name took minutes (a real LLaVA training
    # module has five); what a list's tuples hold is now worked out once per expression
    retries = "".join(f"        if row.get('bad{k}'):\n            return self._get_item(i + 1)\n" for k in range(6))
    text = (
        "def preprocess(rows, tokenizer):\n"
        "    text = tokenizer.apply_chat_template(rows, tokenize=False)\n"
        "    return dict(input_ids=tokenizer(text).input_ids)\n\n\n"
        "class RetryingDataset:\n"
        "    def __init__(self, rows, tokenizer):\n"
        "        self.rows = rows\n"
        "        self.tokenizer = tokenizer\n\n"
        "    def _get_item(self, i):\n"
        "        row = self.rows[i]\n"
        f"{retries}"
        "        data = preprocess(row['messages'], self.tokenizer)\n"
        "        data = dict(input_ids=data['input_ids'][0])\n"
        "        return data\n\n"
        "    def __getitem__(self, i):\n"
        "        data = self._get_item(i)\n"
        "        return data\n"
    )
    started = time.monotonic()
    result = check_text("retrying.py", text, RULES)
    assert time.monotonic() - started < 10
    assert result.errors == []
    assert [(finding.code, finding.line) for finding in result.findings] == [("CL002", 3)]


def test_a_recursion_error_in_the_analysis_is_one_line_not_one_per_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    from chatlint import engine

    def too_deep(*args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(engine, "build_facts", too_deep)
    [error] = check_text("deep.py", BUGGY_COLLATOR, RULES).errors
    assert error.cause is SkipReason.TOO_DEEPLY_NESTED and "analyse" in error.reason


def test_deep_nesting_through_the_command_line_exits_2(tmp_path: Path) -> None:
    (tmp_path / "deep.py").write_text(BUGGY_COLLATOR + "x = " + "(" * 100_000 + ")" * 100_000 + "\n")
    (tmp_path / "other.py").write_text(BUGGY_COLLATOR)
    outcome = _run_subprocess("deep.py", "other.py", cwd=tmp_path)
    assert outcome.returncode == 2, outcome.stderr
    assert "deep.py: error: too deeply nested to parse" in outcome.stdout
    assert "other.py:" in outcome.stdout and "CL001" in outcome.stdout


def test_an_importer_too_deep_to_parse_is_passed_over_by_the_project_step(tmp_path: Path) -> None:
    """The project step parses the files that build a class whose render takes a flag from its constructor (and
    those that hand another module an instance of a rendering class): one whose expressions are nested too deeply
    for `ast` tells it nothing, and the run goes on (it once ended in an internal error)."""
    (tmp_path / "collate.py").write_text(
        textwrap.dedent(
            """
            class ChatCollator:
                def __init__(self, tokenizer, add_header=False):
                    self.tokenizer = tokenizer
                    self.add_header = add_header

                def __call__(self, rows):
                    ids = [
                        self.tokenizer.apply_chat_template(row["messages"], add_generation_prompt=self.add_header, return_dict=False)
                        for row in rows
                    ]
                    return {"input_ids": ids, "labels": [list(row) for row in ids]}
            """
        )
    )
    deep = "x = " + "a + " * 200_000 + "a\n"
    (tmp_path / "train.py").write_text(
        "from collate import ChatCollator\n\ncollator = ChatCollator(None, True)\n" + deep
    )
    outcome = _run_subprocess(".", cwd=tmp_path, timeout=120)
    assert "internal error" not in outcome.stderr, outcome.stderr[-2000:]
    assert outcome.returncode == 0, outcome.stdout


def test_an_uncaught_error_exits_2_not_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from chatlint import cli

    def broken(self: Runner, paths: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(Runner, "run", broken)
    monkeypatch.setattr(sys, "argv", ["chatlint", str(tmp_path)])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2


# -- files that are not files ---------------------------------------------------------------------------------


def test_a_fifo_is_one_line_never_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "train.py").write_text(BUGGY_COLLATOR)
    for args in ((".",), ("pipe.py", "train.py")):
        outcome = _run_subprocess(*args, cwd=tmp_path, timeout=20)
        assert outcome.returncode == 2
        assert outcome.stdout.count("pipe.py: error: not a regular file") == 1
        assert "train.py:" in outcome.stdout and "CL001" in outcome.stdout


def test_an_unreadable_file_on_the_command_line_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.py"
    secret.write_text(BUGGY_COLLATOR)
    (tmp_path / "train.py").write_text(BUGGY_COLLATOR)
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("secret.py"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # click's check for readable paths
    monkeypatch.setattr(os, "open", refuse)
    outcome = run_cli("--no-cache", str(secret), str(tmp_path / "train.py"))
    assert outcome.exit_code == 2
    assert f"{secret}: error: cannot read: Permission denied" in outcome.output
    assert "train.py:" in outcome.output and "CL001" in outcome.output


def test_a_folder_that_cannot_be_listed_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "train.py").write_text(BUGGY_COLLATOR)
    real_scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    outcome = run_cli("--no-cache", str(tmp_path))
    assert outcome.exit_code == 2
    assert f"{tmp_path / 'locked'}: error: cannot list this folder: Permission denied" in outcome.output
    assert "train.py:" in outcome.output and "CL001" in outcome.output


# -- large files (issue 12, section 4) -----------------------------------------------------------------------


def test_max_file_size_applies_only_to_files_that_would_be_parsed(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.chatlint]\nmax-file-size = 1000\n")
    (tmp_path / "data.py").write_text("TABLE = [\n" + "    1,\n" * 1000 + "]\n")  # large, and nothing to check
    assert run_cli("--no-cache", str(tmp_path)).exit_code == 0
    (tmp_path / "train.py").write_text(BUGGY_COLLATOR + "# padding\n" * 100)
    outcome = run_cli("--no-cache", str(tmp_path))
    assert outcome.exit_code == 2
    assert outcome.output.count("error: file too large to parse") == 1 and "train.py" in outcome.output


def test_a_large_file_is_prefiltered_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.py"
    path.write_bytes(b"x = 1\n" * 100 + b"# tokenizer.apply_chat_template(conversation)\n")
    assert source_module.large_file_is_clean(str(path), RULES)
    path.write_bytes(b"x = 1\n" * 100 + b"# chatlint: noqa\ntokenizer.apply_chat_template(conversation)\n")
    assert source_module.large_file_is_clean(str(path), RULES)
    path.write_bytes(b"x = 1\n" * 100 + b"tokenizer.apply_chat_template(conversation)\n")
    assert not source_module.large_file_is_clean(str(path), RULES)
    monkeypatch.setattr(source_module, "HARD_CAP_BYTES", 100)
    path.write_bytes(b"x = 1\n" * 100)
    assert not source_module.large_file_is_clean(str(path), RULES)  # past the hard cap: reported, not read


def test_max_file_size_must_be_a_positive_number(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.chatlint]\nmax-file-size = "10MB"\n')
    outcome = run_cli(str(tmp_path))
    assert outcome.exit_code == 2 and "`max-file-size` must be a number of bytes" in outcome.stderr


# -- configuration files ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"# caf\xe9\n[tool.chatlint]\nselect = ['CL001']\n", "not UTF-8"),
        (b"[tool.chatlint]\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
    ],
    ids=["latin-1", "nested-arrays"],
)
def test_a_hostile_pyproject_is_a_config_error(tmp_path: Path, data: bytes, words: str) -> None:
    (tmp_path / "pyproject.toml").write_bytes(data)
    outcome = run_cli(str(tmp_path))
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("chatlint: configuration error:") and words in outcome.stderr
    assert "Traceback" not in outcome.stderr + outcome.output


def test_trust_remote_code_never_comes_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.chatlint.labels]\ntrust-remote-code = true\n")
    config = load_labels_config(tmp_path)
    assert config.trust_remote_code is None
    [warning] = config.warnings
    assert "trust-remote-code is ignored" in warning


# -- notebooks ---------------------------------------------------------------------------------------------------


def _notebook(*sources: str, metadata: object = None) -> dict:
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "source": source} for source in sources]
    return {"cells": cells, "metadata": {} if metadata is None else metadata, "nbformat": 4, "nbformat_minor": 5}


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(_notebook(BUGGY_COLLATOR, metadata=[])),
        json.dumps(_notebook(BUGGY_COLLATOR, metadata={"language_info": "python"})),
        '{"cells": [], "metadata": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ],
    ids=["metadata-list", "language-info-string", "deep-json"],
)
def test_a_malformed_notebook_is_one_line(tmp_path: Path, text: str) -> None:
    (tmp_path / "bad.ipynb").write_text(text)
    (tmp_path / "train.py").write_text(BUGGY_COLLATOR)
    outcome = run_cli("--no-cache", str(tmp_path))
    assert outcome.exit_code == 2
    assert outcome.output.count("bad.ipynb: error:") == 1
    assert "train.py:" in outcome.output


def test_user_text_that_looks_like_a_placeholder_is_never_replaced(tmp_path: Path) -> None:
    cell = "%time x = 1\npass  # <chatlint magic 0>\n# <chatlint cell 1>\n" + BUGGY_COLLATOR
    path = tmp_path / "train.ipynb"
    path.write_text(json.dumps(_notebook(cell), indent=1) + "\n")
    outcome = run_cli("--no-cache", "--fix", "--unsafe-fixes", str(path))
    assert "Traceback" not in outcome.output
    [written] = json.loads(path.read_text())["cells"]
    assert written["source"] == cell.replace("add_generation_prompt=True", FIXED_CALL)


# -- the cache ---------------------------------------------------------------------------------------------------


@pytest.fixture
def with_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHATLINT_NO_CACHE", raising=False)  # the tests' conftest turns the cache off
    monkeypatch.delenv("CHATLINT_CACHE_DIR", raising=False)


def _two_places(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.chatlint]\ntraining-paths = ["train/**"]\n')
    # a module whose verdict depends on its place: only a training path makes the render training input
    code = textwrap.dedent(
        """\
        def render(tokenizer, example):
            return tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True)
        """
    )
    for folder in ("train", "serve"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "data.py").write_text(code)
    return tmp_path


def test_the_cache_is_keyed_by_the_files_place_in_the_project(tmp_path: Path, with_cache: None) -> None:
    project = _two_places(tmp_path)
    fresh = {folder: run_cli("--no-cache", "data.py", cwd=project / folder).exit_code for folder in ("train", "serve")}
    assert fresh["train"] != fresh["serve"]  # the example must depend on the place, or it proves nothing
    for folder in ("train", "serve", "train", "serve"):
        assert run_cli("data.py", cwd=project / folder).exit_code == fresh[folder]


def _cache_entries(project: Path) -> tuple[Path, dict]:
    """The cache file of a project and its entries (the project step's plan left out, when `entries` is read)."""
    [cache_file] = (project / ".chatlint_cache").glob("*.json")
    return cache_file, json.loads(cache_file.read_text())


def _file_entries(entries: dict) -> list[dict]:
    return [entry for key, entry in entries.items() if key != "\0link-plan"]


def test_a_crafted_cache_entry_never_decides_what_fix_writes(tmp_path: Path, with_cache: None) -> None:
    path = tmp_path / "train.py"
    fixed = BUGGY_COLLATOR.replace("add_generation_prompt=True", FIXED_CALL)
    path.write_text(fixed)
    (tmp_path / "pyproject.toml").write_text("[tool.chatlint]\n")
    assert run_cli("--fix", "--unsafe-fixes", str(path)).exit_code == 0  # caches the result for this fix mode
    cache_file, entries = _cache_entries(tmp_path)
    [entry] = _file_entries(entries)
    entry["result"]["fixed_text"] = "import os; os.system('echo owned')\n"
    entry["result"]["fixes_applied"] = 1
    cache_file.write_text(json.dumps(entries))
    run_cli("--fix", "--unsafe-fixes", str(path))
    assert path.read_text() == fixed
    _, entries = _cache_entries(tmp_path)
    assert [entry["result"]["fixed_text"] for entry in _file_entries(entries)] == [None]  # the bad entry was rewritten


def _nested(depth: int) -> object:
    value: object = {"__type__": "FileResult", "path": "PATH"}
    for _ in range(depth):
        value = {"__tuple__": [value]}
    return value


@pytest.mark.parametrize(
    "result",
    [
        {"__type__": "FileResult", "path": "PATH", "findings": [{"__type__": "Finding", "code": ["x"]}]},
        {"__type__": "FileResult", "path": "PATH", "findings": "nope", "errors": [], "fixed_text": None},
        {"__type__": "FileError", "path": "PATH", "reason": "why"},
        {"__dict__": {"a": {"__tuple__": [[] for _ in range(3)]}}},
        _nested(300),
    ],
    ids=["bad-finding", "wrong-type", "not-a-result", "odd", "deep"],
)
def test_a_bad_cache_entry_is_a_miss_and_is_rewritten(tmp_path: Path, result: object) -> None:
    path = tmp_path / "train.py"
    path.write_text(BUGGY_COLLATOR)
    digest = cache_module.content_digest(path.read_bytes())
    cache = cache_module.ResultCache(tmp_path / "cache", ("settings",))
    text = json.dumps(result).replace('"PATH"', json.dumps(str(path)))
    cache.entries[cache_module.entry_key(str(path))] = {"digest": digest, "result": json.loads(text)}
    assert cache.get(str(path), digest) is None
    good = FileResult(path=str(path))
    cache.put(str(path), digest, good)
    assert cache.get(str(path), digest) == good


@pytest.mark.parametrize(
    "plan",
    [
        "nope",
        {"linked": [["train.py"]], "read": [], "files": []},
        {"linked": [], "read": [[1, 2]], "files": []},
        {"linked": [], "read": [], "files": [3]},
        {"linked": [["elsewhere.py", "key"]], "read": [], "files": []},
    ],
    ids=["not-a-plan", "short-pair", "not-strings", "bad-files", "unknown-result"],
)
def test_a_bad_link_plan_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan: object) -> None:
    """A plan of the project step that is not one (or names results the cache does not hold) is not followed:
    the step runs, and the findings are those of the first run."""
    monkeypatch.delenv("CHATLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("CHATLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "chat_utils.py").write_text(CHAT_UTILS_WRAPPER)
    (tmp_path / "train.py").write_text(WRAPPED_COLLATOR)
    first = run_cli("check", "--exit-zero", "--output-format", "json", ".", cwd=tmp_path)
    assert '"CL001"' in first.output
    (cache_file,) = (tmp_path / "cache").glob("*.json")
    entries = json.loads(cache_file.read_text())
    entries["\0link-plan"]["result"] = plan
    cache_file.write_text(json.dumps(entries))
    again = run_cli("check", "--exit-zero", "--output-format", "json", ".", cwd=tmp_path)
    assert again.output == first.output


def test_a_deep_cache_file_is_ignored(tmp_path: Path) -> None:
    cache = cache_module.ResultCache(tmp_path, ("settings",))
    cache.path.write_text("[" * 100_000 + "]" * 100_000)
    assert cache_module.ResultCache(tmp_path, ("settings",)).entries == {}


def test_results_with_a_fixed_text_are_never_cached(tmp_path: Path) -> None:
    cache = cache_module.ResultCache(tmp_path, ("settings",))
    cache.put("a.py", "digest", FileResult(path="a.py", fixed_text="x = 1\n", fixes_applied=1))
    assert cache.entries == {}


# -- symlinks ------------------------------------------------------------------------------------------------------


def test_a_symlinked_cache_folder_is_not_used(tmp_path: Path, with_cache: None) -> None:
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    (project / "pyproject.toml").write_text("[tool.chatlint]\n")
    (project / "train.py").write_text(BUGGY_COLLATOR)
    (project / ".chatlint_cache").symlink_to(elsewhere)
    assert run_cli(str(project / "train.py")).exit_code == 1
    assert list(elsewhere.iterdir()) == []


def test_a_dangling_symlink_in_the_cache_folder_is_not_written_through(tmp_path: Path, with_cache: None) -> None:
    project, target = tmp_path / "project", tmp_path / "planted.txt"
    (project / ".chatlint_cache").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.chatlint]\n")
    (project / "train.py").write_text(BUGGY_COLLATOR)
    (project / ".chatlint_cache" / "CACHEDIR.TAG").symlink_to(target)
    (project / ".chatlint_cache" / ".gitignore").symlink_to(target)
    assert run_cli(str(project / "train.py")).exit_code == 1
    assert not target.exists()
    assert list((project / ".chatlint_cache").glob("*.json"))  # the cache itself still works


def test_fix_never_writes_through_a_symlink_out_of_the_project(tmp_path: Path) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside.py"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.chatlint]\n")
    outside.write_text(BUGGY_COLLATOR)
    (project / "train.py").symlink_to(outside)
    (project / "inside.py").write_text(BUGGY_COLLATOR)
    (project / "alias.py").symlink_to(project / "inside.py")
    outcome = run_cli("--no-cache", "--fix", "--unsafe-fixes", str(project / "train.py"), str(project / "alias.py"))
    assert outcome.exit_code == 2
    assert outside.read_text() == BUGGY_COLLATOR
    assert "outside the project root; fix not written" in outcome.output
    assert FIXED_CALL in (project / "inside.py").read_text()  # a symlink within the project is fine


# -- writing, signals, workers -------------------------------------------------------------------------------------


def test_fix_in_a_folder_it_cannot_write_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chatlint import runner

    def refuse(path: str, data: bytes, root: object = None) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(runner, "write_atomic", refuse)
    path = tmp_path / "train.py"
    path.write_text(BUGGY_COLLATOR)
    outcome = run_cli("--no-cache", "--fix", "--unsafe-fixes", str(path))
    assert outcome.exit_code == 2
    assert "Fixed" not in outcome.output
    assert "cannot write the fix: Permission denied" in outcome.output
    assert "CL001" in outcome.output  # the finding is still there, as on disk


def test_sigterm_ends_a_run_like_ctrl_c() -> None:
    with pytest.raises(Interrupted) as stopped, terminated_as_interrupt():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
    assert stopped.value.code == 128 + signal.SIGTERM
    with pytest.raises(Interrupted) as stopped, terminated_as_interrupt():
        raise KeyboardInterrupt
    assert stopped.value.code == 128 + signal.SIGINT


def test_a_killed_run_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "train.py"
    path.write_text(BUGGY_COLLATOR)
    real_replace = os.replace

    def killed(source: str, target: str) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(Interrupted):
        Runner(Config(root=tmp_path), RunOptions(fix=True, unsafe_fixes=True)).run([str(path)])
    assert sorted(item.name for item in tmp_path.iterdir()) == ["train.py"]
    assert path.read_text() == BUGGY_COLLATOR


def test_a_later_run_removes_the_leftovers_of_a_killed_one(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = tmp_path / f".chatlint-{dead.stdout.strip()}-abcd.tmp"
    leftover.write_text("half a file")
    running = tmp_path / f".chatlint-{os.getppid()}-abcd.tmp"  # a process that is alive: not ours to remove
    running.write_text("being written")
    (tmp_path / "train.py").write_text(BUGGY_COLLATOR)
    run_cli("--no-cache", str(tmp_path))
    assert not leftover.exists() and running.exists()


WORKER_SCRIPT = """
import os, signal, sys
from concurrent.futures import ProcessPoolExecutor
import multiprocessing
from chatlint import parallel
pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=parallel._start_worker,
                           initargs=(None,))
print(pool.submit(os.getpid).result(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_pool_workers_exit_when_their_parent_dies() -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.run([sys.executable, "-c", WORKER_SCRIPT], capture_output=True, text=True, env=environment)
    worker = int(parent.stdout.split()[0])
    for _ in range(100):
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(worker, signal.SIGKILL)
    pytest.fail("the pool worker outlived its parent")


def test_syntax_warnings_about_the_users_code_are_not_printed() -> None:
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_text("odd.py", BUGGY_COLLATOR + "x = [0x1for y in z]\nassert (x, 'never false')\n", RULES)
    assert [str(warning.message) for warning in caught] == []


def test_a_length_call_without_its_argument_is_analysed() -> None:
    # a mask bound computed from `len()` with nothing in it (code a fuzzer wrote: it does not run, but it parses)
    text = textwrap.dedent(
        """\
        def mask_prompt(labels, prompt_len):
            n = min(prompt_len, len())
            labels[:n] = -100
            return labels


        def build(tok, example):
            ids = tok.apply_chat_template(example["messages"], tokenize=True)
            return mask_prompt(list(ids), 3)
        """
    )
    result = check_text("mask.py", text, RULES)
    assert result.errors == []
