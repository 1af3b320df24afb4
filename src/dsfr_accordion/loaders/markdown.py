"""The Markdown content loader: front matter, ``##`` testimonials, ``###`` items."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import schema
from ..errors import ContentError, suggest
from ..frontmatter import opens_front_matter, split_front_matter
from ..model import Document, Item, Location, Testimonial
from ..richtext import (
    Source,
    attributes_of,
    blocks_from_tokens,
    parse,
    refuse_attribute_line,
)
from ..ui import N_
from .fields import DOCUMENT_KEYS, Fields, compose

if TYPE_CHECKING:
    from markdown_it.token import Token


def load_markdown(text: str, path: str) -> Document:
    """Load a Markdown content file's ``text``; ``path`` is used in messages."""
    front, body = split_front_matter(text)
    if front is None:
        if opens_front_matter(text):
            raise ContentError.of("front-matter-unclosed", Location(path, 1, 1))
        raise ContentError.of(
            "missing-key",
            Location(path, 1, 1),
            key="title",
            where=N_("the front matter (a '---' block at the top of the file)"),
        )
    node = compose(front.text, path, first_line=front.first_line)
    if node is None:
        raise ContentError.of(
            "missing-key", Location(path, 1, 1), key="title", where=N_("the front matter")
        )
    fields = Fields(node, DOCUMENT_KEYS, N_("the front matter"), path, first_line=front.first_line)
    # The body without the blanked front matter lines: its tokens count lines from
    # front.body_line.
    text = body[front.body_line - 1 :]
    tokens = parse(text, path, front.body_line)
    testimonials = _testimonials(
        tokens, Source(path, front.body_line, N_("an answer"), text.split("\n"))
    )
    return Document(testimonials=testimonials, location=Location(path, 1), **fields.document_keys())


@dataclass
class _Section:
    """Tokens gathered under one heading while splitting the body."""

    heading: Token
    text: str
    tokens: list[Token] = field(default_factory=list)
    items: list[_Section] = field(default_factory=list)


def _heading_text(inline: Token) -> str:
    """The plain text of a heading: its words, without Markdown markup."""
    return "".join(
        child.content for child in inline.children or () if child.type in ("text", "code_inline")
    ).strip()


def _testimonials(tokens: Sequence[Token], sources: Source) -> tuple[Testimonial, ...]:
    sections: list[_Section] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and token.level == 0 and token.markup in ("=", "-"):
            raise sources.unsupported(
                token,
                N_("a heading underlined with '===' or '---'"),
                N_(
                    "write headings with '#' marks: '## Title' for a testimonial, "
                    "'### Question' for a question"
                ),
                where=N_("a content file"),
            )
        if token.type == "heading_open" and token.level == 0 and token.tag in ("h1", "h2", "h3"):
            section = _Section(token, _heading_text(tokens[i + 1]))
            if token.tag == "h1":
                raise sources.unsupported(
                    token,
                    N_("a '# ' heading"),
                    N_("put the page title in the front matter's title: key"),
                    where=N_("a content file"),
                )
            if token.tag == "h2":
                sections.append(section)
            elif not sections:
                raise ContentError.of("markdown-before-first-testimonial", sources.at(token))
            else:
                sections[-1].items.append(section)
            i += 3
            continue
        if not sections:
            refuse_attribute_line(tokens, i, sources)
            raise ContentError.of("markdown-before-first-testimonial", sources.at(token))
        current = sections[-1].items[-1] if sections[-1].items else sections[-1]
        current.tokens.append(token)
        i += 1
    if not sections:
        raise ContentError.of("markdown-no-testimonial", sources.at(None))
    return tuple(_testimonial(section, sources) for section in sections)


def _testimonial(section: _Section, sources: Source) -> Testimonial:
    where = sources.at(section.heading)
    if not section.text:
        raise ContentError.of("empty-value", where, key="title")
    values = _attributes(section, sources, schema.TESTIMONIAL, N_("a testimonial heading"))
    if not section.items:
        raise ContentError.of("empty-list", where, key="items (### question headings)")
    intro_source = dataclasses.replace(sources, where=N_("an intro"))
    intro = blocks_from_tokens(section.tokens, intro_source)
    return Testimonial(
        title=section.text,
        items=tuple(_item(item, sources) for item in section.items),
        intro=intro,
        location=where,
        **values,
    )


def _item(section: _Section, sources: Source) -> Item:
    where = sources.at(section.heading)
    if not section.text:
        raise ContentError.of("empty-value", where, key="question")
    values = _attributes(section, sources, schema.ITEM, N_("a question heading"))
    answer = blocks_from_tokens(section.tokens, sources)
    if not answer:
        raise ContentError.of("empty-value", where, key="answer")
    return Item(question=section.text, answer=answer, location=where, **values)


def _attributes(
    section: _Section, sources: Source, specs: tuple[schema.Field, ...], where: str
) -> dict[str, object]:
    """The fields of ``specs`` that the attribute line above the heading of
    ``section`` gives (``where``: what the heading is, in messages), checked."""
    attrs = attributes_of(section.heading)
    attrs_where = sources.attributes_at(section.heading)
    allowed = schema.keys(specs, schema.Place.ATTRIBUTE)
    for key in attrs:
        if key not in allowed:
            raise ContentError.of(
                "unknown-attribute",
                attrs_where,
                key=key,
                where=where,
                suggestion=suggest(key, allowed),
            )
    return {
        spec.key: schema.attribute(spec, attrs[spec.key], attrs_where)
        for spec in specs
        if spec.markdown is schema.Place.ATTRIBUTE and spec.key in attrs
    }
