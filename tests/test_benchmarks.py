"""Smoke test of the benchmark harness (benchmarks/, issue 9): it runs, it writes its
results and its report, and its floor writes the library's markup. Speed is never
asserted here: `make bench` measures it.
"""

from __future__ import annotations

import json

from benchmarks import __main__ as bench
from benchmarks import contenders, corpus, timing

import dsfr_accordion


def test_corpus_is_deterministic_and_prefix_stable():
    assert corpus.entries(12)[:5] == corpus.entries(5)
    assert len({entry.title for entry in corpus.entries(40)}) == 40


def test_floor_writes_the_same_markup_as_dsfr_accordion():
    expected = str(dsfr_accordion.render(corpus.document(12)))
    assert contenders.by_key("floor").prepare(12).run() == expected


def test_a_missing_peer_is_skipped_with_a_note():
    ghost = contenders.Contender(
        "ghost", "ghost", "no-such-package-for-dsfr-accordion", lambda _: None, ""
    )
    assert ghost.version is None
    assert "[bench]" in ghost.missing


def test_paired_ratio():
    ratio = timing.paired_ratio(timing.Summary((2.0, 4.0, 6.0)), timing.Summary((1.0, 2.0, 2.0)))
    assert ratio.median == 2.0
    assert ratio.high == 3.0


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
    assert {"render", "audits", "i18n", "memory", "targets"} <= set(data)
    for key, contender in data["render"]["contenders"].items():
        assert contender["missing"] or contender["times"]["10"]["median"] > 0, key
    assert data["render"]["contenders"]["dsfr-accordion"]["times"]["10"]["median"] > 0
    assert data["memory"]["contenders"]["dsfr-accordion"]["peak_bytes"] > 0
    report = docs.read_text(encoding="utf-8")
    assert "## Targets" in report
    assert "## Machine and versions" in report
    assert "cold command line" in capsys.readouterr().out
