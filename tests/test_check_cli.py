"""The ``check`` command: exit statuses, formats, languages, input errors."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

import dsfr_accordion
from dsfr_accordion.audit.report import SCHEMA
from dsfr_accordion.audit.server import default_root
from tests.conftest import EXAMPLES, ROOT, run_cli
from tests.test_audit_static import SEED, STATIC


@pytest.fixture
def clean_page(tmp_path: Path) -> Path:
    path = tmp_path / "si-samu.html"
    document = dsfr_accordion.load(EXAMPLES / "si-samu.md")
    path.write_text(dsfr_accordion.render_page(document), encoding="utf-8")
    return path


def test_seed_page_exits_1_naming_each_problem_with_line_and_column():
    result = run_cli("check", str(SEED), "--lang", "en")
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert out.startswith(f"{SEED}\n")
    for place, message in [
        ("35:70", "id 'accordion-button' is already used at line 9"),
        ("36:36", "id 'indicateurs-projets-mise-a-dispo' is already used at line 10"),
        ("60:113", "aria-controls='qui' refers to no element with this id"),
        ("9:13", "inline event handler onclick"),
        ("6:1", "HTML parse error: End tag (div) seen too early"),
    ]:
        assert f"{SEED}:{place}: error: {message}" in out
    assert out.endswith("files checked: 1, errors: 15, warnings: 0\n")


def test_clean_page_exits_0(clean_page: Path):
    result = run_cli("check", str(clean_page))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "files checked: 1, errors: 0, warnings: 0\n"


def test_fail_on_warning_counts_warnings():
    warning_only = STATIC / "dangling-fragment-link.bad.html"
    assert run_cli("check", str(warning_only)).returncode == 0
    assert run_cli("check", str(warning_only), "--fail-on", "warning").returncode == 1


@pytest.mark.parametrize(
    ("policy", "security_warning", "html_error"),
    [
        ("error", 0, 1),
        ("warning", 1, 1),
        ("error,security:warning", 1, 1),
        ("warning,security:none", 0, 1),
        ("error,html:none", 0, 0),
        ("accessibility:error", 0, 0),
        ("none", 0, 0),
    ],
)
def test_fail_on_weighs_each_category(policy: str, security_warning: int, html_error: int):
    """An inline handler outside an accordion is a security warning; a parse error an
    HTML conformance error: each category fails from its own severity."""
    for page, expected in (("inline-handler", security_warning), ("parse-error", html_error)):
        result = run_cli("check", str(STATIC / f"{page}.bad.html"), "--fail-on", policy)
        assert result.returncode == expected, (policy, page, result.stdout)


def test_json_report_follows_the_schema():
    result = run_cli("check", str(SEED), str(STATIC / "image-alt.good.html"), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["schema"] == SCHEMA
    assert set(data) == {"schema", "tool", "lang", "summary", "files"}
    assert data["tool"]["name"] == "dsfr-accordion"
    assert data["summary"] == {"files": 2, "errors": 15, "warnings": 0, "info": 0}
    seed, clean = data["files"]
    assert (seed["path"], clean["path"], clean["findings"]) == (
        str(SEED),
        str(STATIC / "image-alt.good.html"),
        [],
    )
    finding = next(f for f in seed["findings"] if f["rule"] == "dangling-reference")
    assert finding == {
        "rule": "dangling-reference",
        "check": "static",
        "severity": "error",
        "category": "accessibility",
        "rgaa": "8.2",
        "line": 60,
        "column": 113,
        "message": "aria-controls='qui' refers to no element with this id",
        "hint": "point aria-controls at the id of an element of the page, or remove it",
        "data": {"attribute": "aria-controls", "value": "qui"},
    }


def test_junit_report_has_a_failure_per_finding():
    result = run_cli("check", str(SEED), str(STATIC / "image-alt.good.html"), "--format", "junit")
    assert result.returncode == 1
    suites = ElementTree.fromstring(result.stdout)
    assert suites.get("failures") == "15"
    seed, clean = suites.findall("testsuite")
    assert len(seed.findall("testcase/failure")) == 15
    assert clean.findall("testcase") and not clean.findall("testcase/failure")


def test_messages_in_french():
    result = run_cli("check", str(STATIC / "accordion-inline-handler.bad.html"), "--lang", "fr")
    assert result.returncode == 1
    assert "erreur" in result.stdout
    assert "gestionnaire d’événement en ligne onclick".replace("’", "'") in result.stdout.replace(
        "’", "'"
    )


def test_a_handler_outside_the_accordions_is_a_security_warning():
    """An onclick on DSFR's own notice or share buttons is a CSP concern, not an RGAA
    failure: a warning, which --fail-on warning makes fail."""
    page = str(STATIC / "inline-handler.bad.html")
    assert run_cli("check", page).returncode == 0
    assert run_cli("check", page, "--fail-on", "warning").returncode == 1
    data = json.loads(run_cli("check", page, "--format", "json").stdout)
    (finding,) = data["files"][0]["findings"]
    assert (finding["rule"], finding["severity"], finding["category"], finding["rgaa"]) == (
        "inline-handler",
        "warning",
        "security",
        "",
    )


def test_folder_and_no_progress_without_a_terminal(tmp_path: Path, clean_page: Path):
    result = run_cli("check", str(clean_page.parent), str(STATIC / "image-alt.bad.html"))
    assert result.returncode == 1
    assert result.stderr == ""  # no progress indicator: stderr is not a terminal
    assert "files checked: 2, errors: 1" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["absent.html"], "absent.html: error: cannot read the file"),
        (["--format", "xml", "x.html"], "invalid choice: 'xml'"),
        (
            ["--fail-on", "error,securty:warning", "absent.html"],
            "error: --fail-on 'error,securty:warning': 'securty:warning' is neither",
        ),
        ([], "the following arguments are required: PATH"),
    ],
)
def test_usage_and_input_errors_exit_2(args: list[str], expected: str):
    result = run_cli("check", *args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_browser_needs_the_dsfr_files(tmp_path: Path, clean_page: Path):
    result = run_cli("check", "--browser", "--dsfr-dist", str(tmp_path / "none"), str(clean_page))
    assert result.returncode == 2
    assert "is not a DSFR dist folder" in result.stderr


def _page_linking(path: Path, *addresses: str) -> Path:
    """Write at ``path`` a page linking the stylesheets ``addresses``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    links = "".join(f'<link rel="stylesheet" href="{a}">' for a in addresses)
    path.write_text(f"<!doctype html><html lang=fr><head>{links}</head></html>", "utf-8")
    return path


def test_the_default_root_holds_the_pages_and_the_assets_they_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """DSFR's example pages link ../../../dist: served from their own folder, their DSFR
    files are out of reach, so the default root is extended to the folder holding them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "dsfr.min.css").write_text("", "utf-8")
    deep = _page_linking(
        tmp_path / "example" / "a" / "index.html",
        "../../dist/dsfr.min.css",
        "../../dist/absent.css",  # names no file: extends nothing
        "https://cdn.example/x.css",
        "/dist/dsfr.min.css",
    )
    other = _page_linking(tmp_path / "example" / "b" / "index.html")
    # The nearest common ancestor of what is given, then the assets' folder.
    assert default_root([(other, other.parent, other.read_text("utf-8"))]) == other.parent
    found = [(p, p.parent, p.read_text("utf-8")) for p in (deep, other)]
    assert default_root(found) == tmp_path
    # A link to a missing file leaves the root where it was.
    alone = _page_linking(tmp_path / "example" / "c" / "index.html", "../../../none/x.css")
    assert default_root([(alone, alone.parent, alone.read_text("utf-8"))]) == alone.parent


def test_the_default_root_never_grows_to_files_a_page_only_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The folder served is readable by the page's scripts: an icon, a canonical or an
    alternate link, or a stylesheet outside the folder the command runs in, does not
    extend it (a hostile page linking ../../../../etc/hostname would serve /)."""
    work = tmp_path / "work"
    (work / "dist").mkdir(parents=True)
    (work / "dist" / "icon.png").write_bytes(b"")
    (tmp_path / "outside.css").write_text("", "utf-8")
    monkeypatch.chdir(work)
    page = work / "site" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<!doctype html><html lang=fr><head><link rel="icon" href="../../dist/icon.png">'
        '<link href="../../../outside.css" rel="stylesheet"></head></html>',
        "utf-8",
    )
    assert default_root([(page, page.parent, page.read_text("utf-8"))]) == page.parent
    # A stylesheet inside, its rel after its href: extends.
    (work / "dist" / "dsfr.min.css").write_text("", "utf-8")
    page.write_text('<link href="../../dist/dsfr.min.css" rel="stylesheet">', "utf-8")
    assert default_root([(page, page.parent, page.read_text("utf-8"))]) == work


def test_root_must_be_a_folder_holding_every_page(tmp_path: Path, clean_page: Path):
    """Checked before the static audit and before Chromium starts (exit 2, one message)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for root, expected in (
        (elsewhere, f"is not under the --root folder {elsewhere}"),
        (tmp_path / "none", "is not a folder"),
    ):
        result = run_cli("check", "--browser", "--root", str(root), str(clean_page))
        assert result.returncode == 2, result.stdout + result.stderr
        assert expected in result.stderr
        assert "Traceback" not in result.stderr


def test_readme_documents_every_check_option():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", run_cli("check", "--help").stdout))
    for option in options - {"--help"}:
        assert option in readme, option


def test_progress_on_a_terminal_is_erased_at_the_end():
    main, secondary = pty.openpty()
    files = [str(STATIC / f"{name}.good.html") for name in ("image-alt", "empty-link")]
    result = subprocess.run(
        [sys.executable, "-m", "dsfr_accordion", "check", *files],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=secondary,
        text=True,
        check=False,
    )
    os.close(secondary)
    shown = os.read(main, 65536).decode()
    os.close(main)
    assert result.returncode == 0
    assert "[1/2] " in shown and "[2/2] " in shown
    assert shown.endswith("\r\x1b[K")


def test_an_info_finding_is_counted_skipped_in_junit_and_fails_no_level():
    """What the audit did not check (accordion-not-tested) is said, never a failure."""
    from dsfr_accordion.audit import failing, report  # noqa: PLC0415
    from dsfr_accordion.audit.findings import FileResult, found  # noqa: PLC0415

    note = found("accordion-not-tested", "p.html", id="x", button="X", container="div#c")
    results = [FileResult.of("p.html", [note])]
    assert report.text(results).endswith("files checked: 1, errors: 0, warnings: 0, info: 1\n")
    assert "p.html: info: accordion 'x', button 'X': not tested, hidden in div#c" in (
        report.text(results)
    )
    suite = ElementTree.fromstring(report.junit(results)).find("testsuite")
    assert suite is not None and (suite.get("failures"), suite.get("skipped")) == ("0", "1")
    assert suite.find("testcase/skipped") is not None
    assert all(not r.findings for level in ("error", "warning") for r in failing(results, level))
    assert failing(results, "info")[0].findings == results[0].findings  # only when asked
