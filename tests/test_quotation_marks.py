"""Quotation marks come from CLDR (the npm package ``cldr-misc-full`` pinned in
package.json, which ``make test`` installs), for every locale CLDR knows."""

from __future__ import annotations

import importlib.util
import json

import pytest

from dsfr_accordion import ui
from dsfr_accordion.quotation_marks import CLDR_VERSION
from tests.conftest import ROOT

PACKAGE = ROOT / "node_modules" / "cldr-misc-full"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "quotation_marks", ROOT / "tools" / "quotation_marks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_is_the_one_the_pinned_cldr_package_gives():
    tool = _tool()
    assert (ROOT / "src/dsfr_accordion/quotation_marks.py").read_text(encoding="utf-8") == (
        tool.module_text(PACKAGE)
    ), "run python tools/quotation_marks.py"
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert pinned["cldr-misc-full"] == CLDR_VERSION


def test_every_cldr_locale_gets_its_cldr_marks():
    marks = _tool().cldr_marks(PACKAGE)
    assert len(marks) > 700
    wrong = {}
    for locale, (opening, closing) in marks.items():
        space = "\u202f" if locale.split("-")[0] == "fr" else ""  # French typography
        expected = (opening + space, space + closing)
        if locale != "und" and ui.quote_marks(locale) != expected:
            wrong[locale] = ui.quote_marks(locale)
    assert wrong == {}


@pytest.mark.parametrize(
    ("lang", "marks"),
    [
        ("fr", ("«\u202f", "\u202f»")),
        ("en", ("“", "”")),
        ("de", ("„", "“")),
        ("de-AT", ("„", "“")),
        ("zh-hant-tw", ("「", "」")),  # case as a user writes it
        ("zh-TW", ("「", "」")),  # CLDR's likely script: Traditional Chinese
        ("zh-HK", ("「", "」")),
        ("zh-CN", ("“", "”")),
        ("pt-PT", ("«", "»")),
        ("pt", ("“", "”")),
        ("x-klingon", ("“", "”")),  # unknown to CLDR: its root
    ],
)
def test_marks_by_language_tag(lang: str, marks: tuple[str, str]):
    assert ui.quote_marks(lang) == marks
