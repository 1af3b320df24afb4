"""Smoke test of the benchmark harness (benchmarks/, issues 9 and 19): it runs, it writes
its results and its report, its floors write the library's markup, its targets are
judged as the issues state them, and the peers' configuration is what the benchmark
says it is. Speed is never asserted here: `make bench` measures it. Nothing here needs
the npm peers (benchmarks/node_modules), which only `make bench` installs.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from benchmarks import __main__ as bench
from benchmarks import axe_floor, browser_peers, contenders, corpus, report, scenarios, timing
from benchmarks.targets import judge

import dsfr_accordion
from dsfr_accordion.audit.axe import AXE_TAGS

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_corpus_is_deterministic_and_prefix_stable():
    assert corpus.entries(12)[:5] == corpus.entries(5)
    assert len({entry.title for entry in corpus.entries(40)}) == 40


def test_floor_writes_the_same_markup_as_dsfr_accordion():
    expected = str(dsfr_accordion.render(corpus.document(12)))
    assert contenders.by_key("floor").prepare(12).run() == expected


def test_minimal_floor_writes_the_same_markup_as_dsfr_accordion():
    """Minimal content: one plain paragraph per answer, no quote, the show-all button."""
    library, floor = (contender.prepare(12).run() for contender in contenders.MINIMAL)
    assert str(library) == floor
    assert "fr-quote" not in floor
    assert floor.count("<p>") == 12
    assert "dsfr-accordion-show-all" in floor


def test_minimal_answers_are_plain_text():
    assert all("<" not in s and "&" not in s for s in corpus.plain_sentences())
    document = corpus.minimal_document(3)
    answers = [t.items[0].answer for t in document.testimonials]
    assert [len(answer) for answer in answers] == [1, 1, 1]


def test_a_missing_peer_is_skipped_with_a_note():
    ghost = contenders.Contender(
        "ghost", "ghost", "no-such-package-for-dsfr-accordion", lambda _: None, ""
    )
    assert ghost.version is None
    assert "[bench]" in ghost.missing


def test_a_missing_npm_peer_names_make_bench(monkeypatch, tmp_path):
    monkeypatch.setattr(browser_peers, "NODE_MODULES", tmp_path)
    peer = next(tool for tool in browser_peers.TOOLS if tool.key == "pa11y-ci")
    assert peer.version is None
    assert "make bench" in peer.missing
    python_tools = [tool for tool in browser_peers.TOOLS if tool.package is None]
    assert [tool.key for tool in python_tools] == ["dsfr-accordion", "floor"]
    assert all(tool.missing is None for tool in python_tools)


def test_paired_ratio():
    ratio = timing.paired_ratio(timing.Summary((2.0, 4.0, 6.0)), timing.Summary((1.0, 2.0, 2.0)))
    assert ratio.median == 2.0
    assert ratio.high == 3.0


def test_interleaved_without_warm_up_calls_each_run_once_per_repetition():
    calls: list[str] = []
    runs = {name: (lambda name=name: calls.append(name), None) for name in ("a", "b", "c")}
    summaries = timing.interleaved(runs, 3, 10.0, warm_up=False)
    assert calls == ["a", "b", "c", "b", "c", "a", "c", "a", "b"]  # the order rotates
    assert all(len(summary.samples) == 3 for summary in summaries.values())


# The peers' configuration ------------------------------------------------------


def test_peers_are_pinned_and_locked():
    """benchmarks/package.json pins exact versions, and its lock is of the same packages,
    every one with its integrity hash (npm ci refuses a lock that disagrees)."""
    package = json.loads((BENCHMARKS / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((BENCHMARKS / "package-lock.json").read_text(encoding="utf-8"))
    pinned = package["devDependencies"]
    assert set(pinned) == {"@axe-core/cli", "pa11y-ci"}
    assert all(version[0].isdigit() for version in pinned.values())
    assert lock["packages"][""]["devDependencies"] == pinned
    for name, version in pinned.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    installed = {path: entry for path, entry in lock["packages"].items() if path}
    assert all(entry.get("integrity", "").startswith("sha512-") for entry in installed.values())


def test_pa11y_runs_axe_in_the_system_chromium_with_the_floors_flags():
    config = json.loads(browser_peers.PA11Y_CONFIG.read_text(encoding="utf-8"))["defaults"]
    assert config["runners"] == ["axe"]
    assert config["standard"] == "WCAG2AA"  # PA11Y_AXE_TAGS: what its runner runs for it
    # Every axe-core result reported, whatever its impact, as the other tools report them.
    assert config["includeWarnings"] is True
    assert config["includeNotices"] is True
    assert config["concurrency"] == 1
    assert config["viewport"] == dict(zip(("width", "height"), axe_floor.WINDOW, strict=True))
    launch = config["chromeLaunchConfig"]
    assert launch["executablePath"] == "/usr/bin/chromium"
    assert tuple(launch["args"]) == axe_floor.CHROMIUM_ARGS


def test_the_floor_and_the_axe_cli_run_dsfr_accordions_tags():
    assert axe_floor.AXE_TAGS == AXE_TAGS
    site = browser_peers.Site(Path("/site"), ("a b.html",), 1)
    axe = next(tool for tool in browser_peers.TOOLS if tool.key == "axe-cli")
    command = axe.command(site, "http://127.0.0.1:1", Path("out.json"))
    assert command[1] == "http://127.0.0.1:1/a%20b.html"
    assert command[command.index("--tags") + 1] == ",".join(AXE_TAGS)
    flags = command[command.index("--chrome-options") + 1].split(",")
    assert ["--" + flag for flag in flags] == list(axe_floor.CHROMIUM_ARGS[1:])


# Reading and comparing what the tools found --------------------------------------


def test_the_readers_give_rules_by_page(tmp_path):
    site = browser_peers.Site(tmp_path, ("rendered/a.html", "dsfr/b.html"), 1)
    base = "http://127.0.0.1:9"
    axe_out = tmp_path / "axe.json"
    axe_out.write_text(
        json.dumps(
            [
                {"url": f"{base}/rendered/a.html", "violations": [{"id": "list"}],
                 "incomplete": [{"id": "color-contrast"}]},
                {"url": f"{base}/dsfr/b.html", "violations": [], "incomplete": []},
            ]
        )
    )  # fmt: skip
    assert browser_peers._read_axe_cli(axe_out, site, base) == {
        "rendered/a.html": {"violations": {"list"}, "incomplete": {"color-contrast"}},
        "dsfr/b.html": {"violations": set(), "incomplete": set()},
    }
    pa11y_out = tmp_path / "pa11y.json"
    issue = {"code": "region", "runnerExtras": {"needsFurtherReview": False}}
    pa11y_out.write_text(json.dumps({"results": {f"{base}/dsfr/b.html": [issue]}}))
    assert browser_peers._read_pa11y(pa11y_out, site, base) == {
        "dsfr/b.html": {"violations": {"region"}, "incomplete": set()}
    }
    pa11y_out.write_text(json.dumps({"results": {f"{base}/dsfr/b.html": [{"message": "boom"}]}}))
    with pytest.raises(RuntimeError, match="boom"):
        browser_peers._read_pa11y(pa11y_out, site, base)


def test_comparable_rules_are_those_every_tool_runs():
    catalogue = {
        "rules": {
            "image-alt": ["wcag2a"],
            "target-size": ["wcag22aa"],
            "region": ["best-practice"],
            "new-rule": ["wcag2a", "experimental"],
        }
    }
    older = {"rules": {"image-alt": ["wcag2a"], "region": ["best-practice"]}}
    tools = [t for t in browser_peers.TOOLS if t.key in ("dsfr-accordion", "pa11y-ci")]
    catalogues = {"dsfr-accordion": catalogue, "pa11y-ci": older}
    assert browser_peers.comparable_rules(tools, catalogues) == {"image-alt"}


def test_agreement_names_the_pages_where_tools_differ():
    site = browser_peers.Site(Path("/site"), ("a.html", "b.html"), 2)
    found = {
        "dsfr-accordion": {"a.html": {"violations": {"list"}}, "b.html": {"violations": set()}},
        "floor": {"a.html": {"violations": {"list"}}, "b.html": {"violations": {"list"}}},
        "pa11y-ci": {
            "a.html": {"violations": {"list", "region"}},
            "b.html": {"violations": set()},
        },
    }
    result = browser_peers.agreement(site, found, {"list"})
    assert result["violations"]["agree"] == 1
    assert result["violations"]["differing"] == [
        {"page": "b.html", "rules": {"dsfr-accordion": [], "floor": ["list"], "pa11y-ci": []}}
    ]
    assert result["incomplete"]["agree"] == 2
    assert result["outside"] == {"dsfr-accordion": [], "floor": [], "pa11y-ci": ["region"]}


# The pages and their server -------------------------------------------------------


def test_the_site_holds_the_rendered_examples_and_dsfr_pages(tmp_path):
    """Each example in French and English, in copies, then the DSFR example pages,
    served over loopback with the DSFR files beside them."""
    if not (browser_peers.DSFR_DIST / "dsfr.module.min.js").is_file():
        pytest.fail("the DSFR files are missing: make assets")
    site = browser_peers.build_site(tmp_path, 2, 3)
    examples = browser_peers.example_files()
    assert {p.name for p in examples} >= {"temoignages-cloud.yaml", "si-samu.md"}
    assert site.rendered == len(examples) * len(browser_peers.LANGS) * 2
    assert len(site.pages) == site.rendered + 3
    assert all((tmp_path / page).is_file() for page in site.pages)
    first = tmp_path / "rendered" / "si-samu.en.1.html"
    assert first.read_bytes() == (tmp_path / "rendered" / "si-samu.en.2.html").read_bytes()
    assert 'lang="en"' in first.read_text(encoding="utf-8")
    with browser_peers.serve(tmp_path) as base:
        for url in site.urls(base)[:: site.rendered]:
            with urllib.request.urlopen(url, timeout=10) as answer:
                assert b"fr-accordion" in answer.read()
        with urllib.request.urlopen(f"{base}/rendered/dsfr/dsfr.module.min.js", timeout=10) as js:
            assert js.headers["Content-Type"] == "text/javascript"


@pytest.mark.usefixtures("browser_session")  # Chromium and chromedriver, or skip (fail in CI)
def test_dsfr_accordion_and_the_floor_agree_on_real_pages(tmp_path):
    """One real run of dsfr-accordion's ``check --checks axe`` and of the floor on a
    rendered example and a DSFR page: both read, and the same rules found."""
    site = browser_peers.build_site(tmp_path, 1, 1)
    site = browser_peers.Site(site.folder, (site.pages[0], site.pages[-1]), 1)
    tools = [t for t in browser_peers.TOOLS if t.package is None]
    found = {}
    with browser_peers.serve(tmp_path) as base:
        for tool in tools:
            out = tmp_path / f"{tool.key}.json"
            command = tool.command(site, base, out)
            browser_peers._runner(command, out, tool.to_stdout, tool.statuses)()
            found[tool.key] = tool.read(out, site, base)
    assert set(found["floor"]) == set(found["dsfr-accordion"]) == set(site.pages)
    every = {rule for pages in found.values() for f in pages.values() for s in f.values()
             for rule in s}  # fmt: skip
    result = browser_peers.agreement(site, found, every)
    assert result["violations"]["agree"] == result["incomplete"]["agree"] == 2, result


# Targets and report ---------------------------------------------------------------


def _summary(*samples: float) -> dict:
    return timing.Summary(samples).as_dict()


def synthetic_results() -> dict:
    """Figures of a run as results.json holds them, made up: some targets met, some not."""
    return {
        "meta": {"mode": "quick", "date": "2026-01-01 00:00 UTC", "duration_s": 100,
                 "machine": {"CPU": "test"}, "versions": {}, "repetitions": 3,
                 "large_repetitions": 3, "min_time": 0.02},
        "render": {
            "sizes": [1000],
            "contenders": {"dsfr-accordion": {"label": "dsfr-accordion", "version": "0",
                                              "description": "render", "missing": None,
                                              "times": {"1000": _summary(1.0)},
                                              "output_bytes": {"1000": 10}}},
            "ratios": {"1000": {"floor": _summary(0.9, 1.0)}},
            "minimal": {"items": 1000, "times": {"dsfr-accordion": _summary(1.5),
                                                 "floor": _summary(1.0)},
                        "ratio_to_floor": _summary(1.5, 1.6)},
        },
        "cli": {
            "command": "render YAML", "commands": {"render-md": "render MD", "imports": "imports"},
            "times": {"pass": _summary(0.01), "imports": _summary(0.1),
                      "render": _summary(0.12), "render-md": _summary(0.13)},
            "ratio": _summary(12.0),
            "ratio_imports": {"yaml": _summary(1.2), "markdown": _summary(1.3)},
            "heavy_imported": [], "modules_imported": 200, "top_imports_us": [],
            "package_import_us": 8000,
        },
        "audits": {"static_process": {"items": 1000, "bytes": 2**20,
                                      "commands": {"check": "check PAGE", "parse": "parse PAGE"},
                                      "times": {"check": _summary(2.0), "parse": _summary(1.0)},
                                      "ratio": _summary(2.0)}},
        "peers": {
            "repetitions": 3, "pages": 30, "rendered_pages": 20, "copies": 5,
            "examples": ["si-samu.md"], "dsfr_pages": ["component/accordion/index.html"],
            "contenders": {
                "dsfr-accordion": {"label": "dsfr-accordion", "version": "0", "shown": "check",
                                   "missing": None, "times": _summary(10.0),
                                   "pages_per_second": 3.0},
                "axe-cli": {"label": "@axe-core/cli", "version": "4.13.0", "shown": "axe",
                            "missing": None, "times": _summary(25.0), "pages_per_second": 1.2},
                "pa11y-ci": {"label": "pa11y-ci", "version": None, "shown": "pa11y-ci",
                             "missing": "pa11y-ci is not installed"},
                "floor": {"label": "floor", "version": "3", "shown": "floor", "missing": None,
                          "times": _summary(9.5), "pages_per_second": 3.2},
            },
            "ratios": {"axe-cli": _summary(2.5), "floor": _summary(0.95)},
            "axe_core": {"dsfr-accordion": "4.10.2", "axe-cli": "4.13.0", "floor": "4.10.2"},
            "findings": {"comparable_rules": 60, "pages": 30,
                         "violations": {"agree": 30, "differing": [], "rules": []},
                         "incomplete": {"agree": 29, "rules": ["color-contrast"],
                                        "differing": [{"page": "a.html", "rules": {
                                            "dsfr-accordion": ["color-contrast"],
                                            "axe-cli": []}}]},
                         "outside": {"dsfr-accordion": [], "axe-cli": ["target-size"]}},
        },
        "jobs": {
            "pages": 20, "examples": ["si-samu.md"], "copies": 5, "cores": 2,
            "repetitions": 3,
            "times": {"axe": _summary(6.0), "browser-1": _summary(15.0),
                      "browser-2": _summary(10.0)},
            "pages_per_second": {"axe": 3.3, "browser-1": 1.3, "browser-2": 2.0},
            "behaviour_ratio": _summary(2.5),
            "frame_floor": {"buttons": 50, "activations": 300, "frame_seconds": 0.02,
                            "seconds": 12.0},
            "scaling": {"1": {"speedup": _summary(1.0), "efficiency": 1.0},
                        "2": {"speedup": _summary(1.5), "efficiency": 0.75}},
        },
    }  # fmt: skip


def test_targets_are_issue_19s_then_issue_9s_still_standing():
    targets = judge(synthetic_results())
    keys = [t["key"] for t in targets]
    assert keys == [
        "behaviour", "axe-cli", "pa11y-ci", "axe-floor", "jobs", "static-process",
        "render-floor", "render-floor-minimal", "cold-render-yaml", "cold-render-markdown",
        "render-govuk", "render-django", "growth", "cli", "static-audit",
    ]  # fmt: skip
    assert [t["issue"] for t in targets] == [19] * 10 + [9] * 5
    assert not any("pages/s" in t["goal"] for t in targets)  # issue 9's 10 pages/s is gone


def test_targets_are_judged_from_the_figures():
    met = {t["key"]: t["met"] for t in judge(synthetic_results())}
    assert met["behaviour"] is False  # 2.5 times the axe-only time, goal at most 2
    (behaviour,) = [t for t in judge(synthetic_results()) if t["key"] == "behaviour"]
    # 6 s of axe-core, then 300 activations of 20 ms: 12 s, twice the axe-only time.
    assert behaviour["figure"].endswith(
        "its floor, one frame per activation: 2.00\N{MULTIPLICATION SIGN}"
    )
    assert met["axe-cli"] is True  # 2.5 times @axe-core/cli's throughput, goal at least 2
    assert met["pa11y-ci"] is None  # not installed
    assert met["axe-floor"] is True  # 1 / 0.95 = 1.05 times the floor, goal at most 1.1
    assert met["jobs"] is True  # 1.5 times at N = 2: 0.75 of linear, goal at least 0.7
    assert met["static-process"] is False  # 2 times, goal at most 1.5
    assert met["render-floor"] is True  # 1 / 0.9 to 1 / 1.0, goal at most 1.2
    assert met["render-floor-minimal"] is False  # 1.5 times, goal at most 1.2
    assert met["cold-render-yaml"] is True  # 1.2 times, goal at most 1.25
    assert met["cold-render-markdown"] is False  # 1.3 times
    assert met["growth"] is None


def test_jobs_target_takes_the_worst_number_of_sessions():
    results = synthetic_results()
    results["jobs"]["scaling"]["3"] = {"speedup": _summary(1.8), "efficiency": 0.6}
    jobs = next(t for t in judge(results) if t["key"] == "jobs")
    assert jobs["value"] == 0.6
    assert jobs["met"] is False
    assert "N = 2: 1.50\N{MULTIPLICATION SIGN}" in jobs["figure"]
    results["jobs"]["scaling"] = {"1": {"speedup": _summary(1.0), "efficiency": 1.0}}
    jobs = next(t for t in judge(results) if t["key"] == "jobs")
    assert jobs["met"] is None
    assert "one core" in jobs["figure"]


def test_report_shows_the_peers_the_findings_and_the_scaling():
    text = report.markdown(synthetic_results(), "images", {})
    assert "| issue | target | goal | measured | |" in text
    assert "## 4. The browser audit and its peers" in text
    times, dash = "\N{MULTIPLICATION SIGN}", "\N{EN DASH}"
    assert (
        f"| @axe-core/cli | 4.13.0 | 4.13.0 | 25.0 s ±0% | 1.20 | 2.50{times} (2.50{dash}2.50) |"
        in text
    )
    assert "skipped: pa11y-ci is not installed" in text
    assert "- violations: the tools agree on 30 of 30 pages (rules found: none)." in text
    assert "- needs review: the tools agree on 29 of 30 pages" in text
    assert "`a.html` (dsfr-accordion: color-contrast, axe-cli: none)" in text
    assert "axe-cli: `target-size`" in text
    assert "## 5. Behaviour checks and `--jobs`" in text
    assert "| `check --browser --jobs 2` | 10.0 s ±0% | 2.00 |" in text
    assert f"N = 2: 1.50{times} (1.50{dash}1.50) the throughput at N = 1, 0.750 of linear" in text
    # The behaviour checks' floor: 6 s of axe-core, then 300 activations of 20 ms.
    assert "50 buttons are tested with 300 activations" in text
    assert f"plus 6.00 s: 12.00 s, 2.00{times} the axe-only time" in text
    assert f"`--browser` takes 1.25{times} that floor." in text
    assert "| `imports` | 100.0 ms ±0% |" in text
    assert f"YAML example 1.20{times} (1.20{dash}1.20), Markdown example 1.30{times}" in text
    assert "Minimal content, 1,000 items" in text
    assert "As whole processes, on the page of 1,000 items" in text


@pytest.mark.parametrize("name", ["quick", "full"])
def test_quick_and_full_modes_run_every_browser_scenario(name):
    """Shapes: the peers on rendered examples and DSFR pages, several repetitions where the
    figures are judged, and the 1,000-item page and minimal content of the targets."""
    mode = scenarios.MODES[name]
    assert mode.peer_repetitions >= 2
    assert mode.peer_copies >= 1
    assert 1 <= mode.peer_dsfr_pages <= len(browser_peers.DSFR_PAGES)
    assert mode.jobs_repetitions >= 1
    assert mode.jobs_copies >= 1
    assert mode.process_items == mode.minimal_items == 1_000
    full = scenarios.MODES["full"]
    assert (full.peer_copies, full.peer_dsfr_pages, full.peer_repetitions) == (5, 10, 5)


def test_tiny_run_writes_results_and_report(tmp_path, capsys):
    """The whole harness in its tiny mode (10 items, one repetition, no browser, no
    charts): peers that are not installed are skipped with a note."""
    results = tmp_path / "results.json"
    docs = tmp_path / "benchmarks.md"
    status = bench.main(
        [
            "--tiny",
            "--no-browser",
            "--no-charts",
            "--results",
            str(results),
            "--docs",
            str(docs),
            "--images",
            str(tmp_path / "images"),
        ]
    )
    assert status == 0
    data = json.loads(results.read_text(encoding="utf-8"))
    assert {"render", "audits", "peers", "jobs", "i18n", "memory", "targets"} <= set(data)
    for key, contender in data["render"]["contenders"].items():
        assert contender["missing"] or contender["times"]["10"]["median"] > 0, key
    assert data["render"]["contenders"]["dsfr-accordion"]["times"]["10"]["median"] > 0
    assert data["render"]["minimal"]["ratio_to_floor"]["median"] > 0
    assert data["audits"]["static_process"]["ratio"]["median"] > 0
    assert data["peers"] == {"note": "not run (--no-browser)"}
    assert data["memory"]["contenders"]["dsfr-accordion"]["peak_bytes"] > 0
    report_text = docs.read_text(encoding="utf-8")
    assert "## Targets" in report_text
    assert "## Machine and versions" in report_text
    assert "Note: not run (--no-browser)." in report_text
    assert "cold command line" in capsys.readouterr().out
