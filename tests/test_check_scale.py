"""A whole site in CI: ``check --checks``, ``--shard K/N`` with ``--merge``, ``--jobs N``."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest

import dsfr_accordion
from dsfr_accordion.audit import check, parse_checks
from dsfr_accordion.audit.findings import AuditFinding, found
from dsfr_accordion.audit.rules import Check
from dsfr_accordion.errors import DsfrAccordionError
from tests.conftest import DSFR_DIST, EXAMPLES, run_cli
from tests.test_audit_static import SEED, STATIC

#: Static fixtures with and without findings, of every severity: a small site.
SITE_PAGES = (
    "duplicate-id.bad",
    "image-alt.good",
    "dangling-fragment-link.bad",
    "parse-error.bad",
    "empty-link.good",
    "inline-handler.bad",
    "heading-skip.bad",
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Seven pages in two folders (the order of the report: sorted paths)."""
    folder = tmp_path / "site"
    for number, name in enumerate(SITE_PAGES):
        target = folder / ("en" if number % 2 else "fr") / f"{number}-{name}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(STATIC / f"{name}.html", target)
    return folder


def _paths(report: str) -> list[str]:
    return [file["path"] for file in json.loads(report)["files"]]


@pytest.mark.parametrize("count", [1, 3, 9])
def test_shards_partition_the_files_and_merge_to_the_whole_report(
    site: Path, tmp_path: Path, count: int
):
    """File i goes to shard i % N + 1; the merged JSON and JUnit reports are the bytes of
    the check without --shard, and --merge exits as that check does (9 shards: some
    are empty)."""
    for form in ("json", "junit"):
        whole = run_cli("check", str(site), "--format", form)
        assert whole.returncode == 1, whole.stderr
        reports = []
        for index in range(1, count + 1):
            shard = run_cli("check", str(site), "--format", form, "--shard", f"{index}/{count}")
            assert shard.returncode in (0, 1) and shard.stderr == "", shard.stderr
            reports.append(tmp_path / f"shard-{index}.{form}")
            reports[-1].write_text(shard.stdout, "utf-8")
            if form == "json":
                assert len(_paths(whole.stdout)) == len(SITE_PAGES)
                expected = _paths(whole.stdout)[index - 1 :: count]
                assert _paths(shard.stdout) == expected
        merged = run_cli("check", "--merge", *map(str, reversed(reports)))
        assert (merged.returncode, merged.stderr) == (1, "")
        assert merged.stdout == whole.stdout


def test_merge_exits_by_fail_on_and_keeps_the_shards_language(site: Path, tmp_path: Path):
    reports = []
    for index in (1, 2):
        shard = run_cli(
            "check", str(site), "--format", "json", "--shard", f"{index}/2", "--lang", "fr"
        )
        reports.append(tmp_path / f"{index}.json")
        reports[-1].write_text(shard.stdout, "utf-8")
    merged = run_cli("check", "--merge", *map(str, reports), "--fail-on", "none")
    assert merged.returncode == 0
    whole = run_cli("check", str(site), "--format", "json", "--lang", "fr", "--fail-on", "none")
    assert merged.stdout == whole.stdout
    assert json.loads(merged.stdout)["lang"] == "fr"


def test_a_shard_says_which_it_is_and_the_whole_check_does_not(site: Path):
    shard = run_cli("check", str(site), "--format", "junit", "--shard", "2/3")
    assert ElementTree.fromstring(shard.stdout).get("shard") == "2/3"
    data = json.loads(run_cli("check", str(site), "--format", "json", "--shard", "2/3").stdout)
    assert data["shard"] == {"index": 2, "count": 3}
    whole = run_cli("check", str(site), "--format", "json").stdout
    assert "shard" not in json.loads(whole)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--shard", "0/2"], "error: --shard '0/2' is not K/N with 1 ≤ K ≤ N"),
        (["--shard", "3/2"], "error: --shard '3/2' is not K/N with 1 ≤ K ≤ N"),
        (["--shard", "2"], "error: --shard '2' is not K/N"),
        (["--shard", "a/b"], "error: --shard 'a/b' is not K/N"),
        (["--checks", "static,axes"], "error: --checks 'static,axes': 'axes' is not a check"),
        (["--checks", ""], "error: --checks '': '' is not a check"),
        (["--checks", "axe", "--browser"], "argument --browser: not allowed with argument"),
        (["--jobs", "0"], "argument --jobs: '0' is not a positive whole number"),
    ],
)
def test_bad_checks_shards_and_jobs_exit_2_with_one_message(args: list[str], expected: str):
    result = run_cli("check", str(SEED), *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_merge_refuses_what_is_not_every_shard_once(site: Path, tmp_path: Path):
    def report(spec: str, form: str = "json", *extra: str) -> str:
        path = tmp_path / f"{spec.replace('/', '-')}{'-'.join(extra)}.{form}"
        result = run_cli("check", str(site), "--format", form, "--shard", spec, *extra)
        path.write_text(result.stdout, "utf-8")
        return str(path)

    whole = tmp_path / "whole.json"
    whole.write_text(run_cli("check", str(site), "--format", "json").stdout, "utf-8")
    other = tmp_path / "other.xml"
    other.write_text('<testsuites name="another tool"/>', "utf-8")
    one, two, three = report("1/3"), report("2/3"), report("3/3")
    for args, expected in [
        ([one, three], "error: no report of shard 2/3 among the reports to merge"),
        ([one, two, three, two], "error: a second report of shard 2/3, after"),
        ([one, two, report("3/3", "junit")], "is not a shard of the same check as the others"),
        ([one, two, report("3/3", "json", "--lang", "fr")], "not a shard of the same check"),
        ([one, two, report("3/4")], "is not a shard of the same check as the others"),
        ([str(whole)], "whole.json: error: cannot merge this report: it is not a JSON report"),
        ([str(SEED)], "cannot merge this report: it is neither JSON nor JUnit XML"),
        ([str(other)], "other.xml: error: cannot merge this report: it is not a JUnit report"),
        ([one, two, three, "--format", "junit"], "--merge reads reports: --format junit"),
        ([one, two, three, "--browser"], "--merge reads reports: --browser does not apply"),
        ([one, str(tmp_path / "absent.json")], "absent.json: error: cannot read the file"),
    ]:
        result = run_cli("check", "--merge", *args)
        assert (result.returncode, result.stdout) == (2, ""), args
        assert expected in result.stderr, (args, result.stderr)


def test_a_shard_report_cut_short_does_not_merge(site: Path, tmp_path: Path):
    """The sizes of the reports say where each file was: one that lost a file is refused."""
    paths = []
    for index in (1, 2):
        data = json.loads(
            run_cli("check", str(site), "--format", "json", "--shard", f"{index}/2").stdout
        )
        if index == 2:
            data["files"].pop()
        paths.append(tmp_path / f"{index}.json")
        paths[-1].write_text(json.dumps(data), "utf-8")
    result = run_cli("check", "--merge", *map(str, paths))
    assert result.returncode == 2
    assert "its number of files does not fit the other shards'" in result.stderr


def test_checks_static_starts_no_browser(tmp_path: Path):
    """Without Chromium on PATH, a static check runs, and one that needs the browser says
    it cannot: the first never tried to start it."""
    empty = tmp_path / "bin"
    empty.mkdir()
    static = run_cli("check", str(SEED), "--checks", "static", env={"PATH": str(empty)})
    assert (static.returncode, static.stderr) == (1, "")
    assert "files checked: 1, errors: 15" in static.stdout
    for checks in ("axe", "static,behaviour"):
        browser = run_cli("check", str(SEED), "--checks", checks, env={"PATH": str(empty)})
        assert browser.returncode == 2
        assert "the browser audit cannot run" in browser.stderr


def test_parse_checks_reads_text_or_names():
    assert parse_checks("static, axe") == {Check.STATIC, Check.AXE}
    assert parse_checks(["behaviour"]) == {Check.BEHAVIOUR}
    with pytest.raises(DsfrAccordionError, match="'nope' is not a check"):
        parse_checks(["axe", "nope"])


class _FakeSession:
    """A browser session that takes its time over each page, and records what it did."""

    def __init__(self, log: list[tuple[int, str]], fail_on: str | None = None) -> None:
        self.log = log
        self.fail_on = fail_on

    def audit_file(self, path: Path, name: str, root: Path | None = None) -> list[AuditFinding]:
        time.sleep(0.01 * (1 + len(path.name) % 3))  # pages finish out of order
        self.log.append((threading.get_ident(), path.name))
        if path.name == self.fail_on:
            raise RuntimeError(f"session failed on {path.name}")
        return [found("page-alert", name, text=path.name)]


def test_jobs_keep_the_order_and_audit_each_page_once(site: Path):
    log: list[tuple[int, str]] = []
    sessions: list[_FakeSession] = []

    def start() -> _FakeSession:
        sessions.append(_FakeSession(log))
        return sessions[-1]

    serial = check([site], browser=_FakeSession([]), static=False)  # type: ignore[arg-type]
    parallel = check([site], browser=start, static=False, jobs=3)  # type: ignore[arg-type]
    assert parallel == serial
    assert [r.findings[0].fields for r in parallel] == [
        (("text", Path(r.path).name),) for r in parallel
    ]
    assert sorted(name for _, name in log) == sorted(Path(r.path).name for r in serial)
    assert len(sessions) == 3 and len({thread for thread, _ in log}) > 1


def test_one_failing_session_stops_the_others_and_is_raised(site: Path):
    """The others end the page under way and take no other; the failure is raised."""
    log: list[tuple[int, str]] = []
    failing = "0-duplicate-id.bad.html"  # the fourth page, whichever session takes it
    starts = iter([_FakeSession(log, fail_on=failing), _FakeSession(log, fail_on=failing)])
    began = time.monotonic()
    with pytest.raises(RuntimeError, match="session failed on 0-duplicate-id"):
        check([site], browser=lambda: next(starts), static=False, jobs=2)  # type: ignore[arg-type]
    assert time.monotonic() - began < 5
    assert len(log) < len(SITE_PAGES)


def test_a_session_that_does_not_start_is_raised(site: Path):
    def start() -> _FakeSession:
        raise DsfrAccordionError.of("browser-unavailable", problem="no Chromium here")

    with pytest.raises(DsfrAccordionError, match="no Chromium here"):
        check([site], browser=start, jobs=4)


#: Stops every click on an accordion button before the DSFR JavaScript sees it: the
#: markup is sound, the accordions do not open (a behaviour finding, no static one).
BLOCKER = (
    "<script>document.addEventListener('click', (event) => {"
    " if (event.target.closest('.fr-accordion__btn')) event.stopPropagation(); }, true);"
    "</script>\n</body>"
)


def broken_page() -> str:
    """A rendered page whose accordion does not open, and with a link to no element
    (a static warning only)."""
    html = str(dsfr_accordion.render_page(dsfr_accordion.load(EXAMPLES / "si-samu.md")))
    html = html.replace("</main>", '<p><a href="#nulle-part">Lien</a></p>\n</main>', 1)
    return html.replace("</body>", BLOCKER)


@pytest.fixture
def browser_site(tmp_path: Path, browser_session) -> Path:
    """Three small pages, one of them broken (the browser tests below need Chromium:
    skipped without it, as the shared session is)."""
    folder = tmp_path / "browser-site"
    folder.mkdir()
    document = dsfr_accordion.load(EXAMPLES / "si-samu.md")
    (folder / "a-broken.html").write_text(broken_page(), "utf-8")
    (folder / "b-fragment.html").write_text(str(dsfr_accordion.render(document)), "utf-8")
    (folder / "c-page.html").write_text(str(dsfr_accordion.render_page(document)), "utf-8")
    return folder


def _rules(report: str) -> dict[str, set[tuple[str, str]]]:
    return {
        Path(file["path"]).name: {(f["check"], f["rule"]) for f in file["findings"]}
        for file in json.loads(report)["files"]
    }


@pytest.mark.browser
def test_jobs_2_writes_the_report_of_jobs_1(browser_site: Path):
    """Two browsers side by side: the same bytes, in the same order."""
    dist = str(DSFR_DIST)
    one, two = (
        run_cli("check", str(browser_site), "--browser", "--format", "json",
                "--dsfr-dist", dist, "--jobs", jobs)
        for jobs in ("1", "2")
    )  # fmt: skip
    assert (one.returncode, one.stderr) == (1, "")
    assert (two.returncode, two.stdout) == (one.returncode, one.stdout)
    found = _rules(one.stdout)
    assert list(found) == ["a-broken.html", "b-fragment.html", "c-page.html"]
    assert {("static", "dangling-fragment-link"), ("behaviour", "accordion-behaviour")} <= (
        found["a-broken.html"]
    )


@pytest.mark.browser
def test_checks_axe_runs_neither_the_behaviour_checks_nor_the_static_audit(browser_site: Path):
    page = browser_site / "a-broken.html"
    result = run_cli(
        "check", str(page), "--checks", "axe", "--format", "json", "--dsfr-dist", str(DSFR_DIST)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    found = _rules(result.stdout)["a-broken.html"]
    assert found, "axe-core ran: the page has a colour contrast to review"
    assert {check for check, _ in found} == {"axe"}
