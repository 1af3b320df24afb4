"""A legacy page read for import: html5lib's tree with positions (:mod:`..htmlsource`,
the reader ``check`` uses too), its parents and its parse errors; the words and
visible text the import and its preservation check count.

Nesting is bounded before parsing (html5lib's tree construction is quadratic
in the depth) and after it (the tree walks recurse).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from ..errors import ContentError
from ..htmlsource import ParseError, normalise, parse
from ..model import Location

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
    """The parsed page (:mod:`..htmlsource`, always as a whole page): ``root`` (an
    ElementTree ``html`` element), positions, parents and parse errors."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.text = normalise(text)
        scan = _DepthScan(path)
        scan.feed(self.text)
        scan.close()
        self._source = parse(self.text, fragment=False)
        self.root: Element = self._source.root
        for element in self.root.iter():
            # SVG and MathML keep a namespace: name them as written, like HTML elements.
            if isinstance(element.tag, str) and element.tag.startswith("{"):
                element.tag = element.tag.rpartition("}")[2]
        self.parents: dict[int, Element] = {
            id(child): parent for parent in self.root.iter() for child in parent
        }
        self._refuse_deep_nesting()
        self.errors: tuple[ParseError, ...] = tuple(self._source.parse_errors())

    def _refuse_deep_nesting(self) -> None:
        """Raise a :class:`ContentError` at the first element deeper than :data:`MAX_DEPTH`."""
        stack = [(self.root, 1)]
        while stack:
            element, depth = stack.pop()
            if depth > MAX_DEPTH:
                raise ContentError.of("too-deep", self.location(element), limit=MAX_DEPTH)
            stack.extend((child, depth + 1) for child in element)

    def location(self, element: Element) -> Location:
        """Where ``element`` starts in the source file."""
        return Location(self.path, *self._source.place(element))

    def error_location(self, error: ParseError) -> Location:
        """Where the parse error ``error`` is in the source file."""
        return Location(self.path, error.line, error.column)

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
