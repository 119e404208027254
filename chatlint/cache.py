"""The result cache: a file whose content, chatlint and settings are unchanged is not checked again.

`.chatlint_cache/` (in the project root, as `chatlint.project` finds it) holds one JSON file per chatlint build and
effective configuration (selected rules, per-file ignores, path hints, fix mode). In it, each checked path maps to
the hash of the bytes that were checked and the result. A changed file, another configuration or another chatlint
(its version and its own source files) simply misses. Results are stored as plain JSON, never pickled, so a cache
folder from elsewhere cannot run code.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import chatlint
from chatlint import findings as findings_module
from chatlint.engine import FileResult

CACHE_FOLDER = ".chatlint_cache"
_FORMAT = 1
# The types a cached result is made of; nothing else is ever built from a cache file.
_TYPES: dict[str, type] = {
    "FileResult": FileResult,
    "Finding": findings_module.Finding,
    "Fix": findings_module.Fix,
    "Edit": findings_module.Edit,
    "FileError": findings_module.FileError,
}
_ENUMS: dict[str, type[enum.Enum]] = {
    "Applicability": findings_module.Applicability,
    "SkipReason": findings_module.SkipReason,
}


def cache_folder(project_root: Path) -> Path:
    """Where the cache lives: `CHATLINT_CACHE_DIR`, else in the project root (`Config.root`)."""
    override = os.environ.get("CHATLINT_CACHE_DIR")
    if override:
        return Path(override)
    return project_root / CACHE_FOLDER


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def build_fingerprint() -> str:
    """chatlint's version and the content of its own modules: a changed rule or analysis misses the cache."""
    package = Path(chatlint.__file__).parent
    digest = hashlib.blake2b(chatlint.__version__.encode(), digest_size=8)
    for path in sorted(package.rglob("*.py")):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest.update(str(path.relative_to(package)).encode() + b"\0" + data)
    return digest.hexdigest()


class ResultCache:
    """The cached results for one chatlint build and one effective configuration."""

    def __init__(self, folder: Path, settings: object) -> None:
        self.folder = folder
        key = json.dumps([_FORMAT, build_fingerprint(), repr(settings)])
        self.path = folder / f"{hashlib.blake2b(key.encode(), digest_size=12).hexdigest()}.json"
        self.entries: dict[str, dict[str, Any]] = self._load()
        self.changed = False

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            with open(self.path, encoding="utf-8") as handle:
                entries = json.load(handle)
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, path: str, digest: str) -> FileResult | None:
        entry = self.entries.get(path)
        if not isinstance(entry, dict) or entry.get("digest") != digest:
            return None
        try:
            result = _decode(entry.get("result"))
        except (KeyError, TypeError, ValueError):
            return None  # written by a build with other fields: a miss, rewritten below
        return result if isinstance(result, FileResult) else None

    def put(self, path: str, digest: str, result: FileResult) -> None:
        try:
            encoded = _encode(result)
        except TypeError:
            return  # something that is not plain data: not cached
        self.entries[path] = {"digest": digest, "result": encoded}
        self.changed = True

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written is skipped silently (it is only a cache)."""
        if not self.changed:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by chatlint automatically.\n*\n", encoding="utf-8")
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# chatlint's result cache\n")
            descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=self.folder)
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    json.dump(self.entries, handle, separators=(",", ":"))
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return
        self.changed = False


def _encode(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if _TYPES.get(name) is not type(value):
            raise TypeError(f"cannot cache a {name}")
        fields = {field.name: _encode(getattr(value, field.name)) for field in dataclasses.fields(value)}
        return {"__type__": name, **fields}
    if isinstance(value, enum.Enum):
        return {"__enum__": type(value).__name__, "value": value.value}
    if isinstance(value, tuple):
        return {"__tuple__": [_encode(item) for item in value]}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, frozenset):
        return {"__frozenset__": [_encode(item) for item in value]}
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise TypeError("cannot cache a dict with keys that are not strings")
        return {"__dict__": {key: _encode(item) for key, item in value.items()}}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: object) -> object:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "__type__" in value:
        cls = _TYPES[value["__type__"]]
        return cls(**{key: _decode(item) for key, item in value.items() if key != "__type__"})
    if "__enum__" in value:
        return _ENUMS[value["__enum__"]](value["value"])
    if "__tuple__" in value:
        return tuple(_decode(item) for item in value["__tuple__"])
    if "__frozenset__" in value:
        return frozenset(_decode(item) for item in value["__frozenset__"])
    if "__dict__" in value:
        return {key: _decode(item) for key, item in value["__dict__"].items()}
    raise ValueError("not a cached value")
