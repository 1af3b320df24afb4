"""The DSFR accordion contract, checked on a parsed page (used by several test modules)."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

SAFE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
HEADINGS = {f"h{n}" for n in range(2, 7)}


def classes(element: Element) -> list[str]:
    return (element.get("class") or "").split()


def by_class(tree: Element, name: str) -> list[Element]:
    return [e for e in tree.iter() if name in classes(e)]


def text_of(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def contract_problems(tree: Element) -> list[str]:
    """Every way ``tree`` breaks the DSFR accordion contract (empty when it holds)."""
    problems: list[str] = []
    ids = [e.get("id") for e in tree.iter() if e.get("id") is not None]
    problems += [f"duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    problems += [f"unsafe id {i!r}" for i in ids if not SAFE_ID.match(i)]
    for element in tree.iter():
        problems += [f"event handler {name}" for name in element.attrib if name.startswith("on")]
        href = (element.get("href") or "").strip().lower()
        if href.startswith(("javascript:", "data:", "vbscript:")):
            problems.append(f"script URL {href!r}")
    for section in by_class(tree, "fr-accordion"):
        if section.tag != "section":
            problems.append(f"fr-accordion is a <{section.tag}>")
        titles = [c for c in section if "fr-accordion__title" in classes(c)]
        panels = [c for c in section if "fr-collapse" in classes(c)]
        if len(titles) != 1 or len(panels) != 1:
            problems.append("a section needs one title and one panel")
            continue
        title, panel = titles[0], panels[0]
        if title.tag not in HEADINGS:
            problems.append(f"title is a <{title.tag}>")
        buttons = [c for c in title if c.tag == "button"]
        if len(buttons) != 1:
            problems.append("the title needs exactly one button")
            continue
        button = buttons[0]
        if "fr-accordion__btn" not in classes(button) or button.get("type") != "button":
            problems.append("button without fr-accordion__btn or type=button")
        if not text_of(button):
            problems.append("button without a name")
        if button.get("aria-controls") != panel.get("id"):
            problems.append(
                f"aria-controls {button.get('aria-controls')!r} is not the section's panel"
            )
        expanded = button.get("aria-expanded")
        if expanded not in ("true", "false"):
            problems.append(f"aria-expanded={expanded!r}")
        elif (expanded == "true") != ("fr-collapse--expanded" in classes(panel)):
            problems.append("aria-expanded disagrees with fr-collapse--expanded")
        if not text_of(panel):
            problems.append("empty panel")
    return problems
