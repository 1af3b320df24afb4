"""The pinned DSFR release, checked against the real npm package: hashes, needed files."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess

import pytest

import dsfr_accordion
from dsfr_accordion.assets import (
    DSFR_VERSION,
    ENHANCEMENT_FILES,
    INTEGRITY,
    STATIC,
    copy_dist,
    enhancement_integrity,
    needed_files,
    page_assets,
)
from tests.conftest import DSFR_DIST, EXAMPLES, ROOT


@pytest.fixture(scope="module")
def dist():
    if not (DSFR_DIST / "dsfr.min.css").is_file():
        pytest.fail(f"npm DSFR assets missing at {DSFR_DIST}: run make test (npm ci)")
    return DSFR_DIST


def test_npm_pin_matches_the_library_pin(dist):
    package = json.loads((dist.parent / "package.json").read_text())
    assert package["version"] == DSFR_VERSION
    assert json.loads((ROOT / "package.json").read_text())["dependencies"] == {
        "@gouvfr/dsfr": DSFR_VERSION
    }


@pytest.mark.parametrize("name", sorted(INTEGRITY))
def test_integrity_hashes_match_the_npm_files(dist, name: str):
    digest = hashlib.sha384((dist / name).read_bytes()).digest()
    assert INTEGRITY[name] == "sha384-" + base64.b64encode(digest).decode()


def test_needed_files_are_the_linked_files_and_what_the_css_refers_to(dist):
    names = needed_files(dist)
    assert set(INTEGRITY) <= set(names)
    assert "fonts/Marianne-Regular.woff2" in names
    assert any(name.startswith("icons/") for name in names)
    assert not any(name.endswith(".map") for name in names)
    assert len(names) < 200


def test_copy_dist_replaces_a_previous_copy(dist, tmp_path):
    target = tmp_path / "dsfr"
    copy_dist(dist, target)
    (target / "stale.css").write_text("old")
    copied = copy_dist(dist, target)
    assert not (target / "stale.css").exists()
    written = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert written == sorted([*copied, ".dsfr-accordion"])
    assert [p.name for p in tmp_path.iterdir()] == ["dsfr"]


def test_copies_hold_the_library_enhancement_files(dist, tmp_path):
    copied = copy_dist(dist, tmp_path / "dsfr")
    for name in ENHANCEMENT_FILES:
        assert name in copied
        assert (tmp_path / "dsfr" / name).read_bytes() == (STATIC / name).read_bytes()


def test_only_local_copies_link_the_enhancement_files():
    cdn = page_assets()
    assert (cdn.enhance_css, cdn.enhance_js) == (None, None)
    local = page_assets("../dsfr/")
    assert (local.enhance_css.href, local.enhance_js.href) == (
        "../dsfr/dsfr-accordion.css",
        "../dsfr/dsfr-accordion.js",
    )
    assert local.enhance_js.integrity is None


@pytest.mark.parametrize("base", ["https://static.example.gouv.fr/dsfr/", "//static.example/dsfr"])
def test_the_library_files_on_a_cdn_of_the_site_are_linked_with_sri(base: str):
    assets = page_assets(base)
    # The DSFR copies may be of another release than the pinned one: no SRI there.
    for asset, name in (
        (assets.css, "dsfr.min.css"),
        (assets.module_js, "dsfr.module.min.js"),
        (assets.nomodule_js, "dsfr.nomodule.min.js"),
    ):
        assert (asset.href, asset.integrity) == (f"{base.rstrip('/')}/{name}", None)
    for asset, name in (
        (assets.enhance_css, "dsfr-accordion.css"),
        (assets.enhance_js, "dsfr-accordion.js"),
    ):
        # What `openssl dgst -sha384 -binary FILE | base64` gives for the shipped file.
        digest = subprocess.run(
            ["openssl", "dgst", "-sha384", "-binary", str(STATIC / name)],
            capture_output=True, check=True,
        ).stdout  # fmt: skip
        assert asset.integrity == "sha384-" + base64.b64encode(digest).decode()


def test_a_page_on_a_cdn_of_the_site_links_the_enhancements_with_sri():
    document = dsfr_accordion.load(EXAMPLES / "temoignages-cloud.yaml")
    html = str(dsfr_accordion.render_page(document, dsfr_base="https://static.example.gouv.fr/d"))
    for name in ENHANCEMENT_FILES:
        (tag,) = [line for line in html.split("\n") if f"/d/{name}" in line]
        assert f'integrity="{enhancement_integrity(name)}" crossorigin="anonymous"' in tag
