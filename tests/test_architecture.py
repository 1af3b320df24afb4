"""The dependency rules of docs/architecture.md, read from the source (imports at any level)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "dsfr_accordion"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it, as an absolute dotted name."""
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    )
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            found.add(stem)
            found.update(f"{stem}.{alias.name}" for alias in node.names)
    return found


MODULES = {module_name(path): imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_imports_are_read_as_absolute_names():
    assert "dsfr_accordion.model.Location" in MODULES["dsfr_accordion.errors"]
    assert "dsfr_accordion.syntax" in MODULES["dsfr_accordion.loaders.fields"]


def own(names: set[str]) -> set[str]:
    return {name for name in names if name.split(".")[0] == "dsfr_accordion"}


@pytest.mark.parametrize("module", ["dsfr_accordion.model", "dsfr_accordion.syntax"])
def test_the_contract_between_stages_depends_on_nothing(module: str):
    assert own(MODULES[module]) == set(), own(MODULES[module])


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("dsfr_accordion.loaders", ("dsfr_accordion.rendering", "dsfr_accordion.audit")),
        ("dsfr_accordion.rendering", ("dsfr_accordion.audit", "selenium", "html5lib")),
        ("dsfr_accordion.markup", ("dsfr_accordion.audit", "selenium", "html5lib")),
        ("dsfr_accordion.audit", ("dsfr_accordion.cli",)),
        ("dsfr_accordion.legacy", ("dsfr_accordion.rendering", "dsfr_accordion.audit")),
    ],
)
def test_a_layer_never_imports_what_comes_after_it(layer: str, forbidden: tuple[str, ...]):
    offending = {
        (module, name)
        for module, names in MODULES.items()
        if module == layer or module.startswith(f"{layer}.")
        for name in names
        if name.startswith(forbidden)
    }
    assert not offending, sorted(offending)
