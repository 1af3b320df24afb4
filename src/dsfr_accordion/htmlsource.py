"""HTML with positions: html5lib's tree of a page or a fragment, each element with
the place of its start tag in the source, and its parse errors.

The one HTML reader with positions, for ``import`` (:mod:`.legacy.source`) and
``check`` (:mod:`.audit.static`): both read a file the same way
(:func:`normalise`), parse it as a browser does, and place what they report
with the same rules.

html5lib's trees keep no positions. The tree builder here records, as each
element is created, where the tokenizer stands (just after the start tag, for
an element written in the source) and finds the tag's ``<`` by searching back;
line and column are computed only for the elements a caller asks about.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
from html5lib.constants import E as PARSE_ERROR_TEXT

from .frontmatter import split_front_matter

_PAGE_START = re.compile(r"\A(?:\s|<!--.*?-->)*<(?:!doctype|html[\s>])", re.IGNORECASE | re.DOTALL)

#: html5lib 1.1 implements the HTML parsing rules of its time. These of its error
#: codes are no longer parse errors in today's HTML Living Standard (13.2.5,
#: "Tokenization", comment end state: "--" followed by another character, or by
#: a third "-", is appended to the comment), and the Nu validator is silent on them.
OBSOLETE_PARSE_ERRORS = frozenset(
    {"unexpected-char-in-comment", "unexpected-dash-after-double-dash-in-comment"}
)

#: "&" then letters and digits then ";": the one case of html5lib's
#: ``expected-named-entity`` that the standard still calls an error
#: ("unknown-named-character-reference", 13.2.5.73, ambiguous ampersand state).
#: Without the ";" (a URL's ``&text=``), the "&" is text, with no error.
_UNKNOWN_REFERENCE = re.compile(r"&[A-Za-z0-9]+;")

#: A parse error as html5lib gives it: its (line from 1, column from 0), code and data.
RawError = tuple[tuple[int, int], str, "dict[str, object] | None"]


def normalise(text: str) -> str:
    """``text`` as it is parsed: newlines normalised to ``\\n`` and a leading front
    matter block blanked out (its lines kept, so the file's lines stay the same)."""
    return split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))[1]


def is_page(text: str) -> bool:
    """Whether ``text`` is a whole page (it starts with a doctype or ``<html``), not a fragment."""
    return _PAGE_START.match(text) is not None


def classes(element: Element) -> list[str]:
    """The classes of ``element``."""
    return (element.get("class") or "").split()


@dataclass(frozen=True, slots=True)
class ParseError:
    """An html5lib parse error, placed: line and column (from 1), code, English text, data."""

    line: int
    column: int
    code: str
    message: str
    data: dict[str, object]


class Lines:
    """Offsets in a text <-> (line, column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def offset(self, line: int, column: int) -> int:
        """The offset of html5lib's (line from 1, column from 0)."""
        return self.starts[min(line, len(self.starts)) - 1] + column

    def place(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1, of ``offset``."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


@dataclass
class HtmlSource:
    """A parsed text: its tree, its parse errors and where each element starts."""

    lines: Lines
    root: Element
    page: bool
    errors: list[RawError]
    #: id(element) -> offset of its start tag in the text (for an element with no
    #: start tag of its own, implied or reconstructed: where the parser made it).
    offsets: dict[int, int] = field(default_factory=dict)
    #: ids of elements with no start tag of their own.
    synthetic: set[int] = field(default_factory=set)
    #: the start and end offsets of each element's start tag, for attribute places.
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: every element, kept alive so that no id in ``offsets`` is reused.
    elements: list[Element] = field(default_factory=list)

    def place(self, element: Element) -> tuple[int, int]:
        """(line, column), from 1, of ``element``'s start tag."""
        offset = self.offsets.get(id(element))
        return (1, 1) if offset is None else self.lines.place(offset)

    def parse_errors(self) -> list[ParseError]:
        """The parse errors of today's HTML standard, each placed at the start of the
        token at fault (html5lib gives the place after it: after a tag's ``>``, or
        its last character; a character reference starts at its ``&``). html5lib's
        errors the standard no longer has are left out (:data:`OBSOLETE_PARSE_ERRORS`,
        ``expected-named-entity`` but for ``&name;``)."""
        text = self.lines.text
        placed: list[ParseError] = []
        for (line, column), code, data in self.errors:
            if code in OBSOLETE_PARSE_ERRORS:
                continue
            try:
                message = PARSE_ERROR_TEXT.get(code, code) % (data or {})
            except (KeyError, TypeError, ValueError):
                message = code
            offset = self.lines.offset(line, column)
            if code.endswith("-entity") or code == "named-entity-without-semicolon":
                offset = max(text.rfind("&", 0, offset), 0)
                if code == "expected-named-entity" and not _UNKNOWN_REFERENCE.match(text, offset):
                    continue
            elif offset > 0 and text[offset - 1 : offset] == ">":
                offset = max(text.rfind("<", 0, offset - 1), 0)
            else:
                offset = max(offset - 1, 0)
            placed.append(ParseError(*self.lines.place(offset), code, message, dict(data or {})))
        return placed

    def attribute_place(self, element: Element, name: str) -> tuple[int, int]:
        """Where attribute ``name`` is written in ``element``'s start tag (else the tag)."""
        span = self.spans.get(id(element))
        if span is None:
            return self.place(element)
        start, end = span
        pattern = re.compile(r"[\s\"'/]" + re.escape(name.lower()) + r"\s*(?==|[\s/>])")
        match = pattern.search(self.lines.lowered, start, end)
        return self.lines.place(match.start() + 1) if match else self.place(element)


def parse(text: str, *, fragment: bool | None = None) -> HtmlSource:
    """Parse ``text`` (already :func:`normalise`\\ d) as a page, or as a fragment when
    ``fragment`` is true; by default, a page when it starts as one (:func:`is_page`)."""
    lines = Lines(text)
    page = is_page(text) if fragment is None else not fragment
    source = HtmlSource(lines, Element("root"), page, [])
    claimed: set[int] = set()
    base = html5lib.treebuilders.getTreeBuilder("etree")
    holder: list[html5lib.HTMLParser] = []

    # html5lib's own position() counts newlines over its whole 10 KB chunk at each
    # call; the offset is the chunk's place in the text (found once per chunk,
    # after the previous one) plus the offset within it.
    chunk_at: list[tuple[str, int]] = []

    def stream_offset(stream: Any) -> int:
        chunk = stream.chunk
        if not chunk_at or chunk_at[-1][0] is not chunk:
            previous, start = chunk_at[-1] if chunk_at else ("", 1)
            found = text.find(chunk, max(start + len(previous) - 1, 0))
            if found < 0:  # not a slice of the text: let html5lib count
                return lines.offset(*stream.position())
            chunk_at[:] = [(chunk, found)]
        return chunk_at[-1][1] + stream.chunkOffset

    class Located(base.elementClass):  # type: ignore[name-defined,misc]
        """An element that records where its start tag is, as html5lib creates it."""

        def __init__(self, name: str, namespace: str | None = None) -> None:
            super().__init__(name, namespace)
            end = stream_offset(holder[0].tokenizer.stream)
            start = _tag_start(lines.lowered, name.lower(), end)
            key = id(self._element)
            source.elements.append(self._element)
            if start is None or start in claimed:
                source.synthetic.add(key)
                source.offsets[key] = max(end - 1, 0)
            else:
                claimed.add(start)
                source.offsets[key] = start
                source.spans[key] = (start, end)

    class Builder(base):  # type: ignore[valid-type,misc]
        elementClass = Located

    parser = html5lib.HTMLParser(tree=Builder, namespaceHTMLElements=False)
    holder.append(parser)
    source.root = parser.parse(text) if page else parser.parseFragment(text)
    source.errors = list(parser.errors)
    return source


def _tag_start(lowered: str, name: str, end: int) -> int | None:
    """Offset of the ``<name`` start tag ending before ``end``, or ``None`` when implied."""
    needle = "<" + name
    position = lowered.rfind(needle, 0, end)
    while position >= 0:
        after = lowered[position + len(needle) : position + len(needle) + 1]
        if after in ("", ">", "/") or after.isspace():
            return position
        position = lowered.rfind(needle, 0, position)
    return None
