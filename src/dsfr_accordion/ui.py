"""The library's own words (UI strings) and typography, by language.

Message ids are the English text, as gettext expects. Mark a string for the
catalogue where it is defined with :func:`N_` (tables of messages) and
translate it where it is shown with ``translations(lang).gettext(message)``
(``ngettext`` for counts). Templates use ``{{ _("…") }}`` through
``jinja2.ext.i18n``.

Errors, import findings and audit findings fill their templates with fields.
Which fields are translated is said by their type, never guessed: a
:class:`Msgid` (what :func:`N_` returns) or a :class:`Phrase` is the library's
own words and is translated when shown; any other value is data (a key a user
wrote, a file name, a quoted text) and is shown as it is (:func:`localized`).

The catalogues are ``locales/<lang>/LC_MESSAGES/dsfr_accordion.po`` in the
source tree (``tools/ui_catalogue.py`` extracts and updates them); wheels ship
them compiled as ``dsfr_accordion/locales/…/dsfr_accordion.mo``.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .model import ForeignText
from .quotation_marks import DEFAULT as DEFAULT_MARKS
from .quotation_marks import MARKS
from .syntax import primary_language

#: The gettext domain of the library's own words.
DOMAIN = "dsfr_accordion"

# The source tree's catalogues, used when the package is not installed from a wheel.
_SOURCE_LOCALES = Path(__file__).resolve().parent.parent.parent / "locales"
# The compiled catalogues inside the installed package. A path beside this file
# rather than importlib.resources, whose import costs a command line run more
# than reading the catalogue (docs/benchmarks.md); the package is never zipped.
_PACKAGE_LOCALES = Path(__file__).resolve().parent / "locales"

#: The space French typography puts inside « » and before ``;``, ``:``, ``!``
#: and ``?``: the narrow no-break space (U+202F), which keeps a mark on the line
#: of its word.
FRENCH_SPACE = "\u202f"


class Msgid(str):
    """A message id of the UI catalogue: a field of this type is translated when shown."""

    __slots__ = ()


def N_(message: str) -> Msgid:
    """Mark ``message`` for the UI catalogue without translating it (translate when shown)."""
    return Msgid(message)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A message id with fields of its own, for a field of another message.

    ``str()`` gives it in English.
    """

    msgid: str
    fields: Mapping[str, object] = field(default_factory=dict)

    def translate(self, gettext: Callable[[str], str]) -> str:
        """The phrase in the language of ``gettext``."""
        return gettext(self.msgid).format(**localized(self.fields, gettext))

    def __str__(self) -> str:
        return self.translate(str)


def localized(fields: Mapping[str, object], gettext: Callable[[str], str]) -> dict[str, object]:
    """``fields`` ready to fill a template in the language of ``gettext``: each
    :class:`Msgid` and :class:`Phrase` translated, every other value as it is.
    """
    return {
        name: value.translate(gettext)
        if isinstance(value, Phrase)
        else gettext(value)
        if isinstance(value, Msgid)
        else value
        for name, value in fields.items()
    }


def quote_marks(lang: str) -> tuple[str, str]:
    """The (opening, closing) quotation marks of the language tag ``lang``, as CLDR
    gives them for the most specific locale it has (``de-CH``, then ``de``; CLDR's
    root “ ” for a language it does not know), spacing included: French spaces
    them with :data:`FRENCH_SPACE`."""
    parts = _cldr_parts(lang)
    while parts and "-".join(parts) not in MARKS:
        parts.pop()
    opening, closing = MARKS["-".join(parts)] if parts else DEFAULT_MARKS
    if primary_language(lang) == "fr":
        return opening + FRENCH_SPACE, FRENCH_SPACE + closing
    return opening, closing


def _cldr_parts(lang: str) -> list[str]:
    """The subtags of ``lang`` as CLDR ids write them, the script CLDR's likely
    subtags give added (``zh-TW`` → ``zh-Hant-TW``: Taiwan writes Traditional
    Chinese, which has its own marks)."""
    parts = [_cldr_subtag(index, part) for index, part in enumerate(lang.split("-"))]
    if len(parts) != 2 or len(parts[1]) == 4:  # no region, or a script given: as written
        return parts
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - a regional tag only

    try:
        likely = Locale.parse(babel_locale(lang))
    except (UnknownLocaleError, ValueError):
        return parts
    if likely.script:
        parts.insert(1, likely.script)
    return parts


def _cldr_subtag(index: int, subtag: str) -> str:
    """A subtag of a language tag written as CLDR ids write it: ``zh-Hant-TW``."""
    if index == 0:
        return subtag.lower()
    if len(subtag) == 4 and subtag.isalpha():
        return subtag.title()
    return subtag.upper() if len(subtag) in (2, 3) else subtag.lower()


def babel_locale(lang: str) -> str:
    """The Babel (CLDR) locale identifier of the language tag ``lang``: ``fr-CA`` → ``fr_CA``."""
    return lang.replace("-", "_")


def language_name(lang: str, in_lang: str) -> str:
    """The name of the language ``lang`` written in ``in_lang`` ("French", "anglais"), from CLDR."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - only when a name is shown

    try:
        return Locale.parse(babel_locale(lang)).get_display_name(babel_locale(in_lang))
    except (UnknownLocaleError, ValueError):
        return lang


def number(value: int, lang: str) -> str:
    """``value`` as ``lang`` writes numbers ("1 418" in French, "1,418" in English), from
    CLDR: every count a report or a message shows."""
    from babel.numbers import format_decimal  # noqa: PLC0415 - only when a number is shown

    return format_decimal(value, locale=babel_locale(lang))


def cli_language() -> str:
    """The language of the command line's messages: ``fr`` or ``en``, from the
    gettext environment variables (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "fr" if primary_language(value.split(":")[0].replace("_", "-")) == "fr" else "en"
    return "en"


def _from_po(path: Path) -> _gettext.GNUTranslations:
    """Compile a source-tree ``.po`` in memory (Babel is only needed here)."""
    from .mofile import compile_po  # noqa: PLC0415 - Babel, in source checkouts only

    return _gettext.GNUTranslations(io.BytesIO(compile_po(path)))


#: The language of the words of a page whose language has no UI catalogue: the
#: pages are French government pages; those words are marked ``lang="fr"``.
FALLBACK_LANGUAGE = "fr"


def _catalogue_files(lang: str) -> tuple[Path, Path]:
    """The compiled and the source catalogue of the primary language of ``lang``."""
    relative = Path(primary_language(lang), "LC_MESSAGES", DOMAIN)
    return _PACKAGE_LOCALES / f"{relative}.mo", _SOURCE_LOCALES / f"{relative}.po"


@cache
def has_catalogue(lang: str) -> bool:
    """Whether the library's own words exist, every one of them, in the primary
    language of ``lang``: a catalogue still being translated does not count, so
    that no page mixes untranslated (English) words in without a ``lang``."""
    if not any(path.is_file() for path in _catalogue_files(lang)):
        return False
    primary = primary_language(lang)
    return primary == FALLBACK_LANGUAGE or _translated(FALLBACK_LANGUAGE) <= _translated(primary)


def _translated(lang: str) -> frozenset[object]:
    """The messages the ``lang`` catalogue translates. gettext has no public way to
    list them: its ``_catalog``, stable since Python 2, holds exactly those."""
    return frozenset(getattr(translations(lang), "_catalog", {}))


def interface_language(lang: str) -> str:
    """The language the library's own words are shown in on a ``lang`` page: its
    primary language, or :data:`FALLBACK_LANGUAGE` when that has no catalogue."""
    return primary_language(lang) if has_catalogue(lang) else FALLBACK_LANGUAGE


def interface_foreign(lang: str) -> bool:
    """Whether the library's own words on a ``lang`` page are in another language
    (:func:`interface_language`), which the page must then mark (RGAA 8.7)."""
    return interface_language(lang) != primary_language(lang)


def interface_text(message: str, lang: str) -> str:
    """``message``, one of the library's own words, for a ``lang`` page: in
    :func:`interface_language`, as a :class:`~dsfr_accordion.model.ForeignText`
    (which renderers mark with ``lang``) when that is not the page's language."""
    words = interface_language(lang)
    text = translations(words).gettext(message)
    return ForeignText(text, words) if interface_foreign(lang) else text


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The UI translations for ``lang`` (its primary subtag); no catalogue: the English ids
    (pages use :func:`interface_language` first; the command line knows fr and en)."""
    compiled, source = _catalogue_files(lang)
    # In a source checkout a .po edited after the last compile wins, so that
    # translators see their work at once.
    if source.is_file() and (
        not compiled.is_file() or source.stat().st_mtime > compiled.stat().st_mtime
    ):
        return _from_po(source)
    if compiled.is_file():
        with compiled.open("rb") as stream:
            return _gettext.GNUTranslations(stream)
    return _gettext.NullTranslations()
