"""The one .po writer (i18n/pofiles.py, i18n/powrap.py) against GNU gettext: every
file it writes is what ``msgcat`` writes for it (``msgcat`` changes no byte),
``msgfmt -c`` and ``msgmerge --update`` accept it, and reading it back then writing
it again changes no byte.

These tests run the installed GNU tools. Without them they are skipped on a
developer's machine and fail in CI (``CI=true``), where ``make test`` installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dsfr_accordion.i18n.pofiles import catalog_bytes, read_catalog, read_header
from dsfr_accordion.i18n.powrap import wrap
from tests.conftest import EXAMPLES, ROOT

COMMITTED = [
    *sorted((EXAMPLES / "locales").glob("*/LC_MESSAGES/*.po")),
    ROOT / "locales" / "dsfr_accordion.pot",
    *sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po")),
]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} (GNU gettext) is missing: make test installs it")
        pytest.skip(f"{name} (GNU gettext) is not installed")
    return found


def msgcat(data: bytes, tmp_path: Path) -> bytes:
    po = tmp_path / "msgcat.po"
    po.write_bytes(data)
    result = subprocess.run([_tool("msgcat"), str(po)], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def msgfmt_check(data: bytes, tmp_path: Path) -> None:
    po = tmp_path / "msgfmt.po"
    po.write_bytes(data)
    result = subprocess.run(
        [_tool("msgfmt"), "-c", "-o", os.devnull, str(po)], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr.decode()


def msgmerge_update(data: bytes, template: bytes, tmp_path: Path) -> None:
    po, pot = tmp_path / "msgmerge.po", tmp_path / "msgmerge.pot"
    po.write_bytes(data)
    pot.write_bytes(template)
    result = subprocess.run(
        [_tool("msgmerge"), "--quiet", "--update", "--backup=off", str(po), str(pot)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()


def lines(keyword: str, value: str, **options: object) -> str:
    return "\n".join(wrap(keyword, value, **options))  # type: ignore[arg-type]


# --- The committed catalogues --------------------------------------------------------------


@pytest.mark.parametrize("path", COMMITTED, ids=lambda path: path.name)
def test_committed_catalogues_are_written_as_msgcat_writes_them(path: Path, tmp_path: Path):
    """The catalogues in the repository are in the writer's format (regenerated
    when it changes), which is msgcat's: no translator's tool rewraps them."""
    data = path.read_bytes()
    written = catalog_bytes(
        read_catalog(data), sort_by_file=path.stem == "dsfr_accordion", header=read_header(data)
    )
    assert written == data
    assert msgcat(data, tmp_path) == data


# --- Wrapping: the rules, on examples ------------------------------------------------------


def test_a_string_that_fits_stays_on_the_keyword_line():
    assert lines("msgid", "x" * 70) == f'msgid "{"x" * 70}"'
    assert lines("msgid", "a\n") == 'msgid "a\\n"'  # one portion: stays
    assert lines("msgid", "a\nb") == 'msgid ""\n"a\\n"\n"b"'  # two: one a line


def test_breaks_follow_unicode_line_breaking_not_only_spaces():
    text = "Opéré par l’ANS, le SI du SAMU est un système d’information très ultra-critique"
    assert lines("msgid", text) == (
        'msgid ""\n'
        '"Opéré par l’ANS, le SI du SAMU est un système d’information très ultra-"\n'
        '"critique"'
    )


def test_no_break_around_no_break_spaces_nor_inside_escapes():
    nbsp, narrow = "\u00a0", "\u202f"
    text = f'{"mot " * 17}«{nbsp}citation{narrow}»{nbsp}: "guillemets" \\ fin'
    wrapped = lines("msgid", text).split("\n")
    assert all(len(line) <= 79 for line in wrapped)
    assert f"«{nbsp}citation{narrow}»{nbsp}:" in "".join(wrapped)
    for line in wrapped[1:]:
        assert not line.startswith(('"\u00a0', '"\u202f', '""', '"\\'))


def test_a_format_directive_is_never_cut(tmp_path: Path):
    text = "x" * 70 + " %(a b)s"
    assert lines("msgid", text, flags={"python-format"}).endswith(' "\n"%(a b)s"')
    assert lines("msgid", text).endswith(' %(a "\n"b)s"')  # not a directive: cut
    catalog = Catalog(locale="fr", charset="utf-8", fuzzy=False)
    for width in range(70, 78):
        for flags in ([], ["python-format"], ["python-brace-format"]):
            for directive in ("%(a b)s", "{a.b}", "{x:>10}", "{items[0]}"):
                catalog.add(
                    "x" * width + " " + directive, context=f"{width}{flags}{directive}", flags=flags
                )
    data = catalog_bytes(catalog)
    assert msgcat(data, tmp_path) == data


# --- Reading -------------------------------------------------------------------------------

_OBSOLETE_WITH_PREVIOUS = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, fuzzy
#| msgctxt "old key"
#| msgid "Ancien texte"
msgctxt "new key"
msgid "Nouveau texte"
msgstr "Old text"

#, fuzzy
#~| msgid "Texte d'avant"
#~ msgid "Texte retiré"
#~ msgstr "Removed text"
"""


def test_previous_msgids_of_msgmerge_are_read_as_such(tmp_path: Path):
    """msgmerge writes #| msgctxt when a key changed, and #~| on obsolete entries:
    the msgid is read as the previous one, msgctxt (Babel has no place for it) dropped."""
    catalog = read_catalog(_OBSOLETE_WITH_PREVIOUS.encode())
    (message,) = [m for m in catalog if m.id]
    assert tuple(message.previous_id) == ("Ancien texte",)
    assert message.user_comments == []
    (removed,) = catalog.obsolete.values()
    assert tuple(removed.previous_id) == ("Texte d'avant",)
    data = catalog_bytes(catalog)
    assert b'#~| msgid "Texte d\'avant"\n#~ msgid "Texte retir' in data
    assert msgcat(data, tmp_path) == data


# --- Any catalogue: the property -----------------------------------------------------------

# The characters the wrapping models (powrap._CLASSES), in the proportions of real
# text: French with its no-break spaces and quotation marks, other scripts, marks.
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêàçôûÉÀœæ"
_OTHER_SCRIPTS = "αβγΩжЖдשלוםمرحبا中文字é\u0301"
_PUNCTUATION = (
    " ,.;:!?'\"()[]-/|*&@#=<>_$+\\~`^\t"
    "\u00a0\u202f«»’‘“”„…\u2013—\u2010\u2011€°£¢¿¡\u00b4·©®\u00ad\u2022\u2020"
)
_WORD = st.text(_LETTERS + _OTHER_SCRIPTS, min_size=1, max_size=14)
_MARKUP = st.sampled_from(
    [
        '<a href="https://www.example.gouv.fr/chemin/vers/la-page?x=1&y=2#ancre">',
        '<a href="https://cartes.gouv.fr">',
        "</a>",
        "<strong>",
        "</strong>",
        "<em>",
        "</em>",
        "<br>",
        "<code>",
        "</code>",
        "https://www.example.org/une/url-tres-longue-sans-espace-aucune/index.html",
        "« ",
        " »",
        "\u00a0:",
        "\u00a0!",
        "\u202f;",
        "l’",
        "d’",
        "1\u202f000\u00a0€",
        "ultra-critique",
        "n°\u00a012",
        "\n",
    ]
)
_TOKEN = st.one_of(
    _WORD,
    _WORD,
    _WORD,
    st.just(" "),
    st.just(" "),
    st.just(" "),
    _MARKUP,
    st.text(_PUNCTUATION, min_size=1, max_size=3),
    st.text(_LETTERS + _PUNCTUATION + _OTHER_SCRIPTS + "0123456789", min_size=1, max_size=90),
)
_PLACEHOLDERS = {
    "python-format": ["%(name)s", "%(count)d", "%(size)5.1f", "%%"],
    "python-brace-format": ["{name}", "{0}", "{path.name}", "{count:>5}", "{items[0]}"],
}


@st.composite
def texts(draw: st.DrawFn, placeholders: list[str] = ()) -> str:  # type: ignore[assignment]
    """Text of up to a few hundred characters; ``placeholders`` among the words."""
    tokens = draw(st.lists(_TOKEN, max_size=40))
    for placeholder in placeholders:
        tokens.insert(draw(st.integers(0, len(tokens))), placeholder)
    return "".join(tokens)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """A msgid and a msgstr with the same placeholders (msgfmt -c checks them), and
    the same newline at both ends (it checks that too)."""
    style = draw(st.sampled_from(["", "", "python-format", "python-brace-format"]))
    chosen = draw(st.lists(st.sampled_from(_PLACEHOLDERS[style]), max_size=3)) if style else []
    msgid = draw(texts(chosen)).strip("\n") or draw(_WORD)
    msgstr = draw(st.one_of(st.just(""), texts(chosen).map(lambda text: text.strip("\n") or "x")))
    if draw(st.booleans()) and draw(st.booleans()):
        msgid, msgstr = msgid + "\n", msgstr and msgstr + "\n"
    return msgid, msgstr, [style] if style else []


def _plural(text: str) -> str:
    """A plural form of ``text``, with its newline at the end if it has one."""
    return text and text.removesuffix("\n") + " (pl)" + "\n" * text.endswith("\n")


def _not_previous(comment: str) -> bool:
    return not comment.startswith("|")  # "# |" is read as a decayed previous msgid


_FILE = st.text("abcdefghijklmnopqrstuvwxyz0123456789_-./", min_size=1, max_size=60)
_COMMENT = st.text(_LETTERS + _PUNCTUATION + _OTHER_SCRIPTS, max_size=100).map(str.strip)


@st.composite
def catalogues(draw: st.DrawFn) -> Catalog:
    catalog = Catalog(
        locale=draw(st.sampled_from(["fr", "en", "de"])),
        domain="test",
        project="test",
        version="1",
        msgid_bugs_address="",
        charset="utf-8",
        fuzzy=False,
    )
    keys: set[tuple[str | None, str]] = set()
    # msgcat writes nothing for a catalogue without messages: there is always one.
    for obsolete in [False, *draw(st.lists(st.booleans(), max_size=8))]:
        msgid, msgstr, flags = draw(pairs())
        context = draw(st.one_of(st.none(), texts().map(lambda text: text.strip("\n"))))
        if (context, msgid) in keys:
            continue
        keys.add((context, msgid))
        plural = draw(st.booleans()) and not draw(st.booleans())
        fuzzy = bool(msgstr) and draw(st.booleans())
        message = Message(
            (msgid, _plural(msgid)) if plural else msgid,
            (msgstr, *[_plural(msgstr)] * (catalog.num_plurals - 1)) if plural else msgstr,
            locations=draw(st.lists(st.tuples(_FILE, st.integers(1, 99999)), max_size=6)),
            flags=flags + (["fuzzy"] if fuzzy else []) + draw(st.sampled_from([[], ["no-wrap"]])),
            auto_comments=draw(st.lists(_COMMENT.filter(bool), max_size=2)),
            user_comments=draw(
                st.lists(_COMMENT.filter(lambda c: not c.startswith("|")), max_size=2)
            ),
            previous_id=draw(texts()) if fuzzy and draw(st.booleans()) else (),
            context=context,
        )
        if obsolete:
            catalog.obsolete[(msgid, context) if context is not None else msgid] = message
        else:
            catalog[message.id] = message
    return catalog


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogues())
@example(catalog=read_catalog((EXAMPLES / "locales/en/LC_MESSAGES/si-samu.po").read_bytes()))
def test_every_catalogue_is_written_as_msgcat_writes_it(catalog: Catalog, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("po")
    data = catalog_bytes(catalog)
    assert msgcat(data, tmp_path).decode() == data.decode()
    msgfmt_check(data, tmp_path)
    template = Catalog(domain="test", project="test", version="1", charset="utf-8", fuzzy=False)
    for message in catalog:
        if message.id:
            template.add(message.id, locations=message.locations, context=message.context)
    msgmerge_update(data, catalog_bytes(template), tmp_path)
    assert catalog_bytes(read_catalog(data)) == data  # an update that changes nothing
