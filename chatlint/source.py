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

from chatlint.findings import SkipError, SkipReason

MAX_FILE_BYTES = 10 * 1024 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
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


def read_bytes(path: str) -> bytes:
    """The bytes of `path`, or a `SourceError` saying why not (missing, a folder, unreadable, too large)."""
    limit = MAX_FILE_BYTES
    try:
        with open(path, "rb") as handle:
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
