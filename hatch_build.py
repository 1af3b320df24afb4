"""Build hook: compile the UI catalogues of locales/ into the wheel.

``locales/<lang>/LC_MESSAGES/dsfr_accordion.po`` becomes
``dsfr_accordion/locales/<lang>/LC_MESSAGES/dsfr_accordion.mo`` in the wheel.
Editable installs skip it: they read the ``.po`` files of the source tree.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueBuildHook(BuildHookInterface):
    """Adds the compiled catalogues to the wheel's ``force_include``."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        staging = Path(tempfile.mkdtemp(prefix="dsfr-accordion-mo-"))
        for po in sorted(Path(self.root, "locales").glob("*/LC_MESSAGES/dsfr_accordion.po")):
            relative = po.relative_to(Path(self.root, "locales")).with_suffix(".mo")
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source, target.open("wb") as compiled:
                write_mo(compiled, read_po(source))
            build_data["force_include"][str(target)] = f"dsfr_accordion/locales/{relative}"
