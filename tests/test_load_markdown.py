"""Loading Markdown content: front matter, headings, attribute lines, rich text, errors."""

from __future__ import annotations

import pytest

from dsfr_accordion.errors import ContentError
from dsfr_accordion.loaders import load
from dsfr_accordion.model import Attribution, ListBlock, Paragraph, Quote
from tests.conftest import EXAMPLES, run_cli

FRONT = "---\ntitle: T\n---\n"  # lines 1-3; line 4 is blank, the body starts on line 5


def body(text: str) -> str:
    """A file whose body, ``text``, starts on line 5."""
    return FRONT + "\n" + text


def answer(text: str) -> str:
    """A file with one testimonial and one question whose answer, ``text``, starts on line 9."""
    return body("## A\n\n### Q\n\n" + text)


def load_text(write, text: str, name: str = "content.md"):
    return load(write(name, text))


def only_answer(write, text: str):
    """The blocks of the answer ``text``."""
    return load_text(write, answer(text)).testimonials[0].items[0].answer


def error_of(path) -> ContentError:
    with pytest.raises(ContentError) as info:
        load(path)
    return info.value


def assert_error(error: ContentError, path, code: str, where: str, message: str, hint: str):
    """``str(error)`` is ``path:where: error: message`` then a hint holding ``hint``."""
    assert error.code == code
    head, _, hint_line = str(error).partition("\n  hint: ")
    assert head == f"{path}:{where}: error: {message}"
    assert hint in hint_line


# --- the example -------------------------------------------------------------------------

SANTEXPO = "Table ronde du 21 mai 2024 à SantExpo"


@pytest.fixture(scope="module")
def samu():
    return load(EXAMPLES / "si-samu.md")


def test_si_samu_example_is_one_testimonial(samu):
    assert samu.title == "Migration du SI-SAMU vers un cloud de confiance"
    assert samu.lang == "fr"
    (testimonial,) = samu.testimonials
    assert testimonial.id == "si-samu"
    assert testimonial.title == "La migration du SI du SAMU vers un cloud de confiance"
    assert testimonial.organisation == "Agence du numérique en santé (ANS)"
    assert [type(block) for block in testimonial.intro] == [Paragraph, Paragraph]
    assert testimonial.intro[0].html.startswith("Quelques semaines avant le lancement des JO")
    assert [item.question for item in testimonial.items] == [
        "Pourquoi le cloud de confiance ?",
        "Les défis de la migration",
        "Poursuivre la modernisation",
    ]
    assert [item.location.line for item in testimonial.items] == [17, 31, 47]


def test_si_samu_example_quotes_are_attributed(samu):
    quotes = [
        block
        for item in samu.testimonials[0].items
        for block in item.answer
        if isinstance(block, Quote)
    ]
    assert len(quotes) == 6
    assert quotes[0].location.line == 24
    assert quotes[0].attribution == Attribution(
        author="Laurent Joubert", role="directeur des opérations de l’ANS", source=SANTEXPO
    )
    assert quotes[3].attribution == Attribution(
        author="Nicolas Duffour",
        role="directeur du développement stratégique de Cloud Temple",
        source=SANTEXPO,
    )
    assert [quote.attribution.author for quote in quotes] == [
        "Laurent Joubert",
        "Laurent Joubert",
        "Laurent Joubert",
        "Nicolas Duffour",
        "Laurent Joubert",
        "Nicolas Duffour",
    ]
    assert not any(quote.blocks[0].html.startswith(("«", "“", '"')) for quote in quotes)


# --- front matter and headings -----------------------------------------------------------


def test_every_optional_key(write):
    document = load_text(
        write,
        """\
---
title: Témoignages
lang: en
date: 2024-07-04
metadata:
  rubrique: cloud
---

{#geo organisation="IGN" author="Jeanne Martin" role="cheffe de projet"}
{source_url="https://www.ign.fr" open=true}
## La *Géo*plateforme

Texte d’introduction.

### Pouvez-vous décrire le projet ?

> La Géoplateforme est **LE** nouvel espace public : https://cartes.gouv.fr
""",
    )
    assert (document.title, document.lang, document.date) == ("Témoignages", "en", "2024-07-04")
    assert dict(document.metadata) == {"rubrique": "cloud"}
    (testimonial,) = document.testimonials
    assert testimonial.title == "La Géoplateforme"
    assert testimonial.id == "geo"
    assert testimonial.open is True
    assert testimonial.location.line == 11
    assert testimonial.attribution() == Attribution(
        author="Jeanne Martin",
        role="cheffe de projet",
        organisation="IGN",
        url="https://www.ign.fr",
    )
    assert testimonial.intro == (Paragraph("Texte d’introduction."),)
    (item,) = testimonial.items
    assert item.question == "Pouvez-vous décrire le projet ?"
    (quote,) = item.answer
    assert quote.attribution is None
    assert quote.blocks[0].html == (
        "La Géoplateforme est <strong>LE</strong> nouvel espace public : "
        '<a href="https://cartes.gouv.fr">https://cartes.gouv.fr</a>'
    )


def test_defaults(write):
    document = load_text(write, answer("x\n"))
    assert (document.lang, document.date, dict(document.metadata)) == ("fr", None, {})
    (testimonial,) = document.testimonials
    assert (testimonial.id, testimonial.open, testimonial.intro) == (None, False, ())
    assert testimonial.attribution() is None


@pytest.mark.parametrize(
    ("line", "attribute", "expected"),
    [("title: 2024", "title", "2024"), ("lang: no", "lang", "no"), ("date: 2024", "date", "2024")],
)
def test_front_matter_text_is_taken_as_written(write, line, attribute, expected):
    front = f"---\n{line}\n---\n" if attribute == "title" else f"---\ntitle: T\n{line}\n---\n"
    document = load_text(write, front + "\n## A\n\n### Q\n\nx\n")
    assert getattr(document, attribute) == expected


def test_several_testimonials_and_items(write):
    document = load_text(
        write,
        body(
            "{#un}\n## Un\n\n### Q1\n\na\n\n### Q2\n\nb\n\n"
            "## Deux\n\n### Q3\n\nc\n\n{#trois open=false}\n## Trois\n\n### Q4\n\nd\n"
        ),
    )
    assert [(t.id, t.title, [i.question for i in t.items]) for t in document.testimonials] == [
        ("un", "Un", ["Q1", "Q2"]),
        (None, "Deux", ["Q3"]),
        ("trois", "Trois", ["Q4"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff" + answer("x\n"),
        answer("x\n").replace("\n", "\r\n"),
        answer("x\n").replace("---\n\n", "...\n\n", 1),
    ],
    ids=["byte-order-mark", "crlf", "dots-end-front-matter"],
)
def test_file_variants(write, text):
    document = load_text(write, text)
    assert document.testimonials[0].items[0].answer == (Paragraph("x"),)
    assert document.testimonials[0].items[0].answer[0].location.line == 9


# --- rich text ---------------------------------------------------------------------------


def test_ordered_list_keeps_its_start(write):
    assert only_answer(write, "3. trois\n4. quatre\n") == (
        ListBlock(("trois", "quatre"), ordered=True, start=3),
    )


def test_bullet_list(write):
    assert only_answer(write, "- *un*\n- `deux`\n") == (
        ListBlock(("<em>un</em>", "<code>deux</code>")),
    )


@pytest.mark.parametrize("end", ["\\", "  "], ids=["backslash", "two-spaces"])
def test_hard_line_break(write, end):
    (paragraph,) = only_answer(write, f"un{end}\ndeux\n")
    assert paragraph.html.replace("\n", "") == "un<br>deux"


def test_quote_attributes(write):
    (intro, quote) = only_answer(
        write,
        'Il précise :\n\n{author="A. B." role=dir organisation="O" source="S"}\n'
        '{url="https://example.gouv.fr/s"}\n> un\n>\n> - deux\n',
    )
    assert intro == Paragraph("Il précise :")
    assert quote == Quote(
        (Paragraph("un"), ListBlock(("deux",))),
        Attribution(
            author="A. B.",
            role="dir",
            organisation="O",
            source="S",
            url="https://example.gouv.fr/s",
        ),
    )
    assert quote.location.line == 13


def test_raw_html_shows_as_text(write):
    blocks = only_answer(write, "<script>alert(1)</script>\n\nun <b onclick=x>deux</b>\n")
    assert blocks == (
        Paragraph("&lt;script&gt;alert(1)&lt;/script&gt;"),
        Paragraph("un &lt;b onclick=x&gt;deux&lt;/b&gt;"),
    )


def test_javascript_link_is_not_a_link(write):
    (paragraph,) = only_answer(write, "[clic](javascript:alert(1)) et <javascript:alert(1)>\n")
    assert "<a" not in paragraph.html
    assert "href" not in paragraph.html


# --- errors ------------------------------------------------------------------------------

ATTRIBUTE_HINT = "directly above a '## ' or '### ' heading or a '>' quote"

ERRORS = [
    pytest.param(
        "## A\n\n### Q\n\nx\n",
        "missing-key",
        "1:1",
        "missing required key 'title' in the front matter (a '---' block at the top of the file)",
        "add title: with a value",
        id="no-front-matter",
    ),
    pytest.param(
        "",
        "missing-key",
        "1:1",
        "missing required key 'title' in the front matter (a '---' block at the top of the file)",
        "add title: with a value",
        id="empty-file",
    ),
    pytest.param(
        "---\ntitle: T\n\n## A\n\n### Q\n\nx\n",
        "front-matter-unclosed",
        "1:1",
        "the front matter opened here is never closed",
        "end the front matter with a line holding only ---",
        id="front-matter-unclosed",
    ),
    pytest.param(
        "---\nlang: fr\n---\n\n## A\n\n### Q\n\nx\n",
        "missing-key",
        "2:1",
        "missing required key 'title' in the front matter",
        "add title: with a value",
        id="front-matter-without-title",
    ),
    pytest.param(
        "---\n---\n\n## A\n\n### Q\n\nx\n",
        "missing-key",
        "1:1",
        "missing required key 'title' in the front matter",
        "add title: with a value",
        id="front-matter-empty",
    ),
    pytest.param(
        "---\ntitle: a: b\n---\n",
        "yaml-syntax",
        "2:9",
        "invalid YAML: mapping values are not allowed here",
        "fix the YAML syntax at this place",
        id="front-matter-yaml-syntax",
    ),
    pytest.param(
        "---\ntitle: T\nlang: fr_FR\n---\n\n## A\n\n### Q\n\nx\n",
        "invalid-lang",
        "3:7",
        "invalid language tag 'fr_FR'",
        "use a BCP 47 language tag",
        id="front-matter-invalid-lang",
    ),
    pytest.param(
        "---\ntitle: T\ntestimonials: []\n---\n\n## A\n\n### Q\n\nx\n",
        "unknown-key",
        "3:1",
        "unknown key 'testimonials' in the front matter",
        "known keys: date, lang, metadata, title",
        id="front-matter-testimonials",
    ),
    pytest.param(
        FRONT,
        "markdown-no-testimonial",
        "4:1",
        "the file holds no testimonial",
        "start each testimonial with a '## Title' heading",
        id="no-testimonial",
    ),
    pytest.param(
        body("Introduction.\n\n## A\n\n### Q\n\nx\n"),
        "markdown-before-first-testimonial",
        "5:1",
        "text before the first '## ' heading belongs to no testimonial",
        "start each testimonial with a '## Title' heading",
        id="text-before-first-testimonial",
    ),
    pytest.param(
        body("### Q\n\nx\n"),
        "markdown-before-first-testimonial",
        "5:1",
        "text before the first '## ' heading belongs to no testimonial",
        "start each testimonial with a '## Title' heading",
        id="question-before-first-testimonial",
    ),
    pytest.param(
        body("# Titre\n\n## A\n\n### Q\n\nx\n"),
        "markdown-unsupported",
        "5:1",
        "a '# ' heading is not supported in a content file",
        "put the page title in the front matter's title: key",
        id="h1",
    ),
    pytest.param(
        answer("x\n\n#### Détail\n\ny\n"),
        "markdown-unsupported",
        "11:1",
        "a heading is not supported in an answer",
        "write questions as '### ' headings outside answers",
        id="h4-in-answer",
    ),
    pytest.param(
        body("## A\n\nIntro.\n\n##### Détail\n\n### Q\n\nx\n"),
        "markdown-unsupported",
        "9:1",
        "a heading is not supported in an intro",
        "write questions as '### ' headings outside answers",
        id="h5-in-intro",
    ),
    pytest.param(
        answer("x\n\nNouvelle partie\n---\n\ny\n"),
        "markdown-unsupported",
        "11:1",
        "a heading underlined with '===' or '---' is not supported in a content file",
        "'## Title' for a testimonial",
        id="setext-heading",
    ),
    pytest.param(
        body("## A\n\nIntro.\n"),
        "empty-list",
        "5:1",
        "'items (### question headings)' holds no entry",
        "add at least one entry",
        id="testimonial-without-question",
    ),
    pytest.param(
        body("## A\n\n### Q\n\n### R\n\nx\n"),
        "empty-value",
        "7:1",
        "'answer' is empty",
        "write the text of answer",
        id="empty-answer",
    ),
    pytest.param(
        body("## A\n\n### Q\n"),
        "empty-value",
        "7:1",
        "'answer' is empty",
        "write the text of answer",
        id="empty-last-answer",
    ),
    pytest.param(
        body("##\n\n### Q\n\nx\n"),
        "empty-value",
        "5:1",
        "'title' is empty",
        "write the text of title",
        id="empty-title",
    ),
    pytest.param(
        body("## A\n\n###\n\nx\n"),
        "empty-value",
        "7:1",
        "'question' is empty",
        "write the text of question",
        id="empty-question",
    ),
    pytest.param(
        answer("Voir :\n\n![logo](https://example.gouv.fr/logo.png)\n"),
        "markdown-unsupported",
        "11:1",
        "an image is not supported in an answer",
        "link to the image instead",
        id="image",
    ),
    pytest.param(
        answer("x\n\n    code\n"),
        "markdown-unsupported",
        "11:5",
        "a code block is not supported in an answer",
        "indent the text by fewer than four spaces",
        id="indented-code",
    ),
    pytest.param(
        answer("```\ncode\n```\n"),
        "markdown-unsupported",
        "9:1",
        "a code block is not supported in an answer",
        "remove the ``` fence",
        id="fenced-code",
    ),
    pytest.param(
        answer("x\n\n***\n"),
        "markdown-unsupported",
        "11:1",
        "a horizontal rule is not supported in an answer",
        "remove the '---' or '***' line",
        id="rule",
    ),
    pytest.param(
        answer("- a\n  - b\n"),
        "markdown-unsupported",
        "9:1",
        "a list item holding more than a line is not supported in an answer",
        "without nested lists",
        id="nested-list",
    ),
    pytest.param(
        answer("- a\n-\n- c\n"),
        "markdown-unsupported",
        "10:1",
        "an empty list item is not supported in an answer",
        "write each list item as one line of text",
        id="empty-list-item",
    ),
    pytest.param(
        answer("> a\n>\n> > b\n"),
        "markdown-unsupported",
        "9:1",
        "a quote inside a quote is not supported in an answer",
        "remove the inner '>' markers",
        id="quote-in-quote",
    ),
    pytest.param(
        answer(">\n"),
        "empty-value",
        "9:1",
        "'quote' is empty",
        "write the text of quote",
        id="empty-quote",
    ),
    pytest.param(
        answer('x\n\n{autor="X"}\n> a\n'),
        "unknown-attribute",
        "11:1",
        "unknown attribute 'autor' on a quote",
        "did you mean 'author'?",
        id="unknown-quote-attribute",
    ),
    pytest.param(
        answer('{onclick="alert(1)"}\n> a\n'),
        "unknown-attribute",
        "9:1",
        "unknown attribute 'onclick' on a quote",
        "known keys: author, organisation, role, source, url",
        id="event-handler-quote-attribute",
    ),
    pytest.param(
        answer('{url="ftp://example.gouv.fr/a"}\n> a\n'),
        "invalid-url",
        "9:1",
        "'url' must be an http or https URL, not 'ftp://example.gouv.fr/a'",
        "write a full URL starting with https://",
        id="quote-url-not-http",
    ),
    pytest.param(
        answer('{url="javascript:alert(1)"}\n> a\n'),
        "invalid-url",
        "9:1",
        "'url' must be an http or https URL, not 'javascript:alert(1)'",
        "write a full URL starting with https://",
        id="quote-url-javascript",
    ),
    pytest.param(
        answer('{author="X"}\n\n> a\n'),
        "attribute-line",
        "9:1",
        "this attribute line is not understood: '{author=\"X\"}'",
        ATTRIBUTE_HINT,
        id="attribute-line-before-blank-line",
    ),
    pytest.param(
        answer('x\n\n{author="X"}\n'),
        "attribute-line",
        "11:1",
        "this attribute line is not understood: '{author=\"X\"}'",
        ATTRIBUTE_HINT,
        id="attribute-line-at-the-end",
    ),
    pytest.param(
        answer("{author=Jeanne Martin}\n> a\n"),
        "attribute-line",
        "9:1",
        "this attribute line is not understood: '{author=Jeanne Martin}'",
        ATTRIBUTE_HINT,
        id="attribute-line-unquoted-spaces",
    ),
    pytest.param(
        body("{#a}\n\n## A\n\n### Q\n\nx\n"),
        "attribute-line",
        "5:1",
        "this attribute line is not understood: '{#a}'",
        ATTRIBUTE_HINT,
        id="heading-attribute-line-before-blank-line",
    ),
    pytest.param(
        body("{source_url=https://x.fr/a b}\n## A\n\n### Q\n\nx\n"),
        "attribute-line",
        "5:1",
        "this attribute line is not understood: '{source_url=https://x.fr/a b}'",
        ATTRIBUTE_HINT,
        id="malformed-attribute-line-before-first-heading",
    ),
    pytest.param(
        answer('{author="X"}\nUn paragraphe.\n'),
        "unknown-attribute",
        "9:1",
        "unknown attribute 'author' on a paragraph or list",
        ATTRIBUTE_HINT,
        id="attribute-line-above-paragraph",
    ),
    pytest.param(
        answer("{start=5}\n1. a\n"),
        "unknown-attribute",
        "9:1",
        "unknown attribute 'start' on a paragraph or list",
        ATTRIBUTE_HINT,
        id="attribute-line-above-list",
    ),
    pytest.param(
        body('{#a autor="X"}\n## A\n\n### Q\n\nx\n'),
        "unknown-attribute",
        "5:1",
        "unknown attribute 'autor' on a testimonial heading",
        "did you mean 'author'?",
        id="unknown-heading-attribute",
    ),
    pytest.param(
        body("{#a .important}\n## A\n\n### Q\n\nx\n"),
        "unknown-attribute",
        "5:1",
        "unknown attribute 'class' on a testimonial heading",
        "known keys: author, date, id, open, organisation, role, source_url",
        id="class-on-heading",
    ),
    pytest.param(
        body("## A\n\n{#q lang=en}\n### Q\n\nx\n"),
        "unknown-attribute",
        "7:1",
        "unknown attribute 'lang' on a question heading",
        "known keys: id",
        id="attribute-line-above-question",
    ),
    pytest.param(
        body("{open=yes}\n## A\n\n### Q\n\nx\n"),
        "wrong-type",
        "5:1",
        "'open' must be true or false, not 'yes'",
        "write open as true or false",
        id="heading-open-yes",
    ),
    pytest.param(
        body('{source_url="javascript:alert(1)"}\n## A\n\n### Q\n\nx\n'),
        "invalid-url",
        "5:1",
        "'source_url' must be an http or https URL, not 'javascript:alert(1)'",
        "write a full URL starting with https://",
        id="heading-source-url",
    ),
    pytest.param(
        body("{#a}\n## A\n\n### Q\n\nx\n\n{#a}\n## B\n\n### Q\n\nx\n"),
        "duplicate-id",
        "13:1",
        "id 'a' is already used by another testimonial or question",
        "give each testimonial and each question its own id",
        id="duplicate-id",
    ),
]


@pytest.mark.parametrize(("text", "code", "where", "message", "hint"), ERRORS)
def test_error(write, text, code, where, message, hint):
    path = write("content.md", text)
    assert_error(error_of(path), path, code, where, message, hint)


@pytest.mark.parametrize(
    ("line", "value", "reason"),
    [
        ('{id="a b"}', "a b", "it holds white space"),
        ('{id="a\'b"}', "a'b", "it holds a quote or a backslash"),
        ("{#1a}", "1a", "it does not start with a letter"),
        ("{#géo}", "géo", "it holds non-ASCII characters"),
    ],
)
def test_invalid_explicit_id(write, line, value, reason):
    path = write("content.md", body(f"{line}\n## A\n\n### Q\n\nx\n"))
    assert_error(
        error_of(path),
        path,
        "invalid-id",
        "5:1",
        f"invalid id {value!r}: {reason}",
        "use an ASCII letter followed by ASCII letters",
    )


def test_cli_reports_bad_markdown_in_one_message(write):
    path = write("content.md", answer('x\n\n{autor="X"}\n> a\n'))
    result = run_cli("render", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{path}:11:1: error: unknown attribute 'autor' on a quote\n")
    assert "Traceback" not in result.stderr


def test_an_attribute_line_above_a_question_sets_its_id(write):
    document = load_text(write, body("## A\n\n{#pourquoi}\n### Q\n\nx\n\n### R\n\ny\n"))
    assert [item.id for item in document.testimonials[0].items] == ["pourquoi", None]


def test_an_unsafe_question_id_is_an_error_at_its_attribute_line(write):
    path = write("content.md", body("## A\n\n{#2bad}\n### Q\n\nx\n"))
    error = error_of(path)
    assert error.code == "invalid-id"
    assert str(error).startswith(f"{path}:7:1: error: ")
