"""Build hook: compile the UI catalogues of locales/ into the wheel.

``locales/<lang>/LC_MESSAGES/dsfr_accordion.po`` becomes
``dsfr_accordion/locales/<lang>/LC_MESSAGES/dsfr_accordion.mo`` in the wheel,
compiled by the package's one compiler (``src/dsfr_accordion/mofile.py``, loaded
by its path: the package is not installed while it is being built).
Editable installs skip it: they read the ``.po`` files of the source tree.
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _compiler(root: str) -> ModuleType:
    path = Path(root, "src", "dsfr_accordion", "mofile.py")
    spec = importlib.util.spec_from_file_location("_dsfr_accordion_mofile", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load the catalogue compiler {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CatalogueBuildHook(BuildHookInterface):
    """Adds the compiled catalogues to the wheel's ``force_include``."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        compile_po = _compiler(self.root).compile_po
        staging = Path(tempfile.mkdtemp(prefix="dsfr-accordion-mo-"))
        for po in sorted(Path(self.root, "locales").glob("*/LC_MESSAGES/dsfr_accordion.po")):
            relative = po.relative_to(Path(self.root, "locales")).with_suffix(".mo")
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(compile_po(po))
            build_data["force_include"][str(target)] = f"dsfr_accordion/locales/{relative}"
