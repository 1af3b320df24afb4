"""The static audit: each rule on a fixture that triggers it and one that does not."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

import dsfr_accordion
from dsfr_accordion.audit import FORMATS, report
from dsfr_accordion.audit.findings import found
from dsfr_accordion.audit.rules import RULES, RULES_BY_ID, Check, Msg
from dsfr_accordion.audit.static import audit_file, audit_text, html_files
from dsfr_accordion.errors import DsfrAccordionError
from dsfr_accordion.htmlsource import normalise
from tests.conftest import EXAMPLES, FIXTURES, ROOT, translated

STATIC = FIXTURES / "audit" / "static"
STATIC_RULES = [rule.code for rule in RULES if rule.check is Check.STATIC]
SEED = EXAMPLES / "legacy" / "temoignages-cloud.html"
if not SEED.is_file():  # until the legacy example lands, the same file from the seeds
    SEED = EXAMPLES / "legacy" / "temoignages-cloud.html"


@pytest.mark.parametrize("rule_id", STATIC_RULES)
def test_rule_triggers_on_its_fixture_with_a_place(rule_id: str):
    result = audit_file(STATIC / f"{rule_id}.bad.html")
    found = [f for f in result.findings if f.code == rule_id]
    assert found, result.findings
    for finding in found:
        assert finding.line is not None and finding.column is not None
        assert finding.rgaa == RULES_BY_ID[rule_id].rgaa


@pytest.mark.parametrize("rule_id", STATIC_RULES)
def test_clean_fixture_gives_no_finding(rule_id: str):
    assert audit_file(STATIC / f"{rule_id}.good.html").findings == ()


def test_every_rule_has_a_criterion_and_a_message_and_hint_in_both_languages():
    for rule in RULES:
        # axe rules: per axe rule; these serve no RGAA criterion (security, a resource)
        no_criterion = {"inline-handler", "javascript-url", "page-resource"}
        assert rule.rgaa or rule.check is Check.AXE or rule.code in no_criterion, rule.code
        names = {
            name
            for template in (rule.message, rule.hint)
            for _, name, _, _ in string.Formatter().parse(template)
            if name
        }
        finding = found(rule.code, "f.html", (1, 1), **dict.fromkeys(names, "x"))
        english = (finding.message("en"), finding.hint("en"))
        french = (finding.message("fr"), finding.hint("fr"))
        assert all(english) and all(french)
        assert french != english, rule.code


def places(path: Path) -> set[tuple[str, int, int]]:
    return {(f.code, f.line, f.column) for f in audit_file(path).findings}


def test_seed_page_findings_with_line_and_column():
    found = places(SEED)
    # The four buttons share id="accordion-button"; three panels share one id.
    assert {p for p in found if p[0] == "duplicate-id"} == {
        ("duplicate-id", 35, 70),
        ("duplicate-id", 60, 67),
        ("duplicate-id", 77, 70),
        ("duplicate-id", 36, 36),
        ("duplicate-id", 78, 36),
    }
    assert ("dangling-reference", 60, 113) in found  # aria-controls="qui"
    # Handlers on the accordion toggles (aria-expanded): the accordion's rule, an error.
    assert {p for p in found if p[0] == "accordion-inline-handler"} == {
        ("accordion-inline-handler", line, 13) for line in (9, 35, 60, 77)
    }
    assert {p for p in found if p[0] == "parse-error"} == {
        ("parse-error", 6, 1),
        ("parse-error", 17, 10),
        ("parse-error", 17, 683),
        ("parse-error", 45, 121),
        ("parse-error", 86, 622),
    }


def test_front_matter_is_blanked_line_for_line():
    text = "---\r\ntitle: x\r\n---\n<p id=a>1</p><p id=a>2</p>\n"
    assert normalise(text) == "\n\n\n<p id=a>1</p><p id=a>2</p>\n"
    (finding,) = audit_text(text, "page.html").findings
    assert (finding.code, finding.line, finding.column) == ("duplicate-id", 4, 17)


@pytest.mark.parametrize("example", ["temoignages-cloud.yaml", "si-samu.md"])
@pytest.mark.parametrize(
    "options",
    [
        {"page": True},
        {"page": True, "grouped": True, "open": "first"},
        {},
        {"heading_level": 4, "open": "all"},
        {"page": True, "lang": "en"},
        {"lang": "en"},
    ],
    ids=["page", "grouped-page", "fragment", "fragment-h4-open", "english-page", "english"],
)
def test_rendered_examples_give_no_finding(example: str, options: dict):
    options = dict(options)
    render = dsfr_accordion.render_page if options.pop("page", False) else dsfr_accordion.render
    document = dsfr_accordion.load(EXAMPLES / example)
    html = render(document, translations=translated(document, options.get("lang")), **options)
    assert audit_text(html, example).findings == ()


def test_reports_are_deterministic_and_sorted():
    results = [audit_file(SEED), audit_file(STATIC / "image-alt.bad.html")]
    again = [audit_file(SEED), audit_file(STATIC / "image-alt.bad.html")]
    for format in FORMATS:
        assert report.render_report(results, format) == report.render_report(again, format)
    lines = [(f.line, f.column) for f in results[0].findings]
    assert lines == sorted(lines)


def test_text_report_shows_the_source_and_a_caret():
    text = report.text([audit_file(STATIC / "inline-handler.bad.html")])
    assert "inline-handler.bad.html:1:23: warning: inline event handler onclick" in text
    assert '    | <button type="button" onclick="ouvrir()">Ouvrir</button>\n' in text
    assert "    |                       ^\n" in text
    assert text.endswith("files checked: 1, errors: 0, warnings: 1\n")


def test_text_report_in_french():
    text = report.text([audit_file(STATIC / "image-alt.bad.html")], "fr")
    assert "erreur" in text and "cette image n’a pas d’attribut alt" in text.replace("'", "’")


def test_folder_is_walked_in_order_and_hidden_files_skipped(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    for name in ("b/z.html", "a.htm", ".cache/x.html", "notes.txt"):
        (tmp_path / name).write_text("<p>x</p>", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p, _ in html_files([tmp_path])] == [
        "a.htm",
        "b/z.html",
    ]


def test_missing_path_and_empty_folder_are_input_errors(tmp_path: Path):
    with pytest.raises(DsfrAccordionError) as missing:
        html_files([tmp_path / "absent.html"])
    assert missing.value.code == "unreadable"
    with pytest.raises(DsfrAccordionError) as empty:
        html_files([tmp_path])
    assert empty.value.code == "no-html-file"


def test_html5lib_and_selenium_stay_off_the_render_path():
    script = (
        "import sys, dsfr_accordion, dsfr_accordion.cli\n"
        "d = dsfr_accordion.load(sys.argv[1])\n"
        "dsfr_accordion.render_page(d)\n"
        "heavy = {'html5lib', 'selenium', 'axe_selenium_python'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(EXAMPLES / "si-samu.md")], cwd=ROOT, check=True
    )


def test_accessibility_doc_lists_exactly_the_rules():
    doc = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    section = doc.split("## Rules", 1)[1].split("\n## ", 1)[0]
    row = r"^\| `([a-z-]+)` \| (\w+) \| (\w+) \| (\w+) \| ([\d.]+|per axe rule|none) \|"
    rows = re.findall(row, section, flags=re.MULTILINE)
    assert rows == [
        (
            rule.code,
            rule.check.value,
            rule.category.value,
            rule.severity.value,
            rule.rgaa or ("per axe rule" if rule.check is Check.AXE else "none"),
        )
        for rule in RULES
    ]


def test_problem_phrases_are_catalogued_and_translated():
    with pytest.raises(ValueError, match="not in PROBLEMS"):
        Msg("an uncatalogued phrase")
    finding = found("accordion-button", "f.html", (1, 1), problem=Msg("there is no button"))
    assert finding.message("en").endswith(": there is no button")
    assert "il n'y a aucun bouton" in finding.message("fr").replace("’", "'")


def test_a_result_splits_its_text_once_and_stays_equal_to_its_copy():
    from dsfr_accordion.audit.findings import FileResult  # noqa: PLC0415

    result = FileResult.of("page.html", [], "un\ndeux\ntrois")
    twin = FileResult.of("page.html", [], "un\ndeux\ntrois")
    assert [result.line(n) for n in (0, 1, 2, 3, 4)] == ["", "un", "deux", "trois", ""]
    assert result._lines == ["un", "deux", "trois"]
    assert result == twin and hash(result.findings) == hash(twin.findings)


def test_a_paragraph_title_is_allowed_as_the_dsfr_documentation_allows_it():
    page = (
        '<section class="fr-accordion"><p class="fr-accordion__title"><button type="button" '
        'class="fr-accordion__btn" aria-expanded="false" aria-controls="p1">Q</button></p>'
        '<div class="fr-collapse" id="p1"><p>R</p></div></section>'
    )
    assert audit_text(page).findings == ()
    div = page.replace('<p class="fr-accordion__title">', '<div class="fr-accordion__title">')
    div = div.replace("</button></p>", "</button></div>")
    assert [f.code for f in audit_text(div).findings] == ["accordion-title-heading"]


def test_the_browser_audit_names_every_missing_package(monkeypatch: pytest.MonkeyPatch):
    import importlib.util  # noqa: PLC0415

    from dsfr_accordion.audit import chromium  # noqa: PLC0415

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(chromium.BrowserUnavailable) as caught:
        chromium.require_packages()
    assert caught.value.problem == (
        "the Python packages selenium, axe-selenium-python and websocket-client are missing"
    )


def test_a_heading_skip_outside_the_accordions_is_found_too():
    """RGAA 9.1 is about the whole page: h2 then h4 after the accordions counts."""
    findings = audit_file(STATIC / "heading-skip.bad.html").findings
    skips = [(f.line, f.column) for f in findings if f.code == "heading-skip"]
    assert skips == [(5, 1), (10, 1)]


def test_an_id_with_white_space_or_empty_is_found_at_its_attribute():
    findings = audit_file(STATIC / "invalid-id.bad.html").findings
    assert [(f.code, f.line, f.column) for f in findings] == [
        ("invalid-id", 1, 4),
        ("invalid-id", 2, 4),
    ]
