"""``python -m benchmarks``: run the scenarios, write results.json and the report.

python -m benchmarks               full run: benchmarks/results.json, docs/benchmarks.md
python -m benchmarks --quick       about two minutes: build/bench-quick/
python -m benchmarks --report      regenerate the report from an existing results.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from . import browser_peers, report, scenarios
from .corpus import ROOT
from .targets import judge

#: Packages whose versions the report states.
VERSIONS = (
    "dsfr-accordion",
    "django-dsfr",
    "django",
    "govuk-frontend-jinja",
    "jinja2",
    "markupsafe",
    "nh3",
    "html5lib",
    "babel",
    "selenium",
    "axe-selenium-python",
    "matplotlib",
)


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _chromium() -> str:
    found = shutil.which("chromium")
    if not found:
        return "not installed"
    try:
        return subprocess.run(
            [found, "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _commit() -> str:
    """The commit measured, with a note when the work tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "src"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{head} (src/ modified)" if dirty else head


def machine() -> dict[str, str]:
    """What the figures were taken on."""
    return {
        "CPU": f"{_cpu()}, {os.cpu_count()} logical cores",
        "memory": _memory(),
        "system": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "Chromium": _chromium(),
        "load average at the start (1, 5, 15 min)": ", ".join(
            f"{load:.2f}" for load in os.getloadavg()
        ),
    }


def run(mode: scenarios.Mode, *, peers: bool, browser: bool) -> dict[str, Any]:
    """Every scenario of ``mode``; the results as one dictionary."""
    started = time.perf_counter()
    results: dict[str, Any] = {
        "meta": {
            "mode": mode.name,
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "versions": {"dsfr-accordion commit": _commit()}
            | {name: _version(name) for name in VERSIONS}
            | browser_peers.versions(),
            "repetitions": mode.repetitions,
            "large_repetitions": mode.large_repetitions,
            "min_time": mode.min_time,
        }
    }
    steps = {
        "render": lambda: scenarios.render(mode, peers),
        "cli": lambda: scenarios.cli(mode),
        "audits": lambda: scenarios.audits(mode, browser),
        "peers": lambda: scenarios.peers(mode, peers, browser),
        "jobs": lambda: scenarios.jobs(mode, browser),
        "i18n": lambda: scenarios.i18n(mode),
        "memory": lambda: scenarios.memory(mode, peers),
        "resources": lambda: scenarios.resources(mode),
    }
    results["meta"]["scenario_seconds"] = {}
    for name, step in steps.items():
        if name == "cli" and not mode.cli_repetitions:
            continue
        begun = time.perf_counter()
        results[name] = step()
        results["meta"]["scenario_seconds"][name] = round(time.perf_counter() - begun, 2)
    results["meta"]["duration_s"] = time.perf_counter() - started
    results["meta"]["machine"]["load average at the end (1, 5, 15 min)"] = ", ".join(
        f"{load:.2f}" for load in os.getloadavg()
    )
    results["targets"] = judge(results)
    return results


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run, write; print the targets."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--quick", action="store_true", help="about two minutes: up to 1,000 items, fewer pages"
    )
    size.add_argument("--tiny", action="store_true", help="seconds: the smoke test's mode")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser audits")
    parser.add_argument(
        "--no-peers", action="store_true", help="only dsfr-accordion and the floors"
    )
    parser.add_argument("--report", action="store_true", help="only regenerate the report")
    parser.add_argument("--no-charts", action="store_true", help="write the report without charts")
    parser.add_argument("--results", type=Path, help="results.json to write (or read)")
    parser.add_argument("--docs", type=Path, help="the Markdown report to write")
    parser.add_argument("--images", type=Path, help="folder of the charts")
    args = parser.parse_args(argv)
    mode = scenarios.MODES["tiny" if args.tiny else "quick" if args.quick else "full"]
    if mode.name == "full":
        out = {
            "results": ROOT / "benchmarks" / "results.json",
            "docs": ROOT / "docs" / "benchmarks.md",
            "images": ROOT / "docs" / "images" / "benchmarks",
        }
    else:
        folder = ROOT / "build" / f"bench-{mode.name}"
        out = {
            "results": folder / "results.json",
            "docs": folder / "benchmarks.md",
            "images": folder / "images",
        }
    results_path: Path = args.results or out["results"]
    if args.report:
        results = json.loads(results_path.read_text(encoding="utf-8"))
    else:
        results = run(mode, peers=not args.no_peers, browser=not args.no_browser)
        results_path.parent.mkdir(parents=True, exist_ok=True)
        results_path.write_text(
            json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    report.write(
        results, args.docs or out["docs"], args.images or out["images"], charts=not args.no_charts
    )
    if mode.name == "full" and results.get("resources"):
        report.update_security(results, ROOT / "docs" / "security.md")
    for target in judge(results):
        verdict = {True: "met", False: "MISSED", None: "not measured"}[target["met"]]
        print(f"{verdict:>12}  {target['label']}: {target['figure']} (goal {target['goal']})")
    print(f"results: {results_path}\nreport: {args.docs or out['docs']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
