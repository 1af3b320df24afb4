"""axe-core's own French: a French report gives axe's help texts in French, from
the locale axe-core ships (vendored as it is, and checked against the release
axe-selenium-python bundles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dsfr_accordion.audit.axe import axe_locale, axe_source
from tests.conftest import ROOT, run_cli

VENDORED = ROOT / "src" / "dsfr_accordion" / "audit" / "axe-locales" / "fr.json"
PACKAGE = ROOT / "node_modules" / "axe-core"


def test_the_french_locale_is_axe_core_s_of_the_bundled_release():
    bundled = axe_source().split("\n", 1)[0]  # "/*! axe v4.10.2"
    version = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    assert bundled == f"/*! axe v{version}"
    assert VENDORED.read_bytes() == (PACKAGE / "locales" / "fr.json").read_bytes()
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert pinned["axe-core"] == version


def test_a_locale_is_chosen_by_the_report_s_language():
    assert json.loads(axe_locale("fr") or "{}")["lang"] == "fr"
    assert axe_locale("fr-CA") == axe_locale("fr")
    assert axe_locale("en") is None  # axe-core's own English


@pytest.mark.browser
def test_a_french_report_gives_axe_s_help_in_french_and_the_same_rgaa_criterion():
    page = ROOT / "tests" / "fixtures" / "audit" / "browser" / "axe-violation.bad.html"
    french = json.loads(VENDORED.read_text(encoding="utf-8"))["rules"]["list"]["help"]
    result = run_cli("check", "--browser", "--lang", "fr", "--format", "json", str(page))
    assert result.returncode == 1, result.stderr
    (finding,) = [
        f for f in json.loads(result.stdout)["files"][0]["findings"] if f["rule"] == "axe-violation"
    ]
    assert (finding["data"]["help"], finding["rgaa"]) == (french, "9.3")
    assert Path(finding["data"]["url"]).name == "list"
