"""The repair report of an import: its findings as data, and their wording in one table.

A finding is one defect of the legacy page or one thing the import did about
it, at a place in the source. Its ``code`` is a key of :data:`FINDINGS`, which
gives its outcome and its two ``str.format`` templates: what was found and
what was done. The templates are marked with ``N_`` for the UI catalogue.
:class:`Report` writes the report's own parts (accordions, losses, summary);
each finding is shown by the one formatter of findings,
:mod:`dsfr_accordion.reporting`, as :data:`STYLE` says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from operator import attrgetter

from .. import reporting, ui
from ..findings import Finding
from ..model import Location
from ..ui import N_

#: Version of the JSON report (``schema`` key); see docs/import.md.
SCHEMA = "dsfr-accordion/import-report/1"

#: Longest excerpt of source text quoted in a message.
EXCERPT_LENGTH = 60


class Outcome(StrEnum):
    """What the import did about a finding, and so what it asks of a person.

    Not a severity (the audit's :class:`~dsfr_accordion.audit.rules.Severity` is
    that): every finding of an import is a defect of the page, and the outcome
    says how it ended. The JSON report (schema 1) names it ``severity``.
    """

    #: A defect the import repaired; nothing to do.
    REPAIRED = "repaired"
    #: Unsafe content the import removed.
    REMOVED = "removed"
    #: Kept as it is, but a person should look (``--strict`` fails on these).
    REVIEW = "review"


#: How each outcome reads in the human report.
OUTCOME_WORDS: dict[Outcome, str] = {
    Outcome.REPAIRED: N_("repaired"),
    Outcome.REMOVED: N_("removed"),
    Outcome.REVIEW: N_("review"),
}

#: The human report's own lines (findings have theirs in :data:`FINDINGS`).
FINDING_LINE = N_("{place}: {severity}: {message}: {hint}")
LOSS_LINE = N_("{place}: loss: {count} source words are missing from the import: {excerpt!r}")
SUMMARY_LINE = N_(
    "{source}: accordions imported: {accordions}; repaired: {repaired}, removed: {removed}, "
    "to review: {review}; words in the source accordions: {source_words}, lost: {lost}, "
    "removed as unsafe: {unsafe}"
)


@dataclass(frozen=True, slots=True)
class FindingKind:
    """A row of :data:`FINDINGS`, the kind of an import's findings
    (:class:`~dsfr_accordion.findings.Kind`): its code, what the import did
    (``outcome``), and the templates of what was found and of what was done
    (``hint``) over the finding's fields."""

    code: str
    outcome: Outcome
    message: str
    hint: str


#: What an import reports: a finding whose kind is a :class:`FindingKind`.
ImportFinding = Finding[FindingKind]

#: How the import's findings read (:mod:`dsfr_accordion.reporting`): graded by their
#: outcome, which schema 1 names ``severity``; it names the hint ``action``.
STYLE: reporting.ReportStyle[FindingKind] = reporting.ReportStyle(
    attrgetter("outcome"), OUTCOME_WORDS, {"hint": "action"}
)

#: Every kind of import finding, by code.
FINDINGS: dict[str, FindingKind] = {
    kind.code: kind
    for kind in (
        FindingKind(
            "parse-error",
            Outcome.REPAIRED,
            N_("HTML parse error"),
            N_("read as a browser does: {problem}"),
        ),
        FindingKind(
            "stray-end-tag",
            Outcome.REPAIRED,
            N_("stray end tag </{tag}>"),
            N_("read as a browser does: {problem}"),
        ),
        FindingKind(
            "unclosed-element",
            Outcome.REPAIRED,
            N_("elements left open at the end of the file"),
            N_("closed at the end of the file"),
        ),
        FindingKind(
            "duplicate-id",
            Outcome.REPAIRED,
            N_("id {value!r} is used {count} times (lines {lines})"),
            N_("not imported: every panel gets a unique id generated from its title"),
        ),
        FindingKind(
            "unsafe-id",
            Outcome.REPAIRED,
            N_("id {value!r} is not safe for the DSFR script: {reason}"),
            N_("not imported: every panel gets a safe id generated from its title"),
        ),
        FindingKind(
            "dangling-reference",
            Outcome.REPAIRED,
            N_('{attribute}="{value}" points at no element'),
            N_("not imported: the rendered button controls its own panel"),
        ),
        FindingKind(
            "ambiguous-reference",
            Outcome.REPAIRED,
            N_('{attribute}="{value}" points at {count} elements'),
            N_("not imported: the rendered button controls its own panel"),
        ),
        FindingKind(
            "paired-by-structure",
            Outcome.REPAIRED,
            N_("toggle {title!r}: {reason}"),
            N_("paired with the panel that follows it, at line {panel_line}"),
        ),
        FindingKind(
            "mismatched-reference",
            Outcome.REVIEW,
            N_("toggle {title!r}: its {reference} points at the panel that follows {other!r}"),
            N_("paired by this reference, as the page's script did: check which content is whose"),
        ),
        FindingKind(
            "shared-panel",
            Outcome.REVIEW,
            N_("the panel at line {panel_line} is referenced by {count} toggles"),
            N_("given to the toggle {title!r}; the others are paired by structure"),
        ),
        FindingKind(
            "toggle-without-panel",
            Outcome.REVIEW,
            N_("toggle {title!r} has no panel"),
            N_("not imported: its text is quoted here"),
        ),
        FindingKind(
            "empty-panel",
            Outcome.REVIEW,
            N_("the panel of {title!r} holds no text"),
            N_("not imported"),
        ),
        FindingKind(
            "empty-title",
            Outcome.REVIEW,
            N_("an accordion has an empty title"),
            N_("titled {title!r}: write a real title"),
        ),
        FindingKind(
            "nested-accordion",
            Outcome.REPAIRED,
            N_("accordion {title!r} is nested in the panel of {outer!r}"),
            N_("flattened: its title became a question and its panel the answer"),
        ),
        FindingKind(
            "no-question",
            Outcome.REPAIRED,
            N_("the panel of {title!r} holds no question"),
            N_("imported as one item whose question is the accordion's title"),
        ),
        FindingKind(
            "question-without-answer",
            Outcome.REVIEW,
            N_("question {question!r} has no answer"),
            N_("kept as a bold paragraph of the text before it"),
        ),
        FindingKind(
            "answer-repeats-question",
            Outcome.REVIEW,
            N_("the answer to {question!r} repeats the question"),
            N_("kept as it is: check the source for the real answer"),
        ),
        FindingKind(
            "quotation-marks",
            Outcome.REPAIRED,
            N_("the answer to {question!r} is typed as a quotation"),
            N_(
                "imported as a quote block, without its quotation marks and the italics around it: "
                "the renderer adds the page's own marks"
            ),
        ),
        FindingKind(
            "paragraph-in-list",
            Outcome.REPAIRED,
            N_("<{tag}> holds {count} <p> (only <li> may be there)"),
            N_("the paragraphs were taken out of the list"),
        ),
        FindingKind(
            "nested-list",
            Outcome.REPAIRED,
            N_("a list nested in a list item"),
            N_("its items were added to the outer list"),
        ),
        FindingKind(
            "unsupported-element",
            Outcome.REPAIRED,
            N_("<{tag}> is not supported in content"),
            N_("its text was kept as plain paragraphs"),
        ),
        FindingKind(
            "event-handler",
            Outcome.REMOVED,
            N_('inline event handler {attribute}="{value}" on <{tag}>'),
            N_("removed"),
        ),
        FindingKind(
            "unsafe-url",
            Outcome.REMOVED,
            N_('{attribute}="{value}" on <{tag}> is a script or data URL'),
            N_("removed; the text is kept"),
        ),
        FindingKind(
            "unsafe-element",
            Outcome.REMOVED,
            N_("<{tag}> is not allowed in content"),
            N_("removed with its content (words: {words})"),
        ),
        FindingKind(
            "image",
            Outcome.REVIEW,
            N_("image {source!r} (alternative text {alt!r})"),
            N_("removed: content holds no images; link to it if it matters"),
        ),
        FindingKind(
            "outside-content",
            Outcome.REVIEW,
            N_("text outside any accordion: {excerpt!r}"),
            N_("not imported: its full text is in the JSON report"),
        ),
        FindingKind(
            "title-from-page",
            Outcome.REPAIRED,
            N_("no title in the front matter"),
            N_("the document is titled {title!r}, taken from {source}"),
        ),
        FindingKind(
            "front-matter-key",
            Outcome.REPAIRED,
            N_("front matter key {key!r} has no place in the content format"),
            N_("kept in the document's metadata"),
        ),
        FindingKind(
            "invalid-lang",
            Outcome.REVIEW,
            N_("invalid language tag {value!r}"),
            N_("the document's language is {lang!r}"),
        ),
    )
}


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """``text`` with white space collapsed, cut at ``length`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def import_finding(
    code: str, location: Location, data: Mapping[str, object] | None = None
) -> ImportFinding:
    """The import's finding ``code`` at ``location``; ``data`` fills its templates."""
    return Finding.of(FINDINGS[code], location, data or {})


@dataclass(frozen=True, slots=True)
class Loss:
    """A run of source words missing from the import, starting at ``location``."""

    location: Location
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Preservation:
    """The result of the text preservation check (see :mod:`.preservation`)."""

    source_words: int
    imported_words: int
    removed_words: int
    losses: tuple[Loss, ...] = ()

    @property
    def lost_words(self) -> int:
        return sum(len(loss.words) for loss in self.losses)


@dataclass(frozen=True, slots=True)
class Section:
    """How one accordion of the source was recognised."""

    title: str
    pattern: str
    pairing: str
    location: Location
    items: int


@dataclass(frozen=True, slots=True)
class Report:
    """Everything an import found and did, in source order."""

    source: str
    sections: tuple[Section, ...]
    findings: tuple[ImportFinding, ...]
    preservation: Preservation
    outside_text: tuple[tuple[Location, str], ...] = ()

    @property
    def needs_review(self) -> bool:
        """Whether some finding asks a person to look (``--strict`` fails then)."""
        return any(finding.kind.outcome is Outcome.REVIEW for finding in self.findings)

    def counts(self) -> dict[str, int]:
        """Number of findings of each outcome, every outcome listed."""
        return {
            str(outcome): sum(f.kind.outcome is outcome for f in self.findings)
            for outcome in Outcome
        }

    def text(self, lang: str = "en") -> str:
        """The report for people, in ``lang``: one line per finding, then a summary."""
        gettext = ui.translations(lang).gettext
        lines = [
            line
            for finding in self.findings
            for line in STYLE.text_lines(finding, lang, FINDING_LINE)
        ]
        for loss in self.preservation.losses:
            lines.append(
                gettext(LOSS_LINE).format(
                    place=loss.location,
                    count=ui.number(len(loss.words), lang),
                    excerpt=excerpt(" ".join(loss.words)),
                )
            )
        counts, kept = self.counts(), self.preservation
        lines.append(
            gettext(SUMMARY_LINE).format(
                source=self.source,
                accordions=ui.number(len(self.sections), lang),
                repaired=ui.number(counts["repaired"], lang),
                removed=ui.number(counts["removed"], lang),
                review=ui.number(counts["review"], lang),
                source_words=ui.number(kept.source_words, lang),
                lost=ui.number(kept.lost_words, lang),
                unsafe=ui.number(kept.removed_words, lang),
            )
        )
        return "\n".join(lines) + "\n"

    def as_json(self) -> dict[str, object]:
        """The report as JSON data (schema :data:`SCHEMA`, documented in docs/import.md)."""

        def place(location: Location) -> dict[str, int | None]:
            return {"line": location.line, "column": location.column}

        return {
            "schema": SCHEMA,
            "source": self.source,
            "accordions": [
                {
                    "title": section.title,
                    "pattern": section.pattern,
                    "pairing": section.pairing,
                    **place(section.location),
                    "items": section.items,
                }
                for section in self.sections
            ],
            "findings": [STYLE.json_object(finding) for finding in self.findings],
            "outside": [{**place(where), "text": text} for where, text in self.outside_text],
            "preservation": {
                "source_words": self.preservation.source_words,
                "imported_words": self.preservation.imported_words,
                "removed_words": self.preservation.removed_words,
                "lost_words": self.preservation.lost_words,
                "losses": [
                    {**place(loss.location), "words": " ".join(loss.words)}
                    for loss in self.preservation.losses
                ],
            },
            "summary": self.counts(),
        }

    def json_text(self) -> str:
        """:meth:`as_json` serialised, deterministic, UTF-8 friendly."""
        return reporting.json_text(self.as_json())
