"""Rendering: the DSFR contract on the examples, every option, quotes, safety, determinism."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from markupsafe import Markup

import dsfr_accordion
from dsfr_accordion import (
    Attribution,
    Document,
    DsfrAccordionError,
    ForeignText,
    IdAllocator,
    Item,
    ListBlock,
    Paragraph,
    Quote,
    Testimonial,
)
from dsfr_accordion.assets import CDN_BASE, INTEGRITY
from dsfr_accordion.sanitize import Sanitized
from tests.accordion_contract import by_class, classes, contract_problems, text_of
from tests.conftest import EXAMPLES, FIXTURES, parse_html

CLOUD = EXAMPLES / "temoignages-cloud.yaml"
SAMU = EXAMPLES / "si-samu.md"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def panel_words(panel) -> list[str]:
    """The words a reader finds in a panel, without the quotes' captions (added attribution)."""
    for figure in panel.iter("figure"):
        for caption in list(figure.iter("figcaption")):
            figure.remove(caption)
    return words(text_of(panel))


def doc(*testimonials: Testimonial, lang: str = "fr") -> Document:
    return Document(title="Titre", testimonials=testimonials, lang=lang)


def entry(title: str = "Projet", *, answer=None, **fields) -> Testimonial:
    answer = answer or (Paragraph("Réponse."),)
    return Testimonial(title=title, items=(Item("Question ?", answer),), **fields)


def fragment_tree(html: str):
    tree, errors = parse_html(html, fragment=True)
    assert errors == []
    return tree


# --- The examples: acceptance of the foundation issue -------------------------------------


@pytest.mark.parametrize("example", [CLOUD, SAMU], ids=["yaml", "markdown"])
def test_example_page_is_valid_and_keeps_the_dsfr_contract(example: Path):
    html = dsfr_accordion.render_page(dsfr_accordion.load(example))
    tree, errors = parse_html(html)
    assert errors == []
    assert contract_problems(tree) == []
    assert "onclick" not in html


def test_cloud_page_has_four_sections_with_the_seed_titles():
    tree, _ = parse_html(dsfr_accordion.render_page(dsfr_accordion.load(CLOUD)))
    sections = by_class(tree, "fr-accordion")
    assert [text_of(s.find(".//button")) for s in sections] == [
        "La Géoplateforme",
        "Les systèmes d’information de l’Agence du numérique en santé (ANS)",
        "Le Service hydrographique et océanographique de la marine (SHOM)",
        "La plateforme de données en cancérologie",
    ]
    assert [s.find(".//button").get("aria-controls") for s in sections] == [
        "geoplateforme",
        "ans",
        "shom",
        "cancerologie",
    ]


def test_cloud_page_holds_every_word_of_the_seed_in_order():
    source, _ = parse_html((EXAMPLES / "legacy" / "temoignages-cloud.html").read_text())
    expected = [words(text_of(panel)) for panel in by_class(source, "accordion-content")]
    tree, _ = parse_html(dsfr_accordion.render_page(dsfr_accordion.load(CLOUD)))
    rendered = [panel_words(panel) for panel in by_class(tree, "fr-collapse")]
    assert len(expected) == 4
    assert rendered == expected


def test_samu_page_holds_every_word_of_the_seed():
    source = (FIXTURES / "seeds" / "si-samu.source.txt").read_text()
    tree, _ = parse_html(dsfr_accordion.render_page(dsfr_accordion.load(SAMU)))
    (panel,) = by_class(tree, "fr-collapse")
    # Incises such as "précise Laurent Joubert" move before their quote: same words, same section.
    assert Counter(panel_words(panel)) == Counter(words(source))


def test_samu_quotes_are_dsfr_quotes_with_their_authors():
    tree, _ = parse_html(dsfr_accordion.render_page(dsfr_accordion.load(SAMU)))
    quotes = by_class(tree, "fr-quote")
    assert len(quotes) == 6
    authors = [text_of(by_class(q, "fr-quote__author")[0]) for q in quotes]
    laurent, nicolas = "Laurent Joubert", "Nicolas Duffour"
    assert authors == [laurent, laurent, laurent, nicolas, laurent, nicolas]
    for quote in quotes:
        assert quote.tag == "figure"
        text = "".join(quote.find("blockquote").itertext()).strip()
        assert text.startswith("«\u202f") and text.endswith("\u202f»")
        sources = [text_of(li) for li in by_class(quote, "fr-quote__source")[0]]
        assert sources[-1] == "Table ronde du 21 mai 2024 à SantExpo"


# --- Markup and options ---------------------------------------------------------------------


#: Every enhancement off: the DSFR accordion alone.
DSFR_ONLY = {"open_without_js": False, "find_in_page": False, "show_all": False}


def test_fragment_markup_is_exactly_the_dsfr_structure():
    html = dsfr_accordion.render(doc(entry("La Géoplateforme")), **DSFR_ONLY)
    assert html == Markup(
        '<div class="fr-accordions-group" data-fr-group="false">\n'
        '<section class="fr-accordion">\n'
        '<h3 class="fr-accordion__title"><button type="button" class="fr-accordion__btn" '
        'aria-expanded="false" aria-controls="la-geoplateforme">La Géoplateforme</button></h3>\n'
        '<div class="fr-collapse" id="la-geoplateforme">\n'
        '<h4 class="fr-h6 fr-mt-3w" id="la-geoplateforme-question">Question ?</h4>\n'
        "<p>Réponse.</p>\n"
        "</div>\n"
        "</section>\n"
        "</div>"
    )


def test_fragment_markup_with_the_enhancements():
    """By default the group names the enhancements for the library's stylesheet and module,
    and the show-all button waits, hidden, for the module; permalinks on request."""
    html = dsfr_accordion.render(doc(entry("A"), entry("B")), permalinks=True)
    assert html == Markup(
        '<div class="fr-accordions-group" data-fr-group="false" '
        'data-dsfr-accordion="open-without-js find-in-page show-all permalinks">\n'
        '<p class="dsfr-accordion-show-all fr-mb-2w" hidden><button type="button" '
        'class="fr-btn fr-btn--sm fr-btn--tertiary" aria-expanded="false" '
        'data-dsfr-accordion-show="Afficher toutes les sections" '
        'data-dsfr-accordion-hide="Masquer toutes les sections">'
        "Afficher toutes les sections</button></p>\n"
        '<section class="fr-accordion">\n'
        '<h3 class="fr-accordion__title"><button type="button" class="fr-accordion__btn" '
        'aria-expanded="false" aria-controls="a">A</button></h3>\n'
        '<div class="fr-collapse" id="a">\n'
        '<h4 class="fr-h6 fr-mt-3w" id="a-question">Question ?</h4>\n'
        '<p class="dsfr-accordion-permalink fr-mb-1w">'
        '<a class="fr-link fr-link--sm" href="#a-question">Lien vers cette question</a></p>\n'
        "<p>Réponse.</p>\n"
        "</div>\n"
        "</section>\n"
        '<section class="fr-accordion">\n'
        '<h3 class="fr-accordion__title"><button type="button" class="fr-accordion__btn" '
        'aria-expanded="false" aria-controls="b">B</button></h3>\n'
        '<div class="fr-collapse" id="b">\n'
        '<h4 class="fr-h6 fr-mt-3w" id="b-question">Question ?</h4>\n'
        '<p class="dsfr-accordion-permalink fr-mb-1w">'
        '<a class="fr-link fr-link--sm" href="#b-question">Lien vers cette question</a></p>\n'
        "<p>Réponse.</p>\n"
        "</div>\n"
        "</section>\n"
        "</div>"
    )


@pytest.mark.parametrize(
    ("options", "features", "show_all"),
    [
        ({}, "open-without-js find-in-page show-all", True),
        ({"grouped": True}, "open-without-js find-in-page", False),
        ({"open": "all"}, "open-without-js find-in-page show-all", True),
        ({"show_all": False, "find_in_page": False}, "open-without-js", False),
        (DSFR_ONLY, None, False),
    ],
)
def test_enhancement_options_name_their_features_on_the_group(options, features, show_all):
    tree = fragment_tree(dsfr_accordion.render(doc(entry("A"), entry("B")), **options))
    (group,) = by_class(tree, "fr-accordions-group")
    assert group.get("data-dsfr-accordion") == features
    controls = by_class(tree, "dsfr-accordion-show-all")
    assert len(controls) == show_all
    if options.get("open") == "all":  # every panel open: the button offers to hide them
        button = controls[0].find("button")
        assert (button.get("aria-expanded"), text_of(button)) == (
            "true",
            "Masquer toutes les sections",
        )


def test_a_page_linking_the_cdn_goes_without_the_enhancements():
    html = str(dsfr_accordion.render_page(doc(entry("A"), entry("B")), permalinks=True))
    assert "data-dsfr-accordion" not in html
    assert "dsfr-accordion-" not in html
    assert "dsfr-accordion.js" not in html
    local = str(dsfr_accordion.render_page(doc(entry("A"), entry("B")), dsfr_base="dsfr"))
    assert 'data-dsfr-accordion="open-without-js find-in-page show-all"' in local
    assert '<script type="module" src="dsfr/dsfr-accordion.js"></script>' in local
    off = str(dsfr_accordion.render_page(doc(entry("A")), dsfr_base="dsfr", **DSFR_ONLY))
    assert "dsfr-accordion" not in off


@pytest.mark.parametrize("level", [2, 3, 4, 5])
def test_heading_level_sets_titles_and_questions_one_below(level: int):
    tree = fragment_tree(dsfr_accordion.render(doc(entry()), heading_level=level))
    assert by_class(tree, "fr-accordion__title")[0].tag == f"h{level}"
    assert tree.find(f".//h{level + 1}") is not None
    assert text_of(tree.find(f".//h{level + 1}")) == "Question ?"


def test_heading_level_6_puts_questions_at_aria_level_7():
    tree = fragment_tree(dsfr_accordion.render(doc(entry()), heading_level=6))
    question = tree.find(".//p[@role='heading']")
    assert question.get("aria-level") == "7"
    assert text_of(question) == "Question ?"


@pytest.mark.parametrize("level", [1, 7, 0])
def test_heading_level_out_of_range_is_refused(level: int):
    with pytest.raises(DsfrAccordionError, match="heading level"):
        dsfr_accordion.render(doc(entry()), heading_level=level)


def test_page_defaults_to_level_2_under_its_h1_and_fragment_to_level_3():
    document = doc(entry())
    page, _ = parse_html(dsfr_accordion.render_page(document))
    assert by_class(page, "fr-accordion__title")[0].tag == "h2"
    fragment = fragment_tree(dsfr_accordion.render(document))
    assert by_class(fragment, "fr-accordion__title")[0].tag == "h3"


def _expanded(html: str) -> list[bool]:
    tree = fragment_tree(html)
    assert contract_problems(tree) == []
    return [b.get("aria-expanded") == "true" for b in by_class(tree, "fr-accordion__btn")]


THREE = doc(entry("Un"), entry("Deux", open=True), entry("Trois"))


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        (None, [False, True, False]),
        ("none", [False, False, False]),
        ("first", [True, False, False]),
        ("all", [True, True, True]),
    ],
)
def test_open_option_overrides_the_content_open_key(option, expected):
    assert _expanded(dsfr_accordion.render(THREE, open=option)) == expected


def test_unknown_open_state_is_refused():
    with pytest.raises(DsfrAccordionError, match="unknown open state 'some'"):
        dsfr_accordion.render(THREE, open="some")  # type: ignore[arg-type]


def test_grouped_and_independent_groups():
    grouped = fragment_tree(dsfr_accordion.render(THREE, grouped=True))
    assert by_class(grouped, "fr-accordions-group")[0].get("data-fr-group") == "true"
    independent = fragment_tree(dsfr_accordion.render(THREE))
    assert by_class(independent, "fr-accordions-group")[0].get("data-fr-group") == "false"


def test_grouped_refuses_several_open_panels():
    with pytest.raises(DsfrAccordionError, match="one panel at a time"):
        dsfr_accordion.render(THREE, grouped=True, open="all")
    two_open = doc(entry("Un", open=True), entry("Deux", open=True))
    with pytest.raises(DsfrAccordionError, match="2 testimonials are open"):
        dsfr_accordion.render(two_open, grouped=True)
    assert _expanded(dsfr_accordion.render(two_open, grouped=True, open="first")) == [True, False]


def test_id_prefix_and_reserved_ids():
    document = doc(entry("Projet"), entry("Autre", id="autre"))
    tree = fragment_tree(
        dsfr_accordion.render(document, id_prefix="faq-", reserved_ids=["faq-projet"])
    )
    assert [b.get("aria-controls") for b in by_class(tree, "fr-accordion__btn")] == [
        "faq-projet-2",
        "faq-autre",
    ]


def test_reserved_explicit_id_is_an_error():
    with pytest.raises(DsfrAccordionError, match="reserved by the host page"):
        dsfr_accordion.render(doc(entry(id="header")), reserved_ids=["header"])


def test_allocator_and_prefix_together_are_refused():
    with pytest.raises(DsfrAccordionError, match="IdAllocator"):
        dsfr_accordion.render(doc(entry()), ids=IdAllocator(), id_prefix="x-")


def test_several_documents_in_one_page_share_an_allocator():
    ids = IdAllocator(reserved=["contenu"])
    first = dsfr_accordion.render(doc(entry("Projet"), entry("Projet")), ids=ids)
    second = dsfr_accordion.render(doc(entry("Projet")), ids=ids)
    tree, errors = parse_html(f"<main>{first}{second}</main>", fragment=True)
    assert errors == []
    assert contract_problems(tree) == []
    assert [b.get("aria-controls") for b in by_class(tree, "fr-accordion__btn")] == [
        "projet",
        "projet-2",
        "projet-3",
    ]


def test_page_reserves_its_own_ids():
    document = doc(entry("Contenu"))
    tree, _ = parse_html(dsfr_accordion.render_page(document))
    assert contract_problems(tree) == []
    assert tree.find(".//main").get("id") == "contenu"
    assert tree.find(".//button").get("aria-controls") == "contenu-2"


def test_page_skeleton():
    html = dsfr_accordion.render_page(doc(entry()))
    assert html.startswith("<!doctype html>\n")
    tree, _ = parse_html(html)
    assert tree.get("lang") == "fr"
    assert tree.get("data-fr-scheme") == "system"
    assert text_of(tree.find(".//title")) == "Titre"
    assert text_of(tree.find(".//h1")) == "Titre"
    skip = tree.find(".//nav[@aria-label='Accès rapide']//a")
    assert skip.get("href") == "#contenu"
    assert text_of(skip) == "Contenu"
    assert tree.find(".//main").get("id") == "contenu"


def test_page_links_the_pinned_cdn_with_integrity():
    tree, _ = parse_html(dsfr_accordion.render_page(doc(entry())))
    css = tree.find(".//link[@rel='stylesheet']")
    assert css.get("href") == f"{CDN_BASE}/dsfr.min.css"
    assert css.get("integrity") == INTEGRITY["dsfr.min.css"]
    assert css.get("crossorigin") == "anonymous"
    scripts = {s.get("src"): s for s in tree.iter("script")}
    module = scripts[f"{CDN_BASE}/dsfr.module.min.js"]
    assert module.get("type") == "module"
    assert module.get("integrity") == INTEGRITY["dsfr.module.min.js"]
    nomodule = scripts[f"{CDN_BASE}/dsfr.nomodule.min.js"]
    assert "nomodule" in nomodule.attrib
    assert all(not (s.text or "").strip() for s in tree.iter("script"))


def test_page_links_local_copies_without_integrity():
    tree, _ = parse_html(dsfr_accordion.render_page(doc(entry()), dsfr_base="dsfr/"))
    assert tree.find(".//link[@rel='stylesheet']").get("href") == "dsfr/dsfr.min.css"
    assert tree.find(".//link[@rel='stylesheet']").get("integrity") is None
    assert [s.get("src") for s in tree.iter("script")] == [
        "dsfr/dsfr.module.min.js",
        "dsfr/dsfr.nomodule.min.js",
        "dsfr/dsfr-accordion.js",  # after the DSFR module: modules run in order
    ]
    styles = [link.get("href") for link in tree.iter("link") if link.get("rel") == "stylesheet"]
    assert styles == ["dsfr/dsfr.min.css", "dsfr/dsfr-accordion.css"]


def test_another_language_needs_a_catalogue():
    with (
        pytest.raises(DsfrAccordionError, match="catalogue of a document built in Python"),
        pytest.warns(DeprecationWarning),  # render loading it itself: going in 0.2
    ):
        dsfr_accordion.render(doc(entry()), lang="en")


# --- Quotes ---------------------------------------------------------------------------------


def _quote_html(quote: Quote, lang: str = "fr", **fields) -> str:
    return dsfr_accordion.render(doc(entry(answer=(quote,), **fields), lang=lang))


def test_quote_marks_follow_the_language():
    quote = Quote((Paragraph("Bonjour"),))
    assert '<p class="fr-text--lg">«\u202fBonjour\u202f»</p>' in _quote_html(quote, "fr")
    assert '<p class="fr-text--lg">“Bonjour”</p>' in _quote_html(quote, "en")
    assert '<p class="fr-text--lg">“Bonjour”</p>' in _quote_html(quote, "en-GB")


def test_quote_marks_wrap_the_whole_quote_across_blocks():
    quote = Quote((Paragraph("Un"), ListBlock(("a", "b"))))
    html = _quote_html(quote)
    assert '<p class="fr-text--lg">«\u202fUn</p>' in html
    assert "<li>a</li>" in html
    assert "<li>b\u202f»</li>" in html


def test_quote_marks_around_untranslated_list_items_keep_their_markup():
    # A fallback list item (ForeignText) is written once, inside its <span lang>,
    # with the marks outside it: never escaped a second time.
    items = (ForeignText("<em>un</em>", "fr"), ForeignText("deux & trois", "fr"))
    html = _quote_html(Quote((ListBlock(items),)), "en")
    assert '<li>“<span lang="fr"><em>un</em></span></li>' in html
    assert '<li><span lang="fr">deux &amp; trois</span>”</li>' in html


def test_quote_attribution_in_dsfr_caption():
    quote = Quote(
        (Paragraph("Texte"),),
        Attribution(
            author="Ada",
            role="directrice",
            organisation="ANS",
            source="SantExpo",
            url="https://example.gouv.fr/t",
        ),
    )
    tree = fragment_tree(_quote_html(quote))
    figure = by_class(tree, "fr-quote")[0]
    assert figure.find("blockquote").get("cite") == "https://example.gouv.fr/t"
    assert text_of(by_class(figure, "fr-quote__author")[0]) == "Ada"
    items = list(by_class(figure, "fr-quote__source")[0])
    assert [text_of(li) for li in items] == ["directrice", "ANS", "SantExpo"]
    link = items[-1].find("a")
    assert link.get("href") == "https://example.gouv.fr/t"
    assert text_of(link.find("cite")) == "SantExpo"


def test_unattributed_quote_takes_the_testimonial_attribution():
    tree = fragment_tree(_quote_html(Quote((Paragraph("Texte"),)), organisation="IGN"))
    figure = by_class(tree, "fr-quote")[0]
    assert text_of(by_class(figure, "fr-quote__author")[0]) == "IGN"
    assert by_class(figure, "fr-quote__source") == []


def test_quote_without_any_attribution_has_no_caption():
    tree = fragment_tree(_quote_html(Quote((Paragraph("Texte"),))))
    assert tree.find(".//figcaption") is None


def test_ordered_list_keeps_its_start():
    answer = (ListBlock(("trois", "quatre"), ordered=True, start=3),)
    tree = fragment_tree(dsfr_accordion.render(doc(entry(answer=answer))))
    assert tree.find(".//ol").get("start") == "3"


# --- Untrusted text -------------------------------------------------------------------------


def test_text_fields_are_escaped():
    hostile = '<img src=x onerror="alert(1)">'
    document = Document(
        title=hostile,
        testimonials=(Testimonial(title=hostile, items=(Item(hostile, (Paragraph("ok"),)),)),),
    )
    html = dsfr_accordion.render_page(document)
    assert "<img" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    tree, errors = parse_html(html)
    assert errors == []
    assert contract_problems(tree) == []


def test_rich_text_built_by_hand_is_sanitized_at_render():
    answer = (
        Paragraph('<a href="javascript:alert(1)" onclick="x()">lien</a><script>alert(2)</script>'),
        ListBlock(('<em onmouseover="x()">a</em>', '<a href="data:text/html,x">b</a>')),
    )
    html = dsfr_accordion.render(doc(entry(answer=answer)))
    tree = fragment_tree(html)
    assert contract_problems(tree) == []
    for needle in ("javascript:", "onclick", "onmouseover", "<script", "alert(2)", "data:"):
        assert needle not in html
    assert "<em>a</em>" in html


def test_attribution_url_that_is_not_http_is_dropped():
    quote = Quote((Paragraph("T"),), Attribution(source="S", url="javascript:alert(1)"))
    html = _quote_html(quote)
    assert "javascript:" not in html
    assert "<cite>S</cite>" in html


def test_invalid_explicit_id_in_a_hand_built_document_is_refused():
    with pytest.raises(DsfrAccordionError, match="invalid id 'a\"b'"):
        dsfr_accordion.render(doc(entry(id='a"b')))


# --- Determinism ----------------------------------------------------------------------------


@pytest.mark.parametrize("example", [CLOUD, SAMU], ids=["yaml", "markdown"])
def test_rendering_is_deterministic(example: Path):
    outputs = {
        render(dsfr_accordion.load(example))
        for render in (dsfr_accordion.render_page, dsfr_accordion.render)
        for _ in range(2)
    }
    assert len(outputs) == 2


def test_ids_do_not_depend_on_translation_or_render_order():
    document = dsfr_accordion.load(CLOUD)
    first = dsfr_accordion.render(document, open="first")
    dsfr_accordion.render(doc(entry("La Géoplateforme")))
    assert dsfr_accordion.render(document, open="first") == first
    assert [c for c in classes(by_class(fragment_tree(first), "fr-collapse")[0])] == [
        "fr-collapse",
        "fr-collapse--expanded",
    ]


def test_loaded_rich_text_is_marked_clean_and_hand_built_text_is_not():
    document = dsfr_accordion.load(SAMU)
    paragraph = document.testimonials[0].intro[0]
    assert type(paragraph.html) is Sanitized
    assert type(Paragraph("<b>x</b>").html) is str


# --- The render API: render (fragment) and render_page; page=True deprecated ----------------


def test_render_page_true_is_deprecated_and_gives_render_page():
    document = dsfr_accordion.load(SAMU)
    with pytest.warns(DeprecationWarning, match="call render_page"):
        old = dsfr_accordion.render(document, page=True, dsfr_base="dsfr/", open="all")
    assert old == dsfr_accordion.render_page(document, dsfr_base="dsfr/", open="all")
    assert old.startswith("<!doctype html>")


def test_page_options_on_a_fragment_are_deprecated_and_ignored():
    document = dsfr_accordion.load(SAMU)
    with pytest.warns(DeprecationWarning, match="options of a page"):
        fragment = dsfr_accordion.render(document, alternates={"fr": "a.html", "en": "b.html"})
    assert fragment == dsfr_accordion.render(document)


def question_ids(html: str) -> list[str]:
    """The ids of the question headings of ``html``, in order."""
    tree, _ = parse_html(str(html), fragment=True)
    return [e.get("id") for e in by_class(tree, "fr-h6")]


def test_every_question_has_an_id_the_same_in_every_language():
    document = dsfr_accordion.load(CLOUD)
    french = question_ids(dsfr_accordion.render(document))
    translation = dsfr_accordion.translate(
        document, dsfr_accordion.load_translations(document, "en")
    )
    english = question_ids(dsfr_accordion.render(document, lang="en", translations=translation))
    assert french == english
    assert len(french) == sum(len(t.items) for t in document.testimonials)
    assert len(set(french)) == len(french)
    assert french[0] == "geoplateforme-pouvez-vous-decrire-brievement-le-projet"


def test_question_ids_come_after_every_panel_id_from_the_same_allocator():
    # Two testimonials asking the same question: the ids are suffixed, never shared,
    # and a panel id never changes because of a question.
    same = (Item("Pourquoi ?", (Paragraph("Parce que."),)),)
    document = doc(Testimonial("A", same), Testimonial("A", same))
    ids = IdAllocator(prefix="faq-", reserved=["faq-a-pourquoi"])
    html = dsfr_accordion.render(document, ids=ids)
    tree, _ = parse_html(str(html), fragment=True)
    assert [p.get("id") for p in by_class(tree, "fr-collapse")] == ["faq-a", "faq-a-2"]
    assert question_ids(html) == ["faq-a-pourquoi-2", "faq-a-2-pourquoi"]


def test_a_question_with_its_own_id_keeps_it_in_every_language(tmp_path: Path):
    source = CLOUD.read_text(encoding="utf-8").replace(
        "      - question: Pouvez-vous décrire brièvement le projet ?\n",
        "      - question: Pouvez-vous décrire brièvement le projet ?\n        id: le-projet\n",
        1,
    )
    assert "id: le-projet" in source
    (tmp_path / "locales").symlink_to(CLOUD.parent / "locales")
    copy = tmp_path / CLOUD.name
    copy.write_text(source, encoding="utf-8")
    document = dsfr_accordion.load(copy)
    french = question_ids(dsfr_accordion.render(document))
    translation = dsfr_accordion.translate(
        document, dsfr_accordion.load_translations(document, "en")
    )
    english = question_ids(dsfr_accordion.render(document, lang="en", translations=translation))
    assert french[0] == english[0] == "le-projet"
    # The others are as before: an id of its own changes no other question's.
    assert french[1:] == question_ids(dsfr_accordion.render(dsfr_accordion.load(CLOUD)))[1:]
    assert translation.fallbacks == ()
