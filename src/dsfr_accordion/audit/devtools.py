"""A DevTools protocol connection of the audit's own to the tab it drives.

chromedriver spends about 5 ms of its own on each command it forwards to the
browser (it waits for any navigation under way and looks for an open dialog
first). An activation of the behaviour checks is three commands, two input
events and the script that waits for the activation's effect, and a page has
hundreds: through chromedriver, those steps made an activation miss the
animation frame in which the DSFR JavaScript acts, and take two frames instead
of one (docs/benchmarks.md). So the input events and that script go straight to
the tab, through the WebSocket Chromium opens for DevTools clients, beside
chromedriver's own connection, one command at a time as chromedriver sends
them. Everything else goes through chromedriver.

A command ends as its chromedriver counterpart does, with the same exceptions,
so that a page gets the same findings either way:

- the browser's answer, within the bound of the step under way;
- :class:`~selenium.common.exceptions.UnexpectedAlertPresentException` when the
  page has a dialog open (alert, confirm, prompt) as the command is sent, or opens
  one while it waits (chromedriver says whether one is still open); the dialog is
  left open for the caller to read and dismiss through WebDriver;
- :class:`~selenium.common.exceptions.JavascriptException` ("javascript error:" and
  the error's message) when a script throws;
- :class:`~selenium.common.exceptions.WebDriverException` with the browser's reason
  when it refuses the command (the document went away under it), when the tab
  crashes or closes, or when the connection ends;
- :class:`NoAnswer` when the tab does not answer within the bound: a script of the
  page does not end, and the tab will answer nothing more.
"""

from __future__ import annotations

import contextlib
import json
import select
import time
from collections.abc import Callable
from typing import Any

#: How long after a dialog was seen opening, chromedriver saying none is open, it is
#: asked once more (seconds): it may not have taken the dialog in yet.
DIALOG_RECHECK = 0.1

#: chromedriver's words for a tab that closed, which a finding shows.
CLOSED = "no such window: target window already closed"


class NoAnswer(Exception):
    """The tab did not answer a DevTools command within its bound."""


class DevTools:
    """A DevTools connection to the tab ``target`` of the browser listening at
    ``address`` (``host:port``).

    ``bound`` gives the seconds a command may take to be answered, asked at each
    command: the bound of the step under way (:meth:`.chromium.Chromium.bound`).
    ``open_dialog`` gives the text of the dialog the tab has open, or ``None``: asked
    of chromedriver when this connection saw a dialog open and not close (Chromium
    does not tell every client that a dialog closed).
    """

    def __init__(
        self,
        address: str,
        target: str,
        bound: Callable[[], float],
        open_dialog: Callable[[], str | None],
    ) -> None:
        import websocket  # noqa: PLC0415 - the browser audit only
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415

        #: The tab's DevTools id, which is chromedriver's window handle of the tab.
        self.target = target
        self._bound = bound
        self._open_dialog = open_dialog
        self._sent = 0
        # When to ask chromedriver whether a dialog this connection saw opening (and
        # no event said closed since) is open (time.monotonic()).
        self._dialog_checks: list[float] = []
        try:
            # No Origin header: Chromium accepts a DevTools client without one, and
            # refuses one from an origin it was not told to allow.
            self._socket = websocket.create_connection(
                f"ws://{address}/devtools/page/{target}", timeout=bound(), suppress_origin=True
            )
        except (OSError, websocket.WebSocketException) as error:
            raise WebDriverException(f"no DevTools connection to the tab: {error}") from error
        try:
            # Dialogs opening and closing are reported to this connection from now on.
            self.call("Page.enable")
        except BaseException:
            self.close()
            raise

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send the command ``method`` with ``params``; its result, once answered."""
        import websocket  # noqa: PLC0415
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415

        bound = self._bound()
        deadline = time.monotonic() + bound
        try:
            # The events that came since the last command first: a dialog the page
            # opened meanwhile fails this command before it is sent, as in chromedriver.
            self._pump(None, deadline)
            self._sent += 1
            self._socket.settimeout(bound)
            self._socket.send(
                json.dumps({"id": self._sent, "method": method, "params": params or {}})
            )
            answer = self._pump(self._sent, deadline)
        except (websocket.WebSocketTimeoutException, TimeoutError) as error:
            raise NoAnswer(method) from error
        except (OSError, ValueError, websocket.WebSocketException) as error:
            # ValueError: a message that is not JSON, as an empty one once closed.
            ended = f"the DevTools connection to the tab ended: {error}"
            raise WebDriverException(ended) from error
        assert answer is not None, "_pump returns the answer it waits for"
        return answer

    def _pump(self, ident: int | None, deadline: float) -> dict[str, Any] | None:
        """Read messages, taking in the events (:meth:`_note`), until the answer to
        the command ``ident`` (its result), or with ``ident`` ``None`` until none is
        waiting (``None``). Raises ``UnexpectedAlertPresentException`` when a dialog
        opened and is still open, as chromedriver says; :class:`NoAnswer` at
        ``deadline``."""
        from selenium.common.exceptions import (  # noqa: PLC0415
            UnexpectedAlertPresentException,
            WebDriverException,
        )

        while True:
            waiting = self._waiting()
            checks = self._dialog_checks
            if checks and checks[0] <= time.monotonic() and not waiting:
                # Its closing may be the next event, or one this connection never gets.
                checks.pop(0)
                text = self._open_dialog()
                if text is not None:
                    checks.clear()
                    raise UnexpectedAlertPresentException(alert_text=text)
                continue
            if time.monotonic() >= deadline:
                raise NoAnswer(f"command {ident}")
            if ident is None and not waiting:
                return None
            # A message waiting is read at once; else the wait ends at the next check.
            message = self._read(deadline if waiting else min([deadline, *checks[:1]]))
            if message is None:
                continue  # a time came: the checks above say what follows
            if ident is not None and message.get("id") == ident:
                if "error" in message:
                    raise WebDriverException(str(message["error"].get("message", message)))
                result: dict[str, Any] = message.get("result", {})
                return result
            self._note(message)

    def _waiting(self) -> bool:
        """Whether a message waits to be read (a frame is read whole once it starts)."""
        return bool(select.select([self._socket.sock], [], [], 0)[0])

    def _read(self, until: float) -> dict[str, Any] | None:
        """The next message, or ``None`` when none comes before ``until``."""
        import websocket  # noqa: PLC0415

        wait = until - time.monotonic()
        if wait <= 0:
            return None
        self._socket.settimeout(wait)
        try:
            message: dict[str, Any] = json.loads(self._socket.recv())
        except (websocket.WebSocketTimeoutException, TimeoutError):
            return None
        return message

    def _note(self, message: dict[str, Any]) -> None:
        """Take in an event (anything but an answer awaited): a dialog opening or
        closing; the tab crashing or going away, which fails the command under way;
        answers to commands given up on, and other events, are read past."""
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415

        event = message.get("method")
        if event == "Page.javascriptDialogOpening":
            now = time.monotonic()
            self._dialog_checks = [now, now + DIALOG_RECHECK]
        elif event == "Page.javascriptDialogClosed":
            self._dialog_checks = []
        elif event == "Inspector.targetCrashed":
            raise WebDriverException("tab crashed")
        elif event == "Inspector.detached":
            raise WebDriverException(CLOSED)

    def evaluate(self, expression: str) -> Any:
        """The value of the JavaScript ``expression`` (a promise: what it resolves to),
        as JSON gives it; raises :class:`~selenium.common.exceptions.JavascriptException`
        with the error's message when it throws or its promise is rejected."""
        from selenium.common.exceptions import JavascriptException  # noqa: PLC0415

        answer = self.call(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
        )
        thrown = answer.get("exceptionDetails")
        if thrown is not None:
            raise JavascriptException(f"javascript error: {_message(thrown)}")
        return answer.get("result", {}).get("value")

    def close(self) -> None:
        """End the connection at once, without the closing handshake (the tab stays)."""
        import websocket  # noqa: PLC0415

        with contextlib.suppress(OSError, websocket.WebSocketException):
            self._socket.shutdown()


def _message(thrown: dict[str, Any]) -> str:
    """The message of the error of DevTools ``exceptionDetails``, as chromedriver gives
    it: ``x is not a function`` for ``TypeError: x is not a function`` and its stack."""
    exception = thrown.get("exception", {})
    description = exception.get("description")
    if description is None:
        return str(exception.get("value", thrown.get("text", "")))
    first = description.split("\n", 1)[0]
    return first.removeprefix(f"{exception.get('className', '')}: ")
