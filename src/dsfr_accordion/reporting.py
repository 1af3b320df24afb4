"""How every report shows a finding: its text lines, its JSON object, its JUnit test case.

Two commands report findings (:class:`~dsfr_accordion.findings.Finding`):
``check`` (``audit/report.py``: text, JSON and JUnit) and ``import``
(``legacy/findings.py``: text and JSON). Each report writes its own envelope
(files or accordions, summary, schema name) and declares in a
:class:`ReportStyle` what differs in how its findings read: the level it grades
them by (the audit's severity, the import's outcome), that level as a word, and
the JSON keys its schema names otherwise. A finding itself is shown here, once:
its place as ``file:line:column``, its message and hint in the report's
language (the library's words translated, the page's data as it is, see
:meth:`~dsfr_accordion.findings.Finding.message`), its fields in JSON.

Also here, the rest both reports write alike: JSON text and XML text, so that
the same findings always give the same bytes (numbers in the report's language
are :func:`dsfr_accordion.ui.number`'s).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from xml.etree import ElementTree

from . import ui
from .findings import Finding, Kind


@dataclass(frozen=True, slots=True)
class ReportStyle[K: Kind]:
    """How one layer's reports show its findings of kind ``K``."""

    #: The level of a finding of a kind: the audit's severity, the import's outcome.
    #: Its value is the finding's ``severity`` in JSON.
    level: Callable[[K], StrEnum]
    #: Each level as a word of the text report: a message id, translated when shown.
    words: Mapping[StrEnum, str]
    #: The keys of a finding's JSON object that the layer's schema names otherwise
    #: (``{"code": "rule"}``): a published schema keeps its names.
    keys: Mapping[str, str] = field(default_factory=dict)

    def text_lines(self, finding: Finding[K], lang: str, *templates: str) -> list[str]:
        """``templates``, message ids over ``{place}``, ``{severity}``, ``{code}``,
        ``{message}``, ``{hint}`` and ``{rgaa}``, each translated into ``lang`` and
        filled with the parts of ``finding``: its place (``file:line:column``, less
        when less is known), its level as a word, its code, its message and hint in
        ``lang``, its RGAA criterion (``""`` when it has none)."""
        gettext = ui.translations(lang).gettext
        parts = {
            "place": str(finding.location),
            "severity": gettext(self.words[self.level(finding.kind)]),
            "code": finding.code,
            "message": finding.message(lang),
            "hint": finding.hint(lang),
            "rgaa": finding.rgaa,
        }
        return [gettext(template).format(**parts) for template in templates]

    def json_object(self, finding: Finding[K], lang: str = "en") -> dict[str, object]:
        """``finding`` as an object of a JSON report, keys in this order (renamed as
        :attr:`keys` says): ``code``, ``severity`` (its level's value), ``line`` and
        ``column`` (``null`` when unknown), ``message`` and ``hint`` in ``lang``, and
        ``data``: its fields, the library's words in English (the catalogues'
        language) and the page's data as written."""
        data: dict[str, object] = {
            "code": finding.code,
            "severity": self.level(finding.kind).value,
            "line": finding.line,
            "column": finding.column,
            "message": finding.message(lang),
            "hint": finding.hint(lang),
            "data": ui.localized(finding.data, str),
        }
        return {self.keys.get(key, key): value for key, value in data.items()}

    def junit_case(
        self,
        suite: ElementTree.Element,
        finding: Finding[K],
        lang: str,
        *,
        skipped: bool,
    ) -> None:
        """Add to ``suite`` the test case of ``finding``, named ``code line:column``
        (``0`` for what is unknown) in the suite's class: skipped when ``skipped``
        (something not checked), else failing with its level as the failure's type.
        The outcome's text is its place and message, then its RGAA criterion (``-``
        when none) and hint, in ``lang``."""
        case = ElementTree.SubElement(
            suite,
            "testcase",
            classname=suite.get("name", ""),
            name=f"{finding.code} {finding.line or 0}:{finding.column or 0}",
        )
        message = finding.message(lang)
        if skipped:
            outcome = ElementTree.SubElement(case, "skipped", message=message)
        else:
            level = self.level(finding.kind).value
            outcome = ElementTree.SubElement(case, "failure", type=level, message=message)
        outcome.text = (
            f"{finding.location}: {message}\nRGAA {finding.rgaa or '-'}; {finding.hint(lang)}"
        )


def json_text(data: object, *, sort_keys: bool = False) -> str:
    """``data`` as the text of a JSON report: UTF-8 characters as they are, indented
    by two, one trailing newline; keys sorted when the schema says so."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n"


def xml_text(root: ElementTree.Element) -> str:
    """``root`` as the text of an XML report: declaration, indented, one trailing newline."""
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )
