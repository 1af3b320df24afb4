"""A multi-language site: one page per content file and language, and an index per language.

Layout of the output folder::

    SITE/fr/index.html            the French pages, listed
    SITE/fr/temoignages-cloud.html
    SITE/en/index.html
    SITE/en/temoignages-cloud.html
    SITE/dsfr/…                   with dsfr_dist: the DSFR files the pages link

Every page links its other language versions (``hreflang``, ``x-default`` for
the content's language) and shows the DSFR language switcher. The build is
atomic: it is made in a temporary folder that replaces ``SITE`` only when
every page has been written, so a failure leaves the previous site intact.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from . import ui
from .assets import ASSETS_FOLDER, copy_needed, needed_files
from .environments import environment
from .errors import DsfrAccordionError
from .i18n.catalogs import Translation, load_translations, translate
from .loaders import load
from .output import staged_dir
from .rendering import page_html, render

if TYPE_CHECKING:
    from .legacy.findings import Report

#: Folder of the site receiving the DSFR files when they are copied.


@dataclass(frozen=True, slots=True)
class BuiltPage:
    """A page written by :func:`build_site`: where, and its translation (``None`` in the
    content's own language).
    """

    path: Path
    lang: str
    translation: Translation | None


def _index(
    lang: str,
    entries: list[tuple[str, str]],
    languages: Sequence[str],
    source_lang: str,
    dsfr_base: str | None,
) -> Markup:
    fragment = (
        environment(lang).get_template("dsfr_accordion/index.html.j2").render(entries=entries)
    )
    return page_html(
        ui.translations(lang).gettext("Testimonials"),
        lang,
        Markup(fragment),
        dsfr_base=dsfr_base,
        alternates={code: f"../{code}/index.html" for code in languages},
        default_lang=source_lang,
    )


def build_site(
    contents: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    langs: Sequence[str],
    *,
    dsfr_dist: str | os.PathLike[str] | None = None,
    locales: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    on_import_report: Callable[[Report], None] | None = None,
) -> list[BuiltPage]:
    """Build the site of ``contents`` in ``langs`` into ``output``; return the pages written.

    Each content file is rendered in each language (its own language as written,
    the others through its catalogues, ``locales`` overriding the ``locales/``
    folder beside it). With ``dsfr_dist``, the DSFR files are copied into the
    site and linked relatively; otherwise pages link the pinned CDN release.
    ``progress(done, total, page)`` is called before each page is written;
    ``on_import_report`` receives the repair report of each legacy page (see
    :func:`~dsfr_accordion.loaders.load`).
    """
    site = Path(output).resolve()
    for content in contents:
        if site == Path(content).resolve() or site in Path(content).resolve().parents:
            raise DsfrAccordionError.of("output-is-input", output=output, input=content)
    documents = [
        (Path(content), load(content, on_import_report=on_import_report)) for content in contents
    ]
    dist = Path(dsfr_dist) if dsfr_dist is not None else None
    names = needed_files(dist) if dist is not None else []
    base = f"../{ASSETS_FOLDER}" if dist is not None else None
    source_lang = documents[0][1].lang if documents else langs[0]
    built: list[BuiltPage] = []
    with staged_dir(output) as staging:
        for lang_index, lang in enumerate(langs):
            entries: list[tuple[str, str]] = []
            for doc_index, (content, document) in enumerate(documents):
                name = f"{content.stem}.html"
                if progress is not None:
                    done = lang_index * len(documents) + doc_index
                    progress(done, len(langs) * len(documents), f"{lang}/{name}")
                translation = None
                if lang != document.lang:
                    translation = translate(document, load_translations(document, lang, locales))
                html = render(
                    document,
                    lang=lang,
                    translations=translation,
                    page=True,
                    dsfr_base=base,
                    alternates={code: f"../{code}/{name}" for code in langs},
                )
                path = staging / lang / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(html + "\n", encoding="utf-8")
                title = translation.document.title if translation else document.title
                entries.append((title, name))
                built.append(BuiltPage(Path(output) / lang / name, lang, translation))
            index = _index(lang, entries, langs, source_lang, base)
            (staging / lang / "index.html").write_text(index + "\n", encoding="utf-8")
        if dist is not None:
            copy_needed(dist, names, staging / ASSETS_FOLDER)
    return built
