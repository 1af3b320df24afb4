"""The library's own words: catalogues up to date, complete, valid, shipped in the wheel."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import subprocess
import sys
from types import ModuleType

import pytest
from babel.messages.pofile import read_po, write_po

from dsfr_accordion import ui
from dsfr_accordion.errors import MESSAGES, DsfrAccordionError
from dsfr_accordion.i18n.invariants import placeholders
from dsfr_accordion.model import Location
from tests.conftest import ROOT

LOCALES = ROOT / "locales"


def catalogue(lang: str):
    with (LOCALES / lang / "LC_MESSAGES" / "dsfr_accordion.po").open("rb") as stream:
        return read_po(stream, locale=lang)


def test_catalogues_are_up_to_date_with_the_code():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "ui_catalogue.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def ui_catalogue_tool() -> ModuleType:
    path = ROOT / "tools" / "ui_catalogue.py"
    spec = importlib.util.spec_from_file_location("ui_catalogue", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_writer_s_stamps_dates_and_wrapping_are_not_content():
    """A new Babel writes another Generated-By and may wrap otherwise: not stale."""
    tool = ui_catalogue_tool()
    data = (LOCALES / "fr" / "LC_MESSAGES" / "dsfr_accordion.po").read_bytes()
    catalog = read_po(io.BytesIO(data), locale="fr")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=200, include_previous=True, sort_by_file=True)
    rewritten = buffer.getvalue()
    dates = re.compile(rb"\d{4}-\d\d-\d\d \d\d:\d\d\+0000")
    assert len(dates.findall(rewritten)) == 2  # creation and revision dates
    rewritten = dates.sub(b"2031-05-06 07:08+0000", rewritten).replace(
        b"Generated-By: Babel ", b"Generated-By: Babel 99.0, not "
    )
    assert rewritten != data
    assert tool.content(rewritten) == tool.content(data)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'msgstr "Acc\xc3\xa8s rapide"', b'msgstr "Acc\xc3\xa8s direct"'),  # a translation
        (b'"Language-Team: ', b'"Language-Team: X '),  # a header that is content
        (b"#: src/", b"#: src/x/"),  # a place
    ],
)
def test_a_change_of_content_is_stale(old: bytes, new: bytes):
    tool = ui_catalogue_tool()
    data = (LOCALES / "fr" / "LC_MESSAGES" / "dsfr_accordion.po").read_bytes()
    assert old in data
    assert tool.content(data.replace(old, new, 1)) != tool.content(data)


LANGUAGES = sorted(path.name for path in LOCALES.iterdir() if path.is_dir())


def test_every_language_folder_is_a_catalogue_the_tool_keeps():
    assert ui_catalogue_tool().languages() == LANGUAGES
    assert {"en", "fr"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_is_complete_and_valid(lang: str):
    path = LOCALES / lang / "LC_MESSAGES" / "dsfr_accordion.po"
    checked = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    for message in catalogue(lang):
        if not message.id:
            continue
        assert message.string and not message.fuzzy, message.id
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for translated in strings:
            assert placeholders(translated) == placeholders(sources[-1]), (message.id, translated)


def test_every_error_message_is_in_the_catalogue():
    ids = {message.id for message in catalogue("fr")}
    for text, hint in MESSAGES.values():
        assert text in ids
        assert hint in ids


def test_errors_render_in_french():
    error = DsfrAccordionError.of("heading-level", level=9)
    french = error.render("fr")
    assert french != error.render("en")
    assert "9" in french
    located = DsfrAccordionError.of("empty-value", Location("a.yaml", 3, 5), key="question")
    assert located.render("fr").startswith("a.yaml:3:5: ")


def test_french_cli_messages(tmp_path):
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"}
    result = subprocess.run(
        [sys.executable, "-m", "dsfr_accordion", "render", str(tmp_path / "absent.yaml")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"{tmp_path / 'absent.yaml'}: erreur\u202f: ")
    assert "\n  conseil\u202f: " in result.stderr


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANGUAGE": "fr:en"}, "fr"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_cli_language_follows_gettext_variables(monkeypatch, env, lang):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert ui.cli_language() == lang


def _french_strings() -> list[str]:
    found = []
    for message in catalogue("fr"):
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            found += [re.sub(r"\{[^{}]*\}", "{}", text) for text in strings]  # placeholders out
    return found


def test_french_typography_is_consistent_over_the_whole_catalogue():
    """A narrow no-break space (U+202F) before ; : ! ? and inside « », a curly
    apostrophe in words; a colon glued to what precedes it is code (``title:``, a
    URL) or a place (``{place}: erreur``), never French prose."""
    problems = []
    for text in _french_strings():
        for match in re.finditer(r"(.)([;:!?])(?=\s|$)", text):
            before = match.group(1)
            glued = before not in " \u00a0\u202f" and (match.group(2) == ":" or before == "{")
            if before != "\u202f" and not glued:
                problems.append(f"space before {match.group(2)!r}: {text!r}")
        if re.search(r"«(?!\u202f)|(?<!\u202f)»", text):
            problems.append(f"guillemets: {text!r}")
        if re.search(r"(?<=[^\W\d_])'(?=[^\W\d_])", text):
            problems.append(f"straight apostrophe: {text!r}")
    assert problems == []
    assert sum("\u2019" in text for text in _french_strings()) > 100
