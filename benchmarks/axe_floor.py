"""The floor of the browser audit: a bare Selenium ``driver.get`` + ``axe.run`` loop.

``python -m benchmarks.axe_floor OUT URL...`` starts one headless Chromium
(the system's, with the flags every contender of the benchmark that starts its
own browser gets), then for each address loads it and runs axe-core through
axe-selenium-python (the copy of axe-core dsfr-accordion runs, with the same
tags and result types), nothing else: no wait for the DSFR JavaScript, no
bound on a hostile page, no report. It writes the ids of the rules each page
violates and needs reviewed to ``OUT`` as JSON (``{url: {"violations": [...],
"incomplete": [...]}}``), for the comparison of findings. Timed as a whole
process by :mod:`benchmarks.browser_peers`; it imports nothing of
dsfr-accordion, so its cost is Selenium's and axe-core's alone.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

#: Chromium's flags for every contender that starts its own browser (this floor,
#: ``@axe-core/cli``, ``pa11y-ci``): headless, and nothing the browser would do by
#: itself that reaches for the network.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

#: The window dsfr-accordion's browser has, given where a contender allows it, so that
#: rules that depend on the layout see the same page.
WINDOW = (1280, 900)

#: axe-core's tags, as ``dsfr_accordion.audit.axe.AXE_TAGS`` (a test checks they agree):
#: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
AXE_TAGS: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


def main(argv: list[str]) -> int:
    """Audit every URL of ``argv[1:]``; write the rules found on each to ``argv[0]``."""
    from axe_selenium_python import Axe  # noqa: PLC0415 - the bench extra's
    from selenium import webdriver  # noqa: PLC0415
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    out, urls = Path(argv[0]), argv[1:]
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in (*CHROMIUM_ARGS, "--window-size={},{}".format(*WINDOW)):
        options.add_argument(flag)
    service = Service(executable_path=shutil.which("chromedriver") or "chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    run_options = json.dumps(
        {
            "runOnly": {"type": "tag", "values": list(AXE_TAGS)},
            "resultTypes": ["violations", "incomplete"],
        }
    )
    found: dict[str, dict[str, list[str]]] = {}
    try:
        for url in urls:
            driver.get(url)
            axe = Axe(driver)
            axe.inject()
            results = axe.run(options=run_options)
            found[url] = {
                kind: sorted({rule["id"] for rule in results[kind]})
                for kind in ("violations", "incomplete")
            }
    finally:
        driver.quit()
    out.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
