"""The text preservation check: no word of the source's accordions is lost by an import.

Source words are read from the parsed page itself, not from what the import
extracted, so that a mistake of the import shows as a loss: every visible word
(run of letters and digits, :func:`~.source.words`) of each imported
accordion's toggle and panel, in document order, as a browser lays the text
out. Words inside content removed as unsafe (``<script>``, ``<form>``…) are
counted apart. Each accordion is compared with the testimonial it became
(title, intro, questions, answers): a source word with no counterpart in the
same order is lost. Punctuation, quotation marks and markup are not words: the
normalisation the import does on them is not a loss.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
from collections.abc import Sequence
from xml.etree.ElementTree import Element

from ..model import Location, Testimonial
from .content import block_text
from .findings import Loss, Preservation
from .source import UNSAFE_ELEMENTS, WORD, SourceTree, text_pieces, words


def located_words(tree: SourceTree, element: Element) -> list[tuple[str, Location]]:
    """The visible words of ``element``, each with the location of the element it is in."""
    pieces = list(text_pieces(element))
    starts = list(itertools.accumulate((len(text) for text, _ in pieces), initial=0))
    text = "".join(text for text, _ in pieces)
    locations: dict[int, Location] = {}  # one per piece, not one per word
    found: list[tuple[str, Location]] = []
    for match in WORD.finditer(text):
        index = bisect.bisect_right(starts, match.start()) - 1
        location = locations.get(index)
        if location is None:
            location = locations[index] = tree.location(pieces[index][1])
        found.append((match[0], location))
    return found


def removed_words(element: Element) -> int:
    """How many words the unsafe elements inside ``element`` (or itself) hold."""
    if not isinstance(element.tag, str):
        return 0
    if element.tag in UNSAFE_ELEMENTS:
        return len(words(" ".join(element.itertext())))
    return sum(removed_words(child) for child in element)


def testimonial_words(testimonial: Testimonial) -> list[str]:
    """The words of ``testimonial`` in reading order: title, intro, questions and answers."""
    found = words(testimonial.title)
    for block in testimonial.intro:
        found += words(block_text(block))
    for item in testimonial.items:
        found += words(item.question)
        for block in item.answer:
            found += words(block_text(block))
    return found


def measure_preservation(
    tree: SourceTree, imported: Sequence[tuple[Sequence[Element], Testimonial]]
) -> Preservation:
    """Compare, accordion by accordion, the words of its source elements with its testimonial's.

    Comparing each accordion with its own testimonial keeps the comparison
    linear in the page's size (a page repeating the same text would make one
    whole-page comparison quadratic) and places each loss in its accordion.
    """
    source_count = imported_count = removed = 0
    losses: list[Loss] = []
    for parts, testimonial in imported:
        source = [pair for part in parts for pair in located_words(tree, part)]
        result = testimonial_words(testimonial)
        source_count, imported_count = source_count + len(source), imported_count + len(result)
        removed += sum(removed_words(part) for part in parts)
        losses += (
            Loss(source[start][1], tuple(w for w, _ in source[start:end]))
            for start, end in _unmatched([w for w, _ in source], result)
        )
    return Preservation(source_count, imported_count, removed, tuple(losses))


def _unmatched(source: list[str], result: list[str]) -> list[tuple[int, int]]:
    """The ranges of ``source`` with no counterpart, in order, in ``result``.

    The common start and end are set aside first (linear): most imports keep
    every word, and difflib's matcher, quadratic at worst, then compares only
    what differs.
    """
    size = min(len(source), len(result))
    head = next((i for i in range(size) if source[i] != result[i]), size)
    tail = 0
    while tail < size - head and source[-1 - tail] == result[-1 - tail]:
        tail += 1
    middle = source[head : len(source) - tail]
    if not middle:
        return []
    matcher = difflib.SequenceMatcher(
        None, middle, result[head : len(result) - tail], autojunk=False
    )
    return [
        (head + start, head + end)
        for tag, start, end, _, _ in matcher.get_opcodes()
        if tag in ("delete", "replace")
    ]
