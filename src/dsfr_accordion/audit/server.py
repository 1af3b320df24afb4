"""The loopback HTTP server the browser audit loads pages from.

It serves a folder (:func:`default_root` chooses it, unless ``--root`` does), and
the DSFR dist folder under :data:`DSFR_PATH`. While serving a page it

- points links to the pinned DSFR release on its CDN at the local copy (the
  same files: their SRI hashes still hold), and
- wraps a fragment in a minimal DSFR page (``<html lang>``, title, ``<main>``,
  the DSFR CSS and JS, and the library's enhancement files when the fragment
  uses them, as a site builder's page links them), so axe-core judges the
  fragment, not a missing page.
"""

from __future__ import annotations

import functools
import io
import os
import re
import sys
import threading
from collections.abc import Iterable, Sequence
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from ..assets import CDN_BASE, ENHANCEMENT_FILES, STATIC
from ..errors import DsfrAccordionError
from ..htmlsource import is_page, normalise

#: Where the server exposes the DSFR dist folder.
DSFR_PATH = "/__dsfr__"

_WRAPPER = """<!doctype html>
<html lang="{lang}" data-fr-scheme="system">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="{dsfr}/dsfr.min.css">{enhance_css}
</head>
<body>
<main id="dsfr-accordion-audit" class="fr-container">
{fragment}
</main>
<script type="module" src="{dsfr}/dsfr.module.min.js"></script>
<script nomodule src="{dsfr}/dsfr.nomodule.min.js"></script>{enhance_js}
</body>
</html>
"""


#: A ``<link>`` or ``<script>`` tag, and the address in it: a stylesheet or a script is
#: what the folder served must hold for the DSFR JavaScript to start. A scan, not a
#: parse: a reference it misreads only leaves the folder served as it was, and the
#: audit then names the address the page did not get (``page-resource``).
_ASSET = re.compile(r"<(link|script)\b([^>]*)>", re.IGNORECASE)
_ADDRESS = re.compile(
    r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE
)
_STYLESHEET = re.compile(r"""\brel\s*=\s*["']?stylesheet\b""", re.IGNORECASE)


def _absolute(path: Path) -> Path:
    """``path`` absolute, ``..`` resolved lexically (a symbolic link stays as named, as
    the server serves it)."""
    return Path(os.path.abspath(path))  # noqa: PTH100 - resolve() follows links


def _linked_file(folder: Path, address: str) -> Path | None:
    """The local file a relative ``address`` in a page of ``folder`` names, or ``None``
    for an address with a scheme, a host or an absolute path (served as they are)."""
    parts = urlsplit(address.strip())
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    return _absolute(folder / unquote(parts.path))


def default_root(pages: Sequence[tuple[Path, Path, str]]) -> Path:
    """The folder the browser audit serves ``pages`` from when ``--root`` is not given.

    ``pages`` are (file, the folder it was found in or its own folder for a file
    given, its text). The root is the nearest common ancestor of those folders,
    extended to hold the stylesheets and scripts the pages link by relative
    addresses leading above it, when those files exist (DSFR's example pages
    link ``../../../dist/dsfr.min.css``) and lie within the current folder. An
    address that names no file, an icon or any other link never extends it.
    """
    root = Path(os.path.commonpath([_absolute(folder) for _, folder, _ in pages]))
    # The folder served is readable by every script of the audited pages while the
    # audit runs: it is extended only within the folder the command runs in.
    limit = _absolute(Path.cwd())
    for path, _, text in pages:
        folder = _absolute(path).parent
        for match in _ASSET.finditer(text):
            tag, attributes = match.group(1).lower(), match.group(2)
            if tag == "link" and not _STYLESHEET.search(attributes):
                continue  # an icon, an alternate, a canonical: not what the page needs
            found = _ADDRESS.search(" " + attributes)
            if found is None:
                continue
            address = next(group for group in found.groups() if group is not None)
            target = _linked_file(folder, address)
            if (
                target is not None
                and not target.is_relative_to(root)
                and target.is_relative_to(limit)
                and target.is_file()
            ):
                root = Path(os.path.commonpath([root, target.parent]))
    return root


def given_root(root: Path, paths: Iterable[Path]) -> Path:
    """``root`` (``--root``), absolute, once checked: a folder holding every file of
    ``paths``. Raises :class:`DsfrAccordionError` otherwise."""
    if not root.is_dir():
        raise DsfrAccordionError.of("root-not-folder", path=root)
    folder = _absolute(root)
    for path in paths:
        if not _absolute(path).is_relative_to(folder):
            raise DsfrAccordionError.of("outside-root", path=path, root=root)
    return folder


class _Handler(SimpleHTTPRequestHandler):
    """Serves a folder, the DSFR dist under :data:`DSFR_PATH`, and HTML prepared for the audit."""

    dsfr_dist: Path | None = None
    lang = "fr"

    def log_message(self, format: str, *args: object) -> None:
        """Keep the output clean: the audit reports what matters."""

    def translate_path(self, path: str) -> str:
        if self.dsfr_dist is not None and path.startswith(DSFR_PATH + "/"):
            relative = path[len(DSFR_PATH) + 1 :].split("?", 1)[0].split("#", 1)[0]
            if relative in ENHANCEMENT_FILES:
                # Beside the DSFR files, as --dsfr-dist copies them.
                return str(STATIC / relative)
            target = (self.dsfr_dist / relative).resolve()
            if target.is_relative_to(self.dsfr_dist.resolve()):
                return str(target)
        return super().translate_path(path)

    def send_head(self) -> Any:
        local = Path(self.translate_path(self.path))
        if local.suffix.lower() not in (".html", ".htm") or not local.is_file():
            return super().send_head()
        body = prepare(
            local.read_text(encoding="utf-8-sig", errors="replace"),
            title=local.name,
            lang=self.lang,
            dsfr=DSFR_PATH if self.dsfr_dist is not None else CDN_BASE,
        ).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def prepare(html: str, *, title: str, lang: str, dsfr: str) -> str:
    """``html`` as the audit serves it: CDN links pointed at ``dsfr``, a front matter
    blanked out, a fragment wrapped in a minimal DSFR page.
    """
    html = normalise(html.replace(CDN_BASE, dsfr))
    if is_page(html):
        return html
    css, js = ("", "")
    if dsfr == DSFR_PATH and "data-dsfr-accordion" in html:
        css, js = (
            f'\n<link rel="stylesheet" href="{dsfr}/{ENHANCEMENT_FILES[0]}">',
            f'\n<script type="module" src="{dsfr}/{ENHANCEMENT_FILES[1]}"></script>',
        )
    return _WRAPPER.format(
        lang=lang, title=escape(title), dsfr=dsfr, fragment=html, enhance_css=css, enhance_js=js
    )


class _Server(ThreadingHTTPServer):
    """The HTTP server, quiet about requests the browser gave up on."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A page that navigates away or reloads makes the browser drop requests
        # under way: a reset or broken connection is no news, and the audit reports
        # the page's behaviour itself. Anything else is a bug of this module.
        if not isinstance(sys.exception(), ConnectionError):
            super().handle_error(request, client_address)


class LocalServer:
    """A loopback HTTP server for ``root`` (and the DSFR files under :data:`DSFR_PATH`).

    ``url`` is ``http://127.0.0.1:<port>``; the port is chosen by the system.
    Use as a context manager, or call :meth:`close`.
    """

    def __init__(self, root: Path, dsfr_dist: Path | None = None, lang: str = "fr") -> None:
        handler = type("Handler", (_Handler,), {"dsfr_dist": dsfr_dist, "lang": lang})
        self.root = root
        self._server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
        # Polled often: a session closes a server per folder it audited.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def url_of(self, relative: PurePath) -> str:
        """The URL of the file at ``relative`` under :attr:`root` (percent-encoded: a
        file name may hold ``#``, ``?`` or spaces)."""
        return f"{self.url}/{quote(relative.as_posix())}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
