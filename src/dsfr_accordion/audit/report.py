"""Reports of audit results: text for people, JSON and JUnit XML for machines.

Every report lists files in the order they were audited and findings in
document order, so the same input always gives the same bytes. This module
writes what is the audit's own (files, summary, excerpts of the source, the
JSON keys of a rule: check, category, RGAA); each finding is shown by the one
formatter of findings, :mod:`dsfr_accordion.reporting`, as its :data:`STYLE`
says. The JSON schema is documented in ``docs/accessibility.md``; ``SCHEMA``
names its version and changes only when a field changes meaning or goes away.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from xml.etree import ElementTree

from .. import __version__, ui
from ..assets import DSFR_VERSION
from ..reporting import ReportStyle, json_text, xml_text
from ..ui import N_
from .findings import AuditFinding, FileResult
from .rules import Rule, Severity

#: Names the JSON format and its version.
SCHEMA = "dsfr-accordion-check/1"


def counts(results: Sequence[FileResult]) -> dict[str, int]:
    """Files audited and findings of each severity."""
    findings = [f for r in results for f in r.findings]
    return {
        "files": len(results),
        "errors": sum(f.kind.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.kind.severity is Severity.WARNING for f in findings),
        "info": sum(f.kind.severity is Severity.INFO for f in findings),
    }


#: The words and lines of the text report, translated when shown.
SEVERITY_WORDS: dict[Severity, str] = {
    # Translators: the severity of an accessibility finding, as in "page.html:3:5: error: …"
    Severity.ERROR: N_("error"),
    # Translators: the severity of an accessibility finding, as in "page.html:3:5: warning: …"
    Severity.WARNING: N_("warning"),
    # Translators: the severity of a note, as in "page.html:3:5: info: …"
    Severity.INFO: N_("info"),
}
LINE = N_("{place}: {severity}: {message} ({code}, RGAA {rgaa})")
LINE_WITHOUT_RGAA = N_("{place}: {severity}: {message} ({code})")
HINT = N_("hint: {hint}")
SUMMARY = N_("files checked: {files}, errors: {errors}, warnings: {warnings}")
#: The summary when there are info findings (things not checked): said only then.
SUMMARY_WITH_INFO = N_(
    "files checked: {files}, errors: {errors}, warnings: {warnings}, info: {info}"
)

#: How the audit's findings read (:mod:`dsfr_accordion.reporting`): graded by their
#: rule's severity; schema 1 names a finding's code ``rule``.
STYLE: ReportStyle[Rule] = ReportStyle(attrgetter("severity"), SEVERITY_WORDS, {"code": "rule"})


def _excerpt(result: FileResult, finding: AuditFinding) -> list[str]:
    """The source line of ``finding`` and a caret under its column (60 characters either
    side of it, for minified pages); nothing when the place is unknown or blank.
    """
    if finding.line is None:
        return []
    line = result.line(finding.line)
    column = finding.column or 1
    start = max(column - 61, 0)
    excerpt = line[start : column + 60].replace("\t", " ")
    if not excerpt.strip():
        return []
    return [f"    | {excerpt}", f"    | {' ' * (column - 1 - start)}^"]


def text(results: Sequence[FileResult], lang: str = "en") -> str:
    """Findings grouped by file, each with its source line and a caret under the column."""
    out: list[str] = []
    for result in results:
        if not result.findings:
            continue
        out.append(result.path)
        for finding in result.findings:
            line, hint = STYLE.text_lines(
                finding, lang, LINE if finding.rgaa else LINE_WITHOUT_RGAA, HINT
            )
            out.append(f"  {line}")
            out.extend(_excerpt(result, finding))
            out.append(f"    {hint}")
        out.append("")
    total = counts(results)
    numbers = {name: ui.number(value, lang) for name, value in total.items()}
    summary = SUMMARY_WITH_INFO if total["info"] else SUMMARY
    out.append(ui.translations(lang).gettext(summary).format(**numbers))
    return "\n".join(out) + "\n"


def as_data(
    results: Sequence[FileResult], lang: str = "en", shard: tuple[int, int] | None = None
) -> dict[str, object]:
    """The JSON document (``SCHEMA``) as Python data; with ``"shard": {"index": K,
    "count": N}`` for the results of shard ``K/N`` (see :mod:`.shards`)."""
    data: dict[str, object] = {
        "schema": SCHEMA,
        "tool": {"name": "dsfr-accordion", "version": __version__, "dsfr": DSFR_VERSION},
        "lang": lang,
        "summary": counts(results),
        "files": [
            {
                "path": result.path,
                "findings": [
                    {
                        **STYLE.json_object(finding, lang),
                        "check": finding.kind.check.value,
                        "category": finding.kind.category.value,
                        "rgaa": finding.rgaa,
                    }
                    for finding in result.findings
                ],
            }
            for result in results
        ],
    }
    if shard is not None:
        data["shard"] = {"index": shard[0], "count": shard[1]}
    return data


def json_report(
    results: Sequence[FileResult], lang: str = "en", shard: tuple[int, int] | None = None
) -> str:
    """The JSON report: ``SCHEMA``, keys sorted, indented, one trailing newline.

    :func:`.shards.merge` writes the same envelope: keep the two in step."""
    return json_text(as_data(results, lang, shard), sort_keys=True)


def junit(
    results: Sequence[FileResult], lang: str = "en", shard: tuple[int, int] | None = None
) -> str:
    """JUnit XML: one test suite per file, one test case per finding: failing for an
    error or a warning, skipped for an info finding (something not checked).

    A file without findings gets one passing test case, so CI dashboards count it.
    The results of shard ``K/N`` say so: ``shard="K/N"`` on ``<testsuites>``, an
    attribute JUnit readers ignore (:func:`.shards.merge` reads it and writes the
    rest the same way: keep the two in step).
    """

    total = counts(results)
    suites = ElementTree.Element(
        "testsuites",
        name="dsfr-accordion check",
        tests=str(sum(max(len(r.findings), 1) for r in results)),
        failures=str(total["errors"] + total["warnings"]),
        skipped=str(total["info"]),
    )
    if shard is not None:
        suites.set("shard", f"{shard[0]}/{shard[1]}")
    for result in results:
        suite = ElementTree.SubElement(
            suites,
            "testsuite",
            name=result.path,
            tests=str(max(len(result.findings), 1)),
            failures=str(sum(f.kind.severity is not Severity.INFO for f in result.findings)),
            skipped=str(sum(f.kind.severity is Severity.INFO for f in result.findings)),
        )
        if not result.findings:
            ElementTree.SubElement(suite, "testcase", classname=result.path, name="accessibility")
        for finding in result.findings:
            STYLE.junit_case(suite, finding, lang, skipped=finding.kind.severity is Severity.INFO)
    return xml_text(suites)


def render_report(
    results: Sequence[FileResult],
    format: str,
    lang: str = "en",
    shard: tuple[int, int] | None = None,
) -> str:
    """The report in ``format`` (one of :data:`~dsfr_accordion.audit.FORMATS`); JSON
    and JUnit say which ``shard`` (``(K, N)``) they are the results of, for
    :func:`.shards.merge` (the text report does not: it is for people)."""
    if format == "json":
        return json_report(results, lang, shard)
    if format == "junit":
        return junit(results, lang, shard)
    return text(results, lang)
