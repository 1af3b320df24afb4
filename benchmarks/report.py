"""docs/benchmarks.md and its charts, generated from results.json (never edited by hand).

The analysis of the profiles is prose written by people: it lives in
``benchmarks/analysis.md`` and is copied into the report as it is.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .scenarios import HEAVY_MODULES, MODES
from .targets import judge, share_of_linear

ANALYSIS = Path(__file__).resolve().parent / "analysis.md"
TIMES = "\N{MULTIPLICATION SIGN}"
DASH = "\N{EN DASH}"


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "\N{EN DASH}"
    if seconds >= 10:
        return f"{seconds:,.1f} s"
    if seconds >= 1:
        return f"{seconds:,.2f} s"
    return f"{seconds * 1000:,.{1 if seconds >= 0.01 else 2}f} ms"


def _cell(node: dict[str, Any] | None) -> str:
    if not node:
        return "\N{EN DASH}"
    return f"{_ms(node['median'])} ±{node['spread'] * 100:.0f}%"


def _ratio(node: dict[str, Any]) -> str:
    """A ratio's median, then its range over the repetitions."""
    return f"{node['median']:.2f}{TIMES} ({node['min']:.2f}{DASH}{node['max']:.2f})"


def _mib(value: float) -> str:
    return f"{value / 2**20:,.1f} MiB"


def draw_charts(results: dict[str, Any], images: Path) -> dict[str, str]:
    """Draw one PNG per scenario into ``images``; their file names by scenario.

    Nothing is drawn (an empty dictionary) when matplotlib is not installed.
    """
    try:
        import matplotlib  # noqa: PLC0415 - in the bench extra only

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError:
        return {}
    images.mkdir(parents=True, exist_ok=True)
    drawn: dict[str, str] = {}

    def save(fig: Any, name: str, scenario: str) -> None:
        fig.tight_layout()
        fig.savefig(images / name, dpi=110, metadata={"Software": None})
        plt.close(fig)
        drawn[scenario] = name

    for draw in (
        _chart_render,
        _chart_cli,
        _chart_audit,
        _chart_peers,
        _chart_jobs,
        _chart_i18n,
        _chart_memory,
    ):
        draw(results, plt, save)
    return drawn


def _chart_render(results: dict[str, Any], plt: Any, save: Callable[[Any, str, str], None]) -> None:
    """Render time against the number of items, one line per contender."""
    render = results.get("render", {})
    if render.get("contenders"):
        fig, ax = plt.subplots(figsize=(7.5, 4.5))
        for data in render["contenders"].values():
            sizes = sorted(int(s) for s in data["times"])
            if not sizes:
                continue
            medians = [data["times"][str(s)]["median"] for s in sizes]
            lows = [data["times"][str(s)]["min"] for s in sizes]
            highs = [data["times"][str(s)]["max"] for s in sizes]
            line = ax.plot(sizes, medians, marker="o", label=data["label"])[0]
            ax.fill_between(sizes, lows, highs, color=line.get_color(), alpha=0.15)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("accordion items")
        ax.set_ylabel("render time (s, median; band: min\N{EN DASH}max)")
        ax.set_title("Render time by number of items")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
        save(fig, "render.png", "render")


def _chart_cli(results: dict[str, Any], plt: Any, save: Callable[[Any, str, str], None]) -> None:
    """The cold command line against ``python -c pass``."""
    cli = results.get("cli", {})
    if cli.get("times"):
        fig, ax = plt.subplots(figsize=(6.5, 3))
        shown = {
            "pass": ("python -c pass", "#999999"),
            "imports": ("import yaml, markdown_it, nh3", "#666666"),
            "render": ("render (YAML example)", "#000091"),
            "render-md": ("render (Markdown example)", "#6a6af4"),
        }
        names = [name for name in shown if name in cli["times"]]
        medians = [cli["times"][n]["median"] * 1000 for n in names]
        errors = [
            [m - cli["times"][n]["min"] * 1000 for n, m in zip(names, medians, strict=True)],
            [cli["times"][n]["max"] * 1000 - m for n, m in zip(names, medians, strict=True)],
        ]
        ax.barh(
            [shown[n][0] for n in names],
            medians,
            xerr=errors,
            color=[shown[n][1] for n in names],
        )
        ax.invert_yaxis()
        ax.set_xlabel("wall time of a new process (ms, median; bars: min\N{EN DASH}max)")
        ax.set_title("Cold command line")
        save(fig, "cli.png", "cli")


def _chart_audit(results: dict[str, Any], plt: Any, save: Callable[[Any, str, str], None]) -> None:
    """Static audit, html5lib parse and browser audit per page, by page size."""
    audits = results.get("audits", {})
    if audits.get("static"):
        fig, ax = plt.subplots(figsize=(7.5, 4.5))
        sizes = sorted(int(s) for s in audits["static"])
        for name, label in (("parse", "html5lib parse"), ("static", "static audit")):
            values = [audits["static"][str(s)].get(name, {}).get("median") for s in sizes]
            if all(v is not None for v in values):
                ax.plot(sizes, values, marker="o", label=label)
        per_page = (audits.get("browser") or {}).get("per_page", {})
        for name, label in (
            ("axe", "browser: axe-core"),
            ("full", "browser: axe-core + behaviour"),
        ):
            points = sorted((int(s), e[name]["median"]) for s, e in per_page.items() if name in e)
            if points:
                ax.plot(*zip(*points, strict=True), marker="s", linestyle="--", label=label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("accordion items on the page")
        ax.set_ylabel("time per page (s, median)")
        ax.set_title("Audits per page")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
        save(fig, "audit.png", "audit")


def _chart_peers(results: dict[str, Any], plt: Any, save: Callable[[Any, str, str], None]) -> None:
    """Pages per second of each tool running axe-core alone on the same pages."""
    peers = results.get("peers") or {}
    measured = {
        data["label"]: data for data in peers.get("contenders", {}).values() if "times" in data
    }
    if measured:
        fig, ax = plt.subplots(figsize=(7, 3))
        pages = peers["pages"]
        rates = [pages / d["times"]["median"] for d in measured.values()]
        errors = [
            [r - pages / d["times"]["max"] for r, d in zip(rates, measured.values(), strict=True)],
            [pages / d["times"]["min"] - r for r, d in zip(rates, measured.values(), strict=True)],
        ]
        ax.barh(list(measured), rates, xerr=errors, color="#000091")
        ax.set_xlabel("pages per second (median; bars: min\N{EN DASH}max)")
        ax.set_title(f"axe-core alone, {pages} pages, one browser")
        ax.invert_yaxis()
        save(fig, "peers.png", "peers")


def _chart_jobs(results: dict[str, Any], plt: Any, save: Callable[[Any, str, str], None]) -> None:
    """The throughput of ``check --browser --jobs N`` relative to N = 1, against linear."""
    jobs = results.get("jobs") or {}
    scaling = jobs.get("scaling")
    if scaling:
        counts = sorted(int(n) for n in scaling)
        speedups = [scaling[str(n)]["speedup"] for n in counts]
        fig, ax = plt.subplots(figsize=(6, 4))
        ax.plot(counts, counts, linestyle=":", color="#999999", label="linear")
        ax.plot(
            counts,
            [0.7 * n for n in counts],
            linestyle="--",
            color="#ce0500",
            label="target: 0.7\N{MULTIPLICATION SIGN} linear",
        )
        line = ax.plot(
            counts,
            [s["median"] for s in speedups],
            marker="o",
            color="#000091",
            label="check --browser --jobs N",
        )[0]
        ax.fill_between(
            counts,
            [s["min"] for s in speedups],
            [s["max"] for s in speedups],
            color=line.get_color(),
            alpha=0.15,
        )
        ax.set_xticks(counts)
        ax.set_xlabel(f"N (browser sessions; {jobs['cores']} cores)")
        ax.set_ylabel("throughput \N{DIVISION SIGN} throughput at N = 1")
        ax.set_title(f"check --browser --jobs N, {jobs['pages']} pages")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
        save(fig, "jobs.png", "jobs")


def _chart_i18n(results: dict[str, Any], plt: Any, save: Callable[[Any, str, str], None]) -> None:
    """The i18n steps on the catalogue."""
    i18n = results.get("i18n", {})
    if i18n.get("times"):
        fig, ax = plt.subplots(figsize=(7, 3.5))
        names = list(i18n["times"])
        ax.barh(names, [i18n["times"][n]["median"] for n in names], color="#000091")
        ax.set_xlabel("seconds (median)")
        ax.set_title(f"i18n: catalogue of {i18n['entries']:,} entries ({i18n['items']:,} items)")
        ax.invert_yaxis()
        save(fig, "i18n.png", "i18n")


def _chart_memory(results: dict[str, Any], plt: Any, save: Callable[[Any, str, str], None]) -> None:
    """Peak memory of one render per contender."""
    memory = results.get("memory", {})
    if memory.get("contenders"):
        fig, ax = plt.subplots(figsize=(7, 3))
        data = memory["contenders"]
        ax.barh(
            [d["label"] for d in data.values()],
            [d["peak_bytes"] / 2**20 for d in data.values()],
            color="#000091",
        )
        ax.set_xlabel("peak traced memory (MiB)")
        ax.set_title(f"Peak memory rendering {memory['items']:,} items")
        ax.invert_yaxis()
        save(fig, "memory.png", "memory")


def markdown(results: dict[str, Any], images_link: str, drawn: dict[str, str]) -> str:
    """The whole report."""
    meta = results["meta"]
    lines: list[str] = [
        "# Benchmarks",
        "",
        f"<!-- Generated by `make bench` from benchmarks/results.json ({meta['mode']} run of "
        f"{meta['date']}); do not edit: edit benchmarks/ and rerun. -->",
        "",
        "How dsfr-accordion compares with what site builders already use (issue 9): "
        "django-dsfr's accordion template tags, govuk-frontend-jinja's accordion macro, "
        "and a bare Jinja2 template writing the same DSFR markup (the floor: templating "
        "alone), plus its own command line, audits, translation and memory; and how its "
        "browser audit compares with the tools a site's CI would run instead, "
        "`@axe-core/cli` and `pa11y-ci`, and with the floors of each part of a run "
        "(issue 19). "
        f"This is the **{meta['mode']}** run of {meta['date']}, "
        f"{meta['duration_s']:.0f} s in all.",
        "",
        "Run it again with `make bench` (about 12 minutes on 2 cores) or `make bench-quick` "
        "(about two minutes, smaller sizes and fewer pages, written to `build/bench-quick/`).",
        "",
        "## Targets",
        "",
        "Every ratio is taken within this one run, from measures interleaved in the same "
        "repetitions (the median of the per-repetition ratios, then their range). Issue 19's "
        "targets restate the browser audit's throughput target of issue 9 (10 pages per "
        "second in one session, which the floor itself does not reach on this machine) as "
        "ratios against peers and floors.",
        "",
        "| issue | target | goal | measured | |",
        "| ----- | ------ | ---- | -------- | - |",
    ]
    for target in judge(results):
        verdict = {True: "**met**", False: "**missed**", None: "not measured"}[target["met"]]
        lines.append(
            f"| {target['issue']} | {target['label']} | {target['goal']} | {target['figure']} "
            f"| {verdict} |"
        )
    lines += ["", "## Machine and versions", "", "| | |", "| - | - |"]
    for key, value in meta["machine"].items():
        lines.append(f"| {key} | {value} |")
    for key, value in meta["versions"].items():
        lines.append(f"| {key} | {value or 'not installed'} |")
    lines += [
        "",
        "## Method",
        "",
        "- **Content.** The same text for every contender: sentences of the answers of "
        "`examples/temoignages-cloud.yaml` (inline markup and links kept), drawn with a fixed "
        "seed (`benchmarks/corpus.py`). One accordion item is one DSFR accordion section: its "
        "title, then in its panel a question heading and the answer as a DSFR quote (one to "
        "three paragraphs, a list every fourth item) attributed to the organisation. The "
        "answers of a 10,000-item page are nearly all different, as real content is.",
        "- **Contenders** (`benchmarks/contenders.py`, templates in `benchmarks/templates/`): "
        + "; ".join(
            f"*{c['label']}*: {c['description']}"
            for c in results.get("render", {}).get("contenders", {}).values()
        )
        + ". The floor's output is byte for byte dsfr-accordion's (checked by "
        "`tests/test_benchmarks.py`); the peers write the same panel content inside their "
        "own accordion markup. Data building, template loading and compiling happen before "
        "timing, and one untimed call warms every contender up.",
        "- **Timing** (`benchmarks/timing.py`): in each repetition the contenders run in "
        "turn, the order rotating, so a slow moment of the machine touches them all; a "
        "sample repeats the call until it lasts "
        f"{meta['min_time'] * 1000:g} ms and keeps the time per call; the garbage collector "
        "runs before each sample. Figures are the median of "
        f"{meta['repetitions']} repetitions ({meta['large_repetitions']} at 10,000 items) "
        "with the spread as ± half the min\N{EN DASH}max range relative to the median; "
        "ratios are the "
        "median of the per-repetition ratios.",
        "- **Minimal content** (issue 19): the same 1,000 titles and questions, each answer "
        "one short plain paragraph (a sentence of the example without markup), rendered by "
        "dsfr-accordion and by a flat Jinja2 template writing byte for byte the same markup "
        "(`benchmarks/templates/floor-minimal.html.j2`, checked by `tests/test_benchmarks.py`)"
        f", interleaved, the median of {MODES[meta['mode']].minimal_repetitions} repetitions: "
        "what is left is dsfr-accordion's own work around the text.",
        "- **Cold command line**: a new `python` process each time, output to /dev/null, "
        "after one untimed run allowed to write bytecode (as pip compiles a package it "
        "installs), `-X importtime` for what it imports. `render` of the YAML and of the "
        'Markdown example is also compared with `python -c "import yaml, markdown_it, nh3"`, '
        "the import of the third-party packages a render of either needs: its floor "
        "(issue 19).",
        "- **Audits**: `dsfr_accordion.audit.static.audit_text` against `html5lib.parse` of "
        "the same standalone page; the browser audit (`dsfr_accordion.audit.browser."
        "BrowserSession`, headless Chromium, DSFR files from `node_modules`) per page, with "
        "axe-core alone and with the behaviour checks (click, Enter, Space on every "
        "accordion button), and its throughput on 10-item pages in one session. Fewer "
        "repetitions where one call takes seconds: the static audit twice at 10,000 items, "
        "the browser audit three times at 10 and 100 items, once at 1,000 items, and the "
        "behaviour checks once (seconds per 10-item page). The static audit as a whole "
        "process too (issue 19): `python -m dsfr_accordion check PAGE` against `python -c` "
        "reading the same file and `html5lib.parse` of it, on the 1,000-item page, "
        "interleaved.",
        "- **The browser audit and its peers** (issue 19, `benchmarks/browser_peers.py`): "
        "whole invocations, each a new process that starts its own Chromium (the system's, "
        "`/usr/bin/chromium`, with `--headless --no-sandbox --disable-gpu "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--no-first-run` for the tools that take flags; the machine has no outside "
        "network, so the DSFR example pages' links to a CDN fail at once) and audits every "
        "page in one browser, one page after another: dsfr-accordion's `check --checks axe "
        "--jobs 1` on the files; `@axe-core/cli` and `pa11y-ci` with its axe runner "
        "(`benchmarks/pa11yci.json`), pinned in `benchmarks/package.json` and "
        "`benchmarks/package-lock.json` and installed by `make bench` only (`npm ci`, no "
        "browser download: `--ignore-scripts`, `PUPPETEER_SKIP_DOWNLOAD=1`), each with its own "
        "axe-core; and the floor, `benchmarks/axe_floor.py`, a bare Selenium loop of "
        "`driver.get` and axe-selenium-python's `axe.run` with dsfr-accordion's tags, nothing "
        "else. The peers and the floor load the same pages from a loopback HTTP server of "
        "the benchmark. The pages: each content file of `examples/` rendered in French and "
        "English with `--page` and the DSFR files from `node_modules` (as `make demo` does), "
        "in copies, and DSFR example pages with accordions from "
        "`node_modules/@gouvfr/dsfr/example/`. The order rotates from one repetition to the "
        "next, with no untimed warm-up (one invocation lasts seconds; the median absorbs a "
        "cold first one). Throughput is pages ÷ the median time; each peer's ratio is its "
        "time ÷ dsfr-accordion's in the same repetition. Then the rules each tool found in the "
        "last repetition are compared page by page, violations and needs-review (incomplete) "
        "results apart, on the rules every tool runs: the tools carry different axe-core "
        "releases and tags (pa11y's runner adds axe-core's best practices and has no WCAG 2.2 "
        "rule), so a rule counts where every tool's axe-core has it with a tag that tool runs.",
        "- **Behaviour checks and `--jobs`** (issue 19): on the rendered examples alone, "
        "`check --browser` (static, axe-core and the behaviour checks) and `check --checks "
        "axe`, one session each (`--jobs 1`), and `check --browser --jobs N` for every N "
        "from 2 to the processors this process may use, whole invocations interleaved as "
        "above. The behaviour checks' cost is the first time ÷ the second; the scaling at N "
        "is the time at `--jobs 1` ÷ the time at `--jobs N` (the throughput's growth), ÷ N "
        "for its share of linear.",
        "- **i18n**: `dsfr_accordion.i18n.catalogs.update()` creating the English catalogue, "
        "then updating a fully translated one, `compile_catalog()`, and rendering the same "
        "document in English (full catalogue) and in French.",
        "- **Memory**: `tracemalloc` peak of one render, after an untimed one, data built "
        "beforehand (dsfr-accordion: the document as the loaders leave it).",
        "",
    ]
    lines += _render_section(results, images_link, drawn)
    lines += _cli_section(results, images_link, drawn)
    lines += _audit_section(results, images_link, drawn)
    lines += _peers_section(results, images_link, drawn)
    lines += _jobs_section(results, images_link, drawn)
    lines += _i18n_section(results, images_link, drawn)
    lines += _memory_section(results, images_link, drawn)
    lines += _resources_section(results)
    lines += ["## What the profiles showed", ""]
    if ANALYSIS.is_file():
        lines += [ANALYSIS.read_text(encoding="utf-8").strip(), ""]
    for title, text in _profiles(results):
        lines += [
            "<details>",
            f"<summary>{title}</summary>",
            "",
            "```text",
            text,
            "```",
            "",
            "</details>",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def _image(images_link: str, drawn: dict[str, str], scenario: str, alt: str) -> list[str]:
    if scenario not in drawn:
        return []
    return [f"![{alt}]({images_link}/{drawn[scenario]})", ""]


def _render_section(results: dict[str, Any], link: str, drawn: dict[str, str]) -> list[str]:
    render = results.get("render")
    if not render:
        return []
    sizes = render["sizes"]
    lines = [
        "## 1. Render",
        "",
        "Median time per render (± spread):",
        "",
        "| contender | version | " + " | ".join(f"{s:,} items" for s in sizes) + " |",
        "| --------- | ------- | " + " | ".join("-" * 8 for _ in sizes) + " |",
    ]
    for data in render["contenders"].values():
        if data["missing"]:
            cells = [f"skipped: {data['missing']}"] + [""] * (len(sizes) - 1)
        else:
            cells = [_cell(data["times"].get(str(s))) for s in sizes]
        lines.append(
            f"| {data['label']} | {data['version'] or '\N{EN DASH}'} | " + " | ".join(cells) + " |"
        )
    lines += [
        "",
        "Each contender's time ÷ dsfr-accordion's (above 1: dsfr-accordion is faster):",
        "",
        "| contender | " + " | ".join(f"{s:,} items" for s in sizes) + " |",
        "| --------- | " + " | ".join("-" * 8 for _ in sizes) + " |",
    ]
    keys = [k for k in render["contenders"] if k != "dsfr-accordion"]
    for key in keys:
        cells = []
        for size in sizes:
            ratio = render.get("ratios", {}).get(str(size), {}).get(key)
            cells.append(_ratio(ratio) if ratio else "\N{EN DASH}")
        lines.append(f"| {render['contenders'][key]['label']} | " + " | ".join(cells) + " |")
    lines += _render_extras(render)
    minimal = render.get("minimal")
    if minimal:
        lines += [
            "",
            f"Minimal content, {minimal['items']:,} items (one short plain paragraph per "
            f"answer): dsfr-accordion {_cell(minimal['times']['dsfr-accordion'])}, bare Jinja "
            f"(floor) {_cell(minimal['times']['floor'])}; dsfr-accordion ÷ floor "
            f"{_ratio(minimal['ratio_to_floor'])}.",
        ]
    output = render["contenders"]["dsfr-accordion"]["output_bytes"]
    lines += [
        "",
        "Output size (dsfr-accordion): "
        + ", ".join(f"{int(s):,} items: {_mib(b)}" for s, b in output.items())
        + ".",
        "",
    ]
    return lines + _image(link, drawn, "render", "Render time against the number of items")


def _render_extras(render: dict[str, Any]) -> list[str]:
    """The growth without garbage collection and the cost of colliding ids."""
    lines: list[str] = []
    nogc = render.get("without_gc", {})
    times = render["contenders"]["dsfr-accordion"]["times"]
    if len(nogc) >= 2:
        small, large = sorted(nogc, key=int)[0], sorted(nogc, key=int)[-1]
        lines += [
            "",
            "dsfr-accordion with the garbage collector off during the call (interleaved "
            "with the runs above): "
            + ", ".join(
                f"{int(s):,} items: {_cell(n)}"
                + (f", {_ratio(n['ratio'])} the time with it" if "ratio" in n else "")
                for s, n in nogc.items()
            )
            + f"; growth {int(small):,}\N{RIGHTWARDS ARROW}{int(large):,} items "
            f"{nogc[large]['median'] / nogc[small]['median']:.2f}{TIMES} without collection, "
            f"{times[large]['median'] / times[small]['median']:.2f}{TIMES} with it.",
        ]
    collisions = render.get("id_collisions", {})
    if collisions:
        sizes = sorted(collisions, key=int)
        lines += [
            "",
            "`IdAllocator.allocate` on titles whose slugs share their first 48 characters "
            "(the slug length limit), so every id needs a `-N` suffix: "
            + ", ".join(f"{int(s):,} titles: {_cell(collisions[s])}" for s in sizes)
            + f" ({collisions[sizes[-1]]['median'] / collisions[sizes[0]]['median']:.1f}"
            f"{TIMES} the time for {int(sizes[-1]) // int(sizes[0])}{TIMES} the titles).",
        ]
    return lines


def _cli_section(results: dict[str, Any], link: str, drawn: dict[str, str]) -> list[str]:
    cli = results.get("cli")
    if not cli:
        return []
    heavy = ", ".join(cli["heavy_imported"]) or "none"
    commands = {"pass": "python -c pass", "render": cli["command"], **cli.get("commands", {})}
    lines = [
        "## 2. Cold command line",
        "",
        "| command | median (± spread) |",
        "| ------- | ----------------- |",
        *(
            f"| `{commands[name]}` | {_cell(cli['times'][name])} |"
            for name in ("pass", "imports", "render", "render-md")
            if name in cli["times"]
        ),
        "",
    ]
    imports = cli.get("ratio_imports")
    if imports:
        lines += [
            f"A cold `render` ÷ importing its runtime dependencies: YAML example "
            f"{_ratio(imports['yaml'])}, Markdown example {_ratio(imports['markdown'])}.",
            "",
        ]
    lines += [
        f"`render` ÷ `python -c pass`: {_ratio(cli['ratio'])}. The render of the YAML "
        "example imports "
        f"{cli['modules_imported']} modules; of {', '.join(HEAVY_MODULES)}: "
        f"{heavy}. Importing the `dsfr_accordion` package takes "
        f"{cli.get('package_import_us', 0) / 1000:.0f} ms; the largest imports (cumulative, "
        "top-level modules and what they import directly): "
        + ", ".join(f"{name} {us / 1000:.0f} ms" for name, us in cli["top_imports_us"][:8])
        + ".",
        "",
    ]
    return lines + _image(link, drawn, "cli", "Cold command line against its floors")


def _audit_section(results: dict[str, Any], link: str, drawn: dict[str, str]) -> list[str]:
    audits = results.get("audits")
    if not audits:
        return []
    lines = [
        "## 3. Audits",
        "",
        "| page | html5lib parse | static audit | audit ÷ parse | browser, axe-core | "
        "browser, axe-core + behaviour |",
        "| ---- | -------------- | ------------ | ------------- | ----------------- | "
        "----------------------------- |",
    ]
    browser = audits.get("browser") or {}
    per_page = browser.get("per_page", {})
    sizes = sorted({int(s) for s in audits.get("static", {})} | {int(s) for s in per_page})
    for size in sizes:
        static = audits.get("static", {}).get(str(size), {})
        ratio = static.get("ratio")
        page = per_page.get(str(size), {})
        lines.append(
            f"| {size:,} items | {_cell(static.get('parse'))} | {_cell(static.get('static'))} | "
            + (f"{ratio['median']:.2f}\N{MULTIPLICATION SIGN}" if ratio else "\N{EN DASH}")
            + f" | {_cell(page.get('axe'))} | {_cell(page.get('full'))} |"
        )
    lines.append("")
    throughput = browser.get("throughput_axe")
    if throughput:
        lines.append(
            f"Throughput, axe-core alone, one session: {throughput['pages']} pages of 10 items "
            f"in {throughput['seconds']:.2f} s, **{throughput['pages_per_second']:.2f} pages/s**."
        )
    process = audits.get("static_process")
    if process:
        lines.append(
            f"As whole processes, on the page of {process['items']:,} items "
            f"({_mib(process['bytes'])}): `{process['commands']['check']}` "
            f"{_cell(process['times']['check'])}, a bare html5lib parse process "
            f"{_cell(process['times']['parse'])}; ratio {_ratio(process['ratio'])}."
        )
    if "behaviour_per_button" in browser:
        lines.append(
            f"The behaviour checks cost about {browser['behaviour_per_button']:.2f} s per "
            "accordion button (click, Enter and Space, each opening then closing the panel)."
        )
    for note in [*audits.get("notes", []), browser.get("note")]:
        if note:
            lines.append(f"Note: {note}.")
    lines.append("")
    return lines + _image(link, drawn, "audit", "Audit time per page against its size")


def _peers_section(results: dict[str, Any], link: str, drawn: dict[str, str]) -> list[str]:
    peers = results.get("peers")
    if not peers:
        return []
    lines = ["## 4. The browser audit and its peers", ""]
    if "contenders" not in peers or "pages" not in peers:
        return [*lines, f"Note: {peers.get('note') or 'not run'}.", ""]
    lines += [
        f"axe-core alone, one browser, on {peers['pages']} pages: "
        f"{peers['rendered_pages']} rendered examples ({', '.join(peers['examples'])} in "
        f"French and English, {_plural(peers['copies'], 'copy', 'copies')} of each) and "
        f"{_plural(len(peers['dsfr_pages']), 'DSFR example page', 'DSFR example pages')} "
        f"({', '.join(f'`{page}`' for page in peers['dsfr_pages'])}); "
        f"{_plural(peers['repetitions'], 'repetition', 'repetitions')}.",
        "",
        "| tool | version | axe-core | time (median ± spread) | pages/s | its time ÷ "
        "dsfr-accordion's |",
        "| ---- | ------- | -------- | ---------------------- | ------- | "
        "------------------------- |",
    ]
    for key, data in peers["contenders"].items():
        if data.get("missing"):
            lines.append(
                f"| {data['label']} | {data['version'] or DASH} | | skipped: {data['missing']} "
                "| | |"
            )
            continue
        ratio = peers.get("ratios", {}).get(key)
        lines.append(
            f"| {data['label']} | {data['version'] or DASH} | "
            f"{peers.get('axe_core', {}).get(key, DASH)} | {_cell(data['times'])} | "
            f"{data['pages_per_second']:.2f} | {_ratio(ratio) if ratio else DASH} |"
        )
    lines += ["", "What each ran:", ""]
    lines += [
        f"- {data['label']}: `{data['shown']}`"
        for data in peers["contenders"].values()
        if not data.get("missing")
    ]
    lines += ["", *_agreement(peers["findings"]), ""]
    return lines + _image(link, drawn, "peers", "Pages per second of each tool, axe-core alone")


def _agreement(findings: dict[str, Any]) -> list[str]:
    """The comparison of the rules the tools found, as a list."""
    lines = [
        f"**Findings**, compared page by page on the {findings['comparable_rules']} rules "
        "every tool runs:",
        "",
    ]
    for kind, name in (("violations", "violations"), ("incomplete", "needs review")):
        entry = findings[kind]
        rules = ", ".join(f"`{r}`" for r in entry["rules"]) or "none"
        differing = "; ".join(
            f"`{d['page']}` ("
            + ", ".join(f"{tool}: {', '.join(r) or 'none'}" for tool, r in d["rules"].items())
            + ")"
            for d in entry["differing"]
        )
        lines.append(
            f"- {name}: the tools agree on {entry['agree']} of {findings['pages']} pages "
            f"(rules found: {rules})" + (f"; they differ on {differing}" if differing else "") + "."
        )
    outside = {tool: rules for tool, rules in findings["outside"].items() if rules}
    if outside:
        lines.append(
            "- found outside the rules compared (a rule another tool does not run): "
            + "; ".join(
                f"{tool}: {', '.join(f'`{r}`' for r in rules)}" for tool, rules in outside.items()
            )
            + "."
        )
    return lines


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _jobs_section(results: dict[str, Any], link: str, drawn: dict[str, str]) -> list[str]:
    jobs = results.get("jobs")
    if not jobs:
        return []
    lines = ["## 5. Behaviour checks and `--jobs`", ""]
    if "times" not in jobs:
        return [*lines, f"Note: {jobs.get('note') or 'not run'}.", ""]
    lines += [
        f"`python -m dsfr_accordion check` on {jobs['pages']} rendered examples "
        f"({', '.join(jobs['examples'])} in French and English, "
        f"{_plural(jobs['copies'], 'copy', 'copies')} of each), "
        f"{_plural(jobs['repetitions'], 'repetition', 'repetitions')}, on "
        f"{_plural(jobs['cores'], 'core', 'cores')}.",
        "",
        "| command | time (median ± spread) | pages/s |",
        "| ------- | ---------------------- | ------- |",
    ]
    for name, node in jobs["times"].items():
        shown = (
            "--checks axe --jobs 1" if name == "axe" else f"--browser --jobs {name.split('-')[1]}"
        )
        lines.append(f"| `check {shown}` | {_cell(node)} | {jobs['pages_per_second'][name]:.2f} |")
    lines += [
        "",
        f"The behaviour checks: `--browser` ÷ `--checks axe`, one session each: "
        f"{_ratio(jobs['behaviour_ratio'])}.",
        "",
        *_frame_floor_lines(jobs),
        "Scaling of `check --browser --jobs N`: "
        + (
            "; ".join(
                f"N = {n}: {_ratio(entry['speedup'])} the throughput at N = 1, "
                f"{share_of_linear(entry['efficiency'])} of linear"
                for n, entry in jobs["scaling"].items()
                if n != "1"
            )
            or "one core, nothing to scale to"
        )
        + ".",
        "",
    ]
    return lines + _image(link, drawn, "jobs", "Throughput of check --browser --jobs N")


def _frame_floor_lines(jobs: dict[str, Any]) -> list[str]:
    """The floor of the behaviour checks (one animation frame per activation), when
    measured."""
    floor = jobs.get("frame_floor")
    if not floor:
        return []
    axe = jobs["times"]["axe"]["median"]
    full = jobs["times"]["browser-1"]["median"]
    return [
        f"Their floor: the DSFR JavaScript opens or closes a panel in its next animation "
        f"frame ({floor['frame_seconds'] * 1000:.1f} ms here), and {floor['buttons']} "
        f"buttons are tested with {floor['activations']} activations, so `--browser` "
        f"cannot take less than the `--checks axe` time plus "
        f"{floor['activations'] * floor['frame_seconds']:.2f} s: {floor['seconds']:.2f} s, "
        f"{floor['seconds'] / axe:.2f}{TIMES} the axe-only time. `--browser` takes "
        f"{full / floor['seconds']:.2f}{TIMES} that floor.",
        "",
    ]


def _i18n_section(results: dict[str, Any], link: str, drawn: dict[str, str]) -> list[str]:
    i18n = results.get("i18n")
    if not i18n:
        return []
    labels = {
        "update_new": "`update()`: create the catalogue",
        "update_translated": "`update()`: update a fully translated catalogue",
        "compile": "`compile_catalog()`",
        "render_fr": "render in French (source)",
        "render_en": "render in English, full catalogue",
    }
    lines = [
        "## 6. i18n",
        "",
        f"A content catalogue of {i18n['entries']:,} entries ({i18n['items']:,} accordion "
        f"items, {i18n['translated']:,} translated).",
        "",
        "| step | median (± spread) |",
        "| ---- | ----------------- |",
    ]
    for key, node in i18n["times"].items():
        lines.append(f"| {labels.get(key, key)} | {_cell(node)} |")
    ratio = i18n["ratio_en_fr"]
    lines += [
        "",
        f"English ÷ French render: {_ratio(ratio)}.",
        "",
    ]
    return lines + _image(link, drawn, "i18n", "i18n steps on a 5,000-entry catalogue")


def _memory_section(results: dict[str, Any], link: str, drawn: dict[str, str]) -> list[str]:
    memory = results.get("memory")
    if not memory:
        return []
    lines = [
        "## 7. Peak memory",
        "",
        f"One render of {memory['items']:,} items under tracemalloc.",
        "",
        "| contender | peak | output | peak ÷ output |",
        "| --------- | ---- | ------ | ------------- |",
    ]
    for data in memory["contenders"].values():
        lines.append(
            f"| {data['label']} | {_mib(data['peak_bytes'])} | {_mib(data['output_bytes'])} | "
            f"{data['peak_per_output_byte']:.1f}\N{MULTIPLICATION SIGN} |"
        )
    lines.append("")
    return lines + _image(link, drawn, "memory", "Peak memory of one render")


#: The markers around the resource table in docs/security.md, which make bench rewrites.
RESOURCES_START = "<!-- resources: written by make bench -->"
RESOURCES_END = "<!-- /resources -->"


def resource_table(results: dict[str, Any]) -> list[str]:
    """The resource bounds as a Markdown table (see benchmarks/resources.py)."""
    bounds = results["resources"]
    lines = [
        "| input | size | exit | time | peak memory | time ÷ prose | memory ÷ prose | target |",
        "| ----- | ---- | ---- | ---- | ----------- | ------------ | -------------- | ------ |",
    ]
    times = "\N{MULTIPLICATION SIGN}"
    for row in bounds["rows"]:
        if row["refused"]:
            verdict = "refused, as it must be" if row["exit"] == 2 else "**missed: not refused**"
        else:
            within = (
                row["time_ratio"] <= 10 and row["memory_ratio"] <= 5 and row["peak_bytes"] < 2**30
            )
            verdict = "met" if within else "**missed**"
        lines.append(
            f"| {row['kind']} | {_mib(row['bytes'])} | {row['exit']} | {_ms(row['seconds'])} | "
            f"{_mib(row['peak_bytes'])} | {row['time_ratio']:.2f}{times} | "
            f"{row['memory_ratio']:.2f}{times} | {verdict} |"
        )
    return lines


def _resources_section(results: dict[str, Any]) -> list[str]:
    if not results.get("resources"):
        return []
    return [
        "## 8. Resource bounds",
        "",
        "Whole command-line runs (a new process each) on the largest input of each kind; "
        "inputs past a work limit are refused with exit 2 before the expensive part. "
        "The same table is in [security.md](security.md#resource-bounds).",
        "",
        *resource_table(results),
        "",
    ]


def update_security(results: dict[str, Any], security: Path) -> None:
    """Rewrite the resource table between the markers of ``security``."""
    text = security.read_text(encoding="utf-8")
    start = text.index(RESOURCES_START) + len(RESOURCES_START)
    end = text.index(RESOURCES_END)
    measured = results["meta"]["date"]
    heading = f"Measured by `make bench` on {measured}:"
    table = "\n".join(["", heading, "", *resource_table(results)])
    security.write_text(text[:start] + table + "\n\n" + text[end:], encoding="utf-8")


def _profiles(results: dict[str, Any]) -> list[tuple[str, str]]:
    """The cProfile tables of the run, with their titles."""
    found = [
        (f"cProfile: dsfr-accordion render, {int(key.rsplit('-', 1)[1]):,} items", text)
        for key, text in results.get("render", {}).get("profiles", {}).items()
    ]
    audits, i18n = results.get("audits", {}), results.get("i18n", {})
    for title, text in (
        ("cProfile: static audit, page of 1,000 items", audits.get("profile_static_1000")),
        ("cProfile: i18n update of the translated catalogue", i18n.get("profile_update")),
    ):
        if text:
            found.append((title, text))
    return found


def write(results: dict[str, Any], docs: Path, images: Path, *, charts: bool = True) -> None:
    """Write the charts into ``images`` (unless ``charts`` is false) and the report to ``docs``."""
    drawn = draw_charts(results, images) if charts else {}
    link = Path(os.path.relpath(images, docs.parent)).as_posix()
    docs.parent.mkdir(parents=True, exist_ok=True)
    docs.write_text(markdown(results, link, drawn), encoding="utf-8")
