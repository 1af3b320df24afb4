"""Parse errors as today's HTML standard defines them (dsfr_accordion.htmlsource),
against the Nu HTML checker (npm ``vnu-jar``, run with Java); those of the DSFR
team's own example pages are checked with that corpus (test_dsfr_corpus.py)
(issue 16, item 2).

html5lib 1.1 follows an older parsing spec: ``&text=`` in a URL and ``--`` in a
comment were reported, though the standard and the Nu checker have no error
there; 27 of the 30 parse errors on the DSFR example pages were of that kind.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from dsfr_accordion.audit.static import audit_file, audit_text
from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PAGE = '<!doctype html>\n<html lang="fr"><head><title>t</title></head><body>\n{}\n</body></html>\n'

#: name -> (a line of a page's body, whether it holds a parse error). Each page is
#: otherwise conforming, so that every error the Nu checker reports is this one.
CASES: dict[str, tuple[str, bool]] = {
    "ampersand in a URL": ('<a href="https://x.fr/?u=1&text=2&via=3">lien</a>', False),
    "ampersand and a word in text": ("<p>Pierre & Paul &co</p>", False),
    "a named reference without ;": ("<p>Pierre &amp Paul</p>", True),
    "two dashes in a comment": ("<!-- avant -- après -->", False),
    "three dashes in a comment": ("<!-- avant --- après -->", False),
    "a numeric reference without digits": ("<p>&#x;</p>", True),
    "a space after <": ("<p>a</p>\n< p>b</p>", True),
    "a < before a tag": ("<p><<code>x</code></p>", True),
    "a duplicate attribute": ('<p class="a" class="b">x</p>', True),
    "a stray end tag": ("<p>x</p></span>", True),
}


def _vnu_errors(pages: dict[str, Path]) -> dict[str, list[dict]]:
    """The Nu checker's error messages for each page, by name."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the Nu checker needs Java and npm's vnu-jar (make test installs both)")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, pages.values()),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    by_path = {str(path): name for name, path in pages.items()}
    errors: dict[str, list[dict]] = {name: [] for name in pages}
    for message in messages:
        if message["type"] == "error":
            errors[by_path[message["url"].removeprefix("file:")]].append(message)
    return errors


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list, list]]:
    """For each case: the parse-error findings of ``check``, and the Nu checker's errors."""
    folder = tmp_path_factory.mktemp("parse-errors")
    pages = {}
    for number, (name, (body, _)) in enumerate(sorted(CASES.items())):
        pages[name] = folder / f"case-{number}.html"
        pages[name].write_text(PAGE.format(body), encoding="utf-8")
    nu = _vnu_errors(pages)
    ours = {
        name: [f for f in audit_file(path).findings if f.code == "parse-error"]
        for name, path in pages.items()
    }
    return {name: (ours[name], nu[name]) for name in CASES}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_parse_error_is_one_for_the_standard_and_the_nu_checker(verdicts, name: str):
    _, expected = CASES[name]
    ours, nu = verdicts[name]
    assert bool(nu) is expected, nu  # the Nu checker agrees with the case table
    assert bool(ours) is expected, [f.message() for f in ours]
    if expected:  # the same line; the column of the token's start
        assert {f.line for f in ours} <= {m["lastLine"] for m in nu}


def test_an_unknown_named_reference_is_an_error_of_the_standard():
    """``&nom;`` is "unknown-named-character-reference" in the standard (13.2.5.73);
    the Nu checker says nothing of it, the standard is followed."""
    findings = audit_text(PAGE.format("<p>x &nom; y</p>"), "page.html").findings
    assert [(f.code, f.line, f.column) for f in findings] == [("parse-error", 3, 6)]


def test_an_entity_error_is_placed_at_its_ampersand():
    findings = audit_text(PAGE.format("<p>&#xZZ;</p>"), "page.html").findings
    assert [(f.code, f.line, f.column) for f in findings] == [("parse-error", 3, 4)]
