"""schema.org FAQPage structured data: required properties, escaping, off by default."""

from __future__ import annotations

import json
import re

import pytest

import dsfr_accordion
from tests.accordion_contract import by_class, contract_problems
from tests.conftest import EXAMPLES, parse_html, run_cli, translated

# The properties schema.org and search engines require of a FAQ page, by type.
REQUIRED = {
    "FAQPage": {"mainEntity": list},
    "Question": {"name": str, "acceptedAnswer": dict},
    "Answer": {"text": str},
}


def structured_data(html: str) -> list[dict]:
    tree, errors = parse_html(html)
    assert errors == []
    assert contract_problems(tree) == []
    assert by_class(tree, "fr-accordion"), "the accordions are markup, not text"
    return [
        json.loads(script.text)
        for script in tree.iter("script")
        if script.get("type") == "application/ld+json"
    ]


def check_required(node: dict) -> None:
    for name, kind in REQUIRED[node["@type"]].items():
        assert isinstance(node[name], kind), (node["@type"], name)
        assert node[name], (node["@type"], name)
    for value in node.values():
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, dict) and child.get("@type") in REQUIRED:
                check_required(child)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_faq_page_has_every_required_property(lang: str):
    document = dsfr_accordion.load(EXAMPLES / "temoignages-cloud.yaml")
    html = dsfr_accordion.render_page(
        document, lang=lang, translations=translated(document, lang), faq_schema=True
    )
    (data,) = structured_data(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    assert data["inLanguage"] == lang
    check_required(data)
    questions = [q["name"] for q in data["mainEntity"]]
    assert len(questions) == 13
    if lang == "fr":
        assert questions[0] == "Pouvez-vous décrire brièvement le projet ?"
    else:
        assert questions[0] == "Could you briefly describe the project?"
    assert data["mainEntity"][0]["acceptedAnswer"]["text"].startswith("<p>")


def test_off_by_default_and_from_the_command_line():
    document = dsfr_accordion.load(EXAMPLES / "si-samu.md")
    assert structured_data(dsfr_accordion.render_page(document)) == []
    result = run_cli("render", str(EXAMPLES / "si-samu.md"), "--page", "--faq-schema")
    assert result.returncode == 0
    (data,) = structured_data(result.stdout)
    assert len(data["mainEntity"]) == 3


def test_content_cannot_close_the_script_element():
    hostile = "</script><script>alert(1)</script><!--"
    document = dsfr_accordion.Document(
        title=hostile,
        testimonials=(
            dsfr_accordion.Testimonial(
                "T",
                (dsfr_accordion.Item(hostile, (dsfr_accordion.Paragraph("a & b"),)),),
            ),
        ),
    )
    html = dsfr_accordion.render(document, faq_schema=True)
    script = html[html.index('<script type="application/ld+json">') :]
    assert re.findall(r"</script", script, flags=re.IGNORECASE) == ["</script"]
    assert "<!--" not in script
    tree, errors = parse_html(html, fragment=True)
    assert errors == []
    (data,) = [json.loads(s.text) for s in tree.iter("script")]
    assert data["mainEntity"][0]["name"] == hostile
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "<p>a &amp; b</p>"
