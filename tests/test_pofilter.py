"""translate-toolkit's ``pofilter`` (the quality checks translators' tools
such as Pootle and Virtaal run) finds nothing in the committed catalogues."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

FILTERS = ("xmltags", "urls", "variables", "printf", "pythonbraceformat", "escapes", "newlines")
CATALOGUES = sorted(
    [*(ROOT / "locales").glob("*/LC_MESSAGES/*.po"), *(EXAMPLES / "locales").glob("*/*/*.po")]
)


def pofilter(po: Path, output: Path) -> str:
    """The entries ``pofilter`` flags in ``po``, with its ``(pofilter)`` comments."""
    command = [str(Path(sys.executable).parent / "pofilter"), "--progress=none"]
    for name in FILTERS:
        command += ["-t", name]
    subprocess.run([*command, str(po), "-o", str(output)], check=True, capture_output=True)
    return output.read_text(encoding="utf-8") if output.exists() else ""


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: str(po.relative_to(ROOT)))
def test_committed_catalogue_has_no_pofilter_finding(po: Path, tmp_path: Path):
    assert pofilter(po, tmp_path / "flagged.po") == ""


def test_pofilter_flags_a_broken_translation(tmp_path: Path):
    po = ROOT / "locales" / "fr" / "LC_MESSAGES" / "dsfr_accordion.po"
    broken = tmp_path / "broken.po"
    text = po.read_text(encoding="utf-8")
    broken.write_text(
        text.replace('msgstr "Contenu"', 'msgstr "Contenu {x} <b>"'), encoding="utf-8"
    )
    flagged = pofilter(broken, tmp_path / "flagged.po")
    assert "# (pofilter) xmltags" in flagged
    assert "# (pofilter) pythonbraceformat" in flagged
    assert len(CATALOGUES) >= 4
