"""``build``: a multi-language site of content files (see :mod:`dsfr_accordion.site`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .options import (
    add_enhancements,
    add_max_size,
    enhancement_options,
    enhancements_without_files,
    load_content,
)
from .render import report_fallbacks, report_interface


def register(parser: argparse.ArgumentParser) -> None:
    """Declare the ``build`` command on its ``parser``."""
    parser.add_argument("content", nargs="+", metavar="CONTENT", help="content files")
    add_max_size(parser)
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="SITE", help="site folder to write"
    )
    parser.add_argument(
        "--langs",
        default=None,
        metavar="LANGS",
        help="comma-separated languages, the content's first (default: the content's language)",
    )
    parser.add_argument(
        "--locales",
        type=Path,
        metavar="DIR",
        help="catalogue folder (default: locales/ beside each content file)",
    )
    parser.add_argument(
        "--dsfr-dist",
        type=Path,
        metavar="DIR",
        help="copy the DSFR files the pages need from DIR (the npm package's dist folder) into "
        "SITE/dsfr and link them relatively (default: the pinned CDN release with integrity)",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="the absolute address the site is published at (https://example.gouv.fr/"
        "temoignages/): language links become absolute, pages link themselves as canonical, "
        "and SITE/sitemap.xml lists every page with its language versions",
    )
    add_enhancements(parser, "only with --dsfr-dist")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> None:
    """Build the site and list the pages written on stderr."""
    langs = [lang.strip() for lang in (args.langs or "").split(",") if lang.strip()]
    if not langs:
        langs = [load_content(args, args.content[0]).lang]
    from ..site import build_site  # noqa: PLC0415 - Babel and the site code load here only

    report_interface(langs, args.console)
    enhancements_without_files(args)

    try:
        pages = build_site(
            args.content,
            args.output,
            langs,
            dsfr_dist=args.dsfr_dist,
            locales=args.locales,
            progress=args.console.step,
            max_bytes=args.max_bytes,
            on_import_report=args.on_import_report,
            base_url=args.base_url,
            **enhancement_options(args),
        )
    finally:
        args.console.clear()
    for page in pages:
        args.console.detail(page.path)
        if page.translation is not None:
            report_fallbacks(page.translation, args.console)
