"""The browser audit: axe-core and the real DSFR JavaScript in headless Chromium.

One :class:`BrowserSession` (one Chromium, :mod:`.chromium`) audits many pages,
served by loopback servers of this process (:mod:`.server`), so that a page sees
exactly the DSFR files given to the audit. For each page: alerts opened while
loading are dismissed and reported; axe-core (:mod:`.axe`) runs the WCAG 2.2 A
and AA rules and reports violations and "incomplete" (needs review) results
separately; then every DSFR accordion is driven like a visitor would
(:mod:`.behaviour`). The JavaScript run in pages is in ``js/`` (:mod:`.scripts`).

Selenium and axe-selenium-python are imported when a session starts, never on
the render path (``pip install 'dsfr-accordion[browser]'``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import DsfrAccordionError
from . import behaviour
from .axe import axe_source, run_axe
from .chromium import BrowserUnavailable, require_packages, start_chromium
from .findings import Finding
from .rules import Msg
from .scripts import script
from .server import LocalServer

__all__ = ["DSFR_TIMEOUT", "BrowserSession", "BrowserUnavailable"]

#: Seconds to wait for the DSFR JavaScript to bind the accordions of a page.
DSFR_TIMEOUT = 10


class BrowserSession:
    """One Chromium session auditing many pages; close it (or use ``with``) when done.

    ``axe`` and ``behaviour`` choose the checks; ``dsfr_dist`` is the folder
    whose DSFR files pages load (``None``: the CDN, which the browser cannot
    reach, so the DSFR JavaScript will not start).
    """

    def __init__(
        self,
        dsfr_dist: Path | None = None,
        *,
        lang: str = "fr",
        axe: bool = True,
        behaviour: bool = True,
    ) -> None:
        if dsfr_dist is not None and not (dsfr_dist / "dsfr.module.min.js").is_file():
            raise DsfrAccordionError.of("dsfr-dist", path=dsfr_dist, missing="dsfr.module.min.js")
        self.dsfr_dist = dsfr_dist
        self.lang = lang
        #: Seconds to wait for the DSFR JavaScript to bind the accordions of a page.
        self.dsfr_timeout: float = DSFR_TIMEOUT
        self.axe = axe
        self.behaviour = behaviour
        require_packages()
        source = axe_source() if axe else ""
        self.driver, self._profile = start_chromium()
        self._servers: dict[Path, LocalServer] = {}
        if axe:
            # Once for the session: every document gets axe before its own scripts run.
            self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})

    def close(self) -> None:
        for server in self._servers.values():
            server.close()
        self._servers.clear()
        self.driver.quit()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> BrowserSession:
        return self

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
        (at once without accordions); ``False`` when it has not within :attr:`dsfr_timeout`.
        """
        return bool(self.driver.execute_async_script(script("wait-for-dsfr"), self.dsfr_timeout))

    def audit_file(self, path: Path, name: str, root: Path | None = None) -> list[Finding]:
        """The browser findings of the file ``path`` (served from ``root``, default its folder)."""
        server = self.server(root or path.parent)
        return self.audit_url(server.url_of(path), name)

    def audit_url(self, url: str, name: str) -> list[Finding]:
        """The browser findings of the page at ``url``, reported under the file ``name``."""
        problem = self.open(url)
        findings = [Finding.of("page-alert", name, text=t) for t in self.dismiss_alerts()]
        if problem:
            return [*findings, Finding.of("page-load", name, problem=problem)]
        started = self.wait_for_dsfr()
        findings += [Finding.of("page-alert", name, text=t) for t in self.dismiss_alerts()]
        if self.axe:
            findings += run_axe(self.driver, name)
        has_accordions = bool(behaviour.states(self.driver))
        if self.behaviour and has_accordions:
            if started:
                findings += behaviour.check_behaviour(self.driver, name, self.dismiss_alerts)
            else:
                findings.append(
                    Finding.of(
                        "page-load",
                        name,
                        problem=Msg("the accordions were not initialised in time"),
                    )
                )
        return findings
