"""Pages work under the strict Content-Security-Policy documented in docs/security.md."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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


class _PolicyHandler(SimpleHTTPRequestHandler):
    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def csp_url(site_root: Path) -> Iterator[str]:
    handler = type("Handler", (_PolicyHandler,), {"policy": documented_policy()})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
"""


def test_page_runs_the_dsfr_js_with_no_policy_violation(browser, site_root, csp_url):
    document = dsfr_accordion.load(EXAMPLES / "temoignages-cloud.yaml")
    html = dsfr_accordion.render(
        document, page=True, dsfr_base="dsfr", alternates={"fr": "csp.html", "en": "csp.html"}
    )
    (site_root / "csp.html").write_text(html, encoding="utf-8")
    hook = browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS}
    )
    try:
        browser.get(f"{csp_url}/csp.html")
        button = browser.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn")[0]
        WebDriverWait(browser, 10).until(
            lambda b: button.get_attribute("data-fr-js-collapse-button") is not None
        )
        button.click()
        WebDriverWait(browser, 5).until(lambda b: button.get_attribute("aria-expanded") == "true")
        assert browser.execute_script("return window.__violations") == []
    finally:
        browser.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": hook["identifier"]}
        )
