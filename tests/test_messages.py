"""Which fields of a message are translated is said by their type: the user's data never is.

Errors, import findings and audit findings all fill their templates through
``ui.localized``: a ``Msgid`` (from ``N_``) or a ``Phrase`` is the library's own
words and is translated; a plain ``str`` is what the user or the page wrote.
"""

from __future__ import annotations

import pytest

from dsfr_accordion.audit.findings import found
from dsfr_accordion.audit.rules import Msg
from dsfr_accordion.errors import ContentError
from dsfr_accordion.legacy import import_page
from dsfr_accordion.loaders import load
from dsfr_accordion.ui import N_, Msgid, Phrase, localized, translations

FRENCH = translations("fr").gettext


def test_only_the_library_s_words_are_translated():
    # "text" and "a list" are msgids of the catalogue: only the marked ones are words.
    fields = {"key": "text", "expected": N_("text"), "where": Phrase(N_("a list")), "n": 3}
    assert localized(fields, FRENCH) == {
        "key": "text",
        "expected": FRENCH("text"),
        "where": FRENCH("a list"),
        "n": 3,
    }
    assert FRENCH("text") != "text"
    assert isinstance(N_("x"), Msgid)
    assert isinstance(Msg("there is no button"), Msgid)


@pytest.mark.parametrize("key", ["text", "question ", "a list", "error"])
def test_a_key_the_user_wrote_is_quoted_as_written_in_french(write, key: str):
    path = write("content.yaml", f"title: T\ntestimonials:\n  - title: A\n    {key!r}: x\n")
    with pytest.raises(ContentError) as caught:
        load(path)
    french = caught.value.render("fr")
    assert f"{key!r}" in french, french
    assert "clé inconnue" in french, french


def test_the_import_report_s_reasons_are_in_the_report_s_language():
    page = (
        '<div class="accordion">\n'
        '<button aria-controls="nulle-part" aria-expanded="false">Titre</button>\n'
        "<div>Une réponse.</div>\n</div>\n"
    )
    report = import_page(page, "legacy.html").report
    (finding,) = [f for f in report.findings if f.code == "paired-by-structure"]
    assert 'its aria-controls="nulle-part" points at no element' in finding.message()
    french = report.text("fr")
    assert 'son aria-controls="nulle-part" ne vise aucun élément' in french, french
    assert "points at" not in french
    as_json = report.as_json()["findings"]
    assert {"reason": 'its aria-controls="nulle-part" points at no element'}.items() <= next(
        f["data"].items() for f in as_json if f["code"] == "paired-by-structure"
    )


def test_an_audit_finding_quotes_the_page_s_text_as_written():
    finding = found("lang-invalid", "page.html", (1, 1), value="text")
    assert "'text'" in finding.message("fr")
