"""The one table of accessibility rules: what each checks, how serious, which RGAA criterion.

Messages and hints are English message ids marked with :func:`~dsfr_accordion.ui.N_`
and translated when shown (``ui.translations(lang).gettext``); they are
``str.format`` templates over a finding's ``fields``. Every rule is documented in
``docs/accessibility.md`` (a test checks that the table and the page agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..ui import N_, Msgid


class Severity(StrEnum):
    """How serious a finding is; ``--fail-on`` picks the lowest one that fails."""

    ERROR = "error"
    WARNING = "warning"
    #: Not a problem of the page: something the audit did not check, for a person to.
    #: It fails a check only when asked for (``--fail-on info``).
    INFO = "info"

    @property
    def rank(self) -> int:
        """Larger is more serious."""
        return {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}[self]


@dataclass(frozen=True, slots=True)
class FailOn:
    """Which findings fail a check (``--fail-on``): the least serious severity that
    fails, by category; a category absent from ``thresholds`` never fails."""

    thresholds: dict[Category, Severity]

    @classmethod
    def parse(cls, spec: str) -> FailOn:
        """Read ``--fail-on``: comma-separated terms ``SEVERITY`` (every category) or
        ``CATEGORY:SEVERITY``, ``none`` as the severity for never; later terms win.
        ``error,security:warning,html:none``. Notes (``info``: an accordion not
        tested) fail only when asked for. Raises :class:`ValueError`."""
        thresholds: dict[Category, Severity] = {}
        for term in (part.strip() for part in spec.split(",")):
            category, _, level = term.rpartition(":")
            try:
                chosen = [Category(category)] if category else list(Category)
                severity = None if level == "none" else Severity(level)
            except ValueError:
                raise ValueError(term) from None
            for name in chosen:
                if severity is None:
                    thresholds.pop(name, None)
                else:
                    thresholds[name] = severity
        return cls(thresholds)

    def fails(self, rule: Rule) -> bool:
        """Whether a finding of ``rule`` fails the check."""
        threshold = self.thresholds.get(rule.category)
        return threshold is not None and rule.severity.rank >= threshold.rank


class Check(StrEnum):
    """Which audit produces a rule's findings."""

    STATIC = "static"  #: the html5lib tree walk, no browser
    AXE = "axe"  #: axe-core in headless Chromium
    BEHAVIOUR = "behaviour"  #: the real DSFR JS driven like a visitor would


class Category(StrEnum):
    """What a rule is about: a site builder may weigh them differently."""

    ACCESSIBILITY = "accessibility"  #: an RGAA criterion
    DSFR = "dsfr"  #: the DSFR accordion contract (markup and behaviour)
    SECURITY = "security"  #: scripts in markup: a security and CSP concern
    HTML = "html"  #: HTML conformance


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the audit, the kind of its findings (:class:`~dsfr_accordion.findings.Kind`);
    ``rgaa`` is the RGAA 4.1 criterion it serves ("8.2"), empty when it serves none."""

    code: str
    check: Check
    severity: Severity
    category: Category
    rgaa: str
    message: str
    hint: str


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: a note
S, A, B = Check.STATIC, Check.AXE, Check.BEHAVIOUR
Y, D, X, H = Category.ACCESSIBILITY, Category.DSFR, Category.SECURITY, Category.HTML

#: Every rule, in the order the documentation lists them.
RULES: tuple[Rule, ...] = (
    Rule(
        "empty-page", S, E, H, "8.2",
        N_("the file holds no markup: it is empty or white space only"),
        N_("check what wrote it: a page with nothing in it is a mistake of the build"),
    ),
    Rule(
        "parse-error", S, E, H, "8.2",
        N_("HTML parse error: {detail}"),
        N_("fix the markup at this place so that it parses without error"),
    ),
    Rule(
        "invalid-id", S, E, H, "8.2",
        N_("id {id!r} is empty or holds white space: no reference can name it"),
        N_("write the id as one word (letters, digits, '-' or '_'), and update the "
           "attributes that refer to it"),
    ),
    Rule(
        "duplicate-id", S, E, H, "8.2",
        N_("id {id!r} is already used at line {first}"),
        N_("give each element its own id, and update the attributes that refer to it"),
    ),
    Rule(
        "dangling-reference", S, E, Y, "8.2",
        N_("{attribute}={value!r} refers to no element with this id"),
        N_("point {attribute} at the id of an element of the page, or remove it"),
    ),
    Rule(
        "dangling-fragment-link", S, W, Y, "12.7",
        N_("the link to {href!r} leads to no element with this id"),
        N_("give the target element this id, or correct the link"),
    ),
    Rule(
        "accordion-structure", S, E, D, "7.1",
        N_("this fr-accordion holds {titles} fr-accordion__title and {panels} fr-collapse "
           "children instead of one of each"),
        N_("write a <section class=\"fr-accordion\"> holding one heading of class "
           "fr-accordion__title and one <div class=\"fr-collapse\">"),
    ),
    Rule(
        "accordion-title-heading", S, E, D, "9.1",
        N_("the fr-accordion__title is a <{tag}>, not a heading"),
        N_("use a heading <h2> to <h6> that fits the page outline"),
    ),
    Rule(
        "accordion-button", S, E, D, "7.1",
        N_("the accordion title needs one <button type=\"button\" class=\"fr-accordion__btn\">: "
           "{problem}"),
        N_("put exactly one <button type=\"button\" class=\"fr-accordion__btn\"> directly in "
           "the title heading"),
    ),
    Rule(
        "accordion-expanded-value", S, E, D, "7.1",
        N_("aria-expanded is {value!r}, not \"true\" or \"false\""),
        N_("write aria-expanded=\"false\" (closed) or aria-expanded=\"true\" (open)"),
    ),
    Rule(
        "accordion-expanded-state", S, E, D, "7.1",
        N_("aria-expanded={value!r} disagrees with the class fr-collapse--expanded of the panel"),
        N_("an open panel has both aria-expanded=\"true\" and the class fr-collapse--expanded; "
           "a closed one has neither"),
    ),
    Rule(
        "accordion-controls", S, E, D, "7.1",
        N_("aria-controls={value!r} does not point at the panel of its section ({panel!r})"),
        N_("set aria-controls to the id of the fr-collapse of the same section"),
    ),
    Rule(
        "accordion-unsafe-id", S, E, D, "7.1",
        N_("the accordion id {id!r} breaks the DSFR JavaScript"),
        N_("use an ASCII letter followed by ASCII letters, digits, '-' or '_'"),
    ),
    Rule(
        "accordion-button-name", S, E, D, "11.9",
        N_("the accordion button has no name"),
        N_("write the title of the section as the text of the button"),
    ),
    Rule(
        "accordion-empty-panel", S, W, D, "7.1",
        N_("the accordion panel {id!r} is empty"),
        N_("write the content of the section in its panel, or remove the section"),
    ),
    Rule(
        "accordion-hidden-panel", S, E, D, "7.1",
        N_("the accordion panel {id!r} has hidden={value!r}: {problem}"),
        N_("remove the hidden attribute: the DSFR JavaScript shows and hides the panel (only "
           "dsfr-accordion.js sets hidden=\"until-found\" on a closed panel, at run time)"),
    ),
    Rule(
        "accordion-enhancement-files", S, W, D, "7.1",
        N_("the accordions use {features}, but the page does not link {file}"),
        N_("link dsfr-accordion.css after the DSFR stylesheet and dsfr-accordion.js "
           "(type=\"module\") after the DSFR module, as render --page --dsfr-dist does, or "
           "render without these enhancements"),
    ),
    Rule(
        "heading-skip", S, E, Y, "9.1",
        N_("heading level {level} follows level {previous}: level {expected} is skipped"),
        N_("use headings one level below the section they belong to (choose the accordion's "
           "heading level to fit the page)"),
    ),
    Rule(
        "html-lang-missing", S, E, Y, "8.3",
        N_("the page has no <html lang>"),
        N_("add the page's language to the html element, for example <html lang=\"fr\">"),
    ),
    Rule(
        "lang-invalid", S, E, Y, "8.4",
        N_("lang={value!r} is not a valid language tag"),
        N_("use a BCP 47 language tag such as \"fr\" or \"en\""),
    ),
    Rule(
        "lang-change-unmarked", S, W, Y, "8.7",
        N_("{text!r} is in the language {lang!r} inside content in {page!r}, without lang"),
        N_("mark the text with its language, for example <span lang=\"{lang}\">, or "
           "translate it"),
    ),
    Rule(
        "accordion-inline-handler", S, E, D, "7.1",
        N_("inline event handler {attribute} on an accordion control ({part})"),
        N_("remove the attribute: the DSFR JavaScript opens and closes the accordion, "
           "with the state screen readers announce"),
    ),
    Rule(
        "inline-handler", S, W, X, "",
        N_("inline event handler {attribute}"),
        N_("move the script to a script file: a Content Security Policy without "
           "'unsafe-inline' blocks it"),
    ),
    Rule(
        "javascript-url", S, W, X, "",
        N_("{attribute} holds a {scheme}: URL, which runs a script"),
        N_("link to a real address, or use a <button> whose behaviour comes from a script file"),
    ),
    Rule(
        "empty-link", S, E, Y, "6.2",
        N_("this link has no name"),
        N_("write the link's text, or an alt on the image it holds"),
    ),
    Rule(
        "image-alt", S, E, Y, "1.1",
        N_("this image has no alt attribute"),
        N_("describe the image in alt, or write alt=\"\" when it is decorative"),
    ),
    Rule(
        "axe-violation", A, E, Y, "",
        N_("axe-core {axe_rule}: {help} ({target})"),
        N_("see {url}"),
    ),
    Rule(
        "axe-incomplete", A, W, Y, "",
        N_("needs review, axe-core {axe_rule}: {help} ({target})"),
        N_("check it by hand: see {url}"),
    ),
    Rule(
        "page-alert", B, E, Y, "7.1",
        N_("the page opened an alert: {text!r}"),
        N_("remove the script that opens it (an inline handler, often)"),
    ),
    Rule(
        "page-load", B, E, D, "7.1",
        N_("the DSFR JavaScript did not start on this page: {problem}"),
        N_("check the addresses the page did not get (page-resource), that it links "
           "dsfr.module.min.js, and that its markup parses"),
    ),
    Rule(
        "page-resource", B, W, H, "",
        N_("the page asked for {url} and did not get it ({status})"),
        N_("correct the address, or give check --root the folder that holds it: the audit "
           "serves one folder (by default the folders given, extended to the stylesheets "
           "and scripts the pages link) and reaches no other host"),
    ),
    Rule(
        "page-unresponsive", B, E, D, "7.1",
        N_("the page stopped responding during {step}: no answer within {seconds} s"),
        N_("look for a script of the page that never ends (an endless loop in an event "
           "handler, for instance); the audit went on with the next page in a new browser"),
    ),
    Rule(
        "page-navigated", B, E, Y, "7.4",
        N_("{change} during {step}: the rest of this page was not audited"),
        N_("remove the script that reloads the page or leaves it without the visitor "
           "asking: a change of context needs the visitor's consent"),
    ),
    Rule(
        "page-interfered", B, E, D, "7.1",
        N_("a script of the page stopped the audit during {step}: {error}"),
        N_("look for a script that replaces built-in functions or removes the accordions "
           "while they are used; the audit went on with the next page in a new tab"),
    ),
    Rule(
        "accordion-behaviour", B, E, D, "7.1",
        N_("accordion {id!r}, button {button!r}, {action}: {problem}"),
        N_("check the accordion's markup (the static rules say what is wrong) and the "
           "DSFR JavaScript"),
    ),
    Rule(
        "accordion-enhancement", B, E, D, "7.1",
        N_("enhancement {feature}, #{id}: {problem}"),
        N_("the page marks its accordions with data-dsfr-accordion: link the library's "
           "dsfr-accordion.css and dsfr-accordion.js after the DSFR files (render or "
           "build with --dsfr-dist copies them), from the same release as the markup"),
    ),
    Rule(
        "accordion-not-tested", B, N, D, "7.1",
        N_("accordion {id!r}, button {button!r}: not tested, hidden in {container}"),
        N_("the audit reaches a hidden accordion only through a DSFR accordion, tab or "
           "modal that a control of the page opens; if visitors can reach this one, "
           "check it by hand"),
    ),
    Rule(
        "accordion-covered", B, W, D, "7.3",
        N_("accordion {id!r}, button {button!r}: a click at its centre lands on {element}, "
           "which covers it; its keys were tested, not its clicks"),
        N_("a visitor must first close or move what covers it (a consent banner, a bar "
           "fixed to the window): leave room for it below the last accordions, or check "
           "the page with it closed"),
    ),
)  # fmt: skip

#: What a check of the library's enhancements found wrong (``enhancements.py``): the
#: codes its scripts answer, and the phrase a finding says.
ENHANCEMENT_PROBLEMS: dict[str, str] = {
    "link-open": N_("a link to it did not open its panel"),
    "link-focus": N_("a link to it did not move the focus there"),
    "until-found": N_("closed, it is not hidden until found"),
    "beforematch": N_("a beforematch event did not open it"),
    "show-all-hidden": N_("the show all button is not shown"),
    "show-all": N_("show all did not open every panel"),
    "hide-all": N_("hide all did not close every panel"),
    "show-all-label": N_("the show all button does not say what it does next"),
    "print": N_("it is hidden in print"),
    "without-js": N_("it is hidden without JavaScript"),
}

#: Phrases filling a field (``{problem}``, ``{step}``, ``{change}``), translated when shown
#: (see :class:`Msg`).
PROBLEMS: tuple[str, ...] = (
    N_("there is no button"),
    N_("there are several buttons"),
    N_('its type is not "button"'),
    N_("it lacks the class fr-accordion__btn"),
    N_("its button says it is open"),
    N_("the DSFR JavaScript never removes it: the button opens nothing"),
    N_("the page did not load in time"),
    N_("the accordions were not initialised in time"),
    N_("the first activation did not toggle the panel"),
    N_("the second activation did not toggle the panel back"),
    N_("focus left the button"),
    N_("opening it left another panel of its group open"),
    N_("opening it changed an independent panel"),
    N_("the page load"),
    N_("the wait for the DSFR JavaScript"),
    N_("the axe-core checks"),
    N_("the behaviour checks"),
    N_("the checks of the enhancements"),
    N_("the page load without JavaScript"),
    N_("the page reloaded itself"),
    N_("the page went to another address"),
    N_("no answer"),
    *ENHANCEMENT_PROBLEMS.values(),
)


class Msg(Msgid):
    """A field value that is a message id of :data:`PROBLEMS`, translated when shown.

    Only those ids are accepted: they are the ones the catalogue extracts.
    """

    __slots__ = ()

    def __new__(cls, message: str) -> Msg:
        if message not in PROBLEMS:
            raise ValueError(f"{message!r} is not in PROBLEMS: mark it there with N_")
        return super().__new__(cls, message)


#: Rules by code.
RULES_BY_ID: dict[str, Rule] = {rule.code: rule for rule in RULES}

#: The RGAA 4.1 criterion of axe-core rules, for axe releases without RGAA tags
#: (axe-core >= 4.11 tags its rules ``RGAA-x.y.z``, which win when present).
AXE_RGAA: dict[str, str] = {
    "area-alt": "1.1",
    "aria-allowed-attr": "7.1",
    "aria-command-name": "7.1",
    "aria-hidden-body": "10.8",
    "aria-hidden-focus": "10.8",
    "aria-input-field-name": "11.1",
    "aria-required-attr": "7.1",
    "aria-required-children": "7.1",
    "aria-required-parent": "7.1",
    "aria-roles": "7.1",
    "aria-toggle-field-name": "11.1",
    "aria-valid-attr": "7.1",
    "aria-valid-attr-value": "7.1",
    "button-name": "11.9",
    "color-contrast": "3.2",
    "definition-list": "9.3",
    "document-title": "8.5",
    "duplicate-id": "8.2",
    "duplicate-id-active": "8.2",
    "duplicate-id-aria": "8.2",
    "empty-heading": "9.1",
    "frame-title": "2.1",
    "heading-order": "9.1",
    "html-has-lang": "8.3",
    "html-lang-valid": "8.4",
    "image-alt": "1.1",
    "input-image-alt": "1.1",
    "label": "11.1",
    "link-name": "6.2",
    "list": "9.3",
    "listitem": "9.3",
    "meta-viewport": "10.4",
    "nested-interactive": "7.1",
    "page-has-heading-one": "9.1",
    "role-img-alt": "1.1",
    "scrollable-region-focusable": "7.3",
    "select-name": "11.1",
    "svg-img-alt": "1.1",
    "valid-lang": "8.4",
}


def rule(rule_id: str) -> Rule:
    """The rule ``rule_id`` (a ``KeyError`` names a rule missing from :data:`RULES`)."""
    return RULES_BY_ID[rule_id]
