"""The targets of issue 9, judged from one run's figures (ratios taken in that run)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any


def _target(  # noqa: PLR0917 - one row of the table, every field given
    key: str, label: str, goal: str, value: float | None, met: bool | None, figure: str
) -> dict[str, Any]:
    return {"key": key, "label": label, "goal": goal, "value": value, "met": met, "figure": figure}


def _median(node: dict[str, Any] | None) -> float | None:
    return None if not node else node.get("median")


def judge(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target: goal, measured value, met (``None`` when not measured), figure as text."""
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
                key,
                f"render, 1,000 items: {label} time ÷ dsfr-accordion time",
                f"≥ {goal:g}\N{MULTIPLICATION SIGN}",
                value,
                None if value is None else value >= goal,
                "not measured"
                if value is None
                else f"{value:.2f}\N{MULTIPLICATION SIGN} (dsfr-accordion is "
                + (
                    f"{value:.2f}\N{MULTIPLICATION SIGN} faster)"
                    if value >= 1
                    else f"{1 / value:.2f}\N{MULTIPLICATION SIGN} slower)"
                ),
            )
        )
    floor = _median(ratios.get("floor"))
    value = None if floor is None else 1 / floor
    out.append(
        _target(
            "render-floor",
            "render, 1,000 items: dsfr-accordion time ÷ bare Jinja floor time",
            "≤ 1.2\N{MULTIPLICATION SIGN}",
            value,
            None if value is None else value <= 1.2,
            "not measured" if value is None else f"{value:.2f}\N{MULTIPLICATION SIGN}",
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
            "growth",
            "render growth: time at 10\N{MULTIPLICATION SIGN} the items ÷ time "
            "(dsfr-accordion, worst step)",
            "≤ 11\N{MULTIPLICATION SIGN}",
            worst[2] if worst else None,
            None if worst is None else worst[2] <= 11,
            "not measured"
            if worst is None
            else ", ".join(f"{a:,}→{b:,}: {r:.2f}\N{MULTIPLICATION SIGN}" for a, b, r in steps),
        )
    )
    value = _median(results.get("cli", {}).get("ratio"))
    out.append(
        _target(
            "cli",
            "cold command line ÷ python -c pass",
            "≤ 6\N{MULTIPLICATION SIGN}",
            value,
            None if value is None else value <= 6,
            "not measured" if value is None else f"{value:.2f}\N{MULTIPLICATION SIGN}",
        )
    )
    static = results.get("audits", {}).get("static", {})
    audit_ratios = {int(s): _median(e.get("ratio")) for s, e in static.items() if e.get("ratio")}
    value = max(audit_ratios.values()) if audit_ratios else None
    out.append(
        _target(
            "static-audit",
            "static audit ÷ html5lib parse of the same page (worst size)",
            "≤ 1.5\N{MULTIPLICATION SIGN}",
            value,
            None if value is None else value <= 1.5,
            "pending (static audit not usable)"
            if value is None
            else ", ".join(
                f"{s:,} items: {r:.2f}\N{MULTIPLICATION SIGN}"
                for s, r in sorted(audit_ratios.items())
            ),
        )
    )
    browser = results.get("audits", {}).get("browser", {}) or {}
    full = _median(browser.get("per_page", {}).get("10", {}).get("full"))
    axe = browser.get("throughput_axe", {}).get("pages_per_second")
    if full is not None:
        value, how = 1 / full, "axe-core and behaviour checks (the default)"
    elif axe is not None:
        value, how = axe, "axe-core alone (behaviour checks not measured in this mode)"
    else:
        value, how = None, ""
    figure = "not measured" if value is None else f"{value:.2f} pages/s, {how}"
    if full is not None and axe is not None:
        figure += f"; axe-core alone: {axe:.2f} pages/s"
    out.append(
        _target(
            "browser-throughput",
            "browser audit, small pages (10 items) per second in one session",
            "≥ 10 pages/s",
            value,
            None if value is None else value >= 10,
            figure,
        )
    )
    return out
