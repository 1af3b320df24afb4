"""The documentation matches the code: public names, render options, content keys, CLI."""

from __future__ import annotations

import argparse
import importlib
import inspect
import re

import pytest

import dsfr_accordion
from dsfr_accordion.cli import build_parser
from dsfr_accordion.loaders.fields import DOCUMENT_KEYS
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
    api = (DOCS / "python-api.md").read_text(encoding="utf-8")
    documented = table_keys(api, "## `render(")
    parameters = set(inspect.signature(dsfr_accordion.render).parameters) - {"document"}
    assert documented == parameters
    on_page = set(inspect.signature(dsfr_accordion.render_page).parameters) - {"document"}
    section = api.split("## `render_page(", 1)[1].split("\n#", 1)[0]
    (shared_row,) = re.findall(r"^\| `lang`.*$", section, flags=re.MULTILINE)
    shared = set(re.findall(r"`(\w+)`", shared_row.split("|")[1]))
    own = table_keys(api, "## `render_page(") - {"lang"}
    assert on_page == shared | own
    assert parameters - {"page"} <= on_page  # every option of a fragment is one of a page


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


def test_every_image_the_docs_show_exists():
    for page in [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]:
        for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", page.read_text(encoding="utf-8")):
            assert (page.parent / image).is_file(), (page.name, image)


def _sections(markdown: str) -> dict[str, str]:
    """The text under each ``## `command` `` heading of docs/cli.md."""
    parts = re.split(r"^## `([a-z0-9]+)`\n", markdown, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _options(parser) -> set[str]:
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found |= _options(child)
        if action.help == argparse.SUPPRESS:
            continue  # a global option repeated after the command, documented once
        found |= {flag for flag in action.option_strings if flag not in ("-h", "--help")}
    return found


def test_cli_reference_lists_every_option_of_every_command():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    sections = _sections(text)
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(sections) == set(commands.choices)
    for name, subparser in commands.choices.items():
        documented = set(re.findall(r"`(--?[a-z][a-z0-9-]*)`", sections[name]))
        assert documented == _options(subparser), name
    top = {flag for a in parser._actions for flag in a.option_strings} - {"-h", "--help"}
    assert top <= set(re.findall(r"`(--?[a-z][a-z0-9-]*)`", text.split("## Exit status")[0]))
    for status in ("0", "1", "2", "70", "130"):
        assert f"| {status} |" in text


def test_lazy_exports_and_all_agree():
    eager = {"__version__"}
    assert set(dsfr_accordion.__all__) == {*dsfr_accordion._EXPORTS, *eager}
    for name in dsfr_accordion.__all__:
        assert getattr(dsfr_accordion, name) is not None
    importlib.import_module("dsfr_accordion.cli")  # imports every submodule, rendering.py too
    assert callable(dsfr_accordion.render)
