"""The one reader and writer of ``.po`` bytes: the content catalogues and the
library's own (``tools/ui_catalogue.py``).

**Written as GNU ``msgcat`` writes them.** Translators' tools save catalogues
through GNU gettext's writer or its rules (``msgmerge``, ``msgcat``, Poedit,
Weblate wrap at 79 columns where Unicode line breaking allows). A file written
otherwise is rewrapped by each tool that saves it, and rewrapped back by the next
update: hundreds of lines of diff that say nothing. So :func:`catalog_bytes`
writes what ``msgcat`` writes for the same catalogue, byte for byte, and
``msgcat`` leaves the file as it is (``tests/test_pofiles.py`` checks it on
generated catalogues against the installed GNU tools). One writer in Python
rather than GNU's tools where installed: the same bytes on every machine,
with or without gettext, and no subprocess per file. The wrapping itself is in
:mod:`.powrap`; here is the order and form of an entry (``message_print`` in
gettext's ``write-po.c``):

- translator comments (``#``), extracted comments (``#.``), references (``#:``,
  wrapped at 79 columns), flags (``#,``: ``fuzzy`` when there is a translation,
  then the format flags in GNU's order and ``no-wrap``; GNU drops other flags);
- the previous msgid (``#|``) of a fuzzy entry, as ``msgmerge`` leaves it
  (it drops the block once the translation is confirmed);
- ``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr`` or ``msgstr[n]``;
- obsolete entries last, each line behind ``#~``, their previous msgid behind
  ``#~|``; an obsolete entry without a translation is left out, as GNU does
  (there is nothing in it to keep).

**Read through Babel**, with the previous msgid (``#|``, ``#~|``) read as one:
Babel reads ``#|`` lines as translator comments (which the next update wrote as
``# | msgid …``, forever) and refuses ``#~|``. The broken and the decayed forms
earlier versions wrote are read back too. Babel has no place for a previous
msgctxt: ``#| msgctxt`` is read and dropped.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterable, Iterator

from babel.core import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, unescape

from .powrap import PAGE_WIDTH, wrap

_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_PREVIOUS_PART = re.compile(r"(msgctxt|msgid_plural|msgid)\s*((?:" + _QUOTED.pattern + r"\s*)*)")
_OBSOLETE_PREVIOUS = re.compile(rb"^(\s*)#~\|", re.MULTILINE)

#: The format languages of GNU gettext 0.21, in the order it writes their flags.
_FORMATS = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)  # fmt: skip


def read_catalog(data: bytes, locale: Locale | str | None = None) -> Catalog:
    """The catalogue of the ``.po`` bytes ``data``, each previous msgid (``#|``, and
    ``#~|`` of an obsolete entry) read as one, not as a translator comment."""
    # "#~| msgid" lines become "#| msgid" ones, which Babel keeps as comments of the
    # entry that follows; the line numbers stay.
    data = _OBSOLETE_PREVIOUS.sub(rb"\1#|", data)
    catalog = read_po(io.BytesIO(data), locale=locale, abort_invalid=True)
    for message in (*catalog, *catalog.obsolete.values()):
        previous = [c for c in message.user_comments if c.startswith("|")]
        if not previous:
            continue
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        # The lines of a #| block, joined as the comment wrapper had split them
        # (at a space), give each keyword then its quoted strings.
        text = " ".join(c[1:].strip() for c in previous)
        parts = {
            keyword: "".join(unescape(q) for q in _QUOTED.findall(strings))
            for keyword, strings in _PREVIOUS_PART.findall(text)
        }
        ids = (parts.get("msgid", ""), parts.get("msgid_plural"))
        message.previous_id = ids if ids[1] is not None else ids[:1]
    return catalog


#: A header: its fields, (name, value), in the file's order.
Header = list[tuple[str, str]]

_HEADER_ENTRY = re.compile(
    rb'^msgid ""\r?\nmsgstr ((?:"(?:[^"\\\n]|\\.)*"[ \t]*\r?\n)+)', re.MULTILINE
)


def read_header(data: bytes) -> Header:
    """The header fields of the ``.po`` bytes ``data`` as written, unknown ones
    (``X-Generator``, ``X-Poedit-Basepath``…) and their order kept: Babel reads
    only those it knows and writes them in an order of its own."""
    match = _HEADER_ENTRY.search(data)
    if match is None:
        return []
    text = "".join(unescape(q) for q in _QUOTED.findall(match.group(1).decode("utf-8")))
    fields = []
    for line in text.split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip():
            fields.append((name.strip(), value.strip()))
    return fields


def with_field(header: Header, name: str, value: str) -> Header:
    """``header`` with the field ``name`` set to ``value``, in its place (at the end
    when it had none)."""
    if any(field == name for field, _ in header):
        return [(field, value if field == name else old) for field, old in header]
    return [*header, (name, value)]


def catalog_bytes(
    catalog: Catalog, *, sort_by_file: bool = False, header: Header | None = None
) -> bytes:
    """The ``.po`` bytes of ``catalog``, as ``msgcat`` writes them: the header, the
    messages (sorted by their places with ``sort_by_file``, else in order) and the
    obsolete ones that have a translation. ``header`` gives the header's fields
    (default: those Babel makes of ``catalog``)."""
    messages = [message for message in catalog if message.id]
    obsolete = list(catalog.obsolete.values())
    if sort_by_file:  # by the references as written, so that a file read back sorts the same
        messages.sort(key=lambda message: _places(message.locations))
        obsolete.sort(key=lambda message: _places(message.locations))
    entries = [_header(catalog, header)]
    entries += (_entry(catalog, message) for message in messages)
    entries += (_entry(catalog, message, obsolete=True) for message in obsolete)
    return "\n".join(entry for entry in entries if entry).encode("utf-8")


def _header(catalog: Catalog, header: Header | None) -> str:
    """The header entry: Babel's header comment (as GNU rewrites comment lines) and
    the fields of ``header``, or Babel's."""
    lines = []
    for line in catalog.header_comment.splitlines():
        text = line.removeprefix("#")
        lines += _comment("#", text.removeprefix(" "))
    if catalog.fuzzy:
        lines.append("#, fuzzy")
    if header is None:
        # As Babel joins them: its last field (Generated-By) ends with the final newline.
        fields = "\n".join(f"{name}: {value}" for name, value in catalog.mime_headers)
    else:
        fields = "".join(f"{name}: {value}\n" for name, value in header)
    lines += wrap("msgid", "")
    lines += wrap("msgstr", fields)
    return "".join(f"{line}\n" for line in lines)


def _entry(catalog: Catalog, message: Message, *, obsolete: bool = False) -> str:
    """The lines of one message; nothing for an obsolete one without translation."""
    strings = _strings(catalog, message)
    if obsolete and not strings[0]:
        return ""
    # GNU writes "fuzzy" only on a translation (it means "check this translation").
    fuzzy = message.fuzzy and bool(strings[0])
    flags = _flags(message.flags, fuzzy=fuzzy)
    lines = [line for comment in message.user_comments for line in _comment("#", comment)]
    lines += (line for comment in message.auto_comments for line in _comment("#.", comment))
    lines += _references(message.locations)
    if flags:
        lines.append("#, " + ", ".join(flags))
    prefix = "#~ " if obsolete else ""
    if fuzzy and message.previous_id:
        previous = "#~| " if obsolete else "#| "
        for keyword, text in zip(("msgid", "msgid_plural"), message.previous_id, strict=False):
            lines += wrap(keyword, text, prefix=previous, flags=flags)
    if message.context is not None:
        lines += wrap("msgctxt", message.context, prefix=prefix, flags=flags)
    if isinstance(message.id, (list, tuple)):
        lines += wrap("msgid", message.id[0], prefix=prefix, flags=flags)
        lines += wrap("msgid_plural", message.id[1], prefix=prefix, flags=flags)
        for index, string in enumerate(strings):
            lines += wrap(f"msgstr[{index}]", string, prefix=prefix, flags=flags)
    else:
        lines += wrap("msgid", message.id, prefix=prefix, flags=flags)
        lines += wrap("msgstr", strings[0], prefix=prefix, flags=flags)
    return "".join(f"{line}\n" for line in lines)


def _strings(catalog: Catalog, message: Message) -> list[str]:
    """The msgstr of ``message``, or its ``catalog.num_plurals`` forms (as Babel
    writes them: missing ones empty)."""
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    strings = [string or "" for string in strings]
    if not isinstance(message.id, (list, tuple)):
        return strings[:1]
    return (strings + [""] * catalog.num_plurals)[: catalog.num_plurals]


def _comment(marker: str, text: str) -> Iterator[str]:
    """A comment as GNU writes it: one line per line of ``text``, the marker then a
    space unless the line is empty. A line that ends with a backslash gets a space
    after it: GNU's reader joins a line that ends with one to the next (Babel's
    reader drops the space)."""
    for line in text.split("\n"):
        yield (f"{marker} {line}" if line else marker) + " " * line.endswith("\\")


def _references(locations: Iterable[tuple[str, int | None]]) -> list[str]:
    """The ``#:`` lines: each place once, in Babel's order (by file, then line),
    as many on a line as fit in 79 columns."""
    references = dict.fromkeys(
        filename + (f":{lineno}" if lineno else "") for filename, lineno in _places(locations)
    )
    lines: list[str] = []
    line, column = "#:", 2
    for reference in references:
        size = len(reference.encode("utf-8")) + 1
        if column > 2 and column + size > PAGE_WIDTH:
            lines.append(line)
            line, column = "#:", 2
        line += " " + reference
        column += size
    if references:
        lines.append(line)
    return lines


def _places(locations: Iterable[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """The places of a message as its references say them, in Babel's order (by
    file, then line)."""
    places = [(_without_dot_slash(name.replace(os.sep, "/")), line) for name, line in locations]
    with contextlib.suppress(TypeError):  # a line that is not a number: keep the order given
        places.sort(key=lambda place: (place[0], place[1] or -1))
    return places


def _without_dot_slash(filename: str) -> str:
    """``filename`` without the leading ``./`` GNU leaves out of a reference."""
    while filename.startswith("./"):
        filename = filename[2:]
    return filename


def _flags(flags: Iterable[str], *, fuzzy: bool) -> list[str]:
    """The flags GNU keeps, in its order: ``fuzzy``, the format flags (``possible-``
    read as certain), ``no-wrap``."""
    given = {flag.removeprefix("possible-") for flag in flags}
    kept = ["fuzzy"] if fuzzy else []
    for language in _FORMATS:
        for flag in (f"{language}-format", f"no-{language}-format"):
            if flag in given:
                kept.append(flag)
                break
    if "no-wrap" in given:
        kept.append("no-wrap")
    return kept
