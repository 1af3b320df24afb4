"""Smoke test of a built wheel, installed as a user would, outside the repository.

    .venv/bin/python tools/smoke_wheel.py dist/dsfr_accordion-X-py3-none-any.whl

``make dist`` runs it after building. It checks that the wheel holds the package
data (templates, compiled catalogues, ``py.typed``), installs it with its locked
runtime dependencies into a new virtual environment in a temporary folder, and
runs ``render``, ``check`` and ``i18n stats`` on a copy of the examples there,
with the ``dsfr-accordion`` script the wheel installs. Exit status 0 when every
step works; 1 with the step that failed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
UV = Path(sys.executable).with_name("uv")

#: Files the wheel must hold besides the modules.
PACKAGE_DATA = (
    "dsfr_accordion/py.typed",
    "dsfr_accordion/locales/fr/LC_MESSAGES/dsfr_accordion.mo",
    "dsfr_accordion/locales/en/LC_MESSAGES/dsfr_accordion.mo",
    "dsfr_accordion/templates/dsfr_accordion/accordion.html.j2",
    "dsfr_accordion/templates/dsfr_accordion/page.html.j2",
    "dsfr_accordion/audit/js/settled.js",
    "dsfr_accordion/audit/axe-locales/fr.json",
)


class SmokeError(Exception):
    """A step of the smoke test failed; the message says which."""


def run(*command: str | Path, cwd: Path = ROOT) -> str:
    """Run ``command``, return its standard output; a failure raises :class:`SmokeError`."""
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        shown = " ".join(str(part) for part in command)
        raise SmokeError(f"{shown}\nexit {result.returncode}\n{result.stdout}{result.stderr}")
    return result.stdout


def check_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in PACKAGE_DATA if name not in names]
    if missing:
        raise SmokeError(f"{wheel.name} lacks {', '.join(missing)}")
    strays = sorted(name for name in names if name.startswith(("tests/", "examples/", "tools/")))
    if strays:
        raise SmokeError(f"{wheel.name} holds files of the repository: {', '.join(strays[:5])}")


def smoke(wheel: Path, work: Path) -> list[str]:
    """Install ``wheel`` into a venv under ``work`` and run the commands; what each showed."""
    venv = work / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    pinned = work / "requirements.txt"
    export = [UV, "export", "--quiet", "--frozen", "--no-emit-project", "--no-dev"]
    run(*export, "--format", "requirements-txt", "-o", pinned)
    run(UV, "pip", "install", "--quiet", "--python", python, "--require-hashes", "-r", pinned)
    run(UV, "pip", "install", "--quiet", "--python", python, "--no-deps", wheel)
    run(UV, "pip", "check", "--quiet", "--python", python)
    site = shutil.copytree(EXAMPLES, work / "site", ignore=shutil.ignore_patterns("*.mo"))
    command = venv / "bin" / "dsfr-accordion"
    version = wheel.name.split("-")[1]
    shown = [run(command, "--version", cwd=site).strip()]
    if version not in shown[0]:
        raise SmokeError(f"--version says {shown[0]!r}, the wheel is {version}")
    where = run(python, "-c", "import dsfr_accordion; print(dsfr_accordion.__file__)", cwd=site)
    if not Path(where.strip()).is_relative_to(venv):
        raise SmokeError(f"dsfr_accordion was imported from {where.strip()}, not the wheel")
    for name, lang in (("si-samu.md", "fr"), ("temoignages-cloud.yaml", "en")):
        out = f"out/{lang}/{Path(name).stem}.html"
        run(command, "render", name, "--page", "--lang", lang, "-o", out, cwd=site)
        shown.append(f"render {name} --lang {lang}: {(site / out).stat().st_size} bytes")
    run(command, "check", "out", cwd=site)
    shown.append("check out: no finding")
    contents = ("si-samu.md", "temoignages-cloud.yaml")
    stats = run(command, "i18n", "stats", *contents, "--check", cwd=site)
    shown.append("i18n stats --check: " + " / ".join(stats.strip().splitlines()))
    return shown


def main(wheels: list[str]) -> int:
    if len(wheels) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    wheel = Path(wheels[0]).resolve()
    try:
        check_contents(wheel)
        with tempfile.TemporaryDirectory(prefix="dsfr-accordion-smoke-") as folder:
            shown = smoke(wheel, Path(folder))
    except SmokeError as error:
        print(f"smoke test of {wheel.name} failed: {error}", file=sys.stderr)
        return 1
    print(f"smoke test of {wheel.name}, installed outside the repository:")
    for line in shown:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
