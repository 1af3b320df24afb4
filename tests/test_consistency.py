"""The same input gets the same verdict from every command (dsfr_accordion.syntax).

One table per question (URL schemes, language tags, ids, event handlers), fed to
the content loaders, the sanitizer, ``import`` and ``check``: where one of them
calls a value unsafe or invalid, so do the others.
"""

from __future__ import annotations

import html

import pytest

from dsfr_accordion import syntax
from dsfr_accordion.audit.static import audit_text
from dsfr_accordion.errors import ContentError
from dsfr_accordion.ids import id_problem
from dsfr_accordion.legacy import import_page
from dsfr_accordion.loaders import load
from dsfr_accordion.rendering import render
from dsfr_accordion.sanitize import clean_inline
from tests.conftest import hrefs

#: (URL, whether following or loading it runs a script).
URLS = [
    ("javascript:alert(1)", True),
    ("  JavaScript:alert(1)", True),
    ("java\nscript:alert(1)", True),
    ("java\tscript:alert(1)", True),
    ("\x01javascript:alert(1)", True),
    ("vbscript:msgbox(1)", True),
    ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", True),
    ("DATA:image/svg+xml;base64,PHN2Zz4=", True),
    ("data: Application/XHTML+XML ;charset=utf-8,x", True),
    ("data:image/png;base64,iVBORw0KGgo=", False),
    ("data:,hello", False),
    ("https://example.fr/javascript:alert(1)", False),
    ("javascript-guide.html", False),
    ("#javascript:alert(1)", False),
    ("//example.fr/page", False),
    ("mailto:contact@example.fr", False),
]

#: (language tag, whether it is one).
LANGUAGE_TAGS = [
    ("fr", True),
    ("en-GB", True),
    ("zh-Hant-TW", True),
    ("gsw", True),
    ("x-klingon", False),
    ("i-klingon", False),
    ("fr_FR", False),
    ("f", False),
    ("français", False),
    ("fr-", False),
    ("en-abcdefghi", False),
]

#: (id, whether the DSFR JavaScript takes it as it is).
IDS = [
    ("geoplateforme", True),
    ("a-b_c1", True),
    ("Z", True),
    ("1abc", False),
    ("a b", False),
    ("équipe", False),
    ("a:b", False),
    ("a.b", False),
    ("-a", False),
]

#: (attribute, whether it is an inline event handler).
ATTRIBUTES = [
    ("onclick", True),
    ("ONCLICK", True),
    ("onmouseover", True),
    ("data-onclick", False),
    ("title", False),
]

LEGACY_PAGE = """<!doctype html>
<html lang="{lang}"><head><title>t</title></head><body>
<div class="accordion">
  <button aria-expanded="false" aria-controls="{id}" {attribute}="x()">Une question ?</button>
  <div id="{id}"><p>Une réponse avec <a href="{url}">un lien</a>.</p></div>
</div>
</body></html>
"""


def legacy_page(
    *, url: str = "https://example.fr", lang: str = "fr", id: str = "p1", attribute: str = "title"
) -> str:
    return LEGACY_PAGE.format(
        url=html.escape(url), lang=html.escape(lang), id=html.escape(id), attribute=attribute
    )


def import_codes(page: str) -> list[str]:
    return [finding.code for finding in import_page(page, "legacy.html").report.findings]


def check_rules(page: str) -> list[str]:
    return [finding.code for finding in audit_text(page, "page.html").findings]


@pytest.mark.parametrize(("url", "runs_a_script"), URLS)
def test_a_url_gets_one_verdict(url: str, runs_a_script: bool):
    assert syntax.is_script_url(url) is runs_a_script
    page = legacy_page(url=url)
    assert ("javascript-url" in check_rules(page)) is runs_a_script
    assert ("unsafe-url" in import_codes(page)) is runs_a_script
    link = clean_inline(f'<a href="{html.escape(url)}">x</a>')
    if runs_a_script:
        assert "href" not in link, link  # what the sanitizer keeps, content never holds
        imported = render(import_page(page, "legacy.html").document)
        assert "un lien" in imported
        assert not any(syntax.is_script_url(href) for href in hrefs(imported))


#: The URLs a Markdown link destination can hold (no white space or control character).
MARKDOWN_URLS = [(url, script) for url, script in URLS if url.isprintable() and " " not in url]


@pytest.mark.parametrize(("url", "runs_a_script"), MARKDOWN_URLS)
def test_a_markdown_link_that_runs_a_script_never_reaches_the_page(
    write, url: str, runs_a_script: bool
):
    path = write("content.md", f"---\ntitle: T\n---\n## A\n### Q ?\nVoir [le lien](<{url}>).\n")
    page = render(load(path))
    links = hrefs(page)
    assert not any(syntax.is_script_url(href) for href in links), links
    if runs_a_script:
        assert "le lien" in page


@pytest.mark.parametrize(("tag", "valid"), LANGUAGE_TAGS)
def test_a_language_tag_gets_one_verdict(write, tag: str, valid: bool):
    assert syntax.is_language_tag(tag) is valid
    path = write("content.yaml", f"title: T\nlang: '{tag}'\ntestimonials:\n  - title: A\n"
                 "    items:\n      - question: Q\n        answer: R\n")  # fmt: skip
    if valid:
        assert load(path).lang == tag
    else:
        with pytest.raises(ContentError, match="language tag"):
            load(path)
    checked = check_rules(f'<p lang="{html.escape(tag)}">Bonjour</p>')
    assert ("lang-invalid" in checked) is not valid
    assert ("invalid-lang" in import_codes(legacy_page(lang=tag))) is not valid


@pytest.mark.parametrize(("value", "safe"), IDS)
def test_an_id_gets_one_verdict(write, value: str, safe: bool):
    assert syntax.is_safe_id(value) is safe
    assert (id_problem(value) is None) is safe
    path = write("content.yaml", f"title: T\ntestimonials:\n  - title: A\n    id: '{value}'\n"
                 "    items:\n      - question: Q\n        answer: R\n")  # fmt: skip
    if safe:
        assert load(path).testimonials[0].id == value
    else:
        with pytest.raises(ContentError, match="invalid id"):
            load(path)
    accordion = (
        '<section class="fr-accordion"><h3 class="fr-accordion__title">'
        f'<button type="button" class="fr-accordion__btn" aria-expanded="false" '
        f'aria-controls="{html.escape(value)}">Q</button></h3>'
        f'<div class="fr-collapse" id="{html.escape(value)}"><p>R</p></div></section>'
    )
    assert ("accordion-unsafe-id" in check_rules(accordion)) is not safe
    assert ("unsafe-id" in import_codes(legacy_page(id=value))) is not safe


@pytest.mark.parametrize(("attribute", "handler"), ATTRIBUTES)
def test_an_event_handler_gets_one_verdict(attribute: str, handler: bool):
    assert syntax.is_event_handler(attribute) is handler
    page = legacy_page(attribute=attribute)
    assert ("accordion-inline-handler" in check_rules(page)) is handler  # on the toggle
    assert ("event-handler" in import_codes(page)) is handler
    imported = render(import_page(page, "legacy.html").document)
    assert "x()" not in imported


#: Pages with parse errors: a stray end tag, an element left open at the end.
BROKEN_PAGES = [
    "<!doctype html><html lang=fr><body><details><summary>Q</summary><p>R</p></span></details>",
    "<!doctype html><html lang=fr>\n<details><summary>Q</summary>\n<p>R <b>gras</details>\n"
    "<div>fin",
    "---\ntitle: T\n---\r\n<!doctype html><html lang=fr><body>\r\n<details><summary>Q</summary>"
    "</div><p>R</p></details>",
]


@pytest.mark.parametrize("page", BROKEN_PAGES)
def test_a_parse_error_is_placed_alike_by_import_and_check(page: str):
    """One reader with positions (dsfr_accordion.htmlsource): ``import`` and ``check``
    place the parse errors of a page at the same line and column."""
    checked = {
        (f.line, f.column)
        for f in audit_text(page, "page.html").findings
        if f.code == "parse-error"
    }
    imported = {
        (f.location.line, f.location.column)
        for f in import_page(page, "page.html").report.findings
        if f.code in ("stray-end-tag", "unclosed-element", "parse-error")
    }
    assert imported
    assert imported <= checked  # import leaves out the errors it does not report
