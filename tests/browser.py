"""Browser fixtures: one headless Chromium session for the whole test run.

Pages are served over http://127.0.0.1 (module scripts do not load from
file://) with the real DSFR files from npm; the browser resolves no other host.
Without Chromium or chromedriver the browser tests skip, except under CI=true,
where they fail: a CI run must not pass without having run them.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

DSFR_DIST = Path(__file__).resolve().parent.parent / "node_modules" / "@gouvfr" / "dsfr" / "dist"

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
)


# Resolves once the DSFR JS has started and bound every accordion button.
_WAIT_FOR_DSFR = """
const done = arguments[arguments.length - 1];
const ready = () => document.documentElement.hasAttribute('data-fr-js') &&
  [...document.querySelectorAll('.fr-accordion__btn')]
    .every((b) => b.hasAttribute('data-fr-js-collapse-button'));
const wait = () => (ready() ? done(true) : setTimeout(wait, 20));
wait();
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="session")
def site_root() -> Iterator[Path]:
    """A folder served over HTTP for the session, with the DSFR files under ``dsfr/``."""
    if not (DSFR_DIST / "dsfr.min.css").is_file():
        _unavailable(f"DSFR assets missing at {DSFR_DIST}: run make test (npm ci)")
    root = Path(tempfile.mkdtemp(prefix="dsfr-accordion-site-"))
    (root / "dsfr").symlink_to(DSFR_DIST, target_is_directory=True)
    yield root
    shutil.rmtree(root)


@pytest.fixture(scope="session")
def base_url(site_root: Path) -> Iterator[str]:
    """The URL of :func:`site_root` on a loopback HTTP server."""
    handler = functools.partial(_QuietHandler, directory=str(site_root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian package) driven by Selenium, for every browser test."""
    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        _unavailable(
            "Chromium or chromedriver is missing: apt-get install chromium chromium-driver"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="dsfr-accordion-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def open_page(browser, site_root: Path, base_url: str) -> Callable[[str, str], object]:
    """Serve ``html`` as ``name`` and load it in the shared browser, DSFR JS started."""

    def _open(name: str, html: str) -> object:
        (site_root / name).write_text(html, encoding="utf-8")
        browser.get(f"{base_url}/{name}")
        browser.execute_async_script(_WAIT_FOR_DSFR)
        return browser

    return _open
