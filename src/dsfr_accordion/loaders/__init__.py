"""Loading content files into a :class:`~dsfr_accordion.model.Document`."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ContentError
from ..ids import content_keys
from ..inputs import MAX_BYTES, read_text
from ..model import Document, Location

if TYPE_CHECKING:
    from ..legacy.findings import Report

#: File name extension -> the module of this package holding its loader, and the
#: loader, taking (text, path for messages). A loader is imported when a file of its
#: kind is read: a YAML file loads no Markdown loader.
LOADERS: dict[str, tuple[str, str]] = {
    ".yaml": ("yaml", "load_yaml"),
    ".yml": ("yaml", "load_yaml"),
    ".md": ("markdown", "load_markdown"),
    ".markdown": ("markdown", "load_markdown"),
    ".html": ("legacy_html", "load_legacy_html"),  # a legacy page, imported on the fly
    ".htm": ("legacy_html", "load_legacy_html"),
}


def loader_for(path: str | os.PathLike[str]) -> Callable[..., Document]:
    """The loader of the content file ``path``, by its extension (see :data:`LOADERS`).

    Raises :class:`~dsfr_accordion.errors.ContentError` (``unknown-format``) for an
    extension no loader reads.
    """
    name = os.fspath(path)
    suffix = Path(name).suffix
    if suffix.lower() not in LOADERS:
        raise ContentError.of("unknown-format", Location(name), suffix=suffix or name)
    module, function = LOADERS[suffix.lower()]
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


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
    loader = loader_for(name)
    text = read_text(path, max_bytes=max_bytes)
    if LOADERS[Path(name).suffix.lower()][0] == "legacy_html":  # its report to the caller
        document = loader(text, name, on_import_report)
    else:
        document = loader(text, name)
    content_keys(document)  # refuses explicit ids that are invalid or used twice
    return document
