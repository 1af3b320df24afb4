"""A Babel extractor for content files, so ``pybabel extract`` handles them too.

Registered as the ``dsfr_accordion`` entry of ``babel.extractors``. Map content
files to it in ``babel.cfg``::

    [dsfr_accordion: content/**.yaml]
    [dsfr_accordion: content/**.md]

Each unit comes out as a ``pgettext`` call, so its ``msgctxt`` is kept (the
default keywords of ``pybabel extract`` include ``pgettext``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO

from ..loaders import loader_for
from .units import extract as extract_units


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, object],
    comment_tags: object,
    options: Mapping[str, str],
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Yield ``(line, "pgettext", (msgctxt, msgid), [comment])`` for each unit of the file."""
    name = getattr(fileobj, "name", "") or options.get("filename", "")
    loader = loader_for(name)
    document = loader(fileobj.read().decode("utf-8-sig"), name)
    for unit in extract_units(document):
        yield unit.line or 1, "pgettext", (unit.context, unit.text), [unit.comment]
