"""dsfr-accordion: accessible, multilingual Q&A testimonials as DSFR accordions.

The public API is what this module exports; everything else may change.

>>> import dsfr_accordion
>>> document = dsfr_accordion.load("examples/temoignages-cloud.yaml")  # doctest: +SKIP
>>> html = dsfr_accordion.render_page(document)                         # doctest: +SKIP

Names are imported on first use (PEP 562), so that the command line and a
plain render load neither Babel's catalogues, nor the importer, nor the audit.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ._version import __version__

#: Public name -> module (relative to this package) that defines it.
_EXPORTS: dict[str, str] = {
    "DSFR_VERSION": ".assets",
    "PageAssets": ".assets",
    "page_assets": ".assets",
    "copy_dist": ".assets",
    "dump_yaml": ".dump",
    "ContentError": ".errors",
    "DsfrAccordionError": ".errors",
    "Location": ".model",
    "ContentTranslations": ".i18n.catalogs",
    "Translation": ".i18n.catalogs",
    "load_translations": ".i18n.catalogs",
    "translate": ".i18n.catalogs",
    "jinja_loader": ".environments",
    "IdAllocator": ".ids",
    "slugify": ".ids",
    "load": ".loaders",
    "ImportReportWarning": ".loaders.legacy_html",
    "import_html": ".loaders.legacy_html",
    "Attribution": ".model",
    "Block": ".model",
    "Document": ".model",
    "ForeignText": ".model",
    "Item": ".model",
    "ListBlock": ".model",
    "Paragraph": ".model",
    "Quote": ".model",
    "Testimonial": ".model",
    "BuiltPage": ".site",
    "build_site": ".site",
    "inline_html": ".markup",
    "text_html": ".markup",
    "render": ".rendering",
    "render_page": ".rendering",
}

__all__ = [
    "DSFR_VERSION",
    "Attribution",
    "Block",
    "BuiltPage",
    "ContentError",
    "ContentTranslations",
    "Document",
    "DsfrAccordionError",
    "ForeignText",
    "IdAllocator",
    "ImportReportWarning",
    "Item",
    "ListBlock",
    "Location",
    "PageAssets",
    "Paragraph",
    "Quote",
    "Testimonial",
    "Translation",
    "__version__",
    "build_site",
    "copy_dist",
    "dump_yaml",
    "import_html",
    "inline_html",
    "jinja_loader",
    "load",
    "load_translations",
    "page_assets",
    "render",
    "render_page",
    "slugify",
    "text_html",
    "translate",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from .assets import DSFR_VERSION, PageAssets, copy_dist, page_assets
    from .dump import dump_yaml
    from .errors import ContentError, DsfrAccordionError
    from .i18n.catalogs import ContentTranslations, Translation, load_translations, translate
    from .ids import IdAllocator, slugify
    from .loaders import load
    from .loaders.legacy_html import ImportReportWarning, import_html
    from .markup import inline_html, text_html
    from .model import (
        Attribution,
        Block,
        Document,
        ForeignText,
        Item,
        ListBlock,
        Location,
        Paragraph,
        Quote,
        Testimonial,
    )
    from .rendering import render, render_page
    from .site import BuiltPage, build_site
