"""The accordion macro in a site builder's own Jinja environment."""

from __future__ import annotations

import jinja2
import pytest
from markupsafe import Markup

import dsfr_accordion
from dsfr_accordion import Document, IdAllocator, Item, Paragraph, Testimonial, ui
from dsfr_accordion.ids import allocate_ids, allocate_question_ids
from dsfr_accordion.markup import DSFR_ONLY, AccordionWriter, Enhancements
from tests.accordion_contract import by_class, contract_problems, text_of
from tests.conftest import EXAMPLES, parse_html

HOST_TEMPLATE = """\
{% from "dsfr_accordion/accordion.html.j2" import accordion %}
<main id="main">
<h1>FAQ</h1>
{{ accordion(params) }}
</main>
"""


def host_environment(**options) -> jinja2.Environment:
    """A host environment that knows nothing of dsfr_accordion but its loader."""
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.DictLoader({"page.html": HOST_TEMPLATE}), dsfr_accordion.jinja_loader()]
        ),
        autoescape=True,
        **options,
    )


def render_host(params, **options):
    html = host_environment(**options).get_template("page.html").render(params=params)
    tree, errors = parse_html(html, fragment=True)
    assert errors == []
    return html, tree


def test_macro_renders_the_dsfr_contract_in_a_foreign_environment():
    html, tree = render_host(
        {
            "idPrefix": "faq",
            "headingLevel": 2,
            "items": [
                {"title": "Première", "content": Markup("<p>Une <em>réponse</em></p>")},
                {
                    "title": "Seconde",
                    "content": Markup("<p>Autre</p>"),
                    "id": "seconde",
                    "open": True,
                },
            ],
        }
    )
    assert contract_problems(tree) == []
    buttons = list(tree.iter("button"))
    assert [b.get("aria-controls") for b in buttons] == ["faq-1", "seconde"]
    assert [b.get("aria-expanded") for b in buttons] == ["false", "true"]
    assert by_class(tree, "fr-accordion__title")[0].tag == "h2"
    assert by_class(tree, "fr-accordions-group")[0].get("data-fr-group") == "false"
    assert "<p>Une <em>réponse</em></p>" in html


def test_macro_escapes_plain_text_content_and_titles():
    html, tree = render_host(
        {"idPrefix": "faq", "items": [{"title": "<b>T</b>", "content": "<script>x()</script>"}]}
    )
    assert "<script>" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert text_of(tree.find(".//button")) == "<b>T</b>"


def test_macro_group_option():
    _, tree = render_host(
        {"idPrefix": "g", "group": True, "items": [{"title": "A", "content": "a"}]}
    )
    assert by_class(tree, "fr-accordions-group")[0].get("data-fr-group") == "true"


def test_macro_without_ids_or_prefix_fails_loudly():
    with pytest.raises(jinja2.UndefinedError, match="idPrefix"):
        render_host({"items": [{"title": "A", "content": "a"}]})


def test_macro_works_with_strict_undefined_and_defaults():
    _, tree = render_host(
        {"items": [{"title": "A", "content": "a", "id": "a", "open": False}]},
        undefined=jinja2.ChainableUndefined,
    )
    assert tree.find(".//button").get("aria-controls") == "a"


def test_render_output_embeds_in_a_host_template_as_markup():
    document = dsfr_accordion.load("examples/si-samu.md")
    html = dsfr_accordion.render(document)
    assert isinstance(html, Markup)
    page = jinja2.Environment(autoescape=True).from_string("<main>{{ accordion }}</main>")
    out = page.render(accordion=html)
    tree, errors = parse_html(out, fragment=True)
    assert errors == []
    assert contract_problems(tree) == []


def test_optional_parameters_may_be_left_out_under_strict_undefined():
    _, tree = render_host(
        {"idPrefix": "faq", "items": [{"title": "A", "content": "a"}]},
        undefined=jinja2.StrictUndefined,
    )
    button = tree.find(".//button")
    assert (button.get("aria-controls"), button.get("aria-expanded")) == ("faq-1", "false")
    assert by_class(tree, "fr-accordions-group")[0].get("data-fr-group") == "false"


def test_macro_takes_ids_from_the_page_allocator():
    ids = dsfr_accordion.IdAllocator(reserved=["main"])
    fragment = dsfr_accordion.render(dsfr_accordion.load("examples/si-samu.md"), ids=ids)
    html, tree = render_host(
        {
            "ids": ids,
            "items": [{"title": "SI-SAMU", "content": "a"}, {"title": "Main", "content": "b"}],
        }
    )
    assert [b.get("aria-controls") for b in tree.iter("button")] == ["si-samu-2", "main-2"]
    page, errors = parse_html(f"{fragment}{html}", fragment=True)
    assert errors == []
    assert contract_problems(page) == []


# The public macro is the reference for the accordion markup; render() writes the
# same bytes in Python (dsfr_accordion.markup.AccordionWriter). Compare the two on
# every example, with every heading level and open state, and on hostile titles.
def _panel(writer: AccordionWriter, testimonial: Testimonial, question_ids: tuple[str, ...]) -> str:
    pieces: list[str] = []
    writer.panel(pieces, testimonial, question_ids)
    return "".join(pieces)


def _show_all_labels(lang: str) -> dict[str, str]:
    """The macro's ``showAll`` as render gives it: the library's words for ``lang``."""
    words = ui.interface_language(lang)
    gettext = ui.translations(words).gettext
    labels = {"show": gettext("Show all sections"), "hide": gettext("Hide all sections")}
    return labels if words == lang else {**labels, "lang": words}


def _macro_and_render(
    document: Document,
    level: int,
    open_state: str,
    grouped: bool,
    enhancements: Enhancements = Enhancements(),  # noqa: B008 - frozen
):
    rendered = dsfr_accordion.render(
        document,
        heading_level=level,
        open=open_state,
        grouped=grouped,
        open_without_js=enhancements.open_without_js,
        find_in_page=enhancements.find_in_page,
        show_all=enhancements.show_all,
        permalinks=enhancements.permalinks,
    )
    marks = (Markup(mark) for mark in ui.quote_marks(document.lang))
    writer = AccordionWriter(level, *marks, document.lang, enhancements)
    allocator = IdAllocator()
    panel_ids = allocate_ids(document, allocator)
    question_ids = allocate_question_ids(document, allocator, panel_ids)
    params = {
        "items": [
            {
                "id": panel_id,
                "title": dsfr_accordion.text_html(testimonial.title),
                "content": Markup(_panel(writer, testimonial, questions)),
                "open": open_state == "all" or (open_state == "first" and index == 0),
            }
            for index, (testimonial, panel_id, questions) in enumerate(
                zip(document.testimonials, panel_ids, question_ids, strict=True)
            )
        ],
        "headingLevel": level,
        "group": grouped,
        "openWithoutJs": enhancements.open_without_js,
        "findInPage": enhancements.find_in_page,
        "permalinks": enhancements.permalinks,
    }
    if enhancements.show_all:
        params["showAll"] = _show_all_labels(document.lang)
    # The library's own environment options, which the macro's whitespace assumes.
    macro = host_environment(trim_blocks=True, lstrip_blocks=True).from_string(
        '{% from "dsfr_accordion/accordion.html.j2" import accordion %}{{ accordion(params) }}'
    )
    return macro.render(params=params), str(rendered)


@pytest.mark.parametrize("level", [2, 3, 6])
@pytest.mark.parametrize(
    ("open_state", "grouped"), [("none", False), ("first", True), ("all", False)]
)
@pytest.mark.parametrize("example", ["temoignages-cloud.yaml", "si-samu.md"])
@pytest.mark.parametrize(
    "enhancements",
    [Enhancements(), DSFR_ONLY, Enhancements(False, True, True, True)],
    ids=["default", "dsfr-only", "permalinks"],
)
def test_render_writes_what_the_public_macro_writes(
    example, level, open_state, grouped, enhancements
):
    macro, rendered = _macro_and_render(
        dsfr_accordion.load(EXAMPLES / example), level, open_state, grouped, enhancements
    )
    assert macro == rendered


def test_render_and_macro_agree_on_the_show_all_button_in_a_language_without_catalogue():
    document = Document(
        "t", tuple(Testimonial(t, (Item("Q ?", (Paragraph("R"),)),)) for t in "AB"), lang="de"
    )
    macro, rendered = _macro_and_render(document, 3, "none", False)
    assert macro == rendered
    assert '<p class="dsfr-accordion-show-all fr-mb-2w" lang="fr" hidden>' in rendered


def test_render_and_macro_agree_on_hostile_titles():
    titles = ['<b>"x"</b>', "a & b", "l'été", "\u202e", "x" * 300]
    document = Document(
        "t", tuple(Testimonial(title, (Item("Q ?", (Paragraph("R"),)),)) for title in titles)
    )
    macro, rendered = _macro_and_render(document, 4, "none", False)
    assert macro == rendered
    assert "&lt;b&gt;&#34;x&#34;&lt;/b&gt;" in rendered
