"""The ``[tool.chatlint.labels]`` table of the project's ``pyproject.toml``: the file ``chatlint check`` reads too.

Which file that is, and the project root, are decided by ``chatlint.project``. Paths in the table (a
``file.py:Name`` target, a tokenizer folder, a sample file) are relative to the project root, the folder of that
``pyproject.toml``; command-line options win over the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatlint.labels.model import LOSS_SHIFTS, MODES, LabelsError
from chatlint.project import find_project, read_toml

KNOWN_KEYS = (
    "target",
    "tokenizer",
    "args",
    "sample",
    "config",
    "mode",
    "max-examples",
    "trust-remote-code",
    "loss-shift",
)


@dataclass
class LabelsConfig:
    path: Path | None = None  # the pyproject.toml the values came from
    root: Path | None = None  # the project root: relative paths are looked for there when not found from here
    target: str | None = None
    tokenizer: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    sample: str | None = None
    config: str | None = None  # a training config (axolotl YAML) for a factory target
    mode: str | None = None
    loss_shift: str | None = None  # model or pipeline: who shifts labels against the logits
    max_examples: int | None = None
    trust_remote_code: bool | None = None  # never set from the file: only `--trust-remote-code` allows custom code
    warnings: list[str] = field(default_factory=list)  # for stderr, e.g. a setting the file may not make


def load_config(start: Path | None = None) -> LabelsConfig:
    """Read ``[tool.chatlint.labels]``; an absent file or table gives an empty config."""
    project = find_project(start or Path.cwd())
    path = project.pyproject
    if path is None:
        return LabelsConfig(root=project.root)
    data, problem = read_toml(path)
    if problem is not None:
        raise LabelsError(f"{path}: {problem}")
    tool = data.get("tool", {})
    chatlint_table = tool.get("chatlint", {}) if isinstance(tool, dict) else {}
    table = chatlint_table.get("labels") if isinstance(chatlint_table, dict) else None
    if table is None:
        return LabelsConfig(path=path, root=project.root)
    return parse_table(table, path, project.root)


def parse_table(table: Any, path: Path, root: Path) -> LabelsConfig:
    where = f"{path}: [tool.chatlint.labels]"
    if not isinstance(table, dict):
        raise LabelsError(f"{where} must be a table")
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        raise LabelsError(
            f"{where}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"known keys are {', '.join(KNOWN_KEYS)}"
        )
    config = LabelsConfig(path=path, root=root)
    for key in ("target", "tokenizer", "sample", "config", "mode"):
        if key in table:
            if not isinstance(table[key], str):
                raise LabelsError(f"{where}: {key} must be a string, got {table[key]!r}")
            setattr(config, key, table[key])
    if config.mode is not None and config.mode not in (*MODES, "auto"):
        raise LabelsError(f"{where}: mode must be one of auto, {', '.join(MODES)}; got {config.mode!r}")
    if "loss-shift" in table:
        if table["loss-shift"] not in LOSS_SHIFTS:
            raise LabelsError(
                f"{where}: loss-shift must be one of {', '.join(LOSS_SHIFTS)}; got {table['loss-shift']!r}"
            )
        config.loss_shift = table["loss-shift"]
    if "args" in table:
        if not isinstance(table["args"], dict):
            raise LabelsError(f"{where}: args must be a table, e.g. args = {{ max_length = 512 }}")
        config.args = dict(table["args"])
    if "max-examples" in table:
        value = table["max-examples"]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise LabelsError(f"{where}: max-examples must be a positive integer, got {value!r}")
        config.max_examples = value
    if table.get("trust-remote-code") is not None and table.get("trust-remote-code") is not False:
        # A cloned repository must not be able to run a tokenizer's code: only the command line switches it on.
        config.warnings.append(
            f"{where}: trust-remote-code is ignored here (a repository could switch it on for whoever runs "
            "chatlint); pass --trust-remote-code on the command line if you trust the tokenizer"
        )
    return config
