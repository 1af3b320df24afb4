"""Content catalogues: extraction, update that never loses work, refusals, fallback marking."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import dsfr_accordion
from dsfr_accordion import DsfrAccordionError
from dsfr_accordion.i18n import catalogs
from dsfr_accordion.i18n.units import extract, rebuild
from tests.accordion_contract import contract_problems, text_of
from tests.conftest import EXAMPLES, parse_html, run_cli

CONTENT = """\
title: Témoignages
testimonials:
  - title: La Géoplateforme
    id: geo
    role: cheffe de projet
    items:
      - question: Pouvez-vous décrire le projet ?
        answer: |
          Un *espace* public, voir https://cartes.gouv.fr.

          - premier point
          - second point
      - question: Et le cloud ?
        answer: Déterminant.
  - title: Le SHOM
    items:
      - question: Pouvez-vous décrire le projet ?
        answer: |
          {author="Ada" role="directrice"}
          > Une infrastructure.
"""


URL_ANSWER = (
    'Un <em>espace</em> public, voir <a href="https://cartes.gouv.fr">https://cartes.gouv.fr</a>.'
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    path = tmp_path / "temoignages.yaml"
    path.write_text(CONTENT, encoding="utf-8")
    return path


def po_of(content: Path, lang: str = "en") -> Path:
    return content.parent / "locales" / lang / "LC_MESSAGES" / f"{content.stem}.po"


Key = tuple[str, str]  # (msgctxt, msgid)


def messages(po: Path) -> dict[Key | tuple[str, str, str], object]:
    """The entries of ``po`` by (msgctxt, msgid); obsolete ones by ("obsolete", msgctxt, msgid)."""
    with po.open("rb") as stream:
        catalog = read_po(stream)
    found: dict[Key | tuple[str, str, str], object] = {
        (message.context, message.id): message for message in catalog if message.id
    }
    found.update({("obsolete", m.context, m.id): m for m in catalog.obsolete.values()})
    return found


_ENTRY = re.compile(r'^msgctxt "(.*)"\nmsgid ((?:".*"\n)+)msgstr ""$', re.MULTILINE)


def set_translations(po: Path, translations: dict[Key, str]) -> None:
    """Fill the msgstr of the given entries, as a translator would in a text editor."""

    def fill(match: re.Match[str]) -> str:
        key = (match[1], "".join(re.findall(r'"(.*)"', match[2])).replace('\\"', '"'))
        if key not in translations:
            return match[0]
        return match[0].removesuffix('""') + '"' + translations[key].replace('"', '\\"') + '"'

    po.write_text(_ENTRY.sub(fill, po.read_text(encoding="utf-8")), encoding="utf-8")


def msgfmt_check(po: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def update(content: Path, lang: str = "en") -> Path:
    return catalogs.update(dsfr_accordion.load(content), content, lang)


# --- Units ----------------------------------------------------------------------------------


def test_units_are_keyed_by_testimonial_and_role_in_reading_order(content: Path):
    units = extract(dsfr_accordion.load(content))
    contexts = [unit.context for unit in units]
    assert contexts == [
        "title",
        "geo/title",
        "geo/role",
        "geo/question",
        "geo/answer",
        "geo/answer",
        "geo/answer",
        "geo/question",
        "geo/answer",
        "le-shom/title",
        "le-shom/question",
        "le-shom/answer",
        "le-shom/answer/quote/role",
    ]
    assert len({(u.context, u.text) for u in units}) == len(units)
    assert [u.comment for u in units[4:7]] == [
        "Testimonial “La Géoplateforme”: answer to question 1, paragraph 1",
        "Testimonial “La Géoplateforme”: answer to question 1, list 2, item 1",
        "Testimonial “La Géoplateforme”: answer to question 1, list 2, item 2",
    ]
    same_question = [u for u in units if u.text == "Pouvez-vous décrire le projet ?"]
    assert len({u.context for u in same_question}) == 2
    assert units[4].text == (
        'Un <em>espace</em> public, voir <a href="https://cartes.gouv.fr">https://cartes.gouv.fr</a>.'
    )
    assert units[3].line == 7


def test_rebuild_with_the_source_text_is_the_same_document(content: Path):
    document = dsfr_accordion.load(content)
    assert rebuild(document, lambda unit: unit.text, document.lang) == document


@pytest.mark.parametrize("example", ["temoignages-cloud.yaml", "si-samu.md"])
def test_example_keys_name_a_testimonial_and_a_role_never_a_place(example: str):
    roles = "title|role|organisation|intro|question|answer"
    key = re.compile(rf"title|[a-z0-9-]+/({roles})(/quote/(role|organisation|source))?")
    contexts = {u.context for u in extract(dsfr_accordion.load(EXAMPLES / example))}
    assert [c for c in contexts if not key.fullmatch(c)] == []


# --- Catalogue files ------------------------------------------------------------------------


def test_update_creates_a_complete_well_formed_catalogue(content: Path):
    po = update(content)
    assert po == po_of(content)
    msgfmt_check(po)
    text = po.read_text(encoding="utf-8")
    fields = (
        "Project-Id-Version: temoignages",
        "Report-Msgid-Bugs-To: ",
        "POT-Creation-Date: 2025-12-03 12:30+0000",  # SOURCE_DATE_EPOCH (conftest.py)
        "PO-Revision-Date: 2025-12-03 12:30+0000",
        "Last-Translator: ",
        "Language-Team: English",  # CLDR's name, as msginit writes it
        "Language: en",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
        "Plural-Forms: nplurals=2; plural=(n != 1);",
    )
    assert f'msgstr ""\n{"".join(f'"{field}\\n"\n' for field in fields)}\n' in text
    assert "EMAIL@ADDRESS" not in text and "2000-01-01" not in text
    assert "#. Testimonial “La Géoplateforme”: question 1 (a heading in the panel)" in text
    assert "#: temoignages.yaml:7" in text
    assert 'msgctxt "geo/question"' in text


def test_update_and_extract_are_deterministic(content: Path, tmp_path: Path):
    first = update(content).read_bytes()
    assert update(content).read_bytes() == first
    document = dsfr_accordion.load(content)
    pot_a = catalogs.write_template(document, content, tmp_path / "a.pot").read_bytes()
    pot_b = catalogs.write_template(document, content, tmp_path / "b.pot").read_bytes()
    assert pot_a == pot_b


def test_changed_source_keeps_the_translation_as_fuzzy_with_the_previous_msgid(content: Path):
    po = update(content)
    set_translations(po, {("geo/answer", "Déterminant."): "Decisive."})
    content.write_text(CONTENT.replace("Déterminant.", "Très déterminant."), encoding="utf-8")
    update(content)
    message = messages(po)[("geo/answer", "Très déterminant.")]
    assert message.id == "Très déterminant."
    assert message.string == "Decisive."
    assert message.fuzzy
    assert '#| msgid "Déterminant."' in po.read_text(encoding="utf-8")
    msgfmt_check(po)


def test_removed_source_becomes_obsolete_and_is_revived_when_it_returns(content: Path):
    po = update(content)
    key = ("geo/question", "Et le cloud ?")
    set_translations(po, {key: "And the cloud?"})
    without = CONTENT.replace("      - question: Et le cloud ?\n        answer: Déterminant.\n", "")
    content.write_text(without, encoding="utf-8")
    update(content)
    found = messages(po)
    assert key not in found
    assert found[("obsolete", *key)].string == "And the cloud?"
    # As msgmerge leaves an obsolete entry: no place, no comment for translators.
    assert (found[("obsolete", *key)].locations, found[("obsolete", *key)].auto_comments) == (
        [],
        [],
    )
    assert '#~ msgctxt "geo/question"' in po.read_text(encoding="utf-8")
    msgfmt_check(po)
    content.write_text(CONTENT, encoding="utf-8")
    update(content)
    revived = messages(po)[key]
    assert revived.string == "And the cloud?"
    assert not revived.fuzzy
    assert ("obsolete", *key) not in messages(po)


def template_of(content: Path):
    return catalogs.template(dsfr_accordion.load(content), content)


def test_stats_count_each_state(content: Path):
    po = update(content)
    set_translations(
        po,
        {("title", "Témoignages"): "Testimonials", ("geo/title", "La Géoplateforme"): "The G."},
    )
    counts = catalogs.stats(catalogs.read(po, "en"), template_of(content))
    assert (counts.translated, counts.fuzzy, counts.untranslated, counts.obsolete) == (2, 0, 11, 0)
    assert not counts.complete


def test_stats_compare_the_catalogue_with_the_content_not_with_itself(content: Path):
    po = update(content)
    keys = [(m.context, m.id) for m in catalogs.read(po, "en") if m.id]
    set_translations(po, dict.fromkeys(keys, "X"))
    text = po.read_text(encoding="utf-8")
    # A translator's file that lacks one string of the content and holds a stray one.
    first = text.index('msgctxt "geo/title"')
    entry_end = text.index("\n\n", first)
    stray = '\nmsgctxt "nowhere"\nmsgid "Ailleurs"\nmsgstr "Elsewhere"\n'
    po.write_text(text[:first] + text[entry_end + 2 :] + stray, encoding="utf-8")
    counts = catalogs.stats(catalogs.read(po, "en"), template_of(content))
    assert (counts.translated, counts.untranslated, counts.obsolete) == (12, 1, 1)
    result = run_cli("i18n", "stats", str(content), "--langs", "en", "--check")
    assert result.returncode == 1, result.stdout
    assert "12 translated, 0 fuzzy, 1 untranslated, 1 obsolete" in result.stdout


def test_a_duplicate_entry_is_refused_with_both_lines(content: Path):
    po = update(content)
    text = po.read_text(encoding="utf-8")
    first = text.index('msgctxt "geo/title"')
    entry = text[first : text.index("\n\n", first)]
    po.write_text(text + "\n" + entry + "\n", encoding="utf-8")
    duplicate_line = text.count("\n") + 3  # the copy's msgid line
    first_line = text.count("\n", 0, first) + 2
    checked = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, check=False
    )
    assert checked.returncode != 0  # GNU gettext refuses it too
    for command in ("stats", "compile"):
        result = run_cli("i18n", command, str(content), "--langs", "en")
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"{po}:{duplicate_line}: error: the entry msgctxt")
        assert f"is already at line {first_line}" in result.stderr


# --- Refused translations -------------------------------------------------------------------

ANSWER = ("geo/answer", URL_ANSWER)
BAD = {
    "missing tag": (
        ANSWER,
        "A public space, see https://cartes.gouv.fr.",
        "missing tag <a>, <em>",
    ),
    "extra script": (
        ("geo/answer", "Déterminant."),
        "Decisive.<script>alert(1)</script>",
        "unexpected tag <script>",
    ),
    "changed URL": (
        ANSWER,
        'A <em>public</em> space, see <a href="https://evil.example">https://cartes.gouv.fr</a>.',
        "missing link https://cartes.gouv.fr; unexpected link https://evil.example",
    ),
    "broken tag": (
        ANSWER,
        'A <em>public space, see <a href="https://cartes.gouv.fr">https://cartes.gouv.fr</a>.',
        "broken markup: <em> is never closed",
    ),
    "placeholder": (
        ("geo/answer", "Déterminant."),
        "Decisive {count}.",
        "unexpected placeholder {count}",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_translations_are_refused_at_compile_and_render(content: Path, case: str):
    key, translation, difference = BAD[case]
    context = key[0]
    po = update(content)
    set_translations(po, {key: translation})
    line = next(m.lineno for m in catalogs.read(po, "en") if (m.context, m.id) == key)
    assert po.read_text(encoding="utf-8").splitlines()[line - 1].startswith("msgstr ")
    expected = f"{po}:{line}: error: the translation of {context!r} does not keep"
    with pytest.raises(DsfrAccordionError) as caught:
        catalogs.compile_catalog(po, "en")
    assert str(caught.value).startswith(expected)
    assert difference in caught.value.message
    assert not po.with_suffix(".mo").exists()
    result = run_cli("render", str(content), "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.startswith(expected)
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("broken", "column", "problem"),
    [
        ('msgstr "Decisive.', 18, "the string is not closed by a quote"),
        ('msgstr Decisive."', 8, "a quoted string is expected here"),
        ('msgstr "Deci"sive."', 14, "text follows the closing quote"),
    ],
)
def test_po_syntax_error_names_its_line_and_column(
    content: Path, broken: str, column: int, problem: str
):
    po = update(content)
    lines = po.read_text(encoding="utf-8").splitlines()
    target = lines.index('msgid "Déterminant."') + 1
    lines[target] = broken
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for result in (
        run_cli("render", str(content), "--lang", "en"),
        run_cli("i18n", "compile", str(content), "--langs", "en"),
    ):
        assert result.returncode == 2
        assert result.stderr.startswith(f"{po}:{target + 1}:{column}: error: invalid catalogue: ")
        assert problem in result.stderr
        assert "Traceback" not in result.stderr


def test_missing_catalogue_says_how_to_create_it(content: Path):
    result = run_cli("render", str(content), "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == (
        f"{po_of(content)}: error: no 'en' catalogue for {content}\n"
        f"  hint: create it with: python -m dsfr_accordion i18n update {content} --langs en\n"
    )


# --- Rendering in a language ----------------------------------------------------------------


def test_partial_translation_falls_back_to_marked_french(content: Path):
    po = update(content)
    set_translations(
        po,
        {
            ("title", "Témoignages"): "Testimonials",
            ("geo/title", "La Géoplateforme"): "The Géoplateforme",
            ANSWER: "A <em>public</em> space, see "
            '<a href="https://cartes.gouv.fr">https://cartes.gouv.fr</a>.',
            ("le-shom/answer", "Une infrastructure."): "An infrastructure.",
        },
    )
    result = run_cli("render", str(content), "--lang", "en", "--page")
    assert result.returncode == 0
    assert result.stderr == (
        f"{po}: 9 of 13 strings have no translation: they are shown in French, "
        "marked with their language\n"
    )
    tree, errors = parse_html(result.stdout)
    assert errors == []
    assert contract_problems(tree) == []
    assert tree.get("lang") == "en"
    buttons = list(tree.iter("button"))
    assert text_of(buttons[0]) == "The Géoplateforme"
    assert buttons[0].find("span") is None
    french = buttons[1].find("span")
    assert (french.get("lang"), text_of(french)) == ("fr", "Le SHOM")
    paragraphs = [p for p in tree.iter("p") if "fr-quote__author" not in (p.get("class") or "")]
    answer = next(p for p in paragraphs if "public" in text_of(p))
    assert answer.find("span") is None
    assert "“An infrastructure.”" in result.stdout
    for question in tree.iter("h3"):
        assert question.find("span").get("lang") == "fr"


def test_english_page_has_the_same_ids_as_the_french_one(content: Path):
    update(content)
    french, _ = parse_html(dsfr_accordion.render_page(dsfr_accordion.load(content)))
    document = dsfr_accordion.load(content)
    translation = catalogs.translate(document, catalogs.load_translations(document, "en"))
    english, _ = parse_html(
        dsfr_accordion.render_page(document, lang="en", translations=translation)
    )
    ids = [sorted(e.get("id") for e in tree.iter() if e.get("id")) for tree in (french, english)]
    assert ids[0] == ids[1]
    assert [b.get("aria-controls") for b in french.iter("button")] == ["geo", "le-shom"]


def test_hand_built_document_needs_explicit_translations():
    document = dsfr_accordion.Document(
        title="T",
        testimonials=(
            dsfr_accordion.Testimonial(
                "A", (dsfr_accordion.Item("Q", (dsfr_accordion.Paragraph("R"),)),)
            ),
        ),
    )
    with pytest.raises(DsfrAccordionError, match="document built in Python"):
        dsfr_accordion.load_translations(document, "en")


# --- Command line and Babel -----------------------------------------------------------------


def test_cli_update_stats_check_and_compile(content: Path):
    assert run_cli("i18n", "update", str(content)).returncode == 2  # which languages?
    assert run_cli("i18n", "update", str(content), "--langs", "en").returncode == 0
    stats = run_cli("i18n", "stats", str(content), "--check")
    assert stats.returncode == 1
    assert stats.stdout == f"{po_of(content)}: 0 translated, 0 fuzzy, 13 untranslated, 0 obsolete\n"
    assert run_cli("i18n", "stats", str(content)).returncode == 0
    compiled = run_cli("i18n", "compile", str(content))
    assert compiled.returncode == 0, compiled.stderr
    assert po_of(content).with_suffix(".mo").is_file()


def test_cli_extract_writes_the_template(content: Path, tmp_path: Path):
    result = run_cli("i18n", "extract", str(content), "-o", str(tmp_path / "out.pot"))
    assert result.returncode == 0, result.stderr
    assert 'msgctxt "geo/question"' in (tmp_path / "out.pot").read_text(encoding="utf-8")
    assert run_cli("i18n", "extract", str(content)).returncode == 0
    assert (content.parent / "locales" / "temoignages.pot").is_file()


def test_pybabel_extracts_content_files_through_the_entry_point(content: Path, tmp_path: Path):
    mapping = tmp_path / "babel.cfg"
    mapping.write_text("[dsfr_accordion: **.yaml]\n", encoding="utf-8")
    pybabel = Path(sys.executable).parent / "pybabel"
    if not pybabel.exists():
        pybabel = Path(shutil.which("pybabel") or "pybabel")
    out = tmp_path / "babel.pot"
    subprocess.run(
        [str(pybabel), "extract", "-F", str(mapping), "-o", str(out), str(content.parent)],
        check=True,
        capture_output=True,
    )
    with out.open("rb") as stream:
        extracted = {(m.context, m.id) for m in read_po(stream) if m.id}
    ours = {(u.context, u.text) for u in extract(dsfr_accordion.load(content))}
    assert extracted == ours


def test_render_takes_the_translation_already_made_and_refuses_another_one(content: Path):
    po = update(content)
    set_translations(
        po,
        {
            ("title", "Témoignages"): "Testimonials",
            ("geo/title", "La Géoplateforme"): "The Géoplateforme",
        },
    )
    document = dsfr_accordion.load(content)
    catalogue = catalogs.load_translations(document, "en")
    translation = catalogs.translate(document, catalogue)
    from_translation = dsfr_accordion.render(document, lang="en", translations=translation)
    # Deprecated, going in 0.2: the catalogue, translated inside render, or nothing at all.
    for deprecated in (catalogue, None):
        with pytest.warns(DeprecationWarning, match="translate\\(document, load_translations"):
            assert from_translation == dsfr_accordion.render(
                document, lang="en", translations=deprecated
            )
    assert "The Géoplateforme" in from_translation
    other = catalogs.translate(dsfr_accordion.load(EXAMPLES / "si-samu.md"), catalogue)
    with pytest.raises(DsfrAccordionError) as caught:
        dsfr_accordion.render(document, lang="en", translations=other)
    assert caught.value.code == "translation-of-another-document"
    with pytest.raises(DsfrAccordionError):
        dsfr_accordion.render(document, lang="de", translations=translation)


def test_a_catalogue_is_bounded_like_content(content: Path):
    po = update(content)
    with po.open("a", encoding="utf-8") as stream:
        stream.write("# " + "x" * (1024 * 1024) + "\n")  # a translator's 1 MB comment
    for command in ("stats", "compile"):
        refused = run_cli("i18n", command, str(content), "--langs", "en", "--max-size", "1")
        assert refused.returncode == 2, refused.stderr
        assert refused.stderr.startswith(f"{po}: error: the file has")
        assert "raise the limit with --max-size 2" in refused.stderr
    allowed = run_cli("i18n", "stats", str(content), "--langs", "en", "--max-size", "2")
    assert allowed.returncode == 0, allowed.stderr
    page = run_cli("render", str(content), "--lang", "en", "--max-size", "1")
    assert page.returncode == 2 and "more than the limit" in page.stderr


# --- The previous msgid (#|) as GNU gettext writes and reads it ------------------------------


def _msgfmt_check(po: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def _previous_block(po: Path) -> list[str]:
    return [line for line in po.read_text(encoding="utf-8").splitlines() if line.startswith("#|")]


def test_an_edited_long_answer_keeps_the_catalogue_valid_and_its_original_text(tmp_path: Path):
    """Babel wrapped a long previous msgid through its comment wrapper: msgfmt -c
    then failed ("end-of-line within string"), and the next update turned the
    #| lines into translator comments. The #| block holds the text the translation
    was made from, as msgmerge keeps it, through further edits and updates."""
    content = tmp_path / "si-samu.md"
    shutil.copy(EXAMPLES / "si-samu.md", content)
    shutil.copytree(EXAMPLES / "locales" / "en", tmp_path / "locales" / "en")
    po = update(content)
    original = "Quelques semaines avant le lancement des JO de Paris"
    content.write_text(
        content.read_text(encoding="utf-8").replace(original, original.replace(" ", " très ", 1)),
        encoding="utf-8",
    )
    update(content)
    _msgfmt_check(po)
    block = _previous_block(po)
    assert block[:2] == ['#| msgid ""', f'#| "{original}, la migration du "']
    assert all(len(line) <= 79 for line in block)  # GNU gettext's page width
    once = po.read_bytes()
    update(content)
    assert po.read_bytes() == once  # read back as a previous msgid: nothing moves
    assert "# |" not in po.read_text(encoding="utf-8")
    content.write_text(
        content.read_text(encoding="utf-8").replace(" très ", " vraiment très "),
        encoding="utf-8",
    )
    update(content)
    _msgfmt_check(po)
    assert _previous_block(po) == block  # still the original, not the text in between
    (entry,) = [m for m in read_po(po.open("rb")) if m.fuzzy and m.id]
    assert "vraiment très" in entry.id


def test_verbose_reports_name_each_string_left_to_translate_at_its_msgstr(content: Path):
    po = update(content)
    set_translations(po, {("title", "Témoignages"): "Testimonials"})
    content.write_text(CONTENT.replace("Déterminant.", "Très déterminant."), encoding="utf-8")
    set_translations(po, {("geo/answer", "Déterminant."): "Decisive."})
    update(content)
    lines = po.read_text(encoding="utf-8").splitlines()
    fuzzy_line = lines.index('msgstr "Decisive."') + 1
    untranslated_line = lines.index('msgid "La Géoplateforme"') + 2
    expected = [
        f"{po}:{untranslated_line}: untranslated: geo/title: La Géoplateforme",
        f"{po}:{fuzzy_line}: fuzzy: geo/answer: Très déterminant.",
    ]
    stats = run_cli("i18n", "stats", str(content), "--langs", "en", "-v")
    assert stats.returncode == 0
    report = stats.stderr.splitlines()
    assert len(report) == 12  # 12 of 13 strings pending, in content order
    assert [line for line in report if line in expected] == expected
    render = run_cli("render", str(content), "--lang", "en", "-v")
    assert render.returncode == 0
    assert render.stderr.splitlines()[0].startswith(f"{po}: 12 of 13 strings have no translation")
    assert render.stderr.splitlines()[1:] == report
    long = run_cli("i18n", "stats", str(content), "--langs", "en", "-v").stderr
    assert f"{po}:" in long and "…" in long  # the long answer is cut
    french = run_cli("i18n", "stats", str(content), "--langs", "en", "-v", env={"LANGUAGE": "fr"})
    assert f"{po}:{fuzzy_line}: approximative\u202f: geo/answer" in french.stderr


def test_a_string_the_catalogue_lacks_is_reported_at_its_place_in_the_content(content: Path):
    po = update(content)
    added = "  - title: Nouveau\n    items:\n      - question: Q ?\n        answer: R.\n"
    content.write_text(CONTENT + added, encoding="utf-8")
    line = CONTENT.count("\n") + 1
    stats = run_cli("i18n", "stats", str(content), "--langs", "en", "-v")
    assert f"{content}:{line}: untranslated: nouveau/title: Nouveau" in stats.stderr
    assert f"{content}:{line + 2}: untranslated: nouveau/question: Q ?" in stats.stderr
    assert po.is_file()
