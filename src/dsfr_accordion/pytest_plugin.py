"""The pytest plugin (``pytest11`` entry point): audit a built site from your own tests.

.. code-block:: python

    def test_site_is_accessible(dsfr_audit):
        dsfr_audit.check("site/", browser=True)

``check`` fails the test with the list of findings at or above ``fail_on``
(``"error"`` by default), each with its place, rule, RGAA criterion and hint;
``checks="static,axe"`` chooses the checks as ``check --checks`` does. One
Chromium session serves every browser check of a test process; it starts at
the first check that needs it, so suites that never ask for it never need
Chromium. Under pytest-xdist each worker is a process with its own session
(``pytest -n 4``: four browsers), and :func:`pages` makes one test per page, so
the workers share the pages out and a failure names its page. Options:
``--dsfr-dist DIR`` (the DSFR files pages load in the browser; default
``node_modules/@gouvfr/dsfr/dist`` under the root directory) and
``--dsfr-audit-lang fr|en`` (language of the failure report).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .audit import DEFAULT_DSFR_DIST
from .errors import DsfrAccordionError

if TYPE_CHECKING:
    from .audit.browser import BrowserSession
    from .audit.findings import FileResult


def pages(*paths: str | os.PathLike[str]) -> list[str]:
    """The HTML files ``check`` would audit under ``paths`` (pages, fragments,
    folders), in its order, as strings: one test per page with
    ``@pytest.mark.parametrize("page", pages("site/"))``. Called when tests are
    collected: raises :class:`~dsfr_accordion.errors.DsfrAccordionError` for a
    path that does not exist or a folder without pages, which stops the run.
    """
    from .audit.static import html_files  # noqa: PLC0415 - html5lib, when needed

    return [str(path) for path, _folder in html_files(paths)]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("dsfr-accordion", "dsfr-accordion accessibility audit")
    group.addoption(
        "--dsfr-dist",
        metavar="DIR",
        help="DSFR dist folder pages load in the browser audit "
        f"(default: {DEFAULT_DSFR_DIST} under the root directory)",
    )
    group.addoption(
        "--dsfr-audit-lang",
        choices=("fr", "en"),
        default="en",
        help="language of dsfr_audit failure reports (default: en)",
    )


class LazyBrowser:
    """One browser session for a test run, started on first :meth:`get`."""

    def __init__(self, dsfr_dist: Path, report_lang: str = "en") -> None:
        self.dsfr_dist = dsfr_dist
        self.report_lang = report_lang
        self._session: BrowserSession | None = None

    def get(self) -> BrowserSession:
        """The session; raises ``BrowserUnavailable`` when Chromium cannot start."""
        if self._session is None:
            from .audit.browser import BrowserSession  # noqa: PLC0415 - Selenium, when needed

            self._session = BrowserSession(self.dsfr_dist, report_lang=self.report_lang)
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


class DsfrAudit:
    """The ``dsfr_audit`` fixture: :meth:`check` audits paths and fails the test on findings."""

    def __init__(self, browser: LazyBrowser, lang: str) -> None:
        self._browser = browser
        self.lang = lang

    def check(
        self,
        *paths: str | os.PathLike[str],
        browser: bool = False,
        checks: str | Iterable[str] | None = None,
        fail_on: str = "error",
        root: str | os.PathLike[str] | None = None,
    ) -> list[FileResult]:
        """Audit ``paths`` (pages, fragments, folders); fail with the findings that
        ``fail_on`` fails (``"error"``, ``"warning"``, or per category as ``check
        --fail-on`` reads it: ``"error,security:warning,html:none"``), else return
        every file's results. ``checks`` names the checks as ``check --checks``
        (``"static,axe"``, or a list of names); ``browser=True`` is all three, and
        by default only the static audit runs. ``root`` is the folder the browser
        gets the pages from, as ``check --root``. Raises :class:`TypeError` when
        given both ``browser`` and ``checks``.
        """
        from .audit import check, failing, parse_checks, report  # noqa: PLC0415 - html5lib
        from .audit import fail_on as policy_of  # noqa: PLC0415 - its parameter has the name
        from .audit.rules import Check  # noqa: PLC0415

        if browser and checks is not None:
            raise TypeError("give browser=True or checks=..., not both")
        try:
            policy = policy_of(fail_on)  # a mistyped policy fails before any audit
            if checks is not None:
                chosen = parse_checks(checks)
            else:
                chosen = frozenset(Check) if browser else frozenset({Check.STATIC})
            axe, behaviour = Check.AXE in chosen, Check.BEHAVIOUR in chosen
            with contextlib.ExitStack() as stack:

                def session() -> BrowserSession:
                    started = self._browser.get()
                    # The run's one session runs the checks asked for, for this check only.
                    stack.enter_context(started.only(axe=axe, behaviour=behaviour))
                    return started

                results = check(
                    paths,
                    browser=session if axe or behaviour else None,
                    static=Check.STATIC in chosen,
                    root=root if axe or behaviour else None,
                )
        except DsfrAccordionError as error:  # a missing path, Chromium missing: say so plainly
            pytest.fail(error.render(self.lang), pytrace=False)
        serious = failing(results, policy)
        if any(result.findings for result in serious):
            pytest.fail(report.text(serious, self.lang), pytrace=False)
        return results


@pytest.fixture(scope="session")
def dsfr_browser(pytestconfig: pytest.Config) -> Iterator[LazyBrowser]:
    """The test process's browser session, started by the first browser check that needs
    it: one per pytest-xdist worker, each worker being a process of its own."""
    option = pytestconfig.getoption("dsfr_dist")
    dist = Path(option) if option else pytestconfig.rootpath / DEFAULT_DSFR_DIST
    lazy = LazyBrowser(dist.resolve(), pytestconfig.getoption("dsfr_audit_lang"))
    yield lazy
    lazy.close()


@pytest.fixture
def dsfr_audit(dsfr_browser: LazyBrowser, pytestconfig: pytest.Config) -> DsfrAudit:
    """Audit pages from a test: ``dsfr_audit.check("site/", browser=True)``."""
    return DsfrAudit(dsfr_browser, pytestconfig.getoption("dsfr_audit_lang"))
