"""Browser fixtures: one headless Chromium session for the whole test run.

Thin fixtures over :mod:`dsfr_accordion.audit.browser` (flags, loopback server,
axe-core) through the pytest plugin's ``dsfr_browser``, so the browser tests
and ``dsfr_audit`` share one session. Pages are served over http://127.0.0.1
with the real DSFR files from npm; the browser resolves no other host.
Without Chromium or chromedriver the browser tests skip, except under CI=true,
where they fail: a CI run must not pass without having run them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dsfr_accordion.assets import ENHANCEMENT_FILES, STATIC
from dsfr_accordion.audit.browser import BrowserSession, BrowserUnavailable
from dsfr_accordion.pytest_plugin import LazyBrowser

DSFR_DIST = Path(__file__).resolve().parent.parent / "node_modules" / "@gouvfr" / "dsfr" / "dist"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@contextlib.contextmanager
def shorter(session: BrowserSession, **limits: float) -> Iterator[None]:
    """Inside, the session's time limits of ``limits`` (seconds, by :class:`Timeouts` field)."""
    before = session.timeouts
    session.timeouts = dataclasses.replace(before, **limits)
    try:
        yield
    finally:
        session.timeouts = before


@pytest.fixture(scope="session")
def browser_session(dsfr_browser: LazyBrowser) -> BrowserSession:
    """The run's one :class:`BrowserSession` (the plugin's), or skip/fail when unavailable."""
    if not (DSFR_DIST / "dsfr.min.css").is_file():
        _unavailable(f"DSFR assets missing at {DSFR_DIST}: run make test (npm ci)")
    try:
        return dsfr_browser.get()
    except BrowserUnavailable as error:
        _unavailable(error.problem)
        raise  # not reached: _unavailable skips or fails


@pytest.fixture
def browser(browser_session: BrowserSession):
    """The Selenium driver of the shared session (per test: a page that hung the
    browser leaves the session a new one)."""
    return browser_session.driver


@pytest.fixture(scope="session")
def site_root(browser_session: BrowserSession) -> Iterator[Path]:
    """A folder served over HTTP for the session, with the DSFR files under ``dsfr/``
    and the library's enhancement files beside them, as ``--dsfr-dist`` copies them
    (linked, not copied: the npm package's and the package's own files are served)."""
    root = Path(tempfile.mkdtemp(prefix="dsfr-accordion-site-"))
    (root / "dsfr").mkdir()
    for entry in DSFR_DIST.iterdir():
        (root / "dsfr" / entry.name).symlink_to(entry)
    for name in ENHANCEMENT_FILES:
        (root / "dsfr" / name).symlink_to(STATIC / name)
    yield root
    shutil.rmtree(root)


@pytest.fixture(scope="session")
def base_url(browser_session: BrowserSession, site_root: Path) -> str:
    """The URL of :func:`site_root` on the session's loopback server."""
    return browser_session.server(site_root).url


@pytest.fixture
def serve(site_root: Path) -> Callable[[str, str], Path]:
    """Write ``html`` as ``name`` in the served folder and return its path."""

    def _serve(name: str, html: str) -> Path:
        path = site_root / name
        path.write_text(html, encoding="utf-8")
        return path

    return _serve


@pytest.fixture
def open_page(
    browser_session: BrowserSession, serve, base_url: str
) -> Callable[[str, str], object]:
    """Serve ``html`` as ``name`` and load it in the shared browser, DSFR JS started."""

    def _open(name: str, html: str) -> object:
        serve(name, html)
        assert browser_session.open(f"{base_url}/{name}") is None
        assert browser_session.wait_for_dsfr(), "the DSFR JavaScript did not start"
        return browser_session.driver

    return _open
