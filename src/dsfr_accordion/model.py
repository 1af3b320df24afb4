"""The content model: the contract between load, ids and render.

All classes are frozen dataclasses: a stage never changes its input, it returns
a new value (``dataclasses.replace``). Rich text is a tuple of blocks; the text
of a block is *inline HTML* restricted to the inline allowlist of
:mod:`dsfr_accordion.sanitize` (emphasis, strong, code, line breaks, links).
Loaders produce it already sanitized (and mark it so), and the renderer
sanitizes whatever is not marked, so a document built by hand through this API
cannot inject markup either.

Plain-text fields (titles, questions, attribution) are never interpreted as
markup: the renderer escapes them.

Any text field may hold a :class:`ForeignText`: text left in another language
than the document's, such as a French string a translation does not cover yet.
The renderer marks it with its ``lang`` (RGAA 8.7).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a source file; ``line`` and ``column`` count from 1."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class ForeignText(str):
    """A string in the language ``lang`` rather than its document's language."""

    __slots__ = ("lang",)
    lang: str

    def __new__(cls, text: str, lang: str) -> ForeignText:
        value = super().__new__(cls, text)
        value.lang = lang
        return value

    def __reduce__(self) -> tuple[type[ForeignText], tuple[str, str]]:
        return ForeignText, (str(self), self.lang)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of inline HTML."""

    kind: ClassVar[str] = "paragraph"
    html: str
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list; each item is inline HTML.

    ``start`` is the number of the first item of a numbered list.
    """

    kind: ClassVar[str] = "list"
    items: tuple[str, ...]
    ordered: bool = False
    start: int = 1
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said a quote and where it comes from; every field is optional plain text."""

    author: str | None = None
    role: str | None = None
    organisation: str | None = None
    source: str | None = None
    url: str | None = None

    def __bool__(self) -> bool:
        return any((self.author, self.role, self.organisation, self.source, self.url))


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation, rendered as a DSFR ``fr-quote``.

    ``blocks`` hold the quoted words without quotation marks: the renderer adds
    those of the page language. ``attribution`` is ``None`` when the quote gives
    none, in which case it takes its testimonial's (see :meth:`Testimonial.attribution`).
    """

    kind: ClassVar[str] = "quote"
    blocks: tuple[Paragraph | ListBlock, ...]
    attribution: Attribution | None = None
    location: Location | None = field(default=None, compare=False)


Block = Paragraph | ListBlock | Quote


@dataclass(frozen=True, slots=True)
class Item:
    """A question (plain text) and its answer (rich text).

    ``id`` is the explicit id of the question's heading (the target of a link to
    it), or ``None``: :func:`dsfr_accordion.ids.allocate_question_ids` then makes
    one from the question. The fields are declared in :data:`dsfr_accordion.schema.ITEM`.
    """

    question: str
    answer: tuple[Block, ...]
    id: str | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Testimonial:
    """One accordion section: a title, an optional intro and its items.

    ``id`` is the explicit id from the content, or ``None``: the panel id comes
    from :func:`dsfr_accordion.ids.allocate_ids`, which claims the explicit ones.
    ``date`` is when it was given or published, ``YYYY-MM-DD``. The fields are
    declared in :data:`dsfr_accordion.schema.TESTIMONIAL`.
    """

    title: str
    items: tuple[Item, ...]
    id: str | None = None
    organisation: str | None = None
    author: str | None = None
    role: str | None = None
    source_url: str | None = None
    intro: tuple[Block, ...] = ()
    open: bool = False
    date: str | None = None
    location: Location | None = field(default=None, compare=False)

    def attribution(self) -> Attribution | None:
        """The default attribution of this testimonial's quotes, or ``None``."""
        default = Attribution(
            author=self.author,
            role=self.role,
            organisation=self.organisation,
            url=self.source_url,
        )
        return default or None


@dataclass(frozen=True, slots=True)
class Document:
    """A page of testimonials written in ``lang``."""

    title: str
    testimonials: tuple[Testimonial, ...]
    lang: str = "fr"
    date: str | None = None
    metadata: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    location: Location | None = field(default=None, compare=False)
