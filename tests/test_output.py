"""The output layer on hostile file systems: devices, FIFOs, links, outputs that are inputs.

Devices are made in a temporary folder (``mknod``, as root), never the real ``/dev/null``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsfr_accordion.errors import ContentError, DsfrAccordionError
from dsfr_accordion.inputs import read_text
from dsfr_accordion.output import MARKER, check_outputs, staged_dir, write_text
from tests.conftest import EXAMPLES, ROOT, run_cli

CONTENT = EXAMPLES / "si-samu.md"
SEED = EXAMPLES / "legacy" / "temoignages-cloud.html"


def device(path: Path, major: int, minor: int) -> Path:
    """A character device made at ``path`` (as root), such as /dev/null (1, 3)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except PermissionError:
        pytest.skip("making a device needs root (CI runs as root)")
    return path


@contextlib.contextmanager
def fifo_written(path: Path, text: str) -> Iterator[Path]:
    """A FIFO at ``path`` that another process writes ``text`` into, then closes."""
    os.mkfifo(path)
    script = "import sys; open(sys.argv[1], 'w').write(sys.argv[2])"
    writer = subprocess.Popen([sys.executable, "-c", script, path, text])
    try:
        yield path
    finally:
        writer.wait(timeout=30)


def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path):
    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)
    # A reader holds the FIFO open first (non-blocking, so the test waits on
    # nothing); the page (8 KB) fits in the pipe's buffer until it is read.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = run_cli("render", str(CONTENT), "-o", str(fifo))
        received = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received.decode("utf-8") == run_cli("render", str(CONTENT)).stdout


def test_a_fifo_nobody_reads_is_refused_at_once(tmp_path: Path):
    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "dsfr_accordion", "render", str(CONTENT), "-o", str(fifo)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "it is a FIFO that no process reads" in result.stderr
    assert "Traceback" not in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_character_device_is_written_through_never_replaced(tmp_path: Path):
    null = device(tmp_path / "null", 1, 3)
    result = run_cli("render", str(CONTENT), "--page", "-o", str(null))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    both = run_cli("import", str(SEED), "-o", str(null), "--report", str(null))
    assert both.returncode == 0, both.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert not (tmp_path / "dsfr").exists()
    beside = run_cli("render", str(CONTENT), "--page", "--dsfr-dist", "x", "-o", str(null))
    assert beside.returncode == 2
    assert not (tmp_path / "dsfr").exists()


def test_standard_output_by_its_device_name():
    result = run_cli("render", str(CONTENT), "-o", "/dev/fd/1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('<div class="fr-accordions-group"')
    assert result.stdout == run_cli("render", str(CONTENT)).stdout


def test_a_symbolic_link_stays_a_link_and_its_target_is_written(tmp_path: Path):
    target = tmp_path / "real.html"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    write_text(link, "new\n")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_folder_is_not_an_output(tmp_path: Path):
    result = run_cli("render", str(CONTENT), "-o", str(tmp_path))
    assert result.returncode == 2
    assert "it is a folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_extract_never_writes_over_its_content(tmp_path: Path):
    content = tmp_path / "a.yaml"
    content.write_bytes((EXAMPLES / "temoignages-cloud.yaml").read_bytes())
    before = content.read_bytes()
    result = run_cli("i18n", "extract", str(content), "-o", str(content))
    assert result.returncode == 2
    assert "would overwrite or contain the input" in result.stderr
    assert content.read_bytes() == before


def test_two_outputs_of_one_command_may_not_be_one_file(tmp_path: Path):
    same = tmp_path / "same.yaml"
    result = run_cli("import", str(SEED), "-o", str(same), "--report", str(same))
    assert result.returncode == 2
    assert "one output would overwrite the other" in result.stderr
    assert not same.exists()


def test_an_output_that_is_a_hard_link_to_the_input_is_refused(tmp_path: Path):
    content = tmp_path / "content.md"
    content.write_bytes(CONTENT.read_bytes())
    alias = tmp_path / "alias.html"
    os.link(content, alias)
    with pytest.raises(DsfrAccordionError, match="would overwrite"):
        check_outputs([content], [alias])
    check_outputs([content], [tmp_path / "page.html", None])


# --- reading: pipes, FIFOs and devices, bounded in size and in time ------------------------


def test_a_fifo_nobody_writes_to_is_given_up_not_waited_on(tmp_path: Path):
    fifo = tmp_path / "content.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ContentError, match=r"nothing was written to this pipe or FIFO for 0\.2"):
        read_text(fifo, timeout=0.2)


def test_a_fifo_is_read_to_its_end(tmp_path: Path):
    text = (EXAMPLES / "temoignages-cloud.yaml").read_text(encoding="utf-8")
    with fifo_written(tmp_path / "content.yaml", text) as fifo:
        assert read_text(fifo, timeout=30) == text


def test_an_endless_device_is_too_large_not_a_memory_error(tmp_path: Path):
    zero = device(tmp_path / "zero", 1, 5)
    content = tmp_path / "content.yaml"
    content.symlink_to(zero)
    result = run_cli("render", str(content), "--max-size", "1")
    assert result.returncode == 2
    assert "more than the limit of 1048576" in result.stderr


def test_content_from_standard_input_through_a_named_link(tmp_path: Path):
    link = tmp_path / "content.md"
    link.symlink_to("/dev/stdin")
    result = subprocess.run(
        [sys.executable, "-m", "dsfr_accordion", "render", str(link)],
        input=CONTENT.read_text(encoding="utf-8"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == run_cli("render", str(CONTENT)).stdout


def test_a_folder_given_as_content_says_so(tmp_path: Path):
    folder = tmp_path / "content.yaml"
    folder.mkdir()
    with pytest.raises(ContentError, match="it is a folder"):
        read_text(folder)


# --- builds of one folder: one at a time, leftovers of dead runs cleaned --------------------


def test_a_second_build_of_a_folder_waits_then_names_the_first(tmp_path: Path):
    site = tmp_path / "site"
    with staged_dir(site):
        started = time.monotonic()
        with pytest.raises(DsfrAccordionError) as caught, staged_dir(site, lock_timeout=0.3):
            pass
        assert time.monotonic() - started >= 0.3
    assert f"is being built by another run (process {os.getpid()})" in caught.value.render()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no lock, no staging left


def test_a_build_after_another_ends_goes_ahead(tmp_path: Path):
    site = tmp_path / "site"
    for content in ("one", "two"):
        with staged_dir(site) as staging:
            (staging / "page.html").write_text(content, encoding="utf-8")
    assert (site / "page.html").read_text(encoding="utf-8") == "two"


def test_leftovers_of_dead_builds_are_removed_and_nothing_else(tmp_path: Path):
    site = tmp_path / "site"
    staging = tmp_path / ".site.staging-abcd1234"
    retired = tmp_path / ".site.old-abcd1234"
    users = tmp_path / ".site-backup"
    unmarked = tmp_path / ".site.staging-zzzz9999"
    for folder in (staging, retired / "site", users, unmarked):
        folder.mkdir(parents=True)
    for folder in (staging, retired / "site", users):
        (folder / MARKER).write_text("", encoding="utf-8")
    (retired / "site").chmod(0o555)  # read-only parts are removed too
    with staged_dir(site) as building:
        (building / "page.html").write_text("x", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["site", ".site-backup", ".site.staging-zzzz9999"]
    )


def test_a_site_that_cannot_be_replaced_is_an_error_and_leaves_it_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    site = tmp_path / "site"
    with staged_dir(site) as building:
        (building / "page.html").write_text("old", encoding="utf-8")
    rename = Path.rename

    def refused(self: Path, target: str | os.PathLike[str]) -> Path:
        if self == site:
            raise PermissionError(13, "Permission denied")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", refused)
    with pytest.raises(DsfrAccordionError, match="Permission denied"), staged_dir(site) as new:
        (new / "page.html").write_text("new", encoding="utf-8")
    assert (site / "page.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# --- what the command line shows: names and quoted lines cannot drive the terminal ----------


def test_a_file_name_with_escape_sequences_is_shown_escaped(tmp_path: Path):
    name = tmp_path / "a\x1b[2Jb\rc.yaml"
    result = run_cli("render", str(name))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\r" not in result.stderr
    assert "a\\x1b[2Jb\\x0dc.yaml" in result.stderr


def test_check_s_text_report_escapes_the_page_s_control_characters(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text('<p id="x">\x1b[31mrouge</p><p id="x">b</p>\n', encoding="utf-8")
    result = run_cli("check", str(page))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "\\x1b[31mrouge" in result.stdout
    as_json = run_cli("check", str(page), "--format", "json")
    assert "\x1b" not in as_json.stdout  # JSON escapes control characters itself


def test_check_reads_a_fifo_as_a_page(tmp_path: Path):
    with fifo_written(tmp_path / "page.html", "<p>x</p>") as fifo:
        result = run_cli("check", str(fifo))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no such file" not in result.stderr
