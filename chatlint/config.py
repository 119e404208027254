"""`[tool.chatlint]` in the project's `pyproject.toml` (see `chatlint.project`): which rules run where, and which
files are skipped."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chatlint.project import find_project, read_toml
from chatlint.rules import ALL_RULES, RULES_BY_CODE, Rule
from chatlint.source import HARD_CAP_BYTES, MAX_FILE_BYTES

KNOWN_KEYS = frozenset(
    {
        "select",
        "extend-select",
        "ignore",
        "exclude",
        "extend-exclude",
        "per-file-ignores",
        "training-paths",
        "inference-paths",
        "labels",  # the runtime check's own table, read by `chatlint labels`
        "target-versions",  # library = version or specifier: the versions to assume (`chatlint.dependencies`)
        "use-installed-versions",  # let the versions installed beside chatlint count (`chatlint.dependencies`)
        "max-file-size",
        "models",  # the checkpoints the project runs with: code whose model the analysis cannot tell is judged for them
    }
)


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    root: Path  # the project root (`chatlint.project`): paths in the configuration are relative to it
    path: Path | None = None  # the configuration file read, if any
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    training_paths: tuple[str, ...] = ()
    inference_paths: tuple[str, ...] = ()
    target_versions: dict[str, str] = field(default_factory=dict)
    use_installed_versions: bool = False
    max_file_size: int = MAX_FILE_BYTES  # bytes; a larger file that the prefilter does not rule out is not parsed
    models: tuple[str, ...] = ()  # the checkpoints the project runs with (`models = ["Qwen/Qwen2.5-7B-Instruct"]`)


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
        guess = _did_you_mean(unknown[0], KNOWN_KEYS)
        known = f" (known: {', '.join(sorted(KNOWN_KEYS))})" if not guess else ""
        raise ConfigError(f"{path}: unknown key `{unknown[0]}` in [tool.chatlint]{guess}{known}")
    config = Config(root=root, path=path)
    config.select = _codes(table, "select", path)
    config.extend_select = _codes(table, "extend-select", path)
    config.ignore = _codes(table, "ignore", path)
    config.exclude = _strings(table, "exclude", path)
    config.extend_exclude = _strings(table, "extend-exclude", path)
    config.training_paths = _strings(table, "training-paths", path)
    config.inference_paths = _strings(table, "inference-paths", path)
    _dependency_settings(table, path, config)
    config.max_file_size = _max_file_size(table, path)
    config.models = _strings(table, "models", path)
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{path}: `per-file-ignores` must be a table of glob = [codes]")
    for pattern, codes in per_file.items():
        config.per_file_ignores[pattern] = _codes({"per-file-ignores": codes}, "per-file-ignores", path, pattern)
    return config


def _dependency_settings(table: dict, path: Path, config: Config) -> None:
    if "target-versions" in table:
        from chatlint.dependencies import check_target_versions  # reads `packaging` only when the key is set

        problem = check_target_versions(table["target-versions"])
        if problem is not None:
            raise ConfigError(f"{path}: {problem}")
        config.target_versions = dict(table["target-versions"])
    installed = table.get("use-installed-versions", False)
    if not isinstance(installed, bool):
        raise ConfigError(f"{path}: `use-installed-versions` must be true or false, got {installed!r}")
    config.use_installed_versions = installed


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
    by_name = rule_named(code)
    if by_name is not None:
        return f"`{code}` is the name of {by_name.code}: use the code here"
    return f"unknown rule code or prefix `{code}`{_did_you_mean(upper, RULES_BY_CODE)}"


def rule_named(code_or_name: str) -> type[Rule] | None:
    """The rule with this code (any case) or this name (`generation-prompt-on-full-conversation`), or None."""
    wanted = code_or_name.strip()
    rule = RULES_BY_CODE.get(wanted.upper())
    if rule is None:
        rule = next((rule for rule in ALL_RULES if rule.name == wanted.lower().replace("_", "-")), None)
    return rule


def unknown_rule(code_or_name: str) -> str:
    """`unknown rule ...`, with the closest code or name when there is one."""
    wanted = code_or_name.strip()
    guess = _did_you_mean(wanted.upper(), RULES_BY_CODE) or _did_you_mean(
        wanted.lower(), [rule.name for rule in ALL_RULES]
    )
    return f"unknown rule `{code_or_name}`{guess}"


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean `X`?` for the closest choice (difflib's ratio), or an empty string. Among equally close
    choices the one that shares the longest start with `word` wins (`CL02` is nearer `CL002` than `CL201`)."""
    scored = [(difflib.SequenceMatcher(None, word, choice).ratio(), choice) for choice in choices]
    best = max((score for score, _ in scored), default=0.0)
    if best < 0.6:
        return ""
    tied = [choice for score, choice in scored if score == best]
    pick = min(tied, key=lambda choice: (-len(os.path.commonprefix([word, choice])), choice))
    return f"; did you mean `{pick}`?"


def check_code(code: str, where: str) -> None:
    problem = code_problem(code)
    if problem is not None:
        raise ConfigError(f"{where}: {problem}")


def select_rules(select: Iterable[str], ignore: Iterable[str]) -> list[type[Rule]]:
    """The rules that `select` turns on and `ignore` does not turn off (longest prefix wins, as in Ruff)."""
    on = _apply_layer(_DEFAULT_CODES, tuple(select), (), tuple(ignore))
    return [rule for rule in ALL_RULES if rule.code in on]


def rules_for(
    config: Config, select: Sequence[str] = (), extend_select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[type[Rule]]:
    """The rules a run uses, as Ruff resolves them: the configuration's `select`, `extend-select` and `ignore`, then
    the command line's on top. A `select` replaces what came before (so `--select` drops the configuration's
    selection, its `extend-select` and `ignore` included), `extend-select` adds to it, `ignore` removes; within one
    level the more specific prefix wins, and an `ignore` as specific as the selection."""
    on = _DEFAULT_CODES
    for layer in ((config.select, config.extend_select, config.ignore), (select, extend_select, ignore)):
        on = _apply_layer(on, *(tuple(codes) for codes in layer))
    return [rule for rule in ALL_RULES if rule.code in on]


_DEFAULT_CODES = frozenset(rule.code for rule in ALL_RULES if rule.enabled_by_default)


def _apply_layer(
    on: frozenset[str], select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...]
) -> frozenset[str]:
    chosen = set()
    for rule in ALL_RULES:
        selected = _best_match(rule.code, [*select, *extend_select])
        ignored = _best_match(rule.code, list(ignore))
        if selected is not None:
            keep = ignored is None or _specificity(ignored) < _specificity(selected)
        else:
            keep = not select and rule.code in on and ignored is None
        if keep:
            chosen.add(rule.code)
    return frozenset(chosen)


def _best_match(code: str, prefixes: list[str]) -> str | None:
    matches = [prefix for prefix in prefixes if prefix == "ALL" or code.startswith(prefix)]
    if not matches:
        return None
    return max(matches, key=_specificity)


def _specificity(prefix: str) -> int:
    return 0 if prefix == "ALL" else len(prefix)


def relative_to_root(path: str, config: Config) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(config.root).as_posix()
    except ValueError:
        return Path(path).as_posix()


__all__ = ["Config", "ConfigError", "RULES_BY_CODE", "load_config", "rules_for", "select_rules"]
