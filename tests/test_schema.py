"""The content schema is declared once (schema.py): the model, both loaders, the
YAML writer and translation follow it. ``date``, the field added through it, is
read, checked, written back and shown."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import dsfr_accordion
from dsfr_accordion import schema
from dsfr_accordion.dump import dump_yaml
from dsfr_accordion.i18n.units import extract
from dsfr_accordion.model import Attribution, Document, Item, Testimonial
from tests.conftest import parse_html, run_cli

YAML = """\
title: Témoignages
testimonials:
  - title: Un projet
    date: 2024-05-21
    items:
      - question: Pourquoi ?
        answer: Parce que.
"""

MARKDOWN = """\
---
title: Témoignages
---

{date="2024-05-21"}
## Un projet

### Pourquoi ?

Parce que.
"""


@pytest.mark.parametrize(
    ("model", "table"),
    [
        (Document, schema.DOCUMENT),
        (Testimonial, schema.TESTIMONIAL),
        (Item, schema.ITEM),
        (Attribution, schema.QUOTE),
    ],
)
def test_every_model_attribute_is_a_field_of_the_schema(model: type, table):
    attributes = {f.name for f in dataclasses.fields(model)} - {"location"}
    assert attributes == set(schema.keys(table))


def test_translatable_fields_are_those_with_a_role():
    roles = {spec.key for spec in schema.TESTIMONIAL if spec.role}
    assert roles == {"title", "organisation", "role", "intro"}  # never ids, URLs, dates
    document = dsfr_accordion.Document(
        "T",
        (Testimonial("A", (Item("Q", (dsfr_accordion.Paragraph("R"),)),), date="2024-05-21"),),
    )
    assert "2024-05-21" not in {unit.text for unit in extract(document)}


@pytest.mark.parametrize(("name", "text"), [("a.yaml", YAML), ("a.md", MARKDOWN)])
def test_a_date_is_read_written_back_and_shown(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = dsfr_accordion.load(path)
    assert document.testimonials[0].date == "2024-05-21"
    again = tmp_path / "again.yaml"
    again.write_text(dump_yaml(document), encoding="utf-8")
    assert "  date: '2024-05-21'\n" in again.read_text(encoding="utf-8")
    assert dsfr_accordion.load(again) == document
    french, _ = parse_html(dsfr_accordion.render(document))
    time = french.find(".//time")
    assert (time.get("datetime"), time.text) == ("2024-05-21", "21 mai 2024")
    assert "Témoignage du 21 mai 2024" in "".join(french.find(".//p").itertext())


def test_the_date_line_follows_the_page_language(tmp_path: Path):
    path = tmp_path / "a.yaml"
    path.write_text(YAML.replace("title: Témoignages", "title: Testimonials\nlang: en"))
    html = dsfr_accordion.render(dsfr_accordion.load(path))
    assert 'Testimonial of <time datetime="2024-05-21">May 21, 2024</time>' in html


@pytest.mark.parametrize("value", ["2024-02-30", "21/05/2024", "2024-5-21", "demain"])
@pytest.mark.parametrize(
    ("name", "text", "place"), [("a.yaml", YAML, "4:11"), ("a.md", MARKDOWN, "5:1")]
)
def test_a_date_that_is_not_one_is_refused_at_its_place(
    tmp_path: Path, name: str, text: str, place: str, value: str
):
    path = tmp_path / name
    path.write_text(text.replace("2024-05-21", value), encoding="utf-8")
    result = run_cli("render", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:{place}: error: date: {value!r} is not a date")
    assert "YYYY-MM-DD" in result.stderr


def test_attribute_values_are_read_as_yaml_values_are(tmp_path: Path):
    """Stripped; empty is absent: the same document from either format."""
    markdown = tmp_path / "a.md"
    markdown.write_text(
        MARKDOWN.replace('{date="2024-05-21"}', '{organisation="" role="  r  " date=""}'),
        encoding="utf-8",
    )
    yaml_file = tmp_path / "a.yaml"
    yaml_file.write_text(
        YAML.replace("    date: 2024-05-21\n", '    organisation: ""\n    role: "  r  "\n'),
        encoding="utf-8",
    )
    for path in (markdown, yaml_file):
        testimonial = dsfr_accordion.load(path).testimonials[0]
        assert (testimonial.organisation, testimonial.role, testimonial.date) == (None, "r", None)
