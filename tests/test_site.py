"""Multi-language site build: layout, hreflang, language switcher, atomicity."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

import dsfr_accordion
import dsfr_accordion.site as site_module
from tests.accordion_contract import by_class, contract_problems, text_of
from tests.conftest import DSFR_DIST, EXAMPLES, parse_html, run_cli

CONTENTS = [EXAMPLES / "temoignages-cloud.yaml", EXAMPLES / "si-samu.md"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("site") / "site"
    result = run_cli("build", *map(str, CONTENTS), "-o", str(output), "--langs", "fr,en")
    assert result.returncode == 0, result.stderr
    return output


def page(site: Path, lang: str, name: str):
    tree, errors = parse_html((site / lang / name).read_text(encoding="utf-8"))
    assert errors == []
    return tree


def test_layout_one_page_per_content_and_language_and_an_index(site: Path):
    files = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    assert files == [
        ".dsfr-accordion",
        "en/index.html",
        "en/si-samu.html",
        "en/temoignages-cloud.html",
        "fr/index.html",
        "fr/si-samu.html",
        "fr/temoignages-cloud.html",
        "index.html",
    ]


def test_root_page_links_each_language_named_in_itself(site: Path):
    tree, errors = parse_html((site / "index.html").read_text(encoding="utf-8"))
    assert errors == []
    assert tree.get("lang") == "fr"
    assert contract_problems(tree) == []
    links = [(a.get("href"), a.get("hreflang"), a.get("lang"), text_of(a)) for a in tree.iter("a")]
    assert links[-2:] == [
        ("./fr/index.html", "fr", "fr", "Français"),
        ("./en/index.html", "en", "en", "English"),
    ]
    assert not [link for link in tree.iter("link") if link.get("rel") == "canonical"]
    assert not (site / "sitemap.xml").exists()  # no address, no sitemap


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", ["temoignages-cloud.html", "si-samu.html", "index.html"])
def test_every_page_links_its_languages_and_shows_the_switcher(site: Path, lang: str, name: str):
    tree = page(site, lang, name)
    assert tree.get("lang") == lang
    assert contract_problems(tree) == []
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in tree.iter("link")
        if link.get("rel") == "alternate"
    }
    assert alternates == {
        "fr": f"../fr/{name}",
        "en": f"../en/{name}",
        "x-default": f"../fr/{name}",
    }
    (switcher,) = by_class(tree, "fr-translate")
    button = switcher.find(".//button")
    menu = by_class(switcher, "fr-translate__menu")[0]
    assert button.get("aria-controls") == menu.get("id")
    assert button.get("type") == "button"
    assert text_of(button).startswith(lang.upper())
    links = menu.findall(".//a")
    assert [(a.get("lang"), a.get("hreflang"), a.get("aria-current")) for a in links] == [
        ("fr", "fr", "true" if lang == "fr" else None),
        ("en", "en", "true" if lang == "en" else None),
    ]
    assert [text_of(a) for a in links] == ["FR - Français", "EN - English"]


def test_switcher_title_is_in_the_page_language(site: Path):
    titles = {
        lang: by_class(page(site, lang, "index.html"), "fr-translate__btn")[0].get("title")
        for lang in ("fr", "en")
    }
    assert titles == {"fr": "Sélectionner une langue", "en": "Select a language"}


def test_pages_in_both_languages_have_the_same_ids(site: Path):
    for name in ("temoignages-cloud.html", "si-samu.html"):
        ids = [
            sorted(e.get("id") for e in page(site, lang, name).iter() if e.get("id"))
            for lang in ("fr", "en")
        ]
        assert ids[0] == ids[1]


@pytest.mark.parametrize(
    ("lang", "h1", "titles"),
    [
        ("fr", "Témoignages", ["Témoignages", "Migration du SI-SAMU vers un cloud de confiance"]),
        ("en", "Testimonials", ["Testimonials", "Migrating SI-SAMU to a trusted cloud"]),
    ],
)
def test_index_lists_the_pages_with_their_translated_titles(site: Path, lang, h1, titles):
    main = page(site, lang, "index.html").find(".//main")
    assert text_of(main.find("h1")) == h1
    links = [(text_of(a), a.get("href")) for a in main.iter("a")]
    assert links == list(zip(titles, ["./temoignages-cloud.html", "./si-samu.html"], strict=True))


def test_build_copies_dsfr_files_once_for_the_site(tmp_path: Path):
    output = tmp_path / "site"
    result = run_cli(
        "build",
        str(CONTENTS[1]),
        "-o",
        str(output),
        "--langs",
        "fr,en",
        "--dsfr-dist",
        str(DSFR_DIST),
    )
    assert result.returncode == 0, result.stderr
    tree = page(output, "en", "si-samu.html")
    css = tree.find(".//link[@rel='stylesheet']").get("href")
    assert css == "../dsfr/dsfr.min.css"
    assert (output / "en" / css).resolve().is_file()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def previous_site(tmp_path: Path) -> Path:
    output = tmp_path / "site"
    dsfr_accordion.build_site(CONTENTS[1:], output, ["fr"])
    return output


def test_failed_build_leaves_the_previous_site_intact(tmp_path: Path, previous_site: Path):
    before = snapshot(previous_site)
    content = tmp_path / "seul.yaml"
    shutil.copy(EXAMPLES / "temoignages-cloud.yaml", content)  # no English catalogue beside it
    result = run_cli(
        "build", str(CONTENTS[0]), str(content), "-o", str(previous_site), "--langs", "fr,en"
    )
    assert result.returncode == 2
    assert "no 'en' catalogue" in result.stderr
    assert snapshot(previous_site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seul.yaml", "site"]


def test_build_killed_half_way_leaves_the_previous_site_intact(
    tmp_path: Path, previous_site: Path, monkeypatch: pytest.MonkeyPatch
):
    before = snapshot(previous_site)
    calls = []
    real_render = site_module.render_page

    def failing_render(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("killed half-way")
        return real_render(*args, **kwargs)

    monkeypatch.setattr(site_module, "render_page", failing_render)
    with pytest.raises(RuntimeError, match="killed half-way"):
        dsfr_accordion.build_site(CONTENTS, previous_site, ["fr", "en"])
    assert len(calls) == 3
    assert snapshot(previous_site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_folder_not_built_by_the_library_is_never_replaced(tmp_path: Path):
    mine = tmp_path / "docs"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    result = run_cli("build", str(CONTENTS[1]), "-o", str(mine))
    assert result.returncode == 2
    assert "exists and was not written by dsfr-accordion" in result.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_output_that_contains_the_input_is_refused(tmp_path: Path):
    content = tmp_path / "content" / "si-samu.md"
    content.parent.mkdir()
    shutil.copy(CONTENTS[1], content)
    result = run_cli("build", str(content), "-o", str(content.parent))
    assert result.returncode == 2
    assert "would overwrite or contain the input" in result.stderr
    assert content.exists()


def test_build_site_api_reports_fallbacks(tmp_path: Path):
    pages = dsfr_accordion.build_site(CONTENTS, tmp_path / "s", ["fr", "en"])
    assert [(p.lang, p.path.name) for p in pages] == [
        ("fr", "temoignages-cloud.html"),
        ("fr", "si-samu.html"),
        ("en", "temoignages-cloud.html"),
        ("en", "si-samu.html"),
    ]
    assert pages[0].translation is None
    assert pages[2].translation is not None
    assert pages[2].translation.fallbacks == ()


# --- hostile file names and folders (issue 17) ---------------------------------------------


def content_named(folder: Path, name: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((EXAMPLES / "si-samu.md").read_bytes())
    return path


@pytest.mark.parametrize(
    ("name", "link"),
    [
        ("javascript:alert(document.domain).md", "./javascript%3Aalert%28document.domain%29.html"),
        ("a #b?c.md", "./a%20%23b%3Fc.html"),
        ("ligne\nsuivante.md", "./ligne%0Asuivante.html"),
        ("équipe.md", "./%C3%A9quipe.html"),
    ],
)
def test_index_links_are_relative_and_percent_encoded(tmp_path: Path, name: str, link: str):
    content = content_named(tmp_path / "in", name)
    dsfr_accordion.build_site([content], tmp_path / "site", ["fr"])
    index = (tmp_path / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{link}">' in index
    page = tmp_path / "site" / "fr" / f"{content.stem}.html"
    assert page.is_file()
    assert f'hreflang="fr" href="../fr/{link[2:]}"' in page.read_text(encoding="utf-8")


def test_a_file_name_that_is_not_utf8_is_linked_by_its_bytes(tmp_path: Path):
    name = b"caf\xe9.md".decode("utf-8", "surrogateescape")
    content = content_named(tmp_path / "in", name)
    result = run_cli("build", str(content), "-o", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<a href="./caf%E9.html">' in index


def test_two_contents_that_would_make_one_page_are_refused(tmp_path: Path):
    first = content_named(tmp_path / "a", "x.md")
    second = content_named(tmp_path / "b", "x.md")
    result = run_cli("build", str(first), str(second), "-o", str(tmp_path / "site"))
    assert result.returncode == 2
    assert f"{first} and {second} would both be the page x.html" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_content_named_index_is_refused(tmp_path: Path):
    content = content_named(tmp_path, "index.md")
    result = run_cli("build", str(content), "-o", str(tmp_path / "site"))
    assert result.returncode == 2
    assert "which is each language's index" in result.stderr


def test_translators_catalogues_inside_the_output_are_input_never_replaced(tmp_path: Path):
    content = content_named(tmp_path, "si-samu.md")
    catalogues = tmp_path / "site" / "locales"
    shutil.copytree(EXAMPLES / "locales", catalogues)
    before = {p: p.read_bytes() for p in catalogues.rglob("*.po")}
    result = run_cli(
        "build", str(content), "-o", str(tmp_path / "site"), "--langs", "fr,en",
        "--locales", str(catalogues),
    )  # fmt: skip
    assert result.returncode == 2
    assert "would overwrite or contain the input" in result.stderr
    assert {p: p.read_bytes() for p in catalogues.rglob("*.po")} == before


BASE = "https://example.gouv.fr/témoignages"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("published") / "site"
    result = run_cli(
        "build", *map(str, CONTENTS), "-o", str(output), "--langs", "fr,en", "--base-url", BASE
    )
    assert result.returncode == 0, result.stderr
    return output


def test_base_url_makes_language_links_absolute_and_canonical(published: Path):
    root = "https://example.gouv.fr/t%C3%A9moignages/"
    for lang in ("fr", "en"):
        for name in ("si-samu.html", "index.html"):
            tree = page(published, lang, name)
            links = {
                (link.get("rel"), link.get("hreflang")): link.get("href")
                for link in tree.iter("link")
                if link.get("rel") in ("alternate", "canonical")
            }
            assert links == {
                ("canonical", None): f"{root}{lang}/{name}",
                ("alternate", "fr"): f"{root}fr/{name}",
                ("alternate", "en"): f"{root}en/{name}",
                ("alternate", "x-default"): f"{root}fr/{name}",
            }


def test_sitemap_lists_every_page_with_its_versions_by_the_protocol_rules(published: Path):
    """The sitemaps.org 0.9 rules and search engines' alternates: UTF-8, one <loc>
    per <url>, absolute URLs under the site's address, at most 50,000, each page's
    versions as in its own <link rel="alternate">."""
    data = (published / "sitemap.xml").read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert len(data) < 50 * 1024 * 1024
    urlset = ElementTree.fromstring(data)
    assert urlset.tag == f"{SITEMAP_NS}urlset"
    root = "https://example.gouv.fr/t%C3%A9moignages/"
    listed = {}
    for url in urlset:
        assert url.tag == f"{SITEMAP_NS}url"
        (loc,) = url.findall(f"{SITEMAP_NS}loc")
        assert loc.text.startswith(root) and loc.text.isascii() and len(loc.text) < 2048
        assert set(url) <= {loc, *url.findall(f"{XHTML_NS}link")}
        listed[loc.text] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML_NS}link")
            if link.get("rel") == "alternate"
        }
    assert len(listed) == len(urlset) <= 50_000
    pages = sorted(p.relative_to(published).as_posix() for p in published.rglob("*.html"))
    assert sorted(loc.removeprefix(root) for loc in listed) == ["", *pages[:-1]]
    for relative in pages[:-1]:  # each page of a language, the root's index.html excepted
        lang, name = relative.split("/")
        declared = {
            link.get("hreflang"): link.get("href")
            for link in page(published, lang, name).iter("link")
            if link.get("rel") == "alternate"
        }
        assert listed[root + relative] == declared
        assert declared[lang] == root + relative


def test_published_site_passes_the_static_audit(published: Path):
    result = run_cli("check", str(published), "--fail-on", "warning")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "address",
    [
        "example.gouv.fr/temoignages",
        "javascript:alert(1)",
        "ftp://example.gouv.fr/",
        "https://example.gouv.fr/?page=1",
        "https://example.gouv.fr/#top",
        "https:///temoignages",
        "https://exa mple.gouv.fr/",
        "https://exämple.gouv.fr/",
        "https://example.gouv.fr:99999/",
        "https://user:secret@example.gouv.fr/",
        "https://ex<a>mple.gouv.fr/",
    ],
)
def test_a_base_url_that_is_no_site_address_is_refused_before_anything_is_written(
    tmp_path: Path, address: str
):
    result = run_cli("build", str(CONTENTS[0]), "-o", str(tmp_path / "site"), "--base-url", address)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {address!r} is not the absolute http(s) address")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_x_default_is_left_out_where_the_content_s_language_is_not_built(tmp_path: Path):
    """English pages only, of French content: no x-default, in the pages or the sitemap."""
    site = tmp_path / "site"
    result = run_cli(
        "build", str(CONTENTS[1]), "-o", str(site), "--langs", "en", "--base-url", BASE
    )
    assert result.returncode == 0, result.stderr
    assert "x-default" not in (site / "en" / "si-samu.html").read_text(encoding="utf-8")
    assert "x-default" not in (site / "sitemap.xml").read_text(encoding="utf-8")
