"""Every code block of the documentation runs or is checked, so the docs cannot drift.

- ``python`` blocks of a page run in order in one namespace, in a folder holding
  a copy of ``examples/`` (and ``a.yaml``/``b.md`` for the several-documents example);
- ``sh`` and ``console`` lines calling ``python -m dsfr_accordion`` are parsed by
  the real command line parser; in getting-started.md they are run too;
- ``yaml`` blocks parse; ``jinja`` blocks compile with the library's loader.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
import yaml

import dsfr_accordion
from dsfr_accordion.cli import build_parser
from tests.conftest import DSFR_DIST, EXAMPLES, ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# getting-started.md writes its own files: test_getting_started_runs_from_an_empty_folder.
SANDBOXED = [page for page in PAGES if page.name != "getting-started.md"]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
COMMAND = re.compile(r"^(?:\$ )?python -m dsfr_accordion (.*)$")
SHELL_OPERATORS = {">", ">>", "2>", "|", "&&", ";"}


def blocks(page: Path, language: str) -> list[str]:
    return [
        body for lang, body in FENCE.findall(page.read_text(encoding="utf-8")) if lang == language
    ]


def commands(page: Path) -> list[list[str]]:
    """The arguments of each ``python -m dsfr_accordion`` line of a page's shell blocks."""
    found = []
    for language in ("sh", "console"):
        for body in blocks(page, language):
            for line in body.replace("\\\n", " ").splitlines():
                match = COMMAND.match(line.strip())
                if match:
                    words = shlex.split(match.group(1), comments=True)
                    cut = next((i for i, w in enumerate(words) if w in SHELL_OPERATORS), None)
                    found.append(words[:cut])
    return found


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    shutil.copy(EXAMPLES / "temoignages-cloud.yaml", tmp_path / "a.yaml")
    shutil.copy(EXAMPLES / "si-samu.md", tmp_path / "b.md")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page", SANDBOXED, ids=lambda p: p.name)
def test_python_blocks_run(page: Path, sandbox: Path):
    namespace: dict[str, object] = {"__name__": f"doc_{page.stem}"}
    for body in blocks(page, "python"):
        exec(compile(body, f"{page.name} block", "exec"), namespace)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_command_lines_are_valid(page: Path):
    parser = build_parser()
    for arguments in commands(page):
        try:
            parser.parse_args(arguments)
        except SystemExit as error:
            pytest.fail(f"{page.name}: python -m dsfr_accordion {shlex.join(arguments)}: {error}")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_yaml_and_jinja_blocks_parse(page: Path):
    for body in blocks(page, "yaml"):
        yaml.safe_load(body)
    env = jinja2.Environment(loader=dsfr_accordion.jinja_loader(), autoescape=True)
    for body in blocks(page, "jinja"):
        env.parse(body)


def run_commands(page: Path, folder: Path) -> list[list[str]]:
    """Run each ``python -m dsfr_accordion`` line of ``page`` in ``folder``, in order;
    each must exit 0. The arguments run, in order."""
    found = commands(page)
    for arguments in found:
        result = subprocess.run(
            [sys.executable, "-m", "dsfr_accordion", *arguments],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, (arguments, result.stderr)
    return found


def test_getting_started_runs_from_an_empty_folder(tmp_path: Path):
    if not (DSFR_DIST / "dsfr.min.css").is_file():
        pytest.fail(f"npm DSFR assets missing at {DSFR_DIST}: run make test")
    page = ROOT / "docs" / "getting-started.md"
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    (content,) = blocks(page, "yaml")
    (tmp_path / "temoignages.yaml").write_text(content, encoding="utf-8")
    run_commands(page, tmp_path)
    for body in blocks(page, "python"):
        subprocess.run([sys.executable, "-c", body], cwd=tmp_path, check=True)
    assert (tmp_path / "site" / "temoignages.html").is_file()
    assert (tmp_path / "site" / "dsfr" / "dsfr.min.css").is_file()
    assert (tmp_path / "site-multilingue" / "en" / "temoignages.html").is_file()


def test_translators_guide_runs_on_a_copy_of_the_examples(sandbox: Path):
    """Every command of docs/translators.md, in order, as a translator and a site
    builder would run them on the bundled examples."""
    ran = [arguments[:2] for arguments in run_commands(ROOT / "docs" / "translators.md", sandbox)]
    assert ["i18n", "extract"] in ran and ["build", "examples/si-samu.md"] in ran
    assert (sandbox / "examples" / "locales" / "si-samu.pot").is_file()
    assert (sandbox / "build" / "site" / "de" / "si-samu.html").is_file()
