"""Hostile content: every payload of tests/corpus/xss.txt through every entry, checked in the
markup and, in headless Chromium with the real DSFR JS, by whether anything ran.
"""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from selenium.webdriver.common.by import By

import dsfr_accordion
from dsfr_accordion import ContentError, DsfrAccordionError, render, render_page, ui
from dsfr_accordion.environments import environment
from dsfr_accordion.i18n import catalogs
from dsfr_accordion.mofile import mo_bytes
from dsfr_accordion.syntax import SAFE_ID
from tests.accordion_contract import contract_problems
from tests.conftest import ROOT, parse_html, run_cli
from tests.test_i18n_content import set_translations

CORPUS = Path(__file__).parent / "corpus" / "xss.txt"
PAYLOADS = [
    line
    for line in CORPUS.read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("# ")
]

# Elements no rendered page may hold, whatever the content says.
FORBIDDEN = {
    "iframe",
    "object",
    "embed",
    "form",
    "input",
    "select",
    "textarea",
    "svg",
    "math",
    "base",
    "img",
    "video",
    "audio",
    "marquee",
    "details",
    "template",
    "noscript",
    "style",
    "frame",
}
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "data", "xlink:href"}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]+")

# Counts alert/confirm/prompt calls and exposes the sentinel payloads set.
HOOK = """
window.__xss = 0;
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = () => { window.__xss += 1; };
}
"""


def test_the_corpus_is_large_and_varied():
    assert len(PAYLOADS) >= 60
    assert len(set(PAYLOADS)) == len(PAYLOADS)


def assert_safe(html: str, *, page: bool = True) -> None:
    """The markup is well formed, keeps the accordion contract and can run nothing."""
    tree, errors = parse_html(html, fragment=not page)
    assert errors == []
    assert contract_problems(tree) == []
    scripts = [e for e in tree.iter("script")]
    assert all(
        s.get("src", "").endswith((".module.min.js", ".nomodule.min.js", "/dsfr-accordion.js"))
        for s in scripts
    )
    assert all(not (s.text or "").strip() for s in scripts)
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        assert tag.split("}")[-1] not in FORBIDDEN, tag
        assert "style" not in element.attrib
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            if name in URL_ATTRIBUTES:
                cleaned = _INVISIBLE.sub("", value).lower()
                assert not cleaned.startswith(("javascript:", "vbscript:", "data:")), value
    if "{{ 7*7 }}" in html:
        assert "49" not in "".join(tree.itertext())


def hostile_yaml(payload: str) -> str:
    return yaml.safe_dump(
        {
            "title": payload,
            "testimonials": [
                {
                    "title": payload,
                    "organisation": payload,
                    "author": payload,
                    "role": payload,
                    "intro": payload,
                    "items": [
                        {"question": payload, "answer": payload},
                        {"question": "Citation ?", "answer": f"> {payload}\n\n- {payload}"},
                    ],
                }
            ],
        },
        allow_unicode=True,
    )


def hostile_markdown(payload: str) -> str:
    front = yaml.safe_dump({"title": payload}, allow_unicode=True)
    return (
        f"---\n{front}---\n\n## {payload}\n\n{payload}\n\n### {payload}\n\n{payload}\n\n"
        f"### Citation ?\n\n> {payload}\n\n- {payload}\n"
    )


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("suffix", "make"), [(".yaml", hostile_yaml), (".md", hostile_markdown)])
def test_content_files_cannot_inject(tmp_path: Path, payload: str, suffix: str, make) -> None:
    path = tmp_path / f"hostile{suffix}"
    path.write_text(make(payload), encoding="utf-8")
    try:
        document = dsfr_accordion.load(path)
    except ContentError as error:
        assert error.location is not None  # refused with a place, never a traceback
        return
    assert_safe(render_page(document))
    assert_safe(render(document), page=False)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_explicit_ids_are_refused_unless_safe(tmp_path: Path, payload: str) -> None:
    document = yaml.safe_load(hostile_yaml("Titre"))
    document["testimonials"][0]["id"] = payload
    path = tmp_path / "ids.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    if SAFE_ID.match(payload):
        assert_safe(render_page(dsfr_accordion.load(path)))
        return
    with pytest.raises(ContentError) as caught:
        dsfr_accordion.load(path)
    assert caught.value.code == "invalid-id"


@pytest.fixture
def translated_content(tmp_path: Path) -> Path:
    path = tmp_path / "contenu.yaml"
    path.write_text(
        "title: Titre\ntestimonials:\n  - title: Projet\n    role: rôle\n    items:\n"
        "      - question: Question ?\n        answer: |\n          Une *réponse*.\n\n"
        "          > Une citation.\n",
        encoding="utf-8",
    )
    catalogs.update(dsfr_accordion.load(path), path, "en")
    return path


@pytest.mark.parametrize("payload", PAYLOADS)
def test_content_translations_are_refused_or_neutralised(translated_content: Path, payload):
    po = translated_content.parent / "locales" / "en" / "LC_MESSAGES" / "contenu.po"
    with po.open("rb") as stream:
        keys = [(m.context, m.id) for m in read_po(stream) if m.id]
    set_translations(po, dict.fromkeys(keys, payload.replace("\\", "\\\\")))
    document = dsfr_accordion.load(translated_content)
    try:
        catalogue = dsfr_accordion.load_translations(document, "en")
        html = render_page(
            document, lang="en", translations=dsfr_accordion.translate(document, catalogue)
        )
    except DsfrAccordionError as error:
        assert error.code in ("bad-translation", "po-syntax")
        assert error.location is not None and error.location.line
        return
    assert_safe(html)


@pytest.fixture
def hostile_ui_catalogue(monkeypatch: pytest.MonkeyPatch):
    """A real French UI catalogue whose every translation is a payload, in turn."""

    def install(payload: str) -> None:
        with (ROOT / "locales" / "dsfr_accordion.pot").open("rb") as stream:
            template = read_po(stream)
        catalog = Catalog(locale="fr")
        for message in template:
            if message.id and not message.pluralizable:
                catalog.add(message.id, payload)
        hostile = gettext.GNUTranslations(io.BytesIO(mo_bytes(catalog)))
        monkeypatch.setattr(ui, "translations", lambda lang: hostile)
        environment.cache_clear()

    yield install
    environment.cache_clear()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_ui_translations_cannot_inject(hostile_ui_catalogue, payload):
    hostile_ui_catalogue(payload)
    document = dsfr_accordion.load(ROOT / "examples" / "si-samu.md")
    html = render_page(document, alternates={"fr": "fr.html", "en": "en.html"})
    assert_safe(html)


# --- In the browser: nothing runs -----------------------------------------------------------


def _all_payloads_document() -> dsfr_accordion.Document:
    """One page holding every payload as titles, questions and answers."""
    testimonials = []
    for number, payload in enumerate(PAYLOADS, start=1):
        testimonials.append(
            dsfr_accordion.Testimonial(
                title=payload,
                organisation=payload,
                items=(
                    dsfr_accordion.Item(
                        payload,
                        (
                            dsfr_accordion.Paragraph(payload),
                            dsfr_accordion.Quote((dsfr_accordion.Paragraph(payload),)),
                        ),
                    ),
                ),
                id=f"p{number}",
            )
        )
    return dsfr_accordion.Document(title="XSS", testimonials=tuple(testimonials))


@pytest.mark.browser
def test_no_payload_runs_in_the_browser(browser, open_page):
    html = render_page(_all_payloads_document(), dsfr_base="dsfr")
    assert_safe(html)
    hook = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    try:
        open_page("xss.html", html)
        for button in browser.find_elements(By.CSS_SELECTOR, ".fr-accordion__btn"):
            browser.execute_script("arguments[0].click()", button)
        assert browser.execute_script("return window.__xss") == 0
        assert browser.execute_script("return document.title") == "XSS"
    finally:
        browser.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": hook["identifier"]}
        )


def hostile_legacy_page(payload: str) -> str:
    """A Foundation-style legacy page with ``payload`` as raw HTML everywhere text goes."""
    return (
        '<div class="accordion-item">\n'
        f'<button class="accordion-title" aria-controls="p1">Titre {payload}</button>\n'
        '<div class="accordion-content" id="p1">\n'
        f"<p><strong>Question {payload} ?</strong></p>\n<p>Réponse {payload}</p>\n"
        f"<ul><li>Point {payload}</li></ul>\n</div>\n</div>\n"
    )


@pytest.mark.filterwarnings("ignore::dsfr_accordion.ImportReportWarning")
@pytest.mark.parametrize("payload", PAYLOADS)
def test_legacy_html_import_cannot_inject(tmp_path: Path, payload: str):
    path = tmp_path / "ancienne.html"
    path.write_text(hostile_legacy_page(payload), encoding="utf-8")
    try:
        document = dsfr_accordion.load(path)
    except ContentError as error:
        assert error.location is not None
        return
    assert_safe(render_page(document))


def test_deeply_nested_html_is_refused_with_its_place(tmp_path: Path):
    depth = 5000
    path = tmp_path / "profond.html"
    path.write_text(
        hostile_legacy_page("x").replace(
            "<p>Réponse x</p>", "<div>" * depth + "texte" + "</div>" * depth
        ),
        encoding="utf-8",
    )
    result = run_cli("import", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:")
    assert "nested more than 200 deep" in result.stderr
    assert "Traceback" not in result.stderr


def test_deep_nesting_is_refused_before_the_html_parser_runs(monkeypatch: pytest.MonkeyPatch):
    """50,000 nested <div> took minutes in html5lib's tree construction (quadratic in the
    depth): the linear scan refuses them first, at the element the tree walk names."""
    import html5lib  # noqa: PLC0415 - patched to prove it is not reached

    from dsfr_accordion.legacy import import_page  # noqa: PLC0415

    page = "\n" + "<div>" * 50_000 + "<details><summary>Q</summary>R</details>"
    monkeypatch.setattr(html5lib, "HTMLParser", lambda *a, **k: pytest.fail("parsed"))
    with pytest.raises(ContentError) as caught:
        import_page(page, "deep.html")
    # The 2,001st <div>: the scan refuses at ten times the limit (its count is an
    # estimate); the limit itself is checked exactly on the tree.
    assert str(caught.value).startswith("deep.html:2:10001: error: elements are nested more")


def test_the_tree_refuses_the_first_element_past_the_limit():
    from dsfr_accordion.legacy import import_page  # noqa: PLC0415

    # 150 <div> then 60 <section>: under the scan's bound, refused on the tree, where
    # <html> and <body> are the first two levels: at the 49th <section>.
    page = "<div>" * 150 + "\n" + "<section>" * 60 + "<details><summary>Q</summary>R</details>"
    with pytest.raises(ContentError) as caught:
        import_page(page, "deep.html")
    assert str(caught.value).startswith("deep.html:2:433: error:")


def test_unclosed_inline_elements_that_a_browser_closes_are_not_refused():
    from dsfr_accordion.legacy import import_page  # noqa: PLC0415

    # 400 paragraphs each with an unclosed <span>: the scan counts 400, the tree is flat.
    page = "".join(f"<p><span>texte {n}" for n in range(400))
    result = import_page(page + "<details><summary>Q</summary>R</details>", "spans.html")
    assert len(result.document.testimonials) == 1


def test_many_elements_that_close_themselves_are_not_nesting():
    from dsfr_accordion.legacy import import_page  # noqa: PLC0415

    flat = "<p>x" * 1000 + "<li>y" * 1000 + "<a href=x>z" * 1000 + "<br>" * 1000
    result = import_page(flat + "<details><summary>Q</summary>R</details>", "flat.html")
    assert len(result.document.testimonials) == 1


# --- work limits: text whose parse would cost far more than its size ------------------------


def test_marks_past_the_limit_are_refused_before_parsing_at_their_line(write):
    from dsfr_accordion.richtext import MAX_MARKS  # noqa: PLC0415

    allowed = "*a* " * (MAX_MARKS // 2)
    path = write("ok.md", f"---\ntitle: T\n---\n## A\n### Q ?\n{allowed}\n")
    assert dsfr_accordion.load(path).testimonials[0].items[0].answer
    over = write("over.md", f"---\ntitle: T\n---\n## A\n### Q ?\nTexte.\n\n{allowed}*b*\n")
    result = run_cli("render", str(over))
    assert result.returncode == 2
    # At the mark past the limit: the first '*' of '*b*', after 5,000 '*a* '.
    assert result.stderr.startswith(f"{over}:8:20001: error: this text holds more than 10000")


def test_a_yaml_file_is_limited_whole_not_field_by_field(write):
    from dsfr_accordion.richtext import MAX_MARKS  # noqa: PLC0415

    third = "*a* " * (MAX_MARKS // 6 + 1)  # each answer under the limit, the three over it
    items = "".join(f"      - question: Q{n} ?\n        answer: '{third}'\n" for n in range(3))
    path = write("many.yaml", f"title: T\ntestimonials:\n  - title: A\n    items:\n{items}")
    with pytest.raises(ContentError, match="more than 10000 emphasis"):
        dsfr_accordion.load(path)


def test_quotes_nested_past_the_limit_are_refused(write):
    from dsfr_accordion.richtext import MAX_QUOTE_DEPTH  # noqa: PLC0415

    deep = "> " * MAX_QUOTE_DEPTH  # parsed, then refused as content: quotes do not nest
    path = write("ok.md", f"---\ntitle: T\n---\n## A\n### Q ?\n{deep}citation\n")
    with pytest.raises(ContentError, match="a quote inside a quote"):
        dsfr_accordion.load(path)
    over = write("deep.md", f"---\ntitle: T\n---\n## A\n### Q ?\n{'>' * 50_000} x\n")
    with pytest.raises(ContentError, match="quotes are nested more than 10 deep") as caught:
        dsfr_accordion.load(over)
    assert str(caught.value).startswith(f"{over}:6:11: ")  # the 11th '>'
