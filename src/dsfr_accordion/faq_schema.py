"""schema.org ``FAQPage`` structured data (JSON-LD) for a document's questions and answers.

Search engines read it to show the questions of a Q&A page. The JSON is
escaped for its place inside ``<script type="application/ld+json">``: no
``<``, ``>`` or ``&`` appears literally, so no content can close the element.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .model import Block, Document, ListBlock, Paragraph
from .sanitize import clean_text, safe_inline

# JSON escapes that keep the text inert inside a <script> element.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _answer_html(blocks: tuple[Block, ...]) -> str:
    """An answer as the simple HTML search engines accept: paragraphs and lists."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(f"<p>{safe_inline(block.html)}</p>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{safe_inline(item)}</li>" for item in block.items)
            parts.append(f"<{tag}>{items}</{tag}>")
        else:
            parts.append(_answer_html(block.blocks))
    return "".join(parts)


def faq_page(document: Document) -> dict[str, object]:
    """The ``FAQPage`` of ``document``: one ``Question`` per item, its answer as ``Answer``."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": document.lang,
        "name": clean_text(document.title),
        "mainEntity": [
            {
                "@type": "Question",
                "name": clean_text(item.question),
                "acceptedAnswer": {"@type": "Answer", "text": _answer_html(item.answer)},
            }
            for testimonial in document.testimonials
            for item in testimonial.items
        ],
    }


def faq_script(document: Document) -> Markup:
    """The ``<script type="application/ld+json">`` element holding :func:`faq_page`."""
    data = json.dumps(faq_page(document), ensure_ascii=False, indent=1, sort_keys=True)
    return Markup('<script type="application/ld+json">\n{}\n</script>').format(
        Markup(data.translate(_SCRIPT_SAFE))
    )
