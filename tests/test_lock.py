"""The suite runs on the committed lock: what is installed is what uv.lock says.

``make test`` installs uv.lock (docs/architecture.md, "Locked environment"), so a
release of a dependency after the last commit cannot change what the tests run
on. ``make test-oldest`` and ``make test-latest`` run the suite outside the lock
on purpose and set ``DSFR_ACCORDION_UNLOCKED``: there these checks do not apply.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.utils import canonicalize_name

from dsfr_accordion import __version__
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DSFR_ACCORDION_UNLOCKED")),
    reason="make test-oldest / test-latest run outside the lock on purpose",
)

LOCK = ROOT / "uv.lock"

#: What a venv holds that no lock lists: its installer (pip freeze omits it too).
SEEDS = {"pip"}


def locked() -> dict[str, str]:
    """Every package of uv.lock but the project: name -> version."""
    packages = tomllib.loads(LOCK.read_text(encoding="utf-8"))["package"]
    return {
        canonicalize_name(package["name"]): package["version"]
        for package in packages
        if package["source"].get("registry")
    }


def installed() -> dict[str, str]:
    """Every distribution of the running environment: name -> version."""
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in importlib.metadata.distributions()
    }


def exported(*selection: str) -> dict[str, str]:
    """The packages of the lock that ``uv sync`` installs for ``selection`` on this machine."""
    uv = Path(sys.executable).with_name("uv")
    command = [str(uv), "export", "--frozen", "--no-hashes", "--no-emit-project", *selection]
    lines = subprocess.run(
        [*command, "--format", "requirements-txt"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    wanted: dict[str, str] = {}
    for line in lines:
        if not line or line.startswith(("#", " ")):
            continue
        requirement, _, marker = line.partition(";")
        name, _, version = requirement.strip().partition("==")
        if not marker.strip() or Marker(marker).evaluate():
            wanted[canonicalize_name(name)] = version
    return wanted


def test_every_installed_distribution_is_the_locked_version():
    lock = locked()
    here = installed()
    assert here.pop("dsfr-accordion") == __version__  # the project itself, editable
    strays = {
        name: (version, lock.get(name))  # (installed, locked)
        for name, version in here.items()
        if lock.get(name) != version and name not in SEEDS
    }
    assert not strays, strays


def test_everything_the_test_extra_locks_is_installed():
    wanted = exported("--extra", "test")
    assert {"babel", "pytest", "selenium", "uv", "hatchling"} <= wanted.keys()
    here = installed()
    assert {name: here.get(name) for name in wanted} == wanted


def test_the_lock_matches_pyproject():
    """uv.lock was made from the pyproject.toml committed with it (make lock)."""
    uv = Path(sys.executable).with_name("uv")
    result = subprocess.run(
        [str(uv), "lock", "--check", "--offline"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
