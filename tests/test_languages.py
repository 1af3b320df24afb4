"""A language beyond French and English: content through its catalogues, the
library's own words through a UI catalogue, or in French marked ``lang="fr"``
when there is none (RGAA 8.7), and the tool that starts a UI catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import dsfr_accordion
from dsfr_accordion import environments, ui
from tests.conftest import EXAMPLES, ROOT, parse_html, run_cli
from tests.test_ui_catalogue import ui_catalogue_tool

#: The library's own words on a page, in French, and where each shows.
FRENCH_WORDS = ("Accès rapide", "Contenu", "Sélectionner une langue", "Témoignages")


def effective_lang(element, parents: dict) -> str | None:
    while element is not None:
        if element.get("lang"):
            return element.get("lang")
        element = parents.get(element)
    return None


def french_words_outside_lang_fr(html: str) -> list[str]:
    """Each of :data:`FRENCH_WORDS` found in text or in a title or aria-label whose
    language (the nearest ``lang``) is not French."""
    tree, errors = parse_html(html)
    assert errors == []
    parents = {child: parent for parent in tree.iter() for child in parent}
    found = []
    for element in tree.iter():
        texts = [element.text or "", element.get("title") or "", element.get("aria-label") or ""]
        for word in FRENCH_WORDS:
            if any(word in text for text in texts) and effective_lang(element, parents) != "fr":
                found.append(f"{element.tag}: {word}")
    return found


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("de")
    contents = [folder / "temoignages-cloud.yaml", folder / "si-samu.md"]
    for content in contents:
        shutil.copy(EXAMPLES / content.name, content)
    shutil.copytree(EXAMPLES / "locales", folder / "locales")
    updated = run_cli("i18n", "update", *map(str, contents), "--langs", "de")
    assert updated.returncode == 0, updated.stderr
    site = folder / "site"
    built = run_cli(
        "build",
        *map(str, contents),
        "-o",
        str(site),
        "--langs",
        "fr,en,de",
        "--base-url",
        "https://example.gouv.fr/temoignages/",
    )
    assert built.returncode == 0, built.stderr
    return site, built.stderr


def test_a_language_without_ui_catalogue_is_said_once(german_site):
    _, stderr = german_site
    assert stderr.count("have no 'de' catalogue") == 1
    assert "catalogue: the 'de' pages show them in French, marked with their language" in stderr
    assert "'en' catalogue" not in stderr


@pytest.mark.parametrize("page", ["de/si-samu.html", "de/temoignages-cloud.html", "de/index.html"])
def test_its_pages_show_the_library_s_words_in_french_marked_so(german_site, page: str):
    site, _ = german_site
    html = (site / page).read_text(encoding="utf-8")
    assert '<html lang="de"' in html
    assert "Accès rapide" in html and "Contenu" in html  # not English, unmarked
    assert "Quick access" not in html
    assert french_words_outside_lang_fr(html) == []
    assert "„" in html or page.endswith("index.html")  # CLDR's German quotation marks


@pytest.mark.parametrize("page", ["en/si-samu.html", "fr/si-samu.html", "index.html"])
def test_languages_with_a_catalogue_are_not_marked(german_site, page: str):
    site, _ = german_site
    html = (site / page).read_text(encoding="utf-8")
    tree, _ = parse_html(html)
    assert tree.find(".//nav").get("lang") is None


def test_the_published_three_language_site_passes_the_static_audit(german_site):
    site, _ = german_site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.gouv.fr/temoignages/de/si-samu.html</loc>" in sitemap
    assert 'hreflang="de" href="https://example.gouv.fr/temoignages/de/index.html"' in sitemap
    result = run_cli("check", str(site), "--fail-on", "warning")
    assert result.returncode == 0, result.stdout + result.stderr


def test_adding_a_ui_language_takes_one_command_and_then_it_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    tool = ui_catalogue_tool()
    locales = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", locales)
    monkeypatch.setattr(tool, "LOCALES", locales)
    path = tool.add("de")
    assert tool.languages() == ["de", "en", "fr"]
    assert tool.main(check=False) == 0
    assert tool.main(check=True) == 0
    with pytest.raises(SystemExit):
        tool.add("de")  # never replaces a translator's file
    for refused in ("x-klingon", "pt-BR", "zz"):
        with pytest.raises(SystemExit):
            tool.add(refused)
    assert tool.languages() == ["de", "en", "fr"]  # nothing left behind
    monkeypatch.setattr(ui, "_SOURCE_LOCALES", locales)
    monkeypatch.setattr(ui, "_PACKAGE_LOCALES", tmp_path / "none")
    content = tmp_path / "seite.yaml"
    content.write_text(
        "title: Erfahrungen\nlang: de\ntestimonials:\n  - title: Ein Projekt\n"
        "    items:\n      - question: Warum?\n        answer: Darum.\n",
        encoding="utf-8",
    )

    def page() -> str:
        for cached in (ui.has_catalogue, ui.translations, environments.environment):
            cached.cache_clear()
        return dsfr_accordion.render_page(dsfr_accordion.load(content))

    try:
        # Started, not translated yet: the French words, marked, never English unmarked.
        assert ">Contenu</a>" in page() and 'lang="fr"' in page()
        # A translator translates every message (here: into its own id, "Content" → "Inhalt").
        catalog = tool.read_catalog(path.read_bytes(), locale="de")
        for message in catalog:
            if message.id:
                message.string = "Inhalt" if message.id == "Content" else message.id
        path.write_bytes(tool.dump(catalog, tool.header_of(path)))
        assert ">Inhalt</a>" in page()
        assert 'lang="fr"' not in page()
    finally:
        for cached in (ui.has_catalogue, ui.translations, environments.environment):
            cached.cache_clear()
