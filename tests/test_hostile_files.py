"""The command line on generated hostile file systems (issue 17).

Content files named with every ASCII control character and every character a URL
reads specially, names that clash, symbolic links, a read-only file, catalogues
inside the output: ``build`` and ``render`` either succeed or refuse with exit 2
and one message; never an internal error, never a change to a file outside the
output, never a script URL in a written link.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dsfr_accordion.cli import main
from dsfr_accordion.syntax import is_script_url
from tests.conftest import EXAMPLES, hrefs

CONTENT = (EXAMPLES / "si-samu.md").read_text(encoding="utf-8")

#: Every ASCII control but NUL (no file name holds it), the characters a URL reads
#: specially, white space, a non-ASCII letter and a byte that is not UTF-8.
ALPHABET = "".join(map(chr, range(1, 0x20))) + "\x7f" + ":#?%&=+;@!$'()*,[]~ " + "aé" + "\udce9"

STEMS = st.one_of(
    st.sampled_from(["index", "javascript:alert(document.domain)", "a", "A"]),
    st.text(alphabet=ALPHABET, min_size=1, max_size=8).filter(lambda s: s not in (".", "..")),
)


def snapshot(root: Path, skip: Path) -> dict[str, bytes | str]:
    """Every file and link under ``root`` but those under ``skip``: path -> bytes or target."""
    found: dict[str, bytes | str] = {}
    for path in root.rglob("*"):
        if path == skip or skip in path.parents:
            continue
        key = os.fsencode(path.relative_to(root)).hex()
        if path.is_symlink():
            found[key] = str(path.readlink())
        elif path.is_file():
            found[key] = path.read_bytes()
    return found


def run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(list(args))
    return status, err.getvalue()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    files=st.lists(
        st.tuples(STEMS, st.sampled_from([".md", ".yaml"]), st.booleans()), min_size=1, max_size=4
    ),
    link_first=st.booleans(),
    read_only=st.booleans(),
    locales_inside=st.booleans(),
)
def test_build_on_a_hostile_file_system(yaml_reader, files, link_first, read_only, locales_inside):
    root = Path(tempfile.mkdtemp(prefix="dsfr-accordion-hostile-"))
    try:
        contents: list[Path] = []
        for stem, suffix, in_subfolder in files:
            folder = root / "in" / ("sub" if in_subfolder else "")
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{stem}{suffix}"
            if suffix == ".yaml":
                path.write_text(
                    "title: T\ntestimonials:\n  - title: A\n    items:\n"
                    "      - question: Q ?\n        answer: R\n",
                    encoding="utf-8",
                )
            else:
                path.write_text(CONTENT, encoding="utf-8")
            contents.append(path)
        if link_first:
            link = root / "in" / "lien.md"
            if not link.exists():
                link.symlink_to(contents[0])
                contents.append(link)
        if read_only:
            contents[0].chmod(0o444)
        site = root / "site"
        args = ["build", *map(str, contents), "-o", str(site)]
        if locales_inside:
            (site / "locales").mkdir(parents=True)
            (site / "locales" / "keep.po").write_text("# a translator's file\n", encoding="utf-8")
            args += ["--locales", str(site / "locales")]
        before = snapshot(root, site)
        site_before = snapshot(site, site / "never") if locales_inside else None
        status, stderr = run(*args)
        assert status in (0, 2), stderr
        assert "internal error" not in stderr and "Traceback" not in stderr, stderr
        assert snapshot(root, site) == before
        if status == 2:
            assert stderr.count("error:") == 1, stderr
            if site_before is not None:
                assert snapshot(site, site / "never") == site_before
            return
        for page in site.rglob("*.html"):
            for href in hrefs(page.read_text(encoding="utf-8")):
                assert not is_script_url(href), (page, href)
                if "://" not in href and not href.startswith(("#", "mailto:")):
                    assert href.startswith(("./", "../")), (page, href)
    finally:
        for path in root.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(root)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stem=STEMS, output=STEMS)
def test_render_to_a_hostile_name(stem, output):
    root = Path(tempfile.mkdtemp(prefix="dsfr-accordion-hostile-"))
    try:
        content = root / f"{stem}.md"
        content.write_text(CONTENT, encoding="utf-8")
        target = root / "out" / f"{output}.html"
        before = snapshot(root, root / "out")
        status, stderr = run("render", str(content), "--page", "-o", str(target))
        assert status in (0, 2), stderr
        assert "internal error" not in stderr and "Traceback" not in stderr, stderr
        assert "\x1b" not in stderr
        assert snapshot(root, root / "out") == before
        if status == 0:
            assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
    finally:
        shutil.rmtree(root)
