"""The testimonials page, rendered by dsfr-accordion inside a Django template."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

import dsfr_accordion

#: The ids ``templates/layout.html`` writes itself, reserved in each page's allocator.
LAYOUT_IDS = {
    "main": "contenu",
    "footer": "pied-de-page",
    "menu": "menu-principal",
    "menu_button": "bouton-menu",
}

#: The layout's own words, per language (Django's i18n is off: the URL says the language).
TEXTS = {
    "fr": {
        "service": "Témoignages numériques",
        "tagline": "Des projets de l’État racontés par leurs équipes",
        "home": "Accueil",
        "menu": "Menu",
        "close": "Fermer",
        "skip": "Accès rapide",
        "content": "Contenu",
        "footer": "Pied de page",
        "other": "Autres langues",
        "desc": "Exemple d’intégration de dsfr-accordion dans un projet Django.",
        "licence": "Sauf mention contraire, tous les contenus de ce site sont sous",
    },
    "en": {
        "service": "Digital testimonials",
        "tagline": "Government projects told by their teams",
        "home": "Home",
        "menu": "Menu",
        "close": "Close",
        "skip": "Quick access",
        "content": "Content",
        "footer": "Footer",
        "other": "Other languages",
        "desc": "An example of dsfr-accordion in a Django project.",
        "licence": "Unless otherwise stated, all content on this site is under",
    },
}
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


class Content(NamedTuple):
    """The published document, its catalogues and its title in every language."""

    document: dsfr_accordion.Document
    translations: dict[str, dsfr_accordion.Translation]
    titles: dict[str, str]


@cache
def content() -> Content:
    """The content, loaded and checked once per process (on the first request)."""
    document = dsfr_accordion.load(settings.DSFR_ACCORDION_CONTENT)
    # Translated once too: render() takes the translation, and <title> and <h1>,
    # which are the template's, take its title.
    translations = {
        lang: dsfr_accordion.translate(document, dsfr_accordion.load_translations(document, lang))
        for lang in settings.DSFR_ACCORDION_LANGS
        if lang != document.lang
    }
    titles = {document.lang: document.title} | {
        lang: translation.document.title for lang, translation in translations.items()
    }
    return Content(document, translations, titles)


def temoignages(request: HttpRequest, lang: str) -> HttpResponse:
    """The testimonials page in ``lang``; 404 for a language not served."""
    if lang not in settings.DSFR_ACCORDION_LANGS:
        raise Http404(f"no page in {lang!r}")
    document, translations, titles = content()
    translation = translations.get(lang)
    title = titles[lang]
    # One allocator for the page, the layout's ids reserved: no panel takes one.
    ids = dsfr_accordion.IdAllocator(reserved=LAYOUT_IDS.values())
    accordions = dsfr_accordion.render(
        document, lang=lang, translations=translation, heading_level=2, ids=ids
    )
    response = render(
        request,
        "temoignages.html",
        {
            "lang": lang,
            "title": title,
            "heading": dsfr_accordion.text_html(title),
            "accordions": accordions,
            "t": TEXTS[lang],
            "others": [
                (other, LANGUAGE_NAMES[other])
                for other in settings.DSFR_ACCORDION_LANGS
                if other != lang
            ],
            "langs": settings.DSFR_ACCORDION_LANGS,
            "layout_ids": LAYOUT_IDS,
            "assets": dsfr_accordion.page_assets(settings.DSFR_BASE),
        },
    )
    response["Content-Language"] = lang
    return response
