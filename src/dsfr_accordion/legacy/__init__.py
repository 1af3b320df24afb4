"""Importing legacy accordion HTML: a :class:`~dsfr_accordion.model.Document` and a repair report.

The import runs in stages, one module each: :mod:`.source` parses the page with
html5lib and keeps every element's line and column; :mod:`.patterns` finds the
toggles and pairs them with their panels; :mod:`.content` turns each panel into
questions and answers; :mod:`.preservation` checks that no word was lost;
:mod:`.findings` holds the report and the wording of every finding. See
docs/import.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from xml.etree.ElementTree import Element

import yaml

from ..errors import ContentError
from ..frontmatter import split_front_matter
from ..ids import id_problem
from ..loaders.fields import compose, describe, source_text
from ..model import Document, Location, Testimonial
from ..syntax import URL_ATTRIBUTES, is_event_handler, is_language_tag, is_script_url
from ..ui import N_
from . import patterns
from .content import PanelReader, read_panel
from .findings import ImportFinding, Report, Section, excerpt, import_finding
from .patterns import PATTERNS, Accordion
from .preservation import measure_preservation
from .source import UNSAFE_ELEMENTS, SourceTree, text_of, words

#: Parse errors of a fragment that are not defects: legacy pages are often includes.
_IGNORED_PARSE_ERRORS = ("expected-doctype-but-got",)


@dataclass(frozen=True, slots=True)
class Import:
    """The result of an import: the document and the report of what was found and done."""

    document: Document
    report: Report


@dataclass(frozen=True, slots=True)
class _FrontKeys:
    """What a front matter gives the document."""

    title: str | None = None
    date: str | None = None
    lang: str | None = None
    metadata: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


def _front_matter(text: str, first_line: int, path: str) -> tuple[_FrontKeys, list[ImportFinding]]:
    """The document keys of a front matter (``title``, ``date``, ``lang``, the rest as
    metadata), and the findings about it. Raises :class:`ContentError` for invalid YAML.
    """
    if not text.strip():
        return _FrontKeys(), []
    node = compose(text, path, first_line=first_line)
    if not isinstance(node, yaml.MappingNode):
        raise ContentError.of(
            "wrong-type",
            Location(path, first_line),
            key=N_("the front matter"),
            expected=N_("a mapping (key: value)"),
            found=describe(node) if node is not None else N_("nothing"),
        )
    keys: dict[str, str] = {}
    metadata: dict[str, object] = {}
    findings: list[ImportFinding] = []
    for key_node, value_node in node.value:
        key = source_text(key_node)
        mark = key_node.start_mark
        if key in ("title", "date", "lang") and isinstance(value_node, yaml.ScalarNode):
            if str(value_node.value).strip():
                keys[key] = str(value_node.value).strip()
        else:
            metadata[key] = yaml.safe_load(yaml.serialize(value_node))
            where = Location(path, first_line + mark.line, mark.column + 1)
            findings.append(import_finding("front-matter-key", where, {"key": key}))
    return _FrontKeys(**keys, metadata=MappingProxyType(metadata)), findings


def _parse_findings(tree: SourceTree) -> list[ImportFinding]:
    findings = []
    for error in tree.errors:
        if error.code.startswith(_IGNORED_PARSE_ERRORS):
            continue
        where = tree.error_location(error)
        if "eof" in error.code:
            findings.append(import_finding("unclosed-element", where))
        elif "end-tag" in error.code and (error.data.get("name") or error.data.get("originalName")):
            tag = error.data.get("name") or error.data.get("originalName")
            findings.append(
                import_finding("stray-end-tag", where, {"tag": tag, "problem": error.message})
            )
        else:
            findings.append(import_finding("parse-error", where, {"problem": error.message}))
    return findings


def _safety_findings(tree: SourceTree) -> list[ImportFinding]:
    """Inline handlers, script URLs, unsafe elements and images, wherever they are."""
    findings = []
    for element in tree.root.iter():
        if not isinstance(element.tag, str):
            continue
        where = tree.location(element)
        if element.tag in UNSAFE_ELEMENTS and not any(
            a.tag in UNSAFE_ELEMENTS for a in tree.ancestors(element)
        ):
            if element.tag in ("meta", "link", "base") and tree.body() not in tree.ancestors(
                element
            ):
                continue  # the head's own business: nothing of it is imported
            count = len(words(" ".join(element.itertext())))
            findings.append(
                import_finding("unsafe-element", where, {"tag": element.tag, "words": count})
            )
        if element.tag == "img":
            findings.append(
                import_finding(
                    "image",
                    where,
                    {"source": element.get("src") or "", "alt": element.get("alt") or ""},
                )
            )
        for attribute, value in element.attrib.items():
            if is_event_handler(attribute):
                findings.append(
                    import_finding(
                        "event-handler",
                        where,
                        {"attribute": attribute, "value": excerpt(value), "tag": element.tag},
                    )
                )
            elif attribute.lower() in URL_ATTRIBUTES and is_script_url(value):
                findings.append(
                    import_finding(
                        "unsafe-url",
                        where,
                        {"attribute": attribute, "value": excerpt(value), "tag": element.tag},
                    )
                )
    return findings


def _id_findings(tree: SourceTree, accordions: list[Accordion]) -> list[ImportFinding]:
    """Unsafe ids on toggles and panels (ids the DSFR script would choke on)."""
    findings = []
    for accordion in accordions:
        for element in (accordion.toggle, accordion.panel):
            value = element.get("id") if element is not None else None
            problem = id_problem(value) if value is not None else None
            if problem:
                findings.append(
                    import_finding(
                        "unsafe-id", tree.location(element), {"value": value, "reason": problem}
                    )
                )
    return findings


def _outside(tree: SourceTree, parts: list[Element]) -> list[tuple[Location, str]]:
    """Text of the body outside every accordion part, by block, in document order."""
    inside = {id(part) for part in parts}
    holders = {id(a) for part in parts for a in tree.ancestors(part)}
    found: list[tuple[Location, str]] = []

    def visit(element: Element) -> None:
        if id(element) in inside or element.tag in UNSAFE_ELEMENTS:
            return
        if id(element) not in holders:
            text = text_of(element)
            if text:
                found.append((tree.location(element), text))
            return
        if element.text and element.text.strip():
            found.append((tree.location(element), " ".join(element.text.split())))
        for child in element:
            if isinstance(child.tag, str):
                visit(child)
            if child.tail and child.tail.strip():
                found.append((tree.location(child), " ".join(child.tail.split())))

    visit(tree.body())
    return found


def _parts(accordion: Accordion) -> list[Element]:
    """The elements holding an accordion's words: the details, or the toggle and its panel."""
    assert accordion.panel is not None
    if accordion.pattern == "details":
        return [accordion.panel]
    return [accordion.toggle if accordion.head is None else accordion.head, accordion.panel]


def _title(
    tree: SourceTree, keys: _FrontKeys, path: str
) -> tuple[str, Element | None, list[ImportFinding]]:
    """The document's title, the element of the page it comes from, and the finding saying so.

    The front matter's title; else the page's ``<title>``, its first ``<h1>``,
    its file name, in that order.
    """
    if keys.title is not None:
        return keys.title, None, []
    for source, element in (
        ("<title>", tree.root.find("head/title")),
        ("<h1>", tree.root.find(".//h1")),
    ):
        if element is not None and text_of(element):
            title = text_of(element)
            where = tree.location(element)
            return (
                title,
                element,
                [import_finding("title-from-page", where, {"title": title, "source": source})],
            )
    title, source = Path(path).stem, Path(path).name
    return (
        title,
        None,
        [import_finding("title-from-page", Location(path, 1), {"title": title, "source": source})],
    )


def _lang(keys: _FrontKeys, tree: SourceTree, path: str) -> tuple[str, list[ImportFinding]]:
    """The front matter's language, else the page's ``<html lang>``, else French.

    An invalid tag is passed over and reported.
    """
    candidates = ((keys.lang, Location(path, 2)), (tree.root.get("lang"), tree.location(tree.root)))
    written = [(value, where) for value, where in candidates if value]
    lang = next((value for value, _ in written if is_language_tag(value)), "fr")
    invalid = [(value, where) for value, where in written if not is_language_tag(value)]
    return lang, [
        import_finding("invalid-lang", where, {"value": value, "lang": lang})
        for value, where in invalid
    ]


def import_page(text: str, path: str) -> Import:
    """Import the legacy page ``text`` (``path`` names it in the report and in errors).

    Raises :class:`~dsfr_accordion.errors.ContentError` when the front matter
    is not valid YAML and when no accordion with content is found.
    """
    front, body = split_front_matter(text.removeprefix("\ufeff"))
    keys, findings = (
        _front_matter(front.text, front.first_line, path) if front else (_FrontKeys(), [])
    )
    tree = SourceTree(body, path)
    findings += _parse_findings(tree) + patterns.duplicate_ids(tree)
    findings += patterns.reference_findings(tree) + _safety_findings(tree)
    accordions = patterns.find_toggles(tree)
    findings += patterns.pair(tree, accordions)
    findings += _id_findings(tree, accordions)
    outer, nested, nesting_findings = patterns.nesting(tree, accordions)
    findings += nesting_findings
    reader = PanelReader(tree, {id(a.toggle) for a in nested})
    testimonials: list[Testimonial] = []
    sections: list[Section] = []
    parts: list[Element] = []
    imported: list[tuple[list[Element], Testimonial]] = []
    for accordion in accordions:
        if accordion.panel is None:
            findings.append(
                import_finding(
                    "toggle-without-panel",
                    tree.location(accordion.toggle),
                    {"title": excerpt(accordion.title)},
                )
            )
            continue
        if accordion not in outer:
            continue
        title = accordion.title
        panel_words = words(text_of(accordion.panel))
        if accordion.pattern == "details":  # the summary, its title, is in the panel
            panel_words = panel_words[len(words(title)) :]
        if not panel_words:
            findings.append(
                import_finding(
                    "empty-panel", tree.location(accordion.panel), {"title": excerpt(title) or "?"}
                )
            )
            continue
        if not title:
            title = f"Section {len(testimonials) + 1}"
            findings.append(
                import_finding("empty-title", tree.location(accordion.toggle), {"title": title})
            )
        content = read_panel(reader, accordion, title, findings)
        where = tree.location(accordion.toggle)
        testimonials.append(Testimonial(title, content.items, intro=content.intro, location=where))
        sections.append(
            Section(title, accordion.pattern, accordion.pairing, where, len(content.items))
        )
        parts += _parts(accordion)
        imported.append((_parts(accordion), testimonials[-1]))
    findings += reader.findings
    if not testimonials:
        raise ContentError.of(
            "no-accordion",
            Location(path, 1),
            patterns="; ".join(description for description, _ in PATTERNS.values()),
        )
    title, title_element, title_findings = _title(tree, keys, path)
    outside = _outside(tree, parts if title_element is None else [*parts, title_element])
    findings += title_findings + [
        import_finding("outside-content", where, {"excerpt": excerpt(text)})
        for where, text in outside
    ]
    lang, lang_findings = _lang(keys, tree, path)
    findings += lang_findings
    document = Document(
        title=title,
        testimonials=tuple(testimonials),
        lang=lang,
        date=keys.date,
        metadata=keys.metadata,
        location=Location(path, 1),
    )
    findings.sort(key=lambda f: (f.location.line or 0, f.location.column or 0))
    report = Report(
        path, tuple(sections), tuple(findings), measure_preservation(tree, imported), tuple(outside)
    )
    return Import(document, report)
