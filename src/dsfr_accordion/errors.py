"""Errors as values with a location, and the table of their messages.

Every problem a person can fix (content, command line, options) is a
:class:`DsfrAccordionError` built from a message code of :data:`MESSAGES`, so
the wording lives in one table and the command line prints it uniformly as
``file:line:column: error: message`` followed by a hint saying what to do.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

#: code -> (message, hint). Both are ``str.format`` templates over the
#: keyword arguments given to :meth:`DsfrAccordionError.of`.
MESSAGES: dict[str, tuple[str, str]] = {
    "missing-key": (
        "missing required key {key!r} in {where}",
        "add {key}: with a value",
    ),
    "empty-value": (
        "{key!r} is empty",
        "write the text of {key}, or remove the entry",
    ),
    "wrong-type": (
        "{key!r} must be {expected}, not {found}",
        "write {key} as {expected}",
    ),
    "unknown-key": (
        "unknown key {key!r} in {where}",
        "{suggestion}",
    ),
    "duplicate-key": (
        "key {key!r} is written twice in the same {where}",
        "keep one of them",
    ),
    "empty-list": (
        "{key!r} holds no entry",
        "add at least one entry to {key}",
    ),
    "invalid-id": (
        "invalid id {value!r}: {reason}",
        "use an ASCII letter followed by ASCII letters, digits, '-' or '_', "
        "for example {example!r}",
    ),
    "duplicate-id": (
        "id {value!r} is already used {where}",
        "give each testimonial its own id, or remove the id to have one generated",
    ),
    "reserved-id": (
        "id {value!r} is reserved by the host page",
        "choose another id, or remove the id to have one generated",
    ),
    "invalid-lang": (
        "invalid language tag {value!r}",
        "use a BCP 47 language tag such as 'fr' or 'en'",
    ),
    "invalid-url": (
        "{key!r} must be an http or https URL, not {value!r}",
        "write a full URL starting with https://",
    ),
    "yaml-syntax": (
        "invalid YAML: {problem}",
        "fix the YAML syntax at this place (indentation, quotes, ':' after keys)",
    ),
    "front-matter-unclosed": (
        "the front matter opened here is never closed",
        "end the front matter with a line holding only ---",
    ),
    "empty-file": (
        "the file holds no content",
        "write a title and at least one testimonial, as docs/content-format.md shows",
    ),
    "markdown-unsupported": (
        "{what} is not supported in {where}",
        "{hint}",
    ),
    "markdown-before-first-testimonial": (
        "text before the first '## ' heading belongs to no testimonial",
        "start each testimonial with a '## Title' heading; put the page title in the front matter",
    ),
    "markdown-no-testimonial": (
        "the file holds no testimonial",
        "start each testimonial with a '## Title' heading",
    ),
    "attribute-line": (
        "this attribute line is not understood: {text!r}",
        'write attributes as {{#id key="value"}} on a line of their own, '
        "directly above a '## ' heading or a '>' quote",
    ),
    "unknown-attribute": (
        "unknown attribute {key!r} on {where}",
        "{suggestion}",
    ),
    "not-utf8": (
        "the file is not valid UTF-8 (byte {byte:#04x} at offset {offset})",
        "save the file as UTF-8, for example: iconv -f WINDOWS-1252 -t UTF-8",
    ),
    "unreadable": (
        "cannot read the file: {reason}",
        "check the path and its permissions",
    ),
    "unknown-format": (
        "unknown content format {suffix!r}",
        "use a .yaml, .yml, .md or .markdown file",
    ),
    "bad-option": (
        "{problem}",
        "{hint}",
    ),
    "not-writable": (
        "cannot write {path}: {reason}",
        "choose a path in a folder you can write to",
    ),
    "po-syntax": (
        "invalid catalogue: {problem}",
        "fix the .po syntax at this line (quotes, msgid/msgstr pairs), or check it with msgfmt -c",
    ),
    "bad-translation": (
        "the translation of {context!r} does not keep its source's markup: {problem}",
        "keep the same placeholders, tags and links as the msgid; only the words change",
    ),
    "no-catalogue": (
        "no {lang!r} catalogue for {content}",
        "create it with: python -m dsfr_accordion i18n update {content} --langs {lang}",
    ),
    "dsfr-dist": (
        "{path} is not a DSFR dist folder: {missing} is missing",
        "point at the dist folder of the npm package, for example node_modules/@gouvfr/dsfr/dist",
    ),
}


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a source file; ``line`` and ``column`` count from 1."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class DsfrAccordionError(Exception):
    """A problem the user can fix, with where it is and what to do.

    ``code`` is a key of :data:`MESSAGES`; ``location`` may be ``None`` for
    problems that belong to no file (a render option, for instance).
    """

    def __init__(
        self, code: str, message: str, hint: str, location: Location | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location

    @classmethod
    def of(
        cls, code: str, location: Location | None = None, **fields: object
    ) -> DsfrAccordionError:
        """Build the error ``code`` of :data:`MESSAGES` with its template fields."""
        message, hint = MESSAGES[code]
        return cls(code, message.format(**fields), hint.format(**fields), location)

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        return f"{prefix}error: {self.message}\n  hint: {self.hint}"


class ContentError(DsfrAccordionError):
    """A problem in a content file (YAML, Markdown)."""


def suggest(word: str, choices: Iterable[str]) -> str:
    """Return a hint naming the known choice closest to ``word``, or listing them."""
    known = sorted(choices)
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    return "known keys: " + ", ".join(known)
