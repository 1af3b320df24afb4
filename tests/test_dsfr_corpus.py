"""The static audit on markup nobody here wrote: the DSFR team's example pages, in
the pinned npm package (issue 16). What ``check`` finds there is exactly the
reviewed list of tests/corpus/dsfr-examples.tsv: a new finding (a false alarm,
or a defect newly caught) or a lost one fails until a person reviews it and
rewrites the list with tools/dsfr_corpus.py."""

from __future__ import annotations

import collections
import importlib.util
from types import ModuleType

import pytest

from tests.conftest import ROOT

TOOL = ROOT / "tools" / "dsfr_corpus.py"


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dsfr_corpus", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not module.EXAMPLES.is_dir():
        pytest.fail(f"the DSFR package is missing at {module.EXAMPLES}: run make test (npm ci)")
    return module


@pytest.fixture(scope="module")
def rows(corpus) -> list[list[str]]:
    """The reviewed findings: page, line, column, rule, severity, message."""
    return [
        line.split("\t")
        for line in corpus.CORPUS.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]


def test_check_finds_exactly_the_reviewed_findings_on_the_dsfr_example_pages(corpus):
    recorded = corpus.CORPUS.read_text(encoding="utf-8")
    assert corpus.text() == recorded, "run python tools/dsfr_corpus.py and review the diff"


def test_the_reviewed_list_holds_only_the_kinds_of_defect_its_review_names(rows):
    kinds = collections.Counter((rule, severity) for _, _, _, rule, severity, _ in rows)
    assert set(kinds) == {
        ("invalid-id", "error"),
        ("duplicate-id", "error"),
        ("heading-skip", "error"),
        ("dangling-reference", "error"),
        ("parse-error", "error"),
        ("inline-handler", "warning"),
        ("javascript-url", "warning"),
    }
    assert kinds["parse-error", "error"] == 3
    pages = {page for page, *_ in rows}
    assert kinds["invalid-id", "error"] == len(pages)  # the placeholder id, once a page


#: The parse errors of the DSFR example pages: all true defects of those pages (the
#: Nu checker reports each); html5lib's 27 others there are not errors of today's
#: standard (test_parse_errors.py).
DSFR_PARSE_ERRORS = {
    ("analytics/spa/vue/index.html", 399, 109),  # a duplicate attribute (id)
    ("component/link/back-to-top/index.html", 135, 94),  # "<<code>" in a code sample
    ("component/share/index.html", 133, 33),  # "< head>" in a code sample
}


def test_the_dsfr_example_pages_have_only_their_true_parse_errors(rows):
    found = {
        (page, int(line), int(column))
        for page, line, column, rule, *_ in rows
        if rule == "parse-error"
    }
    assert found == DSFR_PARSE_ERRORS
