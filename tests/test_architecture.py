"""The dependency rules of docs/architecture.md, read from the source (imports at any level)."""

from __future__ import annotations

import ast
import subprocess
import sys
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


# --- what each command imports (docs/architecture.md, "What each command imports") ------


#: ``python -m dsfr_accordion ARGS``, then every module it imported, on a last line of stderr.
_RUN_AND_LIST = (
    "import atexit, runpy, sys\n"
    "atexit.register(lambda: print(*sorted(sys.modules), file=sys.stderr))\n"
    "sys.argv = ['dsfr_accordion', *sys.argv[1:]]\n"
    "runpy.run_module('dsfr_accordion', run_name='__main__', alter_sys=True)\n"
)


def imported_by(*args: str) -> set[str]:
    """Every module the command line ``python -m dsfr_accordion ARGS`` imports; the
    command must succeed (or find findings)."""
    result = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return set(result.stderr.splitlines()[-1].split())


def loaded(modules: set[str], names: tuple[str, ...]) -> set[str]:
    """The modules of ``modules`` that are one of ``names`` or inside one of them."""
    return {m for m in modules if any(m == n or m.startswith(f"{n}.") for n in names)}


#: What renders or reads content, and the command-line modules of the other commands.
_CONTENT = (
    "nh3",
    "markdown_it",
    "yaml",
    "jinja2",
    "dsfr_accordion.loaders",
    "dsfr_accordion.richtext",
    "dsfr_accordion.rendering",
    "dsfr_accordion.markup",
    "dsfr_accordion.sanitize",
)
_OTHER_COMMANDS = ("render", "build", "i18n", "import_html", "check")


def test_a_static_check_imports_the_audit_path_only():
    page = ROOT / "tests" / "fixtures" / "audit" / "static" / "image-alt.good.html"
    modules = imported_by("check", str(page))
    assert {"html5lib", "dsfr_accordion.audit.static"} <= modules  # it did audit
    others = tuple(f"dsfr_accordion.cli.{c}" for c in _OTHER_COMMANDS if c != "check")
    heavy = ("selenium", "dsfr_accordion.audit.browser", "dsfr_accordion.audit.server")
    assert not loaded(modules, _CONTENT + others + heavy)


def test_render_of_plain_yaml_imports_no_markdown_parser_and_no_audit(tmp_path: Path):
    content = tmp_path / "plain.yaml"
    content.write_text(
        "title: T\ntestimonials:\n  - title: A\n    items:\n      - question: Q ?\n"
        "        answer: |\n          Une réponse « simple ».\n\n          Une autre.\n",
        encoding="utf-8",
    )
    modules = imported_by("render", str(content))
    assert {"yaml", "nh3", "dsfr_accordion.rendering"} <= modules  # it did render
    others = tuple(f"dsfr_accordion.cli.{c}" for c in _OTHER_COMMANDS if c != "render")
    unused = ("markdown_it", "mdit_py_plugins", "linkify_it", "jinja2", "babel", "html5lib")
    other_loaders = ("dsfr_accordion.loaders.markdown", "dsfr_accordion.loaders.legacy_html")
    not_asked = ("dsfr_accordion.faq_schema", "json")  # --faq-schema
    audit = ("dsfr_accordion.audit", "selenium")
    assert not loaded(modules, unused + other_loaders + not_asked + audit + others)
    # Rich text that is Markdown loads the parser.
    assert "markdown_it" in imported_by("render", str(ROOT / "examples" / "temoignages-cloud.yaml"))
