"""Reading input files with bounds: size, time, encoding, each refusal one clear error.

The one reader of content files, catalogues and audited pages: the content
loaders, ``i18n`` and ``check`` all read through it. Apart from the loaders so
that reading a page to audit does not import the Markdown and YAML parsers.
"""

from __future__ import annotations

import os
import select
import stat
from pathlib import Path

from .errors import ContentError
from .model import Location
from .ui import N_

#: Seconds a read of a pipe or a FIFO waits for its next bytes before giving up.
READ_TIMEOUT = 30

#: Largest content file read by default (a flag raises it): content is text
#: written by people, so a larger file is most likely a mistake.
MAX_BYTES = 10 * 1024 * 1024

# Byte order marks of encodings people save text in by mistake.
_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _too_large(name: str, size: int, limit: int) -> ContentError:
    megabytes = -(-size // (1024 * 1024))
    return ContentError.of("too-large", Location(name), size=size, limit=limit, megabytes=megabytes)


def _read_stream(name: str, max_bytes: int, timeout: float) -> bytes:
    """The bytes of the pipe, FIFO or device ``name``, up to ``max_bytes``."""
    # Non-blocking open: a FIFO with no writer opens at once; poll() then waits,
    # with a bound, for the writer's bytes.
    descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    chunks: list[bytes] = []
    size = 0
    try:
        poller = select.poll()
        poller.register(descriptor, select.POLLIN | select.POLLHUP)
        while True:
            if not poller.poll(timeout * 1000):
                raise ContentError.of("read-timeout", Location(name), seconds=timeout)
            try:
                chunk = os.read(descriptor, 1 << 16)
            except BlockingIOError:
                continue
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(name, size, max_bytes)
    finally:
        os.close(descriptor)


def _encoding_seen(data: bytes) -> tuple[str, str]:
    """A guess at the encoding of bytes that are not UTF-8: its description, its iconv name."""
    if data.startswith(_BOMS):
        return "UTF-16", "UTF-16"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return N_("an unknown 8-bit encoding"), "LATIN1"
    return N_("Windows-1252 or Latin-1"), "WINDOWS-1252"


def read_bytes(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, timeout: float = READ_TIMEOUT
) -> bytes:
    """The bytes of the file at ``path``, refused when unreadable or larger than
    ``max_bytes``. A pipe, a FIFO or a device (``/dev/stdin``) is read as it comes,
    never more than ``max_bytes`` of it (``/dev/zero`` is too large, not an endless
    read), and a read that gets no byte for ``timeout`` seconds (a FIFO nobody
    writes to) is given up with an error: nothing waits forever.
    """
    name = os.fspath(path)
    try:
        status = Path(path).stat()
        if stat.S_ISREG(status.st_mode):
            if status.st_size > max_bytes:
                raise _too_large(name, status.st_size, max_bytes)
            return Path(path).read_bytes()
        if stat.S_ISDIR(status.st_mode):
            raise ContentError.of("unreadable", Location(name), reason=N_("it is a folder"))
        return _read_stream(name, max_bytes, timeout)
    except OSError as error:
        raise ContentError.of(
            "unreadable", Location(name), reason=error.strerror or str(error)
        ) from None


def read_text(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, timeout: float = READ_TIMEOUT
) -> str:
    """Read a UTF-8 text file (a byte order mark is dropped), with a clear error otherwise:
    unreadable, larger than ``max_bytes`` (see :func:`read_bytes`), binary (a NUL
    byte), or not UTF-8.
    """
    name = os.fspath(path)
    data = read_bytes(path, max_bytes=max_bytes, timeout=timeout)
    if b"\x00" in data and not data.startswith(_BOMS):
        offset = data.index(b"\x00")
        raise ContentError.of(
            "binary", Location(name, data.count(b"\n", 0, offset) + 1), offset=offset
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        encoding, iconv = _encoding_seen(data)
        raise ContentError.of(
            "not-utf8",
            Location(name, line, column),
            byte=data[error.start],
            offset=error.start,
            encoding=encoding,
            iconv=iconv,
        ) from None
