"""The legacy HTML loader: ``load`` and ``render`` read ``.html`` pages through the import.

A page is imported on the fly (:func:`dsfr_accordion.legacy.import_page`). Its
repair report is given to the caller's ``on_report`` callback (``load(...,
on_import_report=...)``), so that a loader keeps returning a bare ``Document``;
the command line prints it on standard error. Without a callback the report is
issued as an :class:`ImportReportWarning`, as in the first version: deprecated,
to be removed in 0.2. An import that would lose words is refused: content is
never rendered with text missing.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import ContentError
from ..inputs import read_text
from ..model import Document

if TYPE_CHECKING:
    from ..legacy import Import
    from ..legacy.findings import Report


class ImportReportWarning(UserWarning):
    """The repair report of a page imported by a loader given no ``on_import_report``;
    ``report`` holds it as data. Deprecated: pass ``on_import_report`` to ``load``."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.text())
        self.report = report


def import_html(path: str | os.PathLike[str]) -> Import:
    """Import the legacy page at ``path``: ``.document`` and its repair ``.report``.

    Raises :class:`~dsfr_accordion.errors.ContentError` when the file cannot be
    read, its front matter is not valid YAML, or no accordion is found.
    """
    # html5lib is imported only when an HTML page is read: not on the render path.
    from ..legacy import import_page  # noqa: PLC0415

    return import_page(read_text(path), os.fspath(path))


def load_legacy_html(
    text: str, path: str, on_report: Callable[[Report], None] | None = None
) -> Document:
    """Import the legacy page ``text`` and give its repair report to ``on_report``
    (without one, issue it as an :class:`ImportReportWarning`: deprecated).

    Raises :class:`~dsfr_accordion.errors.ContentError` when no accordion is
    found and when the import would lose words (``import`` shows where).
    """
    # As above: html5lib and the importer load only when an HTML page is read.
    from ..legacy import import_page  # noqa: PLC0415
    from ..legacy.findings import excerpt  # noqa: PLC0415

    result = import_page(text, path)
    losses = result.report.preservation.losses
    if losses:
        raise ContentError.of(
            "import-loss",
            losses[0].location,
            count=result.report.preservation.lost_words,
            words=excerpt(" ".join(losses[0].words)),
            path=path,
        )
    if on_report is not None:
        on_report(result.report)
    else:
        warnings.warn(ImportReportWarning(result.report), stacklevel=3)
    return result.document
