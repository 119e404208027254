"""One project root and one configuration file for `chatlint check` and `chatlint labels` (`chatlint.project`)."""

from __future__ import annotations

from pathlib import Path

from helpers import BUGGY_COLLATOR, run_cli, write

from chatlint.config import load_config
from chatlint.labels.config import load_config as load_labels_config
from chatlint.project import find_project

TOP = '[tool.chatlint]\nignore = ["CL001"]\n\n[tool.chatlint.labels]\ntarget = "collator.py:ChatCollator"\n'


def _monorepo(tmp_path: Path) -> tuple[Path, Path]:
    top = tmp_path / "repo"
    (top / ".git").mkdir(parents=True)
    write(top / "pyproject.toml", TOP)
    sub = top / "packages" / "sub"
    write(sub / "pyproject.toml", "[project]\nname = 'sub'\n")  # its own package, no [tool.chatlint]
    write(sub / "collator.py", BUGGY_COLLATOR)
    return top, sub


def test_in_a_monorepo_both_commands_read_the_same_file(tmp_path: Path) -> None:
    top, sub = _monorepo(tmp_path)
    check_config, labels_config = load_config(None, sub), load_labels_config(sub)
    assert check_config.path == labels_config.path == top / "pyproject.toml"
    assert check_config.root == labels_config.root == top.resolve()
    assert (check_config.ignore, labels_config.target) == (("CL001",), "collator.py:ChatCollator")
    # and so do the commands, run from the sub-package
    assert run_cli("check", cwd=sub).exit_code == 0  # CL001 ignored by the top configuration
    labels = run_cli("labels", cwd=sub)
    assert labels.exit_code == 2
    assert "no tokenizer" in labels.stderr  # the target came from the top configuration: only the tokenizer is missing


def test_the_config_option_wins(tmp_path: Path) -> None:
    top, sub = _monorepo(tmp_path)
    custom = write(tmp_path / "elsewhere" / "chatlint.toml", 'select = ["CL001"]\n')
    config = load_config(custom, sub)
    assert (config.path, config.root, config.ignore, config.select) == (custom, custom.parent.resolve(), (), ("CL001",))
    assert run_cli("check", "--config", str(custom), cwd=sub).exit_code == 1  # the top file's ignore is not read


def test_a_folder_with_only_git_is_a_root_and_ends_the_walk(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "pyproject.toml", TOP)  # above the repository: not its configuration
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    path = write(repo / "src" / "collator.py", BUGGY_COLLATOR)
    assert find_project(path) == find_project(repo / "src") == find_project(repo)
    project = find_project(path)
    assert (project.root, project.pyproject) == (repo.resolve(), None)
    assert load_config(None, path).root == load_labels_config(repo / "src").root == repo.resolve()
    # the cache goes to the project root, wherever the command runs from
    monkeypatch.delenv("CHATLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("CHATLINT_CACHE_DIR", raising=False)
    assert run_cli("check", str(path), cwd=tmp_path).exit_code == 1  # the ignore above .git does not apply
    assert list((repo / ".chatlint_cache").glob("*.json"))
    assert not (tmp_path / ".chatlint_cache").exists()


def test_without_configuration_the_nearest_marker_is_the_root(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'top'\n")
    write(tmp_path / "lib" / "setup.cfg", "[metadata]\nname = lib\n")
    deep = tmp_path / "lib" / "src" / "pkg"
    deep.mkdir(parents=True)
    assert find_project(deep).root == (tmp_path / "lib").resolve()
    assert find_project(deep).pyproject is None
    assert find_project(tmp_path).root == tmp_path.resolve()


def test_a_broken_pyproject_on_the_way_is_reported_by_both_commands(tmp_path: Path) -> None:
    top, sub = _monorepo(tmp_path)
    write(sub / "pyproject.toml", "[project\n")
    assert find_project(sub).pyproject == sub.resolve() / "pyproject.toml"
    check = run_cli("check", cwd=sub)
    assert check.exit_code == 2 and "invalid TOML" in check.stderr
    labels = run_cli("labels", cwd=sub)
    assert labels.exit_code == 2 and "invalid TOML" in labels.stderr
