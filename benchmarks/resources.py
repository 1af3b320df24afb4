"""Resource bounds: whole command-line runs on the largest inputs of each kind.

For each kind of input, one file of about ``size`` bytes is written and the
command that reads it runs in a new process; its wall time and peak resident
memory are recorded with its exit status. Inputs past a work
limit must be refused (exit 2) before the expensive part, so they cost little
too. docs/security.md shows the table (issue 17).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROSE = "Une phrase simple de témoignage, sans rien de particulier, qui se lit bien. "


def _markdown(body: str) -> str:
    return f"---\ntitle: T\n---\n## Un témoignage\n### Une question ?\n{body}\n"


def _repeat(unit: str, size: int) -> str:
    return unit * max(size // len(unit.encode()), 1)


def _yaml_prose(size: int) -> str:
    answer = _repeat(PROSE, 2_000)
    item = f"      - question: Une question ?\n        answer: {answer}\n"
    items = _repeat(item, size - 60)
    return f"title: T\ntestimonials:\n  - title: Un témoignage\n    items:\n{items}"


def _markdown_at_the_limit(size: int) -> str:
    marks = "*a* " * 5_000  # 10,000 marks: richtext.MAX_MARKS
    return _markdown(marks + "\n\n" + _repeat(PROSE, size - len(marks) - 60))


def _legacy_prose(size: int) -> str:
    panel = f"<details><summary>Une question ?</summary><p>{_repeat(PROSE, 2_000)}</p></details>\n"
    return f"<!doctype html><html lang=fr><body>\n{_repeat(panel, size - 60)}</body></html>\n"


def _page(size: int) -> str:
    paragraph = f"<p>{_repeat(PROSE, 2_000)}</p>\n"
    return (
        "<!doctype html><html lang=fr><head><title>t</title></head><body><main>"
        f"<h1>T</h1>\n{_repeat(paragraph, size - 120)}</main></body></html>\n"
    )


@dataclass(frozen=True)
class Kind:
    """An input kind: its label, file name, text of about ``size`` bytes, and command."""

    label: str
    name: str
    text: Callable[[int], str]
    command: tuple[str, ...]
    refused: bool = False


KINDS: tuple[Kind, ...] = (
    Kind("YAML, prose", "content.yaml", _yaml_prose, ("render", "--page")),
    Kind("Markdown, prose", "content.md", lambda s: _markdown(_repeat(PROSE, s - 60)),
         ("render", "--page")),
    Kind("Markdown, 10,000 marks (the limit) then prose", "content.md", _markdown_at_the_limit,
         ("render", "--page")),
    Kind("Markdown, emphasis only (`*a* *a* …`)", "content.md",
         lambda s: _markdown(_repeat("*a* ", s - 60)), ("render", "--page"), refused=True),
    Kind("Markdown, 50,000 nested quotes", "content.md",
         lambda s: _markdown(">" * 50_000 + " x"), ("render", "--page"), refused=True),
    Kind("legacy HTML page, prose", "page.html", _legacy_prose, ("import",)),
    Kind("legacy HTML, 50,000 nested `<div>`", "page.html",
         lambda s: "<div>" * 50_000 + "<details><summary>Q</summary>R</details>", ("import",),
         refused=True),
    Kind("HTML page, static `check`", "page.html", _page, ("check",)),
)  # fmt: skip


# Runs the command and reports its exit status, seconds and peak memory. Through
# this small process, not straight from the benchmark's: a child's peak memory
# (ru_maxrss) counts the memory of the process it was forked from, and the
# benchmark's own is hundreds of MiB by now.
_LAUNCHER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps([status.returncode, seconds, peak]))
"""


def _run(command: list[str]) -> tuple[int, float, int]:
    """Exit status, seconds and peak resident memory (bytes) of ``command``."""
    result = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *command], capture_output=True, text=True, check=True
    )
    status, seconds, peak = json.loads(result.stdout)
    return status, seconds, peak


def measure(size: int, log: Callable[[str], None] = print) -> dict[str, Any]:
    """One run of each kind on about ``size`` bytes; the prose Markdown run is the base."""
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="dsfr-accordion-resources-") as folder:
        for kind in KINDS:
            path = Path(folder, kind.name)
            path.write_text(kind.text(size), encoding="utf-8")
            log(f"resources: {kind.label}, {path.stat().st_size:,} bytes")
            command = [sys.executable, "-m", "dsfr_accordion", *kind.command, str(path)]
            if kind.command[0] != "check":
                command += ["-o", str(Path(folder, "out"))]
            status, seconds, peak = _run(command)
            rows.append(
                {
                    "kind": kind.label,
                    "bytes": path.stat().st_size,
                    "exit": status,
                    "refused": kind.refused,
                    "seconds": seconds,
                    "peak_bytes": peak,
                }
            )
            path.unlink()
    base = next(row for row in rows if row["kind"] == "Markdown, prose")
    for row in rows:
        row["time_ratio"] = row["seconds"] / base["seconds"]
        row["memory_ratio"] = row["peak_bytes"] / base["peak_bytes"]
    return {"size": size, "rows": rows}
