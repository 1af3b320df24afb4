"""``i18n``: content catalogues for translators (extract, update, compile, stats)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import ui
from ..errors import DsfrAccordionError
from .console import printable
from .options import add_max_size, load_content

if TYPE_CHECKING:
    from ..i18n.catalogs import Pending

EXIT_INCOMPLETE = 1


def register(parser: argparse.ArgumentParser) -> None:
    """Declare the ``i18n`` command and its actions on its ``parser``."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    def content_parser(name: str, help_text: str) -> argparse.ArgumentParser:
        action = actions.add_parser(name, help=help_text, description=help_text)
        action.add_argument("content", nargs="+", metavar="CONTENT", help="content files")
        add_max_size(action)
        action.add_argument(
            "--locales",
            type=Path,
            metavar="DIR",
            help="catalogue folder (default: locales/ beside each content file)",
        )
        return action

    extract = content_parser("extract", "write the catalogue template (.pot) of content files")
    extract.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="DOMAIN.pot",
        help="template to write (one content file only; default: LOCALES/<name>.pot)",
    )
    extract.set_defaults(handler=_extract)

    for name, help_text, handler in (
        ("update", "create or update one .po per language (never loses a translation)", _update),
        ("compile", "check the .po files and write their .mo", _compile),
        ("stats", "count translated, fuzzy, untranslated and obsolete strings", _stats),
    ):
        action = content_parser(name, help_text)
        action.add_argument(
            "--langs",
            metavar="LANGS",
            help="comma-separated languages, such as en (default: the languages that "
            "already have a folder in the catalogue folder)",
        )
        if name == "stats":
            action.add_argument(
                "--check",
                action="store_true",
                help="exit with status 1 when a catalogue is incomplete (fuzzy or untranslated)",
            )
        action.set_defaults(handler=handler)


def _languages(args: argparse.Namespace, content: str, source_lang: str) -> list[str]:
    from ..i18n import catalogs  # noqa: PLC0415 - Babel loads for this command only

    if args.langs:
        return [lang.strip() for lang in args.langs.split(",") if lang.strip()]
    folder = catalogs.locales_dir(content, args.locales)
    found = sorted(
        entry.name
        for entry in folder.glob("*")
        if entry.is_dir()
        and entry.name != source_lang
        and (entry / "LC_MESSAGES" / f"{catalogs.domain_of(content)}.po").is_file()
    )
    if not found:
        raise DsfrAccordionError.of("which-languages", content=content)
    return found


def _extract(args: argparse.Namespace) -> None:
    from ..i18n import catalogs  # noqa: PLC0415 - Babel loads for this command only
    from ..output import check_outputs  # noqa: PLC0415

    if args.output is not None and len(args.content) > 1:
        raise DsfrAccordionError.of("one-content-with-output")
    check_outputs(args.content, [args.output])
    for content in args.content:
        output = args.output or catalogs.locales_dir(content, args.locales) / (
            f"{catalogs.domain_of(content)}.pot"
        )
        catalogs.write_template(load_content(args, content), content, output)
        args.console.info(output)


def _update(args: argparse.Namespace) -> None:
    from ..i18n import catalogs  # noqa: PLC0415 - Babel loads for this command only

    for content in args.content:
        document = load_content(args, content)
        for lang in _languages(args, content, document.lang):
            path = catalogs.update(document, content, lang, args.locales, max_bytes=args.max_bytes)
            args.console.info(path)


def _compile(args: argparse.Namespace) -> None:
    from ..i18n import catalogs  # noqa: PLC0415 - Babel loads for this command only

    for content in args.content:
        for lang in _languages(args, content, load_content(args, content).lang):
            path = catalogs.po_path(content, lang, args.locales)
            args.console.info(catalogs.compile_catalog(path, lang, max_bytes=args.max_bytes))


#: How long a pending text is shown, in characters, before "…".
_SHOWN = 60


def report_pending(found: Iterable[Pending], say: Callable[[str], None]) -> None:
    """``say`` one line per pending string: ``place: state: msgctxt: text``, the
    text cut at :data:`_SHOWN` characters."""
    _ = ui.translations(ui.cli_language()).gettext
    for entry in found:
        text = entry.text if len(entry.text) <= _SHOWN else entry.text[: _SHOWN - 1] + "…"
        line = (
            _("{place}: fuzzy: {key}: {text}")
            if entry.fuzzy
            else _("{place}: untranslated: {key}: {text}")
        )
        say(line.format(place=entry.location, key=entry.context, text=text))


def _stats(args: argparse.Namespace) -> int:
    from ..i18n import catalogs  # noqa: PLC0415 - Babel loads for this command only

    _ = ui.translations(ui.cli_language()).gettext
    incomplete = False
    for content in args.content:
        document = load_content(args, content)
        fresh = catalogs.template(document, content)
        for lang in _languages(args, content, document.lang):
            path = catalogs.po_path(content, lang, args.locales)
            catalog = catalogs.read(path, lang, max_bytes=args.max_bytes)
            counts = catalogs.stats(catalog, fresh)
            incomplete |= not counts.complete
            numbers = {
                name: ui.number(getattr(counts, name), ui.cli_language())
                for name in ("translated", "fuzzy", "untranslated", "obsolete")
            }
            line = _(
                "{path}: {translated} translated, {fuzzy} fuzzy, {untranslated} "
                "untranslated, {obsolete} obsolete"
            ).format(path=path, **numbers)
            print(printable(line))
            report_pending(catalogs.pending(catalog, fresh, path, content), args.console.detail)
    return EXIT_INCOMPLETE if args.check and incomplete else 0
