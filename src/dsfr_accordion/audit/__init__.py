"""Accessibility audits of rendered pages: static (html5lib) and in a browser (axe-core).

:func:`check` is the one entry point the ``check`` command and the pytest
plugin share. Nothing here is imported on the render path: html5lib,
Selenium and axe-core load only when an audit runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .browser import BrowserSession
    from .findings import FileResult
    from .rules import FailOn, Severity

#: The report formats of ``check --format`` and :func:`~.report.render_report`.
FORMATS = ("text", "json", "junit")

#: The DSFR dist folder the browser audit serves, relative to where it runs,
#: unless told otherwise (``check --dsfr-dist``, ``pytest --dsfr-dist``).
DEFAULT_DSFR_DIST = Path("node_modules", "@gouvfr", "dsfr", "dist")


def check(
    paths: Iterable[str | os.PathLike[str]],
    *,
    browser: BrowserSession | Callable[[], BrowserSession] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    max_bytes: int | None = None,
    root: str | os.PathLike[str] | None = None,
) -> list[FileResult]:
    """Audit pages, fragments and folders of pages; one result per file, in order.

    The static audit always runs. ``browser`` adds the browser audit (axe-core
    and the DSFR behaviour checks) in that session, or in the one a callable
    returns (called once, after the static audit, so a static-only run never
    starts Chromium). The browser gets every page from one folder, ``root``
    (``--root``), which must hold them all; by default the nearest common
    ancestor of the paths given, extended to the stylesheets and scripts the
    pages link (:func:`.server.default_root`). ``progress(done, total, path)``
    is called before each step. A file larger than ``max_bytes`` (default: the
    loaders' limit) is refused. Raises
    :class:`~dsfr_accordion.errors.DsfrAccordionError` for a path that does not
    exist, an unreadable or too large file, a folder without pages, or a
    ``root`` that is not a folder holding every page.
    """
    from . import static  # noqa: PLC0415 - html5lib, only when auditing
    from .server import default_root, given_root  # noqa: PLC0415

    limit = static.MAX_BYTES if max_bytes is None else max_bytes
    files = static.html_files(Path(p) for p in paths)
    # Checked before the static audit: a wrong --root fails before any work.
    served = given_root(Path(root), (f for f, _ in files)) if root is not None else None
    total = len(files) * (2 if browser is not None else 1)
    results: list[FileResult] = []
    for index, (path, _root) in enumerate(files):
        if progress:
            progress(index, total, str(path))
        results.append(static.audit_file(path, max_bytes=limit))
    if browser is not None:
        if served is None:
            found = zip(files, results, strict=True)
            served = default_root([(path, folder, r.text) for (path, folder), r in found])
        session = browser if not callable(browser) else browser()
        for index, ((path, _found), result) in enumerate(zip(files, results, strict=True)):
            if progress:
                progress(len(files) + index, total, str(path))
            results[index] = result.merged(session.audit_file(path, result.path, served))
    return results


def fail_on(spec: FailOn | Severity | str) -> FailOn:
    """``spec`` as a :class:`~.rules.FailOn`: one already, a severity, or the text of
    ``--fail-on`` (see :meth:`~.rules.FailOn.parse`); raises
    :class:`~dsfr_accordion.errors.DsfrAccordionError` (``bad-fail-on``) for text it
    cannot read."""
    from ..errors import DsfrAccordionError  # noqa: PLC0415 - small, and only for a check
    from .rules import FailOn  # noqa: PLC0415

    if isinstance(spec, FailOn):
        return spec
    try:
        return FailOn.parse(str(spec))
    except ValueError as error:
        raise DsfrAccordionError.of("bad-fail-on", value=str(spec), term=str(error)) from None


def failing(results: Iterable[FileResult], policy: FailOn | Severity | str) -> list[FileResult]:
    """Each result with only its findings that fail the check by ``policy`` (see
    :func:`fail_on`), in the same order; a result may be left with none."""
    from .findings import FileResult  # noqa: PLC0415 - with the results, already loaded

    chosen = fail_on(policy)
    return [
        FileResult.of(r.path, (f for f in r.findings if chosen.fails(f.kind)), r.text)
        for r in results
    ]
