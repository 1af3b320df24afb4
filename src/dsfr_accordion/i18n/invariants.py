"""What a translation must keep from its source: placeholders, inline tags, URLs.

A translator may reorder words but not change the markup: a translation with
another set of placeholders, tags or link targets, or with tags that do not
nest, is refused with the difference spelled out.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")
_VOID = frozenset({"br"})


class _Tags(HTMLParser):
    """Collects the tags and link targets of inline HTML, and whether they nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.urls: Counter[str] = Counter()
        self.open: list[str] = []
        self.broken: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            if name == "href" and value is not None:
                self.urls[value] += 1
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.broken = self.broken or f"</{tag}> closes nothing open"
            return
        self.open.pop()


def _scan(text: str) -> _Tags:
    scanner = _Tags()
    scanner.feed(text)
    scanner.close()
    if scanner.open and scanner.broken is None:
        scanner.broken = f"<{scanner.open[-1]}> is never closed"
    return scanner


def placeholders(text: str) -> Counter[str]:
    """The ``%(name)s``, ``%s`` and ``{name}`` placeholders of ``text``, counted."""
    return Counter(match.group(0) for match in _PLACEHOLDER.finditer(text))


def _difference(kind: str, source: Counter[str], translation: Counter[str]) -> str | None:
    missing = sorted((source - translation).elements())
    extra = sorted((translation - source).elements())
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append(f"missing {kind} {', '.join(missing)}")
    if extra:
        parts.append(f"unexpected {kind} {', '.join(extra)}")
    return "; ".join(parts)


def problem(source: str, translation: str) -> str | None:
    """Why ``translation`` cannot stand for ``source``, or ``None`` when it keeps its markup."""
    found = _difference("placeholder", placeholders(source), placeholders(translation))
    if found:
        return found
    original, translated = _scan(source), _scan(translation)
    if translated.broken:
        return f"broken markup: {translated.broken}"
    tags = _difference(
        "tag",
        Counter({f"<{t}>": n for t, n in original.tags.items()}),
        Counter({f"<{t}>": n for t, n in translated.tags.items()}),
    )
    return tags or _difference("link", original.urls, translated.urls)
