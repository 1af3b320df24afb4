"""The YAML writer: ``load(dump_yaml(document)) == document``, and Markdown escaping."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

import dsfr_accordion
from dsfr_accordion.dump import blocks_markdown, inline_markdown
from dsfr_accordion.loaders.yaml import load_yaml
from dsfr_accordion.richtext import Source, blocks_from_markdown
from tests.conftest import EXAMPLES

SOURCE = Source("x.md", 1, "an answer")


@pytest.mark.parametrize("name", ["temoignages-cloud.yaml", "si-samu.md"])
def test_examples_round_trip(name: str):
    document = dsfr_accordion.load(EXAMPLES / name)
    text = dsfr_accordion.dump_yaml(document)
    assert load_yaml(text, "x.yaml") == document
    assert dsfr_accordion.dump_yaml(load_yaml(text, "x.yaml")) == text


def test_output_is_the_documented_yaml_format():
    document = dsfr_accordion.load(EXAMPLES / "si-samu.md")
    data = yaml.safe_load(dsfr_accordion.dump_yaml(document))
    assert list(data) == ["title", "lang", "testimonials"]
    testimonial = data["testimonials"][0]
    assert list(testimonial) == ["title", "id", "organisation", "intro", "items"]
    answer = testimonial["items"][0]["answer"]
    assert '{author="Laurent Joubert" role="directeur des opérations de l’ANS"' in answer
    assert "\n> Après une analyse approfondie" in answer


def test_every_testimonial_key_is_written():
    testimonial = dsfr_accordion.Testimonial(
        title="2024",
        id="t1",
        organisation="IGN",
        author="Jeanne",
        role="cheffe",
        source_url="https://www.ign.fr",
        open=True,
        items=(dsfr_accordion.Item("no", (dsfr_accordion.Paragraph("oui"),)),),
    )
    document = dsfr_accordion.Document(
        title="yes",
        lang="no",
        date="2024-07-04",
        testimonials=(testimonial,),
        metadata={"rubrique": "cloud", "tags": ["a", "b"]},
    )
    back = load_yaml(dsfr_accordion.dump_yaml(document), "x.yaml")
    assert back == replace(document, metadata=back.metadata)
    assert dict(back.metadata) == {"rubrique": "cloud", "tags": ["a", "b"]}


TRICKY_MARKDOWN = [
    r"Un \*astérisque\*, un \_souligné\_ et snake_case, \[crochets\] et \<chevrons\>.",
    r"\- pas une liste",
    r"2024\. pas une liste numérotée",
    r"\# pas un titre",
    r"\> pas une citation",
    r"\{pas une ligne d’attributs}",
    r"\&copy; reste écrit ainsi, R&D aussi",
    "Du `code`, du ``code avec ` dedans`` et un anti\\\\slash.",
    "*emphase* et **gras** et ***les deux*** et a**u milieu**x.",
    "Une ligne\\\npuis une autre\navec un retour simple.",
    '[un lien](https://exemple.fr/a_(b) "son titre"), <https://exemple.fr/x_y> et https://exemple.fr/z.',
    "[lien *riche*](https://exemple.fr) et [mailto](mailto:a@b.fr) et exemple.gouv.fr.",
    r"[https://exemple.fr/\*x\*](https://exemple.fr/y) et [un\_lien](/relatif)",
    r"Attention \![un lien](https://exemple.fr), pas une image, et du code blanc `   ` gardé.",
    "*« guillemets »* et l’*apostrophe*.",
]


@pytest.mark.parametrize("markdown", TRICKY_MARKDOWN)
def test_rich_text_round_trips(markdown: str):
    blocks = blocks_from_markdown(markdown, SOURCE)
    assert blocks_from_markdown(blocks_markdown(blocks), SOURCE) == blocks


def test_lists_and_quotes_round_trip():
    markdown = (
        "- un\n- deux\n\n* trois, une autre liste\n\n3. trois\n4. quatre\n\n"
        '{author="Anne" source="Table ronde"}\n> cité\n>\n> - point\n\n> sans attribution'
    )
    blocks = blocks_from_markdown(markdown, SOURCE)
    assert [type(b).__name__ for b in blocks] == [
        "ListBlock",
        "ListBlock",
        "ListBlock",
        "Quote",
        "Quote",
    ]
    assert blocks_from_markdown(blocks_markdown(blocks), SOURCE) == blocks


def test_emphasis_markdown_could_not_read_is_written_as_text():
    # "*" cannot open before a quotation mark glued to a word: keep the words.
    assert inline_markdown('mot<em>"cité"</em>suite') == 'mot"cité"suite'
    assert inline_markdown("<em> espacé </em>") == "*espacé*"
