"""A Flask app serving the cloud testimonials at ``/<lang>/temoignages`` (fr, en).

    flask --app examples/integrations/flask_app/app.py run

The page is this app's own DSFR layout (``templates/layout.html``) around the
accordions rendered by ``dsfr_accordion.render`` and a FAQ written with the
library's accordion macro, which Flask's Jinja environment finds through
``dsfr_accordion.jinja_loader()``. Other languages get a 404.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from flask import Flask, abort, redirect, render_template, url_for
from werkzeug.wrappers import Response

import dsfr_accordion

HERE = Path(__file__).resolve().parent

#: The content file to publish (point this at your own).
CONTENT = HERE.parent.parent / "temoignages-cloud.yaml"

#: The languages served: the content's own and those with a catalogue beside it.
LANGS = ("fr", "en")

#: The ids ``templates/layout.html`` writes itself, reserved in each page's allocator.
LAYOUT_IDS = {
    "main": "contenu",
    "footer": "pied-de-page",
    "menu": "menu-principal",
    "menu_button": "bouton-menu",
}


def create_app(content: Path = CONTENT, dsfr_base: str | None = None) -> Flask:
    """The app, serving ``content``; DSFR files from ``dsfr_base`` (a URL), else the CDN."""
    app = Flask(__name__, root_path=str(HERE))
    # The app's templates (and its blueprints') first, then the library's
    # "dsfr_accordion/…" templates for {% from "dsfr_accordion/accordion.html.j2" … %}.
    app.jinja_loader = jinja2.ChoiceLoader([app.jinja_loader, dsfr_accordion.jinja_loader()])

    # Loaded and checked once at start-up: a content or catalogue error stops the
    # app with file:line:column instead of failing on a visitor's request.
    document = dsfr_accordion.load(content)
    # Translated once too: render() takes the translation, and the page's <title>
    # and <h1>, which are the app's, take its title.
    translations = {
        lang: dsfr_accordion.translate(document, dsfr_accordion.load_translations(document, lang))
        for lang in LANGS
        if lang != document.lang
    }
    titles: dict[str, str] = {document.lang: document.title} | {
        lang: translation.document.title for lang, translation in translations.items()
    }

    @app.get("/")
    def home() -> Response:
        """The content's own language."""
        return redirect(url_for("temoignages", lang=document.lang))

    @app.get("/<lang>/temoignages")
    def temoignages(lang: str) -> str:
        """The testimonials page in ``lang``; 404 for a language not served."""
        if lang not in LANGS:
            abort(404)
        # One allocator per page (per request): the layout's ids reserved, then the
        # panels' ids, then the template's FAQ ids, all unique in the page.
        ids = dsfr_accordion.IdAllocator(reserved=LAYOUT_IDS.values())
        accordions = dsfr_accordion.render(
            document,
            lang=lang,
            translations=translations.get(lang),
            heading_level=2,
            ids=ids,
        )
        # accordions is Markup (the library sanitized and escaped it): Flask's
        # autoescaping inserts it as HTML and escapes everything else.
        return render_template(
            "temoignages.html",
            lang=lang,
            langs=LANGS,
            title=titles[lang],
            heading=dsfr_accordion.text_html(titles[lang]),
            accordions=accordions,
            ids=ids,
            layout_ids=LAYOUT_IDS,
            assets=dsfr_accordion.page_assets(dsfr_base),
        )

    return app


app = create_app()
