"""Importing the legacy cloud testimonials page (the issue's acceptance criteria)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

import dsfr_accordion
from dsfr_accordion.legacy import Import, import_page
from dsfr_accordion.legacy.content import block_text, words
from dsfr_accordion.loaders.yaml import load_yaml
from tests.accordion_contract import contract_problems, text_of
from tests.conftest import EXAMPLES, parse_html

SEED = EXAMPLES / "legacy" / "temoignages-cloud.html"


@pytest.fixture(scope="module")
def seed() -> Import:
    return import_page(SEED.read_text(encoding="utf-8"), "temoignages-cloud.html")


def codes(result: Import) -> Counter[str]:
    return Counter(finding.code for finding in result.report.findings)


def findings(result: Import, code: str) -> list:
    return [f for f in result.report.findings if f.code == code]


def test_the_four_testimonials_with_every_question(seed: Import):
    document = seed.document
    assert [t.title for t in document.testimonials] == [
        "La Géoplateforme",
        "Les systèmes d’information de l’Agence du numérique en santé (ANS)",
        "Le Service hydrographique et océanographique de la marine (SHOM)",
        "La plateforme de données en cancérologie",
    ]
    assert [len(t.items) for t in document.testimonials] == [4, 3, 3, 3]
    assert (document.title, document.date, document.lang) == (
        "focus test",
        "2024-07-04 15:50:00 +02:00",
        "fr",
    )
    assert [s.pattern for s in seed.report.sections] == ["foundation"] * 4


def test_report_names_the_duplicate_ids_with_their_counts(seed: Import):
    duplicates = {f.data["value"]: f.data["count"] for f in findings(seed, "duplicate-id")}
    assert duplicates == {"accordion-button": 4, "indicateurs-projets-mise-a-dispo": 3}
    first = findings(seed, "duplicate-id")[0]
    assert (first.location.line, first.location.column) == (9, 5)
    assert first.data["lines"] == "9, 35, 60, 77"


def test_report_names_the_dangling_reference_and_pairs_by_structure(seed: Import):
    (dangling,) = findings(seed, "dangling-reference")
    assert dangling.data["value"] == "qui"
    assert (dangling.location.line, dangling.location.column) == (60, 5)
    assert len(findings(seed, "ambiguous-reference")) == 3
    assert [s.pairing for s in seed.report.sections] == ["structure"] * 4
    assert len(findings(seed, "paired-by-structure")) == 4


def test_report_names_handlers_invalid_nesting_and_stray_tags(seed: Import):
    handlers = findings(seed, "event-handler")
    assert [(f.location.line, f.data["attribute"]) for f in handlers] == [
        (9, "onclick"),
        (35, "onclick"),
        (60, "onclick"),
        (77, "onclick"),
    ]
    assert {f.location.line for f in findings(seed, "paragraph-in-list")} >= {12, 16, 20, 25}
    stray = [
        (f.location.line, f.location.column, f.data["tag"]) for f in findings(seed, "stray-end-tag")
    ]
    assert stray == [(6, 1, "div"), (17, 10, "i"), (17, 683, "i"), (45, 121, "br")]
    assert codes(seed)["unclosed-element"] == 1


def test_shom_answer_repeating_its_question_is_flagged_and_kept(seed: Import):
    (repeat,) = findings(seed, "answer-repeats-question")
    assert repeat.kind.outcome == "review"
    assert repeat.location.line == 70
    item = seed.document.testimonials[2].items[2]
    assert words(block_text(item.answer[0])) == words(item.question)
    assert seed.report.needs_review


def test_no_word_is_lost(seed: Import):
    kept = seed.report.preservation
    assert kept.lost_words == 0
    assert kept.losses == ()
    assert kept.removed_words == 0
    assert kept.source_words == kept.imported_words > 1000


def test_answers_are_quotes_without_marks_or_italics_keeping_real_emphasis(seed: Import):
    first = seed.document.testimonials[0].items[0].answer
    assert len(first) == 1 and isinstance(first[0], dsfr_accordion.Quote)
    html = first[0].blocks[0].html
    assert html.startswith("La Géoplateforme est LE")
    assert '"' not in html and "<em>" not in html
    assert "<strong>optimiser la production</strong>" in html


def test_bare_urls_became_links_and_the_list_is_kept(seed: Import):
    quote = seed.document.testimonials[0].items[3].answer[0]
    assert isinstance(quote, dsfr_accordion.Quote)
    _, bullets = quote.blocks
    assert isinstance(bullets, dsfr_accordion.ListBlock) and len(bullets.items) == 2
    assert '<a href="https://cartes.gouv.fr">https://cartes.gouv.fr</a>),' in bullets.items[0]
    assert '<a href="https://geoportail.gouv.fr">' in bullets.items[0]


def test_yaml_round_trip(seed: Import):
    assert load_yaml(dsfr_accordion.dump_yaml(seed.document), "x.yaml") == seed.document


def test_rendered_import_keeps_the_accordion_contract(seed: Import):
    page = dsfr_accordion.render_page(seed.document)
    tree, errors = parse_html(page)
    assert errors == []
    assert contract_problems(tree) == []
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    controls = [e.get("aria-controls") for e in tree.iter() if e.get("aria-controls")]
    assert len(controls) == 4 and set(controls) <= set(ids)


def _words_of(document: dsfr_accordion.Document) -> list[tuple[str, list[str]]]:
    """Each testimonial's title, questions and answer words, as compared below."""
    return [
        (
            t.title,
            [
                (item.question, words(" ".join(block_text(b) for b in item.answer)))
                for item in t.items
            ],
        )
        for t in document.testimonials
    ]


def test_text_matches_the_hand_made_transcription(seed: Import):
    """The documented normalisation apart (docs/import.md), the text is the example's.

    The transcription chose a title ("Témoignages"), added ids and organisations,
    split some answers into paragraphs and lists and added a parenthesis before
    a URL: none of that is a word, so the words of every title, question and
    answer are the same, in the same order.
    """
    example = dsfr_accordion.load(EXAMPLES / "temoignages-cloud.yaml")
    assert _words_of(seed.document) == _words_of(example)
    assert seed.document.date == example.date
    assert (seed.document.title, example.title) == ("focus test", "Témoignages")


def test_rendered_text_matches_the_rendered_example(seed: Import):
    """Rendered, both give the same words once the example's attributions (editorial) go."""
    example = dsfr_accordion.load(EXAMPLES / "temoignages-cloud.yaml")
    unattributed = replace(
        example,
        testimonials=tuple(replace(t, organisation=None) for t in example.testimonials),
    )
    imported, errors = parse_html(dsfr_accordion.render(seed.document), fragment=True)
    expected, _ = parse_html(dsfr_accordion.render(unattributed), fragment=True)
    assert errors == []
    assert words(text_of(imported)) == words(text_of(expected))
