"""Loading YAML content: the examples, every key, and every error with its place."""

from __future__ import annotations

import contextlib

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dsfr_accordion.errors import ContentError
from dsfr_accordion.loaders import fields, load
from dsfr_accordion.model import Attribution, ListBlock, Paragraph, Quote
from tests.conftest import EXAMPLES, run_cli

ITEM = ("question: Q", "answer: x")


def source(*, head=("title: T",), testimonial=(), item=ITEM) -> str:
    """A one-testimonial, one-item document, one key a line.

    With the default ``head``, the testimonial's extra keys start on line 4,
    column 5; without them, the item's keys start on line 5, column 9.
    """
    lines = [*head, "testimonials:", "  - title: A", *(f"    {key}" for key in testimonial)]
    lines.append("    items:")
    lines += [f"      {'- ' if index == 0 else '  '}{key}" for index, key in enumerate(item)]
    return "\n".join(lines) + "\n"


def with_item(*keys: str) -> str:
    return source(item=keys)


def with_testimonial(*keys: str) -> str:
    return source(testimonial=keys)


def with_document(*keys: str) -> str:
    """A document whose extra keys start on line 2, column 1."""
    return source(head=("title: T", *keys))


def load_text(write, text: str, name: str = "content.yaml"):
    return load(write(name, text))


def error_of(path) -> ContentError:
    with pytest.raises(ContentError) as info:
        load(path)
    return info.value


def assert_error(error: ContentError, path, code: str, where: str, message: str, hint: str):
    """``str(error)`` is ``path:where: error: message`` then a hint holding ``hint``."""
    assert error.code == code
    head, _, hint_line = str(error).partition("\n  hint: ")
    assert head == f"{path}{':' if where else ''}{where}: error: {message}"
    assert hint in hint_line


def answers(document):
    return [item.answer for testimonial in document.testimonials for item in testimonial.items]


# --- the example -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cloud():
    return load(EXAMPLES / "temoignages-cloud.yaml")


def test_cloud_example_has_four_testimonials_with_their_ids_and_items(cloud):
    assert cloud.title == "Témoignages"
    assert cloud.lang == "fr"
    assert cloud.date == "2024-07-04 15:50:00 +02:00"
    assert [(t.id, len(t.items)) for t in cloud.testimonials] == [
        ("geoplateforme", 4),
        ("ans", 3),
        ("shom", 3),
        ("cancerologie", 3),
    ]
    assert cloud.testimonials[0].organisation == "IGN"


def test_cloud_example_answers_are_quotes(cloud):
    every = answers(cloud)
    assert len(every) == 13
    for answer in every:
        assert [type(block) for block in answer] == [Quote]
        assert answer[0].attribution is None


def test_cloud_example_quote_holds_a_paragraph_then_a_list(cloud):
    quote = cloud.testimonials[0].items[-1].answer[0]
    assert [type(block) for block in quote.blocks] == [Paragraph, ListBlock]
    paragraph, bullets = quote.blocks
    assert paragraph.html.startswith("Au-delà du suivi du projet")
    assert len(bullets.items) == 2
    assert not bullets.ordered
    assert (paragraph.location.line, bullets.location.line) == (48, 50)


def test_cloud_example_bare_urls_become_links(cloud):
    first_bullet = cloud.testimonials[0].items[-1].answer[0].blocks[1].items[0]
    assert '(<a href="https://cartes.gouv.fr">https://cartes.gouv.fr</a>)' in first_bullet
    assert '<a href="https://geoportail.gouv.fr">https://geoportail.gouv.fr</a>' in first_bullet
    shom = cloud.testimonials[2].items[0].answer[0].blocks[0].html
    assert shom.count("<a href=") == 3


def test_cloud_example_strong_text(cloud):
    html = cloud.testimonials[0].items[0].answer[0].blocks[0].html
    assert "d’<strong>optimiser la production</strong> et la diffusion" in html
    assert "**" not in html


# --- keys --------------------------------------------------------------------------------


def test_every_optional_key(yaml_reader, write):
    document = load_text(
        write,
        """\
title: Témoignages
lang: en-GB
date: 2024-07-04
metadata:
  rubrique: cloud
  tags: [a, b]
testimonials:
  - title: La Géoplateforme
    id: geo_1
    organisation: IGN
    author: Jeanne Martin
    role: cheffe de projet
    source_url: https://www.ign.fr/geoplateforme
    open: true
    intro: |
      Texte d’*introduction*.
    items:
      - question: Pouvez-vous décrire le projet ?
        answer: Oui.
""",
    )
    assert (document.title, document.lang, document.date) == ("Témoignages", "en-GB", "2024-07-04")
    assert dict(document.metadata) == {"rubrique": "cloud", "tags": ["a", "b"]}
    (testimonial,) = document.testimonials
    assert testimonial.id == "geo_1"
    assert testimonial.open is True
    assert testimonial.intro == (Paragraph("Texte d’<em>introduction</em>."),)
    assert testimonial.intro[0].location.line == 16
    assert testimonial.attribution() == Attribution(
        author="Jeanne Martin",
        role="cheffe de projet",
        organisation="IGN",
        url="https://www.ign.fr/geoplateforme",
    )
    (item,) = testimonial.items
    assert item.question == "Pouvez-vous décrire le projet ?"
    assert item.answer == (Paragraph("Oui."),)


def test_defaults_of_optional_keys(write):
    document = load_text(write, with_item(*ITEM))
    assert (document.lang, document.date, dict(document.metadata)) == ("fr", None, {})
    (testimonial,) = document.testimonials
    assert testimonial.id is None
    assert testimonial.open is False
    assert testimonial.intro == ()
    assert testimonial.attribution() is None


@pytest.mark.parametrize(
    ("head", "attribute", "expected"),
    [
        ("title: 2024", "title", "2024"),
        ("title: 1.50", "title", "1.50"),
        ("title: yes", "title", "yes"),
        ("title: 2024-07-04", "title", "2024-07-04"),
        ("lang: no", "lang", "no"),
        ("date: 2024-07-04", "date", "2024-07-04"),
    ],
)
def test_text_is_taken_as_written(yaml_reader, write, head, attribute, expected):
    lines = (head,) if attribute == "title" else ("title: T", head)
    document = load_text(write, source(head=lines))
    assert getattr(document, attribute) == expected


def test_question_is_taken_as_written(write):
    document = load_text(write, with_item("question: 42", "answer: x"))
    assert document.testimonials[0].items[0].question == "42"


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("false", False), ("True", True)])
def test_open_is_true_or_false(yaml_reader, write, value, expected):
    document = load_text(write, with_testimonial(f"open: {value}"))
    assert document.testimonials[0].open is expected


def test_ordered_list_keeps_its_start(write):
    document = load_text(write, with_item("question: Q", "answer: |", "  3. trois", "  4. quatre"))
    (block,) = document.testimonials[0].items[0].answer
    assert block == ListBlock(("trois", "quatre"), ordered=True, start=3)


def test_hard_line_break(write):
    document = load_text(write, with_item("question: Q", "answer: |", "  un\\", "  deux"))
    (block,) = document.testimonials[0].items[0].answer
    assert isinstance(block, Paragraph)
    assert block.html.replace("\n", "") == "un<br>deux"


@pytest.mark.parametrize("name", ["content.yml", "content.YAML"])
def test_other_yaml_extensions(write, name):
    assert load_text(write, with_item(*ITEM), name).testimonials[0].title == "A"


def test_byte_order_mark_is_accepted(yaml_reader, write):
    assert load_text(write, "\ufeff" + with_item(*ITEM)).title == "T"


def test_locations_of_rich_text_count_leading_blank_lines(yaml_reader, write):
    document = load_text(write, with_item("question: Q", "answer: |", "", "  x"))
    assert document.testimonials[0].items[0].answer[0].location.line == 8


# --- errors ------------------------------------------------------------------------------

ERRORS = [
    pytest.param(
        with_item("answer: x"),
        "missing-key",
        "5:9",
        "missing required key 'question' in an item",
        "add question: with a value",
        id="missing-question",
    ),
    pytest.param(
        with_item("question: Q"),
        "missing-key",
        "5:9",
        "missing required key 'answer' in an item",
        "add answer: with a value",
        id="missing-answer",
    ),
    pytest.param(
        with_item('question: ""', "answer: x"),
        "empty-value",
        "5:19",
        "'question' is empty",
        "write the text of question",
        id="empty-question-quoted",
    ),
    pytest.param(
        with_item("question:", "answer: x"),
        "empty-value",
        "5:18",
        "'question' is empty",
        "write the text of question",
        id="empty-question-null",
    ),
    pytest.param(
        with_item("question: Q", 'answer: "   "'),
        "empty-value",
        "6:17",
        "'answer' is empty",
        "write the text of answer",
        id="empty-answer-spaces",
    ),
    pytest.param(
        with_item("question: Q", "answer: |", "     ", ""),
        "empty-value",
        "6:17",
        "'answer' is empty",
        "write the text of answer",
        id="empty-answer-block",
    ),
    pytest.param(
        with_item("question: [a, b]", "answer: x"),
        "wrong-type",
        "5:19",
        "'question' must be text, not a list",
        "write question as text",
        id="question-is-a-list",
    ),
    pytest.param(
        with_item("question: Q", "answer: !!binary aGVsbG8="),
        "wrong-type",
        "6:17",
        "'answer' must be text, not a value tagged !!binary",
        "write answer as text",
        id="answer-is-binary",
    ),
    pytest.param(
        "title: T\ntestimonials:\n  a: b\n",
        "wrong-type",
        "3:3",
        "'testimonials' must be a list, not a mapping (key: value)",
        "write testimonials as a list",
        id="testimonials-is-a-mapping",
    ),
    pytest.param(
        "- title: T\n",
        "wrong-type",
        "1:1",
        "'the document' must be a mapping (key: value), not a list",
        "write the document as a mapping",
        id="document-is-a-list",
    ),
    pytest.param(
        with_document("metadata: [a]"),
        "wrong-type",
        "2:11",
        "'metadata' must be a mapping (key: value), not a list",
        "write metadata as a mapping",
        id="metadata-is-a-list",
    ),
    pytest.param(
        with_testimonial("open: yes please"),
        "wrong-type",
        "4:11",
        "'open' must be true or false, not 'yes please'",
        "write open as true or false",
        id="open-is-text",
    ),
    pytest.param(
        with_testimonial("open: yes"),
        "wrong-type",
        "4:11",
        "'open' must be true or false, not 'yes'",
        "write open as true or false",
        id="open-is-yes",
    ),
    pytest.param(
        with_item("questoin: Q", "answer: x"),
        "unknown-key",
        "5:9",
        "unknown key 'questoin' in an item",
        "did you mean 'question'?",
        id="unknown-key-close-match",
    ),
    pytest.param(
        with_testimonial("organization: IGN"),
        "unknown-key",
        "4:5",
        "unknown key 'organization' in a testimonial",
        "did you mean 'organisation'?",
        id="unknown-testimonial-key",
    ),
    pytest.param(
        with_item("question: Q", "answer: x", "zzz: 1"),
        "unknown-key",
        "7:9",
        "unknown key 'zzz' in an item",
        "known keys: answer, id, question",
        id="unknown-key-no-match",
    ),
    pytest.param(
        with_item("question: Q", "answer: x", "? [a]", ": b"),
        "unknown-key",
        "7:11",
        "unknown key '[a]' in an item",
        "known keys: answer, id, question",
        id="unknown-key-is-a-list",
    ),
    pytest.param(
        "title: T\ntestimonial:\n  - title: A\n",
        "unknown-key",
        "2:1",
        "unknown key 'testimonial' in the document",
        "did you mean 'testimonials'?",
        id="unknown-document-key",
    ),
    pytest.param(
        with_item("question: Q", "question: R", "answer: x"),
        "duplicate-key",
        "6:9",
        "key 'question' is written twice in the same mapping",
        "keep one of them",
        id="duplicate-key",
    ),
    pytest.param(
        with_document("metadata:", "  a: 1", "  b:", "    c: 2", "    c: 3"),
        "duplicate-key",
        "6:5",
        "key 'c' is written twice in the same mapping",
        "keep one of them",
        id="duplicate-key-in-metadata",
    ),
    pytest.param(
        with_document("lang: fr_FR"),
        "invalid-lang",
        "2:7",
        "invalid language tag 'fr_FR'",
        "use a BCP 47 language tag",
        id="invalid-lang",
    ),
    pytest.param(
        with_testimonial("source_url: javascript:alert(1)"),
        "invalid-url",
        "4:17",
        "'source_url' must be an http or https URL, not 'javascript:alert(1)'",
        "write a full URL starting with https://",
        id="javascript-source-url",
    ),
    pytest.param(
        "title: T\n",
        "missing-key",
        "1:1",
        "missing required key 'testimonials' in the document",
        "add testimonials: with a value",
        id="missing-testimonials",
    ),
    pytest.param(
        "title: T\ntestimonials: []\n",
        "empty-list",
        "2:15",
        "'testimonials' holds no entry",
        "add at least one entry to testimonials",
        id="no-testimonial",
    ),
    pytest.param(
        source(head=()),
        "missing-key",
        "1:1",
        "missing required key 'title' in the document",
        "add title: with a value",
        id="missing-title",
    ),
    pytest.param(
        "title: a: b\n",
        "yaml-syntax",
        "1:9",
        "invalid YAML: mapping values are not allowed here",
        "fix the YAML syntax at this place",
        id="yaml-syntax",
    ),
    pytest.param(
        "title: T\ntestimonials:\n  - title: A\n   items: x\n",
        "yaml-syntax",
        "4:4",
        "invalid YAML: expected <block end>, but found '<block mapping start>'",
        "indentation",
        id="yaml-indentation",
    ),
    pytest.param(
        "---\ntitle: T\n---\n",
        "yaml-syntax",
        "3:1",
        "invalid YAML: expected a single document in the stream, but found another document",
        "fix the YAML syntax at this place",
        id="yaml-two-documents",
    ),
    pytest.param(
        "",
        "empty-file",
        "1",
        "the file holds no content",
        "write a title and at least one testimonial",
        id="empty-file",
    ),
    pytest.param(
        "# nothing yet\n\n",
        "empty-file",
        "1",
        "the file holds no content",
        "write a title and at least one testimonial",
        id="only-comments",
    ),
    pytest.param(
        with_item("question: Q", "answer: |", "  x", "", "  ## Titre"),
        "markdown-unsupported",
        "9",
        "a heading is not supported in an answer",
        "write questions as '### ' headings",
        id="heading-in-answer",
    ),
    pytest.param(
        with_item("question: Q", "answer: |", "", "  ![logo](https://example.fr/a.png)"),
        "markdown-unsupported",
        "8",
        "an image is not supported in an answer",
        "link to the image instead",
        id="image-after-blank-line",
    ),
    pytest.param(
        with_testimonial("intro: |", "  ---"),
        "markdown-unsupported",
        "5",
        "a horizontal rule is not supported in an intro",
        "remove the '---' or '***' line",
        id="rule-in-intro",
    ),
]


@pytest.mark.parametrize(("text", "code", "where", "message", "hint"), ERRORS)
def test_error(yaml_reader, write, text, code, where, message, hint):
    path = write("content.yaml", text)
    assert_error(error_of(path), path, code, where, message, hint)


def test_duplicate_explicit_id(yaml_reader, write):
    path = write(
        "content.yaml",
        """\
title: T
testimonials:
  - title: A
    id: same
    items:
      - question: Q
        answer: x
  - title: B
    id: same
    items:
      - question: Q
        answer: x
""",
    )
    assert_error(
        error_of(path),
        path,
        "duplicate-id",
        "8:5",
        "id 'same' is already used by another testimonial or question",
        "give each testimonial and each question its own id",
    )


@pytest.mark.parametrize(
    ("value", "reason", "example"),
    [
        ('"a b"', "it holds white space", "a-b"),
        ('a"b', "it holds a quote or a backslash", "a-b"),
        ("1abc", "it does not start with a letter", "accordion-1abc"),
        ("géo", "it holds non-ASCII characters", "geo"),
        ("a.b", "it holds characters other than letters, digits, '-' and '_'", "a-b"),
    ],
)
def test_invalid_explicit_id(yaml_reader, write, value, reason, example):
    path = write("content.yaml", with_testimonial(f"id: {value}"))
    bare = value.strip('"') if value.startswith('"') else value
    assert_error(
        error_of(path),
        path,
        "invalid-id",
        "4:9",
        f"invalid id {bare!r}: {reason}",
        f"for example {example!r}",
    )


@pytest.mark.parametrize(
    ("data", "where", "offset"),
    [(b"title: caf\xe9\n", "1:11", 10), (b"title: T\nlang: \xe9\n", "2:7", 15)],
)
def test_file_not_utf8(tmp_path, data, where, offset):
    path = tmp_path / "content.yaml"
    path.write_bytes(data)
    assert_error(
        error_of(path),
        path,
        "not-utf8",
        where,
        f"the file is not valid UTF-8 (byte 0xe9 at offset {offset}); "
        "it looks like Windows-1252 or Latin-1",
        "iconv -f WINDOWS-1252 -t UTF-8",
    )


def test_file_in_utf16_says_so(tmp_path):
    path = tmp_path / "content.yaml"
    path.write_bytes("title: T\n".encode("utf-16"))
    error = error_of(path)
    assert error.code == "not-utf8"
    assert error.message.endswith("it looks like UTF-16")
    assert "iconv -f UTF-16 -t UTF-8" in error.hint


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "content.yaml"
    path.write_bytes(b"title: T\n\x00\x01\x02")
    error = error_of(path)
    assert error.code == "binary"
    assert str(error).startswith(f"{path}:2: error: the file is binary")


def test_size_limit_and_the_flag_that_raises_it(tmp_path):
    path = tmp_path / "big.yaml"
    body = (
        "title: T\ntestimonials:\n"
        + "# filler line for a large file\n" * 40_000
        + ("  - title: A\n    items:\n      - question: Q\n        answer: R\n")
    )
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(path, max_bytes=1024 * 1024)
    assert caught.value.code == "too-large"
    assert "--max-size 2" in caught.value.hint
    assert load(path, max_bytes=2 * 1024 * 1024).title == "T"


def test_unknown_extension(write):
    path = write("content.txt", with_item(*ITEM))
    assert_error(
        error_of(path),
        path,
        "unknown-format",
        "",
        "unknown content format '.txt'",
        "use a .yaml, .yml, .md or .markdown file, or a legacy .html page to import",
    )


def test_missing_file(tmp_path):
    path = tmp_path / "absent.yaml"
    assert_error(
        error_of(path),
        path,
        "unreadable",
        "",
        "cannot read the file: No such file or directory",
        "check the path and its permissions",
    )


# --- the command line --------------------------------------------------------------------


def test_cli_reports_bad_content_in_one_message(write):
    path = write("content.yaml", with_item("questoin: Q", "answer: x"))
    result = run_cli("render", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{path}:5:9: error: unknown key 'questoin' in an item\n")
    assert "hint: did you mean 'question'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_debug_shows_the_traceback(write):
    path = write("content.yaml", with_item("questoin: Q", "answer: x"))
    result = run_cli("--debug", "render", str(path))
    assert result.returncode != 0
    assert "Traceback (most recent call last)" in result.stderr
    assert "ContentError" in result.stderr


def test_an_unknown_tag_in_metadata_is_a_content_error_at_its_place(yaml_reader, write):
    path = write(
        "content.yaml",
        "title: T\nmetadata:\n  ok: [1, {a: 2}]\n  x: !custom foo\ntestimonials:\n"
        "  - title: A\n    items:\n      - question: Q\n        answer: R\n",
    )
    with pytest.raises(ContentError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}:4:6: error: invalid YAML: could not determine")
    result = run_cli("render", str(path))
    assert result.returncode == 2
    assert "internal error" not in result.stderr


def test_an_item_may_set_its_question_id(write):
    document = load_text(write, with_item("question: Q", "id: pourquoi", "answer: x"))
    assert document.testimonials[0].items[0].id == "pourquoi"
    assert load_text(write, source()).testimonials[0].items[0].id is None


def test_an_unsafe_question_id_is_an_error_at_its_key(write):
    path = write("content.yaml", with_item("question: Q", "id: 2 bad", "answer: x"))
    error = error_of(path)
    assert error.code == "invalid-id"
    assert str(error).startswith(f"{path}:6:13: error: ")


# --- libyaml and the pure-Python reader --------------------------------------------------


def _tree(node: yaml.Node | None, seen: dict[int, int] | None = None) -> object:
    """What the loaders read of a node tree: kinds, tags, values, block styles, start
    marks and each node's end (a key's source); an alias as the node it names."""
    seen = {} if seen is None else seen
    if node is None:
        return None
    if id(node) in seen:
        return ("alias", seen[id(node)])
    seen[id(node)] = len(seen)
    mark = node.start_mark
    head = (type(node).__name__, node.tag, mark.line, mark.column, mark.index, node.end_mark.index)
    if isinstance(node, yaml.ScalarNode):
        return (*head, node.value, node.style or None)  # plain: None in Python, "" in C
    if isinstance(node, yaml.SequenceNode):
        return (*head, [_tree(child, seen) for child in node.value])
    return (*head, [(_tree(k, seen), _tree(v, seen)) for k, v in node.value])


def _composed(text: str, loader: type) -> object:
    try:
        return _tree(yaml.compose(text, Loader=loader))
    except yaml.YAMLError:
        return "refused"


_INDENTS = st.sampled_from(["", " ", "  ", "    "])
_KEYS = st.sampled_from(
    [
        *("title", "é😀", "'q'", '"d"', "? k", "? [x]", "[x]", "{y: 1}", "-", "", "k k"),
        *("a#b", "*x", "&x k", "!k", "? !k", "? - a"),
    ]
)
_SEPARATORS = st.sampled_from([": ", ":", ":  ", " : ", ":\t", ":\r"])
_VALUES = st.sampled_from(
    [
        *("", " ", "x", "Bravo !", "Bravo\u202f!", "un : deux", "a # c", "|", ">", "|-", ">+"),
        *("|2", "'s''q'", '"d\\n\\t\\"q"', "[a, b]", "{a: b}", "[]", "{}", "~", "null", "yes"),
        *("no", "2024-07-04", "12", "1.5", "&x v", "*x", "!!str 5", "!t v", "!", "- a", "-"),
        *("« x »", "a: b", "'", '"', "[", "{", "#c", " #c", "\\", "%", "@", "`", "l’été", "a\tb"),
        *("---", "...", "\u2028", "\x85", "\ufeff", "\r", "|#", "[a, !b]", "{a:!b}", "x\n  !y"),
        *("%YAML 1.1\n---", "%FOO\n---", "\u2028!a", "\x85- !a", "\udce9"),
    ]
)
_LINES = st.one_of(
    st.builds(lambda i, k, s, v: i + k + s + v, _INDENTS, _KEYS, _SEPARATORS, _VALUES),
    st.builds(lambda i, v: f"{i}- {v}", _INDENTS, _VALUES),
    st.builds(lambda i, vs: i + " ".join(vs), _INDENTS, st.lists(_VALUES, min_size=1, max_size=3)),
)
_TEXTS = st.builds(
    lambda lines, end, last: end.join(lines) + last,
    st.lists(_LINES, min_size=1, max_size=8),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["\n", ""]),
)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_libyaml_gives_the_loaders_what_the_pure_python_reader_gives(text):
    """Whatever text the loaders give libyaml, its nodes are those of the pure-Python
    reader in all the loaders read, or it refuses the text (which the pure-Python
    reader then reads or refuses itself)."""
    if fields.FAST_LOADER is None:
        pytest.fail("PyYAML without libyaml: the locked PyYAML wheel has it (make test)")
    if not fields._read_alike(text):
        return
    fast = _composed(text, fields.FAST_LOADER)
    assert fast in ("refused", _composed(text, yaml.SafeLoader)), text


@pytest.mark.parametrize(
    "text",
    [
        "a:\tb\n",  # a tab: refused by the pure-Python reader, read by libyaml
        "\ufeff-\n\ufeffa: b\n",  # byte order marks
        "a: |#\n  x\n",  # a comment right after a block scalar's header
        "a: !\n",  # a tag alone: null for one, text for the other
        "\u2028!\n",  # after a line break of YAML 1.1
        "? k",  # no final line end: the empty value is placed otherwise
    ],
)
def test_what_libyaml_reads_otherwise_goes_to_the_pure_python_reader(text):
    assert _composed(text, fields.FAST_LOADER) != _composed(text, yaml.SafeLoader)
    assert not fields._read_alike(text)


def test_libyaml_composes_content_files_when_there(monkeypatch, write):
    """libyaml reads the example (ten times faster); a text it reads otherwise, an error
    and a key that is not a scalar are read by the pure-Python reader, which words the
    error as it always did."""
    if fields.FAST_LOADER is None:
        pytest.fail("PyYAML without libyaml: the locked PyYAML wheel has it (make test)")
    used: list[type] = []
    compose = yaml.compose

    def spy(text, Loader):
        used.append(Loader)
        return compose(text, Loader=Loader)

    monkeypatch.setattr(yaml, "compose", spy)
    cases = [
        (EXAMPLES / "temoignages-cloud.yaml", [yaml.CSafeLoader]),
        (write("tab.yaml", with_item("question: Q", "answer:\tx")), [yaml.SafeLoader]),
        (write("error.yaml", "title: a: b\n"), [yaml.CSafeLoader, yaml.SafeLoader]),
        (
            write("key.yaml", with_item("question: Q", "answer: x", "? [a]", ": b")),
            [yaml.CSafeLoader, yaml.SafeLoader],
        ),
    ]
    for path, expected in cases:
        used.clear()
        with contextlib.suppress(ContentError):
            load(path)
        assert used == expected, path
    with pytest.raises(ContentError, match="mapping values are not allowed here"):
        load(cases[2][0])  # libyaml says "in this context"


def test_the_example_loads_alike_with_either_reader(monkeypatch):
    fast = load(EXAMPLES / "temoignages-cloud.yaml")
    monkeypatch.setattr(fields, "FAST_LOADER", None)
    assert load(EXAMPLES / "temoignages-cloud.yaml") == fast


def test_two_questions_with_one_id_are_refused_at_load(write):
    text = (
        "title: T\ntestimonials:\n  - title: A\n    items:\n"
        "      - question: Q\n        id: q\n        answer: x\n"
        "      - question: R\n        id: q\n        answer: y\n"
    )
    path = write("content.yaml", text)
    error = error_of(path)
    assert error.code == "duplicate-id"
    assert str(error).startswith(f"{path}:8:9: error: id 'q' is already used")


def test_yaml_nested_beyond_the_reader_s_depth_is_an_error_not_a_crash(write):
    depth = 3000  # libyaml refuses more than 1,000 levels; the pure-Python reader recurses
    path = write("deep.yaml", f"title: T\nmetadata:\n  k: {'[' * depth}{']' * depth}\n")
    result = run_cli("render", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:1: error: invalid YAML: nested too deeply\n")
    assert "Traceback" not in result.stderr
