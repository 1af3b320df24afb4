"""Findings: what the library found at one place of a file, one type for every layer.

The import finds the defects of a legacy page and says what it did about each
(``legacy/findings.py``); the audit finds what fails a rule of a page
(``audit/rules.py``). Both report a :class:`Finding`: a *kind* (a row of that
layer's table, which holds the message and hint templates and what the layer
needs to know: an outcome, a severity), a place, and the fields that fill the
templates. Which fields are the library's own words is said by their type, never
guessed: a :class:`~dsfr_accordion.ui.Msgid` or :class:`~dsfr_accordion.ui.Phrase`
is translated when shown, any other value (a key the user wrote, an excerpt of
the page) is shown as it is (:func:`~dsfr_accordion.ui.localized`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from . import ui
from .model import Location


class Kind(Protocol):
    """A row of a layer's table of findings."""

    @property
    def code(self) -> str:
        """The kind's name in reports (``duplicate-id``)."""
        ...

    @property
    def message(self) -> str:
        """What was found: a message id, a ``str.format`` template over the fields."""
        ...

    @property
    def hint(self) -> str:
        """What to do, or what was done: a message id and template, as ``message``."""
        ...


@dataclass(frozen=True, slots=True)
class Finding[K: Kind]:
    """One finding of ``kind`` at ``location``; ``fields`` (name, value) pairs fill
    the kind's templates. ``rgaa`` is the RGAA criterion the finding serves, when
    its layer has one (the audit: its rule's, or an axe-core result's own).

    ``K`` is the layer's kind (``Finding[Rule]`` for the audit), so code that reads
    a layer's own attributes (``finding.kind.severity``) is type-checked."""

    kind: K
    location: Location
    fields: tuple[tuple[str, object], ...] = ()
    rgaa: str = ""

    @classmethod
    def of(
        cls, kind: K, location: Location, fields: Mapping[str, object], rgaa: str = ""
    ) -> Finding[K]:
        """The finding of ``kind`` at ``location`` with ``fields``, in their order."""
        return cls(kind, location, tuple(fields.items()), rgaa)

    @property
    def code(self) -> str:
        return str(self.kind.code)

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def line(self) -> int | None:
        return self.location.line

    @property
    def column(self) -> int | None:
        return self.location.column

    @property
    def data(self) -> dict[str, object]:
        """The fields as a mapping."""
        return dict(self.fields)

    def _format(self, template: str, lang: str) -> str:
        gettext = ui.translations(lang).gettext
        return gettext(template).format(**ui.localized(self.data, gettext))

    def message(self, lang: str = "en") -> str:
        """What was found, in ``lang``: the library's words translated, data as it is."""
        return self._format(self.kind.message, lang)

    def hint(self, lang: str = "en") -> str:
        """What to do (or what was done), in ``lang``."""
        return self._format(self.kind.hint, lang)

    def sort_key(self) -> tuple[int, int, str, tuple[tuple[str, str], ...]]:
        """Document order, then code, then fields: the order every report lists
        findings in."""
        fields = tuple((name, str(value)) for name, value in self.fields)
        return (self.line or 0, self.column or 0, self.code, fields)
