"""The browser audit under hostile pages: every wait has a bound, and a page that
hangs, leaves, reloads or breaks the audit is a finding of that page; the next
page is audited as if nothing happened (issue 17, item 10).

The pages are the rendered SAMU example with one script added. Time limits are
shortened here (``shorter``), so that a page that hangs costs seconds.
"""

from __future__ import annotations

import os
import re
import socket
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

import dsfr_accordion
from dsfr_accordion.audit.browser import BrowserSession
from dsfr_accordion.audit.devtools import DevTools
from dsfr_accordion.audit.findings import AuditFinding
from dsfr_accordion.audit.server import LocalServer
from tests.browser import shorter
from tests.conftest import EXAMPLES, run_cli

pytestmark = pytest.mark.browser

#: Short limits for the pages that hang (seconds).
QUICK = {"page": 1.5, "dsfr": 1.5, "command": 1.5, "step": 1, "grace": 0.5}


def _page(script: str) -> str:
    """The SAMU example as a fragment (the audit serves it in a minimal DSFR page, where
    it has no finding), with ``script`` run by the page."""
    html = str(dsfr_accordion.render(dsfr_accordion.load(EXAMPLES / "si-samu.md")))
    return f"{html}\n<script>{script}</script>\n"


def _audit(session: BrowserSession, folder: Path, name: str, html: str) -> list[AuditFinding]:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return session.audit_file(path, name)


def _messages(findings: list[AuditFinding]) -> list[tuple[str, str]]:
    return [(f.code, f.message()) for f in findings]


def _still_audits_pages(session: BrowserSession, folder: Path) -> None:
    """The session audits a good page afterwards, with nothing to report."""
    assert _audit(session, folder, "good.html", _page("")) == []


# On load: as soon as the load ends, so that it happens while the page is audited
# (after a delay, a quick audit could end first: then nothing would be wrong).
LEAVING = {
    "navigates-on-load": (
        "addEventListener('load', () => setTimeout(() => { location.href = 'about:blank'; }));",
        "the page went to another address",
    ),
    "reloads-on-load": (
        "addEventListener('load', () => setTimeout(() => { location.reload(); }));",
        "the page reloaded itself",
    ),
    "navigates-on-click": (
        "document.addEventListener('click', () => { location.href = 'about:blank'; });",
        "the page went to another address",
    ),
    "reloads-on-click": (
        "document.addEventListener('click', () => { location.reload(); });",
        "the page reloaded itself",
    ),
}


@pytest.mark.parametrize("case", sorted(LEAVING))
def test_a_page_that_leaves_is_a_finding_and_its_new_page_is_not_audited(
    browser_session: BrowserSession, tmp_path: Path, case: str
):
    script, change = LEAVING[case]
    with shorter(browser_session, **QUICK):
        findings = _audit(browser_session, tmp_path, f"{case}.html", _page(script))
    # One finding, and none of about:blank (no lang, no title) or of the page reloaded.
    assert [f.code for f in findings] == ["page-navigated"], _messages(findings)
    assert findings[0].message().startswith(f"{change} during the ")
    assert findings[0].path == f"{case}.html"
    _still_audits_pages(browser_session, tmp_path)


def test_a_page_that_leaves_on_a_link_keeps_the_findings_of_its_accordions(
    browser_session: BrowserSession, tmp_path: Path
):
    # A router that leaves on hashchange, and buttons whose clicks never reach the DSFR
    # JS: the accordion checks come before the link check, and their finding stays.
    script = (
        "addEventListener('hashchange', () => { location.href = 'about:blank'; });"
        "document.addEventListener('click', (e) => e.stopPropagation(), true);"
    )
    with shorter(browser_session, **QUICK):
        findings = _audit(browser_session, tmp_path, "router.html", _page(script))
    assert [f.code for f in findings] == ["accordion-behaviour", "page-navigated"], _messages(
        findings
    )
    assert findings[1].message() == (
        "the page went to another address during the checks of the enhancements: "
        "the rest of this page was not audited"
    )
    _still_audits_pages(browser_session, tmp_path)


def _gone(group: int, seconds: float = 10) -> bool:
    """Whether the process group ``group`` ends within ``seconds`` (killed processes
    take a moment to end and be reaped)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)  # signal 0 sends nothing
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


HANGING = {
    "loops-on-click": (
        "document.addEventListener('click', () => { while (true) {} });",
        "the page stopped responding during the behaviour checks: no answer within 1.5 s",
    ),
    "loops-on-load": (
        "while (true) {}",
        "the page stopped responding during the page load: no answer within 1.5 s",
    ),
}


@pytest.mark.parametrize("case", sorted(HANGING))
def test_a_page_that_hangs_is_a_finding_and_the_audit_goes_on_in_a_new_browser(
    browser_session: BrowserSession, tmp_path: Path, case: str
):
    script, message = HANGING[case]
    before = browser_session.driver
    group = before.service.process.pid
    with shorter(browser_session, **QUICK):
        findings = _audit(browser_session, tmp_path, f"{case}.html", _page(script))
    assert _messages(findings) == [("page-unresponsive", message)]
    assert browser_session.driver is not before
    assert _gone(group), "a process of the hung browser is left"
    _still_audits_pages(browser_session, tmp_path)


BREAKING = {
    "breaks-axe": (
        "axe.run = () => Promise.reject(new Error('axe is gone'));",
        "a script of the page stopped the audit during the axe-core checks: "
        "axe-core: Error: axe is gone",
    ),
    "breaks-the-state-script": (
        "Element.prototype.closest = null;",
        "a script of the page stopped the audit during the behaviour checks: ",
    ),
    # Broken from the first look at the page's animations on: inside the animation
    # frame where js/ready.js reads the states, which cannot fail the command itself.
    "breaks-the-state-script-in-a-frame": (
        "const animations = document.getAnimations.bind(document);"
        "document.getAnimations = () => {"
        " Element.prototype.closest = null; return animations(); };",
        "a script of the page stopped the audit during the behaviour checks: "
        "javascript error: b.closest is not a function",
    ),
    # Broken from the start, first read inside the animation frame where js/settle.js
    # waits for a button to be still (before its first activation): not a hang.
    "breaks-the-settle-script-in-a-frame": (
        "document.getAnimations = () => { throw new Error('no animations'); };",
        "a script of the page stopped the audit during the behaviour checks: "
        "javascript error: no animations",
    ),
    # Broken by the first click: the script that waits for the activation's effect
    # throws, through the audit's own DevTools connection (audit/devtools.py).
    "breaks-the-state-script-on-click": (
        "document.addEventListener('click', () => { Element.prototype.closest = null; });",
        "a script of the page stopped the audit during the behaviour checks: "
        "javascript error: button.closest is not a function",
    ),
    # Broken in the animation frame after the first click: inside the frames where
    # js/settled.js waits for the activation's effect, which cannot fail the command.
    "breaks-the-state-script-a-frame-after-a-click": (
        "document.addEventListener('click', () => {"
        " requestAnimationFrame(() => { Element.prototype.closest = null; }); });",
        "a script of the page stopped the audit during the behaviour checks: "
        "javascript error: b.closest is not a function",
    ),
}


@pytest.mark.parametrize("case", sorted(BREAKING))
def test_a_page_that_breaks_the_audit_scripts_is_a_finding(
    browser_session: BrowserSession, tmp_path: Path, case: str
):
    script, message = BREAKING[case]
    with shorter(browser_session, **QUICK):
        findings = _audit(browser_session, tmp_path, f"{case}.html", _page(script))
    assert [f.code for f in findings] == ["page-interfered"], _messages(findings)
    assert findings[0].message().startswith(message)
    _still_audits_pages(browser_session, tmp_path)


def test_a_page_that_replaces_promise_is_audited_all_the_same(
    browser_session: BrowserSession, tmp_path: Path
):
    # zone.js (Angular) swaps window.Promise for a class of its own; here, after the
    # first click, for one that never settles. The audit's scripts do not use it.
    script = (
        "document.addEventListener('click', () => {"
        " window.Promise = function FakePromise() { this.then = () => {}; }; }, {once: true});"
    )
    with shorter(browser_session, **QUICK):
        findings = _audit(browser_session, tmp_path, "replaces-promise.html", _page(script))
    assert findings == [], _messages(findings)


def test_a_fresh_tab_gets_the_document_id_again(browser_session: BrowserSession, tmp_path):
    _audit(browser_session, tmp_path, "leaves.html", _page(LEAVING["navigates-on-click"][0]))
    browser_session.open(browser_session.server(tmp_path).url_of(Path("leaves.html")))
    audit_id = browser_session.driver.execute_script(
        "return window.__dsfrAccordionAuditDocument ?? null"
    )
    assert re.fullmatch(r"[0-9.]+-0\.[0-9]+", audit_id or ""), audit_id


def test_the_command_line_reports_a_leaving_page_and_goes_on(tmp_path: Path):
    leaving = tmp_path / "leaving.html"
    leaving.write_text(_page(LEAVING["navigates-on-click"][0]), encoding="utf-8")
    good = tmp_path / "good.html"
    good.write_text(_page(""), encoding="utf-8")
    result = run_cli("check", "--browser", "--lang", "en", str(leaving), str(good))
    assert result.returncode == 1, result.stderr
    assert "page-navigated" in result.stdout
    assert "good.html" not in result.stdout.replace("files checked", "")
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr + result.stdout


def test_the_local_server_is_quiet_about_dropped_connections(tmp_path: Path, capfd):
    """A reset connection (the browser left the page) prints nothing; a bug still does."""
    with LocalServer(tmp_path) as server:
        httpd = server._server
        for error in (ConnectionResetError(), BrokenPipeError()):
            try:
                raise error
            except OSError:
                httpd.handle_error(socket.socket(), ("127.0.0.1", 1))
        assert capfd.readouterr().err == ""
        try:
            raise ValueError("a bug")
        except ValueError:
            httpd.handle_error(socket.socket(), ("127.0.0.1", 1))
        assert "ValueError: a bug" in capfd.readouterr().err


def test_files_with_url_special_names_and_links_out_of_the_folder_are_audited(
    browser_session: BrowserSession, tmp_path: Path
):
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    site.mkdir()
    elsewhere.mkdir()
    (elsewhere / "real.html").write_text(_page(""), encoding="utf-8")
    (site / "link.html").symlink_to(elsewhere / "real.html")
    odd = site / "a b#c?é%41.html"
    odd.write_text(_page(""), encoding="utf-8")
    for path in (odd, site / "link.html"):
        assert browser_session.audit_file(path, path.name) == [], path.name


def test_a_command_without_an_answer_is_not_sent_again(browser_session: BrowserSession):
    """urllib3 retries a timed-out GET three times by default, which made a bound of
    15 s one of 60 s: the session's client makes a connection per command, with no retry."""
    config = browser_session.driver.command_executor.client_config
    assert config.keep_alive is False
    assert config.init_args_for_pool_manager == {"init_args_for_pool_manager": {"retries": False}}


#: The tab going away under the audit: the DevTools command the audit's first press
#: sends instead, and the error the finding then shows. A page cannot crash its own tab
#: on purpose (a renderer that runs out of memory takes a long time to), and a page's
#: window.close() is refused (a tab a script did not open): the audit's own DevTools
#: connection crashes or closes it for real, and then hears of it.
TAB_GONE = {
    "crashes": ("Page.crash", "tab crashed"),
    "closes": ("Page.close", "no such window: target window already closed"),
}


@pytest.mark.parametrize("case", sorted(TAB_GONE))
def test_a_tab_that_goes_away_during_the_checks_is_a_finding_and_the_audit_goes_on(
    browser_session: BrowserSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
):
    from dsfr_accordion.audit import behaviour  # noqa: PLC0415

    command, error = TAB_GONE[case]

    def press(devtools: DevTools, key: str | None, at: Sequence[float]) -> None:
        monkeypatch.undo()
        devtools.call(command)

    monkeypatch.setattr(behaviour, "press", press)
    with shorter(browser_session, **QUICK):
        findings = _audit(browser_session, tmp_path, f"{case}.html", _page(""))
    assert _messages(findings) == [
        (
            "page-interfered",
            f"a script of the page stopped the audit during the behaviour checks: {error}",
        )
    ]
    _still_audits_pages(browser_session, tmp_path)
