"""The browser audit: axe-core and the real DSFR JavaScript in headless Chromium.

One :class:`BrowserSession` (one Chromium, :mod:`.chromium`) audits many pages,
served by loopback servers of this process (:mod:`.server`), so that a page sees
exactly the DSFR files given to the audit. For each page: alerts opened while
loading are dismissed and reported; axe-core (:mod:`.axe`) runs the WCAG 2.2 A
and AA rules and reports violations and "incomplete" (needs review) results
separately; then every DSFR accordion is driven like a visitor would
(:mod:`.behaviour`). The JavaScript run in pages is in ``js/`` (:mod:`.scripts`).

A page is untrusted: every wait has a bound (:class:`~.chromium.Timeouts`). A
page that stops responding, navigates away, reloads itself or breaks the
audit's scripts is a finding of that page, and the next page is audited in a
fresh tab (a new browser when the old one no longer answers).

Selenium and axe-selenium-python are imported when a session starts, never on
the render path (``pip install 'dsfr-accordion[browser]'``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urlsplit

from ..errors import DsfrAccordionError
from . import behaviour, enhancements
from .axe import AxeFailed, axe_locale, axe_source, run_axe
from .chromium import BrowserUnavailable, Chromium, Timeouts, emulate_media, require_packages
from .devtools import CLOSED, DevTools, NoAnswer
from .findings import AuditFinding, found
from .rules import Msg
from .scripts import script
from .server import LocalServer

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

__all__ = ["BrowserSession", "BrowserUnavailable", "Timeouts"]


class PageChanged(Exception):
    """The audited document is gone: the page navigated away or reloaded itself."""

    def __init__(self, change: Msg) -> None:
        super().__init__(change)
        self.change = change


@dataclass(slots=True)
class _Page:
    """One page being audited: its findings so far, and the step under way."""

    name: str
    findings: list[AuditFinding] = field(default_factory=list)
    step: Msg = field(default_factory=lambda: Msg("the page load"))
    limit: float = 0
    #: The document's audit id and address once loaded (``js/document-id.js``).
    document: tuple[str | None, str] | None = None

    def add(self, rule_id: str, **fields: object) -> None:
        """Add the finding of ``rule_id`` with ``fields``."""
        self.findings.append(found(rule_id, self.name, **fields))

    def unresponsive(self) -> AuditFinding:
        """The finding of a step that got no answer within its limit."""
        return found("page-unresponsive", self.name, step=self.step, seconds=f"{self.limit:g}")

    def left(self, change: Msg) -> AuditFinding:
        """The finding of a page that went away (``change``) during the step under way."""
        return found("page-navigated", self.name, change=change, step=self.step)


class BrowserSession(contextlib.AbstractContextManager["BrowserSession"]):
    """One Chromium session auditing many pages; close it (or use ``with``) when done.

    ``axe`` and ``behaviour`` choose the checks; ``dsfr_dist`` is the folder
    whose DSFR files pages load (``None``: the CDN, which the browser cannot
    reach, so the DSFR JavaScript will not start); ``timeouts`` bound every wait.
    ``report_lang`` is the language of the report: axe-core's help texts come in
    it when axe-core has it (its own French locale; English otherwise).
    """

    def __init__(
        self,
        dsfr_dist: Path | None = None,
        *,
        lang: str = "fr",
        axe: bool = True,
        behaviour: bool = True,
        timeouts: Timeouts | None = None,
        report_lang: str = "en",
    ) -> None:
        if dsfr_dist is not None and not (dsfr_dist / "dsfr.module.min.js").is_file():
            raise DsfrAccordionError.of("dsfr-dist", path=dsfr_dist, missing="dsfr.module.min.js")
        self.dsfr_dist = dsfr_dist
        self.lang = lang
        self._timeouts = timeouts or Timeouts()
        self.axe = axe
        self.behaviour = behaviour
        self._axe_locale = axe_locale(report_lang)
        require_packages()
        self._axe_source = axe_source() if axe else ""
        self._chromium = self._start()
        self._servers: dict[Path, LocalServer] = {}

    @property
    def timeouts(self) -> Timeouts:
        """The bounds of every wait; set it to change them for the next pages."""
        return self._timeouts

    @timeouts.setter
    def timeouts(self, timeouts: Timeouts) -> None:
        self._timeouts = timeouts
        self._chromium.configure(timeouts)

    @property
    def driver(self) -> WebDriver:
        """The Selenium driver of the current browser (a new one after a page hung it)."""
        return self._chromium.driver

    @property
    def devtools(self) -> DevTools:
        """The audit's own DevTools connection to the current tab (:mod:`.devtools`)."""
        return self._chromium.devtools()

    def _start(self) -> Chromium:
        chromium = Chromium(self._timeouts)
        try:
            self._prepare_tab(chromium.driver)
        except BaseException:
            chromium.kill()
            raise
        return chromium

    def _prepare_tab(self, driver: WebDriver) -> None:
        """Set up the current tab: what every document gets before its own scripts, and
        reduced motion."""
        # axe-core in every tab of a session started with it, even while only() turns it
        # off: a tab prepared without it could not run it when it is turned on again.
        for source in (script("document-id"), *([self._axe_source] if self._axe_source else [])):
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
        emulate_media(driver)

    @contextlib.contextmanager
    def only(self, *, axe: bool, behaviour: bool) -> Iterator[None]:
        """Inside, run axe-core only if ``axe`` and the behaviour checks only if
        ``behaviour`` (the pytest plugin's ``checks=`` on its one session). Raises
        :class:`ValueError` for axe-core on a session started without it."""
        if axe and not self._axe_source:
            raise ValueError("this session was started without axe-core")
        before = self.axe, self.behaviour
        self.axe, self.behaviour = axe, behaviour
        try:
            yield
        finally:
            self.axe, self.behaviour = before

    def close(self) -> None:
        for server in self._servers.values():
            server.close()
        self._servers.clear()
        self._chromium.close()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def server(self, root: Path) -> LocalServer:
        """The loopback server of ``root`` (one per folder, started on first use)."""
        root = root.resolve()
        if root not in self._servers:
            self._servers[root] = LocalServer(root, self.dsfr_dist, self.lang)
        return self._servers[root]

    def open(self, url: str) -> Msg | None:
        """Load ``url``; ``None`` once loaded, else why it did not load in time.

        An alert the page opens while loading interrupts the load; the caller
        reads and dismisses it with :meth:`dismiss_alerts`.
        """
        from selenium.common.exceptions import (  # noqa: PLC0415
            TimeoutException,
            UnexpectedAlertPresentException,
        )

        try:
            with self._chromium.bound(self.timeouts.page):
                self.driver.get(url)
        except UnexpectedAlertPresentException:
            return None
        except TimeoutException:
            return Msg("the page did not load in time")
        return None

    def dismiss_alerts(self) -> list[str]:
        """Dismiss the alerts the page has open; their texts."""
        from selenium.common.exceptions import NoAlertPresentException  # noqa: PLC0415

        texts: list[str] = []
        for _ in range(20):  # a page may open several; a loop of alerts must still end
            try:
                alert = self.driver.switch_to.alert
                texts.append(alert.text)
                alert.dismiss()
            except NoAlertPresentException:
                break
        return texts

    def wait_for_dsfr(self) -> bool:
        """Wait until the DSFR JavaScript has bound every accordion button of the page
        (at once without accordions); ``False`` when it has not within ``timeouts.dsfr``.
        """
        with self._chromium.bound(self.timeouts.dsfr):
            return bool(
                self.driver.execute_async_script(script("wait-for-dsfr"), self.timeouts.dsfr)
            )

    def audit_file(self, path: Path, name: str, root: Path | None = None) -> list[AuditFinding]:
        """The browser findings of the file ``path`` (served from ``root``, default its folder)."""
        folder = root or path.parent
        # Lexically under the folder: a symbolic link is served as the file it names.
        relative = Path(os.path.relpath(path.absolute(), folder.absolute()))
        return self.audit_url(self.server(folder).url_of(relative), name)

    def audit_url(self, url: str, name: str) -> list[AuditFinding]:
        """The browser findings of the page at ``url``, reported under the file ``name``.

        Never raises for what the page does: a page that hangs, leaves or breaks
        the audit is a finding, and the session stays ready for the next page.
        """
        from selenium.common.exceptions import (  # noqa: PLC0415
            TimeoutException,
            UnexpectedAlertPresentException,
            WebDriverException,
        )
        from urllib3.exceptions import HTTPError  # noqa: PLC0415 - Selenium's transport

        page = _Page(name)
        try:
            self._audit(url, page)
            # Its events would pile up unread while pages without accordions go by.
            self._chromium.close_devtools()
            return page.findings
        except (HTTPError, NoAnswer):
            # No answer within the bound: a script of the page does not end, and its
            # tab, chromedriver with it, will answer nothing more.
            page.findings.append(page.unresponsive())
            responsive = False
        except PageChanged as changed:
            page.findings.append(page.left(changed.change))
            responsive = True
        except UnexpectedAlertPresentException:
            page.findings += self._alerts(page)
            responsive = True
        except AxeFailed as failure:
            page.add("page-interfered", step=page.step, error=f"axe-core: {failure}")
            responsive = True
        except TimeoutException:
            # The browser's own limit ran out: the page left in the middle of a
            # script, or a script of the page does not end.
            responsive = self._explain(page, page.unresponsive())
        except WebDriverException as error:
            detail = (getattr(error, "msg", None) or type(error).__name__).splitlines()[0]
            responsive = self._explain(
                page, found("page-interfered", name, step=page.step, error=detail)
            )
        if responsive:
            self._fresh_tab()
        else:
            self._restart()
        return page.findings

    def _audit(self, url: str, page: _Page) -> None:
        """Audit the page at ``url`` into ``page``, step by step; raises what the page
        does to the audit (see :meth:`audit_url`)."""
        timeouts = self.timeouts
        with self._during(page, "the page load", timeouts.page):
            problem = self.open(url)
        if problem:
            # A page still loading may be one whose script never ends: ask it something.
            with self._during(page, "the page load", timeouts.command):
                page.findings += self._alerts(page)
                self._document()
            page.add("page-load", problem=problem)
            return
        with self._during(page, "the wait for the DSFR JavaScript", timeouts.dsfr):
            page.findings += self._alerts(page)
            page.document = self._document()
            # It may have left before this first look (a script run at load): the
            # audit id is set on every page it serves, and the address is the one asked.
            if page.document[0] is None or urldefrag(page.document[1])[0] != urldefrag(url)[0]:
                raise PageChanged(Msg("the page went to another address"))
            started = self.wait_for_dsfr()
            page.findings += self._alerts(page)
            self._still(page)
            # Addresses of the loopback server without its port, which changes at
            # each run: the same page gives the same report.
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
            for address, status in self.driver.execute_script(script("failed-resources")):
                answer = f"HTTP {status}" if status else Msg("no answer")
                shown = (
                    address.removeprefix(origin) if address.startswith(origin + "/") else address
                )
                page.add("page-resource", url=shown, status=answer)
        if self.axe:
            with self._during(page, "the axe-core checks", timeouts.axe):
                found = run_axe(self.driver, page.name, self._axe_locale)
                self._still(page)  # findings of the page loaded, not of one it went to
                page.findings += found
        if not self.behaviour:
            return
        with self._during(page, "the behaviour checks", timeouts.command):
            if not behaviour.states(self.driver):
                return
            if not started:
                page.add("page-load", problem=Msg("the accordions were not initialised in time"))
                return
        # Print on the panels as loaded, at rest; the other enhancements after the
        # accordions' own checks, so that a page they upset keeps those findings.
        with self._during(page, "the checks of the enhancements", timeouts.command):
            found = enhancements.check_print(self.driver, page.name, timeouts.step)
            self._still(page)
            page.findings += found
        with self._during(page, "the behaviour checks", timeouts.command):
            devtools = self.devtools  # asks chromedriver for the tab: once a page
            found = behaviour.check_behaviour(
                self.driver, devtools, page.name, self.dismiss_alerts, timeouts.step
            )
            self._still(page)
            page.findings += found
        with self._during(page, "the checks of the enhancements", timeouts.command):
            found, without_js = enhancements.check_enhancements(
                self.driver, devtools, page.name, timeouts.step
            )
            self._still(page)
            page.findings += found
        if without_js:
            with self._during(page, "the page load without JavaScript", timeouts.page):
                page.findings += enhancements.check_without_javascript(
                    self.driver,
                    page.name,
                    without_js,
                    lambda: self._reload(url, page),
                    timeouts.step,
                )

    def _reload(self, url: str, page: _Page) -> bool:
        """Load ``url`` again as the document of ``page`` (its scripts may be off);
        whether it loaded (else a ``page-load`` finding says why not)."""
        problem = self.open(url)
        if problem:
            page.add("page-load", problem=problem)
            return False
        page.document = self._document()
        return True

    @contextlib.contextmanager
    def _during(self, page: _Page, step: str, limit: float) -> Iterator[None]:
        """Commands sent inside are the step ``step`` of ``page``, each answered within
        ``limit`` seconds (and the grace)."""
        page.step, page.limit = Msg(step), limit
        with self._chromium.bound(limit):
            yield

    def _alerts(self, page: _Page) -> list[AuditFinding]:
        """The alerts the page has open, dismissed, as findings."""
        return [found("page-alert", page.name, text=text) for text in self.dismiss_alerts()]

    def _document(self) -> tuple[str | None, str]:
        """The current document's audit id (``js/document-id.js``) and address.

        Asked through the DevTools protocol: a WebDriver script waits for a
        navigation under way to end, which a page reloading itself without end
        never does (it would read as a page that stopped responding).
        """
        from selenium.common.exceptions import NoSuchWindowException  # noqa: PLC0415

        answer = self.driver.execute_cdp_cmd(
            "Runtime.evaluate", {"expression": script("document-of"), "returnByValue": True}
        )
        if answer is None:
            # chromedriver answers nothing, rather than an error, for a tab that closed.
            raise NoSuchWindowException(CLOSED)
        audit_id, address = answer["result"]["value"]
        return audit_id, address

    def _still(self, page: _Page) -> None:
        """Raise :class:`PageChanged` unless the tab still shows the document loaded."""
        assert page.document is not None, "set once the page has loaded"
        loaded_id, loaded_address = page.document
        now_id, now_address = self._document()
        if now_id == loaded_id:
            return
        if urldefrag(now_address)[0] == urldefrag(loaded_address)[0]:
            raise PageChanged(Msg("the page reloaded itself"))
        raise PageChanged(Msg("the page went to another address"))

    def _explain(self, page: _Page, otherwise: AuditFinding) -> bool:
        """Add to ``page`` the finding of a command that failed: ``page-navigated`` when
        the page has left (a stale element, a script ended by an unload), else
        ``otherwise``. Whether the browser still answers."""
        from selenium.common.exceptions import TimeoutException, WebDriverException  # noqa: PLC0415
        from urllib3.exceptions import HTTPError  # noqa: PLC0415

        try:
            with self._chromium.bound(self.timeouts.command):
                if page.document is None:
                    self._document()  # does it answer at all?
                else:
                    self._still(page)
        except PageChanged as changed:
            page.findings.append(page.left(changed.change))
            return True
        except (HTTPError, TimeoutException):
            # No answer, from chromedriver or from the tab ("timed out receiving
            # message from renderer").
            page.findings.append(otherwise)
            return False
        except WebDriverException:
            pass
        page.findings.append(otherwise)
        return True

    def _fresh_tab(self) -> None:
        """Go on in a new tab, every other one closed; in a new browser if this one
        does not do it."""
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415
        from urllib3.exceptions import HTTPError  # noqa: PLC0415

        driver = self.driver
        self._chromium.close_devtools()
        try:
            self.dismiss_alerts()
            old = driver.window_handles
            driver.switch_to.new_window("tab")
            fresh = driver.current_window_handle
            for handle in old:
                driver.switch_to.window(handle)
                driver.close()
            driver.switch_to.window(fresh)
            self._prepare_tab(driver)
        except (WebDriverException, HTTPError):
            self._restart()

    def _restart(self) -> None:
        """Kill the browser, which no longer answers, and start a new one."""
        self._chromium.kill()
        self._chromium = self._start()
