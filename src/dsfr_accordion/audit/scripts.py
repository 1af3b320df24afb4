"""The JavaScript the browser audit runs in pages, read from the ``js/`` files here.

Each file is the body of a WebDriver script: it reads ``arguments``, and an
asynchronous one calls its last argument when done. They are files, not Python
strings, so that they are read and checked as JavaScript
(``tests/test_audit_scripts.py`` parses each with Node.js).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

#: The folder of the scripts, shipped in the package.
FOLDER = Path(__file__).resolve().parent / "js"

#: The definitions the state scripts start with (``stateOf``, ``allButtons``).
STATE_DEFINITIONS = "state-of"
#: The definitions the scripts that open a panel start with (``panelOpen``, ``closePanel``).
PANEL_DEFINITIONS = "panel-close"


@cache
def script(name: str) -> str:
    """The script ``js/<name>.js``."""
    return (FOLDER / f"{name}.js").read_text(encoding="utf-8")


@cache
def with_states(name: str) -> str:
    """The script ``js/<name>.js`` after the definitions of ``js/state-of.js``."""
    return script(STATE_DEFINITIONS) + script(name)


@cache
def with_panel_close(name: str) -> str:
    """The script ``js/<name>.js`` after the definitions of ``js/panel-close.js``."""
    return script(PANEL_DEFINITIONS) + script(name)
