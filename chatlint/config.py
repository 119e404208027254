"""`[tool.chatlint]` in the project's `pyproject.toml` (see `chatlint.project`): which rules run where, and which
files are skipped."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chatlint.project import find_project, read_toml
from chatlint.rules import ALL_RULES, RULES_BY_CODE, Rule
from chatlint.source import HARD_CAP_BYTES, MAX_FILE_BYTES

KNOWN_KEYS = frozenset(
    {
        "select",
        "ignore",
        "exclude",
        "extend-exclude",
        "per-file-ignores",
        "training-paths",
        "inference-paths",
        "labels",  # the runtime check's own table, read by `chatlint labels`
        "max-file-size",
    }
)


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    root: Path  # the project root (`chatlint.project`): paths in the configuration are relative to it
    path: Path | None = None  # the configuration file read, if any
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    training_paths: tuple[str, ...] = ()
    inference_paths: tuple[str, ...] = ()
    max_file_size: int = MAX_FILE_BYTES  # bytes; a larger file that the prefilter does not rule out is not parsed


def load_config(config_file: Path | None, start: Path) -> Config:
    """The configuration for checking `start` (a file or folder): `config_file`, else the project's (`project`)."""
    project = find_project(start, config_file)
    path = project.pyproject
    if path is None:
        return Config(root=project.root)
    document, problem = read_toml(path)
    if problem is not None:
        raise ConfigError(f"{path}: {problem}")
    table = document.get("tool", {}).get("chatlint", {})
    if path.name != "pyproject.toml" and not table:
        table = document  # a dedicated chatlint.toml-style file with the keys at top level
    return parse_table(table, path, project.root)


def parse_table(table: object, path: Path, root: Path) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.chatlint] must be a table")
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: unknown key `{unknown[0]}` in [tool.chatlint] (known: {', '.join(sorted(KNOWN_KEYS))})"
        )
    config = Config(root=root, path=path)
    config.select = _codes(table, "select", path)
    config.ignore = _codes(table, "ignore", path)
    config.exclude = _strings(table, "exclude", path)
    config.extend_exclude = _strings(table, "extend-exclude", path)
    config.training_paths = _strings(table, "training-paths", path)
    config.inference_paths = _strings(table, "inference-paths", path)
    config.max_file_size = _max_file_size(table, path)
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{path}: `per-file-ignores` must be a table of glob = [codes]")
    for pattern, codes in per_file.items():
        config.per_file_ignores[pattern] = _codes({"per-file-ignores": codes}, "per-file-ignores", path, pattern)
    return config


def _max_file_size(table: dict, path: Path) -> int:
    value = table.get("max-file-size", MAX_FILE_BYTES)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= HARD_CAP_BYTES:
        raise ConfigError(
            f"{path}: `max-file-size` must be a number of bytes from 1 to {HARD_CAP_BYTES}, got {value!r}"
        )
    return value


def _strings(table: dict, key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: `{key}` must be a list of strings, got {value!r}")
    return tuple(value)


def _codes(table: dict, key: str, path: Path, context: str = "") -> tuple[str, ...]:
    where = f"`{key}` ({context})" if context else f"`{key}`"
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {where} must be a list of rule codes, got {value!r}")
    for code in value:
        check_code(code, f"{path}: {where}")
    return tuple(code.upper() for code in value)


def code_problem(code: str) -> str | None:
    """What is wrong with a rule code or prefix, or None: it must name at least one rule (`CL`, `CL001`, `ALL`)."""
    upper = code.upper()
    if upper == "ALL" or any(rule.code.startswith(upper) for rule in ALL_RULES):
        return None
    return f"unknown rule code or prefix `{code}`"


def check_code(code: str, where: str) -> None:
    problem = code_problem(code)
    if problem is not None:
        raise ConfigError(f"{where}: {problem}")


def select_rules(select: Iterable[str], ignore: Iterable[str]) -> list[type[Rule]]:
    """The rules that `select` turns on and `ignore` does not turn off (longest prefix wins, as in Ruff)."""
    select, ignore = list(select), list(ignore)
    chosen = []
    for rule in ALL_RULES:
        selected = _best_match(rule.code, select)
        ignored = _best_match(rule.code, ignore)
        on = selected is not None if select else rule.enabled_by_default
        if ignored is not None and (selected is None or len(ignored) >= len(selected)):
            on = False
        if on:
            chosen.append(rule)
    return chosen


def _best_match(code: str, prefixes: list[str]) -> str | None:
    matches = [prefix for prefix in prefixes if prefix == "ALL" or code.startswith(prefix)]
    if not matches:
        return None
    return max(matches, key=lambda prefix: 0 if prefix == "ALL" else len(prefix))


def relative_to_root(path: str, config: Config) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(config.root).as_posix()
    except ValueError:
        return Path(path).as_posix()


__all__ = ["Config", "ConfigError", "RULES_BY_CODE", "load_config", "select_rules"]
