"""The library's Jinja environments: one per language, with its templates,
filters and the UI catalogue of that language (or of ``ui.FALLBACK_LANGUAGE``,
then the globals ``ui_lang`` and ``ui_foreign`` tell templates to mark it).

Only pages, a site's indexes and site builders' own templates need Jinja: a
fragment is written by :class:`dsfr_accordion.markup.AccordionWriter`, so
``render`` imports this module (and Jinja) only for a page.
"""

from __future__ import annotations

from functools import cache

from jinja2 import (
    BaseLoader,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
)

from . import ui
from .markup import lang_attribute, plain_filter, text_html


def jinja_loader() -> BaseLoader:
    """A Jinja loader for this library's templates, named ``dsfr_accordion/…``.

    Add it to your environment (for example in a ``ChoiceLoader``) to
    ``{% from "dsfr_accordion/accordion.html.j2" import accordion %}``.
    """
    return PackageLoader("dsfr_accordion", "templates")


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's per-user cache of compiled templates (in the temporary folder, mode 0700):
    a command line run then skips compiling them. ``None`` where no safe folder exists.
    """
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


@cache
def environment(lang: str) -> Environment:
    """The Jinja environment rendering in ``lang`` (cached: one per language)."""
    env = Environment(
        loader=jinja_loader(),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # Old-style gettext on purpose: newstyle trusts a translation as markup under
    # autoescape and %-formats it, so a hostile or careless catalogue could inject
    # HTML or crash the page. Here a translation is plain text, escaped like any
    # other (templates pass no variables to _(), docs/security.md).
    # A language without a UI catalogue gets the words of FALLBACK_LANGUAGE;
    # templates mark them with lang when ui_foreign (RGAA 8.7).
    words = ui.interface_language(lang)
    env.install_gettext_translations(ui.translations(words), newstyle=False)  # type: ignore[attr-defined]
    env.globals["ui_lang"] = words
    env.globals["ui_foreign"] = ui.interface_foreign(lang)
    env.filters["text"] = text_html
    env.filters["plain"] = plain_filter
    env.filters["lang_attribute"] = lang_attribute
    # Jinja's capitalize lowers the rest: "English (united kingdom)".
    env.filters["capfirst"] = lambda text: text[:1].upper() + text[1:]
    return env
