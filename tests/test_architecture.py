"""The dependency rules of docs/architecture.md, read from the source (imports at any level)."""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from collections.abc import Callable, Iterable
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


TREES = {
    module_name(path): ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")
}
PACKAGES = {module_name(path) for path in PACKAGE.rglob("__init__.py")}


def runtime_imports(module: str) -> tuple[set[str], set[str]]:
    """The package's modules that ``module`` imports when it runs: at module level,
    and inside functions (deferred); imports under ``if TYPE_CHECKING`` never run."""
    package = module if module in PACKAGES else module.rsplit(".", 1)[0]
    top: set[str] = set()
    deferred: set[str] = set()

    def targets(node: ast.Import | ast.ImportFrom) -> set[str]:
        if isinstance(node, ast.Import):
            return {alias.name for alias in node.names if alias.name in TREES}
        base = package.split(".")
        base = base[: len(base) - node.level + 1] if node.level else []
        stem = ".".join([*base, node.module] if node.module else base)
        found = {f"{stem}.{alias.name}" for alias in node.names} & TREES.keys()
        if stem in TREES and len(found) < len(node.names):  # a name of the module itself
            found.add(stem)
        return found

    def visit(nodes: Iterable[ast.AST], in_function: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.Import | ast.ImportFrom):
                (deferred if in_function else top).update(targets(node))
            elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse, in_function)
            else:
                function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                visit(ast.iter_child_nodes(node), in_function or function)

    visit(TREES[module].body, False)
    return top - {module}, deferred - {module}


def test_no_import_is_deferred_to_break_a_cycle():
    # Imports inside functions are for speed (Babel, html5lib, Selenium, Jinja load
    # when first needed), never to dodge a cycle: moved to the top of their modules,
    # they would make none.
    graph = {module: set().union(*runtime_imports(module)) for module in TREES}
    try:
        list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        pytest.fail(f"an import cycle once deferred imports are moved up: {error.args[1]}")
    # The walk sees deferred imports and leaves out what only type checkers read.
    top, deferred = runtime_imports("dsfr_accordion.rendering")
    assert "dsfr_accordion.environments" in deferred - top
    assert "dsfr_accordion.i18n.catalogs" not in top


def holding(found: Callable[[ast.AST], bool]) -> set[str]:
    """The modules of the package with a node for which ``found`` is true."""
    return {module for module, tree in TREES.items() if any(map(found, ast.walk(tree)))}


def importing(name: str) -> set[str]:
    """The modules of the package that import ``name``."""
    return {module for module, names in MODULES.items() if name in names}


def class_named(name: str) -> Callable[[ast.AST], bool]:
    return lambda node: isinstance(node, ast.ClassDef) and node.name == name


def a_finding_shown(node: ast.AST) -> bool:
    """A call of a finding's ``message()`` or ``hint()``: what a report shows."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("message", "hint")
    )


@pytest.mark.parametrize(
    ("concept", "where", "module"),
    [
        ("a finding", holding(class_named("Finding")), "dsfr_accordion.findings"),
        ("a severity", holding(class_named("Severity")), "dsfr_accordion.audit.rules"),
        ("the .mo compiler", importing("babel.messages.mofile"), "dsfr_accordion.mofile"),
        ("numbers written in a language", importing("babel.numbers"), "dsfr_accordion.ui"),
        (
            "the front matter fence",
            holding(lambda node: isinstance(node, ast.Constant) and node.value == "---"),
            "dsfr_accordion.frontmatter",
        ),
        ("a finding shown in a report", holding(a_finding_shown), "dsfr_accordion.reporting"),
    ],
)
def test_one_place_per_concept(concept: str, where: set[str], module: str):
    assert where == {module}, concept


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
    # Hashes (SRI of a page's own files), temporary files (-o), suggestions (a mistake).
    not_needed = ("hashlib", "tempfile", "difflib")
    assert not loaded(modules, unused + other_loaders + not_asked + audit + others + not_needed)
    # Rich text that is Markdown loads the parser.
    assert "markdown_it" in imported_by("render", str(ROOT / "examples" / "temoignages-cloud.yaml"))
