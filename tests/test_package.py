"""The built wheel ships its templates and works outside the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dsfr_accordion.assets import ENHANCEMENT_FILES
from tests.conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("dsfr_accordion-*.whl")
    return built


def test_wheel_holds_the_package_data(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in ("accordion", "page", "switcher", "index"):
        assert f"dsfr_accordion/templates/dsfr_accordion/{template}.html.j2" in names
    assert any(name.endswith("entry_points.txt") for name in names)
    assert "dsfr_accordion/py.typed" in names
    scripts = "dsfr_accordion/audit/js/"
    shipped = {name.removeprefix(scripts) for name in names if name.startswith(scripts)}
    assert shipped == {path.name for path in (ROOT / "src/dsfr_accordion/audit/js").glob("*.js")}
    for lang in ("fr", "en"):
        assert f"dsfr_accordion/locales/{lang}/LC_MESSAGES/dsfr_accordion.mo" in names
    assert "dsfr_accordion/audit/axe-locales/fr.json" in names
    for name in ENHANCEMENT_FILES:
        assert f"dsfr_accordion/static/{name}" in names
    assert not any(name.startswith(("tests/", "examples/")) for name in names)


def test_installed_wheel_renders_outside_the_repository(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(EXAMPLES / "si-samu.md", work)
    script = (
        "import dsfr_accordion, sys\n"
        "assert dsfr_accordion.__file__.startswith(sys.argv[1]), dsfr_accordion.__file__\n"
        "document = dsfr_accordion.load('si-samu.md')\n"
        "assert 'fr-quote' in dsfr_accordion.render(document)\n"
        "assert 'jinja2' not in sys.modules, 'a fragment needs no template'\n"
        "html = dsfr_accordion.render_page(document)\n"
        "assert 'fr-accordion__btn' in html and 'fr-quote' in html\n"
        "assert 'aria-label=\"Accès rapide\"' in html, 'French UI from the compiled catalogue'\n"
        "heavy = {'babel.messages', 'html5lib', 'selenium', 'dsfr_accordion.legacy'}\n"
        "assert not heavy & set(sys.modules), heavy & set(sys.modules)\n"
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(site)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"
