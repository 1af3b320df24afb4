"""Shared fixtures: paths, the command line, HTML parsing, and the browser session."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import babel.dates
import babel.numbers
import html5lib
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DSFR_DIST = ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist"

pytest_plugins = ["tests.browser", "pytester"]

# pytester's in-process runs put sys.modules back as they found it: a Babel module
# first imported inside one is dropped after, and imported again later as a second
# copy whose classes are not those of the locale data Babel has cached (format_decimal
# then fails: "argument of type 'NumberPattern' is not iterable"). Imported here, they
# are loaded once for the whole run.
_LOADED_ONCE = (babel.dates, babel.numbers)


def parse_html(html: str, *, fragment: bool = False):
    """Parse ``html`` strictly enough to count errors; return (tree root, parse errors)."""
    parser = html5lib.HTMLParser(
        tree=html5lib.treebuilders.getTreeBuilder("etree"), namespaceHTMLElements=False
    )
    tree = parser.parseFragment(html) if fragment else parser.parse(html)
    return tree, parser.errors


def hrefs(markup: str) -> list[str]:
    """The value of every ``href`` attribute of ``markup``, entities decoded."""
    return [html.unescape(found) for found in re.findall(r'href="([^"]*)"', markup)]


def translated(document, lang: str | None):
    """The translation of ``document`` into ``lang`` from its catalogue, as ``render``
    takes it, or ``None`` for its own language (or none given)."""
    if lang is None or lang == document.lang:
        return None
    import dsfr_accordion  # noqa: PLC0415 - the suite's helpers import it lazily

    catalogue = dsfr_accordion.load_translations(document, lang)
    return dsfr_accordion.translate(document, catalogue)


def run_cli(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m dsfr_accordion ARGS`` and capture its output; ``env`` is
    added to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "dsfr_accordion", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env} if env else None,
    )


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test twice: YAML composed by libyaml where the loaders use it (the
    default), then by PyYAML's pure-Python reader alone; the loaders must not tell."""
    from dsfr_accordion.loaders import fields  # noqa: PLC0415 - the suite imports lazily

    if request.param == "libyaml":
        if fields.FAST_LOADER is None:
            pytest.fail("PyYAML without libyaml: the locked PyYAML wheel has it (make test)")
    else:
        monkeypatch.setattr(fields, "FAST_LOADER", None)
    return request.param


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a content file under a temporary folder and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(autouse=True)
def _fixed_catalogue_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """New catalogues are stamped with SOURCE_DATE_EPOCH when it is set (reproducible
    builds): fixed here, for this process and the command lines it runs."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764765000")  # 2025-12-03 12:30 UTC
