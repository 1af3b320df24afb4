"""The command line: ``python -m dsfr_accordion`` and ``dsfr-accordion``.

Each subcommand lives in its own module of this package with a ``register``
function adding its parser and handler; this module parses and runs them.

Exit status: 0 on success, 2 on bad input (content, options, paths) with one
message naming the place and what to do, 130 when interrupted, 70 on an
internal error. ``--debug`` shows the traceback instead of the message.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import partial

from .. import __version__
from ..assets import DSFR_VERSION
from ..errors import DsfrAccordionError
from . import build, check, i18n, import_html, render
from .console import Console, SuggestingParser, printable

#: Each subcommand module's ``register(subparsers)``, in the order ``--help`` lists them.
COMMANDS = (render.register, build.register, i18n.register, check.register, import_html.register)

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_SOFTWARE = 70
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
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
    for register in COMMANDS:
        register(commands)
    for subparser in _subparsers(parser):
        # Also after the command (`render x.yaml --debug`), as people type them; a
        # subparser's default must not undo what was given before the command.
        _add_global_options(subparser, argparse.SUPPRESS)
    return parser


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
    parser = build_parser()
    args = parser.parse_args(argv)
    args.console = console = Console(quiet=args.quiet, verbose=args.verbose)
    # The repair report of each legacy page a command loads, on standard error.
    args.on_import_report = partial(import_html.print_report, console=console)
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
