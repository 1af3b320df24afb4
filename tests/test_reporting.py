"""The one formatter of findings (reporting.py): a finding reads alike in every report.

The audit's report and the import's differ in their envelopes and in the names
their published JSON schemas give; a finding's own parts (place, level, code,
message, hint, fields) are built once, here tested on real rules and kinds.
"""

from __future__ import annotations

from xml.etree import ElementTree

from dsfr_accordion.audit import report as audit_report
from dsfr_accordion.audit.findings import FileResult, found
from dsfr_accordion.audit.rules import Msg
from dsfr_accordion.legacy import findings as import_report
from dsfr_accordion.legacy.findings import import_finding
from dsfr_accordion.model import Location
from dsfr_accordion.reporting import json_text, xml_text
from dsfr_accordion.ui import number

EVERY_PART = "{place}|{severity}|{code}|{message}|{hint}|{rgaa}"

# The page wrote lang="text": "text" is also a message id of the catalogue, so a
# formatter that translated the page's data would show it in French.
AUDITED = found("lang-invalid", "page.html", (3, 5), value="text")
IMPORTED = import_finding(
    "invalid-lang", Location("page.html", 3, 5), {"value": "text", "lang": "fr"}
)


def test_a_text_line_shows_each_part_in_the_report_s_language():
    (audited,) = audit_report.STYLE.text_lines(AUDITED, "fr", EVERY_PART)
    assert audited.split("|") == [
        "page.html:3:5",
        "erreur",
        "lang-invalid",
        "lang='text' n’est pas un code de langue valide",
        'utilisez un code de langue BCP 47 tel que "fr" ou "en"',
        "8.4",
    ]
    (imported,) = import_report.STYLE.text_lines(IMPORTED, "fr", EVERY_PART)
    assert imported.split("|") == [
        "page.html:3:5",
        "à revoir",
        "invalid-lang",
        "code de langue 'text' non valide",
        "la langue du document est 'fr'",
        "",  # the import has no RGAA criterion
    ]


def test_each_report_s_line_is_filled_by_the_one_formatter():
    (line, hint) = audit_report.STYLE.text_lines(
        AUDITED, "en", audit_report.LINE, audit_report.HINT
    )
    assert line == (
        "page.html:3:5: error: lang='text' is not a valid language tag (lang-invalid, RGAA 8.4)"
    )
    assert hint == 'hint: use a BCP 47 language tag such as "fr" or "en"'
    assert f"  {line}\n" in audit_report.text([FileResult.of("page.html", [AUDITED])])
    (imported,) = import_report.STYLE.text_lines(IMPORTED, "en", import_report.FINDING_LINE)
    assert imported == (
        "page.html:3:5: review: invalid language tag 'text': the document's language is 'fr'"
    )


def test_a_json_object_keeps_each_schema_s_names_and_order():
    audited = audit_report.STYLE.json_object(AUDITED, "fr")
    assert list(audited) == ["rule", "severity", "line", "column", "message", "hint", "data"]
    assert audited["severity"] == "error"
    assert (audited["line"], audited["column"]) == (3, 5)
    assert audited["message"] == AUDITED.message("fr")
    imported = import_report.STYLE.json_object(IMPORTED)
    assert list(imported) == ["code", "severity", "line", "column", "message", "action", "data"]
    assert imported["severity"] == "review"
    assert imported["action"] == "the document's language is 'fr'"


def test_json_data_holds_the_library_s_words_in_english_and_the_page_s_as_written():
    finding = found("accordion-button", "page.html", (1, 1), problem=Msg("there is no button"))
    data = audit_report.STYLE.json_object(finding, "fr")
    assert data["data"] == {"problem": "there is no button"}
    assert "il n’y a aucun bouton" in str(data["message"])
    assert audit_report.STYLE.json_object(AUDITED, "fr")["data"] == {"value": "text"}


def test_a_junit_case_fails_or_is_skipped_with_the_finding_s_parts():
    suite = ElementTree.Element("testsuite", name="page.html")
    audit_report.STYLE.junit_case(suite, AUDITED, "en", skipped=False)
    audit_report.STYLE.junit_case(suite, AUDITED, "en", skipped=True)
    failing, skipped = suite.findall("testcase")
    assert failing.attrib == {"classname": "page.html", "name": "lang-invalid 3:5"}
    failure = failing.find("failure")
    assert failure is not None
    assert failure.attrib == {"type": "error", "message": AUDITED.message("en")}
    assert failure.text == (
        f"page.html:3:5: {AUDITED.message('en')}\nRGAA 8.4; {AUDITED.hint('en')}"
    )
    assert skipped.find("failure") is None
    assert skipped.find("skipped") is not None


def test_reports_write_numbers_json_and_xml_one_way():
    assert number(1418, "fr") == "1\u202f418"
    assert number(1418, "en") == "1,418"
    assert json_text({"b": "é", "a": 1}) == '{\n  "b": "é",\n  "a": 1\n}\n'
    assert json_text({"b": 1, "a": 2}, sort_keys=True) == '{\n  "a": 2,\n  "b": 1\n}\n'
    root = ElementTree.Element("testsuites")
    ElementTree.SubElement(root, "testsuite")
    assert xml_text(root) == (
        '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n  <testsuite />\n</testsuites>\n'
    )
