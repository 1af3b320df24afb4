"""The JavaScript the browser audit runs in pages, read from the ``js/`` files here.

Each file is the body of a WebDriver script: it reads ``arguments``, and an
asynchronous one calls its last argument when done. They are files, not Python
strings, so that they are read and checked as JavaScript
(``tests/test_audit_scripts.py`` parses each with Node.js). What a script gives
back is checked here too (:func:`unless_thrown`, :func:`parts`): an error it
caught in an animation frame, or a result the page spoilt, fails as a script
that throws does.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

#: The folder of the scripts, shipped in the package.
FOLDER = Path(__file__).resolve().parent / "js"

#: The definitions the state scripts start with (``stateOf``, ``allButtons``).
STATE_DEFINITIONS = "state-of"
#: The definitions the scripts that open a panel start with (``panelOpen``, ``closePanel``).
PANEL_DEFINITIONS = "panel-close"
#: The definitions the scripts that name an element in a finding start with (``describe``).
DESCRIBE_DEFINITIONS = "describe"
#: The definitions the scripts that wait for a still page start with (``still``,
#: ``centreOf``, ``intoView``, ``coverOf``, ``messageOf``, ``guard``), after
#: :data:`DESCRIBE_DEFINITIONS`.
MOTION_DEFINITIONS = "motion"


def spoilt() -> Exception:
    """The exception of a script whose result a page spoilt (its ``Array``, its
    ``JSON``): a page that did fails the check as a script that throws does
    (page-interfered)."""
    from selenium.common.exceptions import JavascriptException  # noqa: PLC0415

    return JavascriptException("javascript error: the page spoilt what the audit's script read")


def unless_thrown(value: object) -> object:
    """``value``, what an asynchronous script gave, unless it is the ``{error}`` of an
    error caught in an animation frame (``guard`` in ``js/motion.js``), which cannot
    fail the command itself: then fail it here, as a script that throws at once fails
    (page-interfered)."""
    if isinstance(value, dict):
        from selenium.common.exceptions import JavascriptException  # noqa: PLC0415

        error = value.get("error")
        if not isinstance(error, str):
            raise spoilt()
        raise JavascriptException(f"javascript error: {error}")
    return value


def parts(value: object, count: int) -> list[Any]:
    """``value``, what a script gave, as its ``count`` parts (the centre of a button:
    two); else the page spoilt it (:func:`spoilt`)."""
    if isinstance(value, list) and len(value) == count:
        return value
    raise spoilt()


@cache
def script(name: str) -> str:
    """The script ``js/<name>.js``."""
    return (FOLDER / f"{name}.js").read_text(encoding="utf-8")


@cache
def composed(*names: str) -> str:
    """The scripts ``js/<name>.js`` one after the other: definitions, then the script."""
    return "".join(map(script, names))


def with_states(name: str) -> str:
    """The script ``js/<name>.js`` after the definitions of ``js/state-of.js``."""
    return composed(STATE_DEFINITIONS, name)


def with_panel_close(name: str) -> str:
    """The script ``js/<name>.js`` after the definitions of ``js/panel-close.js``."""
    return composed(PANEL_DEFINITIONS, name)


def settle_script() -> str:
    """``js/settle.js`` after the definitions it uses (``js/describe.js``,
    ``js/motion.js``)."""
    return composed(DESCRIBE_DEFINITIONS, MOTION_DEFINITIONS, "settle")


def reveal_script() -> str:
    """``js/reveal.js`` after the definitions it uses (``js/describe.js``)."""
    return composed(DESCRIBE_DEFINITIONS, "reveal")


def _as_function(name: str) -> str:
    """The script ``js/<name>.js`` as the function ``name`` of the scripts composed after
    it: called with the arguments the script reads, the callback last."""
    return f"const {name} = function () {{\n{script(name)}}};\n"


@cache
def ready_script() -> str:
    """``js/ready.js`` after what it uses: the definitions of ``js/state-of.js``,
    ``js/describe.js`` and ``js/motion.js``, then ``js/settle.js`` as a function."""
    definitions = composed(STATE_DEFINITIONS, DESCRIBE_DEFINITIONS, MOTION_DEFINITIONS)
    return definitions + _as_function("settle") + script("ready")


def settled_script() -> str:
    """``js/settled.js`` after the definitions it uses (state-of.js, describe.js,
    motion.js)."""
    return composed(STATE_DEFINITIONS, DESCRIBE_DEFINITIONS, MOTION_DEFINITIONS, "settled")


@cache
def _settled_function() -> str:
    """:func:`settled_script` as a function expression, for :func:`settled_expression`."""
    return f"function () {{\n{settled_script()}\n}}"


def settled_expression(index: int, want: bool, limit: float) -> str:
    """:func:`settled_script` as a DevTools expression (``Runtime.evaluate``): a promise
    of what the script gives its callback, called with ``index``, ``want`` and
    ``limit`` (milliseconds).

    The promise is the engine's own (an async function's, awaiting a thenable), never
    ``window.Promise``, which a page may swap for a class of its own, as zone.js does:
    DevTools waits for native promises only. chromedriver keeps the native one too.
    """
    arguments = ", ".join(json.dumps(value) for value in (index, want, limit))
    call = f"({_settled_function()})({arguments}, done)"
    return f"(async () => await {{ then(done) {{ {call}; }} }})()"
