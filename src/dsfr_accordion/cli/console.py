"""What the command line tells a person on stderr: messages, errors, progress.

Colour and progress only when stderr is a terminal (and ``NO_COLOR`` is not
set, https://no-color.org); plain, stable text otherwise, so logs and tests
read the same bytes. ``--quiet`` keeps only errors, ``--verbose`` adds details.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from .. import ui
from ..errors import DsfrAccordionError

if TYPE_CHECKING:
    from ..legacy.findings import Report

_RED, _CYAN, _BOLD, _RESET = "\x1b[31m", "\x1b[36m", "\x1b[1m", "\x1b[0m"


# C0 and C1 control characters but tab and line feed: in a file name or a page's
# text they would drive the terminal (move the cursor, clear lines, change colours).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: object) -> str:
    """``text`` safe to show on a terminal: control characters but tab and line feed
    written as ``\\x..`` escapes, so that a name or a quoted line cannot drive it."""
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", str(text))


@dataclass
class Console:
    """The command line's voice on ``stream`` (stderr by default)."""

    quiet: bool = False
    verbose: bool = False
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    _drawn: bool = field(default=False, init=False)

    @property
    def interactive(self) -> bool:
        """Whether a person watches: a terminal, colour not refused."""
        return self.stream.isatty() and "NO_COLOR" not in os.environ

    def info(self, message: object) -> None:
        """A line worth showing unless ``--quiet``."""
        if not self.quiet:
            print(printable(message), file=self.stream)

    def detail(self, message: object) -> None:
        """A line shown only with ``--verbose``."""
        if self.verbose and not self.quiet:
            print(printable(message), file=self.stream)

    def error(self, error: DsfrAccordionError) -> None:
        """The error, in the command line's language; its first line red on a terminal."""
        text = printable(error.render(ui.cli_language()))
        if self.interactive:
            first, _, rest = text.partition("\n")
            text = f"{_BOLD}{_RED}{first}{_RESET}" + (f"\n{_CYAN}{rest}{_RESET}" if rest else "")
        print(text, file=self.stream)

    def step(self, done: int, total: int, label: object) -> None:
        """Draw ``[done+1/total] label`` in place on a terminal (a progress callback)."""
        if self.interactive and not self.quiet and total > 1:
            import shutil  # noqa: PLC0415 - on a terminal only

            width = max(shutil.get_terminal_size().columns - 1, 20)
            self.stream.write(f"\r\x1b[K{printable(f'[{done + 1}/{total}] {label}')[:width]}")
            self.stream.flush()
            self._drawn = True

    def clear(self) -> None:
        """Erase the progress line, if one was drawn."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


def print_import_report(report: Report, console: Console) -> None:
    """The human report of an imported legacy page on ``console``: unless ``--quiet``,
    or always when words were lost."""
    text = report.text(ui.cli_language()).rstrip("\n")
    if report.preservation.losses:
        print(printable(text), file=console.stream)
    else:
        console.info(text)


def _option_strings(parser: argparse.ArgumentParser) -> Iterable[str]:
    for action in parser._actions:
        yield from action.option_strings
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                if isinstance(subparser, SuggestingParser):
                    subparser.declare()
                yield from _option_strings(subparser)


class SuggestingParser(argparse.ArgumentParser):
    """An argument parser that adds "did you mean …?" to typos in commands and options.

    ``declare(parser)``, when given, declares the parser's arguments the first time
    it parses (or :meth:`declare` is called): a command's parser then costs nothing,
    not even the import of its module, until that command runs.
    """

    _CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")
    _UNKNOWN = re.compile(r"unrecognized arguments: (\S+)")

    def __init__(
        self, *args: Any, declare: Callable[[SuggestingParser], None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._declare = declare

    def declare(self) -> None:
        """Declare the arguments left for later, once; nothing when already declared."""
        if self._declare is not None:
            declare, self._declare = self._declare, None
            declare(self)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Declare the arguments if not yet done, then parse ``args`` as argparse does."""
        self.declare()
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print the usage and the error with a suggestion, exit with status 2."""
        import difflib  # noqa: PLC0415 - for a mistake only

        close: list[str] = []
        if match := self._CHOICE.search(message):
            known = re.findall(r"'([^']*)'", match.group(2))
            close = difflib.get_close_matches(match.group(1), known, n=1)
        elif match := self._UNKNOWN.search(message):
            # Raised by the top-level parser: look at the options of every command.
            close = difflib.get_close_matches(match.group(1), sorted(_option_strings(self)), n=1)
        if close:
            message += f"; did you mean {close[0]!r}?"
        super().error(message)
