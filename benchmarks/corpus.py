"""The content every contender renders: deterministic, realistic Q&A testimonials.

The text comes from ``examples/temoignages-cloud.yaml``: its answers are cut
into sentences (inline HTML kept whole), and each accordion item gets one
question and an answer quote of sentences drawn with a fixed seed, so the
answers of a 10,000-item page are (almost all) different, as real content is,
and every run and every contender gets the same bytes.

One accordion item is one DSFR accordion section: a title, then in its panel
a question heading and the answer as a DSFR quote attributed to the
organisation. :func:`document` gives it as the library's model;
:func:`entries` gives the same content as plain data for the peers'
templates (text already sanitized, as the library's loader leaves it).

:func:`minimal_document` is the other end (issue 19): the same titles and
questions, each answer one short plain paragraph (a sentence of the example
without markup), no quote, no attribution, no list: what is left of a render
is its own work around the text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dsfr_accordion import Document, Item, ListBlock, Paragraph, Quote, Testimonial, load
from dsfr_accordion.sanitize import sanitized

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "temoignages-cloud.yaml"

#: Seed of the sentence draw: change it and every figure changes.
SEED = 20240704

#: Every fourth answer has a bulleted list after its paragraphs.
LIST_EVERY = 4

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«])")


@dataclass(frozen=True, slots=True)
class Pool:
    """What the example offers: titles, organisations, questions, sentences, list items."""

    titles: tuple[str, ...]
    organisations: tuple[str, ...]
    questions: tuple[str, ...]
    sentences: tuple[str, ...]
    list_items: tuple[str, ...]


def _balanced(html: str) -> bool:
    """True when every inline element opened in ``html`` is closed in it."""
    return all(html.count(f"<{tag}") == html.count(f"</{tag}>") for tag in ("a", "strong", "em"))


@cache
def pool() -> Pool:
    """The sentences, questions and names of the example file (read once)."""
    example = load(EXAMPLE)
    sentences: list[str] = []
    list_items: list[str] = []
    questions: list[str] = []
    for testimonial in example.testimonials:
        for item in testimonial.items:
            questions.append(item.question)
            for block in item.answer:
                inner = block.blocks if isinstance(block, Quote) else (block,)
                for part in inner:
                    if isinstance(part, Paragraph):
                        sentences += [s for s in _SENTENCE_END.split(part.html) if _balanced(s)]
                    elif isinstance(part, ListBlock):
                        list_items += [i for i in part.items if _balanced(i)]
    return Pool(
        titles=tuple(t.title for t in example.testimonials),
        organisations=tuple(t.organisation or t.title for t in example.testimonials),
        questions=tuple(dict.fromkeys(questions)),
        sentences=tuple(dict.fromkeys(sentences)),
        list_items=tuple(dict.fromkeys(list_items)),
    )


@dataclass(frozen=True, slots=True)
class Entry:
    """One accordion item as plain data: what every contender renders."""

    title: str
    organisation: str
    question: str
    paragraphs: tuple[str, ...]
    list_items: tuple[str, ...]


@cache
def entries(count: int) -> tuple[Entry, ...]:
    """``count`` accordion items, the same for every contender and every run."""
    source = pool()
    draw = random.Random(SEED)
    result: list[Entry] = []
    for index in range(count):
        which = index % len(source.titles)
        paragraphs = tuple(
            " ".join(draw.sample(source.sentences, draw.randint(2, 4)))
            for _ in range(draw.randint(1, 3))
        )
        items = (
            tuple(draw.sample(source.list_items, 2)) if index % LIST_EVERY == LIST_EVERY - 1 else ()
        )
        result.append(
            Entry(
                title=f"Témoignage {index + 1} : {source.titles[which]}",
                organisation=source.organisations[which],
                question=source.questions[index % len(source.questions)],
                paragraphs=paragraphs,
                list_items=items,
            )
        )
    return tuple(result)


def document(count: int, *, loaded: bool = False) -> Document:
    """The ``count`` items as the library's model: one testimonial per accordion item.

    ``loaded``: rich text as the loaders leave it, sanitized and marked so
    (:func:`dsfr_accordion.sanitize.sanitized`); otherwise plain strings, as a
    document built by hand, which the renderer sanitizes.
    """
    rich: Callable[[str], str] = sanitized if loaded else str
    testimonials = []
    for entry in entries(count):
        blocks: tuple[Paragraph | ListBlock, ...] = tuple(
            Paragraph(rich(p)) for p in entry.paragraphs
        )
        if entry.list_items:
            blocks += (ListBlock(tuple(rich(i) for i in entry.list_items)),)
        testimonials.append(
            Testimonial(
                title=entry.title,
                organisation=entry.organisation,
                items=(Item(entry.question, (Quote(blocks),)),),
            )
        )
    return Document(title="Témoignages", testimonials=tuple(testimonials), lang="fr")


@cache
def plain_sentences() -> tuple[str, ...]:
    """The example's sentences that hold no markup and no entity: plain text."""
    return tuple(s for s in pool().sentences if "<" not in s and "&" not in s)


def minimal_answer(index: int) -> str:
    """The answer of item ``index`` on minimal content: one plain sentence, in turn."""
    plain = plain_sentences()
    return plain[index % len(plain)]


def minimal_document(count: int) -> Document:
    """``count`` items on minimal content: the titles and questions of :func:`entries`,
    each answer one short plain paragraph, as the loaders leave it (sanitized)."""
    return Document(
        title="Témoignages",
        testimonials=tuple(
            Testimonial(
                title=entry.title,
                items=(Item(entry.question, (Paragraph(sanitized(minimal_answer(index))),)),),
            )
            for index, entry in enumerate(entries(count))
        ),
        lang="fr",
    )
