"""A plain Jinja2 static site: the cloud testimonials in French and English.

    python examples/integrations/jinja_site/build.py OUTPUT [--dsfr-dist DIR]

writes ``OUTPUT/fr/temoignages.html`` and ``OUTPUT/en/temoignages.html``: this
site's own DSFR layout (header, footer, language link) around the accordions
rendered by ``dsfr_accordion.render`` and a hand-written FAQ that uses the
library's accordion macro. Copy this folder into your site and change
``CONTENT``, ``LANGS`` and the templates.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jinja2

import dsfr_accordion

HERE = Path(__file__).resolve().parent

#: The content file to publish (point this at your own).
CONTENT = HERE.parent.parent / "temoignages-cloud.yaml"

#: The languages to publish: the content's own (French) and those with a catalogue
#: in ``locales/<lang>/LC_MESSAGES/temoignages-cloud.po`` beside the content file.
LANGS = ("fr", "en")

#: The ids ``templates/layout.html.j2`` writes itself. They are reserved in each
#: page's allocator so no accordion panel can take one of them; the template
#: receives them from here, so the two cannot drift apart.
LAYOUT_IDS = {
    "main": "contenu",
    "footer": "pied-de-page",
    "menu": "menu-principal",
    "menu_button": "bouton-menu",
}


def environment() -> jinja2.Environment:
    """This site's Jinja environment: its own templates first, then the library's."""
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(HERE / "templates"), dsfr_accordion.jinja_loader()]
        ),
        # Autoescape is what makes the Markup returned by dsfr_accordion.render go in
        # as HTML while every other value (titles, the page's own strings) is escaped.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def build_page(
    env: jinja2.Environment, document: dsfr_accordion.Document, lang: str, dsfr_base: str | None
) -> str:
    """One page of the site: ``document`` in ``lang`` inside the layout."""
    title: str = document.title
    translation = None
    if lang != document.lang:
        # Translated first: render() takes the translation, and the page's <title>
        # and <h1>, which are ours, take its title.
        catalogue = dsfr_accordion.load_translations(document, lang)
        translation = dsfr_accordion.translate(document, catalogue)
        title = translation.document.title
    # One allocator for the whole page: the layout's ids are reserved, render()
    # takes the panels' ids from it, and the template's FAQ takes its ids from it
    # afterwards (see temoignages.html.j2), so no two elements share an id.
    ids = dsfr_accordion.IdAllocator(reserved=LAYOUT_IDS.values())
    accordions = dsfr_accordion.render(
        document, lang=lang, translations=translation, heading_level=2, ids=ids
    )
    return env.get_template("temoignages.html.j2").render(
        lang=lang,
        langs=LANGS,
        title=title,
        heading=dsfr_accordion.text_html(title),
        accordions=accordions,
        ids=ids,
        layout_ids=LAYOUT_IDS,
        # The DSFR files: the pinned CDN release with its SRI hashes, or the local copies.
        assets=dsfr_accordion.page_assets(dsfr_base),
    )


def build(output: Path, dsfr_dist: Path | None = None) -> list[Path]:
    """Write every language's page under ``output``; return their paths."""
    document = dsfr_accordion.load(CONTENT)
    dsfr_base = None
    if dsfr_dist is not None:
        # Offline copies of the few DSFR files a page needs, linked relatively
        # from output/<lang>/ (copy_dist replaces output/dsfr atomically).
        dsfr_accordion.copy_dist(dsfr_dist, output / "dsfr")
        dsfr_base = "../dsfr"
    env = environment()
    written = []
    for lang in LANGS:
        path = output / lang / "temoignages.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(build_page(env, document, lang, dsfr_base), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``build.py OUTPUT [--dsfr-dist DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="folder to write the site into")
    parser.add_argument(
        "--dsfr-dist",
        type=Path,
        metavar="DIR",
        help="the npm package's dist folder (node_modules/@gouvfr/dsfr/dist): copy the "
        "DSFR files beside the pages instead of linking the CDN",
    )
    args = parser.parse_args(argv)
    try:
        for path in build(args.output, args.dsfr_dist):
            print(path)
    except dsfr_accordion.DsfrAccordionError as error:
        # str(error) is "file:line:column: error: message" and a hint: enough for a user.
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
