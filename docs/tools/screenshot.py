"""Take the documentation's screenshots of the cloud example in headless Chromium.

Usage: python docs/tools/screenshot.py [OUTPUT_DIR]   (make screenshot)

French and English pages, closed and with the first panel open, light and dark
schemes (the pages follow the system scheme: ``data-fr-scheme="system"``),
mobile (375 px) and desktop widths. Pages are rendered with the real DSFR files
from node_modules, served on 127.0.0.1 and captured by the Debian chromium
package; no other host is reached.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dsfr_accordion

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist"
EXAMPLE = ROOT / "examples" / "temoignages-cloud.yaml"
DEFAULT_OUTPUT = ROOT / "docs" / "images"


@dataclass(frozen=True)
class Shot:
    """One screenshot: file name, language, first panel open, dark scheme, window size."""

    name: str
    lang: str
    open_first: bool
    dark: bool
    size: tuple[int, int]


DESKTOP, MOBILE = (1200, 900), (375, 812)
SHOTS = (
    Shot("temoignages-cloud.png", "fr", True, False, DESKTOP),  # the README's
    Shot("fr-desktop-closed.png", "fr", False, False, DESKTOP),
    Shot("en-desktop-open.png", "en", True, False, DESKTOP),
    Shot("fr-desktop-dark-open.png", "fr", True, True, DESKTOP),
    Shot("fr-mobile-closed.png", "fr", False, False, MOBILE),
    Shot("en-mobile-dark-open.png", "en", True, True, MOBILE),
)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No request log."""


def _capture(chromium: str, url: str, shot: Shot, output: Path, profile: Path) -> None:
    flags = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        f"--window-size={shot.size[0]},{shot.size[1]}",
        "--virtual-time-budget=5000",
        f"--screenshot={output / shot.name}",
    ]
    if shot.dark:
        flags.append("--force-dark-mode")  # prefers-color-scheme: dark
    subprocess.run([chromium, *flags, url], check=True, capture_output=True)


def main(output: Path = DEFAULT_OUTPUT) -> None:
    """Render, serve and capture every shot of :data:`SHOTS` into ``output``."""
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is missing: apt-get install chromium")
    output.mkdir(parents=True, exist_ok=True)
    document = dsfr_accordion.load(EXAMPLE)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "dsfr").symlink_to(DIST, target_is_directory=True)
        for lang in ("fr", "en"):
            for open_first in (False, True):
                html = dsfr_accordion.render_page(
                    document,
                    lang=lang,
                    open="first" if open_first else "none",
                    dsfr_base="dsfr",
                    alternates={"fr": "fr-open.html", "en": "en-open.html"},
                )
                name = f"{lang}-{'open' if open_first else 'closed'}.html"
                (site / name).write_text(html, encoding="utf-8")
        server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            for shot in SHOTS:
                page = f"{shot.lang}-{'open' if shot.open_first else 'closed'}.html"
                _capture(chromium, f"{base}/{page}", shot, output, site / "profile")
                print(f"wrote {output / shot.name}")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
