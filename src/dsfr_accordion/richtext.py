"""Markdown to rich-text blocks (:mod:`dsfr_accordion.model`), with locations.

One Markdown parser serves every loader: CommonMark with raw HTML disabled
(it shows as text), bare URLs linked, and block attribute lines
(``{author="…"}``) for quote attribution and testimonial keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin

from .errors import ContentError, Location, suggest
from .model import Attribution, Block, ListBlock, Paragraph, Quote
from .sanitize import clean_inline, source_url

#: Attributes an attribute line may give a quote (see docs/content-format.md).
QUOTE_ATTRIBUTES = ("author", "role", "organisation", "source", "url")

MARKDOWN = (
    MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    .enable("linkify")
    .use(attrs_block_plugin)
)

# What to tell an editor who used a Markdown construct answers do not support.
_UNSUPPORTED: dict[str, tuple[str, str]] = {
    "heading_open": (
        "a heading",
        "write questions as '### ' headings outside answers, or use **bold** text",
    ),
    "code_block": ("a code block", "indent the text by fewer than four spaces"),
    "fence": ("a code block", "remove the ``` fence"),
    "hr": ("a horizontal rule", "remove the '---' or '***' line"),
    "html_block": ("raw HTML", "write the text in Markdown"),
    "table_open": ("a table", "write the content as a list"),
}


@dataclass(frozen=True, slots=True)
class Source:
    """Where parsed Markdown comes from: ``first_line`` is the file line of its line 1."""

    path: str
    first_line: int
    where: str

    def at(self, token: Token | None) -> Location:
        """The file location of ``token`` (of the first line when unknown)."""
        offset = token.map[0] if token is not None and token.map else 0
        return Location(self.path, self.first_line + offset)


def parse(text: str) -> list[Token]:
    """Parse Markdown ``text`` into block tokens."""
    return MARKDOWN.parse(text)


def blocks_from_markdown(text: str, source: Source) -> tuple[Block, ...]:
    """Parse ``text`` and convert it to blocks (see :func:`blocks_from_tokens`)."""
    return blocks_from_tokens(parse(text), source)


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
        if token.type == "paragraph_open":
            _refuse_attributes(token, source)
            blocks.append(Paragraph(_inline(inner[0], source), source.at(token)))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            _refuse_attributes(token, source, allowed=("start",))
            blocks.append(_list(token, inner, source))
        elif token.type == "blockquote_open":
            blocks.append(_quote(token, inner, source))
        else:
            what, hint = _UNSUPPORTED.get(token.type, (token.type.removesuffix("_open"), ""))
            raise ContentError.of(
                "markdown-unsupported",
                source.at(token),
                what=what,
                where=source.where,
                hint=hint or "remove it",
            )
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
    content = token.content.strip()
    if content.startswith("{") and content.endswith("}"):
        raise ContentError.of("attribute-line", source.at(token), text=content)
    for child in token.children or ():
        if child.type == "image":
            raise ContentError.of(
                "markdown-unsupported",
                source.at(token),
                what="an image",
                where=source.where,
                hint="link to the image instead: [description](https://…)",
            )
    html = MARKDOWN.renderer.renderInline(token.children or [], MARKDOWN.options, {})
    return str(clean_inline(html.strip()))


def _list(opening: Token, inner: Sequence[Token], source: Source) -> ListBlock:
    items: list[str] = []
    i = 0
    while i < len(inner):
        close = _closing_index(inner, i)
        content = inner[i + 1 : close]
        if len(content) != 3 or content[0].type != "paragraph_open":
            kind = "an empty list item" if not content else "a list item holding more than a line"
            raise ContentError.of(
                "markdown-unsupported",
                source.at(inner[i]),
                what=kind,
                where=source.where,
                hint="write each list item as one line of text, without nested lists",
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
    for key in opening.attrs:
        if key not in QUOTE_ATTRIBUTES:
            raise ContentError.of(
                "unknown-attribute",
                source.at(opening),
                key=key,
                where="a quote",
                suggestion=suggest(key, QUOTE_ATTRIBUTES),
            )
    values = {
        key: str(opening.attrs[key]).strip() or None
        for key in QUOTE_ATTRIBUTES
        if key in opening.attrs
    }
    if values.get("url") and source_url(values["url"]) is None:
        raise ContentError.of("invalid-url", source.at(opening), key="url", value=values["url"])
    blocks: list[Paragraph | ListBlock] = []
    for block in blocks_from_tokens(inner, source):
        if isinstance(block, Quote):
            raise ContentError.of(
                "markdown-unsupported",
                source.at(opening),
                what="a quote inside a quote",
                where=source.where,
                hint="remove the inner '>' markers",
            )
        blocks.append(block)
    if not blocks:
        raise ContentError.of("empty-value", source.at(opening), key="quote")
    attribution = Attribution(**values) if opening.attrs else None
    return Quote(tuple(blocks), attribution, source.at(opening))


def _refuse_attributes(token: Token, source: Source, allowed: tuple[str, ...] = ()) -> None:
    extra = [key for key in token.attrs if key not in allowed]
    if extra:
        raise ContentError.of(
            "unknown-attribute",
            source.at(token),
            key=extra[0],
            where="a paragraph or list",
            suggestion="attribute lines go directly above a '## ' heading or a '>' quote",
        )
