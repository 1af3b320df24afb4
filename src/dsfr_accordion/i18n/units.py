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

from ..ids import content_keys
from ..model import Attribution, Block, Document, ListBlock, Paragraph, Testimonial


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


@dataclass(frozen=True, slots=True)
class _Walker:
    """Rebuilds a document, each unit replaced by what ``visit`` returns for it."""

    visit: Visit

    def text(self, unit: Unit) -> str:
        return self.visit(unit)

    def optional(
        self, context: str, value: str | None, comment: str, line: int | None
    ) -> str | None:
        return None if value is None else self.visit(Unit(context, value, comment, line))

    def attribution(
        self, context: str, value: Attribution | None, where: str, line: int | None
    ) -> Attribution | None:
        if value is None:
            return None
        return replace(
            value,
            role=self.optional(
                f"{context}/quote/role", value.role, f"{where}: role of the speaker", line
            ),
            organisation=self.optional(
                f"{context}/quote/organisation", value.organisation, f"{where}: organisation", line
            ),
            source=self.optional(
                f"{context}/quote/source", value.source, f"{where}: work or event quoted", line
            ),
        )

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
                rebuilt.append(replace(block, html=self.text(unit)))
            elif isinstance(block, ListBlock):
                items = tuple(
                    self.text(
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
                rebuilt.append(
                    replace(
                        block,
                        blocks=self.blocks(context, block.blocks, quote_where),
                        attribution=self.attribution(context, block.attribution, quote_where, line),
                    )
                )
        return tuple(rebuilt)

    def testimonial(self, key: str, testimonial: Testimonial) -> Testimonial:
        # Units are visited in reading order: title, attribution, intro, then the items.
        where = f"Testimonial “{testimonial.title}”"
        line = testimonial.location.line if testimonial.location else None
        title = self.text(
            Unit(f"{key}/title", testimonial.title, f"{where}: label of the accordion button", line)
        )
        role = self.optional(
            f"{key}/role", testimonial.role, f"{where}: role of the speaker of its quotes", line
        )
        organisation = self.optional(
            f"{key}/organisation",
            testimonial.organisation,
            f"{where}: organisation of the speaker of its quotes",
            line,
        )
        intro = self.blocks(f"{key}/intro", testimonial.intro, f"{where}: introduction")
        items = tuple(
            replace(
                item,
                question=self.text(
                    Unit(
                        f"{key}/question",
                        item.question,
                        f"{where}: question {number} (a heading in the panel)",
                        item.location.line if item.location else None,
                    )
                ),
                answer=self.blocks(
                    f"{key}/answer", item.answer, f"{where}: answer to question {number}"
                ),
            )
            for number, item in enumerate(testimonial.items, start=1)
        )
        return replace(
            testimonial, title=title, role=role, organisation=organisation, intro=intro, items=items
        )

    def document(self, document: Document) -> Document:
        line = document.location.line if document.location else None
        title = self.text(Unit("title", document.title, "Page title (<title> and <h1>)", line))
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
