"""Recognising accordions in a legacy page: toggles, their panels, and how they were paired.

A *toggle* is the element a reader presses (a button, a link, a ``summary``);
its *panel* is the element it shows. Toggles are recognised by the patterns of
:data:`PATTERNS`, tried in order. A toggle is paired with its panel by a
reference (``aria-controls``, ``data-bs-target``, ``data-target``,
``href="#…"``) when that reference resolves to exactly one element that can be
a panel, otherwise by structure: the element that follows the toggle (or the
heading or header wrapping it) in the same container.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from ..htmlsource import classes
from ..ui import N_, Msgid, Phrase
from .findings import ImportFinding, excerpt, import_finding
from .source import UNSAFE_ELEMENTS, SourceTree, text_of

#: Attributes that reference a panel, in the order they are tried.
REFERENCE_ATTRIBUTES = ("aria-controls", "data-bs-target", "data-target", "href")


def _is_collapse_toggle(element: Element) -> bool:
    return "collapse" in (element.get("data-bs-toggle"), element.get("data-toggle"))


#: name -> (what it looks like, for messages, and whether an element is one of its toggles).
PATTERNS: dict[str, tuple[str, Callable[[Element], bool]]] = {
    "dsfr": ("a DSFR accordion (.fr-accordion__btn)", lambda e: "fr-accordion__btn" in classes(e)),
    "foundation": (
        "a Foundation accordion (.accordion-title)",
        lambda e: "accordion-title" in classes(e),
    ),
    "bootstrap": (
        'a Bootstrap collapse (data-bs-toggle="collapse", data-toggle, .accordion-button)',
        lambda e: _is_collapse_toggle(e) or "accordion-button" in classes(e),
    ),
    "details": (
        "<details> with <summary>",
        lambda e: e.tag == "summary",
    ),
    "aria": (
        "a button with aria-controls, or an element with aria-expanded",
        lambda e: (
            ((e.tag == "button" or e.get("role") == "button") and bool(e.get("aria-controls")))
            or e.get("aria-expanded") is not None
        ),
    ),
}


@dataclass(eq=False, slots=True)
class Accordion:
    """A toggle and its panel (``None`` when none was found)."""

    toggle: Element
    pattern: str
    panel: Element | None = None
    pairing: str = "structure"
    #: The toggle's outermost wrapper (itself when unwrapped): the panel follows it.
    head: Element | None = None

    @property
    def title(self) -> str:
        """The toggle's visible text (empty when it has none)."""
        return text_of(self.toggle)


def in_unsafe(tree: SourceTree, element: Element) -> bool:
    """Whether ``element`` is, or lies inside, an element removed as unsafe."""
    return element.tag in UNSAFE_ELEMENTS or any(
        a.tag in UNSAFE_ELEMENTS for a in tree.ancestors(element)
    )


def find_toggles(tree: SourceTree) -> list[Accordion]:
    """Every toggle of the page, in document order, with the first pattern it matches."""
    toggles: list[Accordion] = []
    found: set[int] = set()
    for element in tree.body().iter():
        if not isinstance(element.tag, str) or in_unsafe(tree, element):
            continue
        if element.tag == "summary":
            parent = tree.parent(element)
            if parent is None or parent.tag != "details" or parent.find("summary") is not element:
                continue
        for name, (_, matches) in PATTERNS.items():
            if matches(element):
                # A toggle inside another (a span in a button) is part of it.
                if not any(id(a) in found for a in tree.ancestors(element)):
                    toggles.append(Accordion(element, name))
                    found.add(id(element))
                break
    return toggles


def _ids(tree: SourceTree) -> dict[str, list[Element]]:
    """Every id of the page -> the elements carrying it, in document order."""
    ids: dict[str, list[Element]] = {}
    for element in tree.root.iter():
        if isinstance(element.tag, str) and element.get("id") is not None:
            ids.setdefault(element.get("id"), []).append(element)
    return ids


def _head(tree: SourceTree, toggle: Element) -> Element:
    """The toggle's outermost wrapper holding nothing else (a heading, a card header)."""
    head = toggle
    for parent in tree.ancestors(toggle):
        others = [c for c in parent if c is not head and isinstance(c.tag, str)]
        loose = (parent.text or "").strip() or any((c.tail or "").strip() for c in parent)
        if others or loose or parent.tag in ("body", "html", "details"):
            break
        head = parent
    return head


def _following(tree: SourceTree, head: Element) -> Element | None:
    """The element sibling that follows ``head``, if no text separates them."""
    parent = tree.parent(head)
    if parent is None or (head.tail or "").strip():
        return None
    siblings = [c for c in parent if isinstance(c.tag, str)]
    index = next(i for i, c in enumerate(siblings) if c is head)
    return siblings[index + 1] if index + 1 < len(siblings) else None


def _targets(
    tree: SourceTree, toggle: Element, ids: dict[str, list[Element]]
) -> Iterator[tuple[str, str, list[Element]]]:
    """(attribute, value, elements it resolves to) for each reference of ``toggle``."""
    for attribute in REFERENCE_ATTRIBUTES:
        value = toggle.get(attribute)
        if value is None or not value.strip():
            continue
        if attribute == "href":
            if not value.startswith("#") or len(value) == 1:
                continue
            wanted = value[1:]
        elif attribute == "aria-controls":
            # An IDREF list; an id written with spaces is tried whole first.
            wanted = value if value in ids else value.split()[0]
        elif value.startswith("#"):
            wanted = value[1:]
        elif value.startswith("."):
            name = value[1:]
            found = [e for e in tree.body().iter() if name in classes(e)]
            yield attribute, value, found
            continue
        else:
            wanted = value
        yield attribute, value, ids.get(wanted, [])


def _can_be_panel(tree: SourceTree, toggle: Element, panel: Element) -> Msgid | None:
    """Why ``panel`` cannot be ``toggle``'s panel (a template over the reference's
    ``attribute`` and ``value``), or ``None`` if it can."""
    if panel is toggle:
        return N_('its {attribute}="{value}" points at itself')
    if any(a is panel for a in tree.ancestors(toggle)):
        return N_('its {attribute}="{value}" points at an element holding the toggle')
    if any(a is toggle for a in tree.ancestors(panel)):
        return N_('its {attribute}="{value}" points inside the toggle')
    return None


def pair(tree: SourceTree, accordions: list[Accordion]) -> list[ImportFinding]:
    """Set each accordion's panel and pairing; return the pairing findings.

    Reference pairing first (a panel referenced by several toggles goes to the
    one it follows, else to the first), then structure for the others, in
    document order; a panel is never given to two toggles. A reference to the
    panel that follows another toggle (copy-pasted markup) is kept, and
    reported for review.
    """
    findings: list[ImportFinding] = []
    ids = _ids(tree)
    toggles = {id(a.toggle) for a in accordions}
    reasons: dict[int, Phrase] = {}
    claims: dict[int, list[tuple[Accordion, str]]] = {}
    panels: dict[int, Element] = {}
    for accordion in accordions:
        accordion.head = _head(tree, accordion.toggle)
        if accordion.pattern == "details":
            accordion.panel = tree.parent(accordion.toggle)
            accordion.pairing = "details"
            continue
        for attribute, value, found in _targets(tree, accordion.toggle, ids):
            reference = {"attribute": attribute, "value": value}
            if len(found) != 1:
                problem = (
                    Phrase(N_('its {attribute}="{value}" points at {count} elements'),
                           {**reference, "count": len(found)})
                    if found
                    else Phrase(N_('its {attribute}="{value}" points at no element'), reference)
                )  # fmt: skip
                reasons.setdefault(id(accordion), problem)
                continue
            why = _can_be_panel(tree, accordion.toggle, found[0])
            if why is None and id(found[0]) not in toggles:
                claims.setdefault(id(found[0]), []).append((accordion, f'{attribute}="{value}"'))
                panels[id(found[0])] = found[0]
                break
            why = why or N_('its {attribute}="{value}" points at another toggle')
            reasons.setdefault(id(accordion), Phrase(why, reference))
    follows = {id(_following(tree, a.head)): a for a in accordions if a.head is not None}
    for key, claims_of in claims.items():
        panel = panels[key]
        claimants = [accordion for accordion, _ in claims_of]
        winner, reference = next(
            ((a, r) for a, r in claims_of if follows.get(key) is a), claims_of[0]
        )
        winner.panel, winner.pairing = panel, "reference"
        other = follows.get(key)
        if other is not None and other is not winner:
            findings.append(
                import_finding(
                    "mismatched-reference",
                    tree.location(winner.toggle),
                    {"title": winner.title, "reference": reference, "other": other.title},
                )
            )
        if len(claimants) > 1:
            findings.append(
                import_finding(
                    "shared-panel",
                    tree.location(panel),
                    {
                        "panel_line": tree.location(panel).line,
                        "count": len(claimants),
                        "title": winner.title,
                    },
                )
            )
            for loser in claimants:
                if loser is not winner:
                    reasons[id(loser)] = Phrase(
                        N_("its panel, at line {line}, is also {title!r}'s"),
                        {"line": tree.location(panel).line, "title": winner.title},
                    )
    taken = {id(a.panel) for a in accordions if a.panel is not None}
    heads = {id(a.head) for a in accordions}
    for accordion in accordions:
        if accordion.panel is not None:
            continue
        candidate = _following(tree, accordion.head)
        if candidate is None or id(candidate) in taken or id(candidate) in heads:
            continue
        accordion.panel = candidate
        taken.add(id(candidate))
        if id(accordion) in reasons:
            findings.append(
                import_finding(
                    "paired-by-structure",
                    tree.location(accordion.toggle),
                    {
                        "title": accordion.title,
                        "reason": reasons[id(accordion)],
                        "panel_line": tree.location(candidate).line,
                    },
                )
            )
    return findings


def duplicate_ids(tree: SourceTree) -> list[ImportFinding]:
    """One finding per id value used more than once, at its first use."""
    findings = []
    for value, elements in _ids(tree).items():
        if len(elements) > 1:
            lines = ", ".join(str(tree.location(e).line) for e in elements)
            findings.append(
                import_finding(
                    "duplicate-id",
                    tree.location(elements[0]),
                    {"value": value, "count": len(elements), "lines": lines},
                )
            )
    return findings


def reference_findings(tree: SourceTree) -> list[ImportFinding]:
    """Every ``aria-controls`` of the page that resolves to no element or to several."""
    counts = Counter(
        e.get("id") for e in tree.root.iter() if isinstance(e.tag, str) and e.get("id")
    )
    findings = []
    for element in tree.root.iter():
        if not isinstance(element.tag, str) or not element.get("aria-controls"):
            continue
        value = element.get("aria-controls")
        count = counts[value] if value in counts else counts[value.split()[0]]
        if count == 1:
            continue
        code = "dangling-reference" if count == 0 else "ambiguous-reference"
        findings.append(
            import_finding(
                code,
                tree.location(element),
                {"attribute": "aria-controls", "value": value, "count": count},
            )
        )
    return findings


def nesting(
    tree: SourceTree, accordions: list[Accordion]
) -> tuple[list[Accordion], list[Accordion], list[ImportFinding]]:
    """The paired accordions in another's panel (nested) or not (top level), with findings.

    A nested accordion is read as a question and its answer of the panel holding it.
    """
    panels = {id(a.panel): a for a in accordions if a.panel is not None}
    top: list[Accordion] = []
    nested: list[Accordion] = []
    findings: list[ImportFinding] = []
    for accordion in accordions:
        if accordion.panel is None:
            continue
        outer = next(
            (
                panels[id(ancestor)]
                for ancestor in tree.ancestors(accordion.toggle)
                if id(ancestor) in panels and panels[id(ancestor)] is not accordion
            ),
            None,
        )
        if outer is None:
            top.append(accordion)
            continue
        nested.append(accordion)
        findings.append(
            import_finding(
                "nested-accordion",
                tree.location(accordion.toggle),
                {"title": excerpt(accordion.title), "outer": excerpt(outer.title)},
            )
        )
    return top, nested, findings
