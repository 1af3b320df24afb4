"""axe-core in the audited page: its source, its run, its results as findings.

axe-core is the copy axe-selenium-python ships (the path its public ``Axe``
class loads by default); the session injects it into every document before the
page's own scripts (``Page.addScriptToEvaluateOnNewDocument``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..syntax import primary_language
from .chromium import BrowserUnavailable
from .findings import AuditFinding, found
from .rules import AXE_RGAA
from .scripts import script

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

#: The axe-core tags run: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
AXE_TAGS: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


class AxeFailed(Exception):
    """``axe.run`` rejected: a script of the page broke axe-core (it runs in the page)."""


def axe_source() -> str:
    """The axe-core script bundled with axe-selenium-python."""
    try:
        from axe_selenium_python import Axe  # noqa: PLC0415 - only for the browser audit
    except ImportError as error:
        raise BrowserUnavailable("the Python package axe-selenium-python is missing") from error
    return Path(Axe(None).script_url).read_text(encoding="utf-8")


#: axe-core's own translations of its help texts, by primary language (axe-locales/).
_LOCALES = Path(__file__).parent / "axe-locales"


def axe_locale(lang: str) -> str | None:
    """axe-core's locale (JSON) for reports in ``lang``, or ``None`` (English, axe's own)."""
    path = _LOCALES / f"{primary_language(lang)}.json"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def run_axe(driver: WebDriver, name: str, locale: str | None = None) -> list[AuditFinding]:
    """axe-core's violations and incomplete results on the current page, as the
    findings of the file ``name``, their help texts in ``locale`` (see
    :func:`axe_locale`); raises :class:`AxeFailed` when axe-core fails."""
    options = {
        "runOnly": {"type": "tag", "values": list(AXE_TAGS)},
        "resultTypes": ["violations", "incomplete"],
    }
    results = driver.execute_async_script(script("run-axe"), json.dumps(options), locale)
    if "error" in results:
        raise AxeFailed(results["error"])
    findings: list[AuditFinding] = []
    for kind, rule_id in (("violations", "axe-violation"), ("incomplete", "axe-incomplete")):
        for result in results[kind]:
            for node in result["nodes"]:
                findings.append(
                    found(
                        rule_id,
                        name,
                        rgaa=axe_rgaa(result),
                        axe_rule=result["id"],
                        help=result["help"],
                        target=" ".join(map(str, node["target"])),
                        url=result["helpUrl"].split("?", 1)[0],
                    )
                )
    return findings


def axe_rgaa(result: dict[str, Any]) -> str:
    """The RGAA criterion of an axe-core result: its ``RGAA-x.y.z`` tag, else :data:`AXE_RGAA`."""
    for tag in result.get("tags", ()):
        if tag.startswith("RGAA-"):
            return ".".join(tag[5:].split(".")[:2])
    return AXE_RGAA.get(result["id"], "")
