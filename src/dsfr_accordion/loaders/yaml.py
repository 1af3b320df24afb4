"""The YAML content loader (see docs/content-format.md)."""

from __future__ import annotations

from .. import schema
from ..errors import ContentError
from ..model import Block, Document, Item, Location, Testimonial
from ..richtext import Source, blocks_from_markdown, check_limits
from ..ui import N_
from .fields import Fields, compose

TESTIMONIAL_KEYS = schema.keys(schema.TESTIMONIAL)
ITEM_KEYS = schema.keys(schema.ITEM)


def load_yaml(text: str, path: str) -> Document:
    """Load a YAML content file's ``text``; ``path`` is used in messages."""
    check_limits(text, path)  # all the rich text of the file, before any of it is parsed
    root = compose(text, path)
    if root is None:
        raise ContentError.of("empty-file", Location(path, 1))
    fields = Fields(root, schema.keys(schema.DOCUMENT), "the document", path)
    testimonials = tuple(
        _testimonial(Fields(node, TESTIMONIAL_KEYS, N_("a testimonial"), path))
        for node in fields.items("testimonials")
    )
    return Document(testimonials=testimonials, location=Location(path, 1), **fields.document_keys())


def _rich(fields: Fields, key: str, where: str, *, required: bool) -> tuple[Block, ...]:
    text = fields.text(key, required=required)
    if text is None:
        return ()
    blocks = blocks_from_markdown(text, Source(fields.path, fields.content_line(key), where))
    if required and not blocks:
        raise ContentError.of("empty-value", fields.location(key), key=key)
    return blocks


def _scalars(fields: Fields, specs: tuple[schema.Field, ...]) -> dict[str, object]:
    """The text, id, URL, date and flag fields of ``specs``, by key."""
    scalar = (schema.Kind.TEXT, schema.Kind.ID, schema.Kind.URL, schema.Kind.DATE, schema.Kind.FLAG)
    return {spec.key: fields.value(spec) for spec in specs if spec.kind in scalar}


def _testimonial(fields: Fields) -> Testimonial:
    items = tuple(
        _item(Fields(node, ITEM_KEYS, N_("an item"), fields.path)) for node in fields.items("items")
    )
    return Testimonial(
        **_scalars(fields, schema.TESTIMONIAL),
        items=items,
        intro=_rich(fields, "intro", N_("an intro"), required=False),
        location=fields.location(),
    )


def _item(fields: Fields) -> Item:
    return Item(
        **_scalars(fields, schema.ITEM),
        answer=_rich(fields, "answer", N_("an answer"), required=True),
        location=fields.location(),
    )
