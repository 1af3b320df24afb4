"""``import`` and ``render`` of a legacy page on the command line: outputs and exit statuses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

import dsfr_accordion
from dsfr_accordion.cli import main
from dsfr_accordion.legacy import content as legacy_content
from dsfr_accordion.legacy.findings import FINDINGS, SCHEMA
from tests.conftest import EXAMPLES, FIXTURES, ROOT, run_cli

SEED = EXAMPLES / "legacy" / "temoignages-cloud.html"


def test_import_writes_yaml_and_both_reports(tmp_path: Path):
    output, report = tmp_path / "cloud.yaml", tmp_path / "report.json"
    result = run_cli("import", str(SEED), "-o", str(output), "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    document = dsfr_accordion.load(output)
    assert len(document.testimonials) == 4
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA
    assert data["preservation"]["lost_words"] == 0
    assert {f["code"] for f in data["findings"]} >= {
        "duplicate-id",
        "dangling-reference",
        "event-handler",
        "paragraph-in-list",
        "stray-end-tag",
        "answer-repeats-question",
    }
    assert set(data["findings"][0]) == {
        "code",
        "severity",
        "line",
        "column",
        "message",
        "action",
        "data",
    }
    lines = result.stderr.splitlines()
    assert f'{SEED}:60:5: repaired: aria-controls="qui" points at no element' in result.stderr
    assert lines[-1] == (
        f"{SEED}: accordions imported: 4; repaired: 38, removed: 4, to review: 1; "
        "words in the source accordions: 1,418, lost: 0, removed as unsafe: 0"
    )


def test_import_is_deterministic_and_prints_yaml_without_output(tmp_path: Path):
    first, second = run_cli("import", str(SEED)), run_cli("import", str(SEED))
    assert first.returncode == 0
    assert first.stdout == second.stdout
    assert first.stdout.startswith("# Imported from temoignages-cloud.html")


def test_strict_fails_on_items_to_review(tmp_path: Path):
    output = tmp_path / "out.yaml"
    assert main(["import", str(SEED), "-o", str(output), "--strict"]) == 1
    assert output.is_file()  # imported all the same


def test_strict_passes_when_nothing_needs_review(write):
    page = write("ok.html", "<details><summary>Titre</summary><h3>Q ?</h3><p>R.</p></details>")
    assert main(["import", str(page), "--strict"]) == 0


def test_loss_exits_1_and_says_where(monkeypatch: pytest.MonkeyPatch, capsys):
    original = legacy_content.Converter.paragraph

    def truncate(self, unit):
        return tuple(replace(b, html=b.html.split(" ")[0]) for b in original(self, unit))

    monkeypatch.setattr(legacy_content.Converter, "paragraph", truncate)
    assert main(["import", str(FIXTURES / "legacy" / "dsfr.html")]) == 1
    err = capsys.readouterr().err
    assert ": loss: " in err
    assert "source words are missing from the import" in err


def test_no_accordion_exits_2_naming_what_was_looked_for(write):
    page = write("plain.html", "<h1>Titre</h1><p>Aucun accordéon.</p>")
    result = run_cli("import", str(page))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{page}:1: error: no accordion found; looked for")
    assert "hint:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_an_output_never_replaces_the_input(write, option: str):
    page = write("page.html", "<details><summary>Titre</summary><p>Texte.</p></details>")
    result = run_cli("import", str(page), option, str(page))
    assert result.returncode == 2
    assert "would overwrite or contain the input" in result.stderr
    assert page.read_text(encoding="utf-8").startswith("<details>")


def test_unreadable_input_exits_2(tmp_path: Path):
    result = run_cli("import", str(tmp_path / "missing.html"))
    assert result.returncode == 2
    assert "cannot read the file" in result.stderr


def test_broken_front_matter_exits_2_with_its_line(write):
    page = write(
        "bad.html", "---\ntitle: [unclosed\n---\n<details><summary>a</summary>b</details>\n"
    )
    result = run_cli("import", str(page))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{page}:2:17: error: invalid YAML")


def test_render_reads_a_legacy_page_and_prints_its_report(tmp_path: Path):
    target = tmp_path / "page.html"
    result = run_cli("render", str(SEED), "--page", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert 'aria-controls="qui" points at no element' in result.stderr
    assert "accordions imported: 4;" in result.stderr
    imported = dsfr_accordion.import_html(SEED).document
    assert target.read_text(encoding="utf-8") == dsfr_accordion.render_page(imported) + "\n"


def test_load_gives_the_report_to_its_callback_and_warns_nothing():
    reports = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        document = dsfr_accordion.load(SEED, on_import_report=reports.append)
    (report,) = reports
    assert report.source == str(SEED)
    assert report.findings
    assert len(document.testimonials) == 4


def test_load_without_a_callback_still_issues_the_deprecated_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = dsfr_accordion.load(SEED)
    (warning,) = caught
    assert isinstance(warning.message, dsfr_accordion.ImportReportWarning)
    assert warning.message.report.source == str(SEED)
    assert warning.filename == __file__  # the caller of load, not the library
    assert len(document.testimonials) == 4


@pytest.mark.parametrize(
    "command",
    [
        ["render", str(SEED)],
        ["i18n", "extract", str(SEED), "-o", "{tmp}/seed.pot"],
        ["build", str(SEED), "-o", "{tmp}/site"],
    ],
)
def test_the_command_line_prints_the_report_without_the_warnings_channel(tmp_path, command):
    args = [part.format(tmp=tmp_path) for part in command]
    result = subprocess.run(
        [sys.executable, "-W", "error", "-m", "dsfr_accordion", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert 'aria-controls="qui" points at no element' in result.stderr
    assert "Warning" not in result.stderr


def test_render_refuses_a_page_that_would_lose_words(monkeypatch: pytest.MonkeyPatch, capsys):
    original = legacy_content.Converter.paragraph

    def empty(self, unit):
        return tuple(replace(b, html="…") for b in original(self, unit))

    monkeypatch.setattr(legacy_content.Converter, "paragraph", empty)
    assert main(["render", str(FIXTURES / "legacy" / "aria.html")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "error: words lost by importing this page: 25" in captured.err


def test_findings_table_has_exactly_the_codes_the_importer_uses():
    """No finding code without a row (a KeyError when reported), no row never used."""
    sources = "".join(
        path.read_text(encoding="utf-8")
        for path in (ROOT / "src" / "dsfr_accordion" / "legacy").glob("*.py")
        if path.name != "findings.py"
    )
    assert set(re.findall(r'import_finding\(\s*"([a-z-]+)"', sources)) <= set(FINDINGS)
    assert {code for code in FINDINGS if f'"{code}"' not in sources} == set()


def test_import_help_lists_its_options():
    result = run_cli("import", "--help")
    for option in ("--output", "--report", "--strict"):
        assert option in result.stdout


def test_docs_list_every_finding_and_the_readme_every_import_option():
    guide = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    table = guide.split("## The report", 1)[1].split("### JSON report", 1)[0]
    assert set(re.findall(r"^\| `([a-z-]+)` \|", table, flags=re.MULTILINE)) == set(FINDINGS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", run_cli("import", "--help").stdout))
    for option in options - {"--help"}:
        assert option in readme, option
    for option in options - {"--help"}:
        assert option in guide, option


def test_the_render_path_does_not_import_the_html_parser():
    """html5lib loads only when an HTML page is read (docs/architecture.md)."""
    code = (
        "import sys, dsfr_accordion, dsfr_accordion.cli\n"
        "dsfr_accordion.render(dsfr_accordion.load('examples/si-samu.md'))\n"
        "assert 'html5lib' not in sys.modules\n"
        "dsfr_accordion.import_html('examples/legacy/temoignages-cloud.html')\n"
        "assert 'html5lib' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_quiet_keeps_the_report_off_stderr_unless_words_were_lost(
    monkeypatch: pytest.MonkeyPatch, capsys
):
    assert main(["--quiet", "import", str(SEED)]) == 0
    assert capsys.readouterr().err == ""
    original = legacy_content.Converter.paragraph

    def truncate(self, unit):
        return tuple(replace(b, html=b.html.split(" ")[0]) for b in original(self, unit))

    monkeypatch.setattr(legacy_content.Converter, "paragraph", truncate)
    assert main(["--quiet", "import", str(SEED)]) == 1
    assert ": loss: " in capsys.readouterr().err


def test_the_report_speaks_french_when_the_command_line_does():
    env = {**os.environ, "LANGUAGE": "fr"}
    result = subprocess.run(
        [sys.executable, "-m", "dsfr_accordion", "import", str(SEED)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0
    assert "60:5: réparé\u202f: " in result.stderr
    last = result.stderr.splitlines()[-1]
    assert "1\u202f418" in last or "1\u00a0418" in last
