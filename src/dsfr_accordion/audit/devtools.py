"""A DevTools protocol connection of the audit's own to the tab it drives.

chromedriver spends about 5 ms of its own on each command it forwards to the
browser (it waits for any navigation under way and looks for an open dialog
first). The behaviour checks send three commands per activation, two input
events and the script that waits for the activation's effect, hundreds per page:
through chromedriver, its steps made each activation miss the animation frame in
which the DSFR JavaScript acts, and take two frames instead of one
(docs/benchmarks.md). So they go straight to the tab, through the WebSocket
Chromium opens for DevTools clients beside chromedriver's own connection, one
command at a time as chromedriver sends them. Everything else goes through
chromedriver.

A command ends as its chromedriver counterpart does, with the same exceptions,
so that a page gets the same findings either way:

- the browser's answer, within the bound of the step under way;
- :class:`~selenium.common.exceptions.UnexpectedAlertPresentException` when the
  page opens a dialog (alert, confirm, prompt) that blocks the command, the dialog
  left open for the caller to read and dismiss through WebDriver;
- :class:`~selenium.common.exceptions.JavascriptException` ("javascript error: …")
  when a script throws;
- :class:`~selenium.common.exceptions.WebDriverException` with the browser's reason
  when it refuses the command (the document went away under it) or the connection
  ends;
- :class:`NoAnswer` when the tab does not answer within the bound: a script of the
  page does not end, and the tab will answer nothing more.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from typing import Any

#: How long a dialog that opened may wait for the event saying it closed before it
#: counts as open (seconds). A dialog opened and dismissed before a command was sent
#: has its closing event before that command's answer, already received.
DIALOG_CLOSED_WITHIN = 0.1


class NoAnswer(Exception):
    """The tab did not answer a DevTools command within its bound."""


class DevTools:
    """A DevTools connection to the tab ``target`` (chromedriver's window handle is the
    tab's DevTools id) of the browser listening at ``address`` (``host:port``).

    ``bound`` gives the seconds a command may take to be answered, asked at each
    command: the bound of the step under way (:meth:`.chromium.Chromium.bound`).
    """

    def __init__(self, address: str, target: str, bound: Callable[[], float]) -> None:
        import websocket  # noqa: PLC0415 - the browser audit only
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415

        self.target = target
        self._bound = bound
        self._sent = 0
        try:
            # No Origin header: Chromium accepts a DevTools client without one, and
            # refuses one from an origin it was not told to allow.
            self._socket = websocket.create_connection(
                f"ws://{address}/devtools/page/{target}", timeout=bound(), suppress_origin=True
            )
        except (OSError, websocket.WebSocketException) as error:
            raise WebDriverException(f"no DevTools connection to the tab: {error}") from error
        # Dialogs opening and closing are reported to this connection from now on.
        self.call("Page.enable")

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send the command ``method`` with ``params``; its result, once answered."""
        import websocket  # noqa: PLC0415
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415

        self._sent += 1
        ident = self._sent
        deadline = time.monotonic() + self._bound()
        try:
            self._socket.settimeout(self._bound())  # sending waits too
            self._socket.send(json.dumps({"id": ident, "method": method, "params": params or {}}))
            return self._answer(ident, method, deadline)
        except (websocket.WebSocketTimeoutException, TimeoutError) as error:
            raise NoAnswer(method) from error
        except (OSError, websocket.WebSocketException) as error:
            ended = f"the DevTools connection to the tab ended: {error}"
            raise WebDriverException(ended) from error

    def _answer(self, ident: int, method: str, deadline: float) -> dict[str, Any]:
        """Read until the answer to command ``ident``; events are read past, but a
        dialog opening that no closing follows (see :data:`DIALOG_CLOSED_WITHIN`)."""
        import websocket  # noqa: PLC0415
        from selenium.common.exceptions import (  # noqa: PLC0415
            UnexpectedAlertPresentException,
            WebDriverException,
        )

        dialog: str | None = None
        while True:
            wait = deadline - time.monotonic()
            if dialog is not None:
                wait = min(wait, DIALOG_CLOSED_WITHIN)
            if wait <= 0:
                raise NoAnswer(method)
            self._socket.settimeout(wait)
            try:
                message = json.loads(self._socket.recv())
            except (websocket.WebSocketTimeoutException, TimeoutError):
                if dialog is None:
                    raise
                raise UnexpectedAlertPresentException(alert_text=dialog) from None
            if message.get("id") == ident:
                if "error" in message:
                    raise WebDriverException(str(message["error"].get("message", message)))
                result: dict[str, Any] = message.get("result", {})
                return result
            event = message.get("method")
            if event == "Page.javascriptDialogOpening":
                dialog = str(message.get("params", {}).get("message", ""))
            elif event == "Page.javascriptDialogClosed":
                dialog = None

    def evaluate(self, expression: str) -> Any:
        """The value of the JavaScript ``expression`` (a promise: what it resolves to),
        as JSON gives it; raises :class:`~selenium.common.exceptions.JavascriptException`
        when it throws or its promise is rejected."""
        from selenium.common.exceptions import JavascriptException  # noqa: PLC0415

        answer = self.call(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
        )
        thrown = answer.get("exceptionDetails")
        if thrown is not None:
            reason = thrown.get("exception", {}).get("description") or thrown.get("text", "")
            raise JavascriptException(f"javascript error: {reason}")
        return answer.get("result", {}).get("value")

    def close(self) -> None:
        """End the connection (the tab stays)."""
        import websocket  # noqa: PLC0415

        with contextlib.suppress(OSError, websocket.WebSocketException):
            self._socket.close()
