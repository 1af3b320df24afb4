"""A legacy page parsed with html5lib, every element with its source line and column.

html5lib parses any HTML as a browser does (tolerant) and lists its parse
errors, but its trees keep no positions. The tree builder below records, for
each element it creates, where the tokenizer stands; for an element written in
the source that is just after its start tag, so the tag's ``<`` is found by
searching back. Front matter (Jekyll style, between ``---`` lines) is replaced
by blank lines before parsing, so that html5lib's lines are the file's lines.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

import html5lib
from html5lib.constants import E as PARSE_ERRORS
from html5lib.treebuilders import getTreeBuilder

from ..errors import ContentError
from ..model import Location


@dataclass(frozen=True, slots=True)
class ParseError:
    """An html5lib parse error: its code, its English text and its data."""

    location: Location
    code: str
    message: str
    data: dict[str, object]


#: Deepest nesting of elements the importer accepts: far beyond any real page,
#: and within Python's recursion limit for the tree walks that follow.
MAX_DEPTH = 200


#: Elements that never nest by their start tags alone: void elements, and those a
#: browser closes when the same or a sibling start tag comes (``<p>``, ``<li>``,
#: ``<a>``, table parts…). The scan before parsing leaves them out of its count.
_NOT_NESTING = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr", "html", "head", "body", "p", "li", "dt", "dd",
        "option", "optgroup", "select", "tr", "td", "th", "thead", "tbody", "tfoot",
        "colgroup", "caption", "rb", "rt", "rtc", "rp", "a", "button", "form", "nobr",
        "h1", "h2", "h3", "h4", "h5", "h6",
    }
)  # fmt: skip


#: The open elements the scan before parsing allows: far past :data:`MAX_DEPTH`,
#: because its count is an estimate, yet where html5lib's tree construction, whose
#: time grows with the square of the depth, still takes well under a second
#: (50,000 nested ``<div>`` took minutes).
SCAN_DEPTH = 10 * MAX_DEPTH


class _DepthScan(HTMLParser):
    """Counts open elements as a tokenizer reads them, in time linear in the text;
    raises :class:`ContentError` at the first start tag past :data:`SCAN_DEPTH`.

    An estimate: elements whose end tags are left out but that a browser closes
    by itself (an unclosed ``<span>`` in a ``<p>`` the next ``<p>`` closes) stay
    counted, hence a limit ten times the real one, which the tree walk checks
    exactly after parsing.
    """

    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=False)
        self.path = path
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NOT_NESTING:
            return
        self.depth += 1
        if self.depth > SCAN_DEPTH:
            line, column = self.getpos()
            where = Location(self.path, line, column + 1)
            raise ContentError.of("too-deep", where, limit=MAX_DEPTH)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _NOT_NESTING and self.depth:
            self.depth -= 1


class SourceTree:
    """The parsed page: ``root`` (an ElementTree ``html`` element), positions and parents."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
        self._lower = self.text.lower()
        self._positions: dict[int, tuple[int, int]] = {}
        scan = _DepthScan(path)
        scan.feed(self.text)
        scan.close()
        parser = html5lib.HTMLParser(tree=self._builder(), namespaceHTMLElements=False)
        self._parser = parser
        self.root: Element = parser.parse(self.text)
        for element in self.root.iter():
            # SVG and MathML keep a namespace: name them as written, like HTML elements.
            if isinstance(element.tag, str) and element.tag.startswith("{"):
                element.tag = element.tag.rpartition("}")[2]
        self.parents: dict[int, Element] = {
            id(child): parent for parent in self.root.iter() for child in parent
        }
        self._refuse_deep_nesting()
        self.errors = tuple(self._error(*error) for error in parser.errors)

    def _refuse_deep_nesting(self) -> None:
        """Raise a :class:`ContentError` at the first element deeper than :data:`MAX_DEPTH`."""
        stack = [(self.root, 1)]
        while stack:
            element, depth = stack.pop()
            if depth > MAX_DEPTH:
                raise ContentError.of("too-deep", self.location(element), limit=MAX_DEPTH)
            stack.extend((child, depth + 1) for child in element)

    def _builder(self) -> type:
        """An etree tree builder whose elements note where the tokenizer stands."""
        base = getTreeBuilder("etree")
        positions = self._positions
        tree = self

        class Element(base.elementClass):  # type: ignore[name-defined, misc]
            def __init__(self, name: str, namespace: str | None = None) -> None:
                super().__init__(name, namespace)
                positions[id(self._element)] = tree._tag_start(name)

        return type("PositionTreeBuilder", (base,), {"elementClass": Element})

    def _offset(self, line: int, column: int) -> int:
        return self._line_starts[min(line, len(self._line_starts)) - 1] + column

    def _line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _tag_start(self, name: str) -> tuple[int, int]:
        """Line and column (from 1) of the tag ``name`` the tokenizer has just read."""
        line, column = self._parser.tokenizer.stream.position()
        offset = self._offset(line, column)
        start = self._lower.rfind("<" + name, 0, offset)
        if start == -1 or ">" not in self.text[start:offset]:
            return line, column + 1  # an element the parser implied, not written
        return self._line_column(start)

    def _error(self, position: tuple[int, int], code: str, data: dict) -> ParseError:
        line, column = position
        name = data.get("name") or data.get("originalName")
        if name and "end-tag" in code:
            offset = self._offset(line, column)
            start = self._lower.rfind(f"</{name}", 0, offset)
            if start != -1:
                line, column = self._line_column(start)
                column -= 1
        message = PARSE_ERRORS.get(code, code) % data
        return ParseError(Location(self.path, line, column + 1), code, message, dict(data))

    def location(self, element: Element) -> Location:
        """Where ``element`` starts in the source file."""
        line, column = self._positions.get(id(element), (None, None))
        return Location(self.path, line, column)

    def parent(self, element: Element) -> Element | None:
        return self.parents.get(id(element))

    def ancestors(self, element: Element) -> Iterator[Element]:
        """The ancestors of ``element``, nearest first."""
        parent = self.parent(element)
        while parent is not None:
            yield parent
            parent = self.parent(parent)

    def body(self) -> Element:
        """The ``body`` element (html5lib always makes one)."""
        body = self.root.find("body")
        return body if body is not None else self.root


#: Elements removed with their content wherever they are: they never hold a toggle.
UNSAFE_ELEMENTS = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "select",
        "textarea",
        "noscript",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "link",
        "meta",
        "base",
    }
)


#: Elements that start a block of their own; unknown elements are read as inline.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "main",
        "nav",
        "address",
        "blockquote",
        "li",
        "dl",
        "dd",
        "details",
        "figure",
        "figcaption",
        "pre",
        "hr",
        "center",
        "fieldset",
        "hgroup",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
    }
    | {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary", "ul", "ol", "menu", "dir"}
)
#: A word, for the preservation check: a run of letters and digits.
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of ``text`` (runs of letters and digits), as the preservation check counts them."""
    return WORD.findall(text)


def classes(element: Element) -> list[str]:
    """The classes of ``element``."""
    return (element.get("class") or "").split()


def text_pieces(element: Element) -> Iterator[tuple[str, Element]]:
    """The visible text of ``element`` as a browser lays it out, piece by piece.

    Each piece comes with the element it is written in (for its location);
    blocks and line breaks are separated by a space, inline elements are not
    (``Géo<b>plateforme</b>`` is one word), and unsafe elements show nothing.
    """
    if element.text:
        yield element.text, element
    for child in element:
        if isinstance(child.tag, str) and child.tag not in UNSAFE_ELEMENTS:
            separate = child.tag in BLOCK_TAGS or child.tag == "br"
            if separate:
                yield " ", child
            yield from text_pieces(child)
            if separate:
                yield " ", child
        if child.tail:
            yield child.tail, child


def text_of(element: Element) -> str:
    """The visible text of ``element`` (see :func:`text_pieces`), white space collapsed."""
    return " ".join("".join(text for text, _ in text_pieces(element)).split())
