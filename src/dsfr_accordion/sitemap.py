"""The ``sitemap.xml`` of a multi-language site: every page with its language versions.

Written as the sitemaps.org protocol (0.9) and search engines' ``xhtml:link``
alternates ask: UTF-8, absolute URLs entity-escaped, at most
:data:`MAX_URLS` ``<url>`` elements; each lists every language version of its
page, itself included, and ``x-default``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

#: The name of the file, at the root of the site.
SITEMAP = "sitemap.xml"

#: The protocol's limit on the URLs of one sitemap file.
MAX_URLS = 50_000

_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True, slots=True)
class SitemapPage:
    """A page of the site: its absolute URL and its versions, language (or
    ``x-default``) → absolute URL."""

    loc: str
    alternates: Mapping[str, str]


def sitemap_xml(pages: Sequence[SitemapPage]) -> str:
    """The sitemap of ``pages``, in their order (the caller checks :data:`MAX_URLS`)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<urlset xmlns={quoteattr(_SITEMAP_NS)} xmlns:xhtml={quoteattr(_XHTML_NS)}>",
    ]
    for page in pages:
        lines += ["<url>", f"<loc>{escape(page.loc)}</loc>"]
        lines += [
            f'<xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(url)}/>'
            for code, url in page.alternates.items()
        ]
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
