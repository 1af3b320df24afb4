"""Content catalogues: ``.pot`` and ``.po`` files for the testimonials, through Babel.

Layout (the default): a ``locales/`` folder beside the content file, the
domain is the content file's name without its extension::

    examples/temoignages-cloud.yaml
    examples/locales/temoignages-cloud.pot
    examples/locales/en/LC_MESSAGES/temoignages-cloud.po
    examples/locales/en/LC_MESSAGES/temoignages-cloud.mo   (i18n compile)

Update never loses a translator's work: a changed source string keeps its
translation as fuzzy with the previous msgid, a removed one becomes obsolete,
and an obsolete one whose source string comes back is revived.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError

from ..errors import DsfrAccordionError
from ..inputs import MAX_BYTES, read_bytes
from ..model import Document, ForeignText, Location
from ..mofile import mo_bytes
from ..output import write_bytes
from ..syntax import is_language_tag
from ..ui import babel_locale
from . import invariants, posyntax
from .pofiles import Header, catalog_bytes, read_catalog, read_header, with_field
from .units import Unit, extract, rebuild

#: Folder beside a content file that holds its catalogues.
LOCALES_FOLDER = "locales"

_CHARSET = re.compile(r"charset\s*=\s*([\w.:-]+)", re.IGNORECASE)

#: The header of a template (``.pot``) as ``xgettext`` leaves the fields a
#: translator fills: placeholders, until ``msginit`` or a tool makes a catalogue.
_TEMPLATE_FIELDS: Header = [
    ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
    ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
    ("Language-Team", "LANGUAGE <LL@li.org>"),
    ("Language", ""),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
]


def stamp() -> str:
    """The date a new catalogue is created with, as a header writes it: the time
    ``SOURCE_DATE_EPOCH`` gives (the reproducible-builds convention) when it is
    set, else now. Raises :class:`DsfrAccordionError` for a value that is no time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")
    try:
        when = datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        raise DsfrAccordionError.of("bad-source-date-epoch", value=epoch) from None
    return when.strftime("%Y-%m-%d %H:%M+0000")


def template_header(domain: str, existing: Header) -> Header:
    """The header of ``domain``'s template: ``existing`` (the file's, kept as it
    is: its creation date, and what a site builder wrote in it such as
    ``Report-Msgid-Bugs-To``), or a new one."""
    if existing:
        return existing
    return [
        ("Project-Id-Version", domain),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", stamp()),
        *_TEMPLATE_FIELDS,
    ]


def merged_header(existing: Header, lang: str, template: Header | None, domain: str) -> Header:
    """The header of an updated ``lang`` catalogue: ``existing``, as a translator's
    tool left it, with the creation date of the template (``.pot``) when that has
    one, as ``msgmerge`` does; a catalogue without a header gets a new one
    (:func:`catalogue_header`) from the template, or from a new template of
    ``domain``."""
    if not existing:
        return catalogue_header(lang, template or template_header(domain, []))
    created = dict(template or []).get("POT-Creation-Date")
    return with_field(existing, "POT-Creation-Date", created) if created else existing


def catalogue_header(lang: str, template: Header) -> Header:
    """The header of a new ``lang`` catalogue made from a template's, as ``msginit``
    makes it: the language and its team named from CLDR, its plural forms, the
    template's creation date as the first revision, no translator yet."""
    locale = _locale(lang)
    fields = dict(template)
    created = fields.get("POT-Creation-Date") or stamp()
    return [
        ("Project-Id-Version", fields.get("Project-Id-Version", "")),
        ("Report-Msgid-Bugs-To", fields.get("Report-Msgid-Bugs-To", "")),
        ("POT-Creation-Date", created),
        ("PO-Revision-Date", created),
        ("Last-Translator", ""),
        ("Language-Team", locale.english_name or lang),
        ("Language", lang),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", Catalog(locale=locale).plural_forms),
    ]


_HEADER = """\
# Translations of {domain}: testimonials rendered by dsfr-accordion.
# Edit the msgstr lines with Poedit, Weblate or a text editor; keep the
# markup (<em>, <strong>, <a href>) and the links of each msgid.
#"""


@dataclass(frozen=True, slots=True)
class Stats:
    """How complete a catalogue is."""

    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def complete(self) -> bool:
        """Every current message translated and none fuzzy."""
        return self.fuzzy == 0 and self.untranslated == 0


def domain_of(content: str | os.PathLike[str]) -> str:
    """The catalogue domain of a content file: its name without extension."""
    return Path(content).stem


def locales_dir(content: str | os.PathLike[str], locales: str | os.PathLike[str] | None) -> Path:
    """``locales``, or the ``locales/`` folder beside ``content``."""
    return Path(locales) if locales is not None else Path(content).parent / LOCALES_FOLDER


def po_path(
    content: str | os.PathLike[str], lang: str, locales: str | os.PathLike[str] | None = None
) -> Path:
    """Where the ``lang`` catalogue of ``content`` lives."""
    return locales_dir(content, locales) / lang / "LC_MESSAGES" / f"{domain_of(content)}.po"


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(babel_locale(lang))
    except (UnknownLocaleError, ValueError):
        raise DsfrAccordionError.of("unknown-language", value=lang) from None


def template(document: Document, content: str | os.PathLike[str]) -> Catalog:
    """The catalogue template (``.pot``) of ``document``, loaded from ``content``."""
    domain = domain_of(content)
    catalog = Catalog(
        domain=domain,
        header_comment=_HEADER.format(domain=domain),
        project=domain,
        version="1",
        charset="utf-8",
        fuzzy=False,
    )
    name = Path(content).name
    for unit in extract(document):
        catalog.add(
            unit.text,
            locations=[(name, unit.line)] if unit.line else (),
            auto_comments=[unit.comment],
            context=unit.context,
        )
    return catalog


def _write(path: Path, catalog: Catalog, header: Header, previous: bytes | None) -> None:
    """Write ``catalog`` with ``header`` to ``path`` (atomically), unless it would be
    ``previous``, the bytes read from it: an update that changes nothing writes
    nothing."""
    data = catalog_bytes(catalog, header=header)
    if data != previous:
        write_bytes(path, data)


def _checked(path: Path, max_bytes: int) -> tuple[bytes, posyntax.Checked]:
    """The bytes of the catalogue at ``path`` and their check; raises
    :class:`DsfrAccordionError` at the line of a syntax error, or of a header that
    declares another charset than UTF-8 (which this library reads and writes)."""
    data = read_bytes(path, max_bytes=max_bytes)
    checked = posyntax.check(data, str(path))
    charset = _CHARSET.search(dict(read_header(data)).get("Content-Type", ""))
    if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8", "charset"):
        line = checked.text.count("\n", 0, checked.text.find("Content-Type")) + 1
        raise DsfrAccordionError.of(
            "po-charset", Location(str(path), line), charset=charset.group(1)
        )
    return data, checked


def _existing(path: Path, max_bytes: int) -> bytes | None:
    """The checked bytes of the catalogue at ``path``; ``None`` when there is no file."""
    return _checked(path, max_bytes)[0] if path.exists() else None


def header_of(path: Path, max_bytes: int = MAX_BYTES) -> Header | None:
    """The header fields of the catalogue at ``path``; ``None`` when there is no file."""
    data = _existing(path, max_bytes)
    return None if data is None else read_header(data)


def write_template(document: Document, content: str | os.PathLike[str], output: Path) -> Path:
    """Write the ``.pot`` of ``document`` to ``output`` (atomically), keeping the
    header of the template already there."""
    catalog = template(document, content)
    previous = _existing(output, MAX_BYTES)
    header = read_header(previous) if previous is not None else []
    _write(output, catalog, template_header(catalog.domain or "", header), previous)
    return output


def read(path: Path, lang: str | None = None, *, max_bytes: int = MAX_BYTES) -> Catalog:
    """Read the ``.po`` at ``path`` (at most ``max_bytes`` of it, as content files); a
    syntax error names its line. The ``lineno`` of each current message is the line
    of its msgstr, where a translator looks when told about the message."""
    return _read(path, lang, max_bytes)[0]


def _read(path: Path, lang: str | None, max_bytes: int) -> tuple[Catalog, bytes]:
    """:func:`read`, and the bytes read."""
    data, checked = _checked(path, max_bytes)
    lines = checked.msgstr_lines
    try:
        catalog = read_catalog(data, locale=lang and _locale(lang))
    except PoFileError as error:  # what Babel refuses beyond the syntax: msgcat's conflicts
        raise DsfrAccordionError.of(
            "po-syntax",
            Location(str(path), error.lineno + 1, 1),
            problem=str(error).removesuffix(f" on {error.lineno}"),
        ) from None
    for message in _current(catalog):
        message.lineno = lines.get((message.context or "", str(message.id)), message.lineno)
    return catalog, data


def revive(catalog: Catalog, fresh: Catalog) -> None:
    """Bring back obsolete messages whose source string is in ``fresh`` again."""
    for key, message in list(catalog.obsolete.items()):
        if fresh.get(message.id, context=message.context) is not None:
            del catalog.obsolete[key]
            catalog[message.id] = message


def rekey(catalog: Catalog, fresh: Catalog) -> None:
    """Give each text of ``fresh`` that ``catalog`` lacks under its context the
    translation ``catalog`` holds for the same text under a context ``fresh`` no
    longer has (an entry in use elsewhere is never taken).

    Catalogues written before 0.1.0 keyed texts by their place (``geo/1/answer/p2``);
    a text can also move to another testimonial or role. Either way the
    translation follows the text, its flags and comments with it, as the
    translator left it: nobody loses work to a change of key. A text's
    translation from the same testimonial is preferred, then a confirmed one.
    """
    # Each spare translation, by its text, with its key among the obsolete entries.
    spare: dict[str, list[tuple[Message, object]]] = {}
    for message in _current(catalog):
        if fresh.get(message.id, context=message.context) is None and message.string:
            spare.setdefault(str(message.id), []).append((message, None))
    for key, message in catalog.obsolete.items():
        if fresh.get(message.id, context=message.context) is None and message.string:
            spare.setdefault(str(message.id), []).append((message, key))
    obsolete = {(str(m.id), m.context) for m in catalog.obsolete.values()}
    for wanted in _current(fresh):
        text = str(wanted.id)
        if (
            not spare.get(text)
            or catalog.get(wanted.id, context=wanted.context) is not None
            or (text, wanted.context) in obsolete
        ):
            continue
        candidates = spare[text]
        best = min(
            range(len(candidates)),
            key=lambda index: (
                _testimonial(candidates[index][0]) != _testimonial(wanted),
                candidates[index][0].fuzzy,
            ),
        )
        message, obsolete_key = candidates.pop(best)
        if obsolete_key is None:
            catalog.delete(message.id, context=message.context)
        else:
            del catalog.obsolete[obsolete_key]
        message.context = wanted.context
        catalog[message.id] = message
    # Left: what the content no longer uses, obsolete from now on; but an entry
    # that says what a used one of its testimonial says (two places of one text
    # were two entries before 0.1.0) would only clutter the file.
    used = {
        (_testimonial(message), str(message.id), str(message.string))
        for message in _current(catalog)
        if not message.fuzzy and fresh.get(message.id, context=message.context) is not None
    }
    for candidates in spare.values():
        for message, obsolete_key in candidates:
            said = (_testimonial(message), str(message.id), str(message.string))
            if obsolete_key is None and not message.fuzzy and said in used:
                catalog.delete(message.id, context=message.context)


def _testimonial(message: Message) -> str:
    """The content key of the testimonial a message belongs to (its context's head)."""
    return (message.context or "").partition("/")[0]


def update(
    document: Document,
    content: str | os.PathLike[str],
    lang: str,
    locales: str | os.PathLike[str] | None = None,
    *,
    max_bytes: int = MAX_BYTES,
) -> Path:
    """Create or update the ``lang`` catalogue of ``document``; return its path.

    Changed source strings keep their translation as fuzzy (with the previous
    msgid), removed ones become obsolete, returning ones are revived, moved ones
    keep theirs (:func:`rekey`). The file's header is kept as a translator's tool
    left it, but for ``POT-Creation-Date``, the template's (``.pot``) when there is
    one; a new catalogue gets :func:`catalogue_header`. A file that would not
    change is not written.
    """
    fresh = template(document, content)
    path = po_path(content, lang, locales)
    previous: bytes | None = None
    if path.exists():
        catalog, previous = _read(path, lang, max_bytes)
        header = read_header(previous)
        rekey(catalog, fresh)
        revive(catalog, fresh)
        original = _originals(catalog)
        catalog.update(fresh)
        _keep_originals(catalog, original)
        retire(catalog)
    else:
        catalog = Catalog(
            locale=_locale(lang),
            domain=fresh.domain,
            header_comment=fresh.header_comment,
            charset="utf-8",
            fuzzy=False,
        )
        catalog.update(fresh)
        header = []
    pot = header_of(locales_dir(content, locales) / f"{domain_of(content)}.pot", max_bytes)
    _write(path, catalog, merged_header(header, lang, pot, domain_of(content)), previous)
    return path


def retire(catalog: Catalog) -> None:
    """Give the obsolete entries of ``catalog`` the form ``msgmerge`` gives them:
    the translator's comments, flags and previous msgid kept; the places and the
    comments for translators, which described the code or content they left, gone."""
    for message in catalog.obsolete.values():
        message.locations = []
        message.auto_comments = []


def _originals(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """The previous msgid of each fuzzy entry, by its msgid: the text its
    translation was made from."""
    return {
        str(message.id): tuple(message.previous_id)
        for message in catalog
        if message.id and message.fuzzy and message.previous_id
    }


def _keep_originals(catalog: Catalog, original: dict[str, tuple[str, ...]]) -> None:
    """Give each fuzzy entry the previous msgid ``msgmerge`` keeps: the text its
    translation was made from. Babel's update drops it from an entry that stays
    fuzzy, and writes the intermediate text when a fuzzy entry changes again."""
    for message in catalog:
        if message.id and message.fuzzy:
            key = message.previous_id[0] if message.previous_id else str(message.id)
            if key in original:
                message.previous_id = list(original[key])


def _current(catalog: Catalog) -> Iterable[Message]:
    return (message for message in catalog if message.id)


class State(StrEnum):
    """Where the translation of one string stands."""

    TRANSLATED = "translated"
    FUZZY = "fuzzy"  #: a translation, to be checked: not shown
    UNTRANSLATED = "untranslated"  #: no translation (a fuzzy mark on none says nothing)


def state(message: Message | None) -> State:
    """The state of ``message`` (``None``: a string the catalogue lacks)."""
    if message is None or not message.string:
        return State.UNTRANSLATED
    return State.FUZZY if message.fuzzy else State.TRANSLATED


def stats(catalog: Catalog, fresh: Catalog) -> Stats:
    """Count the messages of ``catalog`` against ``fresh``, the template of the content
    as it is now: each string of the content is translated, fuzzy or untranslated (a
    string the catalogue lacks is untranslated); an entry of the catalogue that the
    content no longer has counts as obsolete, whether ``update`` has marked it so yet
    or not, never as translated.
    """
    counts = Counter(state(catalog.get(m.id, context=m.context)) for m in _current(fresh))
    stray = sum(
        fresh.get(message.id, context=message.context) is None for message in _current(catalog)
    )
    return Stats(
        counts[State.TRANSLATED],
        counts[State.FUZZY],
        counts[State.UNTRANSLATED],
        len(catalog.obsolete) + stray,
    )


@dataclass(frozen=True, slots=True)
class Pending:
    """A string of the content that its catalogue does not translate yet, or not
    for sure (``fuzzy``): where a translator goes to translate it (its msgstr in
    the ``.po``, or its place in the content when the ``.po`` lacks it yet), its
    msgctxt and its text."""

    location: Location
    context: str
    text: str
    fuzzy: bool

    @classmethod
    def at(
        cls, po: Location | None, content: Location, context: str, text: str, fuzzy: bool
    ) -> Pending:
        """The pending string, at ``po`` (its msgstr) when the catalogue has an entry
        for it, else at ``content`` (its place in the content)."""
        return cls(po if po is not None else content, context, text, fuzzy and po is not None)


def pending(
    catalog: Catalog, fresh: Catalog, path: Path, content: str | os.PathLike[str]
) -> list[Pending]:
    """The strings of ``fresh`` (the template of ``content`` as it is now) that
    ``catalog``, read from ``path``, leaves untranslated or fuzzy, in content order."""
    found = []
    for wanted in _current(fresh):
        message = catalog.get(wanted.id, context=wanted.context)
        if state(message) is State.TRANSLATED:
            continue
        line = wanted.locations[0][1] if wanted.locations else None
        found.append(
            Pending.at(
                Location(str(path), message.lineno) if message is not None else None,
                Location(os.fspath(content), line),
                wanted.context or "",
                str(wanted.id),
                state(message) is State.FUZZY,
            )
        )
    return found


def check_markup(catalog: Catalog, path: Path) -> None:
    """Refuse the first translation that does not keep its source's markup, naming its line."""
    for message in _current(catalog):
        if message.fuzzy or not message.string:
            continue
        found = invariants.problem(str(message.id), str(message.string))
        if found:
            raise DsfrAccordionError.of(
                "bad-translation",
                Location(str(path), message.lineno),
                context=message.context or "",
                problem=found,
            )


def compile_catalog(path: Path, lang: str, *, max_bytes: int = MAX_BYTES) -> Path:
    """Check the ``.po`` at ``path`` and write its ``.mo`` beside it (atomically)."""
    catalog = read(path, lang, max_bytes=max_bytes)
    check_markup(catalog, path)
    target = path.with_suffix(".mo")
    write_bytes(target, mo_bytes(catalog))
    return target


@dataclass(frozen=True, slots=True)
class ContentTranslations:
    """The usable translations of one ``.po``: (msgctxt, msgid) → msgstr.

    Fuzzy and empty translations are left out: their units fall back to the
    source language. ``lines`` gives the msgstr line of every entry of the file,
    ``fuzzy`` the entries marked so: where the file says what it lacks.
    """

    lang: str
    path: Path
    strings: dict[tuple[str, str], str]
    lines: dict[tuple[str, str], int] = field(default_factory=dict)
    fuzzy: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def read(cls, path: Path, lang: str, *, max_bytes: int = MAX_BYTES) -> ContentTranslations:
        """Read and check the catalogue at ``path`` (see :func:`check_markup`)."""
        catalog = read(path, lang, max_bytes=max_bytes)
        check_markup(catalog, path)
        strings = {
            (message.context or "", str(message.id)): str(message.string)
            for message in _current(catalog)
            if state(message) is State.TRANSLATED
        }
        lines = {
            (message.context or "", str(message.id)): message.lineno
            for message in _current(catalog)
        }
        fuzzy = frozenset(
            (message.context or "", str(message.id))
            for message in _current(catalog)
            if state(message) is State.FUZZY
        )
        return cls(lang, path, strings, lines, fuzzy)


def load_translations(
    document: Document,
    lang: str,
    locales: str | os.PathLike[str] | None = None,
    *,
    max_bytes: int = MAX_BYTES,
) -> ContentTranslations:
    """The ``lang`` catalogue of the content file ``document`` was loaded from (at
    most ``max_bytes`` long)."""
    if not is_language_tag(lang):
        raise DsfrAccordionError.of("unknown-language", value=lang)
    if document.location is None:
        raise DsfrAccordionError.of("catalogue-of-built-document", lang=lang)
    path = po_path(document.location.path, lang, locales)
    if not path.is_file():
        raise DsfrAccordionError.of(
            "no-catalogue", Location(str(path)), lang=lang, content=document.location.path
        )
    return ContentTranslations.read(path, lang, max_bytes=max_bytes)


@dataclass(frozen=True, slots=True)
class Translation:
    """A translated document, the units left in the source language, and the
    catalogue it was translated with."""

    document: Document
    fallbacks: tuple[Unit, ...]
    total: int
    source_lang: str
    translations: ContentTranslations | None = None

    def pending(self) -> list[Pending]:
        """Each fallback where a translator fixes it: its msgstr in the catalogue,
        or its place in the content when the catalogue lacks it."""
        source = self.document.location.path if self.document.location else "<document>"
        catalogue = self.translations
        found = []
        for unit in self.fallbacks:
            key = (unit.context, unit.text)
            line = catalogue.lines.get(key) if catalogue is not None else None
            found.append(
                Pending.at(
                    Location(str(catalogue.path), line) if catalogue and line else None,
                    Location(source, unit.line),
                    unit.context,
                    unit.text,
                    catalogue is not None and key in catalogue.fuzzy,
                )
            )
        return found


def translate(document: Document, translations: ContentTranslations) -> Translation:
    """``document`` in ``translations.lang``; untranslated units stay in the source
    language as :class:`~dsfr_accordion.model.ForeignText`, which the renderer marks.
    """
    fallbacks: list[Unit] = []
    total = 0

    def visit(unit: Unit) -> str:
        nonlocal total
        total += 1
        found = translations.strings.get((unit.context, unit.text))
        if found is not None:
            return found
        fallbacks.append(unit)
        return ForeignText(unit.text, document.lang)

    translated = rebuild(document, visit, translations.lang)
    return Translation(translated, tuple(fallbacks), total, document.lang, translations)
