"""A multi-language site: one page per content file and language, and an index per language.

Layout of the output folder::

    SITE/fr/index.html            the French pages, listed
    SITE/fr/temoignages-cloud.html
    SITE/en/index.html
    SITE/en/temoignages-cloud.html
    SITE/index.html               the languages, each linking its index
    SITE/sitemap.xml              with base_url: every page and its versions
    SITE/dsfr/…                   with dsfr_dist: the DSFR files the pages link

Every page links its other language versions (``hreflang``, ``x-default`` for
the content's language) and shows the DSFR language switcher. With a
``base_url`` (where the site is published) those links are absolute, as search
engines require, each page links itself as canonical, and a sitemap lists
every page with its versions. The build is
atomic: it is made in a temporary folder that replaces ``SITE`` only when
every page has been written, so a failure leaves the previous site intact.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from . import ui
from .assets import ASSETS_FOLDER, copy_needed, needed_files
from .environments import environment
from .errors import DsfrAccordionError
from .i18n.catalogs import Translation, load_translations, locales_dir, translate
from .loaders import MAX_BYTES, load
from .output import staged_dir
from .rendering import page_html, render_page, x_default
from .sitemap import MAX_URLS, SITEMAP, SitemapPage, sitemap_xml

if TYPE_CHECKING:
    from .legacy.findings import Report

#: The page each language's folder keeps for its index.
INDEX_PAGE = "index.html"


@dataclass(frozen=True, slots=True)
class BuiltPage:
    """A page written by :func:`build_site`: where, and its translation (``None`` in the
    content's own language).
    """

    path: Path
    lang: str
    translation: Translation | None


def _listing(
    template: str,
    context: dict[str, object],
    lang: str,
    *,
    dsfr_base: str | None,
    canonical: str | None,
    alternates: dict[str, str] | None = None,
    default_lang: str | None = None,
) -> Markup:
    """A page of the site that lists others (a language's index, the root): the
    ``template``'s list, under the title "Testimonials" in ``lang``."""
    fragment = environment(lang).get_template(f"dsfr_accordion/{template}").render(**context)
    return page_html(
        # Translators: the title of a site's index page, which lists its testimonials
        ui.interface_text(ui.N_("Testimonials"), lang),
        lang,
        Markup(fragment),
        dsfr_base=dsfr_base,
        alternates=alternates,
        default_lang=default_lang,
        canonical=canonical,
    )


def _root(
    langs: Sequence[str], source_lang: str, dsfr_base: str | None, base_url: str | None
) -> Markup:
    """The site's root page, in the content's language: each language named in
    itself, linking its index (no redirect: a visitor chooses)."""
    languages = [(code, ui.language_name(code, code), f"./{code}/{INDEX_PAGE}") for code in langs]
    return _listing(
        "languages.html.j2",
        {"languages": languages},
        source_lang,
        dsfr_base=dsfr_base,
        canonical=base_url,
    )


#: A host name as DNS writes it (letters, digits, hyphens; dots between labels), or
#: an IPv4 address, which matches too, or an IPv6 address (written in brackets).
_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    r"|[0-9a-f]*:[0-9a-f:.]*",
    re.IGNORECASE,
)


def site_url(value: str) -> str:
    """``value``, the absolute ``http(s)`` URL where a site is published, ending
    with ``/`` and with its path percent-encoded; raises :class:`DsfrAccordionError`
    (``bad-base-url``) for anything else."""
    try:
        parts = urlsplit(value)
        host_ok = (
            parts.hostname is not None
            and _HOST.fullmatch(parts.hostname) is not None
            and parts.username is None  # credentials would be written in every link
            and (parts.port is None or parts.port > 0)
        )
    except ValueError:  # an invalid port (99999) or IPv6 address
        host_ok = False
    if (
        not host_ok
        or parts.scheme not in ("http", "https")
        or parts.query
        or parts.fragment
        or "#" in value
        or any(character.isspace() or ord(character) < 0x20 for character in value)
    ):
        raise DsfrAccordionError.of("bad-base-url", value=value)
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    return f"{parts.scheme}://{parts.netloc}{path.rstrip('/')}/"


def page_names(contents: Sequence[str | os.PathLike[str]]) -> list[str]:
    """The page file of each content file (its name with ``.html``), in order.

    Raises :class:`DsfrAccordionError` naming the content files when two would
    make the same page, or one would make a language's index page.
    """
    names: list[str] = []
    first: dict[str, str | os.PathLike[str]] = {}
    for content in contents:
        name = f"{Path(content).stem}.html"
        if name == INDEX_PAGE:
            raise DsfrAccordionError.of("page-is-index", content=content, page=name)
        if name in first:
            raise DsfrAccordionError.of(
                "page-name-clash", first=first[name], second=content, page=name
            )
        first[name] = content
        names.append(name)
    return names


def href(name: str) -> str:
    """``name``, a page file's name, as a relative link: every character a URL
    would read otherwise percent-encoded (``:``, ``#``, ``?``, spaces, line breaks,
    non-ASCII; a name that is not UTF-8 by its bytes), so that no name becomes
    another scheme, a fragment or a query.
    """
    return quote(name, safe="", errors="surrogateescape")


def build_site(
    contents: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    langs: Sequence[str],
    *,
    dsfr_dist: str | os.PathLike[str] | None = None,
    locales: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    max_bytes: int = MAX_BYTES,
    on_import_report: Callable[[Report], None] | None = None,
    base_url: str | None = None,
    open_without_js: bool = True,
    find_in_page: bool = True,
    show_all: bool = True,
    permalinks: bool = False,
) -> list[BuiltPage]:
    """Build the site of ``contents`` in ``langs`` into ``output``; return the pages written.

    Each content file is rendered in each language (its own language as written,
    the others through its catalogues, ``locales`` overriding the ``locales/``
    folder beside it). With ``dsfr_dist``, the DSFR files are copied into the
    site and linked relatively; otherwise pages link the pinned CDN release.
    ``progress(done, total, page)`` is called before each page is written;
    ``max_bytes`` and ``on_import_report`` are :func:`~dsfr_accordion.loaders.load`'s.
    ``base_url``, where the site will be published (see :func:`site_url`),
    makes the language links absolute, adds canonical links and ``sitemap.xml``.
    ``open_without_js``, ``find_in_page``, ``show_all`` and ``permalinks`` are
    :func:`~dsfr_accordion.render_page`'s: with ``dsfr_dist`` their files are
    copied with the DSFR files; without it, pages go without them.
    """
    base_url = site_url(base_url) if base_url is not None else None
    inputs = [
        *contents,
        *dict.fromkeys(locales_dir(content, locales) for content in contents),  # in order
        *([dsfr_dist] if dsfr_dist is not None else []),
    ]
    site = Path(output).resolve()
    for source in inputs:
        if site == Path(source).resolve() or site in Path(source).resolve().parents:
            raise DsfrAccordionError.of("output-is-input", output=output, input=source)
    names = page_names(contents)
    documents = [
        load(content, max_bytes=max_bytes, on_import_report=on_import_report)
        for content in contents
    ]
    dist = Path(dsfr_dist) if dsfr_dist is not None else None
    assets = needed_files(dist) if dist is not None else []
    base = f"../{ASSETS_FOLDER}" if dist is not None else None
    source_lang = documents[0].lang if documents else langs[0]
    listed = (len(names) + 1) * len(langs) + 1  # the pages, an index per language, the root
    if base_url is not None and listed > MAX_URLS:
        raise DsfrAccordionError.of("sitemap-too-large", count=listed, limit=MAX_URLS)

    def url(lang: str, page: str) -> str:
        """The URL of ``page`` in ``lang`` from another language's folder, or absolute."""
        return f"{base_url or '../'}{lang}/{href(page)}"

    def versions(page: str) -> dict[str, str]:
        return {code: url(code, page) for code in langs}

    built: list[BuiltPage] = []
    with staged_dir(output) as staging:
        for lang_index, lang in enumerate(langs):
            entries: list[tuple[str, str]] = []
            for doc_index, (document, name) in enumerate(zip(documents, names, strict=True)):
                if progress is not None:
                    done = lang_index * len(documents) + doc_index
                    progress(done, len(langs) * len(documents), f"{lang}/{name}")
                translation = None
                if lang != document.lang:
                    catalogue = load_translations(document, lang, locales, max_bytes=max_bytes)
                    translation = translate(document, catalogue)
                html = render_page(
                    document,
                    lang=lang,
                    translations=translation,
                    dsfr_base=base,
                    alternates=versions(name),
                    canonical=url(lang, name) if base_url else None,
                    open_without_js=open_without_js,
                    find_in_page=find_in_page,
                    show_all=show_all,
                    permalinks=permalinks,
                )
                path = staging / lang / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(html + "\n", encoding="utf-8")
                title = translation.document.title if translation else document.title
                entries.append((title, f"./{href(name)}"))
                built.append(BuiltPage(Path(output) / lang / name, lang, translation))
            index = _listing(
                "index.html.j2",
                {"entries": entries},
                lang,
                dsfr_base=base,
                canonical=url(lang, INDEX_PAGE) if base_url else None,
                alternates=versions(INDEX_PAGE),
                default_lang=source_lang,
            )
            (staging / lang / INDEX_PAGE).write_text(index + "\n", encoding="utf-8")
        root = _root(langs, source_lang, ASSETS_FOLDER if dist is not None else None, base_url)
        (staging / INDEX_PAGE).write_text(root + "\n", encoding="utf-8")
        if base_url is not None:
            # Each page's x-default as its own <link> says it: its content's language.
            languages = {INDEX_PAGE: source_lang} | {
                name: document.lang for name, document in zip(names, documents, strict=True)
            }
            sitemap = []
            for lang in langs:
                for page, content_lang in languages.items():
                    alternates = versions(page)
                    default = x_default(alternates, content_lang)
                    extra = {"x-default": default} if default else {}
                    sitemap.append(SitemapPage(url(lang, page), alternates | extra))
            root_page = SitemapPage(base_url, {})
            (staging / SITEMAP).write_text(sitemap_xml([root_page, *sitemap]), encoding="utf-8")
        if dist is not None:
            copy_needed(dist, assets, staging / ASSETS_FOLDER)
    return built
