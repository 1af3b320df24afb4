"""Deterministic, unique, DSFR-safe ids: the one id allocator.

The DSFR JavaScript finds a panel's button with the selector
``[aria-controls="<id>"]``, so an id with a quote breaks the whole page, a
backslash unlinks the pair and a duplicate makes two buttons toggle one panel.
Every id this library emits therefore comes from an :class:`IdAllocator`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .errors import ContentError, DsfrAccordionError
from .model import Document, Location
from .syntax import is_safe_id
from .ui import N_

#: Longest slug generated from a title, before any ``-N`` suffix.
MAX_SLUG_LENGTH = 48

#: Base used when a title leaves nothing to slug (only punctuation, emoji…).
FALLBACK_SLUG = "accordion"

# Letters that Unicode decomposition does not reduce to ASCII.
_TRANSLITERATIONS: dict[str, str] = {
    "œ": "oe",
    "Œ": "oe",
    "æ": "ae",
    "Æ": "ae",
    "ß": "ss",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
    "\u0131": "i",  # dotless i
    "ð": "d",
    "þ": "th",
}
_TRANSLITERATED = re.compile("[" + "".join(_TRANSLITERATIONS) + "]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# The combining marks of Latin accents (U+0300-U+036F but U+034F, the grapheme
# joiner, which has no combining class): removed in one pass, so
# that a French title seldom needs a look at each of its non-ASCII characters.
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")


def _transliterate(match: re.Match[str]) -> str:
    """The ASCII spelling of a letter of :data:`_TRANSLITERATIONS`."""
    return _TRANSLITERATIONS[match.group()]


def _fold(match: re.Match[str]) -> str:
    """A non-ASCII character after decomposition: a combining mark goes (the accent
    of ``é``), anything else becomes a separator, as any other non-slug character.
    """
    return "" if unicodedata.combining(match.group()) else "-"


def slugify(text: str) -> str:
    """Return an id base for ``text``: ASCII ``[a-z][a-z0-9-]*``, at most 48 characters.

    Accents are folded (``Géoplateforme`` → ``geoplateforme``), other runs of
    characters become ``-``; a slug that would start with a digit gets the
    ``accordion-`` prefix, and an empty one is ``accordion``.
    """
    return _finished(_runs(text))


def _runs(text: str) -> str:
    """The runs of ``[a-z0-9]`` of ``text`` once folded, joined with ``-``.

    Each character folds on its own, and white space separates runs: the runs of
    a text are those of its words (what :meth:`IdAllocator._slug` relies on).
    """
    # Only non-ASCII characters need a look at a table or at their Unicode data:
    # regular expression passes instead of a Python step per character
    # (docs/benchmarks.md).
    if text.isascii():
        bare = text.lower()
    else:
        transliterated = _TRANSLITERATED.sub(_transliterate, text)
        folded = unicodedata.normalize("NFKD", transliterated.lower())
        bare = _LATIN_MARKS.sub("", folded)
        if not bare.isascii():
            bare = _NON_ASCII.sub(_fold, bare)
    return _NOT_SLUG.sub("-", bare).strip("-")


def _finished(slug: str) -> str:
    """The id base of the runs ``slug``: a letter first, at most 48 characters."""
    if not slug:
        return FALLBACK_SLUG
    if not slug[0].isalpha():
        slug = f"{FALLBACK_SLUG}-{slug}"
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[: MAX_SLUG_LENGTH + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:MAX_SLUG_LENGTH]
    return slug


def id_problem(value: str) -> str | None:
    """Say why ``value`` is not a safe id, or return ``None`` if it is one."""
    if not value:
        return N_("it is empty")
    if not value.isascii():
        return N_("it holds non-ASCII characters")
    if any(ch.isspace() for ch in value):
        return N_("it holds white space")
    if any(ch in "\"'`\\" for ch in value):
        return N_("it holds a quote or a backslash")
    if not value[0].isalpha():
        return N_("it does not start with a letter")
    if not is_safe_id(value):
        return N_("it holds characters other than letters, digits, '-' and '_'")
    return None


def check_id(value: str, location: Location | None = None) -> str:
    """Return ``value`` if it is a safe id; raise a :class:`ContentError` otherwise."""
    problem = id_problem(value)
    if problem:
        raise ContentError.of(
            "invalid-id", location, value=value, reason=problem, example=slugify(value)
        )
    return value


class IdAllocator:
    """Hands out ids unique within one page.

    Share one allocator between several :func:`dsfr_accordion.render` calls
    whose output goes into the same page. ``reserved`` are ids the host page
    already uses; ``prefix`` is put before every id (``"faq-"`` gives
    ``faq-geoplateforme``). Allocation is deterministic: the same requests in
    the same order give the same ids.
    """

    def __init__(self, reserved: Iterable[str] = (), prefix: str = "") -> None:
        if prefix and not is_safe_id(prefix):
            raise DsfrAccordionError.of("invalid-prefix", value=prefix)
        self.prefix = prefix
        self._reserved = frozenset(reserved)
        self._taken: set[str] = set(self._reserved)
        # Per base, the suffix to try first: every lower one is already taken, and
        # ids are never given back, so allocation stays linear when titles collide.
        self._next_suffix: dict[str, int] = {}
        # The slug of each text seen: testimonials of a page ask the same questions
        # ("Pouvez-vous décrire le projet ?"), each slugged once; and the runs of each
        # word seen, as titles and questions share most of their words
        # (docs/benchmarks.md).
        self._slugs: dict[str, str] = {}
        self._words: dict[str, str] = {}

    @property
    def taken(self) -> frozenset[str]:
        """Every id reserved or handed out so far."""
        return frozenset(self._taken)

    def reserve(self, ids: Iterable[str]) -> None:
        """Mark ``ids`` as used by the host page."""
        self._reserved |= frozenset(ids)
        self._taken.update(ids)

    def claim(self, explicit: str, location: Location | None = None) -> str:
        """Take the explicit id ``explicit`` (prefixed) or raise if it is not free."""
        wanted = self.prefix + check_id(explicit, location)
        if wanted in self._reserved:
            raise ContentError.of("reserved-id", location, value=wanted)
        if wanted in self._taken:
            raise ContentError.of(
                "duplicate-id",
                location,
                value=wanted,
                where=N_("by another testimonial or question"),
            )
        self._taken.add(wanted)
        return wanted

    def allocate(self, text: str) -> str:
        """A fresh id from ``text``: its slug, suffixed ``-2``, ``-3``… when taken."""
        return self._fresh(self.prefix + self._slug(text))

    def allocate_within(self, parent: str, text: str) -> str:
        """A fresh id for ``text`` inside the element ``parent`` (an id this allocator
        gave): ``parent``, ``-`` and ``text``'s slug, suffixed ``-2``, ``-3``… when taken.

        The prefix is not added again: ``parent`` holds it.
        """
        return self._fresh(f"{parent}-{self._slug(text)}")

    def _slug(self, text: str) -> str:
        """:func:`slugify` of ``text``, once per text for this allocator, from the runs
        of its words, each word folded once (the same slug: ``tests/test_properties.py``)."""
        slug = self._slugs.get(text)
        if slug is None:
            runs = []
            for word in text.split():
                run = self._words.get(word)
                if run is None:
                    run = self._words[word] = _runs(word)
                if run:
                    runs.append(run)
            slug = self._slugs[text] = _finished("-".join(runs))
        return slug

    def _fresh(self, base: str) -> str:
        """``base``, or the first of ``base-2``, ``base-3``… that is not taken; now taken."""
        n = self._next_suffix.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in self._taken:
            n += 1
            candidate = f"{base}-{n}"
        self._next_suffix[base] = n + 1
        self._taken.add(candidate)
        return candidate


def allocate_ids(document: Document, ids: IdAllocator) -> tuple[str, ...]:
    """The panel id of each testimonial of ``document``, in order, taken from ``ids``.

    Explicit ids are claimed first, in document order, the testimonials' then
    the questions' (which :func:`allocate_question_ids` then gives), so that a
    generated id never takes an id the content asks for; then the others are
    generated from the titles. Allocate on the source-language document, so that
    ids are the same in every language.
    """
    final: dict[int, str] = {}
    for index, testimonial in enumerate(document.testimonials):
        if testimonial.id is not None:
            final[index] = ids.claim(testimonial.id, testimonial.location)
    for testimonial in document.testimonials:
        for item in testimonial.items:
            if item.id is not None:
                ids.claim(item.id, item.location)
    for index, testimonial in enumerate(document.testimonials):
        if index not in final:
            final[index] = ids.allocate(testimonial.title)
    return tuple(final[index] for index in range(len(document.testimonials)))


def allocate_question_ids(
    document: Document, ids: IdAllocator, panel_ids: tuple[str, ...]
) -> tuple[tuple[str, ...], ...]:
    """The id of each question of ``document``, per testimonial, taken from ``ids``:
    its explicit id (which :func:`allocate_ids` claimed), else the panel's id followed
    by the question's slug (``geoplateforme-quels-ont-ete-les-defis``).

    Call it after :func:`allocate_ids`, with the same allocator and the ids it gave,
    on the source-language document: generated question ids come after every panel
    id, so they never change one, and a question's id is the same in every language
    (its permalink, ``page.html#id``, too).
    """
    return tuple(
        tuple(
            ids.prefix + item.id
            if item.id is not None
            else ids.allocate_within(panel_id, item.question)
            for item in testimonial.items
        )
        for panel_id, testimonial in zip(panel_ids, document.testimonials, strict=True)
    )


def content_keys(document: Document) -> tuple[str, ...]:
    """Stable keys of the testimonials of a source document: its ids within itself alone.

    They do not depend on the page (prefix, reserved ids, other documents), so
    translation catalogues use them in their message contexts.
    """
    return allocate_ids(document, IdAllocator())
