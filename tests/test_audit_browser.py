"""The browser audit: axe-core and the real DSFR JavaScript in the shared headless Chromium."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

import dsfr_accordion
from dsfr_accordion.assets import CDN_BASE
from dsfr_accordion.audit import behaviour
from dsfr_accordion.audit.browser import BrowserSession
from dsfr_accordion.audit.findings import AuditFinding
from dsfr_accordion.audit.rules import Severity
from tests.browser import shorter
from tests.conftest import DSFR_DIST, EXAMPLES, FIXTURES, ROOT, run_cli, translated

pytestmark = pytest.mark.browser

BROWSER_FIXTURES = FIXTURES / "audit" / "browser"
#: The pinned DSFR package: its example pages link ../../../dist, served from here.
DSFR_PACKAGE = DSFR_DIST.parent


def _render(example: str, *, page: bool = False, **options) -> str:
    render = dsfr_accordion.render_page if page else dsfr_accordion.render
    document = dsfr_accordion.load(EXAMPLES / example)
    return str(render(document, translations=translated(document, options.get("lang")), **options))


def _audit(session: BrowserSession, folder: Path, name: str, html: str) -> list[AuditFinding]:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return session.audit_file(path, name)


def _errors(findings: list[AuditFinding]) -> list[str]:
    return [f"{f.code}: {f.message()}" for f in findings if f.kind.severity is Severity.ERROR]


@pytest.mark.parametrize(
    ("example", "options"),
    [
        ("temoignages-cloud.yaml", {"grouped": True, "open": "first"}),
        ("si-samu.md", {"open": "all", "lang": "en"}),
    ],
    ids=["cloud-grouped-open-first", "si-samu-english-open"],
)
def test_rendered_example_pages_pass_axe_and_the_behaviour_checks(
    browser_session: BrowserSession, tmp_path: Path, example: str, options: dict
):
    # Pages link the CDN; the audit's server gives the browser the local DSFR files instead.
    html = _render(example, page=True, **options)
    assert CDN_BASE in html
    assert _errors(_audit(browser_session, tmp_path, "page.html", html)) == []


def test_fragment_is_audited_in_a_minimal_dsfr_page(browser_session: BrowserSession, tmp_path):
    html = _render("si-samu.md", grouped=True)
    assert _errors(_audit(browser_session, tmp_path, "fragment.html", html)) == []


def test_a_button_scrolled_back_into_view_is_clicked_once_the_page_is_drawn_so(
    browser_session: BrowserSession, tmp_path: Path
):
    # A page that scrolls to its top on a click, where a video of another site is: the
    # button must be scrolled back into view before its next activation. Until the page
    # is drawn scrolled, Chromium routes a press by where things were drawn, to the
    # video's frame (another process): the button got only the release, and its second
    # activation seemed to fail (as on DSFR's own media example page).
    video = (
        '<iframe title="Vidéo" src="https://www.youtube.com/embed/HyirpmPL43I"'
        ' style="display: block; width: 100%; height: 100vh"></iframe>'
    )
    to_top = (
        "<script>document.addEventListener("
        "'click', () => requestAnimationFrame(() => window.scrollTo(0, 0)));</script>"
    )
    spacer = '<div style="height: 2000px"></div>'
    html = f"{video}\n{spacer}\n{_render('temoignages-cloud.yaml')}\n{spacer}\n{to_top}"
    assert _errors(_audit(browser_session, tmp_path, "scrolls.html", html)) == []


@pytest.mark.parametrize("keys", ["working", "Enter-refused", "Enter-alerts"])
def test_a_button_under_a_fixed_banner_is_covered_and_its_keys_are_still_tested(
    browser_session: BrowserSession, tmp_path: Path, keys: str
):
    # As a consent banner (DSFR's own consent example page): fixed to the bottom of the
    # window over the last accordion of the page, which cannot scroll any higher. A
    # click lands on the banner, as a visitor's would: not an accordion that fails.
    banner = (
        '<div id="cookies" class="banner" style="position: fixed; bottom: 0; left: 0;'
        ' right: 0; height: 70vh; background: white">Cookies ?</div>'
    )
    refuse = (
        "<script>document.addEventListener('keydown', (event) => {"
        " if (event.key === 'Enter') event.preventDefault(); }, true);</script>"
    )
    alerts = (
        "<script>document.addEventListener('keydown', (event) => {"
        " if (event.key === 'Enter') alert('Entrée'); }, true);</script>"
    )
    script = {"Enter-refused": refuse, "Enter-alerts": alerts}.get(keys, "")
    html = f'<div style="height: 2000px"></div>\n{_render("si-samu.md")}\n{banner}\n{script}'
    findings = _audit(browser_session, tmp_path, f"{keys}.html", html)
    covered = [f for f in findings if f.code == "accordion-covered"]
    assert [dict(f.fields)["element"] for f in covered] == ["div#cookies.banner"]
    assert covered[0].kind.severity is Severity.WARNING
    behaviour = [dict(f.fields) for f in findings if f.code == "accordion-behaviour"]
    assert [(b["id"], b["action"]) for b in behaviour] == (
        [("si-samu", "Enter")] if keys == "Enter-refused" else []
    )
    # An alert stops the button's checks: the cover found before them is kept.
    alerted = [dict(f.fields)["text"] for f in findings if f.code == "page-alert"]
    assert alerted == (["Entrée"] if keys == "Enter-alerts" else [])
    assert {f.code for f in findings} <= {"accordion-covered", "accordion-behaviour", "page-alert"}


def test_a_button_that_opens_another_panel_is_a_finding(browser_session, tmp_path):
    html = _render("temoignages-cloud.yaml", page=True)
    # The second section's panel takes the first one's id, as in the legacy page:
    # the DSFR JS then opens the first panel from the second button.
    html = html.replace('aria-controls="ans"', 'aria-controls="geoplateforme"')
    html = html.replace('id="ans"', 'id="geoplateforme"')
    assert html.count('id="geoplateforme"') == 2
    findings = _audit(browser_session, tmp_path, "duplicate.html", html)
    behaviour = {dict(f.fields)["id"] for f in findings if f.code == "accordion-behaviour"}
    assert "geoplateforme" in behaviour, findings


def test_accordions_without_the_dsfr_javascript_are_a_finding(browser_session, tmp_path):
    html = _render("si-samu.md", page=True)
    html = "\n".join(line for line in html.split("\n") if "<script" not in line)
    with shorter(browser_session, dsfr=0.5):
        findings = _audit(browser_session, tmp_path, "no-js.html", html)
    assert [f.code for f in findings if f.code.startswith("page-")] == ["page-load"]


@pytest.mark.parametrize(
    "rule_id", ["axe-violation", "axe-incomplete", "page-alert", "page-resource"]
)
def test_browser_rule_fixtures(browser_session: BrowserSession, rule_id: str):
    bad = browser_session.audit_file(BROWSER_FIXTURES / f"{rule_id}.bad.html", "bad.html")
    good = browser_session.audit_file(BROWSER_FIXTURES / f"{rule_id}.good.html", "good.html")
    assert rule_id in {f.code for f in bad}, bad
    assert good == [], good


def test_an_alert_on_activation_is_reported(browser_session, tmp_path):
    html = _render("si-samu.md", page=True)
    html = html.replace('class="fr-accordion__btn"', 'class="fr-accordion__btn" onclick="alert(1)"')
    findings = _audit(browser_session, tmp_path, "alert-on-click.html", html)
    assert [f.message() for f in findings if f.code == "page-alert"] == [
        "the page opened an alert: '1'"
    ]


def test_an_alert_after_an_activation_is_reported_not_taken_for_a_hang(browser_session, tmp_path):
    # The alert opens once the activation is over: the next command finds it open.
    html = _render("si-samu.md", page=True).replace(
        'class="fr-accordion__btn"',
        'class="fr-accordion__btn"'
        " onclick=\"window.later ??= setTimeout(() => alert('plus tard'), 50)\"",
    )
    with shorter(browser_session, command=3, step=1, grace=1):
        findings = _audit(browser_session, tmp_path, "alert-later.html", html)
    browser_session.dismiss_alerts()  # none should be left: the next test's page
    assert {(f.code, f.message()) for f in findings if f.code.startswith("page-")} == {
        ("page-alert", "the page opened an alert: 'plus tard'")
    }


def test_axe_findings_are_mapped_to_rgaa(browser_session: BrowserSession):
    findings = browser_session.audit_file(BROWSER_FIXTURES / "axe-violation.bad.html", "bad.html")
    (violation,) = [f for f in findings if f.code == "axe-violation"]
    assert (violation.rgaa, dict(violation.fields)["axe_rule"]) == ("9.3", "list")
    assert violation.line is None


def test_alert_is_dismissed_and_reported(browser_session: BrowserSession):
    findings = browser_session.audit_file(BROWSER_FIXTURES / "page-alert.bad.html", "bad.html")
    assert [f.message() for f in findings if f.code == "page-alert"] == [
        "the page opened an alert: 'erreur'"
    ]
    assert browser_session.driver.title == "Alerte"  # the session still answers


def test_check_browser_on_a_french_and_english_site_exits_0(
    browser_session: BrowserSession, tmp_path: Path
):
    """The acceptance test, through the command line and its own browser session."""
    site = tmp_path / "site"
    built = run_cli("build", str(EXAMPLES / "si-samu.md"), "-o", str(site), "--langs", "fr,en")
    assert built.returncode == 0, built.stderr
    result = run_cli("check", "--browser", "--dsfr-dist", str(DSFR_DIST), str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    checked = re.findall(r"^files checked: (\d+), errors: 0", result.stdout, flags=re.MULTILINE)
    assert checked == [str(len(list(site.rglob("*.html"))))]


def test_a_page_whose_assets_are_out_of_reach_names_them(browser_session, tmp_path):
    """Pages whose DSFR files sit above the folder served: the findings name what
    failed to load (from the browser's resource timing), not a guess about markup."""
    page = tmp_path / "site" / "page.html"
    page.parent.mkdir()
    page.write_text(_render("si-samu.md", page=True, dsfr_base="../dist"), encoding="utf-8")
    with shorter(browser_session, dsfr=0.5):
        findings = browser_session.audit_file(page, "page.html")
    resources = sorted(dict(f.fields)["url"] for f in findings if f.code == "page-resource")
    assert resources == [
        "/dist/dsfr-accordion.css",
        "/dist/dsfr-accordion.js",
        "/dist/dsfr.min.css",
        "/dist/dsfr.module.min.js",
    ]
    assert "page-load" in {f.code for f in findings}


def _behaviour(findings: list[AuditFinding]) -> list[str]:
    """The behaviour checks' findings on accordions, as their messages."""
    return [f.message() for f in findings if f.code.startswith("accordion-")]


#: The disclosures of the DSFR JS on the page (collapses, tab panels, modals) and
#: whether each is open, as the page shows it.
_DISCLOSURES = """return [...document.querySelectorAll(
  '[data-fr-js-collapse], [data-fr-js-tab-panel], [data-fr-js-modal]')].map((e) =>
  [e.id, /--(expanded|selected|opened)\\b/.test(e.className)])"""


def test_hidden_accordions_are_reached_as_a_visitor_would_and_the_page_put_back(
    browser_session: BrowserSession,
):
    """Through closed parent accordions (two levels, in a group), an unselected tab and
    a closed modal: tested, no finding; the one no control shows is not tested (info)."""
    page = BROWSER_FIXTURES / "hidden-accordions.html"
    findings = browser_session.audit_file(page, "hidden.html")
    assert _behaviour(findings) == [
        "accordion 'cache', button 'Caché': not tested, hidden in div#injoignable"
    ]
    (note,) = [f for f in findings if f.code == "accordion-not-tested"]
    assert note.kind.severity is Severity.INFO
    # What the checks opened was put back: the page shows what it showed at load.
    driver = browser_session.driver
    loaded = browser_session.server(page.parent).url_of(Path(page.name))
    assert browser_session.open(loaded) is None and browser_session.wait_for_dsfr()
    at_load = driver.execute_script(_DISCLOSURES)
    assert [opened for _, opened in at_load].count(True) == 1  # the first tab
    again = behaviour.check_behaviour(
        driver, browser_session.devtools, "hidden.html", browser_session.dismiss_alerts, 3
    )
    assert [f.code for f in again] == ["accordion-not-tested"]
    assert driver.execute_script(_DISCLOSURES) == at_load


def test_a_defect_inside_a_closed_parent_accordion_is_still_caught(browser_session):
    """The seed's defect (one id for two panels) nested in a closed parent: found, on
    the two buttons that share the id, named; the sound nested accordion beside them and
    the parent have no finding."""
    findings = browser_session.audit_file(BROWSER_FIXTURES / "nested-defect.html", "nested.html")
    behaviour = [f for f in findings if f.code.startswith("accordion-")]
    assert {f.code for f in behaviour} == {"accordion-behaviour"}, behaviour
    assert sorted(dict(f.fields)["button"] for f in behaviour) == [
        "Premier double",
        "Second double",
    ]
    assert {dict(f.fields)["id"] for f in behaviour} == {"double"}


def test_a_broken_button_fails_fast_and_is_named(browser_session, tmp_path):
    """An activation that never takes effect ends once the DSFR JS would be done with
    the panel, not after the session's bound (3 s per activation before)."""
    html = _render("si-samu.md", page=True)
    # A click that never reaches the first button: it lands on the heading around it.
    html = html.replace(
        'class="fr-accordion__btn"', 'class="fr-accordion__btn" style="pointer-events: none"', 1
    )
    findings = _audit(browser_session, tmp_path, "dead.html", html)
    dead = [f for f in findings if f.code == "accordion-behaviour"]
    assert len(dead) == 1, findings
    fields = dict(dead[0].fields)
    assert fields["button"] and fields["problem"] == (
        "the first activation did not toggle the panel"
    )
    with shorter(browser_session, step=30):  # the bound is a ceiling, not a wait
        start = time.perf_counter()
        _audit(browser_session, tmp_path, "dead.html", html)
        assert time.perf_counter() - start < 10


#: DSFR's example pages of accordions, tabs, cards and nested accordions (235 buttons
#: with the rest of issue 16's pages; 100 were reported broken, all hidden at load).
DSFR_EXAMPLE_PAGES = [
    "component/accordion/index.html",
    "component/accordion/imbrication/index.html",
    "component/card/index.html",
    "component/tab/index.html",
]


@pytest.mark.parametrize("page", DSFR_EXAMPLE_PAGES)
def test_dsfr_example_pages_have_no_behaviour_finding(browser_session: BrowserSession, page: str):
    """Read from the npm package, served from its root (their assets are ../../../dist).
    No finding means each button was reached (a hidden one through its container) and
    toggled by click, Enter and Space; axe-core is left out (the check --root test runs it)."""
    path = DSFR_PACKAGE / "example" / page
    if not path.is_file():
        pytest.fail(f"the DSFR package is missing at {DSFR_PACKAGE}: run make test (npm ci)")
    before, browser_session.axe = browser_session.axe, False
    try:
        findings = browser_session.audit_file(path, page, DSFR_PACKAGE)
    finally:
        browser_session.axe = before
    assert [
        f for f in findings if f.kind.check.value == "behaviour" and f.code != "page-resource"
    ] == []
    # Only the syntax highlighter on a CDN the audit's browser does not reach.
    assert {dict(f.fields)["url"].split("/")[2] for f in findings if f.code == "page-resource"} == {
        "cdnjs.cloudflare.com"
    }


def test_check_browser_root_serves_the_dsfr_package(tmp_path: Path):
    """The acceptance through the command line: a DSFR example page with a button in a
    tab, --root at the package; and the same root found by default."""
    page = DSFR_PACKAGE / "example" / "component" / "tab" / "index.html"
    for extra in (["--root", str(DSFR_PACKAGE)], []):
        result = run_cli("check", "--browser", "--format", "json", *extra, str(page), cwd=ROOT)
        assert result.returncode == 1, result.stderr  # the page's static errors
        findings = json.loads(result.stdout)["files"][0]["findings"]
        rules = {f["rule"] for f in findings if f["check"] != "static"}
        assert "accordion-behaviour" not in rules and "page-load" not in rules, rules
        assert not [
            f for f in findings if f["rule"] == "page-resource" and "/dist/" in f["data"]["url"]
        ]


def _wait_for_alert(session: BrowserSession, seconds: float = 5) -> list[str]:
    """The texts of the alerts the page opens within ``seconds``, dismissed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        texts = session.dismiss_alerts()
        if texts:
            return texts
        time.sleep(0.05)
    return []


def test_the_devtools_connection_reports_a_dialog_as_chromedriver_does(
    browser_session: BrowserSession, tmp_path: Path
):
    """A dialog that blocks a command of the audit's own DevTools connection is
    UnexpectedAlertPresentException, the dialog left open for WebDriver to dismiss; one
    opened and dismissed before the command was sent is not."""
    from selenium.common.exceptions import UnexpectedAlertPresentException  # noqa: PLC0415

    _audit(browser_session, tmp_path, "dialog.html", _render("si-samu.md", page=True))
    devtools = browser_session.devtools
    assert devtools.evaluate("new Promise((done) => setTimeout(() => done(6 * 7)))") == 42
    with pytest.raises(UnexpectedAlertPresentException) as caught:
        devtools.evaluate("new Promise((done) => setTimeout(() => { alert('bloque'); done(1); }))")
    assert caught.value.alert_text == "bloque"
    assert browser_session.dismiss_alerts() == ["bloque"]
    # Opened and dismissed through chromedriver: a command sent after it is answered, even
    # one that takes longer than the connection takes to ask chromedriver about dialogs.
    browser_session.driver.execute_script("setTimeout(() => alert('passe'))")
    assert _wait_for_alert(browser_session) == ["passe"]
    later = "new Promise((done) => setTimeout(() => done('encore là'), 300))"
    assert devtools.evaluate(later) == "encore là"
