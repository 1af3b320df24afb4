"""The library's own words (UI strings) and typography, by language.

Message ids are the English text, as gettext expects; :data:`TRANSLATIONS`
gives the other languages. Templates call them through ``jinja2.ext.i18n``
(``{{ _("Content") }}``), so the strings are ready for the gettext catalogues
under ``locales/``.
"""

from __future__ import annotations

from collections.abc import Callable

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


def _primary(lang: str) -> str:
    return lang.split("-", maxsplit=1)[0].lower()


def quote_marks(lang: str) -> tuple[str, str]:
    """The quotation marks of ``lang``: « » with no-break spaces in French, “ ” otherwise."""
    return QUOTE_MARKS.get(_primary(lang), QUOTE_MARKS["en"])


def gettext_for(lang: str) -> Callable[[str], str]:
    """A ``gettext`` function for ``lang`` (its primary subtag; English otherwise)."""
    table = TRANSLATIONS.get(_primary(lang), {})

    def gettext(message: str) -> str:
        return table.get(message, message)

    return gettext
