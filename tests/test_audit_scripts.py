"""The JavaScript of the browser audit (src/dsfr_accordion/audit/js/) is valid, shipped and used."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from dsfr_accordion.audit import scripts
from tests.conftest import ROOT

NAMES = sorted(path.stem for path in scripts.FOLDER.glob("*.js"))

# Node.js parses each file as what WebDriver makes of it: the body of a function
# (so `arguments` and a top-level `return` are allowed), in strict mode.
PARSE = """
const fs = require('fs');
for (const file of JSON.parse(process.argv[1])) {
  try { new Function('"use strict";\\n' + fs.readFileSync(file, 'utf8')); }
  catch (error) { console.log(`${file}: ${error.message}`); process.exitCode = 1; }
}
"""


def _parse(files: list[str]) -> subprocess.CompletedProcess[str]:
    """Node.js parsing ``files`` with :data:`PARSE`."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to check the audit's JavaScript (make test installs npm)")
    return subprocess.run(
        [node, "-e", PARSE, json.dumps(files)], capture_output=True, text=True, check=False
    )


def test_every_script_parses_as_a_strict_function_body():
    result = _parse([str(scripts.FOLDER / f"{name}.js") for name in NAMES])
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_composed_script_parses_as_a_strict_function_body(tmp_path):
    # Composed, the files share one scope: a name two of them declare breaks the script.
    composed = {
        "states": scripts.with_states("states"),
        "settle": scripts.settle_script(),
        "settled": scripts.settled_script(),
        "ready": scripts.ready_script(),
        "reveal": scripts.reveal_script(),
        "found": scripts.with_panel_close("enhancement-found"),
        "link": scripts.with_panel_close("enhancement-link"),
        # A DevTools expression, not a script body: parsed as what a body returns.
        "settled-expression": f"return {scripts.settled_expression(0, True, 3000.0)};",
    }
    files = []
    for name, text in composed.items():
        path = tmp_path / f"{name}.js"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    result = _parse(files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_script_is_caught(tmp_path):
    broken = tmp_path / "broken.js"
    broken.write_text("const a = ;\n", encoding="utf-8")
    result = _parse([str(broken)])
    assert result.returncode == 1
    assert "broken.js" in result.stdout


def test_every_script_is_used_by_the_audit():
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (ROOT / "src" / "dsfr_accordion" / "audit").glob("*.py")
    )
    unused = [name for name in NAMES if f'"{name}"' not in source]
    assert not unused, unused


def test_the_state_scripts_start_with_the_state_definitions():
    combined = scripts.with_states("states")
    assert combined.startswith(scripts.script("state-of"))
    assert "return (only === null" in combined


def test_the_waiting_scripts_start_with_the_motion_definitions():
    # motion.js names what covers a button with describe.js.
    motion = scripts.script("describe") + scripts.script("motion")
    assert scripts.settle_script() == motion + scripts.script("settle")
    assert scripts.settled_script() == scripts.script("state-of") + motion + scripts.script(
        "settled"
    )
    assert scripts.reveal_script() == scripts.script("describe") + scripts.script("reveal")
    ready = scripts.ready_script()
    assert ready.startswith(scripts.script("state-of") + motion)
    assert ready.endswith(scripts.script("ready"))
    # settle.js inside a function: its own `arguments`, its own scope.
    assert "const settle = function () {\n" + scripts.script("settle") + "};" in ready
