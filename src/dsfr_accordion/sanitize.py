"""The one sanitizer: every piece of rich text and every URL goes through here.

The allowlist is deliberately small: what a testimonial answer needs inside a
paragraph or a list item. Block structure (paragraphs, lists, quotes) is never
taken from the content as HTML: the renderer builds it from the model.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from markupsafe import Markup

#: Inline elements allowed in rich text, with their allowed attributes.
INLINE_ALLOWLIST: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title", "hreflang", "lang"}),
    "br": frozenset(),
    "code": frozenset(),
    "em": frozenset(),
    "span": frozenset({"lang"}),
    "strong": frozenset(),
}

#: URL schemes allowed in links; relative URLs and ``#fragments`` are allowed too.
LINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})

#: URL schemes allowed where a source is cited (``cite``, attribution links).
SOURCE_SCHEMES: frozenset[str] = frozenset({"http", "https"})

#: Elements whose content is dropped with them, not kept as text.
DROPPED_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "template", "textarea", "title", "iframe", "object", "noscript"}
)


# Code points HTML forbids or browsers mangle: C0 controls but tab and line
# breaks, DEL and C1 controls, lone surrogates (not encodable) and noncharacters
# (U+FDD0 to U+FDEF, and the last two code points of each of the 17 planes).
_INVALID_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)


def clean_text(text: str) -> str:
    """``text`` without the code points an HTML page may not hold (see :data:`_INVALID_CHARS`)."""
    # Every code point of _INVALID_CHARS is unprintable for Python (categories Cc,
    # Cs, Cn), and isprintable() is several times faster than the expression.
    if text.isprintable():
        return text
    return _INVALID_CHARS.sub("", text)


_CLEANER = nh3.Cleaner(
    tags=set(INLINE_ALLOWLIST),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(attrs) for tag, attrs in INLINE_ALLOWLIST.items()},
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def _plain_as_html(text: str) -> str:
    """What :data:`_CLEANER` makes of ``text`` when it holds no ``<`` and no ``&``:
    a byte order mark at the start dropped and line breaks normalised as an HTML
    parser does, ``>`` and the no-break space escaped as its serializer does.
    ``tests/test_properties.py`` checks the two agree.
    """
    return (
        text.removeprefix("\ufeff")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace(">", "&gt;")
        .replace("\xa0", "&nbsp;")
    )


@lru_cache(maxsize=65536)
def clean_inline(html: str) -> Markup:
    """Return ``html`` reduced to :data:`INLINE_ALLOWLIST`, as safe markup.

    Disallowed elements are removed (keeping their text, except for
    :data:`DROPPED_WITH_CONTENT`); event handlers, ``style`` and every attribute
    not listed are dropped; links keep only :data:`LINK_SCHEMES` URLs. The
    result is deterministic for a given input. Cached: documents repeat text.
    """
    text = clean_text(html)
    # Most paragraphs hold no markup and no entity: nothing for the HTML parser
    # to do, and skipping it is most of a cold render's sanitizing time
    # (docs/benchmarks.md).
    if "<" not in text and "&" not in text:
        return Markup(_plain_as_html(text))
    return Markup(_CLEANER.clean(text))


class Sanitized(str):
    """Inline HTML that :func:`clean_inline` produced: the loaders store rich text as
    this, so the renderer need not clean it twice. Only this module makes them;
    any other string, a hand-built or translated one, is cleaned when rendered.
    """

    __slots__ = ()


def sanitized(html: str) -> Sanitized:
    """``html`` cleaned (:func:`clean_inline`) and marked as such."""
    return Sanitized(clean_inline(html))


def safe_inline(value: str) -> str:
    """``value`` as safe inline HTML: as it is when :class:`Sanitized`, else cleaned.

    A plain ``str`` (wrap it in ``Markup`` to give it to a template): a page holds
    thousands of these, and a ``Markup`` would copy each of them.
    """
    if type(value) is Sanitized:
        return value
    return clean_inline(str(value))


def source_url(url: str | None) -> str | None:
    """Return ``url`` if it is an absolute http(s) URL with a host, else ``None``."""
    if not url:
        return None
    candidate = url.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in SOURCE_SCHEMES or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 0x20 for ch in candidate):
        return None
    return candidate
