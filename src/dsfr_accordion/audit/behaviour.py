"""The behaviour checks: every DSFR accordion of a page driven as a visitor would.

Click, Enter and Space each open the right panel (``aria-expanded`` flips, the
panel shows, focus stays on the button) and a second activation closes it; in
a grouped accordion opening a panel closes the others, independent panels stay
as they were. Input is real (trusted events through the DevTools protocol, as a
person's), and each activation is followed by one script that waits for the
page to settle (``js/settled.js``): as long as the DSFR JS itself takes over a
panel, never a fixed time. The input events and that script go straight to the
tab through the audit's own DevTools connection (:mod:`.devtools`), so that an
activation takes the one animation frame the DSFR JS needs. Before a button's
activations one script (``js/ready.js``) waits until it is still and in view,
and reads the state of every button and what covers it where a click lands: a
button under something fixed to the window (a consent banner) is
``accordion-covered`` (a warning), and only its keys are tested.

An accordion hidden at load (in a closed parent accordion, an unselected tab, a
closed modal) is first brought within reach as a visitor would, by opening what
hides it through the DSFR JS, outermost first (``js/reveal.js``); what was opened
is put back once the next accordion no longer needs it. An accordion no visitor
can reach that way is not tested, and says so (``accordion-not-tested``, info):
never an error for an accordion that may well work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, NamedTuple

from .findings import AuditFinding, found
from .rules import Msg
from .scripts import (
    parts,
    ready_script,
    reveal_script,
    script,
    settled_expression,
    spoilt,
    unless_thrown,
    with_states,
)

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

    from .devtools import DevTools

#: The activations tried on each button, in order: (name in findings, key or None for a click).
ACTIVATIONS: tuple[tuple[str, str | None], ...] = (
    ("click", None),
    ("Enter", "Enter"),
    ("Space", "Space"),
)

# The DevTools key events of a key press: keyDown with its text (which types the
# character: Enter activates a button there), then keyUp (Space activates there).
_KEY_EVENTS: dict[str, tuple[dict[str, object], ...]] = {
    name: (
        {"type": "keyDown", "key": key, "code": name, "windowsVirtualKeyCode": code, "text": text},
        {"type": "keyUp", "key": key, "code": name, "windowsVirtualKeyCode": code},
    )
    for name, key, code, text in (("Enter", "Enter", 13, "\r"), ("Space", " ", 32, " "))
}


@dataclass(frozen=True, slots=True)
class ButtonState:
    """What the page shows of one accordion button (``js/state-of.js``)."""

    id: str
    expanded: str | None
    collapse_expanded: bool
    displayed: bool
    group: int | None

    @property
    def is_open(self) -> bool:
        return self.expanded == "true"


def states(driver: WebDriver) -> list[ButtonState]:
    """The state of every accordion button of the page, in document order."""
    return [ButtonState(*row) for row in driver.execute_script(with_states("states"), None)]


def state(driver: WebDriver, index: int) -> ButtonState:
    """The state of accordion button ``index``."""
    (row,) = driver.execute_script(with_states("states"), index)
    return ButtonState(*row)


def check_behaviour(
    driver: WebDriver,
    devtools: DevTools,
    name: str,
    dismiss_alerts: Callable[[], list[str]],
    limit: float,
) -> list[AuditFinding]:
    """Drive every accordion of the page with click, Enter and Space (through
    ``devtools``, the DevTools connection to ``driver``'s tab); each failure
    is a finding of the file ``name``, naming the panel and the button. An
    accordion hidden at load is first revealed as a visitor would reach it, or
    reported as not tested. An alert the page answers with is dismissed
    (``dismiss_alerts``) and reported. ``limit`` seconds bound every wait (a
    container opening, a button settling, an activation taking effect); an
    activation is over, failed, once the DSFR JS is done with its panel.
    """
    from selenium.common.exceptions import UnexpectedAlertPresentException  # noqa: PLC0415
    from selenium.webdriver.common.by import By  # noqa: PLC0415

    findings: list[AuditFinding] = []
    buttons = driver.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn")
    # The containers opened to reach a button, kept open while the next buttons are in them.
    opened: list[object] = []
    for index, button in enumerate(buttons):
        try:
            opened, hidden_in = driver.execute_async_script(
                reveal_script(), button, opened, limit * 1000
            )
            if hidden_in is not None:
                findings.append(
                    _about_button(
                        "accordion-not-tested", driver, name, index, button, container=hidden_in
                    )
                )
                continue
            ready = _ready(driver, button, limit)
            activations = ACTIVATIONS
            if ready.cover is not None:
                # A click would land on what covers the button, as a visitor's would:
                # its clicks are not tested, its keys are, from the focus a click would
                # have given it.
                findings.append(
                    _about_button(
                        "accordion-covered", driver, name, index, button, element=ready.cover
                    )
                )
                driver.execute_script(script("focus"), button)
                activations = tuple(pair for pair in ACTIVATIONS if pair[1] is not None)
            findings += _check_button(
                driver,
                devtools,
                name,
                index,
                button,
                ready=ready,
                activations=activations,
                limit=limit,
            )
        except UnexpectedAlertPresentException:
            # A script of the page answered the activation (or the reveal) with an alert.
            findings += [found("page-alert", name, text=t) for t in dismiss_alerts()]
    # The page as it was loaded: every container opened for the checks put back.
    driver.execute_async_script(reveal_script(), None, opened, limit * 1000)
    return findings


class _Ready(NamedTuple):
    """A shown button before its activations (``js/ready.js``)."""

    #: Where a click lands on it (its centre, in view).
    at: Sequence[float]
    #: Every button's state.
    states: list[ButtonState]
    #: What covers it there (a banner fixed to the window), or ``None``.
    cover: str | None


def _ready(driver: WebDriver, button: WebElement, limit: float) -> _Ready:
    """Once per button, one round trip: the button still and in view, and what
    :class:`_Ready` holds."""
    ready = unless_thrown(driver.execute_async_script(ready_script(), button, limit * 1000))
    centre, rows, cover = parts(ready, 3)
    if cover is not None and not isinstance(cover, str):
        raise spoilt()
    return _Ready(parts(centre, 2), _button_states(rows), cover)


def _check_button(
    driver: WebDriver,
    devtools: DevTools,
    name: str,
    index: int,
    button: WebElement,
    *,
    ready: _Ready,
    activations: Sequence[tuple[str, str | None]],
    limit: float,
) -> list[AuditFinding]:
    """The finding of button ``index`` (shown: ``ready``) when one of ``activations``
    fails, else none."""
    # Each activation ends when the page is still, and says where the button is for the
    # next click. The clicks come first: they give the button the focus the keys then
    # need (each activation checks it stays).
    at, current = ready.at, ready.states
    for action, key in activations:
        problem, current, at = _toggle_twice(devtools, index, key, current, at, limit=limit)
        if problem:
            # The other activations of a broken button say nothing new.
            return [
                _about_button(
                    "accordion-behaviour",
                    driver,
                    name,
                    index,
                    button,
                    action=action,
                    problem=problem,
                )
            ]
    return []


def _about_button(
    rule_id: str,
    driver: WebDriver,
    name: str,
    index: int,
    button: WebElement,
    **fields: object,
) -> AuditFinding:
    """The finding of ``rule_id`` in the page ``name`` about accordion button
    ``index`` (``button``): its ``id`` and label (``button``), with ``fields``."""
    return found(rule_id, name, id=state(driver, index).id, button=_label(driver, button), **fields)


def _label(driver: WebDriver, button: WebElement) -> str:
    """The name of ``button`` as a finding shows it (``js/label.js``)."""
    return str(driver.execute_script(script("label"), button))


def press(devtools: DevTools, key: str | None, at: Sequence[float]) -> None:
    """Real input through the browser's input pipeline (trusted events, as a
    person's): a left click at the point ``at`` of the viewport (a button's centre,
    from ``js/ready.js`` or ``js/settled.js``), or the key ``key`` ("Enter",
    "Space") on the element that has the focus, as WebDriver's send keys does.
    Straight through the DevTools protocol: a WebDriver click costs several
    round trips more (docs/benchmarks.md).
    """
    if key is None:
        x, y = at
        for kind in ("mousePressed", "mouseReleased"):
            devtools.call(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
            )
        return
    for event in _KEY_EVENTS[key]:
        devtools.call("Input.dispatchKeyEvent", event)


def _toggle_twice(
    devtools: DevTools,
    index: int,
    key: str | None,
    before: list[ButtonState],
    at: Sequence[float],
    *,
    limit: float,
) -> tuple[Msg | None, list[ButtonState], Sequence[float]]:
    """Activate button ``index`` (whose centre is ``at``) twice from the states
    ``before``: ``None`` when it behaves, else what went wrong; the states after
    the last activation, and where the button is then. Each activation gets
    ``limit`` seconds to take effect.
    """
    start = before[index]
    current = before
    for want_open, failure in (
        (not start.is_open, "the first activation did not toggle the panel"),
        (start.is_open, "the second activation did not toggle the panel back"),
    ):
        press(devtools, key, at)
        settled = unless_thrown(
            devtools.evaluate(settled_expression(index, want_open, limit * 1000))
        )
        if settled is None:
            return Msg(failure), current, at
        rows, focused, centre = parts(settled, 3)
        at, current = parts(centre, 2), _button_states(rows)
        if not focused:
            return Msg("focus left the button"), current, at
        if want_open:
            problem = _others_problem(before, current, index)
            if problem:
                return problem, current, at
    return None, current, at


def _button_states(rows: object) -> list[ButtonState]:
    """The states read by a script (``js/state-of.js`` rows), checked as :func:`.parts`."""
    if not isinstance(rows, list):
        raise spoilt()
    return [ButtonState(*parts(row, len(fields(ButtonState)))) for row in rows]


def _others_problem(
    before: Sequence[ButtonState], after: Sequence[ButtonState], index: int
) -> Msg | None:
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
