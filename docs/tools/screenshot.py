"""Take the documentation's screenshots of the cloud example in headless Chromium.

Usage: python docs/tools/screenshot.py [OUTPUT_DIR]   (make screenshot)

French and English pages, closed and with the first panel open, light and dark
schemes (the pages follow the system scheme: ``data-fr-scheme="system"``),
mobile (375 px) and desktop widths; and the library's enhancements
(docs/accessibility.md, "Beyond the DSFR accordion"): JavaScript off, a link to
a question, a find-in-page match (a text fragment, the browser's own search).
Pages are rendered with the real DSFR files from node_modules and the library's
enhancement files, served on 127.0.0.1 and captured through the DevTools
protocol by the browser audit's session (the Debian chromium package, reduced
motion so that no panel is caught half-way, JavaScript turned off for one
shot); no other host is reached.
"""

from __future__ import annotations

import base64
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import dsfr_accordion
from dsfr_accordion.assets import ENHANCEMENT_FILES, STATIC
from dsfr_accordion.audit.browser import BrowserSession
from dsfr_accordion.audit.chromium import BrowserUnavailable

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist"
EXAMPLE = ROOT / "examples" / "temoignages-cloud.yaml"
DEFAULT_OUTPUT = ROOT / "docs" / "images"


@dataclass(frozen=True)
class Shot:
    """One screenshot: file name, language, first panel open, dark scheme, window size;
    what follows the page's address (``#id``, ``#:~:text=…``), JavaScript on, and the
    visible links to each question."""

    name: str
    lang: str
    open_first: bool
    dark: bool
    size: tuple[int, int]
    fragment: str = ""
    script: bool = True
    permalinks: bool = False

    @property
    def page(self) -> str:
        """The rendered page the shot is taken of."""
        state = "open" if self.open_first else "closed"
        return f"{self.lang}-{state}{'-permalinks' if self.permalinks else ''}.html"


DESKTOP, MOBILE = (1200, 900), (375, 812)
SHOTS = (
    Shot("temoignages-cloud.png", "fr", True, False, DESKTOP),  # the README's
    Shot("fr-desktop-closed.png", "fr", False, False, DESKTOP),
    Shot("en-desktop-open.png", "en", True, False, DESKTOP),
    Shot("fr-desktop-dark-open.png", "fr", True, True, DESKTOP),
    Shot("fr-mobile-closed.png", "fr", False, False, MOBILE),
    Shot("en-mobile-dark-open.png", "en", True, True, MOBILE),
    # The enhancements: answers without JavaScript, a link to a question (its
    # panel opened, the focus on it), a find-in-page match (its panel opened).
    Shot("fr-no-javascript.png", "fr", False, False, DESKTOP, script=False),
    Shot(
        "fr-link-to-a-question.png",
        "fr",
        False,
        False,
        DESKTOP,
        fragment="#ans-en-quoi-le-recours-au-cloud-est-il-determinant",
        permalinks=True,
    ),
    Shot("fr-find-in-page.png", "fr", False, False, DESKTOP, fragment="#:~:text=SecNumCloud"),
)


#: How long to wait for a page (its DSFR JavaScript, a panel it opens), in seconds.
WAIT = 5

# Resolves once no panel is moving (the DSFR JS opens and closes panels through
# "fr-collapsing") and the focus has settled, two animation frames in a row.
_SETTLED = """
const done = arguments[arguments.length - 1];
let calm = 0;
const check = () => {
  calm = document.querySelector('.fr-collapsing') ? 0 : calm + 1;
  if (calm >= 2) { done(true); } else { requestAnimationFrame(check); }
};
requestAnimationFrame(check);
"""


def _capture(session: BrowserSession, url: str, shot: Shot, output: Path) -> None:
    """Load ``url`` as ``shot`` says in the session's browser and write its screenshot."""
    driver = session.driver
    width, height = shot.size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
    scheme = {"name": "prefers-color-scheme", "value": "dark" if shot.dark else "light"}
    motion = {"name": "prefers-reduced-motion", "value": "reduce"}  # no transition half-way
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [scheme, motion]})
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not shot.script})
    try:
        problem = session.open(url)
        if problem is not None:
            sys.exit(f"{url}: {problem}")
        if shot.script and not session.wait_for_dsfr():
            sys.exit(f"{url}: the DSFR JavaScript did not start")
        if shot.script:
            driver.set_script_timeout(WAIT)
            driver.execute_async_script(_SETTLED)
        image = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    (output / shot.name).write_bytes(base64.b64decode(image["data"]))


def main(output: Path = DEFAULT_OUTPUT) -> None:
    """Render, serve and capture every shot of :data:`SHOTS` into ``output``."""
    output.mkdir(parents=True, exist_ok=True)
    document = dsfr_accordion.load(EXAMPLE)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        # The DSFR files and the library's own, as --dsfr-dist copies them.
        (site / "dsfr").mkdir()
        for entry in DIST.iterdir():
            (site / "dsfr" / entry.name).symlink_to(entry)
        for name in ENHANCEMENT_FILES:
            (site / "dsfr" / name).symlink_to(STATIC / name)
        for shot in SHOTS:
            html = dsfr_accordion.render_page(
                document,
                lang=shot.lang,
                open="first" if shot.open_first else "none",
                dsfr_base="dsfr",
                alternates={"fr": "fr-open.html", "en": "en-open.html"},
                permalinks=shot.permalinks,
            )
            (site / shot.page).write_text(html, encoding="utf-8")
        try:
            session = BrowserSession(DIST, axe=False, behaviour=False)
        except BrowserUnavailable as error:
            sys.exit(str(error))
        with session:
            base = session.server(site).url
            for shot in SHOTS:
                _capture(session, f"{base}/{shot.page}{shot.fragment}", shot, output)
                print(f"wrote {output / shot.name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
