"""Findings: what an audit reports, as values, and the results of one audited file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import ui
from .rules import Check, Rule, Severity, rule


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one file.

    ``line`` and ``column`` count from 1 and point into the audited file
    (``None`` when the place is unknown, as for some browser findings).
    ``fields`` fill the rule's message and hint templates (a :class:`Msg`
    value is translated, any other is shown as it is); ``rgaa`` is the rule's criterion unless a
    finding knows better (axe-core rules).
    """

    rule_id: str
    path: str
    line: int | None = None
    column: int | None = None
    fields: tuple[tuple[str, str], ...] = ()
    rgaa: str = ""

    @classmethod
    def of(
        cls,
        rule_id: str,
        path: str,
        position: tuple[int, int] | None = None,
        *,
        rgaa: str | None = None,
        **fields: object,
    ) -> Finding:
        """The finding of ``rule_id`` at ``position`` (line, column), with template ``fields``."""
        line, column = position if position is not None else (None, None)
        return cls(
            rule_id,
            path,
            line,
            column,
            tuple(
                (key, value if isinstance(value, str) else str(value))
                for key, value in sorted(fields.items())
            ),
            rule(rule_id).rgaa if rgaa is None else rgaa,
        )

    @property
    def rule(self) -> Rule:
        return rule(self.rule_id)

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    @property
    def check(self) -> Check:
        return self.rule.check

    def _format(self, template: str, lang: str) -> str:
        gettext = ui.translations(lang).gettext
        return gettext(template).format(**ui.localized(dict(self.fields), gettext))

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` (``fr`` or ``en``)."""
        return self._format(self.rule.message, lang)

    def hint(self, lang: str = "en") -> str:
        """What to do, in ``lang``."""
        return self._format(self.rule.hint, lang)

    def sort_key(self) -> tuple[int, int, str, tuple[tuple[str, str], ...]]:
        """Document order, then rule id: the order every report lists findings in."""
        return (self.line or 0, self.column or 0, self.rule_id, self.fields)


@dataclass(frozen=True, slots=True)
class FileResult:
    """The findings of one audited file, sorted, and its text for source excerpts."""

    path: str
    findings: tuple[Finding, ...] = ()
    text: str = field(default="", repr=False)
    #: The lines of ``text``, split once on the first :meth:`line` (a report quotes a
    #: line per finding: splitting the file for each was quadratic).
    _lines: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, path: str, findings: Iterable[Finding], text: str = "") -> FileResult:
        """Sort and deduplicate ``findings`` (an audit may meet a problem twice)."""
        return cls(path, tuple(sorted(set(findings), key=Finding.sort_key)), text)

    def merged(self, findings: Iterable[Finding]) -> FileResult:
        """This result with more ``findings`` (a browser audit's, for instance)."""
        return FileResult.of(self.path, (*self.findings, *findings), self.text)

    def line(self, number: int) -> str:
        """Line ``number`` (from 1) of the file, or ``""``."""
        lines = self._lines
        if lines is None:
            lines = self.text.split("\n")
            object.__setattr__(self, "_lines", lines)  # a cache: the result stays as it was
        return lines[number - 1] if 0 < number <= len(lines) else ""
