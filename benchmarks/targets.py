"""The targets, judged from one run's figures (ratios taken in that run).

Issue 19's targets first, as its "Targets" section lists them (ratios against
peers and floors measured in the same run), then those of issue 9 that still
apply. Issue 9's "browser audit: 10 small pages per second in one session" is
gone: issue 19 measured the floor itself (a bare Selenium + axe-core loop) at
2.5 pages/s on the bench machine, and restated it as the ratios below.
"""

from __future__ import annotations

import math
from itertools import pairwise
from typing import Any

TIMES = "\N{MULTIPLICATION SIGN}"


def _target(  # noqa: PLR0917 - one row of the table, every field given
    issue: int, key: str, label: str, goal: str, value: float | None, met: bool | None, figure: str
) -> dict[str, Any]:
    return {
        "issue": issue,
        "key": key,
        "label": label,
        "goal": goal,
        "value": value,
        "met": met,
        "figure": figure,
    }


def _median(node: dict[str, Any] | None) -> float | None:
    return None if not node else node.get("median")


def _ratio(
    issue: int, key: str, label: str, node: dict[str, Any] | None, goal: float, *, most: bool
) -> dict[str, Any]:
    """A ratio target: the median of ``node`` at most (``most``) or at least ``goal``."""
    value = _median(node)
    met = None if value is None else value <= goal if most else value >= goal
    sign = "\N{LESS-THAN OR EQUAL TO}" if most else "\N{GREATER-THAN OR EQUAL TO}"
    figure = "not measured" if node is None else f"{value:.2f}{TIMES}"
    if node is not None and node.get("min") != node.get("max"):
        figure += f" ({node['min']:.2f}\N{EN DASH}{node['max']:.2f})"
    return _target(issue, key, label, f"{sign} {goal:g}{TIMES}", value, met, figure)


def judge(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target: goal, measured value, met (``None`` when not measured), figure as text."""
    return _issue19(results) + _issue9(results)


def _issue19(results: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    jobs = results.get("jobs") or {}
    behaviour = _ratio(
        19,
        "behaviour",
        "behaviour checks: `check --browser` time ÷ `check --checks axe` time, rendered "
        "examples, one session",
        jobs.get("behaviour_ratio"),
        2,
        most=True,
    )
    floor = jobs.get("frame_floor")
    if floor and "times" in jobs:
        # What no implementation can beat: one animation frame per activation.
        least = floor["seconds"] / jobs["times"]["axe"]["median"]
        behaviour["figure"] += f"; its floor, one frame per activation: {least:.2f}{TIMES}"
    out.append(behaviour)
    peers = results.get("peers") or {}
    ratios = peers.get("ratios", {})
    for key, label, goal in (("axe-cli", "@axe-core/cli", 2), ("pa11y-ci", "pa11y-ci", 4)):
        out.append(
            _ratio(
                19,
                key,
                f"axe-only throughput: dsfr-accordion ÷ `{label}` (its time ÷ dsfr-accordion's), "
                "same pages",
                ratios.get(key),
                goal,
                most=False,
            )
        )
    floor = ratios.get("floor")
    out.append(
        _ratio(
            19,
            "axe-floor",
            "axe-only: dsfr-accordion time ÷ bare Selenium + axe-core floor time, same pages",
            None if floor is None else _inverse(floor),
            1.1,
            most=True,
        )
    )
    out.append(_jobs(jobs))
    static = (results.get("audits") or {}).get("static_process")
    out.append(
        _ratio(
            19,
            "static-process",
            "static `check` process ÷ bare html5lib parse process, same "
            f"{(static or {}).get('items', 1_000):,}-section page",
            (static or {}).get("ratio"),
            1.5,
            most=True,
        )
    )
    render = results.get("render", {})
    floor_ratio = render.get("ratios", {}).get("1000", {}).get("floor")
    out.append(
        _ratio(
            19,
            "render-floor",
            "render, 1,000 items: dsfr-accordion time ÷ bare Jinja floor time, realistic corpus",
            None if floor_ratio is None else _inverse(floor_ratio),
            1.2,
            most=True,
        )
    )
    minimal = render.get("minimal")
    out.append(
        _ratio(
            19,
            "render-floor-minimal",
            f"render, {(minimal or {}).get('items', 1_000):,} items: dsfr-accordion time ÷ bare "
            "Jinja floor time, minimal content (one short plain paragraph per answer)",
            (minimal or {}).get("ratio_to_floor"),
            1.2,
            most=True,
        )
    )
    imports = results.get("cli", {}).get("ratio_imports", {})
    for key, label in (("yaml", "YAML"), ("markdown", "Markdown")):
        out.append(
            _ratio(
                19,
                f"cold-render-{key}",
                f'cold `render` of the {label} example ÷ `python -c "import yaml, markdown_it, '
                'nh3"` (its runtime dependencies)',
                imports.get(key),
                1.25,
                most=True,
            )
        )
    return out


def _inverse(node: dict[str, Any]) -> dict[str, Any]:
    """A ratio's summary the other way round (``b ÷ a`` from ``a ÷ b``)."""
    return {"median": 1 / node["median"], "min": 1 / node["max"], "max": 1 / node["min"]}


def share_of_linear(efficiency: float) -> str:
    """``efficiency`` (the throughput at N sessions ÷ N times the throughput of one) as
    the report writes it: three decimals, rounded down, so that a figure below a goal
    never shows as the goal itself."""
    return f"{math.floor(efficiency * 1000) / 1000:.3f}"


def _jobs(jobs: dict[str, Any]) -> dict[str, Any]:
    """``--jobs``: the speedup at N sessions ÷ N, worst N from 2 to the cores."""
    scaling = {int(n): entry for n, entry in jobs.get("scaling", {}).items() if int(n) > 1}
    label = (
        f"`check --browser --jobs N`: throughput ÷ (N {TIMES} throughput at `--jobs 1`), "
        f"worst N up to the {jobs.get('cores', 'N')} cores of this machine"
    )
    if not scaling:
        figure = (
            "not measured"
            if not jobs.get("scaling")
            else "not measured (one core: nothing to scale to)"
        )
        return _target(19, "jobs", label, "\N{GREATER-THAN OR EQUAL TO} 0.7", None, None, figure)
    worst = min(entry["efficiency"] for entry in scaling.values())
    figure = ", ".join(
        f"N = {n}: {entry['speedup']['median']:.2f}{TIMES} the throughput, "
        f"{share_of_linear(entry['efficiency'])} of linear"
        for n, entry in sorted(scaling.items())
    )
    return _target(
        19, "jobs", label, "\N{GREATER-THAN OR EQUAL TO} 0.7", worst, worst >= 0.7, figure
    )


def _issue9(results: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    render = results.get("render", {})
    ratios = render.get("ratios", {}).get("1000", {})
    for key, peer, goal in (
        ("render-govuk", "govuk", 3.0),
        ("render-django", "django-dsfr", 8.0),
    ):
        value = _median(ratios.get(peer))
        label = render.get("contenders", {}).get(peer, {}).get("label", peer)
        out.append(
            _target(
                9,
                key,
                f"render, 1,000 items: {label} time ÷ dsfr-accordion time",
                f"≥ {goal:g}{TIMES}",
                value,
                None if value is None else value >= goal,
                "not measured"
                if value is None
                else f"{value:.2f}{TIMES} (dsfr-accordion is "
                + (
                    f"{value:.2f}{TIMES} faster)"
                    if value >= 1
                    else f"{1 / value:.2f}{TIMES} slower)"
                ),
            )
        )
    times = render.get("contenders", {}).get("dsfr-accordion", {}).get("times", {})
    sizes = sorted(int(s) for s in times)
    steps = [
        (small, large, times[str(large)]["median"] / times[str(small)]["median"])
        for small, large in pairwise(sizes)
        if large == small * 10
    ]
    worst = max(steps, key=lambda step: step[2]) if steps else None
    out.append(
        _target(
            9,
            "growth",
            f"render growth: time at 10{TIMES} the items ÷ time (dsfr-accordion, worst step)",
            f"≤ 11{TIMES}",
            worst[2] if worst else None,
            None if worst is None else worst[2] <= 11,
            "not measured"
            if worst is None
            else ", ".join(f"{a:,}→{b:,}: {r:.2f}{TIMES}" for a, b, r in steps),
        )
    )
    value = _median(results.get("cli", {}).get("ratio"))
    out.append(
        _target(
            9,
            "cli",
            "cold command line ÷ python -c pass",
            f"≤ 6{TIMES}",
            value,
            None if value is None else value <= 6,
            "not measured" if value is None else f"{value:.2f}{TIMES}",
        )
    )
    static = results.get("audits", {}).get("static", {})
    audit_ratios = {int(s): _median(e.get("ratio")) for s, e in static.items() if e.get("ratio")}
    value = max(audit_ratios.values()) if audit_ratios else None
    out.append(
        _target(
            9,
            "static-audit",
            "static audit in process ÷ html5lib parse of the same page (worst size)",
            f"≤ 1.5{TIMES}",
            value,
            None if value is None else value <= 1.5,
            "pending (static audit not usable)"
            if value is None
            else ", ".join(f"{s:,} items: {r:.2f}{TIMES}" for s, r in sorted(audit_ratios.items())),
        )
    )
    return out
