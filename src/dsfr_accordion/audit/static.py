"""The static audit: parse HTML with html5lib and walk the tree once, no browser.

Input is a fragment, a page or a folder of pages, read and parsed as ``import``
reads them (:mod:`..htmlsource`): a front matter block (``---`` … ``---`` at the
top, as in Jekyll sites) is blanked out line for line, so every line:column
still points into the file, and each finding names the line and column of the
start tag (or of the attribute) at fault.

This module imports html5lib; nothing on the render path imports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from xml.etree.ElementTree import Element

from .. import ui
from ..assets import ENHANCEMENT_FILES
from ..errors import DsfrAccordionError
from ..htmlsource import HtmlSource, classes, normalise, parse
from ..inputs import MAX_BYTES, read_text
from ..model import Location
from ..syntax import (
    URL_ATTRIBUTES,
    is_event_handler,
    is_language_tag,
    is_safe_id,
    is_script_url,
    is_valid_id,
    primary_language,
    url_scheme,
)
from .findings import AuditFinding, FileResult, found
from .rules import Msg

#: File name suffixes audited when a folder is given.
HTML_SUFFIXES = (".html", ".htm")

#: Attributes holding id references, space-separated lists all of them.
ID_REFERENCES = ("aria-controls", "aria-labelledby", "aria-describedby", "for", "headers")

#: What each enhancement of the library (``data-dsfr-accordion`` on a group) needs
#: the page to link: its stylesheet, its module, or both (:data:`ENHANCEMENT_FILES`).
ENHANCEMENT_NEEDS: dict[str, tuple[str, ...]] = {
    "open-without-js": ("dsfr-accordion.css",),
    "find-in-page": ("dsfr-accordion.css", "dsfr-accordion.js"),
    "show-all": ("dsfr-accordion.js",),
    "permalinks": ("dsfr-accordion.js",),
}

#: Elements that give a panel or a link content without text.
EMBEDDED = frozenset(
    {"img", "svg", "iframe", "video", "audio", "object", "embed", "canvas", "picture", "input"}
)

HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}

#: The classes of the elements the DSFR JavaScript drives in an accordion: an
#: event handler there fights it (an error), elsewhere it is a CSP concern.
ACCORDION_PARTS = frozenset(
    {
        "fr-accordions-group",
        "fr-accordion",
        "fr-accordion__title",
        "fr-accordion__btn",
        "fr-collapse",
    }
)


def _accordion_part(element: Element) -> str | None:
    """How ``element`` is an accordion's (``.fr-accordion__btn``), or a disclosure
    toggle's of another kind (``[aria-expanded]``, as legacy accordions have);
    ``None`` for any other element."""
    part = next((c for c in classes(element) if c in ACCORDION_PARTS), None)
    if part is not None:
        return f".{part}"
    return "[aria-expanded]" if "aria-expanded" in element.attrib else None


def _has_text(element: Element) -> bool:
    """Whether ``element`` holds any text but white space (stops at the first)."""
    return any(not text.isspace() for text in element.itertext() if text)


def _local_name(element: Element) -> str:
    """The tag without its namespace (html5lib names SVG and MathML elements ``{ns}tag``)."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


@cache
def language_markers() -> dict[str, str]:
    """Texts that betray a language: the library's own UI strings (from its templates).

    Maps each text to its language: the French translation of each template
    string is French, its English message id is English. Such a text must not
    appear in a context of another language without ``lang``. Only these
    markers are detectable; other text in another language is not
    (``docs/accessibility.md``).
    """
    folder = resources.files("dsfr_accordion") / "templates" / "dsfr_accordion"
    msgids: set[str] = set()
    for template in folder.iterdir():
        if template.name.endswith(".j2"):
            msgids |= set(re.findall(r"""_\((?:"([^"]+)"|'([^']+)')\)""", template.read_text()))
    french = ui.translations("fr")
    markers: dict[str, str] = {}
    for pair in msgids:
        msgid = pair[0] or pair[1]
        translation = french.gettext(msgid)
        if translation != msgid:
            markers[msgid] = "en"
            markers[translation] = "fr"
    return markers


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of ``path`` as it is parsed (:func:`~dsfr_accordion.htmlsource.normalise`).

    Raises :class:`DsfrAccordionError` naming the file when it cannot be read,
    is larger than ``max_bytes``, binary or not UTF-8 (the loaders' checks).
    """
    return normalise(read_text(path, max_bytes=max_bytes))


class _Walk:
    """One walk over a parsed file, collecting findings of every static rule."""

    def __init__(self, parsed: HtmlSource, path: str) -> None:
        self.parsed = parsed
        self.source = parsed.lines
        self.path = path
        self.findings: list[AuditFinding] = []
        self.ids: dict[str, Element] = {}
        self.references: list[tuple[Element, str, str]] = []
        self.fragment_links: list[tuple[Element, str]] = []
        self.headings: list[tuple[int, Element, bool]] = []
        self.accordions: list[Element] = []
        #: The first group naming the library's enhancements, with their names in order.
        self.enhanced: tuple[Element, list[str]] | None = None
        #: The file names of the stylesheets and module scripts the page links.
        self.linked: set[str] = set()
        self.place = parsed.place
        self.attribute_place = parsed.attribute_place

    def add(self, rule_id: str, position: tuple[int, int], **fields: object) -> None:
        self.findings.append(found(rule_id, self.path, position, **fields))

    def run(self) -> list[AuditFinding]:
        if not self.source.text.strip():
            self.add("empty-page", (1, 1))
            return self.findings
        self.parse_errors()
        root = self.parsed.root
        page_lang = root.get("lang") if self.parsed.page else None
        if self.parsed.page and not (page_lang or "").strip():
            self.add("html-lang-missing", self.place(root))
        stack: list[tuple[Element, str | None, bool]] = [(root, page_lang, False)]
        while stack:
            element, lang, in_accordion = stack.pop()
            if not isinstance(element.tag, str):
                continue  # a comment or processing instruction
            own_lang = element.get("lang")
            if own_lang is not None and own_lang.strip():
                lang = own_lang.strip()
            is_accordion = "fr-accordion" in classes(element)
            in_accordion = in_accordion or is_accordion
            if id(element) not in self.parsed.synthetic:
                self.element(element, lang, in_accordion)
                if is_accordion:
                    self.accordions.append(element)
            stack.extend((child, lang, in_accordion) for child in reversed(element))
        self.resolve()
        self.heading_order()
        for section in self.accordions:
            self.accordion(section)
        if self.parsed.page:  # a fragment's host page links them
            self.enhancement_files()
        return self.findings

    def parse_errors(self) -> None:
        for error in self.parsed.parse_errors():
            self.add("parse-error", (error.line, error.column), detail=error.message)

    def element(self, element: Element, lang: str | None, in_accordion: bool) -> None:
        """The rules about one element and its own attributes."""
        tag = element.tag
        attributes = element.attrib
        self.note_enhancements(element)
        element_id = attributes.get("id")
        if element_id is not None and not is_valid_id(element_id):
            self.add("invalid-id", self.attribute_place(element, "id"), id=element_id)
        elif element_id is not None:
            first = self.ids.get(element_id)
            if first is None:
                self.ids[element_id] = element
            else:
                self.add(
                    "duplicate-id",
                    self.attribute_place(element, "id"),
                    id=element_id,
                    first=self.place(first)[0],
                )
        for name, value in attributes.items():
            if is_event_handler(name):
                place = self.attribute_place(element, name)
                part = _accordion_part(element)
                if part is None:
                    self.add("inline-handler", place, attribute=name)
                else:
                    self.add("accordion-inline-handler", place, attribute=name, part=part)
            elif name in URL_ATTRIBUTES and is_script_url(value):
                self.add(
                    "javascript-url",
                    self.attribute_place(element, name),
                    attribute=name,
                    scheme=url_scheme(value) or "",
                )
            elif name in ID_REFERENCES:
                self.references.append((element, name, value))
            elif name == "lang" and value.strip() and not is_language_tag(value.strip()):
                self.add("lang-invalid", self.attribute_place(element, name), value=value)
        href = attributes.get("href")
        if href is not None and href.startswith("#") and len(href) > 1:
            self.fragment_links.append((element, href))
        if tag == "a" and href is not None and not _has_name(element):
            self.add("empty-link", self.place(element))
        elif tag == "img" and "alt" not in attributes:
            self.add("image-alt", self.place(element))
        level = _heading_level(element)
        if level is not None:
            self.headings.append((level, element, in_accordion))
        if lang is not None:
            self.language_markers(element, lang)

    def language_markers(self, element: Element, lang: str) -> None:
        """Text of the library's own UI in another language than its context's."""
        markers = language_markers()
        texts = (element.get("aria-label"), element.get("title"), element.text)
        for text in texts if len(element) == 0 else texts[:2]:
            if not text:
                continue
            # split() and \s+ agree on what white space is (Py_UNICODE_ISSPACE).
            text_lang = markers.get(" ".join(text.split()))
            if text_lang is not None and text_lang != primary_language(lang):
                self.add(
                    "lang-change-unmarked",
                    self.place(element),
                    text=text.strip(),
                    page=lang,
                    lang=text_lang,
                )

    def resolve(self) -> None:
        """References to ids: every one must name an element of the file."""
        for element, name, value in self.references:
            for token in value.split():
                if token not in self.ids:
                    self.add(
                        "dangling-reference",
                        self.attribute_place(element, name),
                        attribute=name,
                        value=token,
                    )
        for element, href in self.fragment_links:
            target = href[1:]
            if target not in self.ids and target.lower() != "top":
                self.add("dangling-fragment-link", self.attribute_place(element, "href"), href=href)

    def heading_order(self) -> None:
        """A heading more than one level below the previous one, anywhere in the file:
        RGAA 9.1 is about the whole page's outline, not only the accordions'."""
        previous: tuple[int, Element, bool] | None = None
        for heading in self.headings:
            level, element, _ = heading
            if previous is not None:
                previous_level = previous[0]
                if level > previous_level + 1:
                    self.add(
                        "heading-skip",
                        self.place(element),
                        level=level,
                        previous=previous_level,
                        expected=previous_level + 1,
                    )
            previous = heading

    def note_enhancements(self, element: Element) -> None:
        """Remember what ``element`` adds to :meth:`enhancement_files`: the library's
        enhancements a group names, a stylesheet or a module script the page links."""
        features = element.get("data-dsfr-accordion")
        if features is not None and self.enhanced is None:
            self.enhanced = (element, features.split())
        tag = _local_name(element)
        if tag == "link" and "stylesheet" in (element.get("rel") or "").lower().split():
            url = element.get("href")
        elif tag == "script" and (element.get("type") or "").strip().lower() == "module":
            url = element.get("src")
        else:
            return
        if url:
            self.linked.add(url.split("#")[0].split("?")[0].rsplit("/", 1)[-1])

    def enhancement_files(self) -> None:
        """A page whose accordions name the library's enhancements links their files."""
        if self.enhanced is None:
            return
        group, features = self.enhanced
        for file in ENHANCEMENT_FILES:
            users = [f for f in features if file in ENHANCEMENT_NEEDS.get(f, ())]
            if users and file not in self.linked:
                self.add(
                    "accordion-enhancement-files",
                    self.attribute_place(group, "data-dsfr-accordion"),
                    features=", ".join(users),
                    file=file,
                )

    def accordion(self, section: Element) -> None:
        """The DSFR accordion contract for one ``.fr-accordion``."""
        titles = [c for c in section if "fr-accordion__title" in classes(c)]
        panels = [c for c in section if "fr-collapse" in classes(c)]
        if len(titles) != 1 or len(panels) != 1:
            self.add(
                "accordion-structure", self.place(section), titles=len(titles), panels=len(panels)
            )
            return
        title, panel = titles[0], panels[0]
        # DSFR's accordion documentation allows "a heading, or possibly a <p>"
        # (src/dsfr/component/accordion/_part/doc/code/index.md in the package).
        if _heading_level(title) is None and title.tag != "p":
            self.add("accordion-title-heading", self.place(title), tag=title.tag)
        buttons = [c for c in title if c.tag == "button"]
        if len(buttons) != 1:
            problem = "there is no button" if not buttons else "there are several buttons"
            self.add("accordion-button", self.place(title), problem=Msg(problem))
            return
        button = buttons[0]
        if button.get("type") != "button":
            self.add(
                "accordion-button", self.place(button), problem=Msg('its type is not "button"')
            )
        if "fr-accordion__btn" not in classes(button):
            problem = Msg("it lacks the class fr-accordion__btn")
            self.add("accordion-button", self.place(button), problem=problem)
        if not _has_name(button):
            self.add("accordion-button-name", self.place(button))
        panel_id = panel.get("id") or ""
        controls = button.get("aria-controls") or ""
        if controls != panel_id:
            self.add(
                "accordion-controls",
                self.attribute_place(button, "aria-controls"),
                value=controls,
                panel=panel_id,
            )
        for value, owner, name in ((panel_id, panel, "id"), (controls, button, "aria-controls")):
            if value and not is_safe_id(value) and (owner is panel or value != panel_id):
                self.add("accordion-unsafe-id", self.attribute_place(owner, name), id=value)
        expanded = button.get("aria-expanded")
        if expanded not in ("true", "false"):
            self.add(
                "accordion-expanded-value",
                self.attribute_place(button, "aria-expanded"),
                value=expanded or "",
            )
        elif (expanded == "true") != ("fr-collapse--expanded" in classes(panel)):
            self.add(
                "accordion-expanded-state",
                self.attribute_place(button, "aria-expanded"),
                value=expanded,
            )
        if not _has_text(panel) and not any(_local_name(e) in EMBEDDED for e in panel.iter()):
            self.add("accordion-empty-panel", self.place(panel), id=panel_id)
        hidden = panel.get("hidden")
        if hidden is not None:
            # hidden="until-found" on a closed panel is the library's module at work (a
            # page saved from a browser); anything else hides what the DSFR JS shows.
            until_found = hidden.strip().lower() == "until-found"
            if not until_found or expanded == "true":
                problem = (
                    "its button says it is open"
                    if until_found
                    else ("the DSFR JavaScript never removes it: the button opens nothing")
                )
                self.add(
                    "accordion-hidden-panel",
                    self.attribute_place(panel, "hidden"),
                    id=panel_id,
                    value=hidden,
                    problem=Msg(problem),
                )


def _has_name(element: Element) -> bool:
    """Whether a link or button has an accessible name: its text (an SVG's <title>
    included), a label on it or on an element inside, its title, or an image's alt.
    """
    if element.get("title", "").strip() or _has_text(element):
        return True
    return any(
        (e.get("aria-label") or "").strip()
        or (e.get("aria-labelledby") or "").strip()
        or (e.tag == "img" and (e.get("alt") or "").strip())
        for e in element.iter()
    )


def _heading_level(element: Element) -> int | None:
    level = HEADING_TAGS.get(element.tag) if isinstance(element.tag, str) else None
    if level is None and element.get("role") == "heading":
        try:
            level = int(element.get("aria-level") or "2")
        except ValueError:
            level = 2
    return level


def audit_text(text: str, path: str = "<string>") -> FileResult:
    """The static findings of ``text`` (a page or a fragment), sorted by place.

    ``text`` is taken as it would be read from a file: a front matter block is
    blanked out, newlines normalised.
    """
    text = normalise(text)
    return FileResult.of(path, _Walk(parse(text), path).run(), text)


def audit_file(path: Path, name: str | None = None, max_bytes: int = MAX_BYTES) -> FileResult:
    """The static findings of the file ``path``, reported under ``name`` (default: the path);
    a file larger than ``max_bytes`` is refused."""
    text = read_source(path, max_bytes)
    label = name or str(path)
    return FileResult.of(label, _Walk(parse(text), label).run(), text)


def html_files(paths: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """The files to audit, each with the folder it is served from in a browser.

    Each file given is served from its own folder; the HTML files under each
    folder given (hidden ones left out, sorted) are served from that folder,
    so links between its pages and to its assets work. Raises
    :class:`DsfrAccordionError` for a path that does not exist or a folder
    without HTML files.
    """
    files: list[tuple[Path, Path]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in HTML_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise DsfrAccordionError.of("no-html-file", Location(str(path)))
            files.extend((file, path) for file in found)
        elif path.exists():  # a file, or a FIFO or device: read with the loaders' bounds
            files.append((path, path.parent))
        else:
            raise DsfrAccordionError.of(
                "unreadable", Location(str(path)), reason=ui.N_("no such file or folder")
            )
    return files
