"""Reading a Python file into text and writing it back without changing anything else.

A source keeps what it needs to be written back byte for byte: its encoding (PEP 263 cookie or UTF-8), whether it
started with a UTF-8 BOM, and its permissions. Writes are atomic: a temporary file beside the target, then
``os.replace``.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import tempfile
import tokenize
from dataclasses import dataclass

MAX_FILE_BYTES = 10 * 1024 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class SourceError(Exception):
    """A file that cannot be read as Python source; the message is the reason, for the user."""


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
        raise SourceError("binary file (contains NUL bytes)")
    has_bom = data.startswith(codecs.BOM_UTF8)
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        if "unknown encoding" in str(error):
            raise SourceError(f"bad encoding declaration: {error}") from None
        raise SourceError("cannot decode as utf-8 (and no encoding declaration says otherwise)") from None
    body = data[len(codecs.BOM_UTF8) :] if has_bom else data
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    try:
        text = body.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise SourceError(f"cannot decode as {encoding}: {error}") from None
    return Source(path=path, text=text, encoding=encoding, has_bom=has_bom)


def read_bytes(path: str) -> bytes:
    """The bytes of `path`, or a `SourceError` saying why not (missing, a folder, unreadable, too large)."""
    limit = MAX_FILE_BYTES
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
            if len(data) > limit:
                size = os.fstat(handle.fileno()).st_size
                raise SourceError(f"file too large ({size} bytes, limit {limit})")
    except FileNotFoundError:
        raise SourceError("no such file (or a broken symlink)") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror or error}") from None
    return data


def read_source(path: str) -> Source:
    return decode_source(path, read_bytes(path))


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions; never leaves a half-written file."""
    real_path = os.path.realpath(path)
    folder = os.path.dirname(real_path) or "."
    mode = stat.S_IMODE(os.stat(real_path).st_mode)
    descriptor, temporary = tempfile.mkstemp(prefix=".chatlint-", suffix=".tmp", dir=folder)
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


def line_starts(text: str) -> list[int]:
    """Character offset of the start of each line (index 0 is line 1), with the line breaks Python knows."""
    starts = [0]
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
    return starts


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` without their line breaks, split as Python splits them."""
    return _LINE_BREAK.split(text)
