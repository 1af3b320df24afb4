"""The content schema, declared once: every field of a content file, its kind,
where YAML and Markdown write it, and whether translators see it.

The loaders read what this declares (the keys each mapping allows, which
Markdown attribute line gives which field, how each kind of value is
checked), the YAML writer (:mod:`dsfr_accordion.dump`) writes fields in this
order, and translation (:mod:`dsfr_accordion.i18n.units`) extracts the fields
that have a ``role``. The model (:mod:`dsfr_accordion.model`) has one attribute
per field, of the same name.

Adding an optional field to a testimonial: a row in :data:`TESTIMONIAL`, the
attribute on :class:`~dsfr_accordion.model.Testimonial`, what the page shows
of it (``markup.AccordionWriter``) and docs/content-format.md (the recipe is in
docs/architecture.md). ``date`` was added so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .errors import ContentError
from .ids import check_id
from .model import Location
from .sanitize import source_url
from .ui import N_


class Kind(StrEnum):
    """What a field's value is, and so how it is read and checked."""

    TEXT = "text"  #: plain text on one line
    RICH = "rich"  #: Markdown rich text: paragraphs, lists, quotes
    ID = "id"  #: an explicit id, safe for the DSFR JS
    URL = "url"  #: an absolute http(s) URL
    DATE = "date"  #: a calendar date, YYYY-MM-DD
    FLAG = "flag"  #: true or false
    LANG = "lang"  #: a BCP 47 language tag
    MAPPING = "mapping"  #: free-form YAML, kept as given
    RECORDS = "records"  #: a list of the records of another table


class Place(StrEnum):
    """Where a Markdown content file writes a field."""

    FRONT_MATTER = "front matter"  #: a key of the YAML block at the top
    HEADING = "heading"  #: the text of the record's ``##`` or ``###`` heading
    ATTRIBUTE = "attribute line"  #: ``{key="value"}`` above the heading or the quote
    BODY = "body"  #: the Markdown below the heading
    SECTIONS = "sections"  #: the headings below (``##`` testimonials, ``###`` items)


@dataclass(frozen=True, slots=True)
class Field:
    """One field: its key (in YAML, in attribute lines, on the model), kind and
    Markdown place; ``role`` is its part of the translation context (``None``:
    translators never see it), ``comment`` what they are told it is."""

    key: str
    kind: Kind
    markdown: Place
    required: bool = False
    role: str | None = None
    comment: str = ""
    #: The fields of each record of a :attr:`Kind.RECORDS` field.
    of: tuple[Field, ...] = ()


#: One question and its answer.
ITEM = (
    Field(
        "question",
        Kind.TEXT,
        Place.HEADING,
        required=True,
        role="question",
        comment="question {number} (a heading in the panel)",
    ),
    Field("id", Kind.ID, Place.ATTRIBUTE),
    Field(
        "answer",
        Kind.RICH,
        Place.BODY,
        required=True,
        role="answer",
        comment="answer to question {number}",
    ),
)

#: The attribution of a quote, in the attribute line above it.
QUOTE = (
    Field("author", Kind.TEXT, Place.ATTRIBUTE),
    Field("role", Kind.TEXT, Place.ATTRIBUTE, role="quote/role", comment="role of the speaker"),
    Field(
        "organisation",
        Kind.TEXT,
        Place.ATTRIBUTE,
        role="quote/organisation",
        comment="organisation",
    ),
    Field(
        "source",
        Kind.TEXT,
        Place.ATTRIBUTE,
        role="quote/source",
        comment="work or event quoted",
    ),
    Field("url", Kind.URL, Place.ATTRIBUTE),
)


#: One testimonial: one accordion.
TESTIMONIAL = (
    Field(
        "title",
        Kind.TEXT,
        Place.HEADING,
        required=True,
        role="title",
        comment="label of the accordion button",
    ),
    Field("id", Kind.ID, Place.ATTRIBUTE),
    Field(
        "organisation",
        Kind.TEXT,
        Place.ATTRIBUTE,
        role="organisation",
        comment="organisation of the speaker of its quotes",
    ),
    Field("author", Kind.TEXT, Place.ATTRIBUTE),
    Field(
        "role",
        Kind.TEXT,
        Place.ATTRIBUTE,
        role="role",
        comment="role of the speaker of its quotes",
    ),
    Field("source_url", Kind.URL, Place.ATTRIBUTE),
    Field("date", Kind.DATE, Place.ATTRIBUTE),
    Field("open", Kind.FLAG, Place.ATTRIBUTE),
    Field("intro", Kind.RICH, Place.BODY, role="intro", comment="introduction"),
    Field("items", Kind.RECORDS, Place.SECTIONS, required=True, of=ITEM),
)

#: A page of testimonials (a YAML file, or a Markdown file's front matter and body).
DOCUMENT = (
    Field("title", Kind.TEXT, Place.FRONT_MATTER, required=True),
    Field("lang", Kind.LANG, Place.FRONT_MATTER),
    Field("date", Kind.TEXT, Place.FRONT_MATTER),
    Field("metadata", Kind.MAPPING, Place.FRONT_MATTER),
    Field("testimonials", Kind.RECORDS, Place.SECTIONS, required=True, of=TESTIMONIAL),
)


def keys(fields: tuple[Field, ...], place: Place | None = None) -> tuple[str, ...]:
    """The keys of ``fields``, in order; only those Markdown writes at ``place``."""
    return tuple(f.key for f in fields if place is None or f.markdown is place)


_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def attribute(spec: Field, text: str, location: Location) -> object:
    """The value of ``spec`` written as ``text`` in an attribute line: stripped, as
    YAML text is read; empty is absent (``None``), as in YAML, but for a flag."""
    text = text.strip()
    if not text and spec.kind is not Kind.FLAG:
        return None
    return checked(spec, text, location)


def checked(spec: Field, text: str, location: Location) -> object:
    """The value of ``spec`` written as ``text`` (stripped, not empty) at ``location``:
    checked for its kind, for the loaders of both formats. Raises :class:`ContentError`."""
    if spec.kind is Kind.ID:
        return check_id(text, location)
    if spec.kind is Kind.URL and source_url(text) is None:
        raise ContentError.of("invalid-url", location, key=spec.key, value=text)
    if spec.kind is Kind.FLAG:
        if text not in ("true", "false"):
            raise ContentError.of(
                "wrong-type",
                location,
                key=spec.key,
                expected=N_("true or false"),
                found=repr(text),
            )
        return text == "true"
    if spec.kind is Kind.DATE and not _is_date(text):
        raise ContentError.of("invalid-date", location, key=spec.key, value=text)
    return text


def _is_date(text: str) -> bool:
    """Whether ``text`` is a real calendar date written YYYY-MM-DD."""
    if not _DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:  # 2024-02-30
        return False
    return True
