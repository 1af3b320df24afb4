"""The browser audit: axe-core and the real DSFR JavaScript in headless Chromium.

One Chromium session (Debian's ``chromium`` and ``chromium-driver``, driven by
Selenium, no driver download) audits many pages. Pages are served over
``http://127.0.0.1:<port>`` by a thread of this process, and the browser
resolves no other host, so a page sees exactly the DSFR files given to the
audit. While serving a page the server

- points links to the pinned DSFR release on its CDN at the local copy
  (the same files: their SRI hashes still hold), and
- wraps a fragment in a minimal DSFR page (``<html lang>``, title, ``<main>``,
  the DSFR CSS and JS), so axe-core judges the fragment, not a missing page.

For each page: alerts opened while loading are dismissed and reported;
axe-core (injected once per document through CDP) runs the WCAG 2.2 A and AA
rules and reports violations and "incomplete" (needs review) results
separately; then every DSFR accordion is driven like a visitor would: click,
Enter and Space each open the right panel (``aria-expanded`` flips, the panel
shows, focus stays on the button) and a second activation closes it; in a
grouped accordion opening a panel closes the others, independent panels stay
as they were.

Selenium and axe-selenium-python are imported when a session starts, never on
the render path (``pip install 'dsfr-accordion[browser]'``).
"""

from __future__ import annotations

import functools
import io
import json
import shutil
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..assets import CDN_BASE
from ..errors import DsfrAccordionError
from .findings import Finding
from .rules import AXE_RGAA, Msg
from .static import blank_front_matter, is_page

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

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

#: The axe-core tags run: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
AXE_TAGS: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

#: Where the server exposes the DSFR dist folder.
DSFR_PATH = "/__dsfr__"

#: Seconds to wait for a page, the DSFR JavaScript and an accordion's transition.
PAGE_TIMEOUT = 30
SCRIPT_TIMEOUT = 120  # axe-core on a page with hundreds of accordions takes seconds
DSFR_TIMEOUT = 10
STATE_TIMEOUT = 3


_WRAPPER = """<!doctype html>
<html lang="{lang}" data-fr-scheme="system">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="{dsfr}/dsfr.min.css">
</head>
<body>
<main id="dsfr-accordion-audit" class="fr-container">
{fragment}
</main>
<script type="module" src="{dsfr}/dsfr.module.min.js"></script>
<script nomodule src="{dsfr}/dsfr.nomodule.min.js"></script>
</body>
</html>
"""

# Resolves with true once the DSFR JS has started and bound every accordion
# button (at once on a page without accordions), with false after the time limit.
_WAIT_FOR_DSFR = """
const done = arguments[arguments.length - 1];
const limit = Date.now() + arguments[0] * 1000;
const buttons = () => [...document.querySelectorAll('.fr-accordion__btn')];
const ready = () => document.documentElement.hasAttribute('data-fr-js') &&
  buttons().every((b) => b.hasAttribute('data-fr-js-collapse-button'));
const wait = () => {
  if (!buttons().length && document.readyState === 'complete') { done(true); return; }
  if (ready()) { done(true); } else if (Date.now() > limit) { done(false); }
  else { setTimeout(wait, 20); }
};
wait();
"""

# Scrolls the element to the middle of the view and resolves once it stops
# moving (the same place in two animation frames): a panel opening above it
# moves it during the DSFR transition, and a click while it moves can miss it.
SETTLE = """
const [element, done] = arguments;
element.scrollIntoView({block: 'center'});
let last = null;
const check = () => {
  const top = element.getBoundingClientRect().top;
  if (top === last) { done(true); } else { last = top; requestAnimationFrame(check); }
};
requestAnimationFrame(check);
"""

# The state of an accordion button: [panel id, aria-expanded, panel has
# fr-collapse--expanded, panel displayed, group index or null]. The panel is the
# fr-collapse of the button's own section, not the element its aria-controls
# names: with a duplicate id, the button may open another one.
_STATE_OF = """
const stateOf = (b) => {
  const groups = [...document.querySelectorAll('.fr-accordions-group')];
  const section = b.closest('.fr-accordion');
  const panel = (section && section.querySelector(':scope > .fr-collapse')) ||
    document.getElementById(b.getAttribute('aria-controls'));
  const group = b.closest('.fr-accordions-group');
  const grouped = group && group.getAttribute('data-fr-group') !== 'false';
  return [panel ? panel.id : b.getAttribute('aria-controls'), b.getAttribute('aria-expanded'),
          !!panel && panel.classList.contains('fr-collapse--expanded'),
          !!panel && panel.offsetHeight > 0 && getComputedStyle(panel).visibility !== 'hidden',
          grouped ? groups.indexOf(group) : null];
};
const allButtons = () => [...document.querySelectorAll('.fr-accordion__btn')];
"""

# The state of every accordion button of the page, or of the one whose index is given.
_STATES = (
    _STATE_OF
    + """
const only = arguments[0];
const buttons = allButtons();
return (only === null ? buttons : [buttons[only]]).map(stateOf);
"""
)

# After an activation of button ``index``: resolves, at the first animation frame
# where the button is ``want`` (open or closed: aria-expanded, the panel's class
# and its display agree) and has not moved since the previous frame, with every
# button's state and whether the button has the focus; with null after
# ``limit`` milliseconds. One round trip per activation instead of polling: a
# page's behaviour checks take a second, not a quarter of a minute.
_SETTLED = (
    _STATE_OF
    + """
const [index, want, limit, done] = arguments;
const button = allButtons()[index];
const deadline = performance.now() + limit;
let last = null;
const check = () => {
  const state = stateOf(button);
  if ((state[1] === 'true') === want && state[2] === want && state[3] === want) {
    const top = button.getBoundingClientRect().top;
    if (top === last) {
      done([allButtons().map(stateOf), document.activeElement === button]);
      return;
    }
    last = top;
  } else {
    last = null;
  }
  if (performance.now() > deadline) { done(null); } else { requestAnimationFrame(check); }
};
check();
"""
)


# The centre of an element, brought into the viewport first (a panel closing
# above it may have moved it out), where a click lands.
_CENTRE = """
arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});
const r = arguments[0].getBoundingClientRect();
return [r.left + r.width / 2, r.top + r.height / 2];
"""

# The DevTools key events of a key press: keyDown with its text (which types the
# character: Enter activates a button there), then keyUp (Space activates there).
_KEY_EVENTS: dict[str, tuple[dict[str, object], ...]] = {
    name: (
        {"type": "keyDown", "key": key, "code": name, "windowsVirtualKeyCode": code, "text": text},
        {"type": "keyUp", "key": key, "code": name, "windowsVirtualKeyCode": code},
    )
    for name, key, code, text in (("Enter", "Enter", 13, "\r"), ("Space", " ", 32, " "))
}


class BrowserUnavailable(DsfrAccordionError):
    """Chromium, chromedriver, Selenium or axe-selenium-python is missing."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__("browser-unavailable", {"problem": problem})


class _Handler(SimpleHTTPRequestHandler):
    """Serves a folder, the DSFR dist under :data:`DSFR_PATH`, and HTML prepared for the audit."""

    dsfr_dist: Path | None = None
    lang = "fr"

    def log_message(self, format: str, *args: object) -> None:
        """Keep the output clean: the audit reports what matters."""

    def translate_path(self, path: str) -> str:
        if self.dsfr_dist is not None and path.startswith(DSFR_PATH + "/"):
            relative = path[len(DSFR_PATH) + 1 :].split("?", 1)[0].split("#", 1)[0]
            target = (self.dsfr_dist / relative).resolve()
            if target.is_relative_to(self.dsfr_dist.resolve()):
                return str(target)
        return super().translate_path(path)

    def send_head(self) -> Any:
        local = Path(self.translate_path(self.path))
        if local.suffix.lower() not in (".html", ".htm") or not local.is_file():
            return super().send_head()
        body = prepare(
            local.read_text(encoding="utf-8-sig", errors="replace"),
            title=local.name,
            lang=self.lang,
            dsfr=DSFR_PATH if self.dsfr_dist is not None else CDN_BASE,
        ).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def prepare(html: str, *, title: str, lang: str, dsfr: str) -> str:
    """``html`` as the audit serves it: CDN links pointed at ``dsfr``, a front matter
    blanked out, a fragment wrapped in a minimal DSFR page.
    """
    html = blank_front_matter(html.replace(CDN_BASE, dsfr))
    if is_page(html):
        return html
    return _WRAPPER.format(lang=lang, title=escape(title), dsfr=dsfr, fragment=html)


class LocalServer:
    """A loopback HTTP server for ``root`` (and the DSFR files under :data:`DSFR_PATH`).

    ``url`` is ``http://127.0.0.1:<port>``; the port is chosen by the system.
    Use as a context manager, or call :meth:`close`.
    """

    def __init__(self, root: Path, dsfr_dist: Path | None = None, lang: str = "fr") -> None:
        handler = type("Handler", (_Handler,), {"dsfr_dist": dsfr_dist, "lang": lang})
        self.root = root
        self._server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(root))
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def url_of(self, path: Path) -> str:
        """The URL of the file ``path`` under :attr:`root`."""
        relative = path.resolve().relative_to(self.root.resolve())
        return f"{self.url}/{relative.as_posix()}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def start_chromium() -> tuple[WebDriver, Path]:
    """A headless Chromium driven by Selenium, and its temporary profile folder.

    Raises :class:`BrowserUnavailable` naming what to install when Selenium,
    ``chromium`` or ``chromedriver`` is missing.
    """
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
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    # Alerts are found, reported and dismissed by the audit itself.
    options.set_capability("unhandledPromptBehavior", "ignore")
    profile = Path(tempfile.mkdtemp(prefix="dsfr-accordion-chromium-"))
    options.add_argument(f"--user-data-dir={profile}")
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except WebDriverException as error:
        shutil.rmtree(profile, ignore_errors=True)
        raise BrowserUnavailable(f"Chromium did not start: {error.msg}") from error
    driver.set_page_load_timeout(PAGE_TIMEOUT)
    driver.set_script_timeout(SCRIPT_TIMEOUT)
    # A visitor who asks for reduced motion: the DSFR panels then open without
    # their transition, so behaviour checks wait for the page, not for animations.
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]},
    )
    return driver, profile


def axe_source() -> str:
    """The axe-core script bundled with axe-selenium-python."""
    try:
        from axe_selenium_python.axe import _DEFAULT_SCRIPT  # noqa: PLC0415
    except ImportError as error:
        raise BrowserUnavailable("the Python package axe-selenium-python is missing") from error
    return Path(_DEFAULT_SCRIPT).read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class _State:
    id: str
    expanded: str | None
    collapse_expanded: bool
    displayed: bool
    group: int | None

    @property
    def is_open(self) -> bool:
        return self.expanded == "true"


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
        return bool(self.driver.execute_async_script(_WAIT_FOR_DSFR, self.dsfr_timeout))

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
            findings += self.run_axe(name)
        has_accordions = bool(self.states())
        if self.behaviour and has_accordions:
            if started:
                findings += self.check_behaviour(name)
            else:
                findings.append(
                    Finding.of(
                        "page-load",
                        name,
                        problem=Msg("the accordions were not initialised in time"),
                    )
                )
        return findings

    def run_axe(self, name: str) -> list[Finding]:
        """axe-core's violations and incomplete results on the current page."""
        options = {
            "runOnly": {"type": "tag", "values": list(AXE_TAGS)},
            "resultTypes": ["violations", "incomplete"],
        }
        # Options go through JSON: Python's True is not JavaScript's true.
        results = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, JSON.parse(arguments[0]))"
            ".then((r) => done({violations: r.violations, incomplete: r.incomplete}),"
            " (e) => done({error: String(e)}));",
            json.dumps(options),
        )
        if "error" in results:
            raise DsfrAccordionError.of("axe-failed", path=name, problem=results["error"])
        findings: list[Finding] = []
        for kind, rule_id in (("violations", "axe-violation"), ("incomplete", "axe-incomplete")):
            for result in results[kind]:
                for node in result["nodes"]:
                    findings.append(
                        Finding.of(
                            rule_id,
                            name,
                            rgaa=axe_rgaa(result),
                            axe_rule=result["id"],
                            help=result["help"],
                            target=" ".join(map(str, node["target"])),
                            url=result["helpUrl"].split("?", 1)[0],
                        )
                    )
        return findings

    def states(self) -> list[_State]:
        """The state of every accordion button of the page, in document order."""
        return [_State(*row) for row in self.driver.execute_script(_STATES, None)]

    def state(self, index: int) -> _State:
        """The state of accordion button ``index``."""
        (row,) = self.driver.execute_script(_STATES, index)
        return _State(*row)

    def check_behaviour(self, name: str) -> list[Finding]:
        """Drive every accordion with click, Enter and Space; each failure is a finding."""
        from selenium.common.exceptions import UnexpectedAlertPresentException  # noqa: PLC0415
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        findings: list[Finding] = []
        buttons = self.driver.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn")
        for index, button in enumerate(buttons):
            # Once per button: each activation below ends when the page is still.
            self.driver.execute_async_script(SETTLE, button)
            states = self.states()
            for action, key in (("click", None), ("Enter", "Enter"), ("Space", "Space")):
                try:
                    problem, states = self._toggle_twice(index, button, key, states)
                except UnexpectedAlertPresentException:
                    # A script of the page answered the activation with an alert.
                    texts = self.dismiss_alerts()
                    findings += [Finding.of("page-alert", name, text=t) for t in texts]
                    break
                if problem:
                    panel = self.state(index).id
                    findings.append(
                        Finding.of(
                            "accordion-behaviour", name, id=panel, action=action, problem=problem
                        )
                    )
                    break  # the other activations of a broken button say nothing new
        return findings

    def _press(self, button: WebElement, key: str | None) -> None:
        """Real input on ``button``, through the browser's input pipeline (trusted
        events, as a person's): a left click at its centre, or the key ``key``
        ("Enter", "Space") with the focus on it, as WebDriver's send keys does.
        Straight through the DevTools protocol: a WebDriver click costs several
        round trips more (docs/benchmarks.md).
        """
        if key is None:
            x, y = self.driver.execute_script(_CENTRE, button)
            for kind in ("mousePressed", "mouseReleased"):
                self.driver.execute_cdp_cmd(
                    "Input.dispatchMouseEvent",
                    {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
                )
            return
        self.driver.execute_script("arguments[0].focus();", button)
        for event in _KEY_EVENTS[key]:
            self.driver.execute_cdp_cmd("Input.dispatchKeyEvent", event)

    def _toggle_twice(
        self, index: int, button: WebElement, key: str | None, before: list[_State]
    ) -> tuple[Msg | None, list[_State]]:
        """Activate button ``index`` twice from the states ``before``: ``None`` when it
        behaves, else what went wrong; and the states after the last activation.

        Real input each time (a pointer click, keys sent through the browser), each
        followed by one script that waits for the panel to settle (:data:`_SETTLED`).
        """
        start = before[index]
        states = before
        for want_open, failure in (
            (not start.is_open, "the first activation did not toggle the panel"),
            (start.is_open, "the second activation did not toggle the panel back"),
        ):
            self._press(button, key)
            settled = self.driver.execute_async_script(
                _SETTLED, index, want_open, STATE_TIMEOUT * 1000
            )
            if settled is None:
                return Msg(failure), states
            rows, focused = settled
            states = [_State(*row) for row in rows]
            if not focused:
                return Msg("focus left the button"), states
            if want_open:
                problem = _others_problem(before, states, index)
                if problem:
                    return problem, states
        return None, states


def _others_problem(before: Sequence[_State], after: Sequence[_State], index: int) -> Msg | None:
    """What opening panel ``index`` did wrong to the other panels, if anything."""
    group = after[index].group
    for other, (was, now) in enumerate(zip(before, after, strict=True)):
        if other == index:
            continue
        if group is not None and now.group == group:
            if now.is_open:
                return Msg("opening it left another panel of its group open")
        elif now.is_open != was.is_open:
            return Msg("opening it changed an independent panel")
    return None


def axe_rgaa(result: dict[str, Any]) -> str:
    """The RGAA criterion of an axe-core result: its ``RGAA-x.y.z`` tag, else :data:`AXE_RGAA`."""
    for tag in result.get("tags", ()):
        if tag.startswith("RGAA-"):
            return ".".join(tag[5:].split(".")[:2])
    return AXE_RGAA.get(result["id"], "")
