"""The multi-module examples under `rules/<CODE>/project_*/`: what crosses a module boundary is found, its
legitimate twins stay quiet, in a whole run and in a run of one file (a pre-commit call), with the trail as related
places in JSON and SARIF.

Each folder is a project of its own (its `pyproject.toml` has a `[tool.chatlint]` table); its files mark expected
findings with `# expect: CODE "fragment"` as the single-file examples do (`rule_examples.py`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import CHAT_UTILS_WRAPPER, WRAPPED_COLLATOR, run_cli
from rule_examples import ROOT, Example

from chatlint import project_step, runner
from chatlint.project import tomllib

PROJECTS = sorted(path for path in ROOT.glob("*/project_*") if path.is_dir())


def expected_in(project: Path) -> dict[tuple[str, int, str], str | None]:
    """(path in the project, line, code) -> the message fragment, for every marker of every file."""
    found = {}
    for path in sorted(project.rglob("*.py")):
        for expectation in Example(path).expectations():
            found[(path.relative_to(project).as_posix(), expectation.line, expectation.code)] = expectation.fragment
    return found


def findings(project: Path, *paths: str, output: str = "json") -> list[dict]:
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", output, *(paths or (".",)), cwd=project)
    assert outcome.exit_code == 0, outcome.stderr
    return json.loads(outcome.output)


def test_there_are_project_examples_for_each_crossing() -> None:
    assert {path.parent.name for path in PROJECTS} >= {"CL001", "CL002", "CL004"}


@pytest.mark.parametrize("project", PROJECTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_whole_project(project: Path) -> None:
    expected = expected_in(project)
    assert expected, "a project example must mark at least one finding"
    found = findings(project)
    assert {(item["path"], item["line"], item["code"]) for item in found} == set(expected)
    for item in found:
        fragment = expected[(item["path"], item["line"], item["code"])]
        assert fragment is not None and fragment in item["message"], item["message"]
        # the trail names a place in another module of the project (and may name places of its own module)
        assert any(place["path"] != item["path"] for place in item["related"]), item
        for place in item["related"]:
            assert (project / place["path"]).is_file()
            assert place["line"] >= 1 and place["note"]


@pytest.mark.parametrize("project", PROJECTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_a_large_run_finds_the_same(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a run of many files the project step reads only the imports a file may use (`Project.eager` off, and
    the import statements of unparsed files filtered by their text): the findings are those of a small run."""
    monkeypatch.setattr(project_step, "SMALL_RUN", 0)
    found = findings(project)
    assert {(item["path"], item["line"], item["code"]) for item in found} == set(expected_in(project))


def callers_needed(project: Path) -> list[str]:
    """The files whose findings need a caller in another file (`[tool.chatlint-example] callers-needed`): a run that
    does not pass the caller cannot see them (documented in the README)."""
    table = tomllib.loads((project / "pyproject.toml").read_text()).get("tool", {}).get("chatlint-example", {})
    return list(table.get("callers-needed", []))


def one_file_extras(project: Path) -> set[tuple[str, int, str]]:
    """The findings a run of one file makes that a whole run does not (`[tool.chatlint-example] one-file-extras`,
    `"path:line:code"`): what another file does overrides them (a configuration the training script copies with
    another value), and a run that does not pass that file cannot see it (documented in the README)."""
    table = tomllib.loads((project / "pyproject.toml").read_text()).get("tool", {}).get("chatlint-example", {})
    found = set()
    for item in table.get("one-file-extras", []):
        path, line, code = item.rsplit(":", 2)
        found.add((path, int(line), code))
    return found


@pytest.mark.parametrize("project", PROJECTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_one_file_at_a_time_as_pre_commit_passes_them(project: Path) -> None:
    """Only the file passed is reported on; what it imports is read from disk. A finding that needs a caller (that
    hands the file's class an instance of a rendering class) is not seen without it: what its callers do is not
    looked for."""
    expected = expected_in(project)
    needing = callers_needed(project)
    extras = one_file_extras(project)
    for path in sorted(project.rglob("*.py")):
        name = path.relative_to(project).as_posix()
        found = findings(project, name)
        wanted = {key for key in expected if key[0] == name and name not in needing}
        wanted |= {key for key in extras if key[0] == name}
        assert {(item["path"], item["line"], item["code"]) for item in found} == wanted, name


@pytest.mark.parametrize("project", PROJECTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_sarif_shows_the_trail(project: Path) -> None:
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "sarif", ".", cwd=project)
    results = json.loads(outcome.output)["runs"][0]["results"]
    assert results
    for result in results:
        related = result["relatedLocations"]
        assert related and all(place["message"]["text"] for place in related)
        uri = related[0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.endswith(".py") and uri != result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def _record_linked_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the project step checks again with links, in the order it does, as the run goes."""
    linked: list[str] = []
    real = runner.check_text

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("links"):
            linked.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(runner, "check_text", counting)
    return linked


def _use_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CHATLINT_NO_CACHE", raising=False)  # the test session turns the cache off (conftest)
    monkeypatch.setenv("CHATLINT_CACHE_DIR", str(tmp_path / "cache"))


def _copy(project: Path, destination: Path) -> Path:
    for path in project.rglob("*"):
        if path.is_file():
            target = destination / path.relative_to(project)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    return destination


def _package(root: Path, name: str, init: str = "") -> Path:
    """A project at `root` (a `pyproject.toml` with an empty `[tool.chatlint]`) holding the package `name`."""
    (root / "pyproject.toml").write_text("[tool.chatlint]\n")
    package = root / name
    package.mkdir()
    (package / "__init__.py").write_text(init)
    return package


def _cached(project: Path) -> set[tuple[str, int, str]]:
    """The findings of a run with the cache (see `_use_cache`), as (path, line, code)."""
    outcome = run_cli("check", "--exit-zero", "--output-format", "json", ".", cwd=project)
    return {(item["path"], item["line"], item["code"]) for item in json.loads(outcome.output)}


def test_a_change_in_the_imported_module_reaches_its_importer_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Results are cached by content, linked ones by content and the digests of the summaries they read: changing
    only the wrapper's module changes the finding in the module that calls it, on the next cached run."""
    _use_cache(monkeypatch, tmp_path)
    project = _copy(ROOT / "CL001" / "project_imported_wrapper", tmp_path / "project")

    assert _cached(project) == {("app/collate.py", 7, "CL001")}
    assert _cached(project) == {("app/collate.py", 7, "CL001")}  # warm
    wrapper = project / "app" / "chat_utils.py"
    # the wrapper now ignores its caller's flag: the collator's full conversations are right, and the prompt that
    # measures the masked part lost its generation prompt (CL003, in the prompt module)
    wrapper.write_text(
        wrapper.read_text().replace("add_generation_prompt=add_generation_prompt", "add_generation_prompt=False")
    )
    assert _cached(project) == {("app/prompts.py", 6, "CL003")}


def test_what_a_caller_hands_reaches_the_callee_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A class judged with the formatter another module hands it: when the caller hands a formatter whose prompt has
    the generation prompt instead, the next cached run judges the class again (the link digest names what is
    handed)."""
    _use_cache(monkeypatch, tmp_path)
    project = _copy(ROOT / "CL003" / "project_handed_formatter", tmp_path / "project")

    assert _cached(project) == {("tune/data.py", 15, "CL003")}
    assert _cached(project) == {("tune/data.py", 15, "CL003")}  # warm
    train = project / "tune" / "train.py"
    train.write_text(
        train.read_text().replace(
            'formatter = ChatFormatter(tokenizer, system="Answer briefly.")',
            "formatter = GenerationFormatter(tokenizer)",
        )
    )
    assert _cached(project) == set()


def test_an_unrelated_module_of_the_same_name_elsewhere_is_not_linked(tmp_path: Path) -> None:
    """Imports resolve from the importing file: a `chat_utils` in another folder that is not on its path says
    nothing about this one's."""
    project = _copy(ROOT / "CL001" / "project_imported_wrapper", tmp_path / "project")
    (project / "app" / "chat_utils.py").rename(project / "chat_utils_elsewhere.py")
    (project / "app" / "__init__.py").write_text("")
    (project / "app" / "chat_utils.py").write_text(
        "def render_chat(tokenizer, messages, add_generation_prompt=False):\n    return messages\n"
    )
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "json", ".", cwd=project)
    assert json.loads(outcome.output) == []


@pytest.mark.parametrize("how", ["gitignore", "extend-exclude"])
def test_a_one_file_run_reads_the_project_as_a_whole_run_selects_it(tmp_path: Path, how: str) -> None:
    """A pre-commit call of one file looks through the project for classes of its own that define
    `apply_chat_template` (what the file calls it on may be one); it reads the files a whole run would check, so a
    folder the project excludes (its `.gitignore`, or `extend-exclude`) says nothing, in either kind of run."""
    project = _copy(ROOT / "CL005" / "project_own_tokenizer_class", tmp_path / "project")
    engine = "inferkit/serving/engine.py"
    assert findings(project, engine) == []
    if how == "gitignore":
        (project / ".gitignore").write_text("inferkit/tokenizer/\n")
    else:
        config = project / "pyproject.toml"
        config.write_text(config.read_text() + 'extend-exclude = ["inferkit/tokenizer/"]\n')
    for paths in ((engine,), (".",)):
        found = [item for item in findings(project, *paths) if item["path"] == engine]
        assert [(item["line"], item["code"]) for item in found] == [(10, "CL005")], paths


def _project(root: Path, files: dict[str, str]) -> Path:
    (root / "pyproject.toml").parent.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[tool.chatlint]\n")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


_TO_TEXT = 'def to_text(ex, tok):\n    return {"text": tok.apply_chat_template(ex["messages"], tokenize=False)}\n'
_WRAPPER = (
    "def render_chat(tok, messages, add_generation_prompt=False):\n"
    "    return tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)\n"
)
_COLLATOR = (
    "def collate(batch, tok):\n"
    '    texts = [render_chat(tok, ex["messages"], add_generation_prompt=True) for ex in batch]\n'
    '    enc = tok(texts, add_special_tokens=False, padding=True, return_tensors="pt")\n'
    '    enc["labels"] = enc["input_ids"].clone()\n'
    "    return enc\n"
)


@pytest.mark.parametrize(
    "mapped",
    ["to_text", "partial(to_text, tok=tok)", "lambda ex: to_text(ex, tok)", 'to_text, fn_kwargs={"tok": tok}'],
)
def test_a_column_written_by_a_mapped_function_in_any_disguise(tmp_path: Path, mapped: str) -> None:
    train = (
        "from functools import partial\nfrom data import to_text\n\n"
        f"ds = ds.map({mapped})\n\n\ndef tokenize(example):\n"
        '    return tok(example["text"], truncation=True)\n'
    )
    project = _project(tmp_path, {"data.py": _TO_TEXT, "train.py": train})
    assert [(item["path"], item["code"]) for item in findings(project)] == [("train.py", "CL002")]


@pytest.mark.parametrize(
    "layout",
    [
        {"pkg/__init__.py": "from .api import *\n", "pkg/api.py": _WRAPPER},
        {
            "pkg/__init__.py": "from .api import render_chat\n",
            "pkg/api.py": "from ._impl import render_chat\n",
            "pkg/_impl.py": _WRAPPER,
        },
    ],
    ids=["star", "two-steps"],
)
def test_a_wrapper_re_exported(tmp_path: Path, layout: dict[str, str]) -> None:
    project = _project(tmp_path, {**layout, "collator.py": "from pkg import render_chat\n\n\n" + _COLLATOR})
    assert [(item["path"], item["code"]) for item in findings(project)] == [("collator.py", "CL001")]


def test_two_projects_on_one_command_line(tmp_path: Path) -> None:
    """Each file imports from its own project, whichever comes first on the command line."""
    for name in ("a", "b"):
        _project(
            tmp_path / name,
            {"chat_utils.py": _WRAPPER, "collator.py": "from chat_utils import render_chat\n\n\n" + _COLLATOR},
        )
    (tmp_path / "a" / "chat_utils.py").write_text(
        "def render_chat(tok, messages, add_generation_prompt=False):\n    return messages\n"
    )
    for order in (("a/collator.py", "b/collator.py"), ("b/collator.py", "a/collator.py")):
        outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "json", *order, cwd=tmp_path)
        assert [item["path"] for item in json.loads(outcome.output)] == ["b/collator.py"], order


@pytest.mark.parametrize("script_folder", ["pkg/cli/", "pkg/scripts/"], ids=["package", "plain-folder"])
def test_released_packages_named_side_by_side(tmp_path: Path, script_folder: str) -> None:
    """Unpacked releases with no project file, checked by folder (`chatlint check proj_a proj_b`): the root is the
    first one's, and a module of the second imports its own package by its absolute name (`from pkg.chat_utils
    import ...`), found in the folder holding the package, whichever comes first."""
    for name in ("proj_a", "proj_b"):
        files = {"pkg/__init__.py": "", "pkg/chat_utils.py": _WRAPPER}
        files[script_folder + "collator.py"] = "from pkg.chat_utils import render_chat\n\n\n" + _COLLATOR
        if script_folder == "pkg/cli/":
            files["pkg/cli/__init__.py"] = ""
        for path, text in files.items():
            (tmp_path / name / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name / path).write_text(text)
    for order in (("proj_a", "proj_b"), ("proj_b", "proj_a")):
        outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "json", *order, cwd=tmp_path)
        found = sorted(item["path"] for item in json.loads(outcome.output))
        assert found == [f"{name}/{script_folder}collator.py" for name in ("proj_a", "proj_b")], order


def test_a_module_beside_a_stage_is_linked_only_when_it_names_its_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipeline script imports the stages and a logging helper that never reads a row's column by name: the
    sampler is checked again with the stage's column (and found), the helper is not checked again."""
    project = _copy(ROOT / "CL002" / "project_pipeline_stages", tmp_path / "project")
    (project / "offline" / "report.py").write_text("def report(rows):\n    print(len(rows))\n")
    script = project / "pipeline.py"
    script.write_text(
        script.read_text().replace("from offline import", "from offline.report import report\nfrom offline import")
    )
    linked = _record_linked_checks(monkeypatch)
    monkeypatch.setenv("CHATLINT_WORKERS", "1")
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--output-format", "json", ".", cwd=project)
    assert [item["path"] for item in json.loads(outcome.output)] == ["offline/sample.py"]
    assert "offline/sample.py" in linked and "offline/report.py" not in linked


def test_a_warm_run_does_not_check_a_linked_file_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use_cache(monkeypatch, tmp_path)
    project = _copy(ROOT / "CL001" / "project_imported_wrapper", tmp_path / "project")
    linked = _record_linked_checks(monkeypatch)
    first = run_cli("check", "--exit-zero", "--output-format", "json", ".", cwd=project)
    assert linked and "app/collate.py" in linked
    linked.clear()
    second = run_cli("check", "--exit-zero", "--output-format", "json", ".", cwd=project)
    assert linked == [] and second.output == first.output


def test_a_warm_run_over_unchanged_files_skips_the_project_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project step of a run over the files of the last run, none of them changed nor any it read from disk, is
    what it was: its linked results come from the cache and the step does not run."""
    _use_cache(monkeypatch, tmp_path)
    project = _copy(ROOT / "CL001" / "project_imported_wrapper", tmp_path / "project")
    steps: list[int] = []
    real = runner.Runner._link

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        steps.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(runner.Runner, "_link", counting)
    first = run_cli("check", "--exit-zero", "--output-format", "json", ".", cwd=project)
    second = run_cli("check", "--exit-zero", "--output-format", "json", ".", cwd=project)
    assert len(steps) == 1 and second.output == first.output and "app/collate.py" in first.output
    (project / "app" / "serve.py").write_text((project / "app" / "serve.py").read_text() + "\n# changed\n")
    third = run_cli("check", "--exit-zero", "--output-format", "json", ".", cwd=project)
    assert len(steps) == 2 and third.output == first.output  # a file of the run changed: the step runs again


def test_a_change_in_a_module_read_from_disk_reaches_a_partial_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pre-commit call passes the collator alone; the wrapper's module is read from disk. When only that module
    changes, the next call over the same file sees it (the plan of the last call names what it read)."""
    _use_cache(monkeypatch, tmp_path)
    project = _copy(ROOT / "CL001" / "project_imported_wrapper", tmp_path / "project")

    def partial() -> set[tuple[str, int]]:
        outcome = run_cli("check", "--exit-zero", "--output-format", "json", "app/collate.py", cwd=project)
        return {(item["path"], item["line"]) for item in json.loads(outcome.output)}

    assert partial() == {("app/collate.py", 7)}
    assert partial() == {("app/collate.py", 7)}  # warm
    wrapper = project / "app" / "chat_utils.py"
    wrapper.write_text(
        wrapper.read_text().replace("add_generation_prompt=add_generation_prompt", "add_generation_prompt=False")
    )
    assert partial() == set()


def test_a_module_added_beside_the_run_reaches_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An import that resolved to nothing resolves to a module added later beside the importer: the next call over
    the same unchanged file links it (the plan keeps the state of the folders it looked in)."""
    _use_cache(monkeypatch, tmp_path)
    (tmp_path / "train.py").write_text(WRAPPED_COLLATOR)

    def partial() -> set[tuple[str, int]]:
        outcome = run_cli("check", "--exit-zero", "--output-format", "json", "train.py", cwd=tmp_path)
        return {(item["path"], item["line"]) for item in json.loads(outcome.output)}

    assert partial() == set()
    assert partial() == set()  # warm
    (tmp_path / "chat_utils.py").write_text(CHAT_UTILS_WRAPPER)
    assert partial() == {("train.py", 5)}


def test_a_fix_through_an_imported_tokenizing_helper_edits_only_the_call_site(tmp_path: Path) -> None:
    """The call passes `False` for the helper's own `add_special_tokens` parameter (unsafe); a helper without such
    a parameter gets no fix here (only it can change), and the helper's module is never written."""
    project = _copy(ROOT / "CL002" / "project_imported_tokenizer_helper", tmp_path / "project")
    helpers = (project / "src" / "chatkit" / "tokenization.py").read_text()
    outcome = run_cli("check", "--no-cache", "--exit-zero", "--fix", "--unsafe-fixes", ".", cwd=project)
    assert outcome.exit_code == 0, outcome.stderr
    script = (project / "scripts" / "train_module_alias.py").read_text()
    assert "encode_with(tokenizer, text, add_special_tokens=False)" in script
    assert "T.encode(tokenizer, text, max_length=4096)}" in script
    assert (project / "src" / "chatkit" / "tokenization.py").read_text() == helpers
    remaining = findings(project)
    assert sorted((item["path"], item["line"]) for item in remaining) == [
        ("scripts/train_module_alias.py", 9),
        ("src/chatkit/sft.py", 7),
    ]


def test_a_helper_that_stops_adding_special_tokens_quiets_its_callers_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use_cache(monkeypatch, tmp_path)
    project = _copy(ROOT / "CL002" / "project_imported_tokenizer_helper", tmp_path / "project")

    def cached() -> set[tuple[str, int]]:
        outcome = run_cli("check", "--exit-zero", "--output-format", "json", ".", cwd=project)
        return {(item["path"], item["line"]) for item in json.loads(outcome.output)}

    assert len(cached()) == 3
    assert len(cached()) == 3  # warm
    helpers = project / "src" / "chatkit" / "tokenization.py"
    helpers.write_text(helpers.read_text().replace("truncation=True,", "truncation=True, add_special_tokens=False,"))
    assert cached() == {("scripts/train_module_alias.py", 14)}


def test_a_module_that_loads_no_model_is_judged_with_what_its_importers_load(tmp_path: Path) -> None:
    """A data module that renders and tokenizes again, loading no model itself: imported in the run only by a
    script that loads a Qwen checkpoint (a template without BOS), it is quiet; imported by a Llama 3 script too,
    it is reported. A run of the data module alone cannot see its importers: it is reported."""
    package = _package(tmp_path, "qft")
    body = (
        "def {name}(tokenizer, example):\n"
        '    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)\n'
        "    return tokenizer(text, truncation=True, max_length=2048)\n"
    )
    (package / "chat_data.py").write_text(body.format(name="encode_chat"))
    (package / "shared_data.py").write_text(body.format(name="encode_shared"))
    script = (
        "from transformers import AutoTokenizer\n\n{imports}\n\n\ndef prepare(rows):\n"
        '    tokenizer = AutoTokenizer.from_pretrained("{checkpoint}")\n'
        "    return [{call}(tokenizer, row) for row in rows]\n"
    )
    (package / "train_qwen.py").write_text(
        script.format(
            imports="from .chat_data import encode_chat\nfrom .shared_data import encode_shared",
            checkpoint="Qwen/Qwen2.5-7B-Instruct",
            call="encode_chat",
        )
    )
    (package / "train_llama.py").write_text(
        script.format(
            imports="from .shared_data import encode_shared",
            checkpoint="meta-llama/Llama-3.1-8B-Instruct",
            call="encode_shared",
        )
    )
    whole = {(item["path"], item["code"]) for item in findings(tmp_path)}
    assert whole == {("qft/shared_data.py", "CL002")}
    assert {(item["path"], item["code"]) for item in findings(tmp_path, "qft/chat_data.py")} == {
        ("qft/chat_data.py", "CL002")
    }


def test_importers_through_a_package_re_export_decide_the_model(tmp_path: Path) -> None:
    """The same, with the script importing the data module's function from the package, whose `__init__.py`
    re-exports it: the package is not an importer that loads no model; the script behind it is."""
    package = _package(tmp_path, "qft", "from .chat_data import encode_chat\n")
    (package / "chat_data.py").write_text(
        "def encode_chat(tokenizer, example):\n"
        '    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)\n'
        "    return tokenizer(text, truncation=True, max_length=2048)\n"
    )
    script = (
        "from transformers import AutoTokenizer\n\nfrom qft import encode_chat\n\n\ndef prepare(rows):\n"
        '    tokenizer = AutoTokenizer.from_pretrained("{checkpoint}")\n'
        "    return [encode_chat(tokenizer, row) for row in rows]\n"
    )
    (tmp_path / "train.py").write_text(script.format(checkpoint="Qwen/Qwen2.5-7B-Instruct"))
    assert findings(tmp_path) == []
    (tmp_path / "train.py").write_text(script.format(checkpoint="meta-llama/Llama-3.1-8B-Instruct"))
    assert {(item["path"], item["code"]) for item in findings(tmp_path)} == {("qft/chat_data.py", "CL002")}


def test_the_run_says_which_files_the_project_step_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """`RunResult.project_files`: the files the project step read whole beyond those the rules parsed alone (what
    the speed targets count as candidate code besides the prefilter's files). In the three-module CL004 example the
    training and evaluation scripts pass no rule's prefilter alone and are checked again with their links; the module of label
    helpers the collators hand the pad id to is summarised for them; the empty `__init__.py` is not read."""
    from chatlint.config import Config
    from chatlint.runner import Runner, RunOptions

    project = ROOT / "CL004" / "project_three_modules"
    monkeypatch.chdir(project)
    files = sorted(str(path.relative_to(project)) for path in project.rglob("*.py"))
    run = Runner(Config(root=project), RunOptions(use_cache=False)).run(files)
    read = {os.path.relpath(path, project) for path in run.project_files}
    with_findings = {item.path for item in run.files if item.findings}
    assert with_findings == {
        "sft/perplexity.py",
        "sft/train.py",
        "sft/train_lists.py",
        "sft/train_tokens.py",
        "sft/train_vision.py",
    }
    assert with_findings | {"sft/label_utils.py"} <= read
    assert "sft/__init__.py" not in read


def test_importers_read_with_what_they_import_decide_the_model(tmp_path: Path) -> None:
    """A collator module that loads no model, imported by a training script that loads `args.model_id`, whose
    default is in a settings module the script imports: the default decides (Qwen: quiet; Llama 3: reported)."""
    package = _package(tmp_path, "vlm")
    (package / "collator.py").write_text(
        "class Collator:\n"
        "    def __init__(self, processor):\n"
        "        self.processor = processor\n\n"
        "    def __call__(self, examples):\n"
        '        texts = [self.processor.apply_chat_template(e["messages"], tokenize=False) for e in examples]\n'
        '        batch = self.processor(text=texts, images=[e["images"] for e in examples], return_tensors="pt")\n'
        '        batch["labels"] = batch["input_ids"].clone()\n'
        "        return batch\n"
    )
    settings = 'from dataclasses import dataclass\n\n\n@dataclass\nclass Args:\n    model_id: str = "{checkpoint}"\n'
    (package / "train.py").write_text(
        "from transformers import AutoProcessor\n\nfrom .collator import Collator\nfrom .settings import Args\n\n\n"
        "def main(args: Args):\n"
        "    processor = AutoProcessor.from_pretrained(args.model_id)\n"
        "    return Collator(processor)\n"
    )
    (package / "settings.py").write_text(settings.format(checkpoint="Qwen/Qwen2-VL-7B-Instruct"))
    assert findings(tmp_path) == []
    (package / "settings.py").write_text(settings.format(checkpoint="meta-llama/Llama-3.2-11B-Vision-Instruct"))
    assert {(item["path"], item["code"]) for item in findings(tmp_path)} == {("vlm/collator.py", "CL002")}


def test_an_imported_row_names_the_render_of_the_column_read(tmp_path: Path) -> None:
    """A row function of another module renders two columns on different lines: the finding on the `prompt` column
    names the prompt's render as its place, not the first column's."""
    package = _package(tmp_path, "rows")
    (package / "render.py").write_text(
        "def render_row(example, tokenizer):\n"
        '    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)\n'
        '    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)\n'
        '    return {"text": text, "prompt": prompt}\n'
    )
    (package / "encode.py").write_text(
        "from .render import render_row\n\n\n"
        "def encode(example, tokenizer):\n"
        '    return tokenizer(render_row(example, tokenizer)["prompt"])\n'
    )
    (found,) = findings(tmp_path)
    assert (found["path"], found["line"]) == ("rows/encode.py", 5)
    assert [(place["path"], place["line"]) for place in found["related"]] == [("rows/render.py", 3)]


def test_a_reply_switched_on_by_a_computed_value_is_an_unsafe_fix() -> None:
    # `answer = row["answer"] if self.with_answer else None`: the other setting renders a prompt, which needs the
    # header; setting the flag to False is for a person to decide (`not self.with_answer`)
    outcome = run_cli("--output-format", "json", ".", cwd=ROOT / "CL001" / "project_switch_from_caller")
    [finding] = outcome.json()
    assert "(when `answer` is not None)" in finding["message"]
    assert finding["fix"]["applicability"] == "unsafe"
