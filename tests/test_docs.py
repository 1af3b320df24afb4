"""The documentation matches the code: public names, render options, content keys, CLI."""

from __future__ import annotations

import inspect
import re

import pytest

import dsfr_accordion
from dsfr_accordion.loaders.fields import DOCUMENT_KEYS
from dsfr_accordion.loaders.markdown import HEADING_ATTRIBUTES
from dsfr_accordion.loaders.yaml import ITEM_KEYS, TESTIMONIAL_KEYS
from dsfr_accordion.richtext import QUOTE_ATTRIBUTES
from tests.conftest import ROOT, run_cli

DOCS = ROOT / "docs"


def table_keys(markdown: str, heading: str) -> set[str]:
    """The backquoted first cells of the table under ``heading``."""
    section = markdown.split(heading, 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\| `([^`]+)`", section, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def content_format() -> str:
    return (DOCS / "content-format.md").read_text(encoding="utf-8")


def test_every_public_name_is_documented_in_the_python_api():
    api = (DOCS / "python-api.md").read_text(encoding="utf-8")
    for name in dsfr_accordion.__all__:
        assert f"`{name}" in api, name


def test_every_render_parameter_is_documented():
    documented = table_keys((DOCS / "python-api.md").read_text(encoding="utf-8"), "## `render(")
    parameters = set(inspect.signature(dsfr_accordion.render).parameters) - {"document"}
    assert documented == parameters


@pytest.mark.parametrize(
    ("heading", "keys"),
    [
        ("### Document keys", (*DOCUMENT_KEYS, "testimonials")),
        ("### Testimonial keys", TESTIMONIAL_KEYS),
        ("### Item keys", ITEM_KEYS),
        ("## Quotes", QUOTE_ATTRIBUTES),
    ],
)
def test_every_content_key_is_documented(content_format: str, heading: str, keys):
    assert table_keys(content_format, heading) == set(keys)


def test_markdown_heading_attributes_are_testimonial_keys():
    assert set(HEADING_ATTRIBUTES) <= set(TESTIMONIAL_KEYS)


def test_readme_documents_every_render_option():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", run_cli("render", "--help").stdout))
    for option in options - {"--help"}:
        assert option in readme, option


def test_readme_quick_start_has_exactly_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", quick_start, flags=re.DOTALL)
    assert blocks == ["make demo\nmake test\n"]


def test_readme_screenshot_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (image,) = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", readme)
    assert (ROOT / image).is_file()
