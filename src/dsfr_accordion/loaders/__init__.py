"""Loading content files into a :class:`~dsfr_accordion.model.Document`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import ContentError, Location
from ..ids import IdAllocator, assign_ids
from ..model import Document
from .markdown import load_markdown
from .yaml import load_yaml

#: File name extension -> loader taking (text, path for messages).
LOADERS: dict[str, Callable[[str, str], Document]] = {
    ".yaml": load_yaml,
    ".yml": load_yaml,
    ".md": load_markdown,
    ".markdown": load_markdown,
}


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file (a byte order mark is dropped), with a clear error otherwise."""
    name = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ContentError.of(
            "unreadable", Location(name), reason=error.strerror or str(error)
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ContentError.of(
            "not-utf8", Location(name, line, column), byte=data[error.start], offset=error.start
        ) from None


def load(path: str | os.PathLike[str]) -> Document:
    """Load the content file at ``path``, chosen by its extension (.yaml, .yml, .md, .markdown).

    Raises :class:`~dsfr_accordion.errors.ContentError`, naming the file, line
    and column, for anything wrong in it, including explicit ids that are
    invalid or used twice.
    """
    name = os.fspath(path)
    loader = LOADERS.get(Path(name).suffix.lower())
    if loader is None:
        raise ContentError.of("unknown-format", Location(name), suffix=Path(name).suffix or name)
    document = loader(read_text(path), name)
    assign_ids(document, IdAllocator())
    return document
