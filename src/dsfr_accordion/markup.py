"""The model's text as HTML: plain text, rich text, and the content of a panel.

Everything here writes markup from escaped text and sanitized rich text only:
plain text goes through :func:`text_html`, rich text through
:func:`inline_html` (the one sanitizer), URLs through
:func:`~dsfr_accordion.sanitize.source_url` and :func:`~markupsafe.escape`.

A document's accordions (sections, question headings, paragraphs, lists, DSFR
quotes) are written here in Python rather than through template macros:
macro calls were most of a render's time (docs/benchmarks.md). The public
Jinja macro ``accordion.html.j2`` stays the reference for the accordion
markup: tests compare the two byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from markupsafe import Markup, escape

from . import ui
from .model import Attribution, Block, ListBlock, Paragraph, Quote, Testimonial
from .sanitize import clean_text, safe_inline, source_url


def _in_language(value: object, html: str) -> str:
    """``html`` inside ``<span lang>`` when ``value`` is text in another language."""
    lang = getattr(value, "lang", None)
    if lang is None:
        return html
    return f'<span lang="{escape(lang)}">{html}</span>'


def _text(value: object) -> str:
    """:func:`text_html` as a ``str``, for the writer."""
    return _in_language(value, escape(clean_text(str(value))))


def _inline(value: object) -> str:
    """:func:`inline_html` as a ``str`` for the writer: text the loaders sanitized is
    used as it is, not copied into a ``Markup`` (a page holds thousands of them).
    """
    return _in_language(value, safe_inline(value))


def plain_filter(value: object) -> Markup:
    """Plain text, escaped, without the code points a page may not hold."""
    return escape(clean_text(str(value)))


def lang_attribute(value: object) -> Markup:
    """`` lang="…"`` when ``value`` is a :class:`~dsfr_accordion.model.ForeignText`,
    else nothing: for an element that holds plain text only (``<title>``)."""
    lang = getattr(value, "lang", None)
    return Markup("") if lang is None else Markup(' lang="{}"').format(lang)


def text_html(value: object) -> Markup:
    """Plain text as HTML: escaped, and inside ``<span lang>`` when it is a
    :class:`~dsfr_accordion.model.ForeignText` (an untranslated fallback, RGAA 8.7).

    Register it as a filter of your own Jinja environment to show the titles and
    questions of a translated document in your templates.
    """
    return Markup(_text(value))


def inline_html(value: object) -> Markup:
    """Rich text (the model's inline HTML) as HTML: through the one sanitizer, and
    inside ``<span lang>`` when it is an untranslated fallback.
    """
    return Markup(_inline(value))


def date_line(iso: str, lang: str) -> str:
    """The line that dates a testimonial (``iso``, YYYY-MM-DD) on a ``lang`` page:
    "Testimonial of <time>21 May 2024</time>", in the library's words for that
    page (:func:`~dsfr_accordion.ui.interface_text`: marked with their language
    when they are not the page's), the date as CLDR writes it for that page's
    locale (``en-GB``: 21 May 2024), or for the words' language."""
    from datetime import date  # noqa: PLC0415 - Babel, only for a dated testimonial

    from babel.dates import format_date  # noqa: PLC0415

    # Translators: a line at the top of a testimonial's panel; {date} is a date, "21 May 2024"
    phrase = ui.interface_text(ui.N_("Testimonial of {date}"), lang)
    words = getattr(phrase, "lang", lang)
    shown = format_date(date.fromisoformat(iso), "long", locale=ui.babel_locale(words))
    time = Markup('<time datetime="{}">{}</time>').format(iso, shown)
    text = escape(phrase).replace("{date}", time)
    return f'<p class="fr-text--sm fr-mb-2w"{lang_attribute(phrase)}>{text}</p>'


@dataclass(frozen=True, slots=True)
class Enhancements:
    """What the library adds to the DSFR accordion (docs/accessibility.md, "Beyond
    the DSFR accordion"): each feature named in the group's ``data-dsfr-accordion``
    and carried out by the library's stylesheet and module (``static/``).

    - ``open_without_js``: every answer shown where the DSFR JavaScript does not run.
    - ``find_in_page``: closed panels searchable by the browser's find-in-page,
      which opens the panel of a match.
    - ``show_all``: a "show all / hide all" button above independent panels
      (never in a grouped accordion, nor for one panel).
    - ``permalinks``: a visible "link to this question" after each question.

    A link to a question (``page.html#id``) opens its panel in every marked group.
    """

    open_without_js: bool = True
    find_in_page: bool = True
    show_all: bool = True
    permalinks: bool = False

    def features(self, show_all: bool) -> str:
        """The value of ``data-dsfr-accordion``, in a fixed order; ``show_all``: whether
        the group gets the button (the option, and panels it applies to)."""
        names = (
            ("open-without-js", self.open_without_js),
            ("find-in-page", self.find_in_page),
            ("show-all", show_all),
            ("permalinks", self.permalinks),
        )
        return " ".join(name for name, on in names if on)


#: None of the enhancements: the DSFR accordion alone.
DSFR_ONLY = Enhancements(False, False, False, False)


class Section(NamedTuple):
    """One accordion to write: its panel's id, its testimonial, whether it is rendered
    open, and the id of each of its questions (ids from the one allocator).

    A named tuple rather than a dataclass: a render makes one per accordion, and a
    tuple is made in half the time (docs/benchmarks.md)."""

    panel_id: str
    testimonial: Testimonial
    opened: bool
    question_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccordionWriter:
    """Writes a document's accordions for one render.

    ``heading_level`` is the level of the accordion titles (2 to 6); questions
    are one level below (below h6: a paragraph with ``role="heading"`` and
    ``aria-level``). ``quote_open`` and ``quote_close`` are the page language's
    quotation marks as safe markup (escape them: they come from a translation
    catalogue).

    :meth:`accordions` writes byte for byte what the public macro ``accordion.html.j2``
    writes for the same items, the macro being the reference
    (``tests/test_jinja.py`` compares the two): a render spends no time in
    template calls, and site builders keep a template.
    """

    heading_level: int
    quote_open: Markup
    quote_close: Markup
    #: The page's language: the date line's words and date format follow it.
    lang: str = "fr"
    enhancements: Enhancements = DSFR_ONLY

    def accordions(self, sections: Iterable[Section], grouped: bool) -> Markup:
        """An accordions group: for each :class:`Section` one accordion, after the
        "show all" button when it applies (independent panels, more than one).

        Every method below appends pieces to one list, joined once at the end:
        each intermediate string would be one more copy of a page that can weigh
        megabytes (docs/benchmarks.md).
        """
        sections = list(sections)
        show_all = self.enhancements.show_all and not grouped and len(sections) > 1
        features = self.enhancements.features(show_all)
        marked = f' data-dsfr-accordion="{features}"' if features else ""
        group = "true" if grouped else "false"
        out = [f'<div class="fr-accordions-group" data-fr-group="{group}"{marked}>\n']
        if show_all:
            self.show_all(out, all(section.opened for section in sections))
        for section in sections:
            self.section(out, section)
        out.append("</div>")
        return Markup("".join(out))

    def _words(self) -> tuple[Callable[[str], str], str]:
        """The library's words for this page: its gettext, and `` lang="…"`` for the
        element that holds them when they are in another language (RGAA 8.7)."""
        words = ui.interface_language(self.lang)
        marked = f' lang="{escape(words)}"' if ui.interface_foreign(self.lang) else ""
        return ui.translations(words).gettext, marked

    def show_all(self, out: list[str], all_open: bool) -> None:
        """The group's "show all / hide all" button, ``hidden`` until the library's module
        shows it (it works only there); ``all_open``: every panel is rendered open.

        It carries both labels; ``aria-expanded`` says whether every panel is open.
        """
        gettext, marked = self._words()
        # Translators: the button above accordions that opens every panel
        show = escape(gettext(ui.N_("Show all sections")))
        # Translators: the same button once every panel is open: it closes them all
        hide = escape(gettext(ui.N_("Hide all sections")))
        expanded = "true" if all_open else "false"
        out.append(
            f'<p class="dsfr-accordion-show-all fr-mb-2w"{marked} hidden>'
            f'<button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary"'
            f' aria-expanded="{expanded}" data-dsfr-accordion-show="{show}"'
            f' data-dsfr-accordion-hide="{hide}">{hide if all_open else show}</button></p>\n'
        )

    def section(self, out: list[str], section: Section) -> None:
        """One accordion: the testimonial's title on its button, its content in its panel.

        Ids come from the id allocator (safe, unique); they are escaped anyway.
        """
        level = self.heading_level
        panel_id, testimonial, opened, question_ids = section
        panel = escape(panel_id)
        expanded, collapse = ("true", " fr-collapse--expanded") if opened else ("false", "")
        out += (
            f'<section class="fr-accordion">\n<h{level} class="fr-accordion__title">'
            f'<button type="button" class="fr-accordion__btn" aria-expanded="{expanded}"'
            f' aria-controls="{panel}">',
            _text(testimonial.title),
            f'</button></h{level}>\n<div class="fr-collapse{collapse}" id="{panel}">\n',
        )
        self.panel(out, testimonial, question_ids)
        out.append("\n</div>\n</section>\n")

    def panel(self, out: list[str], testimonial: Testimonial, question_ids: Sequence[str]) -> None:
        """The content of ``testimonial``'s panel: its intro, then each question (its
        heading with the id of ``question_ids`` at its place) and answer.

        Quotes without an attribution of their own take the testimonial's.
        """
        if testimonial.date:
            out.append(date_line(testimonial.date, self.lang))
        if testimonial.intro:
            if testimonial.date:
                out.append("\n")
            self.blocks(out, testimonial.intro, testimonial)
        for index, (item, question_id) in enumerate(
            zip(testimonial.items, question_ids, strict=True)
        ):
            if index or testimonial.intro or testimonial.date:
                out.append("\n")
            out += (self.heading(item.question, question_id), "\n")
            if self.enhancements.permalinks:
                self.permalink(out, question_id)
            self.blocks(out, item.answer, testimonial)

    def permalink(self, out: list[str], question_id: str) -> None:
        """The visible link to the question whose heading has ``question_id``, after it:
        its name is the same for every question, and the heading just above gives
        its context (RGAA 6.1)."""
        gettext, marked = self._words()
        # Translators: a link after each question of a testimonial, to that question
        label = escape(gettext(ui.N_("Link to this question")))
        out.append(
            f'<p class="dsfr-accordion-permalink fr-mb-1w"{marked}>'
            f'<a class="fr-link fr-link--sm" href="#{escape(question_id)}">{label}</a></p>\n'
        )

    def heading(self, question: str, question_id: str) -> str:
        """A question as a heading one level below the accordion titles, with its id
        (the target of the question's permalink)."""
        level = self.heading_level + 1
        ident = escape(question_id)
        if level <= 6:
            return f'<h{level} class="fr-h6 fr-mt-3w" id="{ident}">{_text(question)}</h{level}>'
        return (
            f'<p class="fr-h6 fr-mt-3w" id="{ident}" role="heading" aria-level="{level}">'
            f"{_text(question)}</p>"
        )

    def blocks(self, out: list[str], blocks: tuple[Block, ...], testimonial: Testimonial) -> None:
        """Paragraphs, lists and quotes of ``testimonial``, separated by newlines."""
        for index, block in enumerate(blocks):
            if index:
                out.append("\n")
            if isinstance(block, Paragraph):
                out += ("<p>", _inline(block.html), "</p>")
            elif isinstance(block, Quote):
                self.quote(out, block, testimonial)
            else:
                self.list_block(out, block, "", "")

    def list_block(self, out: list[str], block: ListBlock, before: str, after: str) -> None:
        """A list; ``before`` opens its first item and ``after`` closes its last (quote marks)."""
        tag = "ol" if block.ordered else "ul"
        start = f' start="{escape(block.start)}"' if block.ordered and block.start != 1 else ""
        out.append(f"<{tag}{start}>\n")
        last = len(block.items) - 1
        for index, item in enumerate(block.items):
            out += (
                "<li>",
                before if index == 0 else "",
                _inline(item),
                after if index == last else "",
                "</li>\n",
            )
        out.append(f"</{tag}>")

    def quote(self, out: list[str], quote: Quote, testimonial: Testimonial) -> None:
        """A DSFR quote of ``testimonial``: the quoted blocks inside the language's
        quotation marks, then who said it (author, role, organisation, source linked
        when its URL is safe): the quote's own attribution, else the testimonial's.
        """
        # Asked for here, not once per panel: most answers hold no quote.
        who = quote.attribution or testimonial.attribution()
        url = source_url(who.url) if who else None
        cite = f' cite="{escape(url)}"' if url else ""
        out.append(f'<figure class="fr-quote">\n<blockquote{cite}>\n')
        last = len(quote.blocks) - 1
        for index, block in enumerate(quote.blocks):
            if index:
                out.append("\n")
            before = self.quote_open if index == 0 else ""
            after = self.quote_close if index == last else ""
            if isinstance(block, Paragraph):
                out += ('<p class="fr-text--lg">', before, _inline(block.html), after, "</p>")
            else:
                self.list_block(out, block, before, after)
        out.append("\n</blockquote>\n")
        if who:
            self.caption(out, who, url)
        out.append("</figure>")

    @staticmethod
    def caption(out: list[str], who: Attribution, url: str | None) -> None:
        """A quote's ``figcaption``: its author (else organisation), then role,
        organisation and source as a list.
        """
        author = who.author or who.organisation
        details = [
            detail for detail in (who.role, who.organisation if who.author else None) if detail
        ]
        out.append("<figcaption>\n")
        if author:
            out.append(f'<p class="fr-quote__author">{_text(author)}</p>\n')
        if details or who.source:
            out.append('<ul class="fr-quote__source">\n')
            out += [f"<li>{_text(detail)}</li>\n" for detail in details]
            if who.source:
                cited = f"<cite>{_text(who.source)}</cite>"
                linked = f'<a href="{escape(url)}">{cited}</a>' if url else cited
                out.append(f"<li>{linked}</li>\n")
            out.append("</ul>\n")
        out.append("</figcaption>\n")
