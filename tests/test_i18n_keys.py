"""Stable keys: a translation follows its text, whatever moves around it (issue 15).

Each test edits a copy of the bundled examples as an author would, runs the
update a translator runs, and counts what the translator has to do; after
each update GNU gettext's own tools accept the file.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import dsfr_accordion
from dsfr_accordion.i18n import catalogs
from dsfr_accordion.i18n.units import extract
from tests.conftest import EXAMPLES

POSITIONAL = Path(__file__).parent / "fixtures" / "i18n" / "positional-keys"
EXAMPLE_FILES = ("si-samu.md", "temoignages-cloud.yaml")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the bundled examples with their English catalogues."""
    for name in EXAMPLE_FILES:
        shutil.copy(EXAMPLES / name, tmp_path / name)
    shutil.copytree(EXAMPLES / "locales", tmp_path / "locales")
    return tmp_path


def update(content: Path) -> tuple[Path, catalogs.Stats]:
    """Update the English catalogue of ``content`` and count it against the content;
    check the file with GNU gettext."""
    document = dsfr_accordion.load(content)
    pot = catalogs.locales_dir(content, None) / f"{content.stem}.pot"
    catalogs.write_template(document, content, pot)  # i18n extract, then i18n update
    po = catalogs.update(document, content, "en")
    gnu_accepts(po, pot)
    return po, catalogs.stats(catalogs.read(po, "en"), catalogs.template(document, content))


def gnu_accepts(po: Path, pot: Path) -> None:
    """``msgfmt -c`` accepts ``po``, ``msgmerge`` merges it with ``pot``, and ``msgcat``
    reads it and changes no byte of it."""
    merged = po.with_name("merged.po")
    shutil.copy(po, merged)
    for command in (
        ["msgfmt", "-c", "-o", "/dev/null", str(po)],
        ["msgmerge", "--quiet", "--update", "--backup=off", str(merged), str(pot)],
        ["msgcat", str(po)],
    ):
        result = subprocess.run(command, capture_output=True, check=False)
        assert result.returncode == 0, (command, result.stderr)
    assert result.stdout == po.read_bytes()  # msgcat's output


def counts(stats: catalogs.Stats) -> tuple[int, int, int, int]:
    return (stats.translated, stats.fuzzy, stats.untranslated, stats.obsolete)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_catalogues_keyed_by_place_keep_every_translation_under_the_new_keys(site: Path, name: str):
    """The catalogues as development versions wrote them (keys such as ``si-samu/intro/p1``) become
    the committed ones on the first update: no translation lost, none made fuzzy."""
    content = site / name
    po = catalogs.po_path(content, "en")
    shutil.copy(POSITIONAL / po.name, po)
    assert "/p1" in po.read_text(encoding="utf-8")
    po, stats = update(content)
    assert stats.complete, counts(stats)
    assert stats.obsolete == 0
    # The entries as committed; the header is the file's own, kept as msgmerge keeps it.
    entries = po.read_bytes().split(b"\n\n", 1)[1]
    assert entries == catalogs.po_path(EXAMPLES / name, "en").read_bytes().split(b"\n\n", 1)[1]


def test_an_inserted_paragraph_is_the_only_new_entry(site: Path):
    content = site / "si-samu.md"
    total = counts(update(content)[1])[0]
    edit(
        content,
        "\n### Les défis de la migration\n",
        "\nLe calendrier, serré, laissait peu de place à l’imprévu.\n"
        "\n### Les défis de la migration\n",
    )
    _, stats = update(content)
    assert counts(stats) == (total, 0, 1, 0)


def test_swapped_questions_keep_every_translation(site: Path):
    content = site / "si-samu.md"
    text = content.read_text(encoding="utf-8")
    start = text.index("### Pourquoi le cloud de confiance ?")
    middle = text.index("### Les défis de la migration")
    end = text.index("\n### ", middle + 1)
    first, second = text[start:middle], text[middle : end + 1]
    content.write_text(text[:start] + second + first + text[end + 1 :], encoding="utf-8")
    _, stats = update(content)
    assert counts(stats)[1:] == (0, 0, 0)
    assert stats.complete


def test_one_word_added_to_a_long_answer_makes_one_fuzzy_entry_with_the_original(site: Path):
    content = site / "si-samu.md"
    original = next(
        unit.text
        for unit in extract(dsfr_accordion.load(content))
        if unit.text.startswith("La migration s’est déroulée")
    )
    edit(content, "une préparation minutieuse", "une préparation très minutieuse")
    po, stats = update(content)
    assert counts(stats)[1:] == (1, 0, 0)
    fuzzy = [m for m in catalogs.read(po, "en") if m.fuzzy and m.id]
    assert [list(m.previous_id) for m in fuzzy] == [[original]]
    edit(content, "très minutieuse", "très, très minutieuse")
    po, stats = update(content)
    fuzzy = [m for m in catalogs.read(po, "en") if m.fuzzy and m.id]
    assert [list(m.previous_id) for m in fuzzy] == [[original]]


def test_a_removed_then_restored_testimonial_leaves_the_file_as_it_was(site: Path):
    content = site / "temoignages-cloud.yaml"
    po = catalogs.po_path(content, "en")
    committed = po.read_bytes()
    text = content.read_text(encoding="utf-8")
    start = text.index("  - title: Le Service hydrographique")
    end = text.index("  - title: La plateforme de données en cancérologie")
    content.write_text(text[:start] + text[end:], encoding="utf-8")
    _, stats = update(content)
    assert stats.complete
    assert stats.obsolete > 0
    content.write_text(text, encoding="utf-8")
    _, stats = update(content)
    assert counts(stats)[1:] == (0, 0, 0)
    assert po.read_bytes() == committed


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_an_update_of_the_committed_catalogues_changes_nothing(site: Path, name: str):
    po = catalogs.po_path(site / name, "en")
    committed = po.read_bytes()
    _, stats = update(site / name)
    assert stats.complete and stats.obsolete == 0
    assert po.read_bytes() == committed
