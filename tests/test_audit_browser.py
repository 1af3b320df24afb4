"""The browser audit: axe-core and the real DSFR JavaScript in the shared headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dsfr_accordion
from dsfr_accordion.assets import CDN_BASE
from dsfr_accordion.audit.browser import BrowserSession
from dsfr_accordion.audit.findings import Finding
from dsfr_accordion.audit.rules import Severity
from tests.browser import shorter
from tests.conftest import DSFR_DIST, EXAMPLES, FIXTURES, run_cli

pytestmark = pytest.mark.browser

BROWSER_FIXTURES = FIXTURES / "audit" / "browser"


def _render(example: str, *, page: bool = False, **options) -> str:
    render = dsfr_accordion.render_page if page else dsfr_accordion.render
    return str(render(dsfr_accordion.load(EXAMPLES / example), **options))


def _audit(session: BrowserSession, folder: Path, name: str, html: str) -> list[Finding]:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return session.audit_file(path, name)


def _errors(findings: list[Finding]) -> list[str]:
    return [f"{f.rule_id}: {f.message()}" for f in findings if f.severity is Severity.ERROR]


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


def test_a_button_that_opens_another_panel_is_a_finding(browser_session, tmp_path):
    html = _render("temoignages-cloud.yaml", page=True)
    # The second section's panel takes the first one's id, as in the legacy page:
    # the DSFR JS then opens the first panel from the second button.
    html = html.replace('aria-controls="ans"', 'aria-controls="geoplateforme"')
    html = html.replace('id="ans"', 'id="geoplateforme"')
    assert html.count('id="geoplateforme"') == 2
    findings = _audit(browser_session, tmp_path, "duplicate.html", html)
    behaviour = {dict(f.fields)["id"] for f in findings if f.rule_id == "accordion-behaviour"}
    assert "geoplateforme" in behaviour, findings


def test_accordions_without_the_dsfr_javascript_are_a_finding(browser_session, tmp_path):
    html = _render("si-samu.md", page=True)
    html = "\n".join(line for line in html.split("\n") if "<script" not in line)
    with shorter(browser_session, dsfr=0.5):
        findings = _audit(browser_session, tmp_path, "no-js.html", html)
    assert [f.rule_id for f in findings if f.rule_id.startswith("page-")] == ["page-load"]


@pytest.mark.parametrize(
    "rule_id", ["axe-violation", "axe-incomplete", "page-alert", "page-resource"]
)
def test_browser_rule_fixtures(browser_session: BrowserSession, rule_id: str):
    bad = browser_session.audit_file(BROWSER_FIXTURES / f"{rule_id}.bad.html", "bad.html")
    good = browser_session.audit_file(BROWSER_FIXTURES / f"{rule_id}.good.html", "good.html")
    assert rule_id in {f.rule_id for f in bad}, bad
    assert good == [], good


def test_an_alert_on_activation_is_reported(browser_session, tmp_path):
    html = _render("si-samu.md", page=True)
    html = html.replace('class="fr-accordion__btn"', 'class="fr-accordion__btn" onclick="alert(1)"')
    findings = _audit(browser_session, tmp_path, "alert-on-click.html", html)
    assert [f.message() for f in findings if f.rule_id == "page-alert"] == [
        "the page opened an alert: '1'"
    ]


def test_axe_findings_are_mapped_to_rgaa(browser_session: BrowserSession):
    findings = browser_session.audit_file(BROWSER_FIXTURES / "axe-violation.bad.html", "bad.html")
    (violation,) = [f for f in findings if f.rule_id == "axe-violation"]
    assert (violation.rgaa, dict(violation.fields)["axe_rule"]) == ("9.3", "list")
    assert violation.line is None


def test_alert_is_dismissed_and_reported(browser_session: BrowserSession):
    findings = browser_session.audit_file(BROWSER_FIXTURES / "page-alert.bad.html", "bad.html")
    assert [f.message() for f in findings if f.rule_id == "page-alert"] == [
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
    resources = sorted(dict(f.fields)["url"] for f in findings if f.rule_id == "page-resource")
    assert resources == ["/dist/dsfr.min.css", "/dist/dsfr.module.min.js"]
    assert "page-load" in {f.rule_id for f in findings}
