"""The DSFR files a standalone page links, pinned, and how to copy them for offline use.

Pages link either the pinned release on a public CDN, with Subresource
Integrity hashes computed from the npm package's files (a test recomputes them
from ``node_modules``), or copies placed beside the page (``--dsfr-dist``).
Copies also hold the library's own enhancement files (:data:`ENHANCEMENT_FILES`,
shipped in the package), which no CDN serves: a page linking the CDN goes
without them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from .errors import DsfrAccordionError

#: The DSFR release this library's markup is written and tested against.
DSFR_VERSION = "1.15.3"

#: The folder beside a page (or a site's root) that local DSFR copies go into.
ASSETS_FOLDER = "dsfr"

#: Where pages link the pinned release when no local copy is used.
CDN_BASE = f"https://cdn.jsdelivr.net/npm/@gouvfr/dsfr@{DSFR_VERSION}/dist"

#: The files a page links, relative to the package's ``dist`` folder, with
#: their SRI hash for :data:`DSFR_VERSION`.
INTEGRITY: dict[str, str] = {
    "dsfr.min.css": "sha384-4wpI8Llc2UUHtcY7yHu3Oim5ehqTpPK04DMn+rRCXUCwH1g2ChPUDO85/A1YdgFF",
    "dsfr.module.min.js": "sha384-Cw5CS2Fvr/DGphoVDgLsI2KeLYMzyATr8PRwDeI+zalFEZ0G8Ig7ZLg8CsMUQW5W",
    "dsfr.nomodule.min.js": (
        "sha384-tkAKezl+bRSEV/4mX62A5YqSF/UFUouij71dC4iScRuUnrvVPr1OYbhpUBA9tiOj"
    ),
}

#: The library's own files of the enhancements (answers readable without
#: JavaScript, find-in-page, links to a question, show all), in the package's
#: ``static`` folder; copied with the DSFR files, linked after them.
ENHANCEMENT_FILES: tuple[str, str] = ("dsfr-accordion.css", "dsfr-accordion.js")

#: Where :data:`ENHANCEMENT_FILES` are in the installed package.
STATIC = Path(__file__).resolve().parent / "static"

_CSS_URL = re.compile(r"url\((?!['\"]?data:)['\"]?([^'\")]+)['\"]?\)")


@dataclass(frozen=True, slots=True)
class Asset:
    """A file a page links: its URL and, for the CDN, its SRI hash."""

    href: str
    integrity: str | None = None


@dataclass(frozen=True, slots=True)
class PageAssets:
    """The stylesheet and the two scripts of a standalone page, and the library's
    enhancement stylesheet and module (``None`` where the files come from the CDN)."""

    css: Asset
    module_js: Asset
    nomodule_js: Asset
    enhance_css: Asset | None = None
    enhance_js: Asset | None = None


def page_assets(base: str | None = None) -> PageAssets:
    """The assets of a page: the pinned CDN with SRI when ``base`` is ``None``
    (and no enhancement files), else files under the URL ``base``, the
    enhancement files with them (copies made by :func:`copy_dist`). Under an
    absolute ``base`` (a CDN of the site's, perhaps another origin) the
    enhancement files carry SRI, their bytes being this package's own; the DSFR
    files do not (:func:`copy_dist` copies whatever DSFR release it is given).
    """
    absolute = base is not None and (
        base.startswith("//") or urlsplit(base).scheme.lower() in ("http", "https")
    )

    def asset(name: str) -> Asset:
        if base is None:
            return Asset(f"{CDN_BASE}/{name}", INTEGRITY[name])
        href = f"{base.rstrip('/')}/{name}"
        if absolute and name in ENHANCEMENT_FILES:
            return Asset(href, enhancement_integrity(name))
        return Asset(href)

    css, js = (None, None) if base is None else map(asset, ENHANCEMENT_FILES)
    return PageAssets(
        asset("dsfr.min.css"),
        asset("dsfr.module.min.js"),
        asset("dsfr.nomodule.min.js"),
        css,
        js,
    )


@cache
def enhancement_integrity(name: str) -> str:
    """The SRI hash (``sha384-…``) of the enhancement file ``name`` of this package."""
    import base64  # noqa: PLC0415 - not on a render's path
    import hashlib  # noqa: PLC0415 - not on a render's path

    digest = hashlib.sha384((STATIC / name).read_bytes()).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


def needed_files(dist: Path) -> list[str]:
    """The files a page needs, relative, sorted: from the DSFR ``dist`` folder, the
    linked CSS and JS, plus every font and icon the CSS refers to (not the
    whole 88 MB dist); and the library's :data:`ENHANCEMENT_FILES`. Raises a
    :class:`DsfrAccordionError` naming the first missing file when ``dist`` is
    not a DSFR dist folder.
    """
    for name in INTEGRITY:
        if not (dist / name).is_file():
            raise DsfrAccordionError.of("dsfr-dist", path=dist, missing=name)
    css = (dist / "dsfr.min.css").read_text(encoding="utf-8")
    referenced = {match.split("?")[0].split("#")[0] for match in _CSS_URL.findall(css)}
    for name in sorted(referenced):
        if not (dist / name).is_file():
            raise DsfrAccordionError.of("dsfr-dist", path=dist, missing=name)
    return sorted({*INTEGRITY, *referenced, *ENHANCEMENT_FILES})


def copy_needed(dist: Path, names: list[str], target: Path) -> None:
    """Copy ``names`` (from :func:`needed_files`) into the folder ``target``: from
    ``dist``, and the library's own files from the package."""
    import shutil  # noqa: PLC0415 - not on a render's path

    for name in names:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        source = STATIC / name if name in ENHANCEMENT_FILES else dist / name
        shutil.copyfile(source, target / name)


def copy_dist(dist: str | os.PathLike[str], target: str | os.PathLike[str]) -> list[str]:
    """Copy the files a page needs from ``dist`` into the folder ``target``, atomically.

    ``target`` is either the previous copy or the complete new one. Returns the
    copied files, relative to ``target``.
    """
    from .output import staged_dir  # noqa: PLC0415 - the audit reads this module, never copies

    source = Path(dist)
    names = needed_files(source)
    with staged_dir(target) as staging:
        copy_needed(source, names, staging)
    return names
