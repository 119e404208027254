"""The generation EOS ids of a model: ``eos_token_id`` (an int or a list) of the ``generation_config.json`` that
lies beside the tokenizer (its folder, or its snapshot in the local Hugging Face cache). Nothing is downloaded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GENERATION_CONFIG = "generation_config.json"


@dataclass
class GenerationEos:
    ids: frozenset[int] | None  # None: no generation config (or none with eos_token_id) was found
    why: str  # where the ids came from, or why there are none


def generation_eos(tokenizer: Any, name: str | None, base: Path | None) -> GenerationEos:
    """The generation EOS ids for the tokenizer given by ``name`` (a folder or a cached name), else by its
    ``name_or_path``."""
    location = name or str(getattr(tokenizer, "name_or_path", "") or "")
    path = _config_path(location, base)
    if path is None:
        return GenerationEos(None, f"no {GENERATION_CONFIG} beside the tokenizer")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return GenerationEos(None, f"{path} cannot be read as JSON ({type(error).__name__})")
    value = data.get("eos_token_id") if isinstance(data, dict) else None
    values = value if isinstance(value, list) else [value]
    ids = frozenset(int(v) for v in values if isinstance(v, int) and not isinstance(v, bool))
    if not ids:
        return GenerationEos(None, f"{path} has no eos_token_id")
    return GenerationEos(ids, f"{path} eos_token_id {sorted(ids)}")


def _config_path(location: str, base: Path | None) -> Path | None:
    if not location:
        return None
    candidates = [Path(location).expanduser()]
    if base is not None and not Path(location).is_absolute():
        candidates.insert(0, base / location)
    for folder in candidates:
        if folder.is_dir():
            path = folder / GENERATION_CONFIG
            return path if path.is_file() else None
    return _cached(location)


def _cached(name: str) -> Path | None:
    """The generation config of ``name`` in the local Hugging Face cache, if it is there (no network)."""
    parts = name.split("/")
    if len(parts) != 2 or not all(parts):
        return None
    try:
        from huggingface_hub import try_to_load_from_cache

        found = try_to_load_from_cache(name, GENERATION_CONFIG)
    except Exception:
        return None
    return Path(found) if isinstance(found, str) and Path(found).is_file() else None
