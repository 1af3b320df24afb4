"""The contenders of the render scenario, each behind the same small interface.

A contender's :meth:`Contender.prepare` takes the number of accordion items and
returns a :class:`Prepared`: ``setup`` runs before each timed call (untimed),
``run`` is the timed call and returns the HTML. Everything a real site would do
once (building the data, loading and compiling templates, configuring Django)
happens in ``prepare`` and in an untimed first call.

- ``dsfr-accordion``: ``dsfr_accordion.render(document)`` on the model as the
  loaders leave it (rich text sanitized at load, as the floor's data is
  prepared); ``dsfr-accordion (hand-built)``: the same document built by hand
  with plain strings, which render sanitizes (the sanitizer's cache emptied
  before each call: content never rendered before).
- ``bare Jinja (floor)``: one flat Jinja2 template writing byte for byte the
  same markup from data prepared beforehand (ids allocated, text sanitized).
- ``govuk-frontend-jinja``: the same panel content built in Jinja, then the
  ``govukAccordion`` macro (GOV.UK markup around it).
- ``django-dsfr``: the same panel content from a Django template per item,
  then the ``dsfr_accordion_group`` tag (one ``dsfr_accordion`` inclusion tag
  per item), as its documentation shows.

On minimal content (:func:`.corpus.minimal_document`, issue 19) only
dsfr-accordion and its floor are compared: :data:`MINIMAL`.

A peer that is not installed is skipped with a note naming the extra.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

import dsfr_accordion
from dsfr_accordion import sanitize, ui

from . import corpus

TEMPLATES = Path(__file__).resolve().parent / "templates"
INSTALL_HINT = "pip install -e '.[bench]'"


@dataclass(frozen=True, slots=True)
class Prepared:
    """A contender ready to render ``count`` items: ``setup`` untimed, then ``run`` timed."""

    run: Callable[[], str]
    setup: Callable[[], None] | None = None


@dataclass(frozen=True, slots=True)
class Contender:
    """One way of rendering the accordion items."""

    key: str
    label: str
    package: str | None
    prepare: Callable[[int], Prepared]
    description: str

    @property
    def version(self) -> str | None:
        """The installed version of the package compared, ``None`` when missing."""
        name = self.package or "dsfr-accordion"
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return None

    @property
    def missing(self) -> str | None:
        """Why the contender cannot run here, or ``None``."""
        if self.version is None:
            return f"{self.package} is not installed ({INSTALL_HINT})"
        return None


def quote_marks() -> tuple[str, str]:
    """The French quotation marks dsfr-accordion puts around quoted text."""
    return ui.quote_marks("fr")


@cache
def plain_data(count: int) -> tuple[dict[str, Any], ...]:
    """The items as plain dictionaries: ids allocated as render allocates them (every
    panel's, then every question's), text as safe markup."""
    allocator = dsfr_accordion.IdAllocator()
    entries = corpus.entries(count)
    panel_ids = [allocator.allocate(entry.title) for entry in entries]
    return tuple(
        {
            "id": panel_id,
            "title": entry.title,
            "organisation": entry.organisation,
            "question": entry.question,
            "question_id": allocator.allocate_within(panel_id, entry.question),
            "paragraphs": [Markup(p) for p in entry.paragraphs],
            "list_items": [Markup(i) for i in entry.list_items],
        }
        for entry, panel_id in zip(entries, panel_ids, strict=True)
    )


def _library(loaded: bool) -> Callable[[int], Prepared]:
    def prepare(count: int) -> Prepared:
        document = corpus.document(count, loaded=loaded)
        return Prepared(
            run=lambda: dsfr_accordion.render(document),
            setup=sanitize.clean_inline.cache_clear,
        )

    return prepare


@cache
def _jinja() -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(TEMPLATES)]
    if importlib.util.find_spec("govuk_frontend_jinja") is not None:
        loaders.append(
            jinja2.PrefixLoader(
                {"govuk_frontend_jinja": jinja2.PackageLoader("govuk_frontend_jinja")}
            )
        )
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )


def _jinja_template(name: str) -> Callable[[int], Prepared]:
    def prepare(count: int) -> Prepared:
        template = _jinja().get_template(name)
        items = plain_data(count)
        opening, closing = quote_marks()
        return Prepared(
            run=lambda: template.render(items=items, quote_open=opening, quote_close=closing)
        )

    return prepare


@cache
def _django_setup() -> None:
    import django  # noqa: PLC0415 - a peer, only when benchmarked
    from django.conf import settings  # noqa: PLC0415

    if not settings.configured:
        settings.configure(
            DEBUG=False,
            USE_I18N=False,
            INSTALLED_APPS=["widget_tweaks", "dsfr"],
            TEMPLATES=[
                {
                    "BACKEND": "django.template.backends.django.DjangoTemplates",
                    "DIRS": [str(TEMPLATES / "django")],
                    "APP_DIRS": True,
                }
            ],
        )
        django.setup()


def _django(count: int) -> Prepared:
    _django_setup()
    from django.template.loader import get_template  # noqa: PLC0415
    from django.utils.safestring import mark_safe  # noqa: PLC0415

    content = get_template("bench_content.html")
    group = get_template("bench_group.html")
    items = plain_data(count)
    opening, closing = quote_marks()

    def run() -> str:
        sections = [
            {
                "id": item["id"],
                "title": item["title"],
                "heading_tag": "h3",
                "content": mark_safe(  # the text is sanitized in the corpus
                    content.render({"item": item, "quote_open": opening, "quote_close": closing})
                ),
            }
            for item in items
        ]
        return group.render({"items": sections})

    return Prepared(run=run)


CONTENDERS: tuple[Contender, ...] = (
    Contender(
        "dsfr-accordion",
        "dsfr-accordion",
        None,
        _library(loaded=True),
        "render(document) of a document as the loaders leave it (rich text sanitized at "
        "load): ids from the titles, validation, quotes, attribution, ARIA, language marks",
    ),
    Contender(
        "dsfr-accordion-hand-built",
        "dsfr-accordion (hand-built)",
        None,
        _library(loaded=False),
        "the same document built by hand with plain strings: render sanitizes every "
        "paragraph and list item (the sanitizer's cache emptied before each call)",
    ),
    Contender(
        "floor",
        "bare Jinja (floor)",
        "jinja2",
        _jinja_template("floor.html.j2"),
        "one flat Jinja2 template writing the same markup from prepared data",
    ),
    Contender(
        "govuk",
        "govuk-frontend-jinja",
        "govuk-frontend-jinja",
        _jinja_template("govuk.html.j2"),
        "the same panel content in Jinja, then the govukAccordion macro",
    ),
    Contender(
        "django-dsfr",
        "django-dsfr",
        "django-dsfr",
        _django,
        "the same panel content from a Django template per item, then {% dsfr_accordion_group %}",
    ),
)


def _minimal_library(count: int) -> Prepared:
    document = corpus.minimal_document(count)
    return Prepared(
        run=lambda: dsfr_accordion.render(document), setup=sanitize.clean_inline.cache_clear
    )


def _minimal_floor(count: int) -> Prepared:
    template = _jinja().get_template("floor-minimal.html.j2")
    items = tuple(
        item | {"answer": Markup(corpus.minimal_answer(index))}
        for index, item in enumerate(plain_data(count))
    )
    return Prepared(run=lambda: template.render(items=items))


#: dsfr-accordion and the bare Jinja floor on minimal content: one short plain paragraph
#: per answer.
MINIMAL: tuple[Contender, ...] = (
    Contender(
        "dsfr-accordion",
        "dsfr-accordion",
        None,
        _minimal_library,
        "render(document) of minimal content as the loaders leave it",
    ),
    Contender(
        "floor",
        "bare Jinja (floor)",
        "jinja2",
        _minimal_floor,
        "one flat Jinja2 template writing the same markup from prepared data",
    ),
)


def by_key(key: str) -> Contender:
    """The contender named ``key``."""
    return next(c for c in CONTENDERS if c.key == key)
