"""The one front matter splitter, and the three readers that use it agreeing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dsfr_accordion.audit.static import audit_text
from dsfr_accordion.errors import ContentError
from dsfr_accordion.frontmatter import FrontMatter, opens_front_matter, split_front_matter
from dsfr_accordion.legacy import import_page
from dsfr_accordion.loaders import load

LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@pytest.mark.parametrize(
    ("text", "front", "body"),
    [
        ("---\ntitle: T\n---\nbody\n", FrontMatter("title: T", 4), "\n\n\nbody\n"),
        ("\ufeff---\ntitle: T\n...\nbody", FrontMatter("title: T", 4), "\n\n\nbody"),
        ("  ---  \r\na: 1\r\nb: 2\r\n--- \r\n<p>", FrontMatter("a: 1\r\nb: 2", 5), "\n" * 4 + "<p>"),  # noqa: E501
        ("---\n---\n", FrontMatter("", 3), "\n\n"),
        ("---\na: 1\n---", FrontMatter("a: 1", 4), "\n\n"),
        ("---\ra: 1\r---\rx", FrontMatter("a: 1", 4), "\n\n\nx"),
    ],
)  # fmt: skip
def test_a_front_matter_is_split_and_its_lines_blanked(text: str, front: FrontMatter, body: str):
    assert split_front_matter(text) == (front, body)
    assert opens_front_matter(text)


@pytest.mark.parametrize(
    "text",
    ["", "title: T\n", "<p>x</p>\n---\n", "----\na\n----\n", "--- a\nb\n---\n", "---"],
)
def test_text_without_a_front_matter_is_all_body(text: str):
    assert split_front_matter(text) == (None, text)


def test_an_unclosed_front_matter_is_no_front_matter_but_is_told_apart():
    text = "---\ntitle: T\n<p>x</p>\n"
    assert split_front_matter(text) == (None, text)
    assert opens_front_matter(text)
    assert not opens_front_matter("<p>---</p>\n---\n")


@given(
    st.lists(st.sampled_from(["a: 1", "", "  ", "- x", "...x", "--", "b: [1]"]), max_size=5),
    st.lists(st.sampled_from(["<p>x</p>", "", "---", "..."]), max_size=5),
    LINE_ENDS,
)
def test_every_body_line_keeps_its_file_line(yaml: list[str], body: list[str], end: str):
    lines = ["---", *yaml, "---", *body]
    front, rest = split_front_matter(end.join(lines))
    assert front is not None
    assert front.text == end.join(yaml)
    rest_lines = rest.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert rest_lines == [""] * (len(yaml) + 2) + body
    assert front.body_line == len(yaml) + 3


def test_the_three_readers_agree_on_a_front_matter_closed_by_dots(write):
    markdown = write("page.md", "---\r\ntitle: T\r\n...\r\n## A\r\n### Q ?\r\nR\r\n")
    assert load(markdown).title == "T"
    page = "---\ntitle: T\n...\n<p onclick='x()'>x</p>\n"
    (finding,) = audit_text(page, "page.html").findings
    assert (finding.code, finding.line) == ("inline-handler", 4)
    legacy = "---\ntitle: T\n...\n<details><summary>Q</summary>R</details>\n"
    assert import_page(legacy, "legacy.html").document.title == "T"


def test_markdown_reports_an_unclosed_front_matter_and_a_missing_one(write):
    with pytest.raises(ContentError, match="never closed"):
        load(write("a.md", "---\ntitle: T\n## A\n"))
    with pytest.raises(ContentError, match="missing required key 'title'"):
        load(write("b.md", "## A\n### Q\nR\n"))
