"""The library's own words (UI strings) and typography, by language.

Message ids are the English text, as gettext expects. Mark a string for the
catalogue where it is defined with :func:`N_` (tables of messages) and
translate it where it is shown with ``translations(lang).gettext(message)``
(``ngettext`` for counts). Templates use ``{{ _("…") }}`` through
``jinja2.ext.i18n``.
"""

from __future__ import annotations

import gettext as _gettext
import os

#: language -> message id -> translation. English uses the message ids.
TRANSLATIONS: dict[str, dict[str, str]] = {
    "fr": {
        "Quick access": "Accès rapide",
        "Content": "Contenu",
    },
}

#: Opening and closing quotation marks, spacing included, by primary language.
QUOTE_MARKS: dict[str, tuple[str, str]] = {
    "fr": ("«\u00a0", "\u00a0»"),
    "en": ("“", "”"),
}


def N_(message: str) -> str:
    """Mark ``message`` for the UI catalogue without translating it (translate when shown)."""
    return message


def _primary(lang: str) -> str:
    return lang.split("-", maxsplit=1)[0].lower()


def quote_marks(lang: str) -> tuple[str, str]:
    """The quotation marks of ``lang``: « » with no-break spaces in French, “ ” otherwise."""
    return QUOTE_MARKS.get(_primary(lang), QUOTE_MARKS["en"])


class _TableTranslations(_gettext.NullTranslations):
    """Translations from one table of :data:`TRANSLATIONS` (English plural rule)."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self._table = table

    def gettext(self, message: str) -> str:
        return self._table.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def language_name(lang: str, in_lang: str) -> str:
    """The name of the language ``lang`` written in ``in_lang`` ("French", "anglais"), from CLDR."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - only when a name is shown

    try:
        return Locale.parse(lang.replace("-", "_")).get_display_name(in_lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return lang


def cli_language() -> str:
    """The language of the command line's messages: ``fr`` or ``en``, from the
    gettext environment variables (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "fr" if _primary(value.split(":")[0].replace("_", "-")) == "fr" else "en"
    return "en"


def translations(lang: str) -> _gettext.NullTranslations:
    """The UI translations for ``lang`` (its primary subtag; English otherwise)."""
    return _TableTranslations(TRANSLATIONS.get(_primary(lang), {}))
