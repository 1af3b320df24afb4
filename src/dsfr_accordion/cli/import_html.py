"""``import``: a legacy accordion page as a YAML content file, with a repair report.

Exit status: 0 imported (repairs reported); 1 imported with words lost, or with
items to review under ``--strict``; 2 unreadable input or no accordion found.
The YAML goes to standard output or ``-o``; the human report to standard error;
the JSON report to ``--report``. Files are written atomically.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .console import print_import_report
from .options import add_max_size

EXIT_IMPORTED = 0
EXIT_LOSS_OR_REVIEW = 1


def register(parser: argparse.ArgumentParser) -> None:
    """Declare the ``import`` command on its ``parser``."""
    parser.add_argument("input", metavar="INPUT", help="legacy page (HTML, front matter allowed)")
    add_max_size(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT.yaml",
        type=Path,
        help="write the YAML to this file (atomically) instead of standard output",
    )
    parser.add_argument(
        "--report",
        metavar="REPORT.json",
        type=Path,
        help="also write the repair report as JSON (schema in docs/import.md)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when an item needs editorial review",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Import ``args.input``; write the YAML, the reports; return the exit status."""
    # Imported here: html5lib and the importer load only for this command.
    from ..inputs import read_text  # noqa: PLC0415
    from ..legacy import import_page  # noqa: PLC0415
    from ..output import check_outputs, write_text  # noqa: PLC0415

    check_outputs([args.input], [args.output, args.report])
    result = import_page(read_text(args.input, max_bytes=args.max_bytes), args.input)
    header = f"# Imported from {Path(args.input).name} by dsfr-accordion import (docs/import.md).\n"
    from ..dump import dump_yaml  # noqa: PLC0415 - the YAML writer loads for import only

    text = header + dump_yaml(result.document)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text(args.output, text)
    if args.report is not None:
        write_text(args.report, result.report.json_text())
    lost = bool(result.report.preservation.losses)
    print_import_report(result.report, args.console)
    if lost or (args.strict and result.report.needs_review):
        return EXIT_LOSS_OR_REVIEW
    return EXIT_IMPORTED
