"""The one ``.po`` → ``.mo`` compiler: GNU gettext's binary catalogue, from Babel's.

Every compiled catalogue comes from here: the library's own words read from a
source checkout (:mod:`dsfr_accordion.ui`), content catalogues (``i18n compile``),
``tools/ui_catalogue.py --compile`` and the wheel's build hook. It depends on
Babel only, not on the package, so that the build hook (``hatch_build.py``) can
load this file by its path before the package is installed.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def mo_bytes(catalog: Catalog) -> bytes:
    """``catalog`` as the bytes of a ``.mo`` file (fuzzy entries left out, as msgfmt does)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compile_po(path: Path) -> bytes:
    """The ``.mo`` bytes of the ``.po`` file at ``path``."""
    with path.open("rb") as stream:
        return mo_bytes(read_po(stream))
