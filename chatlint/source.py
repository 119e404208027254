"""Reading a Python file into text and writing it back without changing anything else.

A source keeps what it needs to be written back byte for byte: its encoding (PEP 263 cookie or UTF-8), whether it
started with a UTF-8 BOM, and its permissions. Writes are atomic: a temporary file beside the target, then
``os.replace``.
"""

from __future__ import annotations

import codecs
import io
import mmap
import os
import re
import stat
import tempfile
import tokenize
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from chatlint.findings import SkipError, SkipReason
from chatlint.noqa import _FILE_NOQA_BYTES as FILE_NOQA_BYTES
from chatlint.prefilter import passes_prefilter

if TYPE_CHECKING:
    from chatlint.rules.base import Rule

# The default of `max-file-size`: larger files are prefiltered (without being read into memory) but not parsed.
MAX_FILE_BYTES = 10 * 1024 * 1024
# Past this even the prefilter is not run: the file is reported as too large.
HARD_CAP_BYTES = 1024 * 1024 * 1024
# The temporary files of `write_atomic`: `.chatlint-<pid>-<random>.tmp`, beside the file written.
_TEMPORARY = re.compile(r"^\.chatlint-(\d+)-[^/]*\.tmp$")
# An encoding declaration (PEP 263), as `tokenize` reads it.
_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


class SourceError(SkipError):
    """A file that cannot be read as Python source: its `reason`; the message is the words for the user."""


@dataclass
class Source:
    path: str
    text: str
    encoding: str = "utf-8"
    has_bom: bool = False

    def encode(self, text: str | None = None) -> bytes:
        data = (self.text if text is None else text).encode(self.encoding)
        return codecs.BOM_UTF8 + data if self.has_bom else data


def decode_source(path: str, data: bytes) -> Source:
    if b"\x00" in data:
        raise SourceError(SkipReason.BINARY)
    has_bom = data.startswith(codecs.BOM_UTF8)
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        unknown = _unknown_declared_encoding(data)
        if unknown is not None:
            raise SourceError(SkipReason.UNKNOWN_ENCODING, unknown) from None
        raise SourceError(SkipReason.NOT_UTF8) from None
    body = data[len(codecs.BOM_UTF8) :] if has_bom else data
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    try:
        text = body.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise SourceError(SkipReason.UNDECODABLE, encoding, error) from None
    return Source(path=path, text=text, encoding=encoding, has_bom=has_bom)


def _unknown_declared_encoding(data: bytes) -> str | None:
    """The name in the encoding declaration of the first two lines, when no codec has that name."""
    for line in data.split(b"\n", 2)[:2]:
        match = _CODING.match(line)
        if match is not None:
            name = match.group(1).decode("ascii")
            try:
                codecs.lookup(name)
            except LookupError:
                return name
            return None
        if line.strip() and not line.lstrip().startswith(b"#"):
            return None  # code on the first line: a declaration on the second does not count
    return None


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """The bytes of `path`, or a `SourceError` saying why not (missing, a folder, not a regular file, unreadable,
    larger than `limit`, by default `MAX_FILE_BYTES`).

    Only regular files are opened, and without blocking: a FIFO named `x.py` is one line, never a hang.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        with _open_regular(path) as handle:
            data = handle.read(limit + 1)
            if len(data) > limit:
                size = os.fstat(handle.fileno()).st_size
                raise SourceError(SkipReason.TOO_LARGE, size, limit)
    except FileNotFoundError:
        raise SourceError(SkipReason.NOT_FOUND) from None
    except IsADirectoryError:
        raise SourceError(SkipReason.IS_DIRECTORY) from None
    except OSError as error:
        raise SourceError(SkipReason.UNREADABLE, error.strerror or error) from None
    return data


def _open_regular(path: str) -> io.BufferedReader:
    """`path` opened for reading if it is a regular file (a symlink to one too); `SourceError` otherwise."""
    _require_regular(os.stat(path).st_mode)  # a device or FIFO is not even opened
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        _require_regular(os.fstat(descriptor).st_mode)  # replaced between the two looks
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _require_regular(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise SourceError(SkipReason.IS_DIRECTORY)
    if not stat.S_ISREG(mode):
        raise SourceError(SkipReason.NOT_REGULAR)


def read_source(path: str, limit: int | None = None) -> Source:
    return decode_source(path, read_bytes(path, limit))


def large_file_is_clean(path: str, rules: Sequence[Rule]) -> bool:
    """Would the prefilter rule out `path`, a file too large to parse? Read through a memory map, so that the
    file is never held in memory; False (to be reported as too large) past `HARD_CAP_BYTES` or when unreadable."""
    try:
        with _open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size == 0 or size > HARD_CAP_BYTES:
                return size == 0
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                # `bytes in mmap` only finds single bytes: the noqa test is spelled with `find` here
                suppressed = mapped.find(b"noqa") != -1 and FILE_NOQA_BYTES.search(mapped) is not None
                return suppressed or not passes_prefilter(mapped, rules)  # type: ignore[arg-type]
    except (OSError, ValueError, BufferError, SourceError):
        return False


class OutsideRoot(Exception):
    """`write_atomic` refused: the path is a symlink whose target lies outside the project root."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


def write_atomic(path: str, data: bytes, root: Path | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions; never leaves a half-written file.

    With a project `root`, a path that resolves outside it (a symlink planted in the repository) is not written:
    `OutsideRoot`. Leftover temporary files of a killed run in the same folder are removed first.
    """
    real_path = os.path.realpath(path)
    if root is not None and not _is_within(real_path, os.path.realpath(root)):
        raise OutsideRoot(real_path)
    folder = os.path.dirname(real_path) or "."
    mode = stat.S_IMODE(os.stat(real_path).st_mode)
    remove_stale_temporaries(folder)
    descriptor, temporary = tempfile.mkstemp(prefix=f".chatlint-{os.getpid()}-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, real_path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def remove_stale_temporaries(folder: str, names: Iterable[str] | None = None) -> None:
    """Remove the `write_atomic` temporaries in `folder` left by a chatlint process that no longer runs (killed
    with SIGKILL, or the machine stopped); those of a running one are its own."""
    try:
        listed = os.listdir(folder) if names is None else names
    except OSError:
        return
    for name in listed:
        match = _TEMPORARY.match(name)
        if match is None or _process_alive(int(match.group(1))):
            continue
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or not a pid at all: leave the file alone
    return True
