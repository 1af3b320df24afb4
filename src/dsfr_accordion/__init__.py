"""dsfr-accordion: accessible, multilingual Q&A testimonials as DSFR accordions.

The public API is what this module exports; everything else may change.

>>> import dsfr_accordion
>>> document = dsfr_accordion.load("examples/temoignages-cloud.yaml")  # doctest: +SKIP
>>> html = dsfr_accordion.render(document, page=True)                   # doctest: +SKIP
"""

from ._version import __version__
from .assets import DSFR_VERSION, copy_dist
from .dump import dump_yaml
from .errors import ContentError, DsfrAccordionError, Location
from .i18n.catalogs import ContentTranslations, Translation, load_translations, translate
from .ids import IdAllocator, slugify
from .loaders import load
from .loaders.legacy_html import ImportReportWarning, import_html
from .model import (
    Attribution,
    Block,
    Document,
    ForeignText,
    Item,
    ListBlock,
    Paragraph,
    Quote,
    Testimonial,
)
from .render import jinja_loader, render
from .site import BuiltPage, build_site

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
    "Paragraph",
    "Quote",
    "Testimonial",
    "Translation",
    "__version__",
    "build_site",
    "copy_dist",
    "dump_yaml",
    "import_html",
    "jinja_loader",
    "load",
    "load_translations",
    "render",
    "slugify",
    "translate",
]
