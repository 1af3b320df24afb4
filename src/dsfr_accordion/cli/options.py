"""What several commands share of their arguments: the input size limit, and
loading a content file as the command line does (its import report printed)."""

from __future__ import annotations

import argparse
import os

from .. import ui
from ..inputs import MAX_BYTES
from ..model import Document

MEBIBYTE = 1024 * 1024


def _megabytes(value: str) -> int:
    """``--max-size``'s value in bytes: a positive whole number of megabytes."""
    try:
        megabytes = int(value)
    except ValueError:
        megabytes = 0
    if megabytes <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of megabytes")
    return megabytes * MEBIBYTE


def add_max_size(parser: argparse.ArgumentParser) -> None:
    """The ``--max-size MB`` option of every command that reads files, as ``args.max_bytes``."""
    parser.add_argument(
        "--max-size",
        dest="max_bytes",
        type=_megabytes,
        default=MAX_BYTES,
        metavar="MB",
        help=f"refuse input files larger than MB megabytes (default {MAX_BYTES // MEBIBYTE})",
    )


def load_content(args: argparse.Namespace, path: str | os.PathLike[str]) -> Document:
    """The document of the content file ``path``, within ``--max-size``; the repair
    report of a legacy page goes to the console (``args.on_import_report``)."""
    # The loaders (Markdown, YAML, the sanitizer) load for the commands that read
    # content only: check never does.
    from ..loaders import load  # noqa: PLC0415

    return load(path, max_bytes=args.max_bytes, on_import_report=args.on_import_report)


#: The enhancements' options (``render``, ``build``): destination, flag, default, help.
ENHANCEMENT_OPTIONS: tuple[tuple[str, str, bool, str], ...] = (
    (
        "open_without_js",
        "--open-without-js",
        True,
        "show every answer where the DSFR JavaScript does not run",
    ),
    (
        "find_in_page",
        "--find-in-page",
        True,
        "let the browser's find-in-page search the closed panels and open the panel of a match",
    ),
    (
        "show_all",
        "--show-all",
        True,
        'a "show all / hide all" button above independent panels',
    ),
    (
        "permalinks",
        "--permalinks",
        False,
        'a visible "link to this question" after each question',
    ),
)


def add_enhancements(parser: argparse.ArgumentParser, where: str) -> None:
    """The options of the library's enhancements (``--X`` / ``--no-X``), as
    ``args.open_without_js`` and the others; ``where`` says when they apply."""
    group = parser.add_argument_group(
        "enhancements",
        f"What the library adds to the DSFR accordion; {where}, where their files "
        "are copied beside the DSFR files (docs/accessibility.md).",
    )
    for dest, flag, _, text in ENHANCEMENT_OPTIONS:
        # No default here (None: not given), so that a flag given on a page that
        # cannot have it is told (enhancements_without_files); the default is
        # applied by enhancement_options.
        group.add_argument(
            flag,
            dest=dest,
            action=argparse.BooleanOptionalAction,
            help=text,
        )


def enhancement_options(args: argparse.Namespace) -> dict[str, bool]:
    """The enhancements' options of ``args`` as keyword arguments of ``render``."""
    return {
        dest: default if getattr(args, dest) is None else getattr(args, dest)
        for dest, _, default, _ in ENHANCEMENT_OPTIONS
    }


def enhancements_without_files(args: argparse.Namespace) -> None:
    """Say on stderr that the enhancements asked for on the command line do not
    apply to pages linking the DSFR release on its CDN (no ``--dsfr-dist``): no
    CDN serves the library's files, so such pages go without them. Asked for
    only: by default the pages quietly go without."""
    if args.dsfr_dist is not None:
        return
    given = [flag for dest, flag, *_ in ENHANCEMENT_OPTIONS if getattr(args, dest) is True]
    if given:
        _ = ui.translations(ui.cli_language()).gettext
        args.console.info(
            _(
                "{flags}: the pages link the DSFR release on its CDN, which does not serve "
                "the library's enhancement files, so they go without them; give --dsfr-dist "
                "DIR to copy the files beside the pages"
            ).format(flags=", ".join(given))
        )
