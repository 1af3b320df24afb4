"""What an audit reports: findings whose kind is a rule (:mod:`dsfr_accordion.findings`),
and the results of one audited file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..findings import Finding
from ..model import Location
from .rules import Rule, rule

#: What the audit reports: a finding whose kind is a rule.
AuditFinding = Finding[Rule]


def found(
    rule_id: str,
    path: str,
    position: tuple[int, int] | None = None,
    *,
    rgaa: str | None = None,
    **fields: object,
) -> AuditFinding:
    """The finding of the rule ``rule_id`` in the file ``path`` at ``position`` (line,
    column; ``None`` when the place is unknown, as for some browser findings), with
    its template ``fields`` (a :class:`~.rules.Msg` translated when shown, any other
    value shown as text); ``rgaa`` is the rule's criterion unless a finding knows
    better (axe-core results)."""
    line, column = position if position is not None else (None, None)
    kind = rule(rule_id)
    values = {  # in name order, as text: findings are compared, sorted and deduplicated
        name: value if isinstance(value, str) else str(value)
        for name, value in sorted(fields.items())
    }
    return Finding.of(
        kind, Location(path, line, column), values, kind.rgaa if rgaa is None else rgaa
    )


@dataclass(frozen=True, slots=True)
class FileResult:
    """The findings of one audited file, sorted, and its text for source excerpts."""

    path: str
    findings: tuple[AuditFinding, ...] = ()
    text: str = field(default="", repr=False)
    #: The lines of ``text``, split once on the first :meth:`line` (a report quotes a
    #: line per finding: splitting the file for each was quadratic).
    _lines: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, path: str, findings: Iterable[AuditFinding], text: str = "") -> FileResult:
        """Sort and deduplicate ``findings`` (an audit may meet a problem twice)."""
        return cls(path, tuple(sorted(set(findings), key=Finding.sort_key)), text)

    def merged(self, findings: Iterable[AuditFinding]) -> FileResult:
        """This result with more ``findings`` (a browser audit's, for instance)."""
        return FileResult.of(self.path, (*self.findings, *findings), self.text)

    def line(self, number: int) -> str:
        """Line ``number`` (from 1) of the file, or ``""``."""
        lines = self._lines
        if lines is None:
            lines = self.text.split("\n")
            object.__setattr__(self, "_lines", lines)  # a cache: the result stays as it was
        return lines[number - 1] if 0 < number <= len(lines) else ""
