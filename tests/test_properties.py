"""Property-based tests: whatever the titles and shapes, the output keeps its promises."""

from __future__ import annotations

import functools
import html
import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import dsfr_accordion
from dsfr_accordion import ContentError, Document, IdAllocator, Item, Paragraph, Testimonial
from dsfr_accordion.legacy import import_page
from dsfr_accordion.sanitize import clean_text
from tests.accordion_contract import by_class, contract_problems, text_of
from tests.conftest import parse_html

TRICKY = st.sampled_from(
    [
        "",
        " ",
        "!!!",
        "🚀",
        "שלום עולם",
        "العربية",
        "e\u0301te\u0301",
        "Ω" * 3,
        "Projet",
        "Projet",
        "projet",
        "PROJET",
        "2024",
        "x" * 10_000,
        "<b>x</b>",
        'a"b',
        "a\\b",
        "\u202e",
    ]
)
TITLES = st.one_of(TRICKY, st.text(min_size=0, max_size=80))
SAFE_IDS = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)

documents = st.builds(
    lambda parts: Document(title="Page", testimonials=tuple(parts)),
    st.lists(
        st.builds(
            lambda title, questions, explicit: Testimonial(
                title=title,
                id=explicit,
                items=tuple(Item(q, (Paragraph("Réponse"),)) for q in questions),
            ),
            TITLES,
            st.lists(TITLES, min_size=1, max_size=3),
            st.one_of(st.none(), SAFE_IDS),
        ),
        min_size=1,
        max_size=6,
    ),
)


def visible(text: str) -> str:
    return " ".join(clean_text(text).split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.booleans())
def test_any_document_renders_valid_unique_deterministic_markup(document, page):
    render = dsfr_accordion.render_page if page else dsfr_accordion.render
    try:
        html = render(document)
    except ContentError as error:
        # Refused: an empty title or question, or an explicit id used twice.
        assert error.code in ("empty-value", "duplicate-id")
        return
    assert render(document) == html
    tree, errors = parse_html(html, fragment=not page)
    assert errors == []
    assert contract_problems(tree) == []
    buttons = by_class(tree, "fr-accordion__btn")
    assert [text_of(b) for b in buttons] == [visible(t.title) for t in document.testimonials]
    for testimonial, button in zip(document.testimonials, buttons, strict=True):
        if testimonial.id is not None:
            assert button.get("aria-controls") == testimonial.id
        assert re.fullmatch(r"[a-z][a-z0-9-]*", button.get("aria-controls"))
    questions = [text_of(h) for h in tree.iter() if (h.get("class") or "").startswith("fr-h6")]
    expected = [visible(i.question) for t in document.testimonials for i in t.items]
    assert questions == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(documents, min_size=2, max_size=4))
def test_several_documents_in_one_page_never_share_an_id(docs):
    ids = IdAllocator(reserved=["contenu"])
    fragments = []
    for document in docs:
        try:
            fragments.append(dsfr_accordion.render(document, ids=ids))
        except ContentError as error:
            assert error.code in ("empty-value", "duplicate-id")
    tree, errors = parse_html("<main>" + "".join(fragments) + "</main>", fragment=True)
    assert errors == []
    assert contract_problems(tree) == []


# --- The legacy importer on generated pages -------------------------------------------------

WORDS = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=8
)
SENTENCES = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
# Links hold plain text: a link inside a link is not HTML (a browser splits it),
# and the importer reports such a page as losing words (test_nested_links_are_a_reported_loss).
LEAVES = st.one_of(
    SENTENCES.map(html.escape),
    SENTENCES.map(lambda text: f'<a href="https://example.gouv.fr">{html.escape(text)}</a>'),
)
INLINE = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        inner.map(lambda text: f"<em>{text}</em>"),
        inner.map(lambda text: f"<strong>{text}</strong> suite"),
        st.tuples(inner, inner).map(lambda pair: f"{pair[0]}<br>{pair[1]}"),
    ),
    max_leaves=4,
)
BLOCKS = st.one_of(
    INLINE.map(lambda text: f"<p>{text}</p>"),
    st.lists(INLINE, min_size=1, max_size=3).map(
        lambda items: "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    ),
)
QUESTIONS = st.tuples(SENTENCES, st.lists(BLOCKS, min_size=1, max_size=3)).map(
    lambda qa: f"<p><strong>{html.escape(qa[0])} ?</strong></p>" + "".join(qa[1])
)


def _accordion(pattern: str, number: int, title: str, panel: str) -> str:
    title = html.escape(title)
    if pattern == "details":
        return f"<details><summary>{title}</summary>{panel}</details>"
    if pattern == "bootstrap":
        return (
            f'<div class="accordion-item"><h2 class="accordion-header"><button '
            f'class="accordion-button" data-bs-toggle="collapse" data-bs-target="#c{number}">'
            f'{title}</button></h2><div id="c{number}" class="accordion-collapse collapse">'
            f'<div class="accordion-body">{panel}</div></div></div>'
        )
    return (
        f'<div class="accordion-item"><button class="accordion-title" aria-controls="p{number}">'
        f'{title}</button><div class="accordion-content" id="p{number}">{panel}</div></div>'
    )


PAGES = st.lists(
    st.tuples(
        st.sampled_from(["foundation", "bootstrap", "details"]),
        SENTENCES,
        st.lists(QUESTIONS, min_size=1, max_size=3).map("".join),
    ),
    min_size=1,
    max_size=4,
).map(lambda parts: "\n".join(_accordion(p, n, t, b) for n, (p, t, b) in enumerate(parts)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_importer_never_crashes_nor_loses_text(page):
    result = import_page(page, "generated.html")
    assert result.report.preservation.losses == ()
    html_out = dsfr_accordion.render_page(result.document)
    tree, errors = parse_html(html_out)
    assert errors == []
    assert contract_problems(tree) == []
    assert dsfr_accordion.render_page(result.document) == html_out


def test_nested_links_are_a_reported_loss_not_a_silent_one():
    page = _accordion(
        "foundation",
        0,
        "Titre",
        '<p><strong>Question ?</strong></p><p><a href="https://a.fr">un '
        '<a href="https://b.fr">deux</a></a></p>',
    )
    result = import_page(page, "nested.html")
    (loss,) = result.report.preservation.losses
    assert (loss.location.line, loss.words) == (1, ("un", "deux"))


# Text without "<" and "&" skips the HTML parser (sanitize._plain_as_html): it must
# give what the real nh3 cleaner gives, for any such text.
PLAIN_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(">\"'\r\n\t\x0c\xa0\u2028\ufeff\u200b=/;#é€😀"), st.characters()
    ),
    max_size=40,
).filter(lambda text: "<" not in text and "&" not in text)


@settings(max_examples=500, deadline=None)
@given(PLAIN_TEXT)
@example("\ufeff")  # the parser drops one byte order mark at the start (found by hypothesis)
@example("\ufeff\ufeffa\r\n>\xa0")
def test_text_without_markup_is_cleaned_as_the_html_cleaner_cleans_it(text):
    from dsfr_accordion import sanitize  # noqa: PLC0415 - private helpers under test

    assert sanitize._plain_as_html(sanitize.clean_text(text)) == sanitize._CLEANER.clean(
        sanitize.clean_text(text)
    )


# Text that is only paragraphs of words skips the Markdown parser (richtext._paragraphs):
# it must give the blocks the parser gives, for any such text.
MARKDOWN_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            "aé 1\n\n\n.,;:!?'\"()-#+=~{}|%/@\\`*_[]<>&\t\r\x00\xa0\u202f\u2028\x85\x1f\x0c«»’"
        ),
        st.characters(),
    ),
    max_size=60,
)


@settings(max_examples=1000, deadline=None)
@given(MARKDOWN_TEXT, st.booleans())
@example('a\n\nb "c"\n\n\nd\ne', True)
@example("a\n1. un", False)  # a numbered item interrupts a paragraph
@example("1) un", False)
@example("a\n=", False)  # a setext underline
@example("a\n---", False)
@example("a\n+ b", False)
@example("a\n# b", False)
@example("a\n> b", False)
@example("a\n~~~", False)
@example("{x}", False)
@example("a\n\xa0b", False)  # trimmed by the parser
@example("a\x1f\nb", False)
@example("a\u2028", False)
@example("a\r\rb", False)  # line breaks to the parser
@example("a.fr b", False)  # linked
@example("x@y b", False)
def test_plain_text_is_cut_into_the_paragraphs_the_parser_makes(text, in_markdown_body):
    from dsfr_accordion import richtext  # noqa: PLC0415 - private helpers under test

    lines = text.split("\n") if in_markdown_body else ()  # a Markdown body has columns
    source = richtext.Source("content.yaml", 7, "an answer", lines)
    if richtext._NOT_PLAIN.search(text):
        return
    parsed = richtext.blocks_from_tokens(richtext.parse(text), source)
    assert richtext._paragraphs(text, source) == parsed


# The parser runs markdown-it's linkify rule only on text that may hold a link: its
# tokens must be those of the rule itself, for any text.
LINKABLE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                *("https://", "http:", "//", "www.", "mailto:", "a@b.fr", "@", ".fr", ".", "x.com"),
                *("example", ".рф", ".xn--p1ai", "1.2.3.4", " ", "\n", "(", ")", "<", ">", "`"),
                *("*", "\\", "&#64;", "[l](", "ftp:", "localhost", ":8080", "/p?q=1#f", "é"),
            ]
        ),
        st.text(max_size=3),
    ),
    max_size=12,
).map("".join)


@functools.cache
def _parser_with_markdown_its_linkify():
    """The library's parser, built anew, with markdown-it's own linkify rule."""
    from markdown_it.rules_core.linkify import linkify  # noqa: PLC0415

    from dsfr_accordion import richtext  # noqa: PLC0415 - private helpers under test

    built = richtext.parser.__wrapped__()  # not the cached one
    built.core.ruler.at("linkify", linkify)
    return built


@settings(max_examples=1000, deadline=None)
@given(LINKABLE_TEXT)
def test_the_linkifier_is_skipped_only_where_it_links_nothing(text):
    from dsfr_accordion import richtext  # noqa: PLC0415

    assert richtext.parser().parse(text) == _parser_with_markdown_its_linkify().parse(text)


def _slug_by_definition(text: str) -> str:
    """slugify as its contract states it, one character at a time: the oracle of the
    faster implementation."""
    from dsfr_accordion import ids  # noqa: PLC0415 - private table under test

    folded = unicodedata.normalize(
        "NFKD", text.translate(str.maketrans(ids._TRANSLITERATIONS)).lower()
    )
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    slug = re.sub("[^a-z0-9]+", "-", bare).strip("-")
    if not slug:
        return ids.FALLBACK_SLUG
    if not slug[0].isalpha():
        slug = f"{ids.FALLBACK_SLUG}-{slug}"
    if len(slug) > ids.MAX_SLUG_LENGTH:
        cut = slug[: ids.MAX_SLUG_LENGTH + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[: ids.MAX_SLUG_LENGTH]
    return slug


@settings(max_examples=500, deadline=None)
@given(st.one_of(TITLES, st.text(alphabet=st.sampled_from("aÉœŒßøǿ\u0301\u034fﬁ½\u0131 İ-9"))))
def test_slugify_agrees_with_its_character_by_character_definition(title):
    assert dsfr_accordion.slugify(title) == _slug_by_definition(title)


#: Texts whose words meet every kind of white space str.split() knows, combining marks
#: (Latin and others), characters that fold to nothing, to a separator or to a space
#: (¨, U+1FED) next to them, and one whose lower case is not transliterated (ẞ).
SPACED_TEXT = st.text(
    alphabet=st.sampled_from(
        "aZ9É\u0301\u034f\u0483\u3099œİ\u0131ﬁ½¨\u1fed\u1e9e-'’?Σς"
        " \t\n\x1c\x1f\x85\xa0\u2003\u2028\u3000"
    )
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(TITLES, SPACED_TEXT), min_size=1, max_size=8))
def test_the_allocator_slugs_word_by_word_as_slugify_does(texts):
    # One allocator for all the texts: words seen in one text are reused in the next.
    allocator = IdAllocator()
    assert [allocator._slug(text) for text in texts] == [dsfr_accordion.slugify(t) for t in texts]


def test_every_code_point_clean_text_removes_is_unprintable():
    # clean_text skips its regular expression for printable text: sound only if
    # no removed code point is printable. Checked over all of Unicode.
    from dsfr_accordion.sanitize import _INVALID_CHARS  # noqa: PLC0415 - private table

    removed = (chr(code) for code in range(0x110000) if _INVALID_CHARS.match(chr(code)))
    assert [ch for ch in removed if ch.isprintable()] == []


def test_clean_text_removes_the_66_noncharacters_of_every_plane():
    # U+FDD0..U+FDEF and the last two code points of each of the 17 planes: an HTML
    # parse error each (the Nu validator refuses them), supplementary planes too.
    noncharacters = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [
        chr(plane + last) for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)
    ]
    assert len(noncharacters) == 66
    assert clean_text("a" + "".join(noncharacters) + "b") == "ab"


def test_slugify_agrees_with_its_definition_on_every_character_of_the_bmp():
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        title = f"a{chr(code)}b"
        assert dsfr_accordion.slugify(title) == _slug_by_definition(title), hex(code)


# The preservation check compares word lists with their common start and end set
# aside (legacy/preservation.py): what it reports lost must be exactly what is gone.
@settings(max_examples=200, deadline=None)
@given(st.integers(0, 300), st.data())
def test_the_words_reported_lost_are_the_words_removed(size, data):
    from dsfr_accordion.legacy.preservation import _unmatched  # noqa: PLC0415

    source = [f"w{n}" for n in range(size)]  # distinct words: one right answer
    kept = data.draw(st.lists(st.booleans(), min_size=size, max_size=size))
    result = [word for word, keep in zip(source, kept, strict=True) if keep]
    lost = [word for start, end in _unmatched(source, result) for word in source[start:end]]
    assert lost == [word for word, keep in zip(source, kept, strict=True) if not keep]
    assert _unmatched(source, list(source)) == []
