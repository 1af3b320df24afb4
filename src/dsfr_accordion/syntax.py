"""What is valid where: language tags, ids, URLs, event handlers and the values of
the render options, decided once.

The loaders, the legacy importer, the renderer and the static audit all ask these
questions of text they did not write; each question has its one answer here, so
that the same input gets the same verdict from every command
(``tests/test_consistency.py`` feeds the same table to all of them). What the
library *writes* is narrower still (the sanitizer's allowlist of link schemes,
:data:`~dsfr_accordion.sanitize.LINK_SCHEMES`): these are the facts it *reads* by.

This module depends on nothing but the standard library: the command line
declares its options from it without loading what renders or audits.
"""

from __future__ import annotations

import re

#: A language tag as this library accepts it (BCP 47's ``langtag``, as RGAA 8.3
#: and 8.7 expect): a primary language subtag of 2 or 3 letters (ISO 639), then
#: subtags of 1 to 8 letters or digits: ``fr``, ``en``, ``fr-CA``, ``zh-Hant-TW``.
#: Private-use (``x-klingon``) and grandfathered (``i-klingon``) tags are BCP 47
#: too, but name no language that CLDR or a screen reader knows: refused.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")

#: An id the DSFR JavaScript and CSS selectors take without escaping: an ASCII
#: letter, then ASCII letters, digits, ``-`` or ``_``.
SAFE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")

#: Attributes whose value is a URL a browser follows or loads.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "xlink:href"})

#: URL schemes that run a script when the URL is followed or loaded.
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript"})

#: Media types of a ``data:`` URL that make a document able to run scripts.
SCRIPT_MEDIA_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "image/svg+xml",
        "text/xml",
        "application/xml",
        "text/javascript",
        "application/javascript",
        "application/ecmascript",
        "text/ecmascript",
    }
)

#: Heading levels an accordion title may take (``render``'s ``heading_level``).
HEADING_LEVELS = range(2, 7)

#: Accepted values of ``render``'s ``open`` option.
OPEN_CHOICES: tuple[str, ...] = ("none", "first", "all")

# The WHATWG URL parser strips leading and trailing C0 controls and spaces, and
# removes ASCII tabs and newlines wherever they are: "java\nscript:" is javascript:.
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_AND_NEWLINES = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a language tag this library accepts (:data:`LANGUAGE_TAG`)."""
    return LANGUAGE_TAG.match(value) is not None


def primary_language(lang: str) -> str:
    """The primary language subtag of ``lang``, lower case: ``fr-CA`` → ``fr``."""
    return lang.split("-", maxsplit=1)[0].lower()


def is_safe_id(value: str) -> bool:
    """Whether ``value`` is an id of the :data:`SAFE_ID` form."""
    return SAFE_ID.match(value) is not None


#: ASCII white space as HTML defines it (tab, line feed, form feed, carriage return, space).
_HTML_SPACE = frozenset("\t\n\x0c\r ")


def is_valid_id(value: str) -> bool:
    """Whether ``value`` is a valid HTML id: at least one character, no ASCII white
    space (HTML, 3.2.6 "The id attribute"). Safe ids (:func:`is_safe_id`) are valid."""
    return bool(value) and _HTML_SPACE.isdisjoint(value)


def _as_browsers_read(url: str) -> str:
    return url.strip(_C0_AND_SPACE).translate(_TAB_AND_NEWLINES)


def _scheme_of(read: str) -> str | None:
    match = _SCHEME.match(read)
    return match[1].lower() if match else None


def url_scheme(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it, in lower case; ``None`` when
    ``url`` is relative (``page.html``, ``#id``, ``//host/x``).
    """
    return _scheme_of(_as_browsers_read(url))


def is_script_url(url: str) -> bool:
    """Whether following or loading ``url`` runs a script: a ``javascript:`` or
    ``vbscript:`` URL, or a ``data:`` URL of an HTML, SVG, XML or script media type.
    """
    read = _as_browsers_read(url)
    scheme = _scheme_of(read)
    if scheme in SCRIPT_SCHEMES:
        return True
    if scheme != "data":
        return False
    header = read[len("data:") :].split(",", 1)[0]
    return header.split(";", 1)[0].strip().lower() in SCRIPT_MEDIA_TYPES


def is_event_handler(attribute: str) -> bool:
    """Whether the attribute named ``attribute`` is an inline event handler (``onclick``…)."""
    return attribute.lower().startswith("on")
