"""``render``: a content file as DSFR accordions, a fragment or a standalone page.

Declaring the command loads nothing that renders: the loaders, the renderer and
the output layer load when it runs (docs/architecture.md, "What each command
imports").
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import ui
from ..errors import DsfrAccordionError
from ..syntax import HEADING_LEVELS, OPEN_CHOICES, primary_language
from .console import Console
from .options import (
    add_enhancements,
    add_max_size,
    enhancement_options,
    enhancements_without_files,
    load_content,
)

if TYPE_CHECKING:
    from ..i18n.catalogs import Translation


def register(parser: argparse.ArgumentParser) -> None:
    """Declare the ``render`` command on its ``parser``."""
    parser.add_argument(
        "input",
        metavar="INPUT",
        help="content file (.yaml, .yml, .md), or a legacy HTML page imported on the fly",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT",
        type=Path,
        help="write to this file (atomically) instead of standard output",
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="language of the output (default: the content's lang); another language "
        "uses the content catalogue LOCALES/LANG/LC_MESSAGES/<name>.po",
    )
    parser.add_argument(
        "--locales",
        type=Path,
        metavar="DIR",
        help="catalogue folder for --lang (default: locales/ beside INPUT)",
    )
    add_max_size(parser)
    parser.add_argument(
        "--page",
        action="store_true",
        help="a standalone page with <html lang>, title, skip link, DSFR CSS and JS",
    )
    parser.add_argument(
        "--faq-schema",
        action="store_true",
        help="add schema.org FAQPage structured data (JSON-LD) so search engines can show "
        "the questions",
    )
    parser.add_argument(
        "--heading-level",
        type=int,
        choices=list(HEADING_LEVELS),
        metavar="N",
        help="level of the accordion titles, 2 to 6; questions are one level below "
        "(default: 2 with --page, 3 otherwise)",
    )
    parser.add_argument(
        "--open",
        choices=OPEN_CHOICES,
        help="panels rendered open (default: as each testimonial's open key says)",
    )
    grouping = parser.add_mutually_exclusive_group()
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
    parser.add_argument(
        "--id-prefix", default="", metavar="PREFIX", help="put PREFIX before every id"
    )
    parser.add_argument(
        "--reserve-id",
        action="append",
        default=[],
        metavar="ID",
        help="an id the host page already uses (repeatable)",
    )
    parser.add_argument(
        "--dsfr-dist",
        type=Path,
        metavar="DIR",
        help="with --page and -o: copy the DSFR files the page needs from DIR (the npm "
        "package's dist folder) into a 'dsfr' folder beside OUTPUT and link them "
        "relatively, so the page works offline (default: link the pinned CDN release "
        "with integrity hashes)",
    )
    add_enhancements(
        parser,
        "in a fragment, for a page of yours that links their files; with --page, "
        "only with --dsfr-dist",
    )
    parser.set_defaults(handler=run, grouped=False)


def report_fallbacks(translation: Translation, console: Console) -> None:
    """Say on stderr how many strings of a page have no translation and stay in the
    source language, naming the catalogue; with ``--verbose``, list each."""
    from .i18n import report_pending  # noqa: PLC0415

    count = len(translation.fallbacks)
    if not count:
        return
    lang = ui.cli_language()
    message = ui.translations(lang).ngettext(
        "{catalogue}: {count} of {total} string has no translation: it is shown in "
        "{source}, marked with its language",
        "{catalogue}: {count} of {total} strings have no translation: they are shown in "
        "{source}, marked with their language",
        count,
    )
    catalogue = translation.translations.path if translation.translations else "-"
    console.info(
        message.format(
            catalogue=catalogue,
            count=ui.number(count, lang),
            total=ui.number(translation.total, lang),
            source=ui.language_name(translation.source_lang, lang),
        )
    )
    report_pending(translation.pending(), console.detail)


def report_interface(langs: Iterable[str], console: Console) -> None:
    """Say once per language of ``langs`` that has no UI catalogue that its pages
    show the library's own words in :data:`~dsfr_accordion.ui.FALLBACK_LANGUAGE`."""
    _ = ui.translations(ui.cli_language()).gettext
    for lang in dict.fromkeys(map(primary_language, langs)):
        if not ui.has_catalogue(lang):
            console.info(
                _(
                    "the library's own words (skip link, language menu, date line) have "
                    "no {lang!r} catalogue: the {lang!r} pages show them in {fallback}, "
                    "marked with their language"
                ).format(
                    lang=lang,
                    fallback=ui.language_name(ui.FALLBACK_LANGUAGE, ui.cli_language()),
                )
            )


def run(args: argparse.Namespace) -> None:
    """Load ``args.input``, render it, write it to ``args.output`` or standard output."""
    from ..assets import ASSETS_FOLDER, copy_dist  # noqa: PLC0415
    from ..output import check_outputs, is_written_through, write_text  # noqa: PLC0415
    from ..rendering import render, render_page  # noqa: PLC0415

    if args.dsfr_dist is not None and (
        not args.page or args.output is None or is_written_through(args.output)
    ):  # the DSFR files go beside a page file: not beside a device or a pipe
        raise DsfrAccordionError.of("dist-needs-page")
    check_outputs([args.input], [args.output])
    document = load_content(args, args.input)
    translation = None
    if args.lang and args.lang != document.lang:
        from ..i18n.catalogs import load_translations, translate  # noqa: PLC0415 - Babel

        catalogue = load_translations(document, args.lang, args.locales, max_bytes=args.max_bytes)
        translation = translate(document, catalogue)
        report_fallbacks(translation, args.console)
    options = {
        "lang": args.lang,
        "translations": translation,
        "heading_level": args.heading_level,
        "open": args.open,
        "grouped": args.grouped,
        "id_prefix": args.id_prefix,
        "reserved_ids": args.reserve_id,
        "faq_schema": args.faq_schema,
        **enhancement_options(args),
    }
    if args.page or any(testimonial.date for testimonial in document.testimonials):
        report_interface([args.lang or document.lang], args.console)
    if args.page:
        enhancements_without_files(args)
        dsfr_base = ASSETS_FOLDER if args.dsfr_dist is not None else None
        html = render_page(document, dsfr_base=dsfr_base, **options)
    else:
        html = render(document, **options)
    text = html if html.endswith("\n") else html + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return
    if args.dsfr_dist is not None:
        copy_dist(args.dsfr_dist, args.output.parent / ASSETS_FOLDER)
    write_text(args.output, text)
