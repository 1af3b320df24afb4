"""The one front matter splitter, for Markdown content, legacy pages and audited pages.

A front matter is a block of YAML at the top of a file, as static site
generators (Jekyll, Hugo, Eleventy) write it: a first line ``---`` (after a byte
order mark, white space around allowed), then YAML, then a line ``---`` or
``...``. The body is given back with the front matter's lines blanked out, so
that every line number of the body is still the line number in the file.

This module depends on nothing but the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The line that opens a front matter.
FENCE = "---"

#: The lines that close one.
CLOSERS = ("---", "...")

#: Line ends as HTML parsers and markdown-it read them.
_LINE_END = re.compile(r"\r\n|\r|\n")
_LAST_LINE_END = re.compile(r"(?:\r\n|\r|\n)\Z")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The YAML text of a front matter, between the file lines 2 and ``body_line - 2``.

    ``first_line`` is the file line of the text's first line; ``body_line`` is the
    file line where the body starts, after the closing line.
    """

    text: str
    body_line: int
    first_line: int = 2


def _without_last_line_end(text: str) -> str:
    """``text`` without the line end of its last line: YAML then places an error at
    the end of the front matter on its last line, not on the closing line."""
    return _LAST_LINE_END.sub("", text, count=1)


def opens_front_matter(text: str) -> bool:
    """Whether the first line of ``text`` opens a front matter (closed or not)."""
    first = _LINE_END.split(text.removeprefix("\ufeff"), maxsplit=1)[0]
    return first.strip() == FENCE


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """``text``'s front matter, or ``None``, and its body with the file's line numbers.

    Without a closing line there is no front matter: the whole text is the body
    (:func:`opens_front_matter` tells that case apart). Line ends in the body are
    kept as they are; the blanked lines are ``\\n``.
    """
    start = 1 if text.startswith("\ufeff") else 0
    ends = _LINE_END.finditer(text, start)
    opening = next(ends, None)
    if opening is None or text[start : opening.start()].strip() != FENCE:
        return None, text
    line_start, lines = opening.end(), 1
    for end in ends:
        lines += 1
        if text[line_start : end.start()].strip() in CLOSERS:
            yaml = _without_last_line_end(text[opening.end() : line_start])
            return FrontMatter(yaml, lines + 1), "\n" * lines + text[end.end() :]
        line_start = end.end()
    if text[line_start:].strip() in CLOSERS:  # a closing last line without its line end
        yaml = _without_last_line_end(text[opening.end() : line_start])
        return FrontMatter(yaml, lines + 2), "\n" * lines
    return None, text
