"""Writing a :class:`~dsfr_accordion.model.Document` as a YAML content file.

The writer is the loader's inverse: ``load(dump_yaml(document))`` equals
``document`` for every document loaded from a content file or imported from
legacy HTML (tests check both). Rich text goes back to the Markdown the one
parser (:mod:`dsfr_accordion.richtext`) reads: ``<em>`` → ``*…*``,
``<strong>`` → ``**…**``, ``<code>`` → backquotes, links → ``[text](url)`` or
``<url>``, ``<br>`` → a backslash line end, quotes → ``>`` lines with an
attribute line when attributed. Text is escaped where Markdown would read it as
syntax, and emphasis that Markdown could not open or close where it stands is
written as plain text.

What the content format cannot say is not written: the ``lang`` of a ``<span>``
(and ``ForeignText``'s) and a link's ``hreflang``; a quote attribution value
holding a double quote cannot be written in an attribute line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import yaml
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

from . import schema
from .model import Attribution, Block, Document, ListBlock, Paragraph, Quote
from .richtext import parser

# Characters escaped wherever they are in text, and those escaped at a line start.
_ALWAYS = re.compile(r"[\\`*\[\]<]|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")
_LINE_START = re.compile(r"([#>+=~{|-])|(\d{1,9})([.)])")


@dataclass(slots=True)
class _Delimiter:
    """An emphasis marker (``*`` or ``**``) whose fate is settled once the line is known."""

    marker: str
    opening: bool
    pair: int
    kept: bool = True


@dataclass(slots=True)
class _Text:
    """Plain text, escaped when the output is assembled (escaping depends on the line start)."""

    text: str


_Piece = str | _Text | _Delimiter


class _InlineTree(HTMLParser):
    """Inline HTML (the sanitizer's allowlist) as nested ``(tag, attrs, children)`` lists."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self._stack: list[list] = [self.root]
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._stack[-1].append(("br", {}, []))
            return
        node = (tag, {k: v or "" for k, v in attrs}, [])
        self._stack[-1].append(node)
        self._stack.append(node[2])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag != "br":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag != "br" and len(self._stack) > 1:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        self._stack[-1].append(data)


def _pieces(nodes: list, out: list[_Piece], counter: list[int]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(_Text(node))
            continue
        tag, attrs, children = node
        if tag == "br":
            out.append("\\\n")
        elif tag in ("em", "strong"):
            counter[0] += 1
            marker = "*" if tag == "em" else "**"
            inner: list[_Piece] = []
            _pieces(children, inner, counter)
            out.append(_Delimiter(marker, True, counter[0]))
            out.extend(inner)
            out.append(_Delimiter(marker, False, counter[0]))
        elif tag == "code":
            out.append(_code(_plain(children)))
        elif tag == "a" and "href" in attrs:
            out.append(_link(children, attrs, counter))
        else:  # span and anything the format cannot express: keep the text
            _pieces(children, out, counter)


def _plain(nodes: list) -> str:
    return "".join(n if isinstance(n, str) else _plain(n[2]) for n in nodes)


def _code(text: str) -> str:
    run = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (run + 1)
    # The parser strips one space at each end, unless the code is only spaces.
    edges = text.startswith(("`", " ")) or text.endswith(("`", " "))
    pad = " " if edges and text.strip(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _link(children: list, attrs: dict[str, str], counter: list[int]) -> str:
    href = attrs["href"]
    title = attrs.get("title")
    if not title and _plain(children) == href and re.match(r"[a-z][a-z0-9+.-]*:[^\s<>]*\Z", href):
        return f"<{href}>"
    inner: list[_Piece] = []
    _pieces(children, inner, counter)
    text = _assemble(inner, line_start=False, in_link=True)
    target = f"<{href}>" if re.search(r"[\s()<>]", href) else href
    if title:
        escaped = title.replace("\\", "\\\\").replace('"', '\\"')
        target += f' "{escaped}"'
    return f"[{text}]({target})"


def _escape(text: str, line_start: bool, in_link: bool) -> str:
    """Escape ``text`` for Markdown, leaving bare URLs as they are (the parser links them).

    In a link's text, where the parser links nothing, URLs are escaped too.
    """
    out: list[str] = []
    last = 0
    # pretest() is linkify-it's quick necessary condition, the one the parser's own
    # linkify rule asks first: text failing it holds no link, and match() costs
    # four times more.
    linkify = parser().linkify
    links = () if in_link or not linkify.pretest(text) else linkify.match(text) or ()
    for match in links:
        out.append(_ALWAYS.sub(r"\\\g<0>", text[last : match.index]))
        out.append(text[match.index : match.last_index])
        last = match.last_index
    out.append(_ALWAYS.sub(r"\\\g<0>", text[last:]))
    escaped = "".join(out)
    if escaped.endswith("!"):  # a link may follow: "![" would open an image
        escaped = escaped[:-1] + "\\!"
    if line_start:
        escaped = (
            _LINE_START.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], escaped, count=1)
            if _LINE_START.match(escaped)
            else escaped
        )
    return escaped


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """Whether a ``*`` run between ``before`` and ``after`` can open, and can close."""
    last_punct = isMdAsciiPunct(ord(before)) or isPunctChar(before)
    next_punct = isMdAsciiPunct(ord(after)) or isPunctChar(after)
    last_space, next_space = isWhiteSpace(ord(before)), isWhiteSpace(ord(after))
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    return left, right


def _assemble(pieces: list[_Piece], *, line_start: bool = True, in_link: bool = False) -> str:
    """Join ``pieces``, dropping emphasis pairs Markdown would not read as emphasis."""
    # White space inside emphasis goes outside it: "* x *" is not emphasis.
    moved: list[_Piece] = []
    for index, piece in enumerate(pieces):
        if isinstance(piece, _Delimiter) and piece.opening:
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if isinstance(following, _Text) and following.text[:1].isspace():
                moved.append(_Text(" "))
                following.text = following.text.lstrip()
        if isinstance(piece, _Delimiter) and not piece.opening and moved:
            previous = moved[-1]
            if isinstance(previous, _Text) and previous.text[-1:].isspace():
                previous.text = previous.text.rstrip()
                moved.extend((piece, _Text(" ")))
                continue
        moved.append(piece)
    while True:
        parts: list[tuple[_Piece, str]] = []
        at_start = line_start
        for piece in moved:
            if isinstance(piece, _Text):
                text = _escape(piece.text, at_start, in_link)
            elif isinstance(piece, _Delimiter):
                text = piece.marker if piece.kept else ""
            else:
                text = piece
            parts.append((piece, text))
            if text:
                at_start = text.endswith("\n")
        output = "".join(text for _, text in parts)
        dropped = _unreadable_pairs(parts, output)
        if not dropped:
            return output
        for piece in moved:
            if isinstance(piece, _Delimiter) and piece.pair in dropped:
                piece.kept = False


def _unreadable_pairs(parts: list[tuple[_Piece, str]], output: str) -> set[int]:
    """The emphasis pairs whose opening marker cannot open or closing cannot close, or empty."""
    bad: set[int] = set()
    position = 0
    opened: dict[int, int] = {}
    for piece, text in parts:
        if isinstance(piece, _Delimiter) and piece.kept:
            start, end = position, position + len(text)
            while start > 0 and output[start - 1] == "*":
                start -= 1
            while end < len(output) and output[end] == "*":
                end += 1
            before = output[start - 1] if start > 0 else " "
            after = output[end] if end < len(output) else " "
            can_open, can_close = _flanking(before, after)
            if piece.opening:
                opened[piece.pair] = position + len(text)
                if not can_open:
                    bad.add(piece.pair)
            elif not can_close or opened.get(piece.pair) == position:
                bad.add(piece.pair)
        position += len(text)
    return bad


def inline_markdown(html: str) -> str:
    """The Markdown of sanitized inline HTML (see the module docstring)."""
    pieces: list[_Piece] = []
    nodes = _InlineTree(html).root
    _pieces(nodes, pieces, [0])
    # A hard break is "\\\n"; the newline the HTML writes after <br> belongs to it.
    for index, piece in enumerate(pieces[1:], start=1):
        if pieces[index - 1] == "\\\n" and isinstance(piece, _Text):
            piece.text = piece.text.removeprefix("\n")
    return _assemble(pieces).strip(" ")


def _indent(text: str, first: str, rest: str) -> list[str]:
    lines = text.split("\n")
    return [first + lines[0]] + [(rest + line) if line else rest.rstrip() for line in lines[1:]]


def _list_lines(block: ListBlock, bullet: str) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, start=block.start):
        marker = f"{number}{'.' if bullet == '-' else ')'} " if block.ordered else f"{bullet} "
        lines += _indent(inline_markdown(item), marker, " " * len(marker))
    return lines


def _attribute_line(attribution: Attribution) -> str:
    values = [
        f'{key}="{value}"'
        for key in schema.keys(schema.QUOTE)
        if (value := getattr(attribution, key))
    ]
    return "{" + " ".join(values) + "}"


def blocks_markdown(blocks: tuple[Block, ...]) -> str:
    """The Markdown of rich-text ``blocks``, which the loaders read back as the same blocks."""
    chunks: list[list[str]] = []
    bullet = "*"
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            chunks.append(inline_markdown(block.html).split("\n"))
        elif isinstance(block, ListBlock):
            # Two lists in a row are one list unless their markers differ.
            follows_list = index > 0 and isinstance(blocks[index - 1], ListBlock)
            bullet = ("*" if bullet == "-" else "-") if follows_list else "-"
            chunks.append(_list_lines(block, bullet))
        else:
            chunks.append(_quote_lines(block))
    return "\n\n".join("\n".join(lines) for lines in chunks)


def _quote_lines(quote: Quote) -> list[str]:
    inner = blocks_markdown(quote.blocks)
    lines = [f"> {line}" if line else ">" for line in inner.split("\n")]
    if quote.attribution is not None:
        lines.insert(0, _attribute_line(quote.attribution))
    return lines


class _Literal(str):
    """Text written as a YAML literal block (``|``)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Literal,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="|"),
)


def _record(record: object, specs: tuple[schema.Field, ...]) -> dict[str, object]:
    """The YAML mapping of a document, a testimonial or an item: its fields in
    schema order, those with no value left out."""
    entry: dict[str, object] = {}
    for spec in specs:
        value = getattr(record, spec.key)
        if spec.kind is schema.Kind.RECORDS:
            entry[spec.key] = [_record(child, spec.of) for child in value]
        elif spec.kind is schema.Kind.MAPPING:
            if value:
                entry[spec.key] = dict(value)
        elif spec.kind is schema.Kind.RICH:
            if value:
                entry[spec.key] = _Literal(blocks_markdown(value) + "\n")
        elif spec.kind is schema.Kind.FLAG:
            if value:
                entry[spec.key] = True
        elif value is not None:
            entry[spec.key] = str(value)
    return entry


def dump_yaml(document: Document) -> str:
    """``document`` as a YAML content file (docs/content-format.md), deterministic."""
    return yaml.dump(
        _record(document, schema.DOCUMENT),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
