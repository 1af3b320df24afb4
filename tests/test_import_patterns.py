"""The five accordion patterns, with nasty fixtures: report, preservation, round trip, render."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

import dsfr_accordion
from dsfr_accordion.errors import ContentError
from dsfr_accordion.legacy import Import, import_page
from dsfr_accordion.legacy import content as legacy_content
from dsfr_accordion.loaders.yaml import load_yaml
from tests.accordion_contract import contract_problems
from tests.conftest import FIXTURES, parse_html

LEGACY = FIXTURES / "legacy"


def imported(name: str) -> Import:
    return import_page((LEGACY / name).read_text(encoding="utf-8"), name)


def codes(result: Import) -> Counter[str]:
    return Counter(finding.code for finding in result.report.findings)


def where(result: Import, code: str) -> list[tuple[int | None, int | None]]:
    return [(f.location.line, f.location.column) for f in result.report.findings if f.code == code]


#: fixture -> (titles imported, patterns, findings expected with their counts).
EXPECTED = {
    "foundation.html": (
        ["Ids avec espaces", "Ids avec guillemets"],
        ["foundation", "foundation"],
        {"unsafe-id": 2, "outside-content": 1, "front-matter-key": 1},
    ),
    "bootstrap.html": (
        ["Bootstrap 5", "Bootstrap 4", "Premier bouton partagé", "Second bouton partagé"],
        ["bootstrap"] * 4,
        {"unsafe-element": 3, "unsafe-url": 2, "shared-panel": 1, "no-question": 3},
    ),
    "details.html": (
        ["Le projet", "Section 2", "Imbriqué"],
        ["details"] * 3,
        {"empty-title": 1, "empty-panel": 1, "nested-accordion": 2},
    ),
    "dsfr.html": (
        [
            "Premier témoignage",
            "Deuxième témoignage",
            "Troisième, référence croisée",
            "Quatrième, référence croisée",
        ],
        ["dsfr"] * 4,
        {
            "mismatched-reference": 2,
            "duplicate-id": 1,
            "ambiguous-reference": 2,
            "dangling-reference": 1,
            "toggle-without-panel": 1,
            "question-without-answer": 1,
            "quotation-marks": 2,
        },
    ),
    "aria.html": (
        ["Panneau par référence", "Panneau par structure", "Référence pendante"],
        ["aria"] * 3,
        {
            "event-handler": 1,
            "unsafe-element": 2,
            "image": 1,
            "nested-accordion": 1,
            "dangling-reference": 1,
            "paired-by-structure": 1,
        },
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_report(name: str):
    titles, patterns, expected = EXPECTED[name]
    result = imported(name)
    assert [t.title for t in result.document.testimonials] == titles
    assert [s.pattern for s in result.report.sections] == patterns
    found = codes(result)
    for code, count in expected.items():
        assert found[code] == count, (code, found)
    for finding in result.report.findings:
        assert finding.location.line is not None, finding
        assert finding.message() and finding.hint()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_preserves_every_word(name: str):
    assert imported(name).report.preservation.losses == ()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_round_trips_and_renders_within_the_contract(name: str):
    document = imported(name).document
    assert load_yaml(dsfr_accordion.dump_yaml(document), "x.yaml") == document
    tree, errors = parse_html(dsfr_accordion.render_page(document))
    assert errors == []
    assert contract_problems(tree) == []


def test_ids_with_spaces_or_quotes_pair_by_reference_and_are_replaced():
    result = imported("foundation.html")
    assert [s.pairing for s in result.report.sections] == ["reference", "reference"]
    assert {f.data["value"] for f in result.report.findings if f.code == "unsafe-id"} == {
        "panel one",
        'say "hi"',
    }
    html = dsfr_accordion.render(result.document)
    assert "panel one" not in html and "say" not in html.split("Ids avec guillemets")[0]


def test_non_latin_text_and_inline_markup_survive():
    document = imported("foundation.html").document
    second = document.testimonials[1]
    assert second.items[0].question == "Ερώτηση στα ελληνικά;"
    assert "中文回答也保留。" in second.items[0].answer[0].html
    assert second.items[1].answer[0] == dsfr_accordion.ListBlock(
        ("premier point", "second point, avec <code>du_code</code>")
    )
    first = document.testimonials[0].items[0].answer[0].html
    assert "<em>emphase</em>" in first
    assert '<a href="https://exemple.gouv.fr/a_b">vers le site</a>' in first
    assert '<a href="https://www.numerique.gouv.fr/services">' in first


def test_front_matter_keys_beyond_the_format_go_to_metadata():
    document = imported("foundation.html").document
    assert dict(document.metadata) == {"layout": "page"}
    assert document.title == "Foundation, ids with spaces and quotes"


def test_a_panel_referenced_by_two_buttons_goes_to_the_one_it_follows():
    result = imported("bootstrap.html")
    sections = result.report.sections
    assert [s.pairing for s in sections[2:]] == ["structure", "reference"]
    first, second = result.document.testimonials[2:]
    assert "qui suit le premier" in first.items[0].answer[0].html
    assert "visé par les deux" in second.items[0].answer[0].html


def test_unsafe_content_is_removed_reported_and_counted_apart():
    result = imported("bootstrap.html")
    # The panel's <style> (accordion, body, p, color, red) and <script> (alert, x).
    assert result.report.preservation.removed_words == 7
    html = dsfr_accordion.render(result.document)
    assert "alert" not in html and "color" not in html
    assert "javascript:" not in html and "data:" not in html
    assert "ce lien piégé" in html
    assert result.document.title == "Bootstrap FAQ"


def test_details_with_a_definition_list_and_nested_details():
    document = imported("details.html").document
    first, untitled, nested = document.testimonials
    assert [i.question for i in first.items] == ["Qui ?", "Quand ?"]
    assert [b.html for b in first.items[1].answer] == ["En 2024.", "Puis en 2025."]
    assert untitled.title == "Section 2"
    assert [b.html for b in nested.intro] == ["Avant les questions."]
    assert [i.question for i in nested.items] == ["Question imbriquée ?", "Вопрос по-русски?"]


def test_crossed_references_pair_as_the_script_did_and_ask_for_review():
    result = imported("dsfr.html")
    third, fourth = result.document.testimonials[2:]
    assert third.items[0].answer[0].html == "Contenu sous le quatrième."
    assert fourth.items[0].answer[0].html == "Contenu sous le troisième."
    assert [s.pairing for s in result.report.sections[2:]] == ["reference", "reference"]
    crossed = [f for f in result.report.findings if f.code == "mismatched-reference"]
    assert [f.kind.outcome for f in crossed] == ["review", "review"]
    assert crossed[0].data["reference"] == 'aria-controls="accordion-2"'


def test_dsfr_copy_keeps_real_italics_and_strips_typographic_quotes():
    first, second = imported("dsfr.html").document.testimonials[:2]
    quoted = first.items[0].answer[0]
    assert isinstance(quoted, dsfr_accordion.Quote)
    assert (
        quoted.blocks[0].html == "Une réponse entre guillemets anglais, <em>avec</em> de l’emphase."
    )
    assert first.items[1].answer == (
        dsfr_accordion.Paragraph("<em>Une réponse en italique sans guillemets.</em>"),
    )
    assert second.intro == (
        dsfr_accordion.Paragraph("<strong>Question isolée sans réponse</strong>"),
    )
    assert second.items[0].answer[0].blocks[0].html == "Réponse citée."


def test_content_outside_accordions_is_reported_with_its_text():
    result = imported("dsfr.html")
    outside = [text for _, text in result.report.outside_text]
    # The <h1> became the document's title: not outside, and said so.
    assert outside == ["Texte d’introduction de la page.", "Bouton sans panneau"]
    assert result.document.title == "Témoignages copiés"
    (titled,) = [f for f in result.report.findings if f.code == "title-from-page"]
    assert titled.data == {"title": "Témoignages copiés", "source": "<h1>"}


def test_generic_toggles_line_breaks_and_nested_toggles():
    result = imported("aria.html")
    by_reference, by_structure, dangling = result.document.testimonials
    assert [s.pairing for s in result.report.sections] == ["reference", "structure", "structure"]
    assert [b.html for b in by_reference.items[0].answer] == [
        "Réponse.",
        "Second paragraphe après deux sauts de ligne.<br>\nSuite avec un saut simple.",
    ]
    assert by_structure.intro == (
        dsfr_accordion.Paragraph("<strong>Accordéon imbriqué :</strong>"),
    )
    assert [i.question for i in by_structure.items] == ["Question imbriquée ?"]
    assert dangling.items[0].question == "Référence pendante"
    assert result.report.preservation.removed_words == 8  # the iframe's and the form's words


def test_a_page_without_accordion_is_refused_saying_what_was_looked_for():
    with pytest.raises(ContentError) as caught:
        import_page("<p>Rien ici.</p>", "page.html")
    assert caught.value.code == "no-accordion"
    assert "<details> with <summary>" in caught.value.message
    assert "Foundation" in caught.value.message and "Bootstrap" in caught.value.message


def test_a_lost_word_is_caught_and_located(monkeypatch: pytest.MonkeyPatch):
    """Sabotage the import: the check, which reads the source itself, must notice."""
    original = legacy_content.Converter.paragraph

    def drop_fallback(self, unit):
        blocks = original(self, unit)
        if blocks and "Second paragraphe" in blocks[0].html:
            return (replace(blocks[0], html="Second paragraphe."),)
        return blocks

    monkeypatch.setattr(legacy_content.Converter, "paragraph", drop_fallback)
    preservation = imported("aria.html").report.preservation
    assert preservation.lost_words == 10
    (loss,) = preservation.losses
    assert loss.words[:3] == ("après", "deux", "sauts")
    assert (loss.location.line, loss.location.column) == (6, 20)  # the <br> before them


def test_language_comes_from_the_front_matter_then_the_page():
    page = "<details><summary>Title</summary><p>Text.</p></details>"
    assert import_page(f'<html lang="en">{page}', "p.html").document.lang == "en"
    front = "---\ntitle: T\nlang: de\n---\n"
    assert import_page(f'{front}<html lang="en">{page}', "p.html").document.lang == "de"
    bad = import_page(f'---\ntitle: T\nlang: "fr FR"\n---\n<html lang="en">{page}', "p.html")
    assert bad.document.lang == "en"
    (finding,) = [f for f in bad.report.findings if f.code == "invalid-lang"]
    assert finding.data == {"value": "fr FR", "lang": "en"}
    assert finding.location.line == 2


def test_lists_keep_their_text_in_order_when_repaired():
    page = (
        "<details><summary>T</summary><h3>Q ?</h3>"
        "<ul>avant<li>a<ul><li>b</li></ul>c</li><li>d<p>e</p>f</li><p>g</p><li>h</li></ul>"
        "</details>"
    )
    result = import_page(page, "p.html")
    answer = result.document.testimonials[0].items[0].answer
    assert answer == (
        dsfr_accordion.Paragraph("avant"),
        dsfr_accordion.ListBlock(("a", "b", "c", "d<br>\ne<br>\nf")),
        dsfr_accordion.Paragraph("g"),
        dsfr_accordion.ListBlock(("h",)),
    )
    assert codes(result)["nested-list"] == 1
    assert codes(result)["paragraph-in-list"] == 1
    assert result.report.preservation.losses == ()
