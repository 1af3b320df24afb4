"""Beyond the DSFR accordion (issue 18), in the shared headless Chromium: answers
readable without JavaScript and in print, links to a question, find-in-page,
show all / hide all; axe-core and the behaviour checks with each of them on."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import dsfr_accordion
from dsfr_accordion.assets import STATIC
from dsfr_accordion.audit import chromium, enhancements
from dsfr_accordion.audit.rules import Severity
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.browser

CLOUD = "temoignages-cloud.yaml"
SAMU = "si-samu.md"
#: Every example in both languages: (content file, language).
PAGES = [(CLOUD, "fr"), (CLOUD, "en"), (SAMU, "fr"), (SAMU, "en")]
#: The words of the show-all button, per page language.
SHOW_ALL = {
    "fr": ("Afficher toutes les sections", "Masquer toutes les sections"),
    "en": ("Show all sections", "Hide all sections"),
}
#: The media features the session always emulates (reduced motion: no transitions).
REDUCED_MOTION = list(chromium.REDUCED_MOTION)

# [panel id, aria-expanded of its button, its hidden attribute, height, visibility]
PANELS = """
return [...document.querySelectorAll('.fr-collapse')].map((p) => [
  p.id, document.querySelector(`[aria-controls="${p.id}"]`).getAttribute('aria-expanded'),
  p.getAttribute('hidden'), p.offsetHeight, getComputedStyle(p).visibility]);
"""


# Whether the first paragraph or list item of panel arguments[0] holding the text
# arguments[1] is in the viewport.
MATCH_IN_VIEW = """
const panel = document.getElementById(arguments[0]);
const match = [...panel.querySelectorAll('p, li')]
  .find((e) => e.textContent.includes(arguments[1]));
const top = match.getBoundingClientRect().top;
return scrollY > 0 && top >= 0 && top < innerHeight;
"""


def page(example: str, lang: str = "fr", **options) -> str:
    """The example's standalone page in ``lang``, linking the local files (``dsfr/``)."""
    document = dsfr_accordion.load(EXAMPLES / example)
    translation = None
    if lang != document.lang:
        catalogue = dsfr_accordion.load_translations(document, lang)
        translation = dsfr_accordion.translate(document, catalogue)
    return str(
        dsfr_accordion.render_page(
            document, lang=lang, translations=translation, dsfr_base="dsfr", **options
        )
    )


def name(example: str, lang: str) -> str:
    return f"{example.split('.', maxsplit=1)[0]}-{lang}.html"


def panels(browser) -> list[list]:
    return browser.execute_script(PANELS)


def settled(browser, check, timeout: float = 5) -> list[list]:
    """The panels once ``check(panels)`` holds (the DSFR JS opens them in animation frames)."""
    WebDriverWait(browser, timeout).until(lambda b: check(panels(b)))
    return panels(browser)


@contextlib.contextmanager
def media(browser, kind: str) -> Iterator[None]:
    """Inside, the page rendered for ``kind`` media (print), as Chrome's print preview."""
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"media": kind, "features": REDUCED_MOTION}
    )
    try:
        yield
    finally:
        browser.execute_cdp_cmd(
            "Emulation.setEmulatedMedia", {"media": "", "features": REDUCED_MOTION}
        )


@pytest.fixture
def no_script(browser) -> Iterator[None]:
    """JavaScript off for the pages loaded in the test, in the run's one browser. The
    test's own scripts (WebDriver's) still run, the page's do not."""
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    yield
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def shown(row: list) -> bool:
    """A panel a reader sees: some height, and visible."""
    return row[3] > 0 and row[4] == "visible"


@pytest.mark.parametrize(("example", "lang"), PAGES)
def test_without_javascript_every_answer_is_shown(
    browser_session, browser, serve, base_url, no_script, example, lang
):
    serve(name(example, lang), page(example, lang))
    assert browser_session.open(f"{base_url}/{name(example, lang)}") is None
    rows = panels(browser)
    assert rows
    assert [row[0] for row in rows if not shown(row)] == []
    assert (
        browser.execute_script("return document.documentElement.hasAttribute('data-fr-js')")
        is False
    )
    # The show-all button works only with the module: it stays hidden.
    controls = browser.find_elements(By.CSS_SELECTOR, ".dsfr-accordion-show-all")
    assert len(controls) == (1 if example == CLOUD else 0)
    assert not any(control.is_displayed() for control in controls)


def test_without_the_option_answers_stay_hidden_without_javascript(
    browser_session, browser, serve, base_url, no_script
):
    serve("no-enhancement.html", page(CLOUD, open_without_js=False))
    assert browser_session.open(f"{base_url}/no-enhancement.html") is None
    assert not any(shown(row) for row in panels(browser))


def test_answers_show_when_the_dsfr_javascript_never_comes(
    browser_session, browser, serve, base_url
):
    # Scripting on, the DSFR JS missing (blocked, offline): the panels show after the
    # fallback delay, shortened here.
    html = page(SAMU).replace('<script type="module" src="dsfr/dsfr.module.min.js"></script>\n', "")
    html = html.replace(
        "</head>", "<style>html { --dsfr-accordion-fallback-delay: 0.2s }</style>\n</head>"
    )
    serve("no-dsfr-js.html", html)
    assert browser_session.open(f"{base_url}/no-dsfr-js.html") is None
    assert all(shown(row) for row in settled(browser, lambda rows: all(map(shown, rows))))


@pytest.mark.parametrize(("example", "lang"), PAGES)
def test_in_print_every_answer_is_shown(browser, open_page, example, lang):
    open_page(name(example, lang), page(example, lang, permalinks=True))
    closed = settled(browser, lambda rows: all(row[2] == "until-found" for row in rows))
    assert not any(shown(row) for row in closed)
    with media(browser, "print"):
        assert all(shown(row) for row in settled(browser, lambda rows: all(map(shown, rows))))
        controls = browser.find_elements(By.CSS_SELECTOR, ".dsfr-accordion-show-all")
        assert not any(control.is_displayed() for control in controls)


def question_ids(html: str) -> list[str]:
    return [part.split('"')[0] for part in html.split('class="fr-h6 fr-mt-3w" id="')[1:]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_link_to_a_question_opens_its_panel_and_focuses_it(
    browser_session, browser, serve, base_url, lang
):
    html = page(CLOUD, lang)
    target = question_ids(html)[-2]  # in the last panel
    serve(name(CLOUD, lang), html)
    assert browser_session.open(f"{base_url}/{name(CLOUD, lang)}#{target}") is None
    assert browser_session.wait_for_dsfr()
    rows = settled(browser, lambda rows: rows[-1][1] == "true")
    assert [row[1] for row in rows] == ["false", "false", "false", "true"]
    assert shown(rows[-1])
    WebDriverWait(browser, 5).until(
        lambda b: b.execute_script("return document.activeElement.id") == target
    )
    # Later in the same page: a link to a question of another panel (hashchange).
    other = question_ids(html)[0]
    browser.execute_script("location.hash = arguments[0]", other)
    rows = settled(browser, lambda rows: rows[0][1] == "true")
    assert [row[1] for row in rows] == ["true", "false", "false", "true"]
    WebDriverWait(browser, 5).until(
        lambda b: b.execute_script("return document.activeElement.id") == other
    )


def test_a_link_to_a_panel_opens_it_and_focuses_its_button(
    browser_session, browser, serve, base_url
):
    serve("panel-link.html", page(CLOUD))
    assert browser_session.open(f"{base_url}/panel-link.html#shom") is None
    rows = settled(browser, lambda rows: rows[2][1] == "true")
    assert [row[1] for row in rows] == ["false", "false", "true", "false"]
    WebDriverWait(browser, 5).until(
        lambda b: (
            b.execute_script("return document.activeElement.getAttribute('aria-controls')")
            == "shom"
        )
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_find_in_page_opens_the_panel_of_a_match(browser, open_page, base_url, lang):
    open_page(name(CLOUD, lang), page(CLOUD, lang))
    rows = settled(browser, lambda rows: all(row[2] == "until-found" for row in rows))
    assert not any(shown(row) for row in rows)
    # A text fragment goes through the browser's own find-in-page: it searches the
    # until-found panels and fires beforematch at the one holding the match.
    browser.get(f"{base_url}/{name(CLOUD, lang)}#:~:text=SecNumCloud")
    rows = settled(browser, lambda rows: any(row[1] == "true" for row in rows))
    opened = [row for row in rows if row[1] == "true"]
    assert opened and all(shown(row) and row[2] is None for row in opened)
    assert all(row[2] == "until-found" for row in rows if row[1] == "false")
    # The browser scrolled to the match where it stays: the panel was shown at once.
    assert browser.execute_script(MATCH_IN_VIEW, opened[0][0], "SecNumCloud")


def test_beforematch_on_a_closed_panel_opens_it_through_the_dsfr_js(browser, open_page):
    open_page("beforematch.html", page(CLOUD))
    settled(browser, lambda rows: rows[1][2] == "until-found")
    browser.execute_script("document.getElementById('ans').dispatchEvent(new Event('beforematch'))")
    rows = settled(browser, lambda rows: rows[1][1] == "true" and shown(rows[1]))
    assert rows[1][2] is None
    # Closed again by its button, it is until-found again.
    browser.find_element(By.CSS_SELECTOR, "[aria-controls=ans]").click()
    rows = settled(browser, lambda rows: rows[1][1] == "false" and rows[1][2] == "until-found")
    assert not shown(rows[1])


# Asynchronous: follows a link to the element arguments[0] (location.hash), then
# resolves, once it has the focus, with whether the DSFR JS still has its panel
# "collapsing" (null if it never gets the focus).
FOCUSED_WHILE_COLLAPSING = """
const [id, done] = arguments;
const target = document.getElementById(id);
const panel = target.closest('.fr-collapse');
const start = performance.now();
location.hash = id;
const step = () => {
  if (document.activeElement === target) done(panel.classList.contains('fr-collapsing'));
  else if (performance.now() - start > 3000) done(null);
  else requestAnimationFrame(step);
};
step();
"""

# The start of the asynchronous scripts below (arguments: a panel's id, done): the
# panel, its button, open(), still() (the DSFR JS done with it), found() (it is
# hidden="until-found") and then(test, next), which runs next() at the first animation
# frame where test() holds (done(null) after 3 s).
PANEL_PRELUDE = """
const [id, done] = arguments;
const panel = document.getElementById(id);
const button = document.querySelector(`[aria-controls="${id}"]`);
const start = performance.now();
const open = () => panel.classList.contains('fr-collapse--expanded');
const still = () => !panel.classList.contains('fr-collapsing');
const found = () => panel.getAttribute('hidden') === 'until-found';
const then = (test, next) => {
  const step = () => {
    if (test()) next();
    else if (performance.now() - start > 3000) done(null);
    else requestAnimationFrame(step);
  };
  step();
};
"""

# Once the DSFR JS is done with the open panel, closes it with its button; resolves,
# once it is hidden="until-found", with whether the DSFR JS still has it "collapsing".
UNTIL_FOUND_WHILE_COLLAPSING = (
    PANEL_PRELUDE
    + """
then(still, () => {
  button.click();
  then(found, () => done(!still()));
});
"""
)

# Opens the panel, then closes it before the DSFR JS is done opening it (a new collapse
# while the last one runs); resolves, once it is hidden="until-found", with whether the
# DSFR JS still has it "collapsing".
CLOSED_WHILE_OPENING = (
    PANEL_PRELUDE
    + """
button.click();
then(open, () => {
  button.click();
  then(found, () => done(!still()));
});
"""
)

# Once the panel is still, opens it, lets it come to rest, closes it and, once it is
# hidden="until-found", opens it again before the DSFR JS is done closing it; resolves
# with [whether the attribute came back on it while it was opening again, its hidden
# attribute once open].
OPENED_WHILE_CLOSING = (
    PANEL_PRELUDE
    + """
then(still, () => {
  button.click();
  then(() => open() && still(), () => {
    button.click();
    then(found, () => {
      let hiddenAgain = false;
      new MutationObserver(() => {
        hiddenAgain ||= !open() && found();
      }).observe(panel, {attributes: true, attributeFilter: ['hidden']});
      button.click();
      then(open, () => done([hiddenAgain, panel.getAttribute('hidden')]));
    });
  });
});
"""
)


def test_a_panel_closed_or_opened_again_before_the_dsfr_js_is_done_stays_in_step(
    browser, open_page
):
    # The DSFR JS starts a collapse while the last one still runs (500 ms under reduced
    # motion): closed so, the panel is until-found at once; opened so, never again.
    open_page("restart.html", page(CLOUD))
    settled(browser, lambda rows: rows[1][2] == "until-found")
    assert browser.execute_async_script(CLOSED_WHILE_OPENING, "ans") is True
    assert browser.execute_async_script(OPENED_WHILE_CLOSING, "ans") == [False, None]


def test_without_motion_a_link_focuses_and_a_closed_panel_is_found_at_once(browser, open_page):
    # Under reduced motion a panel does not move: the DSFR JS keeps it "collapsing"
    # 500 ms after its state changed, waiting for a transition that never comes; the
    # module does not wait with it.
    html = page(CLOUD)
    target = question_ids(html)[-2]
    open_page("no-motion.html", html)
    assert browser.execute_async_script(FOCUSED_WHILE_COLLAPSING, target) is True
    assert browser.execute_async_script(UNTIL_FOUND_WHILE_COLLAPSING, "cancerologie") is True


def test_with_motion_a_link_focuses_once_the_panel_is_done_moving(browser, open_page):
    # The focus scrolls the question into view: during the transition, to where it was.
    html = page(CLOUD)
    target = question_ids(html)[-2]
    with_motion = [{"name": "prefers-reduced-motion", "value": "no-preference"}]
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": with_motion})
    try:
        open_page("motion.html", html)
        assert browser.execute_async_script(FOCUSED_WHILE_COLLAPSING, target) is False
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": REDUCED_MOTION})


def test_without_the_option_closed_panels_are_not_until_found(browser, open_page):
    open_page("no-find.html", page(CLOUD, find_in_page=False))
    # The module has brought the group in step (it shows the show-all button in the
    # same pass that gives closed panels hidden="until-found" when the feature is on).
    WebDriverWait(browser, 5).until(
        lambda b: b.find_element(By.CSS_SELECTOR, ".dsfr-accordion-show-all").is_displayed()
    )
    assert [row[2] for row in panels(browser)] == [None] * 4


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_show_all_opens_every_panel_then_hide_all_closes_them(browser, open_page, lang):
    show, hide = SHOW_ALL[lang]
    open_page(name(CLOUD, lang), page(CLOUD, lang))
    button = browser.find_element(By.CSS_SELECTOR, ".dsfr-accordion-show-all button")
    WebDriverWait(browser, 5).until(lambda b: button.is_displayed())
    assert (button.text, button.get_attribute("aria-expanded")) == (show, "false")
    button.click()
    rows = settled(browser, lambda rows: all(row[1] == "true" and shown(row) for row in rows))
    assert all(row[2] is None for row in rows)
    WebDriverWait(browser, 5).until(lambda b: button.text == hide)
    assert button.get_attribute("aria-expanded") == "true"
    # The keyboard: Enter on the focused button hides them all.
    button.send_keys(Keys.ENTER)
    rows = settled(browser, lambda rows: all(row[1] == "false" for row in rows))
    WebDriverWait(browser, 5).until(lambda b: button.text == show)
    assert button.get_attribute("aria-expanded") == "false"
    assert browser.execute_script("return document.activeElement") == button
    # Every panel opened one by one: the button says so too.
    for toggle in browser.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn"):
        toggle.click()
    WebDriverWait(browser, 5).until(lambda b: button.get_attribute("aria-expanded") == "true")
    assert button.text == hide


def test_show_all_is_not_rendered_for_a_grouped_accordion_or_when_turned_off():
    assert "dsfr-accordion-show-all" not in page(CLOUD, grouped=True)
    assert "dsfr-accordion-show-all" not in page(CLOUD, show_all=False)
    assert "dsfr-accordion-show-all" not in page(SAMU)  # one panel


@pytest.mark.parametrize(("example", "lang"), [(CLOUD, "fr"), (CLOUD, "en"), (SAMU, "fr")])
def test_axe_and_the_behaviour_checks_pass_with_every_enhancement_on(
    browser_session, site_root, example, lang
):
    path = site_root / f"audit-{name(example, lang)}"
    path.write_text(page(example, lang, permalinks=True), encoding="utf-8")
    findings = browser_session.audit_file(path, path.name, site_root)
    # axe-core's "needs review" (its colour contrast of the <h1>) is the DSFR page's,
    # with or without the enhancements; anything else, no.
    assert [
        f"{f.code}: {f.message()}"
        for f in findings
        if f.kind.severity is not Severity.INFO and f.code != "axe-incomplete"
    ] == []


# The browser audit checks the enhancements on any page that uses them (a site
# builder's copy of the module may be missing, stale or broken).

#: The library's module, and what breaks one feature of it in a copy.
MODULE = (STATIC / "dsfr-accordion.js").read_text(encoding="utf-8")
BREAKS = {
    "no-hashchange": ("window.addEventListener('hashchange', () => reveal(fragment()));", ""),
    "stale-label": ("button.textContent = button.getAttribute(", "button.textContent = ("),
    "no-until-found": ("panel.setAttribute('hidden', 'until-found');", ""),
    "no-beforematch": ("panel.addEventListener('beforematch'", "panel.addEventListener('x'"),
    "show-all-ignored": ("panels.forEach(open);", ""),
}


def enhancement_findings(session, site_root, html: str, file: str) -> list[str]:
    path = site_root / file
    path.write_text(html, encoding="utf-8")
    findings = session.audit_file(path, file, site_root)
    assert not [f for f in findings if f.code.startswith("page-")], findings
    return [f.message() for f in findings if f.code == "accordion-enhancement"]


def broken_module(site_root, change: str) -> str:
    """The page of the cloud example with a copy of the module broken by ``change``."""
    old, new = BREAKS[change]
    assert old in MODULE, "the module changed: update BREAKS"
    (site_root / "broken").mkdir(exist_ok=True)
    (site_root / "broken" / f"{change}.js").write_text(MODULE.replace(old, new), "utf-8")
    return page(CLOUD, permalinks=True).replace("dsfr/dsfr-accordion.js", f"broken/{change}.js")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            # The browser's own scroll to the fragment fires beforematch at the closed,
            # until-found panel, and the module opens it: the focus is what is missing.
            "no-hashchange",
            "enhancement link, #geoplateforme-pouvez-vous-decrire-brievement-le-projet: "
            "a link to it did not move the focus there",
        ),
        (
            "stale-label",
            "enhancement show-all, #geoplateforme: "
            "the show all button does not say what it does next",
        ),
        (
            "no-until-found",
            "enhancement find-in-page, #geoplateforme: closed, it is not hidden until found",
        ),
        (
            "no-beforematch",
            "enhancement find-in-page, #geoplateforme: a beforematch event did not open it",
        ),
        (
            "show-all-ignored",
            "enhancement show-all, #geoplateforme: show all did not open every panel",
        ),
    ],
)
def test_the_browser_audit_catches_a_broken_copy_of_the_module(
    browser_session, site_root, change, expected
):
    html = broken_module(site_root, change)
    found = enhancement_findings(browser_session, site_root, html, f"broken-{change}.html")
    assert found == [expected]


def test_the_browser_audit_catches_a_missing_module_and_stylesheet(browser_session, site_root):
    html = page(CLOUD)
    without_module = html.replace(
        '<script type="module" src="dsfr/dsfr-accordion.js"></script>\n', ""
    )
    assert without_module != html
    assert enhancement_findings(browser_session, site_root, without_module, "no-module.html") == [
        "enhancement find-in-page, #geoplateforme: closed, it is not hidden until found",
        "enhancement link, #geoplateforme-pouvez-vous-decrire-brievement-le-projet: "
        "a link to it did not open its panel",
        "enhancement show-all, #geoplateforme: the show all button is not shown",
    ]
    without_css = html.replace('<link rel="stylesheet" href="dsfr/dsfr-accordion.css">\n', "")
    assert without_css != html
    panels = ("geoplateforme", "ans", "shom", "cancerologie")
    assert enhancement_findings(browser_session, site_root, without_css, "no-css.html") == [
        *(f"enhancement print, #{panel}: it is hidden in print" for panel in panels),
        *(
            f"enhancement open-without-js, #{panel}: it is hidden without JavaScript"
            for panel in panels
        ),
    ]


def test_the_enhancement_checks_put_the_page_back(browser, open_page, browser_session):
    open_page("put-back.html", page(CLOUD, permalinks=True))
    before = settled(browser, lambda rows: all(row[2] == "until-found" for row in rows))
    address = browser.current_url
    assert enhancements.check_enhancements(
        browser, browser_session.devtools, "put-back.html", 3
    ) == ([], [0])
    assert browser.current_url == address
    after = settled(browser, lambda rows: all(row[2] == "until-found" for row in rows))
    assert after == before
    assert browser.execute_script("return document.activeElement === document.body")


def test_on_a_page_opened_in_full_show_all_hides_then_shows(
    browser, open_page, browser_session, site_root
):
    # Every panel open at load: the button says "hide all", and the check follows it.
    html = page(CLOUD, open="all")
    assert enhancement_findings(browser_session, site_root, html, "all-open.html") == []
    open_page("all-open-direct.html", html)
    assert enhancements.check_enhancements(
        browser, browser_session.devtools, "all-open-direct.html", 3
    ) == ([], [0])
    rows = settled(browser, lambda rows: all(row[1] == "true" for row in rows))
    assert all(shown(row) for row in rows)
    assert browser.execute_script("return document.activeElement === document.body")


def test_the_enhancement_checks_say_french(browser_session, site_root):
    html = broken_module(site_root, "no-beforematch")
    path = site_root / "broken-fr.html"
    path.write_text(html, encoding="utf-8")
    (finding,) = [
        f
        for f in browser_session.audit_file(path, path.name, site_root)
        if f.code == "accordion-enhancement"
    ]
    assert finding.message("fr") == (
        "amélioration find-in-page, #geoplateforme\u202f: "
        "un événement beforematch ne l’a pas ouvert"
    )


def test_a_print_stylesheet_that_hides_until_found_panels_is_caught(browser_session, site_root):
    css = (STATIC / "dsfr-accordion.css").read_text(encoding="utf-8")
    rule = (
        '[data-dsfr-accordion] > .fr-accordion > .fr-collapse[hidden="until-found"] {\n'
        "    content-visibility: visible;\n  }"
    )
    assert rule in css, "the stylesheet changed: update this test"
    (site_root / "broken").mkdir(exist_ok=True)
    (site_root / "broken" / "no-print.css").write_text(css.replace(rule, ""), "utf-8")
    html = page(CLOUD).replace("dsfr/dsfr-accordion.css", "broken/no-print.css")
    assert enhancement_findings(browser_session, site_root, html, "no-print.html") == [
        f"enhancement print, #{panel}: it is hidden in print"
        for panel in ("geoplateforme", "ans", "shom", "cancerologie")
    ]


def test_groups_hidden_at_load_and_odd_ids_are_left_alone(browser_session, site_root):
    html = page(CLOUD)
    without_module = html.replace(
        '<script type="module" src="dsfr/dsfr-accordion.js"></script>\n', ""
    )
    # Hidden at load: nothing of it is checked (its buttons are reported as not tested).
    hidden = without_module.replace(
        '<div class="fr-accordions-group"', '<div hidden><div class="fr-accordions-group"', 1
    ).replace("</main>", "</div></main>", 1)
    assert enhancement_findings(browser_session, site_root, hidden, "hidden-group.html") == []
    # An element with an empty or a repeated id is no link target; the checks go on.
    odd = html.replace('id="geoplateforme-pouvez-vous-decrire-brievement-le-projet"', 'id=""', 1)
    assert 'id=""' in odd
    assert enhancement_findings(browser_session, site_root, odd, "odd-ids.html") == []
