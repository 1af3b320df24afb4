"""Loading content files into a :class:`~dsfr_accordion.model.Document`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ContentError
from ..ids import content_keys
from ..model import Document, Location
from ..ui import N_
from .legacy_html import load_legacy_html
from .markdown import load_markdown
from .yaml import load_yaml

if TYPE_CHECKING:
    from ..legacy.findings import Report

#: File name extension -> loader taking (text, path for messages).
LOADERS: dict[str, Callable[[str, str], Document]] = {
    ".yaml": load_yaml,
    ".yml": load_yaml,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".html": load_legacy_html,  # a legacy page, imported on the fly (docs/import.md)
    ".htm": load_legacy_html,
}


#: Largest content file read by default (a flag raises it): content is text
#: written by people, so a larger file is most likely a mistake.
MAX_BYTES = 10 * 1024 * 1024

# Byte order marks of encodings people save text in by mistake.
_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _encoding_seen(data: bytes) -> tuple[str, str]:
    """A guess at the encoding of bytes that are not UTF-8: its description, its iconv name."""
    if data.startswith(_BOMS):
        return "UTF-16", "UTF-16"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return N_("an unknown 8-bit encoding"), "LATIN1"
    return N_("Windows-1252 or Latin-1"), "WINDOWS-1252"


def read_text(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> str:
    """Read a UTF-8 text file (a byte order mark is dropped), with a clear error otherwise:
    unreadable, larger than ``max_bytes``, binary (a NUL byte), or not UTF-8.
    """
    name = os.fspath(path)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise ContentError.of(
                "too-large",
                Location(name),
                size=size,
                limit=max_bytes,
                megabytes=-(-size // (1024 * 1024)),
            )
        data = Path(path).read_bytes()
    except OSError as error:
        raise ContentError.of(
            "unreadable", Location(name), reason=error.strerror or str(error)
        ) from None
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


def load(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    on_import_report: Callable[[Report], None] | None = None,
) -> Document:
    """Load the content file at ``path``, chosen by its extension (.yaml, .yml, .md,
    .markdown; .html and .htm are legacy pages, imported on the fly).

    ``on_import_report`` receives the repair report of an imported page
    (:class:`~dsfr_accordion.legacy.findings.Report`); without it the report is
    issued as a deprecated ``ImportReportWarning``. Raises
    :class:`~dsfr_accordion.errors.ContentError`, naming the file, line and
    column, for anything wrong in it, including explicit ids that are invalid
    or used twice.
    """
    name = os.fspath(path)
    loader = LOADERS.get(Path(name).suffix.lower())
    if loader is None:
        raise ContentError.of("unknown-format", Location(name), suffix=Path(name).suffix or name)
    text = read_text(path, max_bytes=max_bytes)
    if loader is load_legacy_html:
        document = load_legacy_html(text, name, on_import_report)
    else:
        document = loader(text, name)
    content_keys(document)  # refuses explicit ids that are invalid or used twice
    return document
