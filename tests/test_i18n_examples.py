"""The English catalogues of the bundled examples: complete, valid, and rendering in English."""

from __future__ import annotations

from pathlib import Path

import dsfr_accordion
from tests.accordion_contract import by_class
from tests.conftest import EXAMPLES, parse_html, run_cli
from tests.test_i18n_content import msgfmt_check, po_of


def test_example_english_catalogues_are_complete():
    for example in ("temoignages-cloud.yaml", "si-samu.md"):
        result = run_cli("i18n", "stats", str(EXAMPLES / example), "--check", "--langs", "en")
        assert result.returncode == 0, result.stdout
        msgfmt_check(po_of(EXAMPLES / example))


def test_example_renders_in_english_with_no_french_outside_lang_fr():
    html = run_cli("render", str(EXAMPLES / "temoignages-cloud.yaml"), "--lang", "en", "--page")
    assert html.returncode == 0
    assert html.stderr == ""
    tree, errors = parse_html(html.stdout)
    assert errors == []
    assert tree.get("lang") == "en"
    assert not [e for e in tree.iter() if e.get("lang") == "fr"]
    french, _ = parse_html(
        dsfr_accordion.render_page(dsfr_accordion.load(EXAMPLES / "temoignages-cloud.yaml"))
    )
    assert sorted(e.get("id") for e in tree.iter() if e.get("id")) == sorted(
        e.get("id") for e in french.iter() if e.get("id")
    )
    assert by_class(tree, "fr-quote")


def test_example_templates_are_current_and_extract_writes_no_byte(tmp_path):
    """The committed .pot files, which Weblate's components start new languages
    from, are what i18n extract writes now (their header kept)."""
    for example in ("temoignages-cloud.yaml", "si-samu.md"):
        pot = EXAMPLES / "locales" / f"{Path(example).stem}.pot"
        copy = tmp_path / pot.name
        copy.write_bytes(pot.read_bytes())
        result = run_cli("i18n", "extract", str(EXAMPLES / example), "-o", str(copy))
        assert result.returncode == 0, result.stderr
        assert copy.read_bytes() == pot.read_bytes()
        assert b"POT-Creation-Date: 2025" not in pot.read_bytes()  # a real date, not the tests'
