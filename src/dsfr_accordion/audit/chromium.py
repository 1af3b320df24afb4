"""Headless Chromium for the browser audit: Debian's ``chromium`` and ``chromedriver``.

Selenium drives it, with the driver found on ``PATH`` (no driver download), and
the browser resolves no host but the loopback server's. Selenium is imported
when a browser starts, never on the render path
(``pip install 'dsfr-accordion[browser]'``).

Every command to the browser has a time bound (:class:`Timeouts`). A script of a
page that never ends (``while (true) {}`` in a click handler) blocks its tab,
and chromedriver, which runs one command at a time, with it: nothing can be
asked of that browser any more, not even to close the tab. So chromedriver and
Chromium run in a process group of their own, which :meth:`Chromium.kill` ends
at once.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DsfrAccordionError
from .devtools import DevTools

if TYPE_CHECKING:
    from selenium.webdriver.chrome.service import Service
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

#: The media features every tab is shown with: a visitor who asks for reduced motion
#: (the DSFR panels then open without their transition, so the behaviour checks wait
#: for the page, not for animations).
REDUCED_MOTION: tuple[dict[str, str], ...] = (
    {"name": "prefers-reduced-motion", "value": "reduce"},
)


def emulate_media(driver: WebDriver, media: str = "") -> None:
    """Show the current tab as the media type ``media`` (``"print"``; ``""``: the
    screen), always with the media features of :data:`REDUCED_MOTION`."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"media": media, "features": list(REDUCED_MOTION)}
    )


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds each wait of the browser audit may last: every wait has one.

    ``page``, ``dsfr``, ``axe`` and ``step`` are the limits of the browser's own
    waits (a page load, a script); a command gets ``grace`` seconds more to
    answer, and any other command ``command`` seconds. A command with no answer
    in time means the page stopped responding.
    """

    page: float = 30  #: a page load
    dsfr: float = 10  #: the DSFR JavaScript binding every accordion of a page
    axe: float = 120  #: axe-core on one page (seconds with hundreds of accordions)
    step: float = 3  #: an accordion reaching its state after an activation
    command: float = 10  #: any other command: a state read, a key press, a new tab
    grace: float = 5  #: beyond a wait's own limit, for the answer to come back


class BrowserUnavailable(DsfrAccordionError):
    """Chromium, chromedriver, Selenium or axe-selenium-python is missing."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__("browser-unavailable", {"problem": problem})


#: The Python packages of the browser audit: module -> distribution name
#: (``pip install 'dsfr-accordion[browser]'`` brings them all).
PACKAGES = {
    "selenium": "selenium",
    "axe_selenium_python": "axe-selenium-python",
    "websocket": "websocket-client",
}


def require_packages() -> None:
    """Raise :class:`BrowserUnavailable` naming every missing package of the audit."""
    found = importlib.util.find_spec
    missing = [name for module, name in PACKAGES.items() if found(module) is None]
    if len(missing) == 1:
        raise BrowserUnavailable(f"the Python package {missing[0]} is missing")
    if missing:
        listed = f"{', '.join(missing[:-1])} and {missing[-1]}"
        raise BrowserUnavailable(f"the Python packages {listed} are missing")


class Chromium:
    """One headless Chromium driven by Selenium, with its temporary profile folder.

    Raises :class:`BrowserUnavailable` naming what to install when Selenium,
    ``chromium`` or ``chromedriver`` is missing. Commands get
    :attr:`Timeouts.command` seconds to answer, or what :meth:`bound` says.
    Close it with :meth:`close`, or :meth:`kill` when it no longer answers.
    """

    def __init__(self, timeouts: Timeouts) -> None:
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
        self.timeouts = timeouts
        self._devtools: DevTools | None = None
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        # Alerts are found, reported and dismissed by the audit itself.
        options.set_capability("unhandledPromptBehavior", "ignore")
        self.profile = Path(tempfile.mkdtemp(prefix="dsfr-accordion-chromium-"))
        options.add_argument(f"--user-data-dir={self.profile}")
        # A process group of its own, which kill() ends with the browser in it.
        self._service: Service = Service(
            executable_path=driver_path, popen_kw={"start_new_session": True}
        )
        try:
            # A connection per command (keep_alive=False) is what lets the client
            # below apply: Selenium's kept-alive connection is made once, with
            # urllib3's default of three retries of a request that timed out,
            # which made a bound of 15 s one of 60 s. chromedriver is local, and
            # a command unanswered in time means the page hung: no retry.
            self.driver: WebDriver = webdriver.Chrome(
                service=self._service, options=options, keep_alive=False
            )
        except WebDriverException as error:
            self.kill()
            raise BrowserUnavailable(f"Chromium did not start: {error.msg}") from error
        self.driver.command_executor.client_config.init_args_for_pool_manager = {
            "init_args_for_pool_manager": {"retries": False}
        }
        self.configure(timeouts)

    def configure(self, timeouts: Timeouts) -> None:
        """Bound the browser's waits and the commands by ``timeouts`` from now on."""
        self.timeouts = timeouts
        self.driver.command_executor.client_config.timeout = timeouts.command
        self.driver.set_page_load_timeout(timeouts.page)
        self.driver.set_script_timeout(max(timeouts.axe, timeouts.dsfr, timeouts.step))

    def devtools(self) -> DevTools:
        """The audit's own DevTools connection to the current tab (:mod:`.devtools`),
        made anew for a new tab; its commands get the bound of the step under way."""
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415

        target = self.driver.current_window_handle
        if self._devtools is None or self._devtools.target != target:
            self.close_devtools()
            options = self.driver.capabilities.get("goog:chromeOptions", {})
            address = options.get("debuggerAddress")
            if not address:
                raise WebDriverException("chromedriver gave no DevTools address")
            config = self.driver.command_executor.client_config
            self._devtools = DevTools(address, target, lambda: config.timeout, self._open_dialog)
        return self._devtools

    def _open_dialog(self) -> str | None:
        """The text of the dialog the current tab has open, or ``None``."""
        from selenium.common.exceptions import NoAlertPresentException  # noqa: PLC0415
        from selenium.webdriver.common.alert import Alert  # noqa: PLC0415

        try:
            return str(Alert(self.driver).text)  # one request (switch_to.alert makes two)
        except NoAlertPresentException:
            return None

    def close_devtools(self) -> None:
        """End the DevTools connection to a tab, if one is open (a new tab gets its own)."""
        if self._devtools is not None:
            self._devtools.close()
            self._devtools = None

    @contextlib.contextmanager
    def bound(self, seconds: float) -> Iterator[None]:
        """Commands sent inside get ``seconds`` and :attr:`Timeouts.grace` to answer."""
        config = self.driver.command_executor.client_config
        outer = config.timeout
        config.timeout = seconds + self.timeouts.grace
        try:
            yield
        finally:
            config.timeout = outer

    def close(self) -> None:
        """Ask chromedriver to close the browser, then end whatever of it is left."""
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415
        from selenium.webdriver.remote.webdriver import WebDriver  # noqa: PLC0415
        from urllib3.exceptions import HTTPError  # noqa: PLC0415 - Selenium's transport

        # The remote quit only: Selenium's local one would reap chromedriver before
        # kill() could end the group by its id.
        with contextlib.suppress(WebDriverException, HTTPError, OSError):
            WebDriver.quit(self.driver)
        self.kill()

    def kill(self) -> None:
        """End chromedriver and Chromium at once, and remove the profile folder."""
        self.close_devtools()
        process = getattr(self._service, "process", None)
        if process is not None:
            if process.poll() is None:
                # The group's leader is our child, not reaped yet: its id is still ours.
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(self.timeouts.command)
            self._service.stop()  # closes its pipes; the process is gone already
        shutil.rmtree(self.profile, ignore_errors=True)
