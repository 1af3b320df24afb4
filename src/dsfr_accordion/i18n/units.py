"""Translatable units of a document, and the document rebuilt from their translations.

One walk over the model serves both directions: extraction visits every unit
and keeps its text; translation visits every unit and puts its translation in
its place. A unit is one string a translator sees: the page title, a
testimonial title, a question, a paragraph, a list item, a quote's role,
organisation or source.

A unit is keyed by its text within its ``context`` (the ``msgctxt``): the
testimonial's content key and the unit's role (``geo/question``,
``geo/answer``, ``geo/answer/quote/role``), never its position. Moving,
inserting or deleting content so leaves the key of every other text as it
was; the comment for translators and the line say where the unit is. Two
equal texts of one role in one testimonial are one entry, translated once;
in two testimonials, or in two roles, they translate independently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import schema
from ..ids import content_keys
from ..model import Attribution, Block, Document, Item, ListBlock, Paragraph, Testimonial


@dataclass(frozen=True, slots=True)
class Unit:
    """One translatable string: ``context`` (msgctxt), ``text`` (msgid), a comment for
    translators, and its line in the content file.
    """

    context: str
    text: str
    comment: str
    line: int | None


Visit = Callable[[Unit], str]

#: What has fields of the schema to translate.
Record = Testimonial | Item | Attribution


@dataclass(frozen=True, slots=True)
class _Walker:
    """Rebuilds a document, each unit replaced by what ``visit`` returns for it."""

    visit: Visit

    def fields(
        self,
        record: Record,
        specs: tuple[schema.Field, ...],
        context: str,
        where: str,
        line: int | None,
        *,
        number: int = 0,
    ) -> dict[str, object]:
        """The translatable text and rich-text fields of ``record`` (those of
        ``specs`` with a role), rebuilt, by key: their context is ``context`` then
        the role; ``number`` fills a comment's ``{number}``."""
        rebuilt: dict[str, object] = {}
        for spec in specs:
            value = getattr(record, spec.key)
            if spec.role is None or not value:  # nothing to translate
                continue
            unit_context = f"{context}/{spec.role}" if context else spec.role
            comment = f"{where}: {spec.comment.format(number=number)}"
            if spec.kind is schema.Kind.RICH:
                rebuilt[spec.key] = self.blocks(unit_context, value, comment)
            else:
                rebuilt[spec.key] = self.visit(Unit(unit_context, value, comment, line))
        return rebuilt

    def blocks(self, context: str, blocks: tuple[Block, ...], where: str) -> tuple[Block, ...]:
        """``blocks`` rebuilt; every text in them, at any quote depth, has ``context``."""
        rebuilt: list[Block] = []
        for number, block in enumerate(blocks, start=1):
            line = block.location.line if block.location else None
            if isinstance(block, Paragraph):
                unit = Unit(
                    context,
                    block.html,
                    f"{where}, paragraph {number}",
                    line,
                )
                rebuilt.append(replace(block, html=self.visit(unit)))
            elif isinstance(block, ListBlock):
                items = tuple(
                    self.visit(
                        Unit(
                            context,
                            item,
                            f"{where}, list {number}, item {index}",
                            line,
                        )
                    )
                    for index, item in enumerate(block.items, start=1)
                )
                rebuilt.append(replace(block, items=items))
            else:
                quote_where = f"{where}, quote {number}"
                quoted = self.blocks(context, block.blocks, quote_where)
                attribution = block.attribution
                if attribution is not None:
                    changed = self.fields(attribution, schema.QUOTE, context, quote_where, line)
                    attribution = replace(attribution, **changed)
                rebuilt.append(replace(block, blocks=quoted, attribution=attribution))
        return tuple(rebuilt)

    def testimonial(self, key: str, testimonial: Testimonial) -> Testimonial:
        # Units are visited in reading order: the testimonial's fields as the schema
        # lists them, then each item's.
        where = f"Testimonial “{testimonial.title}”"
        line = testimonial.location.line if testimonial.location else None
        changed = self.fields(testimonial, schema.TESTIMONIAL, key, where, line)
        items = tuple(
            replace(
                item,
                **self.fields(
                    item,
                    schema.ITEM,
                    key,
                    where,
                    item.location.line if item.location else None,
                    number=number,
                ),
            )
            for number, item in enumerate(testimonial.items, start=1)
        )
        return replace(testimonial, **changed, items=items)

    def document(self, document: Document) -> Document:
        line = document.location.line if document.location else None
        title = self.visit(Unit("title", document.title, "Page title (<title> and <h1>)", line))
        testimonials = tuple(
            self.testimonial(key, testimonial)
            for key, testimonial in zip(content_keys(document), document.testimonials, strict=True)
        )
        return replace(document, title=title, testimonials=testimonials)


def extract(document: Document) -> list[Unit]:
    """The translatable units of the source-language ``document``, in reading order."""
    found: list[Unit] = []

    def keep(unit: Unit) -> str:
        found.append(unit)
        return unit.text

    _Walker(keep).document(document)
    return found


def rebuild(document: Document, visit: Visit, lang: str) -> Document:
    """``document`` in ``lang``: each unit replaced by ``visit(unit)``; ids are untouched."""
    return replace(_Walker(visit).document(document), lang=lang)
