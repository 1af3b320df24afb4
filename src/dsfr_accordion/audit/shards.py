"""Shards of a check (``check --shard K/N``) and the merge of their reports (``check --merge``).

A site is split across ``N`` CI jobs by position: the files come in the order
:func:`~dsfr_accordion.audit.check` lists them (the paths as given, each
folder's pages sorted), and the file at position ``i`` (from 0) goes to shard
``i % N + 1``. Round robin rather than blocks: pages of one folder, often alike
in cost (every FAQ page, every English page), are spread over the jobs.

A shard's report says which shard it is (JSON: ``"shard": {"index": K,
"count": N}``; JUnit: ``shard="K/N"`` on ``<testsuites>``). From the ``N``
reports, :func:`merge` puts every file back at its position, which the
reports' sizes alone determine, and writes the report one job would have
written: the same bytes as the check without ``--shard``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from ..errors import DsfrAccordionError
from ..model import Location
from ..reporting import json_text, xml_text
from ..ui import N_, Msgid
from .report import SCHEMA

#: ``--shard`` as written: two whole numbers with a slash.
_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def parse_shard(spec: str) -> tuple[int, int]:
    """``K/N`` as ``(K, N)``; raises :class:`DsfrAccordionError` (``bad-shard``) unless
    ``1 <= K <= N``."""
    match = _SHARD.fullmatch(spec)
    if match is None or not 1 <= int(match[1]) <= int(match[2]):
        raise DsfrAccordionError.of("bad-shard", value=spec)
    return int(match[1]), int(match[2])


@dataclass(frozen=True, slots=True)
class _Shard:
    """One shard's report, read: its place, format, and each file's part of it."""

    name: str
    index: int
    count: int
    format: str
    #: What every shard of one check has alike (schema, tool, language; JUnit: name).
    common: tuple[tuple[str, object], ...]
    #: Each file's part, in the shard's order: a JSON object or a ``<testsuite>``.
    files: list[Any]


@dataclass(frozen=True, slots=True)
class Merged:
    """The merged report: its ``format``, its ``text``, and the rule id of each finding
    (for ``--fail-on``)."""

    format: str
    text: str
    rules: tuple[str, ...]


def _refuse(name: str, reason: Msgid) -> DsfrAccordionError:
    return DsfrAccordionError.of("merge-report", Location(name), reason=reason)


def _read(name: str, text: str) -> _Shard:
    """The shard report ``text`` of the file ``name``, read; raises
    :class:`DsfrAccordionError` for anything else."""
    if text.lstrip().startswith("<"):
        try:
            root = ElementTree.fromstring(text)
        except ElementTree.ParseError:
            raise _refuse(name, N_("it is not well-formed XML")) from None
        spec = root.get("shard")
        if root.tag != "testsuites" or spec is None:
            raise _refuse(name, N_("it is not a JUnit report of check --shard"))
        index, count = parse_shard(spec)
        common = (("name", root.get("name")),)
        return _Shard(name, index, count, "junit", common, list(root.findall("testsuite")))
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise _refuse(name, N_("it is neither JSON nor JUnit XML")) from None
    shard = data.get("shard") if isinstance(data, dict) else None
    if not isinstance(shard, dict) or data.get("schema") != SCHEMA:
        raise _refuse(name, N_("it is not a JSON report of check --shard"))
    index, count = parse_shard(f"{shard.get('index')}/{shard.get('count')}")
    common = tuple((key, data.get(key)) for key in ("schema", "tool", "lang"))
    return _Shard(name, index, count, "json", common, list(data["files"]))


def merge(reports: Sequence[tuple[str, str]]) -> Merged:
    """The report of the whole check from its shards' reports, given as (file name,
    text) in any order: every shard of one check, each once, all JSON or all JUnit,
    from the same version and language.

    Raises :class:`DsfrAccordionError` naming the report at fault otherwise.
    """
    shards = sorted((_read(name, text) for name, text in reports), key=lambda s: s.index)
    first = shards[0]
    for shard in shards:
        if (shard.format, shard.count, shard.common) != (first.format, first.count, first.common):
            raise _refuse(shard.name, N_("it is not a shard of the same check as the others"))
    for shard, after in itertools.pairwise(shards):
        if shard.index == after.index:
            raise DsfrAccordionError.of(
                "merge-twice", Location(after.name), shard=f"{after.index}/{after.count}",
                other=shard.name,
            )  # fmt: skip
    missing = sorted(set(range(1, first.count + 1)) - {shard.index for shard in shards})
    if missing:
        shown = ", ".join(f"{index}/{first.count}" for index in missing)
        raise DsfrAccordionError.of("merge-missing", shards=shown, count=first.count)
    total = sum(len(shard.files) for shard in shards)
    for shard in shards:
        # File i is in shard i % N + 1: the sizes say where each file was.
        if len(shard.files) != len(range(shard.index - 1, total, shard.count)):
            raise _refuse(shard.name, N_("its number of files does not fit the other shards'"))
    files = [shards[i % first.count].files[i // first.count] for i in range(total)]
    if first.format == "json":
        return _json(dict(first.common), files)
    return _junit(first.common[0][1], files)


def _json(common: dict[str, object], files: list[Any]) -> Merged:
    findings = [f for file in files for f in file["findings"]]
    severities = [f["severity"] for f in findings]
    data = {
        **common,
        "summary": {
            "files": len(files),
            "errors": severities.count("error"),
            "warnings": severities.count("warning"),
            "info": severities.count("info"),
        },
        "files": files,
    }
    # As report.json_report writes it: the same check gives the same bytes.
    return Merged("json", json_text(data, sort_keys=True), tuple(f["rule"] for f in findings))


def _junit(name: object, suites: list[ElementTree.Element]) -> Merged:
    root = ElementTree.Element(
        "testsuites",
        name=str(name),
        tests=str(sum(int(s.get("tests", "0")) for s in suites)),
        failures=str(sum(int(s.get("failures", "0")) for s in suites)),
        skipped=str(sum(int(s.get("skipped", "0")) for s in suites)),
    )
    root.extend(suites)
    # A finding's test case is named "rule line:column" (ReportStyle.junit_case).
    rules = tuple(
        case.get("name", "").split(" ", 1)[0]
        for case in root.iter("testcase")
        if case.find("failure") is not None or case.find("skipped") is not None
    )
    return Merged("junit", xml_text(root), rules)
