"""Extract the library's own words into locales/ and keep the catalogues in step.

    python tools/ui_catalogue.py           re-extract, update locales/<lang>/…/dsfr_accordion.po
                                           of every language under locales/
    python tools/ui_catalogue.py --add de  start the catalogue of a new language (then translate)
    python tools/ui_catalogue.py --check   exit 1 when the .pot or a .po is stale (make test)
    python tools/ui_catalogue.py --compile write the .mo files into src/dsfr_accordion/locales/
                                           (git-ignored; what a wheel ships, for source checkouts)

Strings are marked in Python with ``N_``/``_``/``gettext``/``ngettext`` and in
templates with ``{{ _("…") }}``. Extraction is deterministic (sorted by file;
every header kept as the file has it), so a stale catalogue shows as a difference. What is
compared is the catalogue's content, never how or when it was written: the
header fields that stamp the writing tool and dates may differ from one Babel
release to the next without the catalogue being stale (a new Babel alone never
fails ``make test``), and a file that differs only so is not rewritten. The
files are written by ``i18n/pofiles.py`` as GNU ``msgcat`` writes them.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Hashable
from pathlib import Path

from babel.core import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

from dsfr_accordion.i18n.catalogs import (
    catalogue_header,
    header_of,
    merged_header,
    retire,
    revive,
    template_header,
)
from dsfr_accordion.i18n.pofiles import (
    Header,
    catalog_bytes,
    read_catalog,
    read_header,
)
from dsfr_accordion.mofile import compile_po
from dsfr_accordion.ui import babel_locale

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
DOMAIN = "dsfr_accordion"
SOURCE_LANG = "en"
METHODS = [
    ("**/templates/**.j2", "jinja2"),
    ("**.py", "python"),
]
OPTIONS = {"**/templates/**.j2": {"extensions": "jinja2.ext.do,jinja2.ext.i18n"}}


#: The template's header comment: Babel's default has placeholders (PROJECT) that it
#: fills with the year it runs in.
HEADER_COMMENT = """\
# The words of dsfr-accordion itself (pages, command line, reports): the template
# of locales/<lang>/LC_MESSAGES/dsfr_accordion.po (docs/translators.md).
#"""


def template() -> Catalog:
    """The catalogue template of every marked string under src/."""
    catalog = Catalog(domain=DOMAIN, header_comment=HEADER_COMMENT, charset="utf-8", fuzzy=False)
    source = ROOT / "src"
    for filename, lineno, message, comments, context in extract_from_dir(
        source, METHODS, OPTIONS, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        catalog.add(
            message,
            locations=[(f"src/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def dump(catalog: Catalog, header: Header) -> bytes:
    return catalog_bytes(catalog, sort_by_file=True, header=header)


def pot_header() -> Header:
    """The template's header: the committed one, or a new one."""
    return template_header("dsfr-accordion", header_of(LOCALES / f"{DOMAIN}.pot") or [])


#: Header fields that say when and with what a catalogue was written, not what it says.
STAMPS = frozenset({"Generated-By", "POT-Creation-Date", "PO-Revision-Date"})


def content(data: bytes) -> Hashable:
    """What the catalogue file ``data`` says: every message with its comments,
    flags and places, in no particular order (the writer's sort is formatting),
    and the header but for :data:`STAMPS`.
    """
    catalog = read_catalog(data)
    header = tuple(
        sorted(
            (k, v.lower() if k == "Content-Type" else v)
            for k, v in read_header(data)
            if k not in STAMPS
        )
    )
    entries = [(False, m) for m in catalog] + [(True, m) for m in catalog.obsolete.values()]
    messages = sorted(
        (
            obsolete,
            message.context or "",
            str(message.id),
            message.context,
            message.id,
            message.string,
            tuple(sorted(message.flags)),
            tuple(message.auto_comments),
            tuple(message.user_comments),
            tuple(message.locations),
            message.previous_id,
        )
        for obsolete, message in entries
        if message.id  # the header, compared above
    )
    return header, tuple(messages)


def shown(path: Path) -> Path:
    """``path`` as messages show it: relative to the repository when inside it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def languages() -> list[str]:
    """The languages that have a catalogue under :data:`LOCALES`."""
    return sorted(po.parent.parent.name for po in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def add(lang: str) -> Path:
    """Start the ``lang`` catalogue: every message untranslated; refuses a language
    that has one, one CLDR does not know, and a regional tag (``pt-BR``): pages use
    the catalogue of their primary language (``ui.translations``)."""
    if not lang.isalpha() or not lang.islower():
        raise SystemExit(f"{lang!r}: give a primary language subtag, such as 'de' or 'pt'")
    path = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        raise SystemExit(f"{shown(path)} exists already")
    try:
        locale = Locale.parse(babel_locale(lang))
    except (UnknownLocaleError, ValueError):
        raise SystemExit(f"{lang!r} is not a language CLDR knows") from None
    catalog = Catalog(
        locale=locale,
        domain=DOMAIN,
        header_comment=f"# {locale.english_name} translations of dsfr-accordion's own words.\n#",
        charset="utf-8",
        fuzzy=False,
    )
    path.parent.mkdir(parents=True)
    path.write_bytes(dump(catalog, catalogue_header(lang, pot_header())))
    return path


def updated(lang: str, fresh: Catalog, pot: Header) -> bytes:
    """The ``lang`` catalogue updated to ``fresh``, the template whose header is
    ``pot``; English, the source language, translates each message to its own id.
    """
    path = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    data = path.read_bytes()
    catalog = read_catalog(data, locale=babel_locale(lang))
    # update() adopts the template's message objects: give each language its own copy.
    fresh = copy.deepcopy(fresh)
    revive(catalog, fresh)
    # No fuzzy guesses: Babel's pick of a similar string often has other placeholders,
    # which msgfmt -c refuses; an untranslated entry is the honest state.
    catalog.update(fresh, no_fuzzy_matching=True)
    retire(catalog)
    if lang == SOURCE_LANG:
        for message in catalog:
            if message.id:
                message.string = message.id
                message.flags.discard("fuzzy")
        catalog.obsolete.clear()
    return dump(catalog, merged_header(read_header(data), lang, pot, "dsfr-accordion"))


def compile_catalogues() -> None:
    """Compile each language's .po into the package, as the wheel build does."""
    for lang in languages():
        source = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        target = ROOT / "src" / "dsfr_accordion" / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compile_po(source))


def main(check: bool) -> int:
    fresh = template()
    pot = pot_header()
    wanted = {LOCALES / f"{DOMAIN}.pot": dump(fresh, pot)}
    for lang in languages():
        wanted[LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"] = updated(lang, fresh, pot)
    stale = [
        path
        for path, data in wanted.items()
        if not path.exists() or content(path.read_bytes()) != content(data)
    ]
    if check:
        for path in stale:
            print(
                f"{shown(path)}: stale; run python tools/ui_catalogue.py",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for path in stale:
        path.write_bytes(wanted[path])
        print(f"updated {shown(path)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments == ["--compile"]:
        compile_catalogues()
        raise SystemExit(0)
    if len(arguments) == 2 and arguments[0] == "--add":
        print(f"started {shown(add(arguments[1]))}", file=sys.stderr)
        raise SystemExit(main(check=False))
    if arguments not in ([], ["--check"]):
        raise SystemExit(__doc__)
    raise SystemExit(main(check=arguments == ["--check"]))
