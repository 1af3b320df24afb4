"""Loading content files into a :class:`~dsfr_accordion.model.Document`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ContentError
from ..ids import content_keys
from ..inputs import MAX_BYTES, read_text
from ..model import Document, Location
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
