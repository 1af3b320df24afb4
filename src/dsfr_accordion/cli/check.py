"""``check``: the accessibility audit of pages, fragments or a built site.

The static audit runs by default; ``--browser`` adds axe-core and the DSFR
behaviour checks in headless Chromium, ``--checks`` chooses among the three.
``--jobs`` runs that many browsers side by side, ``--shard K/N`` checks one
part of the site in one CI job, and ``--merge`` puts the shards' reports back
together. Exit status: 0 when no finding is at or above ``--fail-on``, 1 when
one is, 2 on a usage or input error.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .. import ui
from ..audit import CHECKS, DEFAULT_DSFR_DIST, FORMATS, default_jobs
from ..errors import DsfrAccordionError
from .console import printable
from .options import add_max_size, positive_whole_number

if TYPE_CHECKING:
    from ..audit.browser import BrowserSession
    from ..audit.rules import FailOn

EXIT_FINDINGS = 1


def register(parser: argparse.ArgumentParser) -> None:
    """Declare the ``check`` command on its ``parser``."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="an HTML page or fragment, or a folder of them"
    )
    add_max_size(parser)
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--browser",
        action="store_true",
        help="also run axe-core and the accordion behaviour checks in headless Chromium "
        "(Debian packages chromium and chromium-driver): --checks static,axe,behaviour",
    )
    which.add_argument(
        "--checks",
        metavar="LIST",
        help=f"the checks to run, comma-separated among {', '.join(CHECKS)} (default: static; "
        "axe and behaviour run in headless Chromium)",
    )
    parser.add_argument(
        "--jobs",
        type=positive_whole_number,
        metavar="N",
        help="with a browser check: audit pages in N browsers side by side, the report in "
        "the same order (default: the number of processors)",
    )
    parser.add_argument(
        "--shard",
        metavar="K/N",
        help="check only part K of N of the files (file i, from 0, in part i %% N + 1), for N "
        "CI jobs; merge their JSON or JUnit reports with --merge",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="the PATHs are the JSON or JUnit reports of every --shard of one check: write "
        "the report of the whole check, and exit as it would",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="report format on standard output (default: text)",
    )
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        help="language of the messages (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)",
    )
    parser.add_argument(
        "--fail-on",
        default="error",
        metavar="POLICY",
        help="exit 1 when a finding is this serious or more: error (default), warning or "
        "info, or per category (accessibility, dsfr, security, html) as in "
        "error,security:warning,html:none (none: never)",
    )
    parser.add_argument(
        "--dsfr-dist",
        type=Path,
        metavar="DIR",
        help=f"with a browser check: the DSFR dist folder pages load their CSS and JS from, also "
        f"in place of the CDN (default: {DEFAULT_DSFR_DIST})",
    )
    parser.add_argument(
        "--root",
        type=Path,
        metavar="DIR",
        help="with a browser check: the folder the audit's server serves, which must hold every "
        "page checked (default: the folders given, extended to the stylesheets and scripts "
        "the pages link)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Audit ``args.paths`` (or merge reports), print the report, return 0 or
    :data:`EXIT_FINDINGS`."""
    # The audit modules (html5lib, and Selenium with a browser check) load only here.
    from ..audit import check, fail_on, failing, parse_checks, report  # noqa: PLC0415
    from ..audit.rules import Check  # noqa: PLC0415

    policy = fail_on(args.fail_on)  # a mistyped option stops the run before any audit
    if args.merge:
        return _merge(args, policy)
    if args.checks is not None:
        checks = parse_checks(args.checks)
    else:
        checks = frozenset(Check) if args.browser else frozenset({Check.STATIC})
    in_browser = bool(checks & {Check.AXE, Check.BEHAVIOUR})
    shard = None
    if args.shard is not None:
        from ..audit.shards import parse_shard  # noqa: PLC0415 - for shards only

        shard = parse_shard(args.shard)
    lang = args.lang or ui.cli_language()
    console = args.console
    with contextlib.ExitStack() as stack:
        stack.callback(console.clear)
        sessions = threading.Lock()  # --jobs starts sessions in several threads at once

        def start_browser() -> BrowserSession:
            # Called after the static audit: a bad path fails before Chromium starts.
            from ..audit.browser import BrowserSession  # noqa: PLC0415

            dsfr_dist = (args.dsfr_dist or DEFAULT_DSFR_DIST).resolve()
            session = BrowserSession(
                dsfr_dist,
                report_lang=lang,
                axe=Check.AXE in checks,
                behaviour=Check.BEHAVIOUR in checks,
            )
            with sessions:
                return stack.enter_context(session)

        results = check(
            args.paths,
            browser=start_browser if in_browser else None,
            static=Check.STATIC in checks,
            jobs=args.jobs or default_jobs(),
            shard=shard,
            progress=console.step,
            max_bytes=args.max_bytes,
            root=args.root if in_browser else None,
        )
    output = report.render_report(results, args.format or "text", lang, shard)
    # The text report quotes the pages' lines: shown on a terminal, made printable.
    sys.stdout.write(printable(output) if args.format in (None, "text") else output)
    failed = any(result.findings for result in failing(results, policy))
    return EXIT_FINDINGS if failed else 0


def _merge(args: argparse.Namespace, policy: FailOn) -> int:
    """``check --merge``: the report of the whole check from its shards' reports."""
    from ..audit.rules import RULES_BY_ID  # noqa: PLC0415
    from ..audit.shards import merge  # noqa: PLC0415
    from ..inputs import read_text  # noqa: PLC0415

    for option, given in (
        ("--browser", args.browser),
        ("--checks", args.checks is not None),
        ("--jobs", args.jobs is not None),
        ("--shard", args.shard is not None),
        ("--root", args.root is not None),
        ("--dsfr-dist", args.dsfr_dist is not None),
    ):
        if given:
            raise DsfrAccordionError.of("merge-option", option=option)
    merged = merge([(path, read_text(path, max_bytes=args.max_bytes)) for path in args.paths])
    if args.format not in (None, merged.format):
        raise DsfrAccordionError.of("merge-option", option=f"--format {args.format}")
    sys.stdout.write(merged.text)
    # A rule this version does not know (reports of a newer one) cannot be weighed: it fails.
    failed = any(r not in RULES_BY_ID or policy.fails(RULES_BY_ID[r]) for r in merged.rules)
    return EXIT_FINDINGS if failed else 0
