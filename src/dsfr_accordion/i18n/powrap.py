"""A ``.po`` string as GNU gettext's ``msgcat`` writes it: escaped, cut at ``\\n``, and
wrapped at 79 columns where Unicode line breaking (UAX #14) allows a break.

This is the rule of ``wrap()`` in gettext's ``write-po.c`` (0.21), with the line
breaking of libunistring 1.0 and 1.1 (``u8_possible_linebreaks``, then
``u8_width_linebreaks``):

- the string is written in portions, each ending after a ``\\n``; a portion
  never breaks just before its final ``\\n``, nor inside an escape sequence or a
  ``%(name)s`` directive of a ``python-format`` message (gettext 0.21 places the
  ``{name}`` directives of a ``python-brace-format`` one from the wrong origin:
  it keeps whole only the first characters of the string, see
  :func:`_brace_prohibited`);
- break opportunities are found on the *escaped* text (``\\"`` is a backslash, a
  prefix, then a quotation mark), from the line breaking class of each character
  and the class of the last character before any spaces (the pair table of
  UAX #14 as libunistring applies it: an "indirect" pair breaks only after
  spaces; libunistring 1.0 does not apply rule LB29, so ``.`` before a letter
  is a break opportunity);
- a piece of text (from one opportunity to the next, its trailing spaces
  included) goes on the next line when it would end past the width: 79 columns
  less the line prefix and both quotes; characters count by their display
  width (0 for combining marks, 2 for wide East Asian ones);
- the string goes on the keyword's line when it is one portion that fits there;
  otherwise the keyword line holds ``""`` and the portions follow.

The line breaking classes modelled are those of :data:`_CLASSES`: ASCII,
Latin-1, the letters of the Latin extensions, Greek, Cyrillic, Hebrew and
Arabic, combining diacritics, the common punctuation of U+2010..U+203A (dashes,
quotation marks, the ellipsis, U+202F), the euro sign and the CJK ideographs. Any
other character is taken as a letter (class AL): a string holding emoji, zero
width spaces or joiners, line separators, Thai, kana or Hangul may be wrapped
otherwise than ``msgcat`` wraps it (the file stays valid; ``msgcat`` would only
move line ends). libunistring 1.2 and later apply the Unicode 15.1 rules for
quotation marks and, from 1.3, rule LB29: with those, ``msgcat`` may wrap a few
lines differently (after ``« `` or ``.``) than this module, and than itself on
older systems.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

#: GNU gettext's default page width.
PAGE_WIDTH = 79

# The outcome of a pair of classes: a direct break (even without spaces), an
# indirect one (only after spaces), or none.
_DIRECT, _INDIRECT, _PROHIBITED = "D", "I", "P"

_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}


#: ASCII characters by line breaking class (letters AL, digits NU; the control
#: characters a string holds are written as escapes).
_ASCII = {
    "SP": " ",
    "EX": "!?",
    "QU": "\"'",
    "AL": "#&*<=>@^_`~ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "NU": "0123456789",
    "PR": "$+\\",
    "PO": "%",
    "OP": "([{",
    "CP": ")]",
    "CL": "}",
    "IS": ",.:;",
    "HY": "-",
    "SY": "/",
    "BA": "|",
}

#: The other modelled characters: (first, last, class) ranges.
_SPANS = [
    (0xA0, 0xA0, "GL"),
    (0xA1, 0xA1, "OP"),
    (0xA2, 0xA2, "PO"),
    (0xA3, 0xA5, "PR"),
    (0xA6, 0xAA, "AL"),
    (0xAB, 0xAB, "QU"),
    (0xAC, 0xAC, "AL"),
    (0xAD, 0xAD, "BA"),
    (0xAE, 0xAF, "AL"),
    (0xB0, 0xB0, "PO"),
    (0xB1, 0xB1, "PR"),
    (0xB2, 0xB3, "AL"),
    (0xB4, 0xB4, "BB"),
    (0xB5, 0xBA, "AL"),
    (0xBB, 0xBB, "QU"),
    (0xBC, 0xBE, "AL"),
    (0xBF, 0xBF, "OP"),
    (0xC0, 0x24F, "AL"),  # Latin-1 letters, Latin Extended-A and -B
    (0x300, 0x34E, "CM"),  # combining diacritical marks
    (0x34F, 0x34F, "GL"),
    (0x350, 0x35B, "CM"),
    (0x35C, 0x362, "GL"),
    (0x363, 0x36F, "CM"),
    (0x391, 0x3A9, "AL"),  # Greek letters
    (0x3B1, 0x3C9, "AL"),
    (0x410, 0x44F, "AL"),  # Cyrillic letters
    (0x5D0, 0x5EA, "HL"),  # Hebrew letters
    (0x621, 0x63A, "AL"),  # Arabic letters
    (0x641, 0x64A, "AL"),
    (0x2010, 0x2010, "BA"),  # hyphen
    (0x2011, 0x2011, "GL"),  # non-breaking hyphen
    (0x2012, 0x2013, "BA"),  # figure dash, en dash
    (0x2014, 0x2014, "B2"),  # em dash
    (0x2018, 0x2019, "QU"),  # ‘ ’
    (0x201A, 0x201A, "OP"),  # single low-9 quotation mark
    (0x201B, 0x201D, "QU"),  # single high-reversed-9, “ ”
    (0x201E, 0x201E, "OP"),  # „
    (0x201F, 0x201F, "QU"),
    (0x2020, 0x2022, "AL"),  # † ‡ •
    (0x2026, 0x2026, "IN"),  # …
    (0x202F, 0x202F, "GL"),  # narrow no-break space
    (0x2039, 0x203A, "QU"),  # single angle quotation marks
    (0x20AC, 0x20AC, "PR"),  # €
    (0x4E00, 0x9FFF, "ID"),  # CJK unified ideographs
]

#: The UAX #14 line breaking class of each modelled character (Unicode 14, as
#: libunistring 1.0 has it, "ambiguous" resolved to AL as it is for UTF-8).
_CLASSES: dict[int, str] = {
    **{ord(char): cls for cls, chars in _ASCII.items() for char in chars},
    **{code: cls for first, last, cls in _SPANS for code in range(first, last + 1)},
}

_LETTERS = frozenset({"AL", "HL"})
_NUMERIC_AFFIXES = frozenset({"PR", "PO"})


@cache
def _pair(before: str, after: str) -> str:
    """Whether a break may come between a character of class ``before`` (the last
    one that is not a space) and one of class ``after``: the rules of UAX #14 in
    the order they apply, as libunistring 1.0's pair table holds them."""
    if after in {"CL", "CP", "EX", "IS", "SY"} or before == "OP":  # LB13, LB14
        return _PROHIBITED
    if (before, after) in {("QU", "OP"), ("B2", "B2")}:  # LB15, LB17
        return _PROHIBITED
    if after == "GL":  # LB12a: no break before a glue but after spaces and hyphens
        return _DIRECT if before in {"BA", "HY"} else _INDIRECT
    indirect = (
        before in {"GL", "QU", "BB"}  # LB12, LB19, LB21
        or after in {"QU", "BA", "HY", "IN"}  # LB19, LB21, LB22
        or (before, after) == ("SY", "HL")  # LB21b
        or (before in _LETTERS and after in _LETTERS | {"NU", "OP"} | _NUMERIC_AFFIXES)
        or (before == "NU" and after in _LETTERS | {"NU", "OP"} | _NUMERIC_AFFIXES)
        or (before in _NUMERIC_AFFIXES and after in _LETTERS | {"NU", "OP"})  # LB24, LB25
        or (before == "PR" and after == "ID")  # LB23a
        or (before == "ID" and after == "PO")  # LB23a
        or (before in {"CL", "CP"} and after in _NUMERIC_AFFIXES)  # LB25
        or (before in {"HY", "IS", "SY"} and after == "NU")  # LB25
        or (before == "CP" and after in _LETTERS | {"NU"})  # LB30
    )
    return _INDIRECT if indirect else _DIRECT


def _class(char: str) -> str:
    return _CLASSES.get(ord(char), "AL")


@cache
def _width(char: str) -> int:
    """Columns ``char`` takes, as libunistring's ``uc_width`` counts them."""
    if unicodedata.category(char) in {"Mn", "Me", "Cf"}:
        return 0
    return 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1


def _opportunities(text: str) -> list[bool]:
    """For each character of ``text``, whether a line may break just before it."""
    breaks = [False] * len(text)
    last = "BK"  # the class of the last character not a space; BK: none yet
    previous = "BK"  # the class of the character just before
    spaces = False
    for index, char in enumerate(text):
        cls = _class(char)
        if cls == "SP":
            spaces = True
        elif cls == "CM":
            # LB9, LB10: a mark belongs to its base, or is a letter after spaces.
            if last == "BK" or spaces:
                breaks[index] = last != "BK"
                last, spaces = "AL", False
        else:
            if last != "BK":
                # LB21a: no break after a Hebrew letter and a hyphen.
                outcome = _PROHIBITED if previous == "HL_BA" else _pair(last, cls)
                breaks[index] = outcome == _DIRECT or (outcome == _INDIRECT and spaces)
            last, spaces = cls, False
        previous = "HL_BA" if previous == "HL" and cls in {"HY", "BA"} else cls
    return breaks


def _fit(
    text: str, opportunities: Sequence[bool], allowed: Sequence[bool], width: int, column: int
) -> list[int]:
    """Where to break ``text`` (starting at ``column``) so that no line passes
    ``width`` where it can be helped: a piece from one opportunity to the next goes
    on a new line when it would end past the width (``u8_width_linebreaks``)."""
    cuts: list[int] = []
    last: int | None = None
    piece = 0
    for index, char in enumerate(text):
        if opportunities[index] and allowed[index]:
            if last is not None and column + piece > width:
                cuts.append(last)
                column = 0
            last = index
            column += piece
            piece = 0
        piece += _width(char)
    if last is not None and column + piece > width:
        cuts.append(last)
    return cuts


_DIGITS = "0123456789"
_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_NUMBER = re.compile(r"[0-9]+")


def _percent_directives(value: str) -> Iterable[tuple[int, int]]:
    """The (start, end) of each ``%`` directive of ``value`` as gettext's
    ``format-python.c`` reads them, up to the first invalid one."""
    named = unnamed = 0
    position = 0
    while (start := value.find("%", position)) >= 0:
        index = start + 1
        name = None
        if value.startswith("(", index):
            depth, index = 0, index + 1
            while index < len(value) and (value[index] != ")" or depth):
                depth += {"(": 1, ")": -1}.get(value[index], 0)
                index += 1
            if index >= len(value):
                return
            name, index = value[start + 2 : index], index + 1
        while index < len(value) and value[index] in "-+ #0":
            index += 1
        for part in ("width", "precision"):
            if part == "precision":
                if not value.startswith(".", index):
                    break
                index += 1
            if value.startswith("*", index):
                if named:
                    return
                unnamed, index = unnamed + 1, index + 1
            else:
                while index < len(value) and value[index] in _DIGITS:
                    index += 1
        if index < len(value) and value[index] in "hlL":
            index += 1
        if index >= len(value) or value[index] not in "%cdiouxXeEfgGrs":
            return
        if name is not None:
            if unnamed:
                return
            named += 1
        elif value[index] != "%":
            if named:
                return
            unnamed += 1
        yield start, index + 1
        position = index + 1


def _brace_field(value: str, index: int) -> tuple[int, int | None]:
    """Read the field (``name``, ``0``, ``name.attr[key]``) at ``index``: where it
    ends, or None and where gettext marks the error."""
    match = _NAME.match(value, index) or _NUMBER.match(value, index)
    if match is None:
        return index, None
    index = match.end()
    while True:
        if value.startswith(".", index):
            match = _NAME.match(value, index + 1)
            if match is None:
                return index + 1, None
            index = match.end()
        elif value.startswith("[", index):
            match = _NAME.match(value, index + 1) or _NUMBER.match(value, index + 1)
            if match is None:
                return index + 1, None
            if not value.startswith("]", match.end()):
                return match.end() + 1, None
            index = match.end() + 1
        else:
            return index, index


def _brace_directive(value: str, start: int) -> tuple[int, int | None]:
    """Read the ``{}`` directive at ``start`` as gettext 0.21's
    ``format-python-brace.c`` does: where its ``}`` is, or None and the offset of
    the error (from the ``{`` of the directive, or of a nested one, where it is)."""
    error, index = _brace_field(value, start + 1)
    if index is None:
        return None, error - start
    if value.startswith(":", index):
        index += 1
        if value.startswith("{", index):  # a nested directive: the whole format spec
            nested = index
            if not value.startswith("{", nested + 1):
                error, index = _brace_field(value, nested + 1)
                if index is None:
                    return None, error - nested
                if not value.startswith("}", index):  # no further ":", no other end
                    return None, index - nested
                index += 1
            else:
                index += 2
        else:  # [[fill]align][sign][#][0][width][.precision][type]
            if value[index + 1 : index + 2] in {"<", ">", "=", "^"}:
                index += 2
            elif value[index : index + 1] in {"<", ">", "=", "^"}:
                index += 1
            for optional in ("+- ", "#", "0"):
                if value[index : index + 1] and value[index] in optional:
                    index += 1
            while value[index : index + 1] and value[index] in _DIGITS:
                index += 1
            if value.startswith(".", index):
                index += 1
                while value[index : index + 1] and value[index] in _DIGITS:
                    index += 1
            if value[index : index + 1] and value[index] in "bcdoxXneEfFgG%":
                index += 1
    if not value.startswith("}", index):
        return None, index - start
    return index, None


def _brace_prohibited(value: str) -> range:
    """Where ``msgcat`` 0.21 does not break a ``python-brace-format`` string.

    Its parser marks each directive from the ``{`` of that directive rather than
    from the start of the string: every directive "starts" at 0 and "ends" at its
    own length. The first mark after 0 that ends a directive (not an error) is
    the end of the one span it then keeps whole, at the start of the string.
    """
    ends: list[int] = []
    error = None
    position = 0
    while error is None and (start := value.find("{", position)) >= 0:
        if value.startswith("{", start + 1):
            position = start + 2
            continue
        end, error = _brace_directive(value, start)
        if end is not None:
            ends.append(end - start)
            position = end + 1
    if not ends or (error is not None and error <= min(ends)):
        return range(0)
    return range(1, min(ends) + 1)


def _directives(value: str, flags: frozenset[str]) -> list[bool]:
    """For each character of ``value``, whether ``msgcat`` may not break just before
    it, being inside a format directive: gettext reads the string in the first
    format its flags name (Python's %, then braces)."""
    inside = [False] * len(value)
    if "python-format" in flags:
        for start, end in _percent_directives(value):
            inside[start + 1 : end] = [True] * (end - start - 1)
    elif "python-brace-format" in flags:
        for index in _brace_prohibited(value):
            inside[index] = True
    return inside


def wrap(
    keyword: str,
    value: str,
    *,
    prefix: str = "",
    flags: Iterable[str] = (),
    page_width: int = PAGE_WIDTH,
) -> list[str]:
    """The lines (without their ``\\n``) that write ``keyword value`` (``msgid "…"``),
    each starting with ``prefix`` (``#~ ``, ``#| ``), as ``msgcat`` writes them for
    a message with those ``flags`` (``no-wrap``, the format flags)."""
    flags = frozenset(flags)
    directive = _directives(value, flags)
    # The width of a line's text: the page less the prefix and both quotes.
    width = (2**31 - 1 if "no-wrap" in flags else page_width) - 1 - (len(prefix) + 1)
    lines: list[str] = []
    first = True
    start = 0
    while True:
        end = value.find("\n", start) + 1 or len(value)
        escaped: list[str] = []
        allowed: list[bool] = []
        for index in range(start, end):
            char = value[index]
            escape = _ESCAPES.get(char) or (char if char in '"\\' else None)
            escaped += ("\\", escape) if escape else (char,)
            allowed += (not directive[index], False) if escape else (not directive[index],)
        if end > start and value[end - 1] == "\n":
            allowed[-2] = False  # never just before the closing \n
        text = "".join(escaped)
        column = len(keyword) + 1 if first else 0
        # A portion that fits whole has no cut: most do, so skip finding them.
        size = len(text) if text.isascii() else sum(map(_width, text))
        opportunities = _opportunities(text) if column + size > width else []
        cuts = _fit(text, opportunities, allowed, width, column) if column + size > width else []
        if first and text and (end < len(value) or column > width or cuts):
            lines.append(f'{prefix}{keyword} ""')
            first = False
            cuts = _fit(text, opportunities, allowed, width, 0) if size > width else []
        head = f"{prefix}{keyword} " if first else prefix
        first = False
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        lines.append(f'{head}"{pieces[0]}"')
        lines += (f'{prefix}"{piece}"' for piece in pieces[1:])
        start = end
        if start >= len(value):
            return lines
