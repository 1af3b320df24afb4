"""The set-up contract: under CI=true, browser tests fail instead of skipping without Chromium."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def _run_browser_tests(tmp_path, ci: str | None) -> subprocess.CompletedProcess[str]:
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["PATH"] = str(empty)  # no chromium, no chromedriver
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_browser_dsfr.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_browser_fails_in_ci(tmp_path):
    result = _run_browser_tests(tmp_path, "true")
    assert result.returncode == 1
    assert "browser tests cannot run in CI: Chromium or chromedriver is missing" in result.stdout


def test_missing_browser_skips_outside_ci(tmp_path):
    result = _run_browser_tests(tmp_path, None)
    assert result.returncode == 0
    assert "skipped" in result.stdout
    assert "passed" not in result.stdout
