"""``check``: the accessibility audit of pages, fragments or a built site.

The static audit always runs; ``--browser`` adds axe-core and the DSFR
behaviour checks in headless Chromium. Exit status: 0 when no finding is at
or above ``--fail-on``, 1 when one is, 2 on a usage or input error.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .. import ui
from ..audit import DEFAULT_DSFR_DIST, FORMATS
from .console import printable
from .options import add_max_size

if TYPE_CHECKING:
    from ..audit.browser import BrowserSession

EXIT_FINDINGS = 1


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``check`` subcommand to ``commands``."""
    parser = commands.add_parser(
        "check",
        help="check pages or a built site for accessibility problems",
        description="Check HTML pages, fragments or folders of pages for accessibility "
        "problems: a static audit (parse errors, ids, references, the DSFR accordion "
        "contract, headings, languages, links, images) and, with --browser, axe-core and "
        "the DSFR accordions' behaviour in headless Chromium. Rules: docs/accessibility.md.",
        epilog="Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or "
        "input error.",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="an HTML page or fragment, or a folder of them"
    )
    add_max_size(parser)
    parser.add_argument(
        "--browser",
        action="store_true",
        help="also run axe-core and the accordion behaviour checks in headless Chromium "
        "(Debian packages chromium and chromium-driver)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
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
        help=f"with --browser: the DSFR dist folder pages load their CSS and JS from, also "
        f"in place of the CDN (default: {DEFAULT_DSFR_DIST})",
    )
    parser.add_argument(
        "--root",
        type=Path,
        metavar="DIR",
        help="with --browser: the folder the audit's server serves, which must hold every "
        "page checked (default: the folders given, extended to the stylesheets and scripts "
        "the pages link)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Audit ``args.paths``, print the report, return 0 or :data:`EXIT_FINDINGS`."""
    # The audit modules (html5lib, and Selenium with --browser) load only here.
    from ..audit import check, fail_on, failing, report  # noqa: PLC0415

    policy = fail_on(args.fail_on)  # a mistyped policy stops the run before any audit
    lang = args.lang or ui.cli_language()
    console = args.console
    with contextlib.ExitStack() as stack:
        stack.callback(console.clear)

        def start_browser() -> BrowserSession:
            # Called after the static audit: a bad path fails before Chromium starts.
            from ..audit.browser import BrowserSession  # noqa: PLC0415

            dsfr_dist = (args.dsfr_dist or DEFAULT_DSFR_DIST).resolve()
            return stack.enter_context(BrowserSession(dsfr_dist, report_lang=lang))

        browser = start_browser if args.browser else None
        results = check(
            args.paths,
            browser=browser,
            progress=console.step,
            max_bytes=args.max_bytes,
            root=args.root if args.browser else None,
        )
    output = report.render_report(results, args.format, lang)
    # The text report quotes the pages' lines: shown on a terminal, made printable.
    sys.stdout.write(printable(output) if args.format == "text" else output)
    failed = any(result.findings for result in failing(results, policy))
    return EXIT_FINDINGS if failed else 0
