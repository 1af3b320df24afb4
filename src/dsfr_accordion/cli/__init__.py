"""The command line: ``python -m dsfr_accordion`` and ``dsfr-accordion``.

Each subcommand lives in its own module of this package, with a ``register``
function declaring its arguments and handler on the parser it is given; this
module parses and runs them. A command's module is imported only when that
command is parsed (or when a typo is matched against every command's options):
running one command loads none of the others' code, and each module imports
what its command runs only when it runs (docs/architecture.md, "What each
command imports").

Exit status: 0 on success, 2 on bad input (content, options, paths) with one
message naming the place and what to do, 130 when interrupted, 70 on an
internal error. ``--debug`` shows the traceback instead of the message.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from .. import __version__
from ..assets import DSFR_VERSION
from ..errors import DsfrAccordionError
from .console import Console, SuggestingParser, print_import_report, printable


@dataclass(frozen=True, slots=True)
class Command:
    """A subcommand: its name, its line in the top-level help, the module of this
    package whose ``register(parser)`` declares its arguments and which runs it
    (imported only when the command is parsed), and the description and epilog of
    its own help: every command's words in one table."""

    name: str
    help: str
    module: str
    description: str
    epilog: str | None = None


#: Every subcommand, in the order the top-level help lists them.
COMMANDS: tuple[Command, ...] = (
    Command(
        "render",
        "render a content file as DSFR accordions",
        "render",
        (
            "Render a YAML or Markdown content file as DSFR accordions: an HTML "
            "fragment on standard output by default, or a standalone page with --page."
        ),
    ),
    Command(
        "build",
        "build a multi-language site of content files",
        "build",
        (
            "Render each content file in each language into SITE/<lang>/<name>.html, "
            "with an index page per language, a root page linking each language, hreflang links "
            "and the DSFR language switcher. "
            "The site is replaced only when the whole build succeeds."
        ),
    ),
    Command(
        "i18n",
        "manage the translation catalogues of content files",
        "i18n",
        (
            "Manage the gettext catalogues of content files. By default a content "
            "file's catalogues live in a locales/ folder beside it: "
            "locales/<lang>/LC_MESSAGES/<content file name>.po."
        ),
    ),
    Command(
        "check",
        "check pages or a built site for accessibility problems",
        "check",
        (
            "Check HTML pages, fragments or folders of pages for accessibility "
            "problems: a static audit (parse errors, ids, references, the DSFR accordion "
            "contract, headings, languages, links, images) and, with --browser, axe-core and "
            "the DSFR accordions' behaviour in headless Chromium. Rules: docs/accessibility.md."
        ),
        ("Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error."),
    ),
    Command(
        "import",
        "import a legacy accordion page (HTML) as a YAML content file",
        "import_html",
        (
            "Import the accordions of a legacy HTML page (with or without front "
            "matter) as a YAML content file, repairing what is broken and reporting it: every "
            "finding on standard error with its line:column, and a check that no word is lost."
        ),
        (
            "Exit status: 0 imported; 1 words lost, or items to review with --strict; "
            "2 unreadable input or no accordion found. See docs/import.md."
        ),
    ),
)

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_SOFTWARE = 70
EXIT_INTERRUPTED = 130


def build_parser(*, declared: bool = True) -> argparse.ArgumentParser:
    """The argument parser of every subcommand.

    With ``declared=False`` (what :func:`main` runs), a command's arguments are
    declared, and its module imported, only when that command is parsed; the
    parser reads, helps and errs byte for byte as the declared one does.
    """
    parser = SuggestingParser(
        prog="dsfr-accordion",
        description="Publish Q&A testimonials as accessible DSFR accordions.",
        epilog="Exit status: 0 success, 2 bad input (the message says where and what to do).",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__} (DSFR {DSFR_VERSION})",
    )
    _add_global_options(parser, False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for spec in COMMANDS:
        command = commands.add_parser(
            spec.name,
            help=spec.help,
            description=spec.description,
            epilog=spec.epilog,
            declare=partial(_declare, spec.module),
        )
        if declared:
            command.declare()
    return parser


def _declare(module: str, parser: SuggestingParser) -> None:
    """Declare on ``parser`` the command of the module ``module`` of this package."""
    importlib.import_module(f"{__name__}.{module}").register(parser)
    for leaf in _subparsers(parser) or [parser]:
        # Also after the command (`render x.yaml --debug`), as people type them; a
        # subparser's default must not undo what was given before the command.
        _add_global_options(leaf, argparse.SUPPRESS)


def _add_global_options(parser: argparse.ArgumentParser, default: object) -> None:
    """``--debug``, ``--quiet`` and ``--verbose`` on ``parser``, defaulting to
    ``default``; a command's copies are left out of its ``--help`` (the top-level
    help lists them once)."""
    shown = default is not argparse.SUPPRESS
    helps = (
        "show a traceback instead of a short message",
        "print nothing on stderr but errors",
        "print details of what is done",
    )
    debug, quiet, verbose = (text if shown else argparse.SUPPRESS for text in helps)
    parser.add_argument("--debug", action="store_true", default=default, help=debug)
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", default=default, help=quiet)
    loudness.add_argument("-v", "--verbose", action="store_true", default=default, help=verbose)


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every parser of a command under ``parser`` (``i18n``'s actions too), leaves only."""
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                found += _subparsers(subparser) or [subparser]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser(declared=False)
    args = parser.parse_args(argv)
    args.console = console = Console(quiet=args.quiet, verbose=args.verbose)
    # The repair report of each legacy page a command loads, on standard error.
    args.on_import_report = partial(print_import_report, console=console)
    try:
        status = args.handler(args)
    except DsfrAccordionError as error:
        if args.debug:
            raise
        console.error(error)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        if args.debug:
            raise
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        if args.debug:
            raise
        print(
            f"internal error: {type(error).__name__}: {printable(error)}\n"
            "  hint: this is a bug; rerun with --debug and report the traceback",
            file=sys.stderr,
        )
        return EXIT_SOFTWARE
    return status or EXIT_OK
