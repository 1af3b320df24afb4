"""Reading and writing ``.po`` bytes through Babel, with the previous msgid (``#|``)
as GNU gettext writes and reads it: the one reader and writer of the content
catalogues and of the library's own (``tools/ui_catalogue.py``).

Babel 2.17 to 2.19 write a long previous msgid through their comment wrapper,
which cuts its quoted strings across lines: ``msgfmt -c`` then fails with
"end-of-line within string". And they read ``#|`` lines back as translator
comments, so the next update wrote them as ``# | msgid …``, forever. Here the
``#|`` block is written as ``msgmerge`` writes it (one quoted string per line,
each line prefixed), only for fuzzy entries (``msgmerge`` drops it once a
translation is confirmed), and read back as the previous msgid, including the
broken and the decayed forms earlier versions wrote.
"""

from __future__ import annotations

import io
import re

from babel.core import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import normalize, read_po, unescape, write_po

#: The width the catalogues are wrapped at (GNU gettext's default is 79; 76 is
#: what this project has always written).
WIDTH = 76

_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_SENTINEL = "dsfr-accordion previous msgid {}"
#: How Babel writes a sentinel previous msgid: short, so on one line.
_SENTINEL_LINE = re.compile(r'#\| msgid "' + re.escape(_SENTINEL).replace(r"\{\}", r"\d+") + '"\n')


def read_catalog(data: bytes, locale: Locale | str | None = None) -> Catalog:
    """The catalogue of the ``.po`` bytes ``data``, each previous msgid (``#|``) read
    as one, not as a translator comment."""
    catalog = read_po(io.BytesIO(data), locale=locale, abort_invalid=True)
    for message in (*catalog, *catalog.obsolete.values()):
        previous = [c for c in message.user_comments if c.startswith("|")]
        if not previous:
            continue
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        # The lines of a #| block, joined as the comment wrapper had split them
        # (at a space), give "msgid" then its quoted strings, and maybe
        # "msgid_plural" then its own.
        text = " ".join(c[1:].strip() for c in previous)
        singular, _, plural = text.partition("msgid_plural")
        ids = tuple(
            "".join(unescape(q) for q in _QUOTED.findall(part)) for part in (singular, plural)
        )
        message.previous_id = ids if plural else ids[:1]
    return catalog


def catalog_bytes(catalog: Catalog, **options: bool) -> bytes:
    """The ``.po`` bytes of ``catalog`` (Babel's writer, ``options`` passed on), with
    the previous msgid of each fuzzy entry written as ``msgmerge`` writes it."""
    blocks: dict[str, str] = {}
    saved = []
    for number, message in enumerate(catalog):
        if not message.previous_id:
            continue
        saved.append((message, message.previous_id))
        if message.fuzzy:
            marker = _SENTINEL.format(number)
            blocks[f'#| msgid "{marker}"\n'] = _previous_block(message.previous_id)
            message.previous_id = (marker,)
        else:
            message.previous_id = ()
    buffer = io.BytesIO()
    try:
        write_po(buffer, catalog, width=WIDTH, include_previous=True, **options)
    finally:
        for message, previous in saved:
            message.previous_id = previous
    text = buffer.getvalue().decode("utf-8")
    if blocks:
        text = _SENTINEL_LINE.sub(lambda match: blocks[match.group()], text)
    return text.encode("utf-8")


def _previous_block(previous: tuple[str, ...]) -> str:
    """``#| msgid …`` (and ``#| msgid_plural …``) as ``msgmerge`` writes them: the
    strings wrapped as a msgid is, to the width left by the ``#| `` prefix."""
    block = []
    for keyword, text in zip(("msgid", "msgid_plural"), previous, strict=False):
        # Babel's normalize() counts a prefix once per word: wrap without it.
        first, *rest = normalize(text, width=WIDTH - len("#| ")).split("\n")
        block += [f"#| {keyword} {first}\n", *(f"#| {line}\n" for line in rest)]
    return "".join(block)
