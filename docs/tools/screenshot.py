"""Take the README's screenshot: the cloud example, first panel open, in headless Chromium.

Usage: python docs/tools/screenshot.py [OUTPUT.png]   (make screenshot)

The page is rendered with the real DSFR files from node_modules, served on
127.0.0.1, and captured by the Debian chromium package; no other host is reached.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dsfr_accordion

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist"
EXAMPLE = ROOT / "examples" / "temoignages-cloud.yaml"
DEFAULT_OUTPUT = ROOT / "docs" / "images" / "temoignages-cloud.png"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No request log."""


def main(output: Path = DEFAULT_OUTPUT) -> None:
    """Render, serve and capture the example page into ``output``."""
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is missing: apt-get install chromium")
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "dsfr").symlink_to(DIST, target_is_directory=True)
        html = dsfr_accordion.render(
            dsfr_accordion.load(EXAMPLE), page=True, open="first", dsfr_base="dsfr"
        )
        (site / "index.html").write_text(html, encoding="utf-8")
        server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            subprocess.run(
                [
                    chromium,
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--hide-scrollbars",
                    f"--user-data-dir={site / 'profile'}",
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                    "--window-size=1200,900",
                    "--virtual-time-budget=5000",
                    f"--screenshot={output}",
                    f"http://127.0.0.1:{server.server_address[1]}/index.html",
                ],
                check=True,
                capture_output=True,
            )
        finally:
            server.shutdown()
    print(f"wrote {output}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
