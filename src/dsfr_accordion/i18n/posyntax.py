"""The syntax of a ``.po`` file as GNU gettext reads it, checked with positions.

Babel's reader is lenient: it skips a line it does not understand, keeps an
escape sequence it does not know as it is, and keeps one of two entries with
the same msgctxt and msgid. :func:`check` refuses what ``msgfmt -c`` refuses
there, naming line and column: so a catalogue this library reads is one GNU
gettext reads the same way.

A line is white space, a comment (``#``; obsolete ``#~`` entries are not
checked, as ``msgfmt`` leaves them out), a keyword and a string
(``msgid "…"``), or a string continuing the last keyword's. A string holds
the escape sequences ``\\\\``, ``\\"``, ``\\n``, ``\\t`` and ``\\r``: the ones GNU
gettext and every Babel release this library allows read alike (Babel 2.17
keeps ``\\a`` as two characters, GNU gettext and Babel 2.19 make it a bell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from babel.messages.pofile import unescape

from ..errors import DsfrAccordionError
from ..model import Location
from ..ui import N_, Phrase

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[ \t\"]|\Z)")
_ESCAPES = frozenset('\\"ntr')


@dataclass(frozen=True, slots=True)
class Checked:
    """A ``.po`` file that GNU gettext reads as this library does."""

    text: str
    #: The line of each entry's first msgstr, by (msgctxt, msgid): where its
    #: translator writes (obsolete entries left out).
    msgstr_lines: dict[tuple[str, str], int]


def check(data: bytes, path: str) -> Checked:
    """The ``.po`` bytes ``data`` checked; raises :class:`DsfrAccordionError`
    (``po-syntax``, ``po-duplicate``) at the line and column of the first problem."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[start : error.start].decode("utf-8", "replace")) + 1
        line = data.count(b"\n", 0, error.start) + 1
        raise _syntax(path, line, column, N_("the file is not UTF-8")) from None
    entries = _Entries(path)
    number = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        column = len(line) - len(stripped) + 1
        keyword = _KEYWORD.match(stripped)
        if keyword is None and not stripped.startswith('"'):
            word = stripped.split(maxsplit=1)[0][:30]
            raise _syntax(
                path,
                number,
                column,
                Phrase(N_("{word!r} is not a keyword of a .po file"), {"word": word}),
            )
        start = column - 1 + (keyword.end() if keyword else 0)
        string = _string(line, start, path, number)
        if keyword is None:
            entries.continued(string, number, column)
        else:
            entries.keyword(keyword.group(1), keyword.group(2), string, number, column)
    entries.end(number + 1)
    return Checked(text, entries.seen)


def _string(line: str, start: int, path: str, number: int) -> str:
    """The C string of ``line`` from index ``start`` (white space first), unescaped;
    nothing may follow it."""
    opening = start + len(line[start:]) - len(line[start:].lstrip(" \t"))
    if opening >= len(line) or line[opening] != '"':
        raise _syntax(path, number, opening + 1, N_("a quoted string is expected here"))
    index = opening + 1
    while index < len(line):
        character = line[index]
        if character == '"':
            rest = line[index + 1 :]
            if rest.strip(" \t"):
                column = index + 2 + len(rest) - len(rest.lstrip(" \t"))
                raise _syntax(path, number, column, N_("text follows the closing quote"))
            return unescape(line[opening : index + 1])
        if character == "\\":
            sequence = line[index : index + 2]
            if len(sequence) < 2 or sequence[1] not in _ESCAPES:
                raise _syntax(
                    path,
                    number,
                    index + 1,
                    Phrase(
                        N_(
                            "the escape sequence {sequence} is not understood: "
                            "write \\\\ for a backslash"
                        ),
                        {"sequence": sequence},
                    ),
                )
            index += 2
            continue
        index += 1
    raise _syntax(path, number, len(line) + 1, N_("the string is not closed by a quote"))


def _syntax(path: str, line: int, column: int, problem: str) -> DsfrAccordionError:
    return DsfrAccordionError.of("po-syntax", Location(path, line, column), problem=problem)


@dataclass
class _Entries:
    """The entries of a file as its lines come: refuses a keyword out of place and a
    second entry with the msgctxt and msgid of an earlier one (Babel keeps one of
    them silently; ``msgfmt -c`` calls it fatal)."""

    path: str
    #: The msgstr line of each entry read, by (msgctxt, msgid).
    seen: dict[tuple[str, str], int] = field(default_factory=dict)
    context: list[str] | None = None
    msgid: list[str] | None = None
    msgid_line: int = 0
    plural: bool = False
    translated: bool = False
    first_msgid: dict[tuple[str, str], int] = field(default_factory=dict)
    #: The string a continuation line adds to; None before the first keyword.
    current: list[str] | None = None

    def keyword(self, name: str, index: str | None, string: str, line: int, column: int) -> None:
        if name in ("msgctxt", "msgid"):
            if self.msgid is not None and not self.translated:
                raise _syntax(
                    self.path,
                    line,
                    column,
                    Phrase(N_("the msgid of line {line} has no msgstr"), {"line": self.msgid_line}),
                )
            if self.translated:
                self._close()
        if name == "msgctxt":
            if self.context is not None:
                raise self._misplaced(name, line, column)
            self.context = self.current = [string]
        elif name == "msgid":
            self.msgid, self.msgid_line = [string], line
            self.current = self.msgid
        elif name == "msgid_plural":
            if self.msgid is None or self.plural or self.translated:
                raise self._misplaced(name, line, column)
            self.plural = True
            self.current = []
        else:
            if self.msgid is None or (self.translated and index is None):
                raise self._misplaced(name, line, column)
            if self.plural != (index is not None):
                problem = (
                    N_("a msgid_plural needs msgstr[0], msgstr[1]…, not msgstr")
                    if self.plural
                    else N_("msgstr[N] belongs to an entry with a msgid_plural")
                )
                raise _syntax(self.path, line, column, problem)
            if not self.translated:
                self._check_duplicate(line)
            self.translated = True
            self.current = []

    def continued(self, string: str, line: int, column: int) -> None:
        if self.current is None:
            raise _syntax(self.path, line, column, N_("this string follows no keyword"))
        self.current.append(string)

    def end(self, line: int) -> None:
        if self.msgid is not None and not self.translated:
            raise _syntax(
                self.path,
                line,
                1,
                Phrase(N_("the msgid of line {line} has no msgstr"), {"line": self.msgid_line}),
            )
        if self.context is not None and self.msgid is None:
            raise self._misplaced("msgctxt", line, 1)

    def _check_duplicate(self, msgstr_line: int) -> None:
        assert self.msgid is not None
        key = ("".join(self.context or ()), "".join(self.msgid))
        if key in self.seen:
            raise DsfrAccordionError.of(
                "po-duplicate",
                Location(self.path, self.msgid_line),
                context=key[0],
                msgid=key[1],
                first=self.first_msgid[key],
            )
        self.seen[key] = msgstr_line
        self.first_msgid[key] = self.msgid_line

    def _close(self) -> None:
        self.context = self.msgid = self.current = None
        self.plural = self.translated = False

    def _misplaced(self, name: str, line: int, column: int) -> DsfrAccordionError:
        return _syntax(
            self.path,
            line,
            column,
            Phrase(N_("{keyword} is out of place in its entry"), {"keyword": name}),
        )
