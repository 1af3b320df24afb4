"""A legacy panel's HTML as questions and answers of the content model.

The panel is read as a stream of *units* (questions and blocks) in source
order: a question is a ``<p>`` holding only ``<strong>``/``<b>``, a heading, a
``<dt>``, a ``<summary>`` or the toggle of a nested accordion; everything else
is paragraphs, lists and block quotes, whatever ``div`` elements wrap them. Blocks
before the first question are the intro, the blocks after a question its
answer. Then each answer is normalised (:func:`_normalise_answer`).

Inline content keeps emphasis, strong, code, links and line breaks. Each block
goes through the one sanitizer and then through the one Markdown parser, via
the Markdown the YAML writer writes: an imported block is exactly what loading
its Markdown gives, so imports write back to YAML without a difference, and
bare URLs become links the way they do in content files.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from xml.etree.ElementTree import Element

from ..dump import inline_markdown
from ..model import Block, Item, ListBlock, Location, Paragraph, Quote
from ..richtext import Source, blocks_from_markdown
from ..sanitize import LINK_SCHEMES, clean_inline
from ..syntax import url_scheme
from .findings import ImportFinding, excerpt, import_finding
from .patterns import Accordion
from .source import BLOCK_TAGS, UNSAFE_ELEMENTS, SourceTree, text_of, words

#: Legacy inline elements -> the allowlisted element they become (others keep only their text).
INLINE_TAGS = {
    "em": "em",
    "i": "em",
    "cite": "em",
    "var": "em",
    "dfn": "em",
    "strong": "strong",
    "b": "strong",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
    "a": "a",
    "br": "br",
}
QUESTION_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary"})
LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
#: Block elements the content format has no equivalent for: reported, text kept.
UNSUPPORTED_BLOCKS = frozenset({"table", "figure", "pre", "address", "fieldset"})

#: Elements whose content is not imported (each is reported where it is found).
_LEFT_OUT = UNSAFE_ELEMENTS | {"img"}

#: Opening quotation mark -> closing mark of a quotation typed into the text.
QUOTATION_MARKS = {'"': '"', "“": "”", "«": "»", "„": "“"}

# HTML white space: no-break spaces are text, not layout.
_SPACES = re.compile(r"[ \t\n\r\f]+")


@dataclass(slots=True)
class Span:
    """An inline element: ``tag`` is a value of :data:`INLINE_TAGS`."""

    tag: str
    children: list[Inline] = field(default_factory=list)
    href: str | None = None


Inline = str | Span


@dataclass(slots=True)
class Para:
    """A paragraph to be: its inline content and where it starts."""

    inlines: list[Inline]
    location: Location


@dataclass(slots=True)
class Bullets:
    """A list to be: the inline content of each item."""

    items: list[list[Inline]]
    ordered: bool
    start: int
    location: Location


@dataclass(slots=True)
class Quoted:
    """A quote to be: a ``<blockquote>``, or an answer typed as a quotation."""

    blocks: list[Para | Bullets]
    location: Location


@dataclass(slots=True)
class Question:
    """A question: its plain text."""

    text: str
    location: Location


#: What a panel of a legacy page is read into, before it becomes blocks and items.
PanelPiece = Para | Bullets | Quoted | Question


def _safe_href(href: str | None) -> str | None:
    """``href`` if its scheme may be linked (relative URLs too), else ``None``."""
    if href is None:
        return None
    scheme = url_scheme(href)
    return href.strip() if scheme is None or scheme in LINK_SCHEMES else None


class PanelReader:
    """Reads panels of one page; nested accordions become questions and answers."""

    def __init__(self, tree: SourceTree, nested: set[int]) -> None:
        self.tree = tree
        #: ``id()`` of the toggles of nested accordions: they are questions.
        self.nested = nested
        self.findings: list[ImportFinding] = []

    # Inline content -------------------------------------------------------

    def inline(self, element: Element) -> list[Inline]:
        """The inline content of ``element``'s children (its own tag is the caller's)."""
        out: list[Inline] = [element.text] if element.text else []
        for child in element:
            if isinstance(child.tag, str) and child.tag not in _LEFT_OUT:
                # A block inside inline content (a div in a link) is a line of its own.
                block = child.tag in BLOCK_TAGS
                out += [Span("br")] * block + self.inline_element(child) + [Span("br")] * block
            if child.tail:
                out.append(child.tail)
        return out

    def inline_element(self, element: Element) -> list[Inline]:
        """``element`` as inline content: an allowlisted element, or its content alone."""
        tag = INLINE_TAGS.get(element.tag)
        if tag == "br":
            return [Span("br")]
        if tag == "a":
            href = _safe_href(element.get("href"))
            if href is None:
                return self.inline(element)
            return [Span("a", self.inline(element), href)]
        if tag is None:
            return self.inline(element)
        return [Span(tag, self.inline(element))]

    # Blocks ------------------------------------------------------------------

    def units(self, element: Element, skip: Element | None = None) -> list[PanelPiece]:
        """The units of ``element``'s content (``skip``: a child left out, a summary)."""
        units: list[PanelPiece] = []
        run: list[Inline] = []
        # Where the inline run being gathered starts: the element its first text is in.
        where = self.tree.location(element)

        def add(inlines: list[Inline], source: Element) -> None:
            nonlocal where
            if not _has_text(run):
                where = self.tree.location(source)
            run.extend(inlines)

        def flush() -> None:
            if _has_text(run):
                units.extend(Para(part, where) for part in _split_paragraphs(run))
            run.clear()

        if element.text:
            add([element.text], element)
        for child in element:
            if child is skip or not isinstance(child.tag, str) or child.tag in _LEFT_OUT:
                pass  # left out: comments, unsafe elements (reported), images (reported)
            elif id(child) in self.nested or child.tag in BLOCK_TAGS:
                flush()
                units.extend(self.block(child))
            else:
                add(self.inline_element(child), child)
            if child.tail:
                add([child.tail], child)
        flush()
        return units

    def block(self, element: Element) -> list[PanelPiece]:
        where = self.tree.location(element)
        tag = element.tag
        if id(element) in self.nested or tag in QUESTION_TAGS:
            text = text_of(element)
            return [Question(text, where)] if text else []
        if tag == "p":
            if _is_question(element):
                return [Question(text_of(element), where)]
            inlines = self.inline(element)
            return [Para(part, where) for part in _split_paragraphs(inlines)]
        if tag in LIST_TAGS:
            return self.list(element)
        if tag == "blockquote":
            inner = [
                Para([Span("strong", [u.text])], u.location) if isinstance(u, Question) else u
                for u in self.units(element)
            ]
            flat = [b for u in inner for b in (u.blocks if isinstance(u, Quoted) else [u])]
            return [Quoted(flat, where)] if flat else []
        if tag == "hr":
            return []
        if tag in UNSUPPORTED_BLOCKS:
            self.findings.append(import_finding("unsupported-element", where, {"tag": tag}))
        if tag == "pre":
            lines = "".join(element.itertext()).strip("\n").split("\n")
            inlines: list[Inline] = []
            for line in lines:
                inlines += [*([Span("br")] if inlines else []), line]
            return [Para(inlines, where)] if _has_text(inlines) else []
        return self.units(element)

    def list(self, element: Element) -> list[PanelPiece]:
        """A list; paragraphs and other blocks put inside it are taken out, in order."""
        where = self.tree.location(element)
        units: list[PanelPiece] = []
        items: list[list[Inline]] = []
        paragraphs = 0
        ordered = element.tag == "ol"
        start = int(element.get("start")) if (element.get("start") or "").isdigit() else 1

        def flush() -> None:
            nonlocal start
            if items:
                units.append(Bullets(list(items), ordered, start, where))
                start += len(items)
            items.clear()

        if element.text and element.text.strip():
            units.append(Para([element.text], where))
        for child in element:
            if isinstance(child.tag, str) and child.tag == "li":
                items.extend(self.list_item(child))
            elif isinstance(child.tag, str) and child.tag not in _LEFT_OUT:
                flush()
                paragraphs += child.tag == "p"
                units.extend(self.block(child) if child.tag in BLOCK_TAGS else self.loose(child))
            if child.tail and child.tail.strip():
                flush()
                units.append(Para([child.tail], self.tree.location(child)))
        flush()
        if paragraphs:
            self.findings.append(
                import_finding(
                    "paragraph-in-list", where, {"tag": element.tag, "count": paragraphs}
                )
            )
        return units

    def loose(self, element: Element) -> list[PanelPiece]:
        """Inline content put directly in a list, as a paragraph."""
        inlines = self.inline_element(element)
        return [Para(inlines, self.tree.location(element))] if _has_text(inlines) else []

    def list_item(self, element: Element) -> list[list[Inline]]:
        """A ``<li>`` as items, in order: its text, the items of a list nested in it, the rest."""
        items: list[list[Inline]] = []
        item: list[Inline] = [element.text] if element.text else []
        for child in element:
            if not isinstance(child.tag, str) or child.tag in _LEFT_OUT:
                pass
            elif child.tag in LIST_TAGS:
                self.findings.append(
                    import_finding("nested-list", self.tree.location(child), {"tag": child.tag})
                )
                items.append(item)
                for unit in self.list(child):
                    if isinstance(unit, Bullets):
                        items.extend(unit.items)
                    elif isinstance(unit, Para):
                        items.append(unit.inlines)
                item = []
            else:
                block = child.tag in BLOCK_TAGS
                item += [Span("br")] * block + self.inline_element(child) + [Span("br")] * block
            if child.tail:
                item.append(child.tail)
        return [found for found in [*items, item] if _has_text(found)]


def _has_text(inlines: list[Inline]) -> bool:
    return any(
        (piece.strip() if isinstance(piece, str) else _has_text(piece.children))
        for piece in inlines
    )


def _split_paragraphs(inlines: list[Inline]) -> list[list[Inline]]:
    """Split at two line breaks or more in a row (a legacy paragraph separator)."""
    parts: list[list[Inline]] = [[]]
    breaks = 0
    for piece in inlines:
        if isinstance(piece, Span) and piece.tag == "br":
            breaks += 1
            continue
        if isinstance(piece, str) and not piece.strip() and breaks:
            continue
        if breaks >= 2:
            parts.append([])
        elif breaks == 1:
            parts[-1].append(Span("br"))
        breaks = 0
        parts[-1].append(piece)
    return [part for part in parts if _has_text(part)]


def _is_question(paragraph: Element) -> bool:
    """A ``<p>`` holding only one ``<strong>`` or ``<b>`` (and white space)."""
    children = [c for c in paragraph if isinstance(c.tag, str)]
    loose = (paragraph.text or "").strip() or any((c.tail or "").strip() for c in children)
    return (
        len(children) == 1
        and children[0].tag in ("strong", "b")
        and not loose
        and bool(text_of(children[0]))
    )


def _to_html(inlines: list[Inline]) -> str:
    """Inline HTML of ``inlines``, white space collapsed as a browser shows it."""
    out: list[str] = []
    for piece in inlines:
        if isinstance(piece, str):
            out.append(html.escape(piece, quote=False))
        elif piece.tag == "br":
            out.append("<br>")
        elif piece.tag == "a":
            out.append(f'<a href="{html.escape(piece.href or "")}">{_to_html(piece.children)}</a>')
        else:
            out.append(f"<{piece.tag}>{_to_html(piece.children)}</{piece.tag}>")
    text = _SPACES.sub(" ", "".join(out))
    text = re.sub(r" ?<br> ?", "<br>", text)
    return re.sub(r"^(?: |<br>)+|(?: |<br>)+$", "", text)


def _text(inlines: list[Inline]) -> str:
    return "".join(p if isinstance(p, str) else _text(p.children) for p in inlines)


def _edge_text(inlines: list[Inline], last: bool) -> tuple[list[Inline], int] | None:
    """The list and index of the first (or last) non-blank text of ``inlines``."""
    order = range(len(inlines) - 1, -1, -1) if last else range(len(inlines))
    for index in order:
        piece = inlines[index]
        if isinstance(piece, str):
            if piece.strip():
                return inlines, index
        elif piece.tag != "br":
            found = _edge_text(piece.children, last)
            if found:
                return found
    return None


def _strip_mark(inlines: list[Inline], mark: str, last: bool) -> None:
    """Remove ``mark``, which the text of ``inlines`` starts (or ends) with, and its spacing."""
    found = _edge_text(inlines, last)
    assert found is not None
    container, index = found
    text = str(container[index])
    spacing = "\u00a0\u202f \t\n"
    container[index] = (
        text.rstrip()[: -len(mark)].rstrip(spacing)
        if last
        else text.lstrip()[len(mark) :].lstrip(spacing)
    )


def _unwrap_italics(inlines: list[Inline]) -> list[Inline] | None:
    """The content of ``inlines`` if it is one ``<em>`` (and white space), else ``None``."""
    meaningful = [p for p in inlines if not (isinstance(p, str) and not p.strip())]
    if len(meaningful) == 1 and isinstance(meaningful[0], Span) and meaningful[0].tag == "em":
        return meaningful[0].children
    return None


class Converter:
    """Units to model blocks, through the Markdown the YAML writer writes."""

    def __init__(self, tree: SourceTree) -> None:
        self.tree = tree

    def _markdown_blocks(self, markdown: str, location: Location) -> tuple[Block, ...]:
        source = Source(self.tree.path, location.line or 1, "imported content")
        blocks = blocks_from_markdown(markdown, source)
        return tuple(replace(block, location=location) for block in blocks)

    def paragraph(self, unit: Para) -> tuple[Block, ...]:
        return self._markdown_blocks(
            inline_markdown(clean_inline(_to_html(unit.inlines))), unit.location
        )

    def bullets(self, unit: Bullets) -> tuple[Block, ...]:
        lines = []
        for number, item in enumerate(unit.items, start=unit.start):
            markdown = inline_markdown(clean_inline(_to_html(item)))
            if markdown:
                marker = f"{number}. " if unit.ordered else "- "
                lines.append(marker + markdown.replace("\n", "\n" + " " * len(marker)))
        return self._markdown_blocks("\n".join(lines), unit.location) if lines else ()

    def blocks(self, units: list[Para | Bullets | Quoted]) -> tuple[Block, ...]:
        out: list[Block] = []
        for unit in units:
            if isinstance(unit, Para):
                out += self.paragraph(unit)
            elif isinstance(unit, Bullets):
                out += self.bullets(unit)
            else:
                inner = [
                    b for b in self.blocks(unit.blocks) if isinstance(b, Paragraph | ListBlock)
                ]
                if inner:
                    out.append(Quote(tuple(inner), None, unit.location))
        return tuple(out)


def _normalise_answer(
    question: Question, units: list[Para | Bullets | Quoted], findings: list[ImportFinding]
) -> list[Para | Bullets | Quoted]:
    """An answer typed as a quotation (wrapping quotation marks) becomes a quote block.

    The marks go (the renderer adds the page language's) and so does italic
    that wraps a whole block, which only marked the quotation; emphasis inside
    the text stays.
    """
    flat = [b for u in units for b in (u.blocks if isinstance(u, Quoted) else [u])]
    first = flat[0].inlines if isinstance(flat[0], Para) else flat[0].items[0]
    last = flat[-1].inlines if isinstance(flat[-1], Para) else flat[-1].items[-1]
    edge = _edge_text(first, last=False)
    if edge is None:
        return units
    opening = str(edge[0][edge[1]]).lstrip()[:1]
    closing = QUOTATION_MARKS.get(opening)
    tail = _edge_text(last, last=True)
    if closing is None or tail is None or not str(tail[0][tail[1]]).rstrip().endswith(closing):
        return units
    if first is last and len(_text(first).strip()) < 2:
        return units
    _strip_mark(first, opening, last=False)
    _strip_mark(last, closing, last=True)
    italics = False
    for block in flat:
        if isinstance(block, Para):
            inner = _unwrap_italics(block.inlines)
            if inner is not None:
                block.inlines, italics = inner, True
        else:
            for index, item in enumerate(block.items):
                inner = _unwrap_italics(item)
                if inner is not None:
                    block.items[index], italics = inner, True
    findings.append(
        import_finding(
            "quotation-marks",
            flat[0].location,
            {"question": excerpt(question.text), "italics": italics},
        )
    )
    return [Quoted(flat, flat[0].location)]


@dataclass(slots=True)
class PanelContent:
    """What a panel became: its intro and its items."""

    intro: tuple[Block, ...]
    items: tuple[Item, ...]


def read_panel(
    reader: PanelReader, accordion: Accordion, title: str, findings: list[ImportFinding]
) -> PanelContent:
    """The intro and items of ``accordion``'s panel (see the module docstring)."""
    tree = reader.tree
    panel = accordion.panel
    assert panel is not None
    skip = accordion.toggle if accordion.pattern == "details" else None
    units = reader.units(panel, skip=skip)
    # A question with no answer is a bold paragraph of the text before it.
    kept: list[PanelPiece] = []
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        if isinstance(unit, Question) and (following is None or isinstance(following, Question)):
            findings.append(
                import_finding(
                    "question-without-answer", unit.location, {"question": excerpt(unit.text)}
                )
            )
            kept.append(Para([Span("strong", [unit.text])], unit.location))
        else:
            kept.append(unit)
    converter = Converter(tree)
    questions = [i for i, unit in enumerate(kept) if isinstance(unit, Question)]
    if not questions:
        findings.append(
            import_finding("no-question", tree.location(panel), {"title": excerpt(title)})
        )
        question = Question(title, tree.location(accordion.toggle))
        answer = converter.blocks([u for u in kept if not isinstance(u, Question)])
        return PanelContent((), (Item(title, answer, location=question.location),))
    intro = converter.blocks([u for u in kept[: questions[0]] if not isinstance(u, Question)])
    items = []
    for position, start in enumerate(questions):
        end = questions[position + 1] if position + 1 < len(questions) else len(kept)
        question = kept[start]
        assert isinstance(question, Question)
        units_of = [u for u in kept[start + 1 : end] if not isinstance(u, Question)]
        normalised = _normalise_answer(question, units_of, findings)
        answer = converter.blocks(normalised)
        answer_words = _folded_words(" ".join(map(block_text, answer)))
        if answer_words and answer_words == _folded_words(question.text):
            findings.append(
                import_finding(
                    "answer-repeats-question",
                    answer[0].location or question.location,
                    {"question": excerpt(question.text)},
                )
            )
        items.append(Item(question.text, answer, location=question.location))
    return PanelContent(intro, tuple(items))


def _folded_words(text: str) -> list[str]:
    """The words of ``text`` in a case-insensitive form, to compare an answer with its question."""
    return [word.casefold() for word in words(text)]


def _inline_text(html_text: str) -> str:
    """The text inline HTML shows: tags go, a line break is a space, entities are decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", " ", html_text)))


def block_text(block: Block) -> str:
    """The visible text of a model block; its paragraphs and list items are space-separated."""
    if isinstance(block, Paragraph):
        return _inline_text(block.html)
    if isinstance(block, ListBlock):
        return " ".join(_inline_text(item) for item in block.items)
    return " ".join(block_text(inner) for inner in block.blocks)
