"""`[tool.chatlint]`, .gitignore and excludes, as a project meets them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pathspec
import pytest
from helpers import BUGGY_COLLATOR, run_cli, write

from chatlint.config import ConfigError, load_config, select_rules
from chatlint.files import DEFAULT_EXCLUDES, FileSelector

# A conversation whose shape only the context can tell: a parameter named like a conversation, no labels built.
CONTEXT_ONLY = textwrap.dedent(
    """\
    def render(tokenizer, messages):
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    """
)


def pyproject(root: Path, body: str) -> None:
    write(root / "pyproject.toml", "[tool.chatlint]\n" + textwrap.dedent(body))


def test_select_and_ignore_from_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "collator.py", BUGGY_COLLATOR)
    pyproject(tmp_path, 'ignore = ["CL001"]\n')
    assert run_cli(cwd=tmp_path).exit_code == 0
    # the command line wins
    assert run_cli("--select", "CL001", cwd=tmp_path).exit_code == 1


def test_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path / "tests" / "test_collator.py", BUGGY_COLLATOR)
    write(tmp_path / "src" / "collator.py", BUGGY_COLLATOR)
    pyproject(tmp_path, 'per-file-ignores = { "tests/*" = ["CL001"] }\n')
    outcome = run_cli("--output-format", "json", cwd=tmp_path)
    assert [finding["path"] for finding in outcome.json()] == ["src/collator.py"]


def test_training_paths_strengthen_an_unknown_context(tmp_path: Path) -> None:
    write(tmp_path / "train" / "data.py", CONTEXT_ONLY)
    write(tmp_path / "serve" / "data.py", CONTEXT_ONLY)
    assert run_cli(cwd=tmp_path).exit_code == 0
    pyproject(tmp_path, 'training-paths = ["train/**"]\n')
    outcome = run_cli("--output-format", "json", cwd=tmp_path)
    [finding] = outcome.json()
    assert finding["path"] == "train/data.py"
    assert "training-paths" in finding["message"]
    assert finding["fix"]["applicability"] == "unsafe"  # a shape inferred from context is never a safe fix


def test_inference_paths_never_overrule_a_known_shape(tmp_path: Path) -> None:
    write(tmp_path / "serve" / "collator.py", BUGGY_COLLATOR)
    pyproject(tmp_path, 'inference-paths = ["serve/**"]\n')
    assert run_cli(cwd=tmp_path).exit_code == 1


# a script whose model is a required command-line option: any checkpoint may be passed (CL002 flags it), unless the
# project says which models it runs
GENERIC_SCRIPT = textwrap.dedent(
    """\
    import argparse

    from transformers import AutoTokenizer

    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    text = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False)
    ids = tokenizer(text)
    """
)


def test_models_say_what_code_of_an_unknown_model_runs_with(tmp_path: Path) -> None:
    write(tmp_path / "score.py", GENERIC_SCRIPT)
    write(tmp_path / "llama.py", GENERIC_SCRIPT.replace("args.model", '"meta-llama/Llama-3.1-8B-Instruct"'))
    found = run_cli("--output-format", "json", cwd=tmp_path).json()
    assert sorted(finding["path"] for finding in found) == ["llama.py", "score.py"]
    pyproject(tmp_path, 'models = ["Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen3-8B"]\n')
    found = run_cli("--output-format", "json", cwd=tmp_path).json()
    assert [finding["path"] for finding in found] == ["llama.py"]  # (a checkpoint the module names still counts)
    pyproject(tmp_path, 'models = ["Qwen/Qwen2.5-7B-Instruct", "meta-llama/Llama-3.1-8B-Instruct"]\n')
    found = run_cli("--output-format", "json", cwd=tmp_path).json()
    assert sorted(finding["path"] for finding in found) == ["llama.py", "score.py"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("selct = []\n", "unknown key `selct`"),
        ('select = "CL001"\n', "`select` must be a list of rule codes"),
        ('ignore = ["ZZ9"]\n', "unknown rule code or prefix `ZZ9`"),
        ("exclude = [1]\n", "`exclude` must be a list of strings"),
        ('models = "Qwen/Qwen2.5-7B-Instruct"\n', "`models` must be a list of strings"),
        ('per-file-ignores = ["x"]\n', "`per-file-ignores` must be a table"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, body: str, message: str) -> None:
    write(tmp_path / "a.py", "x = 1\n")
    pyproject(tmp_path, body)
    outcome = run_cli(cwd=tmp_path)
    assert outcome.exit_code == 2
    assert message in outcome.stderr
    assert "pyproject.toml" in outcome.stderr


def test_nearest_pyproject_with_a_chatlint_table_is_used(tmp_path: Path) -> None:
    pyproject(tmp_path, 'ignore = ["CL001"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'pkg'\n")  # no [tool.chatlint]: skipped
    config = load_config(None, tmp_path / "pkg")
    assert config.path == tmp_path / "pyproject.toml"
    assert config.ignore == ("CL001",)


def test_config_option_reads_a_given_file(tmp_path: Path) -> None:
    write(tmp_path / "collator.py", BUGGY_COLLATOR)
    custom = write(tmp_path / "custom.toml", '[tool.chatlint]\nignore = ["CL001"]\n')
    assert run_cli("--config", str(custom), str(tmp_path / "collator.py")).exit_code == 0
    with pytest.raises(ConfigError):
        load_config(tmp_path / "missing.toml", tmp_path)


def test_select_rules_longest_prefix_wins() -> None:
    assert [rule.code for rule in select_rules(["CL"], ["CL001"])] == [
        rule.code for rule in select_rules(["CL"], []) if rule.code != "CL001"
    ]
    assert [rule.code for rule in select_rules(["CL001"], ["CL"])] == ["CL001"]  # the more specific select
    assert [rule.code for rule in select_rules(["CL001"], ["CL001"])] == []
    assert [rule.code for rule in select_rules(["CL001"], [])] == ["CL001"]


def test_walk_skips_gitignored_and_default_folders(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "generated/\n*_skip.py\n")
    for name in (
        "src/a.py",
        "src/b.pyi",
        "src/c_skip.py",
        "generated/d.py",
        ".venv/lib/e.py",
        "build/f.py",
        "node_modules/g.py",
        "src/__pycache__/h.py",
        "src/notes.txt",
        "src/sub/i.py",
    ):
        write(tmp_path / name, "x = 1\n")
    write(tmp_path / "src" / "sub" / ".gitignore", "i.py\n")
    config = load_config(None, tmp_path)
    found = sorted(Path(path).relative_to(tmp_path).as_posix() for path in FileSelector(config).files([str(tmp_path)]))
    assert found == ["src/a.py", "src/b.pyi"]


def test_walk_skips_environments_by_what_they_hold_not_by_name(tmp_path: Path) -> None:
    """A folder named `env` is code (an RL package's environments); a virtual environment of any name is known by
    its `pyvenv.cfg`, a conda environment by its `conda-meta/`."""
    for name in (
        "rl/env/rollout.py",
        "py311/pyvenv.cfg",
        "py311/lib/python3.11/site-packages/trl/trainer.py",
        "py311/bin/helper.py",
        "envs/train/conda-meta/history",
        "envs/train/lib/python3.11/x.py",
        "envs/train/bin/y.py",
        "envs/make_env.py",
    ):
        write(tmp_path / name, "x = 1\n")
    config = load_config(None, tmp_path)
    found = sorted(Path(path).relative_to(tmp_path).as_posix() for path in FileSelector(config).files([str(tmp_path)]))
    assert found == ["envs/make_env.py", "rl/env/rollout.py"]


def test_explicit_files_are_checked_unless_force_exclude(tmp_path: Path) -> None:
    path = write(tmp_path / "build" / "collator.py", BUGGY_COLLATOR)
    config = load_config(None, tmp_path)
    assert list(FileSelector(config).files([str(path)])) == [str(path)]
    assert list(FileSelector(config, force_exclude=True).files([str(path)])) == []
    assert list(FileSelector(config).files([str(tmp_path)])) == []


@pytest.mark.parametrize(
    "patterns",
    [
        DEFAULT_EXCLUDES,
        ("third_party/", "*_pb2.py", "/top.py", "docs/**/conf.py", "a/*", "gen[0-9]"),
        ("build", "!build/keep.py", "*.py[ci]"),  # a negation: pathspec itself decides
        (),
    ],
)
def test_exclusion_matches_pathspec(tmp_path: Path, patterns: tuple[str, ...]) -> None:
    """The joined expression of the excludes decides as `pathspec` does, for files and folders alike."""
    config = load_config(None, tmp_path)
    config.exclude = patterns or ("",)
    selector = FileSelector(config)
    spec = pathspec.GitIgnoreSpec.from_lines(config.exclude)
    paths = [
        "top.py",
        "src/top.py",
        "build",
        "build/x.py",
        "src/build/x.py",
        "building.py",
        "build/keep.py",
        "pkg.egg-info/x.py",
        "third_party",
        "third_party/x.py",
        "a/b",
        "a/b/c.py",
        "x_pb2.py",
        "docs/conf.py",
        "docs/api/v1/conf.py",
        "gen1/x.py",
        "gen10/x.py",
        "m.pyc",
        "node_modules/site-packages/y.py",
        "./top.py",
    ]
    for relative in paths:
        expected = spec.match_file(relative) or spec.match_file(relative + "/")
        assert selector.is_excluded(str(tmp_path / relative)) == expected, relative


def test_extend_exclude(tmp_path: Path) -> None:
    write(tmp_path / "third_party" / "collator.py", BUGGY_COLLATOR)
    write(tmp_path / "src" / "collator.py", BUGGY_COLLATOR)
    pyproject(tmp_path, 'extend-exclude = ["third_party/"]\n')
    outcome = run_cli("--output-format", "json", cwd=tmp_path)
    assert [finding["path"] for finding in outcome.json()] == ["src/collator.py"]


def test_file_level_noqa(tmp_path: Path) -> None:
    path = write(tmp_path / "collator.py", "# chatlint: noqa\n" + BUGGY_COLLATOR)
    assert run_cli(str(path)).exit_code == 0
