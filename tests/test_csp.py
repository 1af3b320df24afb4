"""Pages work under the strict Content-Security-Policy documented in docs/security.md."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import dsfr_accordion
from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.browser


def documented_policy() -> str:
    """The policy for pages with local DSFR files, as docs/security.md gives it."""
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    return text.split("Content-Security-Policy: ", 2)[1].split("\n")[0].strip()


def with_policy(html: str) -> str:
    """``html`` carrying the documented policy in a ``<meta http-equiv>``, which enforces
    every directive of the header except ``frame-ancestors`` (header only).
    """
    directives = [d for d in documented_policy().split("; ") if not d.startswith("frame-")]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{"; ".join(directives)}">'
    return str(html).replace("<head>\n", f"<head>\n{meta}\n", 1)


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
"""


@pytest.fixture
def violations(browser):
    """Record every policy violation of the pages loaded during the test."""
    hook = browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS}
    )
    yield lambda: browser.execute_script("return window.__violations")
    browser.execute_cdp_cmd(
        "Page.removeScriptToEvaluateOnNewDocument", {"identifier": hook["identifier"]}
    )


def test_page_runs_the_dsfr_js_with_no_policy_violation(open_page, violations):
    document = dsfr_accordion.load(EXAMPLES / "temoignages-cloud.yaml")
    html = dsfr_accordion.render_page(
        document,
        dsfr_base="dsfr",
        alternates={"fr": "csp.html", "en": "csp.html"},
        faq_schema=True,
        permalinks=True,
    )
    # The library's enhancements are on, their files linked from the same folder.
    assert '<script type="module" src="dsfr/dsfr-accordion.js">' in html
    browser = open_page("csp.html", with_policy(html))
    button = browser.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn")[0]
    button.click()
    WebDriverWait(browser, 5).until(lambda b: button.get_attribute("aria-expanded") == "true")
    # The enhancement module at work: show all, and a link to a question.
    show_all = browser.find_element(By.CSS_SELECTOR, ".dsfr-accordion-show-all button")
    show_all.click()
    WebDriverWait(browser, 5).until(lambda b: show_all.get_attribute("aria-expanded") == "true")
    browser.find_elements(By.CSS_SELECTOR, ".dsfr-accordion-permalink a")[-1].click()
    assert violations() == []


def test_the_check_sees_a_violation(open_page, violations):
    html = dsfr_accordion.render_page(
        dsfr_accordion.load(EXAMPLES / "si-samu.md"), dsfr_base="dsfr"
    )
    open_page(
        "csp-broken.html", with_policy(html).replace("<main", '<p style="color:red">x</p><main')
    )
    assert violations() == ["style-src-attr inline"]
