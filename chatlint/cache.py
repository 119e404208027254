"""The result cache: a file whose content, chatlint and settings are unchanged is not checked again.

`.chatlint_cache/` (in the project root, as `chatlint.project` finds it) holds one JSON file per chatlint build and
effective configuration (the project root, selected rules, per-file ignores, path hints, fix mode). In it, each
checked file (its absolute place, which decides the path hints and per-file ignores, and the path as typed, which
the findings name) maps to the hash of the bytes that were checked and the result. A changed file, another
configuration or another chatlint (its version and its own source files) simply misses. The project step keeps there
too the summaries of modules it read from disk, the results of files it checked with what their imports tell them,
and its plan (`LinkPlan`): what it did in the last run, followed when a run has the same files and nothing it read
changed.

A cache is untrusted input (it may come with a cloned repository or be edited by anyone): results are stored as
plain JSON, never pickled, so a cache cannot run code; every entry is checked against the types of the result
before use, and one that does not conform is a miss (and is rewritten). The cache never holds the text `--fix`
writes: a result with a fixed text is not cached, so fixes are always computed from the source. A cache folder
that is a symlink is not used, and nothing is written through a symlink inside it.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import chatlint
from chatlint import findings as findings_module
from chatlint.engine import FileResult
from chatlint.facts import summary as summary_module
from chatlint.facts.summary import ModuleSummary

CACHE_FOLDER = ".chatlint_cache"
_LINKED = "\0linked"  # the key suffix of a result checked with its imports' summaries
_SUMMARY = "\0summary"  # the key suffix of the summary of a module read from disk
_LINK_PLAN = "\0link-plan"  # the key of what the last run's project step did (see `ResultCache.link_plan`)
_FORMAT = 1
# The types a cached result is made of; nothing else is ever built from a cache file.
_TYPES: dict[str, type] = {
    "FileResult": FileResult,
    "Finding": findings_module.Finding,
    "Fix": findings_module.Fix,
    "Edit": findings_module.Edit,
    "FileError": findings_module.FileError,
    "Related": findings_module.Related,
    "ModuleSummary": summary_module.ModuleSummary,
    "ImportRef": summary_module.ImportRef,
    "WrapperSummary": summary_module.WrapperSummary,
    "ForwardedFlag": summary_module.ForwardedFlag,
    "TextSummary": summary_module.TextSummary,
    "MaskSummary": summary_module.MaskSummary,
    "TokenizerSummary": summary_module.TokenizerSummary,
    "PadLoader": summary_module.PadLoader,
    "ConversationSummary": summary_module.ConversationSummary,
    "Switch": summary_module.Switch,
    "CheckpointLoader": summary_module.CheckpointLoader,
    "RoleGuard": summary_module.RoleGuard,
    "RendererFactory": summary_module.RendererFactory,
    "RenderHook": summary_module.RenderHook,
    "MeasureSummary": summary_module.MeasureSummary,
    "Handoff": summary_module.Handoff,
    "MeasuredHook": summary_module.MeasuredHook,
}
_ENUMS: dict[str, type[enum.Enum]] = {
    "Applicability": findings_module.Applicability,
    "SkipReason": findings_module.SkipReason,
}


def cache_folder(project_root: Path) -> Path | None:
    """Where the cache lives: `CHATLINT_CACHE_DIR`, else in the project root (`Config.root`); None when the
    folder in the project is a symlink (planted in a repository, it would make chatlint write elsewhere)."""
    override = os.environ.get("CHATLINT_CACHE_DIR")
    if override:
        return Path(override)
    folder = project_root / CACHE_FOLDER
    return None if folder.is_symlink() else folder


def entry_key(path: str) -> str:
    """The cache's key for a file: where it is (absolute) and how the run names it."""
    return f"{os.path.abspath(path)}\0{path}"


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

    def __init__(self, folder: Path, settings: object, salt: Callable[[str], str] | None = None) -> None:
        """`salt`: what a path's result depends on besides its content and the settings (added to its digests)."""
        self.folder = folder
        self.salt = salt
        key = json.dumps([_FORMAT, build_fingerprint(), repr(settings)])
        self.path = folder / f"{hashlib.blake2b(key.encode(), digest_size=12).hexdigest()}.json"
        self.entries: dict[str, dict[str, Any]] = self._load()
        self.changed = False

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            with open(self.path, encoding="utf-8") as handle:
                entries = json.load(handle)
        except (OSError, ValueError, RecursionError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, path: str, digest: str, linked: bool = False) -> FileResult | None:
        """The cached result of `path` with content `digest`, or None: absent, stale, or not a valid result.
        `linked`: the result checked with what its imports tell it (`digest` then names their summaries too)."""
        entry = self.entries.get(entry_key(path) + (_LINKED if linked else ""))
        if not isinstance(entry, dict) or entry.get("digest") != self._salted(path, digest):
            return None
        try:
            result = _decode(entry.get("result"))
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
            return None  # written by a build with other fields, or crafted: a miss, rewritten below
        if not isinstance(result, FileResult) or not conforms(result, FileResult):
            return None
        return result if result.path == path and result.fixed_text is None else None

    def put(self, path: str, digest: str, result: FileResult, linked: bool = False) -> None:
        if result.fixed_text is not None:
            return  # the text --fix writes is always computed from the source, never read from a cache
        try:
            encoded = _encode(result)
        except (TypeError, RecursionError):
            return  # something that is not plain data: not cached
        self.entries[entry_key(path) + (_LINKED if linked else "")] = {
            "digest": self._salted(path, digest),
            "result": encoded,
        }
        self.changed = True

    def _salted(self, path: str, digest: str) -> str:
        salt = self.salt(path) if self.salt is not None else ""
        return f"{digest}:{hashlib.blake2b(salt.encode(), digest_size=8).hexdigest()}" if salt else digest

    def summary(
        self, path: str, text: str, build: Callable[[], ModuleSummary | None], depends: str = ""
    ) -> ModuleSummary | None:
        """The summary of a module the rules did not check (read from disk by the project step), from the cache when
        `text` is unchanged (and `depends`, the digests of what its imports told it), else built by `build` and
        remembered."""
        key = entry_key(path) + _SUMMARY
        digest = content_digest(text.encode("utf-8", "surrogatepass")) + depends
        entry = self.entries.get(key)
        if isinstance(entry, dict) and entry.get("digest") == digest:
            try:
                remembered = _decode(entry.get("result"))
            except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
                remembered = False  # not a summary: built again below
            if remembered is None or (isinstance(remembered, ModuleSummary) and conforms(remembered, ModuleSummary)):
                return remembered if remembered is None or remembered.path == path else build()
        summary = build()
        try:
            self.entries[key] = {"digest": digest, "result": _encode(summary)}
            self.changed = True
        except (TypeError, RecursionError):
            pass
        return summary

    def link_plan(self, run: str) -> LinkPlan | None:
        """What the project step did in the last run whose checked files had the digest `run` (see `LinkPlan`),
        or None (another run, or an entry that is not a plan)."""
        entry = self.entries.get(_LINK_PLAN)
        if not isinstance(entry, dict) or entry.get("digest") != run:
            return None
        plan = entry.get("result")
        if not isinstance(plan, dict):
            return None
        linked, read, files = _pairs(plan.get("linked")), _pairs(plan.get("read")), plan.get("files")
        if linked is None or read is None or not isinstance(files, list):
            return None
        if not all(isinstance(path, str) for path in files):
            return None
        return LinkPlan(linked, read, tuple(files))

    def remember_link_plan(self, run: str, plan: LinkPlan) -> None:
        self.entries[_LINK_PLAN] = {
            "digest": run,
            "result": {"linked": plan.linked, "read": plan.read, "files": list(plan.files)},
        }
        self.changed = True

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written is skipped silently (it is only a cache)."""
        if not self.changed:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self.folder.is_symlink():
                return
            _create_once(self.folder / ".gitignore", "# Created by chatlint automatically.\n*\n")
            _create_once(
                self.folder / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# chatlint's result cache\n"
            )
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


@dataclasses.dataclass
class LinkPlan:
    """What a run's project step did, for the next run over the same files (`project_step`): the files it checked
    again with what their imports told them, each with the key of its linked result (in the order they were
    checked: a file checked twice keeps the second result); every file it read from disk beyond the run's, with
    the digest of what it read ("" for a file it could not read) and, as `"folder/"`, the state of each folder such
    a file is in (a module added beside it may change what an import resolves to); and the files it reports as
    read whole."""

    linked: list[tuple[str, str]]
    read: list[tuple[str, str]]
    files: tuple[str, ...]


def _pairs(value: object) -> list[tuple[str, str]] | None:
    """A list of pairs of strings, as JSON holds them (lists); None when `value` is anything else."""
    if not isinstance(value, list):
        return None
    pairs = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item)):
            return None
        pairs.append((item[0], item[1]))
    return pairs


def _create_once(path: Path, text: str) -> None:
    """Create `path` with `text` unless something (a file, or a symlink, even a dangling one) is there already:
    never written through a symlink."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o644)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


def conforms(value: object, hint: object) -> bool:
    """Does `value` have the type `hint` (a field annotation of the cached dataclasses), all the way down?"""
    return _checker(hint)(value)


@functools.cache
def _checker(hint: object) -> Callable[[object], bool]:
    """The test `conforms` applies for `hint`, built once per annotation (a warm run tests every cached result)."""
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        alternatives = tuple(_checker(argument) for argument in arguments)
        return lambda value: any(test(value) for test in alternatives)
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            item = _checker(arguments[0])
            return lambda value: isinstance(value, tuple) and all(map(item, value))
        items = tuple(_checker(argument) for argument in arguments)
        return lambda value: (
            isinstance(value, tuple) and len(value) == len(items) and all(test(v) for test, v in zip(items, value))
        )
    if origin in (list, frozenset):
        container, item = origin, _checker(arguments[0])
        return lambda value: isinstance(value, container) and all(map(item, value))
    if hint is type(None) or hint is None:
        return lambda value: value is None
    if hint is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        cls = hint
        hints = typing.get_type_hints(cls)
        fields = tuple((field.name, hints[field.name]) for field in dataclasses.fields(cls))
        # the fields' tests are looked up when used: a dataclass may name itself in its fields
        return lambda value: type(value) is cls and all(_checker(h)(getattr(value, n)) for n, h in fields)
    if isinstance(hint, type):
        cls = hint
        return lambda value: isinstance(value, cls)
    return lambda value: False


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
