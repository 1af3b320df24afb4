"""``i18n update`` as translators' tools expect it (issue 15): after any edit of
the content, the catalogue passes ``msgfmt -c``, merges with ``msgmerge``
against the template, and ``msgcat`` changes no byte of it; the header a
translator's tool wrote is kept; an update that changes nothing writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dsfr_accordion
from dsfr_accordion.i18n import catalogs
from tests.conftest import run_cli
from tests.test_pofiles import msgcat, msgfmt_check, msgmerge_update

# Words with what makes wrapping and escaping hard: non-ASCII, French
# typography, long URLs, markup, quotes, backslashes.
WORDS = st.sampled_from(
    [
        "cloud",
        "souveraineté",
        "l’hébergement",
        "«\u202fconfiance\u202f»",
        "données\u00a0:",
        "*essentiel*",
        "**décisif**",
        "`code`",
        "https://cartes.gouv.fr/un/chemin/tres/long/vers/une/page?avec=parametres&et=autres",
        '"guillemets"',
        "a\\b",
        "Ελληνικά",
        "日本語",
        "peut-être",
        "2024",
    ]
)
TEXT = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)
ITEM = st.fixed_dictionaries({"question": TEXT, "answer": TEXT})
TESTIMONIAL = st.fixed_dictionaries(
    {"title": TEXT, "items": st.lists(ITEM, min_size=1, max_size=4)},
    optional={"role": TEXT, "intro": TEXT},
)


def _content(testimonials: list[dict]) -> str:
    return yaml.safe_dump(
        {"title": "Témoignages", "testimonials": testimonials}, allow_unicode=True
    )


@st.composite
def edits(draw: st.DrawFn) -> tuple[list[dict], list[dict]]:
    """Content, and the same content edited: texts changed, items inserted,
    deleted or moved, testimonials removed."""
    before = draw(st.lists(TESTIMONIAL, min_size=1, max_size=3))
    after = [dict(t, items=list(t["items"])) for t in before]
    for testimonial in after:
        items = testimonial["items"]
        action = draw(st.sampled_from(["edit", "insert", "delete", "move", "keep"]))
        index = draw(st.integers(0, len(items) - 1))
        if action == "edit":
            items[index] = dict(items[index], answer=items[index]["answer"] + " " + draw(TEXT))
        elif action == "insert":
            items.insert(index, draw(ITEM))
        elif action == "delete" and len(items) > 1:
            del items[index]
        elif action == "move":
            items.append(items.pop(index))
    if len(after) > 1 and draw(st.booleans()):
        del after[draw(st.integers(0, len(after) - 1))]
    return before, after


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits())
def test_every_update_is_valid_for_gnu_gettext_and_byte_stable(tmp_path: Path, change):
    before, after = change
    folder = tmp_path / "site"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    content = folder / "contenu.yaml"
    for version in (before, after):
        content.write_text(_content(version), encoding="utf-8")
        document = dsfr_accordion.load(content)
        po = catalogs.update(document, content, "en")
        data = po.read_bytes()
        pot = catalogs.write_template(document, content, folder / "contenu.pot").read_bytes()
        msgfmt_check(data, tmp_path)
        msgmerge_update(data, pot, tmp_path)
        assert msgcat(data, tmp_path) == data
        catalogs.update(document, content, "en")
        assert po.read_bytes() == data  # a second update writes no byte


def test_the_header_a_translator_s_tool_wrote_is_kept(tmp_path: Path):
    content = tmp_path / "contenu.yaml"
    content.write_text(_content([{"title": "A", "items": [{"question": "Q", "answer": "R"}]}]))
    po = catalogs.update(dsfr_accordion.load(content), content, "en")
    saved = (
        po.read_text(encoding="utf-8")
        .replace(
            "PO-Revision-Date: 2025-12-03 12:30+0000", "PO-Revision-Date: 2026-01-15 10:42+0100"
        )
        .replace('"Last-Translator: \\n"', '"Last-Translator: Ana Dupont <ana@example.gouv.fr>\\n"')
        .replace(
            '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
            '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
            '"X-Generator: Poedit 3.4.2\\n"\n"X-Poedit-Basepath: ..\\n"',
        )
    )
    po.write_text(saved, encoding="utf-8")
    catalogs.update(dsfr_accordion.load(content), content, "en")
    assert po.read_text(encoding="utf-8") == saved  # nothing changed: nothing written
    content.write_text(_content([{"title": "A", "items": [{"question": "Q2", "answer": "R"}]}]))
    catalogs.update(dsfr_accordion.load(content), content, "en")
    header = po.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert header == saved.split("\n\n", 1)[0]
    assert "Q2" in po.read_text(encoding="utf-8")


def _one_item(tmp_path: Path) -> Path:
    content = tmp_path / "contenu.yaml"
    content.write_text(_content([{"title": "A", "items": [{"question": "Q", "answer": "R"}]}]))
    catalogs.update(dsfr_accordion.load(content), content, "en")
    return content


def test_a_catalogue_in_another_charset_is_refused_at_its_header_line(tmp_path: Path):
    """Babel would decode it by its charset, and every string would look new."""
    content = _one_item(tmp_path)
    po = catalogs.po_path(content, "en")
    text = po.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=ISO-8859-1")
    po.write_text(text, encoding="utf-8")
    line = text[: text.index("Content-Type")].count("\n") + 1
    result = run_cli("i18n", "stats", str(content), "--langs", "en")
    assert result.returncode == 2
    assert result.stderr.startswith(f"{po}:{line}: error: the catalogue says it is written in")
    assert "msgconv -t UTF-8" in result.stderr


def test_a_template_that_is_not_utf8_and_a_bad_source_date_epoch_are_clear_errors(
    tmp_path: Path,
):
    content = _one_item(tmp_path)
    pot = content.parent / "locales" / "contenu.pot"
    pot.write_bytes(b'msgid ""\nmsgstr "\xff"\n')
    result = run_cli("i18n", "update", str(content), "--langs", "en")
    assert (result.returncode, result.stderr.startswith(f"{pot}:2:")) == (2, True), result.stderr
    pot.unlink()
    result = run_cli(
        "i18n", "update", str(content), "--langs", "de", env={"SOURCE_DATE_EPOCH": "99999999999999"}
    )
    assert result.returncode == 2
    assert "SOURCE_DATE_EPOCH='99999999999999' is not a time" in result.stderr


def test_a_fuzzy_mark_on_no_translation_is_untranslated_everywhere(tmp_path: Path):
    content = _one_item(tmp_path)
    po = catalogs.po_path(content, "en")
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgctxt "a/title"', '#, fuzzy\nmsgctxt "a/title"'),
        encoding="utf-8",
    )
    document = dsfr_accordion.load(content)
    catalog, fresh = catalogs.read(po, "en"), catalogs.template(document, content)
    assert catalogs.stats(catalog, fresh).fuzzy == 0
    assert [p.fuzzy for p in catalogs.pending(catalog, fresh, po, content)] == [False] * 4
