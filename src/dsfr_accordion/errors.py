"""Errors as values with a location, and the table of their messages.

Every problem a person can fix (content, command line, options) is a
:class:`DsfrAccordionError` built from a message code of :data:`MESSAGES`, so
the wording lives in one table and the command line prints it uniformly as
``file:line:column: error: message`` followed by a hint saying what to do.
Messages are English gettext ids, translated when shown (:meth:`DsfrAccordionError.render`);
so are the fields marked as the library's words (``where=N_("a testimonial")``, a
:class:`~dsfr_accordion.ui.Phrase`); any other field is the user's data and is
shown as it is (:func:`~dsfr_accordion.ui.localized`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import Location
from .ui import N_, Phrase, localized, translations

#: code -> (message, hint). Both are ``str.format`` templates over the
#: keyword arguments given to :meth:`DsfrAccordionError.of`.
MESSAGES: dict[str, tuple[str, str]] = {
    "missing-key": (
        N_("missing required key {key!r} in {where}"),
        N_("add {key}: with a value"),
    ),
    "empty-value": (
        N_("{key!r} is empty"),
        N_("write the text of {key}, or remove the entry"),
    ),
    "wrong-type": (
        N_("{key!r} must be {expected}, not {found}"),
        N_("write {key} as {expected}"),
    ),
    "unknown-key": (
        N_("unknown key {key!r} in {where}"),
        N_("{suggestion}"),
    ),
    "duplicate-key": (
        N_("key {key!r} is written twice in the same {where}"),
        N_("keep one of them"),
    ),
    "empty-list": (
        N_("{key!r} holds no entry"),
        N_("add at least one entry to {key}"),
    ),
    "invalid-id": (
        N_("invalid id {value!r}: {reason}"),
        N_(
            "use an ASCII letter followed by ASCII letters, digits, '-' or '_', "
            "for example {example!r}"
        ),
    ),
    "duplicate-id": (
        N_("id {value!r} is already used {where}"),
        N_(
            "give each testimonial and each question its own id, or remove the id to have "
            "one generated"
        ),
    ),
    "reserved-id": (
        N_("id {value!r} is reserved by the host page"),
        N_("choose another id, or remove the id to have one generated"),
    ),
    "invalid-lang": (
        N_("invalid language tag {value!r}"),
        N_("use a BCP 47 language tag such as 'fr' or 'en'"),
    ),
    "invalid-url": (
        N_("{key!r} must be an http or https URL, not {value!r}"),
        N_("write a full URL starting with https://"),
    ),
    "yaml-syntax": (
        N_("invalid YAML: {problem}"),
        N_("fix the YAML syntax at this place (indentation, quotes, ':' after keys)"),
    ),
    "front-matter-unclosed": (
        N_("the front matter opened here is never closed"),
        N_("end the front matter with a line holding only ---"),
    ),
    "empty-file": (
        N_("the file holds no content"),
        N_("write a title and at least one testimonial, as docs/content-format.md shows"),
    ),
    "markdown-unsupported": (
        N_("{what} is not supported in {where}"),
        N_("{hint}"),
    ),
    "markdown-before-first-testimonial": (
        N_("text before the first '## ' heading belongs to no testimonial"),
        N_(
            "start each testimonial with a '## Title' heading; "
            "put the page title in the front matter"
        ),
    ),
    "markdown-no-testimonial": (
        N_("the file holds no testimonial"),
        N_("start each testimonial with a '## Title' heading"),
    ),
    "attribute-line": (
        N_("this attribute line is not understood: {text!r}"),
        N_(
            'write attributes as {{#id key="value"}} on a line of their own, '
            "directly above a '## ' or '### ' heading or a '>' quote"
        ),
    ),
    "unknown-attribute": (
        N_("unknown attribute {key!r} on {where}"),
        N_("{suggestion}"),
    ),
    "not-utf8": (
        N_(
            "the file is not valid UTF-8 (byte {byte:#04x} at offset {offset}); "
            "it looks like {encoding}"
        ),
        N_("save the file as UTF-8, for example: iconv -f {iconv} -t UTF-8"),
    ),
    "too-large": (
        N_("the file has {size} bytes, more than the limit of {limit}"),
        N_("check it is the right file, or raise the limit with --max-size {megabytes}"),
    ),
    "read-timeout": (
        N_("nothing was written to this pipe or FIFO for {seconds} seconds"),
        N_("start the program that writes the content first, or give a file"),
    ),
    "too-many-marks": (
        N_("this text holds more than {limit} emphasis, code and link marks"),
        N_("write it plainly: a testimonial needs a few marks per paragraph, not thousands"),
    ),
    "quotes-too-deep": (
        N_("quotes are nested more than {limit} deep here"),
        N_("a testimonial quotes one level deep: remove the extra '>'"),
    ),
    "binary": (
        N_("the file is binary, not text (a NUL byte at offset {offset})"),
        N_("give a text file: YAML, Markdown or HTML"),
    ),
    "unreadable": (
        N_("cannot read the file: {reason}"),
        N_("check the path and its permissions"),
    ),
    "unknown-format": (
        N_("unknown content format {suffix!r}"),
        N_("use a .yaml, .yml, .md or .markdown file, or a legacy .html page to import"),
    ),
    "too-deep": (
        N_("elements are nested more than {limit} deep here"),
        N_("flatten the markup: no accordion needs such nesting (is the page generated?)"),
    ),
    "not-ours": (
        N_("{path} exists and was not written by dsfr-accordion: it would be replaced"),
        N_("choose a new folder, or empty this one first"),
    ),
    "output-is-input": (
        N_("the output {output} would overwrite or contain the input {input}"),
        N_("write the output somewhere else"),
    ),
    "page-name-clash": (
        N_("{first} and {second} would both be the page {page}"),
        N_("rename one of the two content files"),
    ),
    "page-is-index": (
        N_("{content} would be the page {page}, which is each language's index"),
        N_("rename the content file"),
    ),
    "po-charset": (
        N_("the catalogue says it is written in {charset}: it must be UTF-8"),
        N_("convert it with GNU gettext: msgconv -t UTF-8 FILE -o FILE"),
    ),
    "bad-source-date-epoch": (
        N_("SOURCE_DATE_EPOCH={value!r} is not a time"),
        N_("set it to a number of seconds since 1970 (date +%s), or unset it"),
    ),
    "invalid-date": (
        N_("{key}: {value!r} is not a date"),
        N_("write the date as YYYY-MM-DD, for example 2024-05-21"),
    ),
    "bad-fail-on": (
        N_("--fail-on {value!r}: {term!r} is neither a severity nor category:severity"),
        N_(
            "write severities (error, warning, info, none) and categories (accessibility, dsfr, "
            "security, html) as in error,security:warning,html:none"
        ),
    ),
    "bad-checks": (
        N_("--checks {value!r}: {term!r} is not a check"),
        N_("name one or more of static, axe and behaviour, comma-separated, as in static,axe"),
    ),
    "bad-shard": (
        N_("--shard {value!r} is not K/N with 1 ≤ K ≤ N"),
        N_("give the part of the site this job checks, as in 2/4 for the second of four"),
    ),
    "merge-report": (
        N_("cannot merge this report: {reason}"),
        N_("give the reports of check --shard K/N --format json (or junit), one per shard"),
    ),
    "merge-missing": (
        N_("no report of shard {shards} among the reports to merge"),
        N_("give the report of every shard, from 1/{count} to {count}/{count}"),
    ),
    "merge-twice": (
        N_("a second report of shard {shard}, after {other}"),
        N_("give the report of each shard once"),
    ),
    "merge-option": (
        N_("--merge reads reports: {option} does not apply"),
        N_("leave {option} out; give it to the checks of the shards"),
    ),
    "bad-base-url": (
        N_("{value!r} is not the absolute http(s) address of a site"),
        N_(
            "give the address where the site is published, such as https://example.gouv.fr/temoignages/"
        ),
    ),
    "sitemap-too-large": (
        N_("the site would have {count} pages, more than a sitemap may list ({limit})"),
        N_("build the site in parts, or without --base-url"),
    ),
    "build-locked": (
        N_("{path} is being built by another run (process {pid})"),
        N_("wait for it to end, or build into another folder"),
    ),
    "po-duplicate": (
        N_("the entry msgctxt {context!r} msgid {msgid!r} is already at line {first}"),
        N_("keep one of the two entries: msgfmt -c refuses the file too"),
    ),
    "outputs-clash": (
        N_("{first} and {second} are the same file: one output would overwrite the other"),
        N_("give each output its own path"),
    ),
    "not-writable": (
        N_("cannot write {path}: {reason}"),
        N_("choose a path in a folder you can write to"),
    ),
    "heading-level": (
        N_("heading level {level} is out of range"),
        N_("use a heading level from 2 to 6"),
    ),
    "open-state": (
        N_("unknown open state {value!r}"),
        N_("use none, first or all"),
    ),
    "grouped-all-open": (
        N_("a grouped accordion shows one panel at a time, so all cannot be open"),
        N_("render independent panels (--independent) or open only the first"),
    ),
    "grouped-several-open": (
        N_("a grouped accordion shows one panel at a time, but {count} testimonials are open"),
        N_("keep open: true on one testimonial, or render independent panels"),
    ),
    "allocator-and-options": (
        N_("id_prefix and reserved_ids are given with an ids allocator"),
        N_("pass them to IdAllocator(reserved=..., prefix=...) instead"),
    ),
    "invalid-prefix": (
        N_("invalid id prefix {value!r}"),
        N_("use an ASCII letter followed by letters, digits, '-' or '_'"),
    ),
    "dist-needs-page": (
        N_("--dsfr-dist needs --page and -o OUTPUT"),
        N_("add --page -o build/page.html, the DSFR files are copied beside it"),
    ),
    "unknown-language": (
        N_("unknown language {value!r}"),
        N_("use a language code such as fr or en"),
    ),
    "translation-of-another-document": (
        N_("the translation passed is not a {lang!r} translation of this document"),
        N_("pass translate(document, translations) of the same document, or the catalogue"),
    ),
    "catalogue-of-built-document": (
        N_("cannot find the {lang!r} catalogue of a document built in Python"),
        N_("pass translations=ContentTranslations.read(path, lang)"),
    ),
    "one-content-with-output": (
        N_("-o takes one content file"),
        N_("run extract once per content file, or leave -o out"),
    ),
    "which-languages": (
        N_("no catalogue yet for {content}"),
        N_("say which languages to create, for example --langs en"),
    ),
    "po-syntax": (
        N_("invalid catalogue: {problem}"),
        N_(
            "fix the .po syntax at this line (quotes, msgid/msgstr pairs), "
            "or check it with msgfmt -c"
        ),
    ),
    "bad-translation": (
        N_("the translation of {context!r} does not keep its source's markup: {problem}"),
        N_("keep the same placeholders, tags and links as the msgid; only the words change"),
    ),
    "no-catalogue": (
        N_("no {lang!r} catalogue for {content}"),
        N_("create it with: python -m dsfr_accordion i18n update {content} --langs {lang}"),
    ),
    "no-accordion": (
        N_("no accordion found; looked for {patterns}"),
        N_(
            "check that this is the page holding the accordions, or write the content "
            "in YAML as docs/content-format.md shows"
        ),
    ),
    "import-loss": (
        N_("words lost by importing this page: {count}, the first {words!r}"),
        N_(
            "run: python -m dsfr_accordion import {path} --report report.json, and fix the "
            "source where the report says"
        ),
    ),
    "no-html-file": (
        N_("this folder holds no .html file"),
        N_("give the folder of the built site, or HTML files"),
    ),
    "browser-unavailable": (
        N_("the browser audit cannot run: {problem}"),
        N_(
            "install the Debian packages with: apt-get install chromium chromium-driver; "
            "and the Python packages with: pip install 'dsfr-accordion[browser]'"
        ),
    ),
    "root-not-folder": (
        N_("--root {path} is not a folder"),
        N_("give the folder the pages and their assets are under, for example the site's root"),
    ),
    "outside-root": (
        N_("{path} is not under the --root folder {root}"),
        N_("give a --root folder that holds every page checked, or leave --root out"),
    ),
    "dsfr-dist": (
        N_("{path} is not a DSFR dist folder: {missing} is missing"),
        N_(
            "point at the dist folder of the npm package, "
            "for example node_modules/@gouvfr/dsfr/dist"
        ),
    ),
}


class DsfrAccordionError(Exception):
    """A problem the user can fix, with where it is and what to do.

    ``code`` is a key of :data:`MESSAGES`; ``location`` may be ``None`` for
    problems that belong to no file (a render option, for instance).
    ``message`` and ``hint`` are in English; :meth:`render` gives the whole
    report in another language.
    """

    def __init__(
        self, code: str, fields: dict[str, object], location: Location | None = None
    ) -> None:
        self.code = code
        self.fields = fields
        self.location = location
        super().__init__(self.message)

    @classmethod
    def of(
        cls, code: str, location: Location | None = None, **fields: object
    ) -> DsfrAccordionError:
        """Build the error ``code`` of :data:`MESSAGES` with its template fields."""
        if code not in MESSAGES:
            raise KeyError(code)
        return cls(code, fields, location)

    def _part(self, index: int, gettext: Callable[[str], str]) -> str:
        return gettext(MESSAGES[self.code][index]).format(**localized(self.fields, gettext))

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self._part(0, str)

    @property
    def hint(self) -> str:
        """What to do, in English."""
        return self._part(1, str)

    def render(self, lang: str = "en") -> str:
        """``file:line:column: error: message`` and the hint, in ``lang``."""
        gettext = translations(lang).gettext
        prefix = f"{self.location}: " if self.location else ""
        return gettext("{place}error: {message}\n  hint: {hint}").format(
            place=prefix, message=self._part(0, gettext), hint=self._part(1, gettext)
        )

    def __str__(self) -> str:
        return self.render("en")


class ContentError(DsfrAccordionError):
    """A problem in a content file (YAML, Markdown)."""


def suggest(word: str, choices: Iterable[str]) -> Phrase:
    """A hint naming the known choice closest to ``word``, or listing them all."""
    import difflib  # noqa: PLC0415 - for a mistake only

    known = sorted(choices)
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return Phrase(N_("did you mean {choice!r}?"), {"choice": close[0]})
    return Phrase(N_("known keys: {keys}"), {"keys": ", ".join(known)})
