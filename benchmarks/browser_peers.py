"""The browser audit as a site's CI runs it: whole invocations on a site of pages (issue 19).

Two scenarios, each a set of commands run as new processes, in turn within
each repetition, the order rotating (:func:`.timing.interleaved`, without
warm-up: a sample is one invocation of seconds, Chromium's start included):

- :func:`peers`: axe-core alone through ``python -m dsfr_accordion check
  --checks axe --jobs 1`` against what a site builder would pick instead,
  ``@axe-core/cli`` and ``pa11y-ci`` with its axe runner (pinned in
  ``benchmarks/package.json``, installed by ``make bench`` only), and against
  the floor, a bare Selenium + axe-core loop (:mod:`.axe_floor`). Every tool
  audits the same pages in one browser, the system's Chromium: the rendered
  examples and DSFR example pages with accordions, which dsfr-accordion reads
  as files and the others load from a loopback server of this process. The
  rules each tool finds are then compared page by page.
- :func:`jobs`: ``check --browser`` (every check) against ``check --checks
  axe`` on the rendered examples, and ``check --browser --jobs N`` for N from 1
  to the processors.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from .axe_floor import AXE_TAGS
from .corpus import ROOT
from .timing import interleaved, paired_ratio

EXAMPLES = ROOT / "examples"
DSFR_PACKAGE = ROOT / "node_modules" / "@gouvfr" / "dsfr"
DSFR_DIST = DSFR_PACKAGE / "dist"
#: Where ``make bench`` installs the peers (``npm ci`` with benchmarks/package-lock.json).
NODE_MODULES = ROOT / "benchmarks" / "node_modules"
PA11Y_CONFIG = ROOT / "benchmarks" / "pa11yci.json"
INSTALL_HINT = "make bench installs them: npm ci in benchmarks/"

#: The languages each example is rendered in.
LANGS = ("fr", "en")

#: DSFR example pages with accordions (under the npm package's ``example/``), taken in
#: this order: the accordion's own page first, then pages that hold one or two.
DSFR_PAGES: tuple[str, ...] = (
    "component/accordion/index.html",
    "analytics/component/accordion/index.html",
    "analytics/component/accordion/accordion-nested/index.html",
    "core/collapse/index.html",
    "component/summary/index.html",
    "component/quote/index.html",
    "component/callout/index.html",
    "component/highlight/index.html",
    "component/stepper/index.html",
    "component/breadcrumb/index.html",
)

#: The axe-core tags pa11y's axe runner runs for its default standard, WCAG2AA (its
#: ``lib/runners/axe.js``): no WCAG 2.2 rule, and axe-core's best practices.
PA11Y_AXE_TAGS: tuple[str, ...] = ("wcag2a", "wcag21a", "wcag2aa", "wcag21aa", "best-practice")


def log(message: str) -> None:
    """Progress on standard error."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def example_files() -> list[Path]:
    """The content files of ``examples/``, each rendered in every language of :data:`LANGS`."""
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".md"})


@dataclass(frozen=True, slots=True)
class Site:
    """The pages audited: files under ``folder``, named by their path relative to it."""

    folder: Path
    pages: tuple[str, ...]
    #: How many of ``pages`` (the first ones) are rendered examples.
    rendered: int

    def files(self) -> list[str]:
        """The pages as file paths, for dsfr-accordion's ``check``."""
        return [str(self.folder / page) for page in self.pages]

    def urls(self, base: str) -> list[str]:
        """The pages as addresses under ``base``, for the tools that load URLs."""
        return [f"{base}/{quote(page)}" for page in self.pages]


def build_site(folder: Path, copies: int, dsfr_pages: int) -> Site:
    """Render every example in every language into ``folder/rendered/`` (as ``make demo``
    does: ``--page`` with the DSFR files copied beside it), ``copies`` copies of each,
    then link the DSFR npm package as ``folder/dsfr`` and add its first ``dsfr_pages``
    example pages of :data:`DSFR_PAGES`."""
    rendered = folder / "rendered"
    names: list[str] = []
    for source in example_files():
        for lang in LANGS:
            first = rendered / f"{source.stem}.{lang}.1.html"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "dsfr_accordion",
                    "render",
                    str(source),
                    "--lang",
                    lang,
                    "--page",
                    "--dsfr-dist",
                    str(DSFR_DIST),
                    "-o",
                    str(first),
                ],
                cwd=ROOT,
                capture_output=True,
                check=True,
            )
            for copy in range(2, copies + 1):
                shutil.copyfile(first, rendered / f"{source.stem}.{lang}.{copy}.html")
            names += [f"{source.stem}.{lang}.{copy}.html" for copy in range(1, copies + 1)]
    (folder / "dsfr").symlink_to(DSFR_PACKAGE.resolve(), target_is_directory=True)
    pages = [f"rendered/{name}" for name in sorted(names)]
    pages += [f"dsfr/example/{page}" for page in DSFR_PAGES[:dsfr_pages]]
    return Site(folder, tuple(pages), len(names))


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves a folder without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Nothing: a benchmark's standard error is its progress."""


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a loopback port for the duration; its base address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="bench-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


#: What one tool found on one page: the rule ids by kind ("violations", "incomplete").
Found = dict[str, set[str]]


def _npm_version(package: str) -> str | None:
    path = NODE_MODULES / package / "package.json"
    return json.loads(path.read_text(encoding="utf-8"))["version"] if path.is_file() else None


def _axe_selenium_script() -> Path:
    """The axe-core file axe-selenium-python ships: the one dsfr-accordion and the floor run."""
    from axe_selenium_python import Axe  # noqa: PLC0415 - the bench extra's

    return Path(Axe(None).script_url)


@dataclass(frozen=True, slots=True)
class Tool:
    """One way of running axe-core on the site, as one command."""

    key: str
    label: str
    #: What is run, as the report shows it.
    shown: str
    #: The command on ``(site, base URL, output file)``.
    command: Callable[[Site, str, Path], list[str]]
    #: Whether the command writes its results on standard output (else into the file).
    to_stdout: bool
    #: The rules found on each page, from the output file: ``(output, site, base URL)``.
    read: Callable[[Path, Site, str], dict[str, Found]]
    #: The exit statuses of a run that went through (findings or not).
    statuses: tuple[int, ...]
    #: The npm package it is (``None``: a Python command, whose version is ``python_package``'s).
    package: str | None = None
    #: The Python distribution whose version is shown for a Python command.
    python_package: str | None = None
    #: The axe-core tags it runs.
    tags: tuple[str, ...] = AXE_TAGS

    @property
    def version(self) -> str | None:
        """The installed version of the package, ``None`` when not installed."""
        if self.package:
            return _npm_version(self.package)
        try:
            return importlib.metadata.version(self.python_package or "")
        except importlib.metadata.PackageNotFoundError:
            return None

    @property
    def missing(self) -> str | None:
        """Why the tool cannot run here, or ``None``."""
        if self.package is None:
            return None
        if shutil.which("node") is None:
            return f"Node.js is not installed ({INSTALL_HINT})"
        if self.version is None:
            return f"{self.package} is not installed ({INSTALL_HINT})"
        return None


def _page_of_url(url: str, base: str) -> str:
    return unquote(url.removeprefix(base + "/"))


#: Findings that say the browser audit of a page did not go through.
_FAILED = frozenset({"page-load", "page-unresponsive", "page-navigated", "page-interfered"})


def _read_dsfr_accordion(out: Path, site: Site, base: str) -> dict[str, Found]:
    report = json.loads(out.read_text(encoding="utf-8"))
    kinds = {"axe-violation": "violations", "axe-incomplete": "incomplete"}
    found: dict[str, Found] = {}
    for entry in report["files"]:
        page = Path(entry["path"]).relative_to(site.folder).as_posix()
        rules: Found = {"violations": set(), "incomplete": set()}
        for finding in entry["findings"]:
            if finding["rule"] in kinds:
                rules[kinds[finding["rule"]]].add(finding["data"]["axe_rule"])
            elif finding["rule"] in _FAILED:
                raise RuntimeError(f"dsfr-accordion on {page}: {finding['message']}")
        found[page] = rules
    return found


def _read_floor(out: Path, site: Site, base: str) -> dict[str, Found]:
    report = json.loads(out.read_text(encoding="utf-8"))
    return {
        _page_of_url(url, base): {kind: set(ids) for kind, ids in kinds.items()}
        for url, kinds in report.items()
    }


def _read_axe_cli(out: Path, site: Site, base: str) -> dict[str, Found]:
    return {
        _page_of_url(result["url"], base): {
            kind: {rule["id"] for rule in result[kind]} for kind in ("violations", "incomplete")
        }
        for result in json.loads(out.read_text(encoding="utf-8"))
    }


def _read_pa11y(out: Path, site: Site, base: str) -> dict[str, Found]:
    report = json.loads(out.read_text(encoding="utf-8"))
    found: dict[str, Found] = {}
    for url, issues in report["results"].items():
        rules: Found = {"violations": set(), "incomplete": set()}
        for issue in issues:
            if "code" not in issue:  # the page failed: {"message": ...}
                raise RuntimeError(f"pa11y-ci on {url}: {issue.get('message')}")
            review = issue["runnerExtras"]["needsFurtherReview"]
            rules["incomplete" if review else "violations"].add(issue["code"])
        found[_page_of_url(url, base)] = rules
    return found


def _check(*options: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "dsfr_accordion",
        "check",
        *options,
        "--format",
        "json",
        "--dsfr-dist",
        str(DSFR_DIST),
    ]


def _chromium_options() -> str:
    """``--chrome-options`` of ``@axe-core/cli``: its own ``headless``, then the floor's flags
    (it splits the list on commas, so no ``--window-size``: Chromium's default window)."""
    from .axe_floor import CHROMIUM_ARGS  # noqa: PLC0415

    return ",".join(flag.removeprefix("--") for flag in CHROMIUM_ARGS if flag != "--headless")


TOOLS: tuple[Tool, ...] = (
    Tool(
        "dsfr-accordion",
        "dsfr-accordion",
        "python -m dsfr_accordion check --checks axe --jobs 1 --format json --dsfr-dist DIST PAGE…",
        lambda site, base, out: [*_check("--checks", "axe", "--jobs", "1"), *site.files()],
        True,
        _read_dsfr_accordion,
        (0, 1),
        python_package="dsfr-accordion",
    ),
    Tool(
        "axe-cli",
        "@axe-core/cli",
        "axe URL… --stdout --tags (the same) --chromedriver-path /usr/bin/chromedriver "
        "--chrome-path /usr/bin/chromium --chrome-options (the flags)",
        lambda site, base, out: [
            str(NODE_MODULES / ".bin" / "axe"),
            *site.urls(base),
            "--stdout",
            "--tags",
            ",".join(AXE_TAGS),
            "--chromedriver-path",
            shutil.which("chromedriver") or "chromedriver",
            "--chrome-path",
            shutil.which("chromium") or "chromium",
            "--chrome-options",
            _chromium_options(),
        ],
        True,
        _read_axe_cli,
        (0,),
        package="@axe-core/cli",
    ),
    Tool(
        "pa11y-ci",
        "pa11y-ci (axe runner)",
        "pa11y-ci --config benchmarks/pa11yci.json --json URL…",
        lambda site, base, out: [
            str(NODE_MODULES / ".bin" / "pa11y-ci"),
            "--config",
            str(PA11Y_CONFIG),
            "--json",
            *site.urls(base),
        ],
        True,
        _read_pa11y,
        (0, 2),  # 2: some page has an error-level issue
        package="pa11y-ci",
        tags=PA11Y_AXE_TAGS,
    ),
    Tool(
        "floor",
        "bare Selenium + axe-core (floor)",
        "python -m benchmarks.axe_floor OUT URL…",
        lambda site, base, out: [
            sys.executable,
            "-m",
            "benchmarks.axe_floor",
            str(out),
            *site.urls(base),
        ],
        False,
        _read_floor,
        (0,),
        python_package="axe-selenium-python",
    ),
)


def _runner(
    command: list[str], out: Path, to_stdout: bool, statuses: tuple[int, ...]
) -> Callable[[], None]:
    """A call that runs ``command`` once; raises, with its standard error, on any other
    exit status than ``statuses``."""

    def run() -> None:
        with out.open("wb") if to_stdout else contextlib.nullcontext(subprocess.DEVNULL) as stdout:
            done = subprocess.run(
                command, cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE, check=False
            )
        if done.returncode not in statuses:
            error = done.stderr.decode("utf-8", "replace").strip()[-2000:]
            raise RuntimeError(f"{' '.join(command[:5])} … exited {done.returncode}:\n{error}")

    return run


def unavailable() -> str | None:
    """Why no browser scenario can run here, or ``None``."""
    if not (DSFR_DIST / "dsfr.module.min.js").is_file():
        return f"no DSFR files in {DSFR_DIST} (make assets)"
    missing = [name for name in ("chromium", "chromedriver") if shutil.which(name) is None]
    if missing:
        return f"{' and '.join(missing)} not on PATH"
    return None


def versions() -> dict[str, str | None]:
    """The versions of the peers (``None``: not installed) and of Node.js."""
    node = shutil.which("node")
    return {
        "node": subprocess.run(
            [node, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if node
        else None,
        **{name: _npm_version(name) for name in ("@axe-core/cli", "pa11y-ci", "pa11y")},
    }


#: Prints each axe-core copy's version and the tags of each of its rules (``axe.getRules()``):
#: arguments are JSON ``[[name, a folder to resolve axe-core from, or its file], …]``.
_RULES_SCRIPT = """
const out = {};
for (const [name, from, file] of JSON.parse(process.argv[1])) {
  const axe = require(file || require.resolve("axe-core/axe.min.js", {paths: [from]}));
  out[name] = {version: axe.version,
               rules: Object.fromEntries(axe.getRules().map((r) => [r.ruleId, r.tags]))};
}
process.stdout.write(JSON.stringify(out));
"""


def axe_catalogues(keys: list[str]) -> dict[str, dict[str, Any]]:
    """The axe-core copy of each tool of ``keys``: its version and its rules' tags."""
    where = {
        "dsfr-accordion": ["", str(_axe_selenium_script())],
        "floor": ["", str(_axe_selenium_script())],
        "axe-cli": [str(NODE_MODULES / "@axe-core" / "cli"), ""],
        "pa11y-ci": [str(NODE_MODULES / "pa11y" / "lib" / "runners"), ""],
    }
    asked = json.dumps([[key, *where[key]] for key in keys])
    done = subprocess.run(
        ["node", "-e", _RULES_SCRIPT, asked], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def comparable_rules(tools: list[Tool], catalogues: dict[str, dict[str, Any]]) -> set[str]:
    """The rules every tool of ``tools`` runs: in its axe-core copy, tagged with one of the
    tags it runs, and not experimental (axe-core runs those only when named)."""
    chosen: set[str] | None = None
    for tool in tools:
        runs = {
            rule
            for rule, tags in catalogues[tool.key]["rules"].items()
            if set(tags) & set(tool.tags) and "experimental" not in tags
        }
        chosen = runs if chosen is None else chosen & runs
    return chosen or set()


def agreement(
    site: Site, found: dict[str, dict[str, Found]], comparable: set[str]
) -> dict[str, Any]:
    """Whether the tools found the same comparable rules on each page, by kind; the
    pages where they did not; what each found outside the comparable rules."""
    result: dict[str, Any] = {"comparable_rules": len(comparable), "pages": len(site.pages)}
    for kind in ("violations", "incomplete"):
        differing = []
        for page in site.pages:
            seen = {
                tool: sorted(pages.get(page, {}).get(kind, set()) & comparable)
                for tool, pages in found.items()
            }
            if len({tuple(rules) for rules in seen.values()}) > 1:
                differing.append({"page": page, "rules": seen})
        result[kind] = {
            "agree": len(site.pages) - len(differing),
            "differing": differing,
            "rules": sorted(
                {r for pages in found.values() for f in pages.values() for r in f.get(kind, ())}
                & comparable
            ),
        }
    result["outside"] = {
        tool: sorted(
            {r for f in pages.values() for rules in f.values() for r in rules} - comparable
        )
        for tool, pages in found.items()
    }
    return result


def peers(repetitions: int, copies: int, dsfr_pages: int, *, include_peers: bool) -> dict[str, Any]:
    """axe-core alone: dsfr-accordion's ``check``, the peers and the floor on the same site,
    ``repetitions`` times each, interleaved; their throughput, ratios and findings."""
    problem = unavailable()
    if problem:
        return {"note": f"not run: {problem}"}
    tools = [t for t in TOOLS if include_peers or t.package is None]
    result: dict[str, Any] = {
        "repetitions": repetitions,
        "contenders": {
            t.key: {
                "label": t.label,
                "version": t.version,
                "shown": t.shown,
                "missing": t.missing if t in tools else "not run (--no-peers)",
            }
            for t in TOOLS
        },
    }
    available = [t for t in tools if t.missing is None]
    folder = Path(tempfile.mkdtemp(prefix="dsfr-accordion-bench-site-"))
    try:
        site = build_site(folder, copies, dsfr_pages)
        result |= {
            "pages": len(site.pages),
            "rendered_pages": site.rendered,
            "examples": [p.name for p in example_files()],
            "copies": copies,
            "dsfr_pages": list(DSFR_PAGES[:dsfr_pages]),
        }
        outputs = {t.key: folder / f"{t.key}.json" for t in available}
        with serve(folder) as base:
            runs = {
                t.key: (
                    _runner(
                        t.command(site, base, outputs[t.key]),
                        outputs[t.key],
                        t.to_stdout,
                        t.statuses,
                    ),
                    None,
                )
                for t in available
            }
            log(
                f"browser peers: {len(site.pages)} pages, {repetitions} runs each of "
                + ", ".join(runs)
            )
            summaries = interleaved(runs, repetitions, 0.0, warm_up=False)
            found = {t.key: t.read(outputs[t.key], site, base) for t in available}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for key, summary in summaries.items():
        result["contenders"][key] |= {
            "times": summary.as_dict(),
            "pages_per_second": result["pages"] / summary.median,
        }
    if "dsfr-accordion" in summaries:
        result["ratios"] = {
            key: paired_ratio(summary, summaries["dsfr-accordion"]).as_dict()
            for key, summary in summaries.items()
            if key != "dsfr-accordion"
        }
    if shutil.which("node"):
        catalogues = axe_catalogues([t.key for t in available])
        result["axe_core"] = {key: c["version"] for key, c in catalogues.items()}
        comparable = comparable_rules(available, catalogues)
    else:
        # No Node.js, so no peer: dsfr-accordion and the floor run the same axe-core
        # file with the same tags, and every rule either finds compares.
        comparable = {
            r for pages in found.values() for f in pages.values() for s in f.values() for r in s
        }
    result["findings"] = agreement(site, found, comparable)
    return result


def jobs(repetitions: int, copies: int) -> dict[str, Any]:
    """``check --browser`` and ``check --checks axe`` on the rendered examples with one
    session, and ``check --browser --jobs N`` for N from 2 to the processors; interleaved."""
    from dsfr_accordion.audit import default_jobs  # noqa: PLC0415 - light, no browser

    problem = unavailable()
    if problem:
        return {"note": f"not run: {problem}"}
    cores = default_jobs()
    folder = Path(tempfile.mkdtemp(prefix="dsfr-accordion-bench-jobs-"))
    try:
        site = build_site(folder, copies, 0)
        commands = {"axe": [*_check("--checks", "axe", "--jobs", "1"), *site.files()]}
        for count in range(1, cores + 1):
            commands[f"browser-{count}"] = [
                *_check("--browser", "--jobs", str(count)),
                *site.files(),
            ]
        runs = {
            name: (_runner(command, Path(os.devnull), False, (0, 1)), None)
            for name, command in commands.items()
        }
        log(f"check --jobs: {len(site.pages)} pages, {repetitions} runs each of {', '.join(runs)}")
        summaries = interleaved(runs, repetitions, 0.0, warm_up=False)
        try:
            floor = _frame_floor(site, summaries["axe"].median)
        except Exception as error:  # the timings above stand without it
            log(f"check --jobs: no frame floor ({error})")
            floor = None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    one = summaries["browser-1"]
    scaling: dict[str, Any] = {}
    for count in range(1, cores + 1):
        speedup = paired_ratio(one, summaries[f"browser-{count}"])
        scaling[str(count)] = {"speedup": speedup.as_dict(), "efficiency": speedup.median / count}
    return {
        "pages": len(site.pages),
        "examples": [p.name for p in example_files()],
        "copies": copies,
        "cores": cores,
        "repetitions": repetitions,
        "times": {name: summary.as_dict() for name, summary in summaries.items()},
        "pages_per_second": {
            name: len(site.pages) / summary.median for name, summary in summaries.items()
        },
        "behaviour_ratio": paired_ratio(one, summaries["axe"]).as_dict(),
        "frame_floor": floor,
        "scaling": scaling,
    }


# Asynchronous: the milliseconds between two animation frames, over about one second.
_FRAME_INTERVAL = """
const done = arguments[0];
let frames = 0;
let first = null;
const count = (now) => {
  if (first === null) first = now; else frames += 1;
  if (now - first < 1000) requestAnimationFrame(count); else done((now - first) / frames);
};
requestAnimationFrame(count);
"""


def _frame_floor(site: Site, axe_seconds: float) -> dict[str, Any]:
    """The floor of the behaviour checks on ``site``: the DSFR JavaScript opens or
    closes a panel in its next animation frame, so each activation takes one frame at
    least; the floor of `check --browser` is the `--checks axe` time (``axe_seconds``)
    plus one frame per activation of every accordion button (the frame interval
    measured in the audit's own headless Chromium)."""
    from dsfr_accordion.audit import browser  # noqa: PLC0415
    from dsfr_accordion.audit.behaviour import ACTIVATIONS  # noqa: PLC0415

    buttons = sum(
        (site.folder / page).read_text(encoding="utf-8").count('class="fr-accordion__btn"')
        for page in site.pages
    )
    activations = buttons * len(ACTIVATIONS) * 2  # each opens, then closes
    with browser.BrowserSession(DSFR_DIST.resolve(), axe=False, behaviour=False) as session:
        session.driver.get("about:blank")
        frame = session.driver.execute_async_script(_FRAME_INTERVAL) / 1000
    return {
        "buttons": buttons,
        "activations": activations,
        "frame_seconds": frame,
        "seconds": axe_seconds + activations * frame,
    }
