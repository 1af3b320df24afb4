"""Accessibility audits of rendered pages: static (html5lib) and in a browser (axe-core).

:func:`check` is the one entry point the ``check`` command and the pytest
plugin share. This module is light: its names (:data:`CHECKS`,
:data:`FORMATS`, :data:`DEFAULT_DSFR_DIST`) declare the command's options;
html5lib, Selenium and axe-core load only when an audit runs, and the library's
render path never imports the audit.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .browser import BrowserSession
    from .findings import FileResult
    from .rules import Check, FailOn, Severity

#: The report formats of ``check --format`` and :func:`~.report.render_report`.
FORMATS = ("text", "json", "junit")

#: The checks ``check --checks`` and the plugin's ``checks=`` name, in the order they
#: run on a page; ``--browser`` is all of them.
CHECKS = ("static", "axe", "behaviour")

#: The DSFR dist folder the browser audit serves, relative to where it runs,
#: unless told otherwise (``check --dsfr-dist``, ``pytest --dsfr-dist``).
DEFAULT_DSFR_DIST = Path("node_modules", "@gouvfr", "dsfr", "dist")


def default_jobs() -> int:
    """The browser sessions ``check --jobs`` runs by default: the processors this
    process may use (a CI container's CPU set, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def parse_checks(spec: str | Iterable[str]) -> frozenset[Check]:
    """The checks named by ``spec``: ``--checks`` text (comma-separated) or names.

    Each of :data:`CHECKS` may be given; at least one. Raises
    :class:`~dsfr_accordion.errors.DsfrAccordionError` (``bad-checks``) naming
    the first term that is none of them.
    """
    from ..errors import DsfrAccordionError  # noqa: PLC0415 - small, and only for a check
    from .rules import Check  # noqa: PLC0415

    text = spec if isinstance(spec, str) else ",".join(spec)
    chosen: set[Check] = set()
    for term in (part.strip() for part in text.split(",")):
        try:
            chosen.add(Check(term))
        except ValueError:
            raise DsfrAccordionError.of("bad-checks", value=text, term=term) from None
    return frozenset(chosen)


def check(
    paths: Iterable[str | os.PathLike[str]],
    *,
    browser: BrowserSession | Callable[[], BrowserSession] | None = None,
    static: bool = True,
    jobs: int = 1,
    shard: tuple[int, int] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    max_bytes: int | None = None,
    root: str | os.PathLike[str] | None = None,
) -> list[FileResult]:
    """Audit pages, fragments and folders of pages; one result per file, in order.

    Files come in the order of ``paths``, each folder's pages sorted. ``static``
    runs the static audit (``False``: each file is only read, for the browser).
    ``browser`` adds the browser audit (axe-core and the DSFR behaviour checks,
    as the session is set up) in that session, or in sessions a callable
    returns: it is called after the static audit, so a static-only run never
    starts Chromium, once for each of up to ``jobs`` sessions working through
    the pages side by side, each in a thread of its own (the work is waiting on
    Chromium); the caller closes what it returned. Results are the same
    whatever ``jobs``: each page is audited alone in a fresh tab, and the
    results keep the files' order. An exception in one session (one that would
    not start) lets the others finish the page under way, then is raised.

    ``shard`` (``(k, n)``, ``1 <= k <= n``) audits only the files whose
    position ``i`` (from 0) in that order has ``i % n == k - 1``: the shards of
    ``n`` jobs partition the files, and :func:`.shards.merge` puts their reports
    back in order.

    The browser gets every page from one folder, ``root`` (``--root``), which
    must hold them all; by default the nearest common ancestor of the paths
    given, extended to the stylesheets and scripts the pages link
    (:func:`.server.default_root`), chosen from every file, not only the
    shard's, so a page gets the same findings in any shard. ``progress(done,
    total, path)`` is called before each step. A file larger than
    ``max_bytes`` (default: the loaders' limit) is refused. Raises
    :class:`~dsfr_accordion.errors.DsfrAccordionError` for a path that does not
    exist, an unreadable or too large file, a folder without pages, or a
    ``root`` that is not a folder holding every page; :class:`ValueError` for
    ``jobs`` below 1 or a ``shard`` outside ``1 <= k <= n``.
    """
    from . import static as static_audit  # noqa: PLC0415 - html5lib, only when auditing
    from .findings import FileResult  # noqa: PLC0415

    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    limit = static_audit.MAX_BYTES if max_bytes is None else max_bytes
    every = static_audit.html_files(Path(p) for p in paths)
    files = every
    if shard is not None:
        index, count = shard
        if not 1 <= index <= count:
            raise ValueError(f"shard {index}/{count} is not k/n with 1 <= k <= n")
        files = every[index - 1 :: count]
    served = None
    if root is not None:  # checked before the static audit: a wrong --root fails before any work
        from .server import given_root  # noqa: PLC0415 - the server, for a browser audit only

        served = given_root(Path(root), (f for f, _ in every))
    total = len(files) * (2 if browser is not None else 1)
    results: list[FileResult] = []
    for index, (path, _root) in enumerate(files):
        if progress:
            progress(index, total, str(path))
        if static:
            results.append(static_audit.audit_file(path, max_bytes=limit))
        else:
            text = static_audit.read_source(path, limit)
            results.append(FileResult.of(str(path), (), text))
    if browser is None or not files:
        return results
    if served is None:
        from .server import default_root  # noqa: PLC0415

        texts = dict(zip((f for f, _ in files), (r.text for r in results), strict=True))
        served = default_root(
            [
                (path, folder, texts.get(path) or static_audit.read_source(path, limit))
                for path, folder in every
            ]
        )
    if not callable(browser) or min(jobs, len(files)) == 1:
        session = browser if not callable(browser) else browser()
        for index, (path, _found) in enumerate(files):
            if progress:
                progress(len(files) + index, total, str(path))
            findings = session.audit_file(path, results[index].path, served)
            results[index] = results[index].merged(findings)
        return results
    _in_parallel(
        files, results, served=served, start=browser, jobs=min(jobs, len(files)), progress=progress
    )
    return results


def _in_parallel(
    files: Sequence[tuple[Path, Path]],
    results: list[FileResult],
    *,
    served: Path,
    start: Callable[[], BrowserSession],
    jobs: int,
    progress: Callable[[int, int, str], None] | None,
) -> None:
    """The browser audit of ``files`` by ``jobs`` sessions from ``start``, each taking
    the next page when done with one; each result merged in place, at its index."""
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415 - with --jobs only

    lock = threading.Lock()
    pending = iter(range(len(files)))
    stop = threading.Event()

    def work() -> None:
        try:
            session = start()
            while not stop.is_set():
                with lock:  # one page to one session; progress drawn one at a time
                    index = next(pending, None)
                    if index is None:
                        return
                    if progress:
                        progress(len(files) + index, 2 * len(files), str(files[index][0]))
                found = session.audit_file(files[index][0], results[index].path, served)
                results[index] = results[index].merged(found)
        except BaseException:
            stop.set()  # the others end the page under way (each wait bounded), then stop
            raise

    with ThreadPoolExecutor(jobs, thread_name_prefix="dsfr-audit") as executor:
        futures = [executor.submit(work) for _ in range(jobs)]
        try:
            for future in futures:
                future.exception()  # wait for every session, failed or not
        except BaseException:
            stop.set()  # interrupted: no new page; the pages under way end within their bounds
            raise
    for future in futures:
        future.result()  # the first session's failure, if any


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
