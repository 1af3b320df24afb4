"""The .po syntax check (i18n/posyntax.py) against GNU gettext: what it refuses,
``msgfmt -c`` refuses too, and each error names its line and column."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from dsfr_accordion.errors import DsfrAccordionError
from dsfr_accordion.i18n import posyntax

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
ENTRY = 'msgctxt "a/title"\nmsgid "Titre"\nmsgstr "Title"\n'  # lines 6 to 8
VALID = HEADER + ENTRY + '\nmsgid "Fin"\nmsgstr ""\n"The "\n"end"\n'


def _msgfmt_refuses(data: bytes, tmp_path: Path) -> str:
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "GNU gettext is needed (make test installs it)"
    po = tmp_path / "x.po"
    po.write_bytes(data)
    result = subprocess.run(
        [msgfmt, "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0, f"msgfmt -c accepts it:\n{data.decode(errors='replace')}"
    return result.stderr


def _error(data: bytes) -> DsfrAccordionError:
    with pytest.raises(DsfrAccordionError) as caught:
        posyntax.check(data, "x.po")
    return caught.value


def test_a_valid_catalogue_passes_and_reads_as_babel_reads_it(tmp_path: Path):
    data = VALID.encode()
    checked = posyntax.check(data, "x.po")
    assert checked.text == VALID
    assert checked.msgstr_lines == {("", ""): 2, ("a/title", "Titre"): 8, ("", "Fin"): 11}
    po = tmp_path / "x.po"
    po.write_bytes(data)
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True)
    catalog = read_po(io.BytesIO(data))
    assert catalog.get("Titre", context="a/title").string == "Title"
    assert catalog.get("Fin").string == "The end"


# (name, the entry ENTRY is replaced by, position, problem)
BROKEN = [
    ("no closing quote", 'msgctxt "a/title"\nmsgid "Titre"\nmsgstr "Title\n', "8:14",
     "the string is not closed by a quote"),
    ("no opening quote", 'msgctxt "a/title"\nmsgid "Titre"\nmsgstr Title"\n', "8:8",
     "a quoted string is expected here"),
    ("a quote inside", 'msgctxt "a/title"\nmsgid "Titre"\nmsgstr "Ti"tle"\n', "8:12",
     "text follows the closing quote"),
    ("an unknown keyword", 'msgctxt "a/title"\nmsgid "Titre"\nmsgstrr "Title"\n', "8:1",
     "'msgstrr' is not a keyword of a .po file"),
    ("an unknown escape", 'msgctxt "a/title"\nmsgid "Titre"\nmsgstr "Ti\\qtle"\n', "8:11",
     "the escape sequence \\q is not understood"),
    ("no msgstr", 'msgctxt "a/title"\nmsgid "Titre"\n\nmsgid "Autre"\nmsgstr ""\n', "9:1",
     "the msgid of line 7 has no msgstr"),
    ("a plural form without msgid_plural", 'msgid "Titre"\nmsgstr[0] "Title"\n', "7:1",
     "msgstr[N] belongs to an entry with a msgid_plural"),
    ("a msgid_plural with a plain msgstr",
     'msgid "Titre"\nmsgid_plural "Titres"\nmsgstr "Title"\n', "8:1",
     "a msgid_plural needs msgstr[0], msgstr[1]"),
    ("two msgstr", 'msgid "Titre"\nmsgstr "Title"\nmsgstr "Heading"\n', "8:1",
     "msgstr is out of place in its entry"),
    ("a duplicate", ENTRY + "\n" + ENTRY, "11",
     "the entry msgctxt 'a/title' msgid 'Titre' is already at line 7"),
]  # fmt: skip


@pytest.mark.parametrize(("entry", "where", "problem"), [case[1:] for case in BROKEN],
                         ids=[case[0] for case in BROKEN])  # fmt: skip
def test_what_msgfmt_refuses_is_refused_at_its_line_and_column(
    tmp_path: Path, entry: str, where: str, problem: str
):
    data = VALID.replace(ENTRY, entry).encode()
    _msgfmt_refuses(data, tmp_path)
    error = _error(data)
    assert str(error.location) == f"x.po:{where}"
    assert problem in error.message


def test_bytes_that_are_not_utf8_are_placed_at_their_column(tmp_path: Path):
    data = VALID.replace('msgstr "Title"', 'msgstr "Tïtle"').encode().replace(b"\xc3\xaf", b"\xef")
    assert "invalid multibyte sequence" in _msgfmt_refuses(data, tmp_path)
    error = _error(data)
    assert str(error.location) == "x.po:8:10"
    assert error.message.endswith("the file is not UTF-8")


def test_an_escape_msgfmt_knows_but_older_babel_does_not_is_refused(tmp_path: Path):
    """``\\a`` is a bell to msgfmt and to Babel 2.19, two characters to Babel 2.17
    (the lowest this library allows): one catalogue would say two things, so it is
    refused, stricter than msgfmt on purpose."""
    data = VALID.replace('msgstr "Title"', 'msgstr "Ti\\atle"').encode()
    po = tmp_path / "x.po"
    po.write_bytes(data)
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True, capture_output=True)
    error = _error(data)
    assert str(error.location) == "x.po:8:11"
    assert "the escape sequence \\a is not understood" in error.message


@pytest.mark.parametrize(
    ("data", "where", "problem"),
    [
        (HEADER + 'msgid "Titre"\n', "7:1", "the msgid of line 6 has no msgstr"),
        ('"stray"\n' + HEADER, "1:1", "this string follows no keyword"),
    ],
    ids=["no msgstr at the end", "a string before any keyword"],
)
def test_what_msgfmt_refuses_at_the_ends_of_the_file(
    tmp_path: Path, data: str, where: str, problem: str
):
    _msgfmt_refuses(data.encode(), tmp_path)
    error = _error(data.encode())
    assert str(error.location) == f"x.po:{where}"
    assert problem in error.message
