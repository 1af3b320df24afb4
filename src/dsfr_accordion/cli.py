"""The command line: ``python -m dsfr_accordion`` and ``dsfr-accordion``.

Exit status: 0 on success, 2 on bad input (content, options, paths) with one
message naming the place and what to do, 130 when interrupted, 70 on an
internal error. ``--debug`` shows the traceback instead of the message.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .assets import DSFR_VERSION, copy_dist
from .errors import DsfrAccordionError
from .loaders import load
from .output import write_text_atomic
from .render import HEADING_LEVELS, OPEN_CHOICES, render

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_SOFTWARE = 70
EXIT_INTERRUPTED = 130

#: Folder, beside the output page, that receives the DSFR files of --dsfr-dist.
ASSETS_FOLDER = "dsfr"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="dsfr-accordion",
        description="Publish Q&A testimonials as accessible DSFR accordions.",
        epilog="Exit status: 0 success, 2 bad input (the message says where and what to do).",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__} (DSFR {DSFR_VERSION})",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback instead of a short message"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    render_cmd = commands.add_parser(
        "render",
        help="render a content file as DSFR accordions",
        description="Render a YAML or Markdown content file as DSFR accordions: an HTML "
        "fragment on standard output by default, or a standalone page with --page.",
    )
    render_cmd.add_argument("input", metavar="INPUT", help="content file (.yaml, .yml, .md)")
    render_cmd.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT",
        type=Path,
        help="write to this file (atomically) instead of standard output",
    )
    render_cmd.add_argument(
        "--lang", metavar="LANG", help="language of the output (default: the content's lang)"
    )
    render_cmd.add_argument(
        "--page",
        action="store_true",
        help="a standalone page with <html lang>, title, skip link, DSFR CSS and JS",
    )
    render_cmd.add_argument(
        "--heading-level",
        type=int,
        choices=list(HEADING_LEVELS),
        metavar="N",
        help="level of the accordion titles, 2 to 6; questions are one level below "
        "(default: 2 with --page, 3 otherwise)",
    )
    render_cmd.add_argument(
        "--open",
        choices=OPEN_CHOICES,
        help="panels rendered open (default: as each testimonial's open key says)",
    )
    grouping = render_cmd.add_mutually_exclusive_group()
    grouping.add_argument(
        "--independent",
        dest="grouped",
        action="store_false",
        help="panels open and close independently (default)",
    )
    grouping.add_argument(
        "--grouped",
        dest="grouped",
        action="store_true",
        help="opening a panel closes the others",
    )
    render_cmd.add_argument(
        "--id-prefix", default="", metavar="PREFIX", help="put PREFIX before every id"
    )
    render_cmd.add_argument(
        "--reserve-id",
        action="append",
        default=[],
        metavar="ID",
        help="an id the host page already uses (repeatable)",
    )
    render_cmd.add_argument(
        "--dsfr-dist",
        type=Path,
        metavar="DIR",
        help="with --page and -o: copy the DSFR files the page needs from DIR (the npm "
        "package's dist folder) into a 'dsfr' folder beside OUTPUT and link them "
        "relatively, so the page works offline (default: link the pinned CDN release "
        "with integrity hashes)",
    )
    render_cmd.set_defaults(handler=_render, grouped=False)
    return parser


def _render(args: argparse.Namespace) -> None:
    if args.dsfr_dist is not None and (not args.page or args.output is None):
        raise DsfrAccordionError.of(
            "bad-option",
            problem="--dsfr-dist needs --page and -o OUTPUT",
            hint="add --page -o build/page.html, the DSFR files are copied beside it",
        )
    document = load(args.input)
    html = render(
        document,
        lang=args.lang,
        page=args.page,
        heading_level=args.heading_level,
        open=args.open,
        grouped=args.grouped,
        id_prefix=args.id_prefix,
        reserved_ids=args.reserve_id,
        dsfr_base=ASSETS_FOLDER if args.dsfr_dist is not None else None,
    )
    text = html if html.endswith("\n") else html + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return
    if args.dsfr_dist is not None:
        copy_dist(args.dsfr_dist, args.output.parent / ASSETS_FOLDER)
    write_text_atomic(args.output, text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.handler(args)
    except DsfrAccordionError as error:
        if args.debug:
            raise
        print(error, file=sys.stderr)
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
            f"internal error: {type(error).__name__}: {error}\n"
            "  hint: this is a bug; rerun with --debug and report the traceback",
            file=sys.stderr,
        )
        return EXIT_SOFTWARE
    return EXIT_OK
