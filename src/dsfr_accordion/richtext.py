"""Markdown to rich-text blocks (:mod:`dsfr_accordion.model`), with locations.

One Markdown parser serves every loader: CommonMark with raw HTML disabled
(it shows as text), bare URLs linked, and block attribute lines
(``{author="…"}``) for quote attribution and testimonial keys.

The parser (markdown-it) loads on first use (:func:`parser`), and text it would
only cut into paragraphs is cut here (:func:`blocks_from_markdown`): content
whose rich text is plain prose renders without loading it. Its linkifier
(linkify-it, whose regular expressions take longer to compile on first use than
the rest of a render takes) runs only on text that may hold a link.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from . import schema
from .errors import ContentError, suggest
from .model import Attribution, Block, ListBlock, Location, Paragraph, Quote
from .sanitize import sanitized
from .ui import N_

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

#: Attributes an attribute line may give a quote (see docs/content-format.md).
QUOTE_ATTRIBUTES = schema.keys(schema.QUOTE)

#: Key of ``Token.meta`` holding the :class:`Attributes` given to a block.
ATTRIBUTES = "dsfr_accordion.attributes"

#: Token type of an attribute line that attaches to no block; converters refuse it.
LOOSE_ATTRIBUTE_LINE = "loose_attribute_line"


@dataclass(frozen=True, slots=True)
class Attributes:
    """What the attribute lines directly above a block give it.

    ``line`` is the index, in the parsed text, of the first of those lines.
    """

    values: Mapping[str, str]
    line: int


def _attach_attribute_lines(state: StateCore) -> None:
    """Give each block the attributes of the attribute lines directly above it.

    Replaces the attrs plugin's own rule, which attaches a line across blank
    lines, drops one followed by nothing without a word and filters some names
    out before anyone can report them. Here the attributes go, as written, to
    the block's ``meta[ATTRIBUTES]`` (never to its HTML attributes), and a line
    with no block right below it becomes a :data:`LOOSE_ATTRIBUTE_LINE` token.
    """
    lines = state.src.split("\n")
    tokens: list[Token] = []
    above: list[Token] = []  # attribute lines, each directly below the previous one
    for token in state.tokens:
        if above and _starts_below(token, above[-1]):
            if token.type == "attrs_block":
                above.append(token)
                continue
            values = {key: str(value) for line in above for key, value in line.attrs.items()}
            token.meta[ATTRIBUTES] = Attributes(values, _line(above[0]))
        else:
            tokens.extend(_loose(line, lines) for line in above)
        above = []
        if token.type == "attrs_block":
            above = [token]
            continue
        tokens.append(token)
    tokens.extend(_loose(line, lines) for line in above)
    state.tokens = tokens


def _line(token: Token) -> int:
    """The index of the first line of ``token`` in the parsed text."""
    return token.map[0] if token.map else 0


def _starts_below(token: Token, line: Token) -> bool:
    """Whether the block ``token`` opens right below the attribute line ``line``."""
    return token.nesting >= 0 and token.map is not None and _line(token) == _line(line) + 1


def _loose(token: Token, lines: Sequence[str]) -> Token:
    """Turn the attribute line ``token`` into a loose one holding its text."""
    text = lines[_line(token)]
    token.type = LOOSE_ATTRIBUTE_LINE
    token.content = text[text.find("{") : text.rfind("}") + 1]
    return token


#: What the linkifier may make a link of: an e-mail address (``@``), a URL (``//``
#: after the scheme), a domain name (a dot then a letter or digit, as ``.fr``). Text
#: without one holds no link; linkify-it's first test would compile its expressions.
_MAY_LINK = r"@|//|\.\w"
_MAY_LINK_RE = re.compile(_MAY_LINK)


@cache
def parser() -> MarkdownIt:
    """The one Markdown parser, built on first use (markdown-it loads then)."""
    # Loaded here: content without Markdown (blocks_from_markdown) never needs them.
    from markdown_it import MarkdownIt  # noqa: PLC0415
    from markdown_it.rules_core.linkify import linkify  # noqa: PLC0415
    from mdit_py_plugins.attrs import attrs_block_plugin  # noqa: PLC0415

    def linkify_if_it_may_link(state: StateCore) -> None:
        if _MAY_LINK_RE.search(state.src):  # else the rule would find nothing
            linkify(state)

    markdown = (
        MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
        .enable("linkify")
        .use(attrs_block_plugin)
    )
    markdown.core.ruler.at("attr", _attach_attribute_lines)
    markdown.core.ruler.at("linkify", linkify_if_it_may_link)
    return markdown


# What to tell an editor who used a Markdown construct answers do not support.
_UNSUPPORTED: dict[str, tuple[str, str]] = {
    "heading_open": (
        N_("a heading"),
        N_("write questions as '### ' headings outside answers, or use **bold** text"),
    ),
    "code_block": (N_("a code block"), N_("indent the text by fewer than four spaces")),
    "fence": (N_("a code block"), N_("remove the ``` fence")),
    "hr": (N_("a horizontal rule"), N_("remove the '---' or '***' line")),
    "html_block": (N_("raw HTML"), N_("write the text in Markdown")),
    "table_open": (N_("a table"), N_("write the content as a list")),
}


@dataclass(frozen=True, slots=True)
class Source:
    """Where parsed Markdown comes from: ``first_line`` is the file line of its line 1.

    ``lines`` are the lines of the parsed text when they are the file's own (a
    Markdown body): a location then has a column, that of the first character
    of the block's first line. Text taken out of a YAML value is not where it
    was in the file: no column.
    """

    path: str
    first_line: int
    where: str
    lines: Sequence[str] = ()

    def at(self, token: Token | None) -> Location:
        """The file location of ``token`` (of the first line when unknown)."""
        offset = token.map[0] if token is not None and token.map else 0
        return self.at_line(offset)

    def unsupported(
        self, token: Token, what: str, hint: str, where: str | None = None
    ) -> ContentError:
        """The error for ``what``, written at ``token``, which Markdown content may not
        hold in :attr:`where` (or ``where``); ``hint`` says what to write instead."""
        return ContentError.of(
            "markdown-unsupported",
            self.at(token),
            what=what,
            where=self.where if where is None else where,
            hint=hint,
        )

    def attributes_at(self, token: Token) -> Location:
        """The location of the attribute line above ``token``, else of ``token``."""
        attributes = token.meta.get(ATTRIBUTES)
        if attributes is None:
            return self.at(token)
        return self.at_line(attributes.line)

    def at_line(self, offset: int) -> Location:
        """The file location of the parsed text's line ``offset`` (from 0)."""
        column = None
        if offset < len(self.lines):
            line = self.lines[offset]
            column = len(line) - len(line.lstrip(" \t")) + 1
        return Location(self.path, self.first_line + offset, column)


def attributes_of(token: Token) -> dict[str, str]:
    """The attributes the attribute lines above ``token`` give it (none: empty)."""
    attributes = token.meta.get(ATTRIBUTES)
    return dict(attributes.values) if attributes is not None else {}


def refuse_attribute_line(tokens: Sequence[Token], index: int, source: Source) -> None:
    """Raise if ``tokens[index]`` is an attribute line attached to no block, or malformed.

    A malformed attribute line (``{key=two words}``) is parsed as a paragraph.
    """
    token = tokens[index]
    text = token.content if token.type == LOOSE_ATTRIBUTE_LINE else None
    if token.type == "paragraph_open" and index + 1 < len(tokens):
        text = _attribute_text(tokens[index + 1])
    if text is not None:
        raise ContentError.of("attribute-line", source.at(token), text=text)


def _attribute_text(inline: Token) -> str | None:
    """The text of ``inline`` if it looks like an attribute line, else ``None``."""
    content = inline.content.strip()
    return content if content.startswith("{") and content.endswith("}") else None


#: The most inline marks one text parsed at once may hold: ``*``, ``_``, backticks,
#: ``[``, ``<`` and what the linkifier reads (``://``, ``www.``, ``@``). The parser
#: makes several objects per mark: 1 MB of ``*a* *a* …`` took 537 MB and 11 times
#: the time of plain prose, 9 MB ran out of memory. A testimonial page holds a few
#: hundred marks; past this limit the text is refused before it is parsed, which
#: keeps memory and time within a few times those of prose (docs/security.md).
MAX_MARKS = 10_000

#: The deepest quote nesting (``> > >``) parsed; a testimonial quotes one level deep.
MAX_QUOTE_DEPTH = 10

_MARK_CHARACTERS = "*_`[<@"
_LINKS = ("://", "www.")
_QUOTE_PREFIX = re.compile(r"(?:[ \t]*>)+")


def check_limits(text: str, path: str, first_line: int = 1) -> None:
    """Refuse, before parsing, text whose parse would cost far more than its size:
    more than :data:`MAX_MARKS` marks, or quotes nested deeper than
    :data:`MAX_QUOTE_DEPTH`. A YAML file is checked whole, as a Markdown body is, so
    that many fields under the limit cannot add up past it."""
    marks = sum(map(text.count, _MARK_CHARACTERS)) + sum(map(text.count, _LINKS))
    if marks > MAX_MARKS:
        counted = 0
        for number, row in enumerate(text.split("\n")):
            in_row = sum(map(row.count, _MARK_CHARACTERS)) + sum(map(row.count, _LINKS))
            if counted + in_row > MAX_MARKS:
                where = Location(path, first_line + number, _mark_column(row, MAX_MARKS - counted))
                raise ContentError.of("too-many-marks", where, limit=MAX_MARKS)
            counted += in_row
    if ">" in text:
        for number, row in enumerate(text.split("\n")):
            prefix = _QUOTE_PREFIX.match(row)
            if prefix and prefix.group().count(">") > MAX_QUOTE_DEPTH:
                # The column of the first '>' past the limit.
                column = _nth(prefix.group(), ">", MAX_QUOTE_DEPTH + 1) + 1
                where = Location(path, first_line + number, column)
                raise ContentError.of("quotes-too-deep", where, limit=MAX_QUOTE_DEPTH)


def _mark_column(row: str, allowed: int) -> int:
    """The column of the mark of ``row`` after its first ``allowed`` ones."""
    counted = 0
    for index, character in enumerate(row):
        counted += (character in _MARK_CHARACTERS) + row.startswith(_LINKS, index)
        if counted > allowed:
            return index + 1
    return 1


def _nth(text: str, character: str, n: int) -> int:
    """The index of the ``n``-th ``character`` of ``text`` (counting from 1)."""
    index = -1
    for _ in range(n):
        index = text.index(character, index + 1)
    return index


def parse(text: str, path: str = "<text>", first_line: int = 1) -> list[Token]:
    """Parse Markdown ``text`` into block tokens; ``path`` and ``first_line`` (the file
    line of the text's first line) place the errors of text over the work limits
    (:data:`MAX_MARKS`, :data:`MAX_QUOTE_DEPTH`)."""
    check_limits(text, path, first_line)
    return parser().parse(text)


#: What makes text more than paragraphs of words to the parser: anywhere, a
#: backslash or one of ``` * _ [ ] < > &`` (inline Markdown, HTML, entities), a tab,
#: a carriage return or NUL (indentation, or normalised), what the linkifier may
#: link; a line that opens with white space (indentation: code, or trimmed) or with
#: a block's mark (heading, quote, list, rule, setext underline, fence, attribute
#: line, table, numbered list item); a line that closes with white space (a hard
#: break, or trimmed).
_NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<>&\t\r\x00]"
    rf"|{_MAY_LINK}"
    r"|(?:^|\n)(?:[^\S\n]|[#>+\-=~{|0-9])"
    r"|[^\S\n](?:\n|$)"
)


def _paragraphs(text: str, source: Source) -> tuple[Paragraph, ...]:
    """The blocks the parser makes of ``text`` that :data:`_NOT_PLAIN` finds nothing
    in: a paragraph per run of lines between empty lines, its line breaks kept and
    ``"`` escaped as the parser's renderer writes them, sanitized, placed at its first
    line."""
    lines = text.split("\n")
    blocks: list[Paragraph] = []
    start: int | None = None
    for number, line in enumerate([*lines, ""]):
        if line and start is None:
            start = number
        elif not line and start is not None:
            html = "\n".join(lines[start:number]).replace('"', "&quot;")
            blocks.append(Paragraph(sanitized(html), source.at_line(start)))
            start = None
    return tuple(blocks)


def blocks_from_markdown(text: str, source: Source) -> tuple[Block, ...]:
    """Parse ``text`` and convert it to blocks (see :func:`blocks_from_tokens`).

    Text that is only paragraphs of words (nothing :data:`_NOT_PLAIN` finds) is cut
    into them here, as the parser cuts it, without loading the parser;
    ``tests/test_properties.py`` checks the two agree.
    """
    check_limits(text, source.path, source.first_line)
    if not _NOT_PLAIN.search(text):
        return _paragraphs(text, source)
    return blocks_from_tokens(parser().parse(text), source)


def blocks_from_tokens(tokens: Sequence[Token], source: Source) -> tuple[Block, ...]:
    """Convert a run of block tokens to paragraphs, lists and quotes.

    Raises :class:`ContentError` at the token's line for anything the content
    format does not support (headings, code, rules, nested lists, images,
    nested quotes, misplaced or unknown attributes).
    """
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        close = _closing_index(tokens, i)
        inner = tokens[i + 1 : close]
        refuse_attribute_line(tokens, i, source)
        if token.type == "paragraph_open":
            _refuse_attributes(token, source)
            blocks.append(Paragraph(_inline(inner[0], source), source.at(token)))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            _refuse_attributes(token, source)
            blocks.append(_list(token, inner, source))
        elif token.type == "blockquote_open":
            blocks.append(_quote(token, inner, source))
        else:
            # A construct the table does not name is named by its token type.
            what, hint = _UNSUPPORTED.get(token.type, (token.type.removesuffix("_open"), ""))
            raise source.unsupported(token, what, hint or N_("remove it"))
        i = close + 1
    return tuple(blocks)


def _closing_index(tokens: Sequence[Token], start: int) -> int:
    """Index of the token closing ``tokens[start]`` (itself for a self-contained token)."""
    opening = tokens[start]
    if opening.nesting != 1:
        return start
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    raise AssertionError("markdown-it produced an unbalanced token stream")


def _inline(token: Token, source: Source) -> str:
    """Render an inline token to sanitized inline HTML."""
    content = _attribute_text(token)
    if content is not None:
        raise ContentError.of("attribute-line", source.at(token), text=content)
    for child in token.children or ():
        if child.type == "image":
            raise source.unsupported(
                token, N_("an image"), N_("link to the image instead: [description](https://…)")
            )
    markdown = parser()
    html = markdown.renderer.renderInline(token.children or [], markdown.options, {})
    return sanitized(html.strip())


def _list(opening: Token, inner: Sequence[Token], source: Source) -> ListBlock:
    items: list[str] = []
    i = 0
    while i < len(inner):
        close = _closing_index(inner, i)
        content = inner[i + 1 : close]
        if len(content) != 3 or content[0].type != "paragraph_open":
            raise source.unsupported(
                inner[i],
                N_("a list item holding more than a line") if content else N_("an empty list item"),
                N_("write each list item as one line of text, without nested lists"),
            )
        items.append(_inline(content[1], source))
        i = close + 1
    start = int(opening.attrs.get("start", 1))
    return ListBlock(
        tuple(items),
        ordered=opening.type == "ordered_list_open",
        start=start,
        location=source.at(opening),
    )


def _quote(opening: Token, inner: Sequence[Token], source: Source) -> Quote:
    attrs = attributes_of(opening)
    for key in attrs:
        if key not in QUOTE_ATTRIBUTES:
            raise ContentError.of(
                "unknown-attribute",
                source.attributes_at(opening),
                key=key,
                where=N_("a quote"),
                suggestion=suggest(key, QUOTE_ATTRIBUTES),
            )
    values = {
        spec.key: schema.attribute(spec, attrs[spec.key], source.attributes_at(opening))
        for spec in schema.QUOTE
        if spec.key in attrs
    }
    blocks: list[Paragraph | ListBlock] = []
    for block in blocks_from_tokens(inner, source):
        if isinstance(block, Quote):
            raise source.unsupported(
                opening, N_("a quote inside a quote"), N_("remove the inner '>' markers")
            )
        blocks.append(block)
    if not blocks:
        raise ContentError.of("empty-value", source.at(opening), key="quote")
    attribution = Attribution(**values) if attrs else None
    return Quote(tuple(blocks), attribution, source.at(opening))


def _refuse_attributes(token: Token, source: Source) -> None:
    extra = list(attributes_of(token))
    if extra:
        raise ContentError.of(
            "unknown-attribute",
            source.attributes_at(token),
            key=extra[0],
            where=N_("a paragraph or list"),
            suggestion=N_(
                "attribute lines go directly above a '## ' or '### ' heading or a '>' quote"
            ),
        )
