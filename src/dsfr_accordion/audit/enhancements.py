"""The behaviour checks of the library's enhancements, on any page that uses them.

A group of accordions the library marks (``data-dsfr-accordion``, see
:class:`~dsfr_accordion.markup.Enhancements`) promises more than the DSFR
accordion; each promise is checked as a visitor would meet it, with the page's own
files (its copy of ``dsfr-accordion.js`` may be missing, stale or broken):

- every panel shows in print (:func:`check_print`: first, on the panels as the page
  was loaded, before the accordions' own checks, :mod:`.behaviour`);
- ``find-in-page``: a closed panel is ``hidden="until-found"`` where the browser
  knows it, and the ``beforematch`` event of a match opens it;
- a link to a question of a closed panel (``page.html#id``) opens the panel and
  moves the focus to the question;
- ``show-all``: the button is shown, opens every panel of its group and then closes
  them (the other way round when every panel is open), saying each time what it
  does next;
- ``open-without-js``: every panel shows with JavaScript off (the page loaded again,
  scripting disabled: the last check of a page).

All but print run after the accordions' own checks, whose findings they cannot
lose then. Each check closes again what it opened and takes back the focus it
gave; show all / hide all leaves every panel of its group closed (or all open).
A group hidden at load is left out (its accordions are reported as not tested
already).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .behaviour import press
from .chromium import emulate_media
from .findings import AuditFinding, found
from .rules import ENHANCEMENT_PROBLEMS, Msg
from .scripts import parts, script, settle_script, unless_thrown, with_panel_close

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

    from .devtools import DevTools


@dataclass(frozen=True, slots=True)
class _Group:
    """A marked group of the page, as ``js/enhanced-groups.js`` describes it."""

    #: Its index among the page's marked groups, in document order.
    index: int
    features: list[str]
    first_panel: str
    #: A question of a closed panel with an id (else the panel), for a link to it.
    link_target: str | None
    closed_panel: str | None
    show_all: WebElement | None


def _finding(name: str, feature: str, panel: str, code: str) -> AuditFinding:
    """The finding of ``feature`` failing (problem ``code``) at the element ``panel``."""
    problem = Msg(ENHANCEMENT_PROBLEMS[code])
    return found("accordion-enhancement", name, feature=feature, id=panel, problem=problem)


def marked_groups(driver: WebDriver) -> list[_Group]:
    """The marked groups a visitor sees (``js/enhanced-groups.js``)."""
    return [_Group(*row) for row in driver.execute_script(script("enhanced-groups"))]


def check_print(driver: WebDriver, name: str, limit: float) -> list[AuditFinding]:
    """The panels of the marked groups of the page, file ``name``, that do not show
    under print media, as findings; checked first, on the panels as the page was loaded
    (the other checks open and close them). ``limit`` seconds bound the wait for the
    panels to be at rest."""
    groups = marked_groups(driver)
    if not groups:
        return []
    emulate_media(driver, "print")
    try:
        hidden = driver.execute_async_script(
            script("enhancement-shown"), [group.index for group in groups], limit * 1000
        )
    finally:
        emulate_media(driver)
    return [_finding(name, "print", panel, "print") for panel in hidden]


def check_enhancements(
    driver: WebDriver, devtools: DevTools, name: str, limit: float
) -> tuple[list[AuditFinding], list[int]]:
    """The findings of the enhancements of the page (JavaScript on), file ``name``,
    but print (:func:`check_print`), ``limit`` seconds bounding each wait (none on a
    page without marked groups), clicks sent through ``devtools`` (the DevTools
    connection to ``driver``'s tab); and the indices of the groups seen that promise
    their answers without JavaScript, for :func:`check_without_javascript`."""
    findings: list[AuditFinding] = []
    wait = limit * 1000
    groups = marked_groups(driver)
    for group in groups:
        # A panel at rest first: the link leaves its panel closing.
        if "find-in-page" in group.features and group.closed_panel is not None:
            problem = driver.execute_async_script(
                with_panel_close("enhancement-found"), group.closed_panel, wait
            )
            if problem:
                findings.append(_finding(name, "find-in-page", group.closed_panel, problem))
        if group.link_target is not None:
            problem = driver.execute_async_script(
                with_panel_close("enhancement-link"), group.link_target, wait
            )
            if problem:
                findings.append(_finding(name, "link", group.link_target, problem))
        if "show-all" in group.features and group.show_all is not None:
            problem = _show_all_problem(driver, devtools, group.show_all, wait)
            if problem:
                findings.append(_finding(name, "show-all", group.first_panel, problem))
    return findings, [group.index for group in groups if "open-without-js" in group.features]


def _show_all_problem(
    driver: WebDriver, devtools: DevTools, button: WebElement, wait: float
) -> str | None:
    """What is wrong with a group's show-all ``button``, if anything (a code of
    :data:`~.rules.ENHANCEMENT_PROBLEMS`): two real clicks, show all then hide all, or
    hide all then show all when the button says every panel is open; the focus the
    clicks gave the button taken back."""
    if not driver.execute_script(script("visible"), button):
        return "show-all-hidden"
    first = button.get_dom_attribute("aria-expanded") != "true"
    problem = None
    for want in (first, not first):
        centre = unless_thrown(driver.execute_async_script(settle_script(), button, wait))
        press(devtools, None, parts(centre, 2))
        problem = driver.execute_async_script(script("enhancement-all"), button, want, wait)
        if problem:
            break
    driver.execute_script(script("blur"), button)
    return None if problem is None else str(problem)


def check_without_javascript(
    driver: WebDriver, name: str, groups: list[int], reload: Callable[[], bool], limit: float
) -> list[AuditFinding]:
    """The panels of the ``open-without-js`` groups at ``groups`` (indices among the
    marked groups) a reader does not see once the page is loaded again with its
    scripts off (``reload``: whether it loaded; none if not); scripts are on again
    after. ``limit`` seconds bound the wait."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        if not reload():
            return []
        hidden = driver.execute_async_script(script("enhancement-shown"), groups, limit * 1000)
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    return [_finding(name, "open-without-js", panel, "without-js") for panel in hidden]
