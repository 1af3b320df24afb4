"""The rendered markup works with the real DSFR 1.15 JavaScript in headless Chromium."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import dsfr_accordion
from dsfr_accordion.audit.scripts import settle_script
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.browser


def _page(**options) -> str:
    document = dsfr_accordion.load(EXAMPLES / "temoignages-cloud.yaml")
    return dsfr_accordion.render_page(document, dsfr_base="dsfr", **options)


def _state(browser, index: int) -> tuple[str, bool, bool]:
    """(aria-expanded, panel has fr-collapse--expanded, panel displayed) of section ``index``."""
    button = browser.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn")[index]
    panel = browser.find_element(By.ID, button.get_attribute("aria-controls"))
    return (
        button.get_attribute("aria-expanded"),
        "fr-collapse--expanded" in panel.get_attribute("class").split(),
        panel.is_displayed(),
    )


def _wait_state(browser, index: int, expected: tuple[str, bool, bool]) -> None:
    WebDriverWait(browser, 5).until(lambda b: _state(b, index) == expected)


def _press(browser, index: int, key: str | None = None) -> None:
    """Click the button of section ``index``, or press ``key`` on it, as a user would."""
    button = browser.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn")[index]
    browser.execute_async_script(settle_script(), button, 3000)
    if key is None:
        button.click()
    else:
        button.send_keys(key)


OPEN = ("true", True, True)
CLOSED = ("false", False, False)


def test_click_opens_then_closes_the_right_panel_and_keeps_focus(open_page):
    browser = open_page("independent.html", _page())
    buttons = browser.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn")
    assert len(buttons) == 4
    for index in range(4):
        assert _state(browser, index) == CLOSED
    _press(browser, 1)
    _wait_state(browser, 1, OPEN)
    assert browser.switch_to.active_element == buttons[1]
    assert [_state(browser, i) for i in (0, 2, 3)] == [CLOSED] * 3
    _press(browser, 1)
    _wait_state(browser, 1, CLOSED)


@pytest.mark.parametrize("key", [Keys.ENTER, Keys.SPACE], ids=["enter", "space"])
def test_keyboard_toggles_the_panel(open_page, key):
    browser = open_page("keyboard.html", _page())
    button = browser.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn")[2]
    _press(browser, 2, key)
    _wait_state(browser, 2, OPEN)
    assert browser.switch_to.active_element == button
    _press(browser, 2, key)
    _wait_state(browser, 2, CLOSED)


def test_independent_panels_stay_open_together(open_page):
    browser = open_page("independent-two.html", _page())
    _press(browser, 0)
    _wait_state(browser, 0, OPEN)
    _press(browser, 3)
    _wait_state(browser, 3, OPEN)
    assert _state(browser, 0) == OPEN


def test_grouped_panels_close_each_other(open_page):
    browser = open_page("grouped.html", _page(grouped=True))
    _press(browser, 0)
    _wait_state(browser, 0, OPEN)
    _press(browser, 3)
    _wait_state(browser, 3, OPEN)
    _wait_state(browser, 0, CLOSED)


def test_initially_open_panel_is_shown_and_closes(open_page):
    browser = open_page("open-first.html", _page(open="first"))
    assert _state(browser, 0) == OPEN
    _press(browser, 0)
    _wait_state(browser, 0, CLOSED)
