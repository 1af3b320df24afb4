"""Rendering a document as DSFR accordions: a fragment or a standalone page.

Stage order: the document's ids are assigned first (from the source-language
titles), then :class:`dsfr_accordion.markup.AccordionWriter` writes the
accordions (byte for byte what the public macro writes) and, for a page, the
page template puts them in place (:mod:`dsfr_accordion.environments`, the
only place that imports Jinja). Everything is escaped; rich text goes
through :func:`dsfr_accordion.sanitize.safe_inline`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup, escape

from . import ui
from .assets import page_assets
from .errors import ContentError, DsfrAccordionError
from .ids import IdAllocator, allocate_ids, allocate_question_ids
from .markup import DSFR_ONLY, AccordionWriter, Enhancements, Section
from .model import Document
from .sanitize import clean_text
from .syntax import HEADING_LEVELS, OPEN_CHOICES, is_language_tag

if TYPE_CHECKING:
    from .i18n.catalogs import ContentTranslations, Translation

OpenState = Literal["none", "first", "all"]

#: Ids the standalone page itself uses (main content, language menu); reserved
#: before the accordions' ids.
PAGE_IDS: tuple[str, ...] = ("contenu", "translate-menu")


@dataclass(frozen=True, slots=True)
class Alternate:
    """A language version of a page: its code, URL, name in itself, and whether it is this page."""

    code: str
    href: str
    name: str
    current: bool


def _check_renderable(document: Document) -> None:
    """Refuse what would render inaccessible markup: no section, a button or a heading
    without a name, an empty panel. Loaders refuse these already; documents built by
    hand go through the same rule.
    """
    if not document.testimonials:
        raise ContentError.of("empty-list", document.location, key="testimonials")
    for testimonial in document.testimonials:
        if not clean_text(testimonial.title).strip():
            raise ContentError.of("empty-value", testimonial.location, key="title")
        if not testimonial.items:
            raise ContentError.of("empty-list", testimonial.location, key="items")
        for item in testimonial.items:
            if not clean_text(item.question).strip():
                raise ContentError.of("empty-value", item.location, key="question")
            if not item.answer:
                raise ContentError.of("empty-value", item.location, key="answer")


def _opened(document: Document, open_state: OpenState | None) -> tuple[bool, ...]:
    """Whether each panel is rendered open: as ``open_state`` says, else as the content says."""
    panels = document.testimonials
    if open_state is None:
        return tuple(t.open for t in panels)
    if open_state == "first":
        return tuple(index == 0 for index in range(len(panels)))
    return (open_state == "all",) * len(panels)


@dataclass(frozen=True, slots=True)
class _Rendered:
    """The accordions of a document in its output language, before any page."""

    fragment: Markup
    title: str
    lang: str
    source_lang: str
    #: Whether the accordions use the library's enhancements (the page links their files).
    enhanced: bool


#: The keywords of :func:`render` and :func:`render_page` that :func:`_accordions`
#: takes as they are.
_ACCORDION_KEYWORDS = (
    "lang",
    "translations",
    "heading_level",
    "open",
    "grouped",
    "id_prefix",
    "reserved_ids",
    "ids",
    "faq_schema",
)
#: Their keywords that are the fields of :class:`~dsfr_accordion.markup.Enhancements`.
_ENHANCEMENT_KEYWORDS = tuple(flag.name for flag in fields(Enhancements))


def _accordion_options(arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments of :func:`_accordions` among ``arguments``, the keyword
    arguments of a call of :func:`render` or :func:`render_page` (its ``locals()``
    before anything else is assigned): the shared options as given, and the
    enhancements' flags as one :class:`~dsfr_accordion.markup.Enhancements`.

    The two public functions keep their explicit signatures (for ``help()``,
    editors and type checkers); what they share is read here, once."""
    options = {name: arguments[name] for name in _ACCORDION_KEYWORDS}
    options["enhancements"] = Enhancements(*(arguments[name] for name in _ENHANCEMENT_KEYWORDS))
    return options


def _accordions(
    document: Document,
    *,
    page: bool,
    lang: str | None,
    translations: ContentTranslations | Translation | None,
    heading_level: int | None,
    open: OpenState | None,
    grouped: bool,
    id_prefix: str,
    reserved_ids: Iterable[str],
    ids: IdAllocator | None,
    faq_schema: bool,
    enhancements: Enhancements,
) -> _Rendered:
    """The stages both renders share: check, ids, translation, markup."""
    _check_renderable(document)
    out_lang = lang or document.lang
    if not is_language_tag(out_lang):
        raise DsfrAccordionError.of("unknown-language", value=out_lang)
    document_lang = document.lang
    level = heading_level if heading_level is not None else (2 if page else 3)
    if level not in HEADING_LEVELS:
        raise DsfrAccordionError.of("heading-level", level=level)
    if open is not None and open not in OPEN_CHOICES:
        raise DsfrAccordionError.of("open-state", value=open)
    if grouped and open == "all" and len(document.testimonials) > 1:
        raise DsfrAccordionError.of("grouped-all-open")
    if ids is None:
        ids = IdAllocator(reserved=reserved_ids, prefix=id_prefix)
    elif id_prefix or reserved_ids:
        raise DsfrAccordionError.of("allocator-and-options")
    if page:
        ids.reserve(PAGE_IDS)
    panel_ids = allocate_ids(document, ids)
    question_ids = allocate_question_ids(document, ids, panel_ids)
    if out_lang != document.lang:
        # Babel's catalogue code loads only when a page is translated.
        from .i18n.catalogs import Translation, load_translations, translate  # noqa: PLC0415

        if isinstance(translations, Translation):
            translated = translations.document
            if (
                translations.source_lang != document.lang
                or translated.lang != out_lang
                or [len(t.items) for t in translated.testimonials] != list(map(len, question_ids))
            ):
                raise DsfrAccordionError.of("translation-of-another-document", lang=out_lang)
        else:
            # Translation is a step of its own, before render: doing it here hid
            # its fallbacks from the caller and read a file inside a render.
            warnings.warn(
                "render(lang=…) with a catalogue, or with none, is deprecated and goes in 0.2: "
                "pass translations=translate(document, load_translations(document, lang))",
                DeprecationWarning,
                stacklevel=3,
            )
            if translations is None:
                translations = load_translations(document, out_lang)
            translated = translate(document, translations).document
        document = translated
    opened = _opened(document, open)
    if grouped and sum(opened) > 1:
        raise DsfrAccordionError.of("grouped-several-open", count=sum(opened))
    opening, closing = ui.quote_marks(out_lang)
    writer = AccordionWriter(level, escape(opening), escape(closing), out_lang, enhancements)
    sections = (
        Section(*row)
        for row in zip(panel_ids, document.testimonials, opened, question_ids, strict=True)
    )
    fragment = writer.accordions(sections, grouped)
    if faq_schema:
        from .faq_schema import faq_script  # noqa: PLC0415 - JSON-LD, when asked for only

        fragment += Markup("\n") + faq_script(document)
    enhanced = enhancements != DSFR_ONLY
    return _Rendered(fragment, document.title, out_lang, document_lang, enhanced)


def render(
    document: Document,
    *,
    lang: str | None = None,
    translations: ContentTranslations | Translation | None = None,
    heading_level: int | None = None,
    open: OpenState | None = None,
    grouped: bool = False,
    id_prefix: str = "",
    reserved_ids: Iterable[str] = (),
    ids: IdAllocator | None = None,
    faq_schema: bool = False,
    open_without_js: bool = True,
    find_in_page: bool = True,
    show_all: bool = True,
    permalinks: bool = False,
    page: bool = False,
    dsfr_base: str | None = None,
    alternates: Mapping[str, str] | None = None,
) -> Markup:
    """Render ``document`` as DSFR accordions, a fragment to put in a page of your own;
    return the HTML as :class:`~markupsafe.Markup`.

    - ``lang``: language of the output; defaults to the document's. Another
      language translates the content with ``translations``, by default the
      catalogue beside the content file (``locales/<lang>/LC_MESSAGES/<name>.po``);
      untranslated and fuzzy strings stay in the source language, marked with
      ``lang``. Ids come from the source document, so they are the same in
      every language.
    - ``translations``: the content catalogue to use (see
      :class:`~dsfr_accordion.i18n.catalogs.ContentTranslations`), or the
      :class:`~dsfr_accordion.i18n.catalogs.Translation` that
      ``translate(document, catalogue)`` already made (to report its fallbacks
      without translating twice).
    - ``heading_level``: level of the accordion titles, 2 to 6; questions are
      one level below. Default: 3 (2 in :func:`render_page`, under its ``<h1>``).
    - ``open``: ``"none"``, ``"first"`` or ``"all"`` panels open; default
      ``None`` follows each testimonial's ``open``. Open panels always have
      ``aria-expanded="true"`` and ``fr-collapse--expanded`` together.
    - ``grouped``: one panel open at a time; default ``False``: independent
      panels (``data-fr-group="false"``), as DSFR accessibility guidance advises.
    - ``id_prefix``, ``reserved_ids``: put before every id; ids the host page
      already uses. To render several documents into one page, pass the same
      ``ids`` allocator to each call instead.
    - ``faq_schema``: add schema.org ``FAQPage`` structured data (JSON-LD) after
      the accordions, so search engines can show the questions.
    - ``open_without_js``, ``find_in_page``, ``show_all``, ``permalinks``: the
      library's enhancements (see :class:`~dsfr_accordion.markup.Enhancements`),
      the first three on by default, the visible links to each question off.
      A fragment carries their markup; the host page links their stylesheet
      and module (:func:`~dsfr_accordion.assets.page_assets`).
    - ``page``, ``dsfr_base``, ``alternates``: **deprecated**, use
      :func:`render_page` (``page=True`` warns and calls it; it goes in 0.2).

    The output depends only on the arguments: the same call gives the same bytes.
    Raises :class:`DsfrAccordionError` for an invalid option and
    :class:`~dsfr_accordion.errors.ContentError` for an id problem.
    """
    options = _accordion_options(locals())  # first: the locals are the arguments
    if page:
        warnings.warn(
            "render(document, page=True) is deprecated and goes in 0.2: "
            "call render_page(document) instead",
            DeprecationWarning,
            stacklevel=2,
        )
        enhancements = asdict(options.pop("enhancements"))
        return render_page(
            document, dsfr_base=dsfr_base, alternates=alternates, **enhancements, **options
        )
    if dsfr_base is not None or alternates is not None:
        warnings.warn(
            "render(dsfr_base=, alternates=) are options of a page, ignored in a fragment, "
            "and go in 0.2: give them to render_page(document)",
            DeprecationWarning,
            stacklevel=2,
        )
    return _accordions(document, page=False, **options).fragment


def render_page(
    document: Document,
    *,
    lang: str | None = None,
    translations: ContentTranslations | Translation | None = None,
    heading_level: int | None = None,
    open: OpenState | None = None,
    grouped: bool = False,
    id_prefix: str = "",
    reserved_ids: Iterable[str] = (),
    ids: IdAllocator | None = None,
    faq_schema: bool = False,
    open_without_js: bool = True,
    find_in_page: bool = True,
    show_all: bool = True,
    permalinks: bool = False,
    dsfr_base: str | None = None,
    alternates: Mapping[str, str] | None = None,
    canonical: str | None = None,
) -> Markup:
    """Render ``document`` as a standalone DSFR page (doctype, ``<html lang>``, title,
    skip link, ``<main>``, ``<h1>``, DSFR CSS and JS) holding its accordions.

    The options are those of :func:`render` (``heading_level`` defaults to 2,
    under the page's ``<h1>``; the page's own ids are reserved), and:

    - ``dsfr_base``: the URL of a folder holding the DSFR files (see
      :func:`dsfr_accordion.assets.copy_dist`); default: the pinned CDN
      release with Subresource Integrity.
    - ``alternates``: for a page available in several languages, language →
      URL of each version (this one included). The page then links them with
      ``<link rel="alternate" hreflang>`` (``x-default``: the content's
      language) and shows the DSFR language switcher (``fr-translate``).
      Search engines want absolute URLs there.
    - ``canonical``: the page's own absolute URL, linked as
      ``<link rel="canonical">``.

    The enhancements need their files beside the DSFR files: with ``dsfr_base``
    the page links them; with the CDN, which does not serve them, the page is
    rendered without any (the DSFR accordion alone).
    """
    options = _accordion_options(locals())  # first: the locals are the arguments
    if dsfr_base is None:
        options["enhancements"] = DSFR_ONLY  # the CDN does not serve the library's files
    rendered = _accordions(document, page=True, **options)
    return page_html(
        rendered.title,
        rendered.lang,
        rendered.fragment,
        dsfr_base=dsfr_base,
        alternates=alternates,
        default_lang=rendered.source_lang,
        canonical=canonical,
        enhanced=rendered.enhanced,
    )


def x_default(alternates: Mapping[str, str], default_lang: str) -> str | None:
    """The ``x-default`` version among ``alternates`` (language → URL): the one in
    the content's language ``default_lang``, or none when that is not among them."""
    return alternates.get(default_lang)


def page_html(
    title: str,
    lang: str,
    fragment: Markup,
    *,
    dsfr_base: str | None = None,
    alternates: Mapping[str, str] | None = None,
    default_lang: str | None = None,
    canonical: str | None = None,
    enhanced: bool = False,
) -> Markup:
    """A standalone DSFR page holding ``fragment`` (see :func:`render_page` for the options).

    ``default_lang`` names the ``alternates`` entry used as ``x-default``;
    ``enhanced``: ``fragment`` uses the library's enhancements, whose files the
    page then links (when they are local: ``dsfr_base``).
    """
    languages = [
        Alternate(code, href, ui.language_name(code, code), code == lang)
        for code, href in (alternates or {}).items()
    ]
    default = x_default(alternates or {}, default_lang or lang)
    # Jinja is imported for pages only: a fragment needs no template.
    from .environments import environment  # noqa: PLC0415

    return Markup(
        environment(lang)
        .get_template("dsfr_accordion/page.html.j2")
        .render(
            title=title,
            lang=lang,
            fragment=fragment,
            main_id=PAGE_IDS[0],
            menu_id=PAGE_IDS[1],
            assets=page_assets(dsfr_base),
            languages=languages,
            x_default=default,
            canonical=canonical,
            enhanced=enhanced,
        )
    )
