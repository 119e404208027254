"""The configuration files a run may load (YAML or JSON files of the project) and the switches they set.

A training script often builds its configuration from a file (`RunConfig(**yaml.safe_load(...))`), so a switch
field's default (`add_special_tokens: bool = True` in a dataclass) is what runs only when no such file sets the
field. The files read are those the run's modules name in a string (`--config`'s default,
`"configs/llama3.yaml"`), found from the project root or the module's folder, and those in a configuration folder
at the project root (`configs/`, `recipes/`). A switch a file sets to the other value leaves the field unknown
(`Links.overridden_switches`): quiet rather than wrong. Only the text is read (a key of a switch's name followed by
a boolean), so neither PyYAML nor a JSON parse runs, and a file that fails to parse as either still counts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from chatlint.facts.config_switches import SWITCH

# a file name in a string of the code (`"configs/sft.yaml"`, `'recipe.json'`)
_NAMED_FILE = re.compile(r"""["']([\w./-]+\.(?:ya?ml|json))["']""")
# a switch set to a boolean: `add_special_tokens: false` (YAML), `"add_bos_token": true` (JSON)
_SET_SWITCH = re.compile(r"""["']?\b(""" + SWITCH + r""")["']?[ \t]*:[ \t]*["']?(true|false|True|False)\b""")
# the folders at the project root whose files a run may load by name on its command line
CONFIG_FOLDERS = ("config", "configs", "conf", "recipes")
_SUFFIXES = (".yaml", ".yml", ".json")
# bounds: a configuration file is small; a folder of thousands of them (a dataset) is not configuration
MAX_FILE_BYTES = 256 * 1024
MAX_FILES = 200


def config_file_switches(root: Path, modules: Iterable[tuple[str, str]]) -> frozenset[tuple[str, bool]]:
    """The switches (name, value) the configuration files of the run set (see the module's text). `modules`: the
    path and text of each module of the run."""
    found: set[tuple[str, bool]] = set()
    for path in _config_files(root, modules):
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found.update((name, value.lower() == "true") for name, value in _SET_SWITCH.findall(text))
    return frozenset(found)


def _config_files(root: Path, modules: Iterable[tuple[str, str]]) -> list[Path]:
    files: dict[Path, None] = {}
    for module, text in modules:
        if ".y" not in text and ".json" not in text:
            continue
        for name in _NAMED_FILE.findall(text):
            for base in (root, root / os.path.dirname(module)):
                candidate = base / name
                if candidate.is_file():
                    files.setdefault(candidate)
    for folder in CONFIG_FOLDERS:
        top = root / folder
        if not top.is_dir():
            continue
        for current, subfolders, names in os.walk(top):
            subfolders.sort()
            for name in sorted(names):
                if name.endswith(_SUFFIXES) and len(files) < MAX_FILES:
                    files.setdefault(Path(current, name))
    return list(files)[:MAX_FILES]
