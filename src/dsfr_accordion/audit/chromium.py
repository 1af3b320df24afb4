"""Headless Chromium for the browser audit: Debian's ``chromium`` and ``chromedriver``.

Selenium drives it, with the driver found on ``PATH`` (no driver download), and
the browser resolves no host but the loopback server's. Selenium is imported
when a browser starts, never on the render path
(``pip install 'dsfr-accordion[browser]'``).
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DsfrAccordionError

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

#: Chromium's command line: headless, quiet, and no host but the loopback server.
CHROMIUM_FLAGS: tuple[str, ...] = (
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

#: Seconds to wait for a page to load, and for a script of the audit.
PAGE_TIMEOUT = 30
SCRIPT_TIMEOUT = 120  # axe-core on a page with hundreds of accordions takes seconds


class BrowserUnavailable(DsfrAccordionError):
    """Chromium, chromedriver, Selenium or axe-selenium-python is missing."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__("browser-unavailable", {"problem": problem})


#: The Python packages of the browser audit: module -> distribution name
#: (``pip install 'dsfr-accordion[browser]'`` brings both).
PACKAGES = {"selenium": "selenium", "axe_selenium_python": "axe-selenium-python"}


def require_packages() -> None:
    """Raise :class:`BrowserUnavailable` naming every missing package of the audit."""
    found = importlib.util.find_spec
    missing = [name for module, name in PACKAGES.items() if found(module) is None]
    if len(missing) == 1:
        raise BrowserUnavailable(f"the Python package {missing[0]} is missing")
    if missing:
        raise BrowserUnavailable(f"the Python packages {' and '.join(missing)} are missing")


def start_chromium() -> tuple[WebDriver, Path]:
    """A headless Chromium driven by Selenium, and its temporary profile folder.

    Raises :class:`BrowserUnavailable` naming what to install when Selenium,
    ``chromium`` or ``chromedriver`` is missing.
    """
    try:
        from selenium import webdriver  # noqa: PLC0415 - heavy, only for the browser audit
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415
        from selenium.webdriver.chrome.service import Service  # noqa: PLC0415
    except ImportError as error:
        raise BrowserUnavailable(f"the Python package {error.name} is missing") from error
    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        missing = " and ".join(
            name for name, found in (("chromium", chromium), ("chromedriver", driver_path))
            if not found
        )  # fmt: skip
        raise BrowserUnavailable(f"Chromium or chromedriver is missing ({missing} not on PATH)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    # Alerts are found, reported and dismissed by the audit itself.
    options.set_capability("unhandledPromptBehavior", "ignore")
    profile = Path(tempfile.mkdtemp(prefix="dsfr-accordion-chromium-"))
    options.add_argument(f"--user-data-dir={profile}")
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except WebDriverException as error:
        shutil.rmtree(profile, ignore_errors=True)
        raise BrowserUnavailable(f"Chromium did not start: {error.msg}") from error
    driver.set_page_load_timeout(PAGE_TIMEOUT)
    driver.set_script_timeout(SCRIPT_TIMEOUT)
    # A visitor who asks for reduced motion: the DSFR panels then open without
    # their transition, so behaviour checks wait for the page, not for animations.
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]},
    )
    return driver, profile
