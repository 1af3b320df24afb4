"""The scenarios of issues 9 and 19; :mod:`.targets` judges their figures.

Each scenario returns a plain dictionary for ``results.json``; times are in
seconds, memory in bytes. A scenario that cannot run here (a peer or the
browser missing, an audit module not usable) says so in a ``note`` instead of
inventing a figure.
"""

from __future__ import annotations

import cProfile
import gc
import io
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dsfr_accordion
from dsfr_accordion import sanitize

from . import browser_peers, contenders, corpus
from . import resources as bounds
from .timing import Summary, interleaved, paired_ratio

ROOT = corpus.ROOT
EXAMPLE = corpus.EXAMPLE
EXAMPLE_MARKDOWN = ROOT / "examples" / "si-samu.md"
DSFR_DIST = ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist"

#: Modules that must stay out of the command line's render path.
HEAVY_MODULES = ("html5lib", "selenium", "axe_selenium_python", "babel.messages")


@dataclass(frozen=True, slots=True)
class Mode:
    """How much to measure: sizes, repetitions, and which parts run."""

    name: str
    sizes: tuple[int, ...]
    repetitions: int
    large_repetitions: int
    min_time: float
    cli_repetitions: int
    audit_sizes: tuple[int, ...]
    browser_sizes: tuple[int, ...]
    behaviour_sizes: tuple[int, ...]
    throughput_pages: int
    i18n_entries: int
    i18n_repetitions: int
    memory_items: int
    profile: bool
    #: Bytes of each input of the resource bounds (the default size limit is 10 MiB).
    resource_bytes: int
    #: Items of the minimal-content render, and its repetitions.
    minimal_items: int
    minimal_repetitions: int
    #: Items of the page of the static ``check`` process, and the repetitions of it.
    process_items: int
    process_repetitions: int
    #: The browser peers: copies of each rendered example, DSFR example pages, repetitions.
    peer_copies: int
    peer_dsfr_pages: int
    peer_repetitions: int
    #: ``check --browser --jobs N``: copies of each rendered example, repetitions. The
    #: full run audits 24 pages: each session starts its own Chromium (about 0.6 s), and
    #: a site audit amortizes that start over many pages; on 12 pages it was a tenth
    #: of the time with two sessions.
    jobs_copies: int
    jobs_repetitions: int

    def repetitions_for(self, size: int) -> int:
        """Fewer repetitions for the largest pages, which vary least."""
        return self.large_repetitions if size >= 10_000 else self.repetitions


MODES: dict[str, Mode] = {
    "full": Mode(
        "full",
        sizes=(10, 100, 1_000, 10_000),
        repetitions=7,
        large_repetitions=3,
        min_time=0.05,
        cli_repetitions=15,
        audit_sizes=(10, 100, 1_000, 10_000),
        browser_sizes=(10, 100, 1_000),
        behaviour_sizes=(10,),
        throughput_pages=20,
        i18n_entries=5_000,
        i18n_repetitions=3,
        memory_items=10_000,
        profile=True,
        resource_bytes=9_500_000,
        minimal_items=1_000,
        minimal_repetitions=15,
        process_items=1_000,
        process_repetitions=7,
        peer_copies=5,
        peer_dsfr_pages=10,
        peer_repetitions=5,
        jobs_copies=6,
        jobs_repetitions=3,
    ),
    "quick": Mode(
        "quick",
        sizes=(10, 100, 1_000),
        repetitions=3,
        large_repetitions=3,
        min_time=0.02,
        cli_repetitions=5,
        audit_sizes=(10, 100, 1_000),
        browser_sizes=(10, 100),
        behaviour_sizes=(),
        throughput_pages=5,
        i18n_entries=1_000,
        i18n_repetitions=1,
        memory_items=1_000,
        profile=False,
        resource_bytes=1_000_000,
        minimal_items=1_000,
        minimal_repetitions=5,
        process_items=1_000,
        process_repetitions=3,
        peer_copies=1,
        peer_dsfr_pages=1,
        peer_repetitions=2,
        jobs_copies=1,
        jobs_repetitions=1,
    ),
    "tiny": Mode(
        "tiny",
        sizes=(10,),
        repetitions=1,
        large_repetitions=1,
        min_time=0.0,
        cli_repetitions=0,
        audit_sizes=(10,),
        browser_sizes=(),
        behaviour_sizes=(),
        throughput_pages=0,
        i18n_entries=50,
        i18n_repetitions=1,
        memory_items=10,
        profile=False,
        resource_bytes=20_000,
        minimal_items=10,
        minimal_repetitions=1,
        process_items=10,
        process_repetitions=1,
        peer_copies=0,
        peer_dsfr_pages=0,
        peer_repetitions=0,
        jobs_copies=0,
        jobs_repetitions=0,
    ),
}


def log(message: str) -> None:
    """Progress on standard error."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def profile(run: Callable[[], object], setup: Callable[[], None] | None, top: int = 15) -> str:
    """cProfile of one call of ``run`` (after an unprofiled one): the ``top`` functions by
    own time, as text."""
    run()
    if setup is not None:
        setup()
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("tottime").print_stats(top)
    lines = [line.rstrip() for line in out.getvalue().splitlines() if line.strip()]
    return "\n".join(lines[lines.index(next(x for x in lines if "ncalls" in x)) - 1 :])


# 1. render ----------------------------------------------------------------------


def render(mode: Mode, peers: bool) -> dict[str, Any]:
    """Every contender on the same items, at each size, interleaved."""
    chosen = [c for c in contenders.CONTENDERS if peers or c.package in (None, "jinja2")]
    result: dict[str, Any] = {
        "sizes": list(mode.sizes),
        "contenders": {
            c.key: {
                "label": c.label,
                "version": c.version,
                "description": c.description,
                "missing": c.missing if peers or c.package in (None, "jinja2") else "not run",
                "times": {},
                "output_bytes": {},
            }
            for c in contenders.CONTENDERS
        },
        "profiles": {},
    }
    available = [c for c in chosen if c.missing is None]
    for size in mode.sizes:
        log(f"render: {size} items ({', '.join(c.key for c in available)})")
        runs = {}
        for contender in available:
            prepared = contender.prepare(size)
            result["contenders"][contender.key]["output_bytes"][str(size)] = len(
                prepared.run().encode()
            )
            runs[contender.key] = (prepared.run, prepared.setup)
            if contender.key == "dsfr-accordion" and size >= 1_000:
                runs[NO_GC] = (_without_gc(prepared.run), prepared.setup)
        summaries = interleaved(runs, mode.repetitions_for(size), mode.min_time)
        if NO_GC in summaries:
            nogc = summaries.pop(NO_GC)
            result.setdefault("without_gc", {})[str(size)] = {
                **nogc.as_dict(),
                "ratio": paired_ratio(nogc, summaries["dsfr-accordion"]).as_dict(),
            }
        for key, summary in summaries.items():
            result["contenders"][key]["times"][str(size)] = summary.as_dict()
        if "dsfr-accordion" in summaries:
            result.setdefault("ratios", {})[str(size)] = {
                key: paired_ratio(summary, summaries["dsfr-accordion"]).as_dict()
                for key, summary in summaries.items()
                if key != "dsfr-accordion"
            }
    if all(c.missing is None for c in contenders.MINIMAL):
        result["minimal"] = _minimal(mode)
    if any(c.key == "dsfr-accordion" for c in available):
        result["id_collisions"] = _id_collisions(mode)
    if mode.profile and 1_000 in mode.sizes:
        prepared = contenders.by_key("dsfr-accordion").prepare(1_000)
        result["profiles"]["dsfr-accordion-1000"] = profile(prepared.run, prepared.setup)
        largest = max(mode.sizes)
        if largest > 1_000:
            prepared = contenders.by_key("dsfr-accordion").prepare(largest)
            result["profiles"][f"dsfr-accordion-{largest}"] = profile(prepared.run, prepared.setup)
    return result


def _minimal(mode: Mode) -> dict[str, Any]:
    """dsfr-accordion against the bare Jinja floor on minimal content, interleaved."""
    size = mode.minimal_items
    log(f"render: {size} items of minimal content (dsfr-accordion, floor)")
    runs = {}
    for contender in contenders.MINIMAL:
        prepared = contender.prepare(size)
        runs[contender.key] = (prepared.run, prepared.setup)
    summaries = interleaved(runs, mode.minimal_repetitions, mode.min_time)
    return {
        "items": size,
        "times": {key: summary.as_dict() for key, summary in summaries.items()},
        "ratio_to_floor": paired_ratio(summaries["dsfr-accordion"], summaries["floor"]).as_dict(),
    }


#: The key of dsfr-accordion timed with the garbage collector off (at 1,000 items and more).
NO_GC = "dsfr-accordion-nogc"


def _without_gc(run: Callable[[], object]) -> Callable[[], None]:
    """``run`` with the garbage collector off during the call: how much of the growth is
    the collection of the objects a render allocates."""

    def call() -> None:
        gc.disable()
        try:
            run()
        finally:
            gc.enable()

    return call


#: Titles whose slugs share their first 48 characters (the slug's length limit).
SHARED_PREFIX = "Le Service hydrographique et océanographique de la marine : témoignage {}"


def _id_collisions(mode: Mode) -> dict[str, Any]:
    """``IdAllocator.allocate`` on titles that differ only after their 48th slug character:
    each new id probes ``-2``, ``-3``… up to the first free suffix."""
    out: dict[str, Any] = {}
    for size in (250, 500, 1_000) if mode.name != "tiny" else (10, 20):
        titles = [SHARED_PREFIX.format(n) for n in range(size)]

        def run(titles: list[str] = titles) -> None:
            allocator = dsfr_accordion.IdAllocator()
            for title in titles:
                allocator.allocate(title)

        out[str(size)] = interleaved({"ids": (run, None)}, 3, mode.min_time)["ids"].as_dict()
    return out


# 2. cold command line -----------------------------------------------------------


#: The runtime dependencies of rendering a YAML or Markdown input: the floor of a cold
#: ``render`` (issue 19).
IMPORTS = "import yaml, markdown_it, nh3"


def _process(command: list[str], statuses: tuple[int, ...] = (0,)) -> Callable[[], None]:
    """A call that runs ``command`` as a new process, output to /dev/null; raises on an
    exit status not in ``statuses``."""

    def run() -> None:
        status = subprocess.run(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        ).returncode
        if status not in statuses:
            raise RuntimeError(f"{' '.join(command)} exited {status}")

    return run


def _write_bytecode(*commands: list[str]) -> None:
    """Run each command once, untimed, allowed to write bytecode (PYTHONDONTWRITEBYTECODE
    lifted), as pip compiles a package it installs: "cold" is a new process, not a fresh
    checkout compiling every module from source at each run."""
    writes_bytecode = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for command in commands:
        subprocess.run(
            command, cwd=ROOT, env=writes_bytecode, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, check=False,
        )  # fmt: skip


def cli(mode: Mode) -> dict[str, Any]:
    """``python -m dsfr_accordion render`` of each example (YAML, Markdown) vs ``python -c
    pass`` and vs importing the runtime dependencies of a render, each a new process."""
    commands = {
        "render": [sys.executable, "-m", "dsfr_accordion", "render", str(EXAMPLE)],
        "render-md": [sys.executable, "-m", "dsfr_accordion", "render", str(EXAMPLE_MARKDOWN)],
        "imports": [sys.executable, "-c", IMPORTS],
        "pass": [sys.executable, "-c", "pass"],
    }
    _write_bytecode(*commands.values())
    log(f"cold command line: {mode.cli_repetitions} runs each")
    summaries = interleaved(
        {name: (_process(command), None) for name, command in commands.items()},
        mode.cli_repetitions,
        0.0,
    )
    imported = subprocess.run(
        [sys.executable, "-X", "importtime", *commands["render"][1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    modules: list[tuple[int, str]] = []
    for line in imported.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _self, cumulative, name = line.removeprefix("import time:").split("|")
            modules.append((int(cumulative), name.rstrip()))
    # Top-level modules and their direct imports (one level of indentation more),
    # the package itself left out: where the import time goes.
    top_level = sorted(
        (
            (us, name.strip())
            for us, name in modules
            if len(name) - len(name.lstrip()) in (1, 3) and name.strip() != "dsfr_accordion"
        ),
        reverse=True,
    )
    names = {name.strip() for _, name in modules}
    return {
        "command": "python -m dsfr_accordion render examples/temoignages-cloud.yaml",
        "commands": {
            "render-md": "python -m dsfr_accordion render examples/si-samu.md",
            "imports": f'python -c "{IMPORTS}"',
        },
        "times": {name: summary.as_dict() for name, summary in summaries.items()},
        "ratio": paired_ratio(summaries["render"], summaries["pass"]).as_dict(),
        "ratio_imports": {
            "yaml": paired_ratio(summaries["render"], summaries["imports"]).as_dict(),
            "markdown": paired_ratio(summaries["render-md"], summaries["imports"]).as_dict(),
        },
        "heavy_imported": sorted(
            m for m in HEAVY_MODULES if any(n == m or n.startswith(m + ".") for n in names)
        ),
        "modules_imported": len(names),
        "top_imports_us": [[name, us] for us, name in top_level[:10]],
        "package_import_us": max(
            (us for us, name in modules if name.strip() == "dsfr_accordion"), default=0
        ),
    }


# 3. audits ----------------------------------------------------------------------


def _page(size: int) -> str:
    return str(dsfr_accordion.render_page(corpus.document(size)))


def audits(mode: Mode, browser: bool) -> dict[str, Any]:
    """The static audit vs an html5lib parse of the same page; the browser audit per page."""
    result: dict[str, Any] = {"static": {}, "browser": {}, "notes": []}
    try:
        import html5lib  # noqa: PLC0415 - only the audit scenario parses

        from dsfr_accordion.audit import static  # noqa: PLC0415

        audit_text = static.audit_text
    except (ImportError, AttributeError) as error:
        result["notes"].append(f"static audit pending: not usable here ({error})")
        audit_text = None
        import html5lib  # noqa: PLC0415
    for size in mode.audit_sizes:
        html = _page(size)
        log(f"static audit: page of {size} items ({len(html) // 1024} KiB)")
        runs: dict[str, tuple[Callable[[], object], None]] = {
            "parse": (lambda html=html: html5lib.parse(html), None)
        }
        if audit_text is not None:
            runs["static"] = (lambda html=html: audit_text(html), None)
            findings = audit_text(html).findings
            result.setdefault("static_findings", {})[str(size)] = len(findings)
        # A 10,000-item page takes seconds to parse and audit: two repetitions.
        repetitions = min(2, mode.repetitions_for(size)) if size >= 10_000 else mode.repetitions
        summaries = interleaved(runs, repetitions, mode.min_time)
        entry = {name: s.as_dict() for name, s in summaries.items()}
        if "static" in summaries:
            entry["ratio"] = paired_ratio(summaries["static"], summaries["parse"]).as_dict()
        result["static"][str(size)] = entry
    result["static_process"] = _static_process(mode)
    if mode.profile and audit_text is not None and 1_000 in mode.audit_sizes:
        html = _page(1_000)
        result["profile_static_1000"] = profile(lambda: audit_text(html), None)
    if browser:
        result["browser"] = _browser(mode)
    else:
        result["notes"].append("browser audit not run (--no-browser)")
    return result


#: A bare html5lib parse of the file named on the command line: the floor of a static
#: ``check`` as a process (issue 19).
PARSE = "import sys, html5lib; html5lib.parse(open(sys.argv[1], encoding='utf-8').read())"


def _static_process(mode: Mode) -> dict[str, Any]:
    """``python -m dsfr_accordion check PAGE`` (static) vs a bare html5lib parse process of
    the same page, each a new process, interleaved."""
    folder = Path(tempfile.mkdtemp(prefix="dsfr-accordion-bench-check-"))
    try:
        page = folder / "page.html"
        page.write_text(_page(mode.process_items), encoding="utf-8")
        commands = {
            "parse": [sys.executable, "-c", PARSE, str(page)],
            "check": [sys.executable, "-m", "dsfr_accordion", "check", str(page)],
        }
        _write_bytecode(*commands.values())
        log(f"static check as a process: page of {mode.process_items} items, "
            f"{mode.process_repetitions} runs each")  # fmt: skip
        summaries = interleaved(
            {
                "parse": (_process(commands["parse"]), None),
                "check": (_process(commands["check"], (0, 1)), None),
            },
            mode.process_repetitions,
            0.0,
        )
        size = page.stat().st_size
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "items": mode.process_items,
        "bytes": size,
        "commands": {
            "parse": f'python -c "{PARSE}" PAGE',
            "check": "python -m dsfr_accordion check PAGE",
        },
        "times": {name: summary.as_dict() for name, summary in summaries.items()},
        "ratio": paired_ratio(summaries["check"], summaries["parse"]).as_dict(),
    }


def _browser(mode: Mode) -> dict[str, Any]:
    """The browser audit per page (axe-core alone, and with the behaviour checks) and
    its throughput on small pages, in one Chromium session each."""
    out: dict[str, Any] = {"per_page": {}, "note": None}
    if not mode.browser_sizes and not mode.throughput_pages:
        return out
    try:
        from dsfr_accordion.audit import browser  # noqa: PLC0415
    except ImportError as error:
        out["note"] = f"browser audit pending: not usable here ({error})"
        return out
    if not (DSFR_DIST / "dsfr.module.min.js").is_file():
        out["note"] = f"browser audit not run: no DSFR files in {DSFR_DIST} (make assets)"
        return out
    folder = Path(tempfile.mkdtemp(prefix="dsfr-accordion-bench-"))
    try:
        sizes = sorted({*mode.browser_sizes, *mode.behaviour_sizes, 10})
        pages = {size: folder / f"page-{size}.html" for size in sizes}
        for size, path in pages.items():
            path.write_text(_page(size), encoding="utf-8")
        small = [folder / f"small-{n}.html" for n in range(mode.throughput_pages)]
        for path in small:
            path.write_text(pages[10].read_text(encoding="utf-8"), encoding="utf-8")
        try:
            session = browser.BrowserSession(DSFR_DIST.resolve(), behaviour=False)
        except browser.BrowserUnavailable as error:
            out["note"] = f"browser audit not run: {error.problem}"
            return out
        with session:
            session.audit_file(pages[10], "warm-up")
            for size in mode.browser_sizes:
                log(f"browser audit (axe-core): page of {size} items")
                samples = []
                for _ in range(1 if size >= 1_000 else max(1, mode.repetitions // 2)):
                    start = time.perf_counter()
                    session.audit_file(pages[size], pages[size].name)
                    samples.append(time.perf_counter() - start)
                out["per_page"].setdefault(str(size), {})["axe"] = Summary(tuple(samples)).as_dict()
            if small:
                log(f"browser audit (axe-core): {len(small)} small pages in one session")
                start = time.perf_counter()
                for path in small:
                    session.audit_file(path, path.name)
                elapsed = time.perf_counter() - start
                out["throughput_axe"] = {"pages": len(small), "seconds": elapsed,
                                         "pages_per_second": len(small) / elapsed}  # fmt: skip
        if mode.behaviour_sizes:
            with browser.BrowserSession(DSFR_DIST.resolve()) as session:
                for size in mode.behaviour_sizes:
                    log(f"browser audit (axe-core and behaviour): page of {size} items")
                    start = time.perf_counter()
                    session.audit_file(pages[size], pages[size].name)
                    elapsed = time.perf_counter() - start
                    out["per_page"].setdefault(str(size), {})["full"] = Summary(
                        (elapsed,)
                    ).as_dict()
                    out["behaviour_per_button"] = (
                        elapsed - out["per_page"].get(str(size), {}).get("axe", {}).get("median", 0)
                    ) / size
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def peers(mode: Mode, include_peers: bool, browser: bool) -> dict[str, Any]:
    """axe-core alone in dsfr-accordion, its peers and its floor, as whole invocations
    (:func:`.browser_peers.peers`)."""
    if not browser:
        return {"note": "not run (--no-browser)"}
    if not mode.peer_repetitions:
        return {"note": f"not run in the {mode.name} mode"}
    return browser_peers.peers(
        mode.peer_repetitions, mode.peer_copies, mode.peer_dsfr_pages, include_peers=include_peers
    )


def jobs(mode: Mode, browser: bool) -> dict[str, Any]:
    """The behaviour checks' cost and ``check --browser --jobs N`` (:func:`.browser_peers.jobs`)."""
    if not browser:
        return {"note": "not run (--no-browser)"}
    if not mode.jobs_repetitions:
        return {"note": f"not run in the {mode.name} mode"}
    return browser_peers.jobs(mode.jobs_repetitions, mode.jobs_copies)


# 4. i18n ------------------------------------------------------------------------


def _items_for_units(entries: int) -> tuple[int, int]:
    """The smallest item count whose catalogue has at least ``entries`` entries, and that count.

    Items are drawn in order (the first ``k`` items of any draw are the same), so
    each item's units are counted once, in a document of its own.
    """
    from dsfr_accordion.i18n.units import extract  # noqa: PLC0415

    big = corpus.document(max(1, entries // 3 + 1))
    total = 1  # the page title
    for count, testimonial in enumerate(big.testimonials, start=1):
        single = dsfr_accordion.Document(title=big.title, testimonials=(testimonial,))
        total += len(extract(single)) - 1
        if total >= entries:
            return count, total
    return len(big.testimonials), total


def i18n(mode: Mode) -> dict[str, Any]:
    """Update and compile a content catalogue of ``mode.i18n_entries`` entries; render en vs fr."""
    from babel.messages.pofile import read_po, write_po  # noqa: PLC0415

    from dsfr_accordion.i18n import catalogs  # noqa: PLC0415

    count, entries = _items_for_units(mode.i18n_entries)
    log(f"i18n: catalogue of {entries} entries ({count} items)")
    document = corpus.document(count)
    folder = Path(tempfile.mkdtemp(prefix="dsfr-accordion-bench-i18n-"))
    try:
        content = folder / "temoignages-bench.yaml"
        po = catalogs.po_path(content, "en")

        def fresh() -> None:
            po.unlink(missing_ok=True)

        create = interleaved(
            {"update_new": (lambda: catalogs.update(document, content, "en"), fresh)},
            mode.i18n_repetitions,
            0.0,
        )["update_new"]
        catalogs.update(document, content, "en")
        with po.open("rb") as handle:
            catalog = read_po(handle, locale="en")
        for message in catalog:
            if message.id:
                message.string = f"[en] {message.id}"
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=76)
        translated = buffer.getvalue()

        def restore() -> None:
            po.write_bytes(translated)

        timed = interleaved(
            {
                "update_translated": (lambda: catalogs.update(document, content, "en"), restore),
                "compile": (lambda: catalogs.compile_catalog(po, "en"), restore),
            },
            mode.i18n_repetitions,
            0.0,
        )
        restore()
        translations = catalogs.ContentTranslations.read(po, "en")
        clear = sanitize.clean_inline.cache_clear
        renders = interleaved(
            {
                "render_fr": (lambda: dsfr_accordion.render(document), clear),
                "render_en": (
                    lambda: dsfr_accordion.render(
                        document,
                        lang="en",
                        translations=catalogs.translate(document, translations),
                    ),
                    clear,
                ),
            },
            max(mode.i18n_repetitions, 3 if mode.name != "tiny" else 1),
            mode.min_time,
        )
        result = {
            "entries": entries,
            "items": count,
            "translated": len(translations.strings),
            "times": {
                "update_new": create.as_dict(),
                **{name: s.as_dict() for name, s in timed.items()},
                **{name: s.as_dict() for name, s in renders.items()},
            },
            "ratio_en_fr": paired_ratio(renders["render_en"], renders["render_fr"]).as_dict(),
        }
        if mode.profile:
            result["profile_update"] = profile(
                lambda: catalogs.update(document, content, "en"), restore, 12
            )
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# 5. memory ----------------------------------------------------------------------


def memory(mode: Mode, peers: bool) -> dict[str, Any]:
    """Peak memory (tracemalloc) of one render of ``mode.memory_items`` items per contender."""
    size = mode.memory_items
    result: dict[str, Any] = {"items": size, "contenders": {}}
    for contender in contenders.CONTENDERS:
        if contender.key == "dsfr-accordion-hand-built":
            continue
        if contender.missing or not (peers or contender.package in (None, "jinja2")):
            continue
        log(f"memory: {contender.key}, {size} items")
        prepared = contender.prepare(size)
        output = prepared.run()  # untimed: templates compiled, data built
        out_bytes = len(output.encode())
        del output
        if prepared.setup is not None:
            prepared.setup()
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        start = time.perf_counter()
        kept = prepared.run()
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        del kept
        result["contenders"][contender.key] = {
            "label": contender.label,
            "peak_bytes": peak,
            "output_bytes": out_bytes,
            "peak_per_output_byte": peak / out_bytes,
            "seconds_under_tracemalloc": elapsed,
        }
    return result


def resources(mode: Mode) -> dict[str, Any]:
    """Time and peak memory of whole runs on the largest inputs of each kind (docs/security.md)."""
    return bounds.measure(mode.resource_bytes, log)
