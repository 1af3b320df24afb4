"""Reading YAML with locations: the shared base of the YAML and Markdown loaders.

PyYAML's composer keeps each node's position; reading nodes instead of the
constructed Python values lets every error name its line and column, catches
keys written twice (which ``yaml.safe_load`` silently merges), and takes text
exactly as written (``title: 2024`` is the text ``2024``, ``lang: no`` is the
language ``no``).

Documents are composed by libyaml, PyYAML's reader in C, when PyYAML has it and
the text holds nothing the two readers take differently (:func:`compose`); the
pure-Python reader composes the rest and words every error, so a document loads
to the same nodes, and an error reads the same at the same place, either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from types import MappingProxyType

import yaml

from .. import schema
from ..errors import ContentError, suggest
from ..model import Location
from ..syntax import is_language_tag
from ..ui import N_

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_SCALAR_TAGS = frozenset(
    {_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp", _BOOL}
)

#: Keys of a document, shared by YAML files and Markdown front matter.
DOCUMENT_KEYS = schema.keys(schema.DOCUMENT, schema.Place.FRONT_MATTER)


#: libyaml's composer (``yaml.CSafeLoader``), when PyYAML was built with it: about ten
#: times faster than the pure-Python one; ``None`` without it.
FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None

#: What libyaml reads otherwise than the pure-Python reader, as found by composing
#: generated documents with both (tests/test_load_yaml.py shows each): a tab, a byte
#: order mark, a comment right after a block scalar's header, a ``!`` where a tag may
#: start; and what libyaml cannot be given (a lone surrogate). Text holding one is
#: read by the pure-Python reader. (Where libyaml refuses what the pure-Python reader
#: reads, the latter reads it: no need to tell those apart.)
_READ_OTHERWISE = re.compile(
    r"[\t\ufeff\ud800-\udfff]|[|>][-+0-9]*#|(?:^|[ \r\n\x85\u2028\u2029\[{,:?])!"
)


def _read_alike(text: str) -> bool:
    """Whether libyaml is there and reads ``text`` as the pure-Python reader does."""
    # The last node of a text without a final line end is placed otherwise.
    return FAST_LOADER is not None and text.endswith("\n") and not _READ_OTHERWISE.search(text)


def _keys_are_scalars(root: yaml.Node | None) -> bool:
    """Whether every mapping key under ``root`` is a scalar. An error names another key
    by its source (:func:`source_text`), which only the pure-Python reader's marks keep."""
    pending, seen = [root], set()
    while pending:
        node = pending.pop()
        if id(node) in seen:  # an alias to a node already walked
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    return False
                pending.append(value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
    return True


def compose(text: str, path: str, first_line: int = 1) -> yaml.Node | None:
    """Parse YAML ``text`` into a node tree, or ``None`` for an empty document.

    ``first_line`` is the file line of the text's first line (for front matter).
    The nodes are the pure-Python reader's, or libyaml's where they are the same
    in what the loaders read of them (tags, values, block styles, start marks); a
    plain scalar's ``style`` is then ``""`` rather than ``None``.
    """
    if _read_alike(text):
        try:
            root = yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError:
            pass  # worded and placed by the pure-Python reader, below
        else:
            if _keys_are_scalars(root):
                return root
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        location = Location(path, first_line + mark.line, mark.column + 1) if mark else None
        problem = error.problem or error.context or "syntax error"
        if error.context and problem.startswith("but "):
            # PyYAML splits some messages in two halves: "expected X" / "but found Y".
            problem = f"{error.context}, {problem}"
        raise ContentError.of("yaml-syntax", location, problem=problem) from None
    except yaml.YAMLError as error:
        raise ContentError.of(
            "yaml-syntax", Location(path, first_line), problem=str(error)
        ) from None
    except RecursionError:
        # The pure-Python reader recurses once per level (libyaml refuses more than
        # 1,000 levels itself, and that refusal brought the text here).
        raise ContentError.of(
            "yaml-syntax", Location(path, first_line), problem="nested too deeply"
        ) from None


def describe(node: yaml.Node) -> str:
    """Name a node's kind as an editor would ("a list", "text"…)."""
    if isinstance(node, yaml.MappingNode):
        return N_("a mapping (key: value)")
    if isinstance(node, yaml.SequenceNode):
        return N_("a list")
    if node.tag == _NULL:
        return N_("nothing")
    if node.tag == _BOOL:
        return N_("true/false")
    if node.tag not in _SCALAR_TAGS:
        return f"a value tagged {node.tag.replace('tag:yaml.org,2002:', '!!')}"
    return N_("text")


def source_text(node: yaml.Node) -> str:
    """A scalar's value, or the YAML source of a list or mapping (a key, for instance)."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    start, end = node.start_mark, node.end_mark
    return start.buffer[start.index : end.index] if start.buffer else describe(node)


class Fields:
    """The keys of one YAML mapping, read with their locations.

    Construction refuses keys written twice and keys not in ``allowed``;
    ``where`` names the mapping in messages ("a testimonial").
    """

    def __init__(
        self, node: yaml.Node, allowed: Sequence[str], where: str, path: str, first_line: int = 1
    ) -> None:
        self.path = path
        self.first_line = first_line
        self.where = where
        self.node = node
        if not isinstance(node, yaml.MappingNode):
            raise self._wrong_type(where, node, N_("a mapping (key: value)"))
        self.values: dict[str, yaml.Node] = {}
        self.keys: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = source_text(key_node)
            if key in self.values:
                raise ContentError.of(
                    "duplicate-key", self.location_of(key_node), key=key, where=N_("mapping")
                )
            if key not in allowed:
                raise ContentError.of(
                    "unknown-key",
                    self.location_of(key_node),
                    key=key,
                    where=where,
                    suggestion=suggest(key, allowed),
                )
            self.keys[key] = key_node
            self.values[key] = value_node

    def _wrong_type(
        self, key: str, node: yaml.Node, expected: str, found: str | None = None
    ) -> ContentError:
        """The error for ``node``, the value of ``key``, which is not ``expected`` (a
        message id); ``found`` says what it is instead (default: its kind, :func:`describe`)."""
        return ContentError.of(
            "wrong-type",
            self.location_of(node),
            key=key,
            expected=expected,
            found=describe(node) if found is None else found,
        )

    def location_of(self, node: yaml.Node) -> Location:
        """The file location where ``node`` starts."""
        mark = node.start_mark
        return Location(self.path, self.first_line + mark.line, mark.column + 1)

    def location(self, key: str | None = None) -> Location:
        """Where ``key``'s value starts, or where the mapping starts."""
        node = self.values.get(key) if key else None
        return self.location_of(node if node is not None else self.node)

    def content_line(self, key: str) -> int:
        """The file line where the text of ``key`` starts (after ``|`` or ``>``)."""
        node = self.values[key]
        line = self.first_line + node.start_mark.line
        if node.style not in ("|", ">"):
            return line
        value = str(node.value)
        # The text is read stripped: count the blank lines it started with.
        return line + 1 + value[: len(value) - len(value.lstrip())].count("\n")

    def text(self, key: str, *, required: bool = False) -> str | None:
        """The text of ``key`` as written, stripped; ``None`` when absent or null."""
        node = self.values.get(key)
        if node is None or node.tag == _NULL:
            if required:
                if node is None:
                    raise ContentError.of("missing-key", self.location(), key=key, where=self.where)
                raise ContentError.of("empty-value", self.location(key), key=key)
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag not in _SCALAR_TAGS:
            raise self._wrong_type(key, node, N_("text"))
        value = str(node.value).strip()
        if required and not value:
            raise ContentError.of("empty-value", self.location(key), key=key)
        return value or None

    def boolean(self, key: str, default: bool) -> bool:
        """``key`` as ``true``/``false``; ``default`` when absent."""
        node = self.values.get(key)
        if node is None:
            return default
        # Only true and false: YAML 1.1 also reads yes, no, on and off as booleans.
        if node.tag != _BOOL or str(node.value).lower() not in ("true", "false"):
            # A scalar is quoted as written ('yes'): it says more than its kind.
            written = repr(node.value) if isinstance(node, yaml.ScalarNode) else None
            raise self._wrong_type(key, node, N_("true or false"), written)
        return str(node.value).lower() == "true"

    def value(self, spec: schema.Field) -> object:
        """The value of the scalar field ``spec``, read and checked as its kind says
        (:func:`~dsfr_accordion.schema.checked`); ``None`` (``False`` for a flag)
        when absent."""
        if spec.kind is schema.Kind.FLAG:
            return self.boolean(spec.key, default=False)
        value = self.text(spec.key, required=spec.required)
        return None if value is None else schema.checked(spec, value, self.location(spec.key))

    def items(self, key: str) -> Iterator[yaml.Node]:
        """The entries of the non-empty list ``key`` (required)."""
        node = self.values.get(key)
        if node is None:
            raise ContentError.of("missing-key", self.location(), key=key, where=self.where)
        if not isinstance(node, yaml.SequenceNode):
            raise self._wrong_type(key, node, N_("a list"))
        if not node.value:
            raise ContentError.of("empty-list", self.location(key), key=key)
        return iter(node.value)

    def _refuse_duplicate_keys(self, node: yaml.Node, seen: set[int]) -> None:
        """Refuse a key written twice in any mapping of ``node`` (free-form values)."""
        if id(node) in seen:  # an alias to a node already checked
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in node.value:
                key = source_text(key_node)
                if key in keys:
                    raise ContentError.of(
                        "duplicate-key", self.location_of(key_node), key=key, where=N_("mapping")
                    )
                keys.add(key)
                self._refuse_duplicate_keys(value_node, seen)
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                self._refuse_duplicate_keys(child, seen)

    def _construct(self, node: yaml.MappingNode) -> dict[str, object]:
        """``node`` as Python values, as YAML's safe loader makes them; a tag it does
        not know (``!custom``) is a content error at the tagged value, not a crash."""
        try:
            value = yaml.SafeLoader("").construct_document(node)
        except yaml.constructor.ConstructorError as error:
            mark = error.problem_mark
            where = (
                Location(self.path, self.first_line + mark.line, mark.column + 1)
                if mark
                else self.location("metadata")
            )
            problem = error.problem or str(error)
            raise ContentError.of("yaml-syntax", where, problem=problem) from None
        return dict(value or {})

    def document_keys(self) -> dict[str, object]:
        """Read :data:`DOCUMENT_KEYS` as keyword arguments of a ``Document``, each as
        its kind in :data:`~dsfr_accordion.schema.DOCUMENT` says."""
        values: dict[str, object] = {}
        for spec in schema.DOCUMENT:
            if spec.markdown is not schema.Place.FRONT_MATTER:
                continue
            if spec.kind is schema.Kind.LANG:
                values[spec.key] = self._lang(spec.key)
            elif spec.kind is schema.Kind.MAPPING:
                values[spec.key] = MappingProxyType(self._mapping(spec.key))
            else:
                values[spec.key] = self.value(spec)
        return values

    def _lang(self, key: str) -> str:
        """``key`` as a language tag; French when absent."""
        lang = self.text(key) or "fr"
        if not is_language_tag(lang):
            raise ContentError.of("invalid-lang", self.location(key), value=lang)
        return lang

    def _mapping(self, key: str) -> dict[str, object]:
        """``key`` as free-form YAML (keys written twice refused); empty when absent."""
        node = self.values.get(key)
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            raise self._wrong_type(key, node, N_("a mapping (key: value)"))
        self._refuse_duplicate_keys(node, set())
        return self._construct(node)
