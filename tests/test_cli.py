"""The command line: render, options, atomic output, messages and exit statuses."""

from __future__ import annotations

import argparse
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

import dsfr_accordion
from dsfr_accordion.cli import build_parser, main
from tests.accordion_contract import by_class, contract_problems
from tests.conftest import DSFR_DIST, EXAMPLES, parse_html, run_cli

CLOUD = str(EXAMPLES / "temoignages-cloud.yaml")


def test_render_writes_the_fragment_to_stdout():
    result = run_cli("render", CLOUD)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    document = dsfr_accordion.load(CLOUD)
    assert result.stdout == dsfr_accordion.render(document) + "\n"


def test_render_output_is_byte_identical_across_runs(tmp_path: Path):
    outputs = []
    for run in range(2):
        target = tmp_path / f"page-{run}.html"
        assert run_cli("render", CLOUD, "--page", "-o", str(target)).returncode == 0
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def test_render_options_reach_the_markup(capsys):
    status = main(
        [
            "render",
            CLOUD,
            "--heading-level",
            "4",
            "--open",
            "first",
            "--grouped",
            "--id-prefix",
            "t-",
            "--reserve-id",
            "t-header",
        ]
    )
    assert status == 0
    tree, errors = parse_html(capsys.readouterr().out, fragment=True)
    assert errors == []
    assert contract_problems(tree) == []
    assert by_class(tree, "fr-accordion__title")[0].tag == "h4"
    assert by_class(tree, "fr-accordions-group")[0].get("data-fr-group") == "true"
    buttons = list(tree.iter("button"))
    assert [b.get("aria-expanded") for b in buttons] == ["true", "false", "false", "false"]
    assert [b.get("aria-controls") for b in buttons] == [
        "t-geoplateforme",
        "t-ans",
        "t-shom",
        "t-cancerologie",
    ]


def test_reserved_id_that_content_asks_for_is_an_error():
    result = run_cli("render", CLOUD, "--id-prefix", "t-", "--reserve-id", "t-ans")
    assert result.returncode == 2
    assert result.stderr.startswith(f"{CLOUD}:53:5: error: id 't-ans' is reserved by the host page")


def test_panels_are_independent_by_default(capsys):
    assert main(["render", CLOUD]) == 0
    assert 'data-fr-group="false"' in capsys.readouterr().out
    assert main(["render", CLOUD, "--independent"]) == 0
    assert 'data-fr-group="false"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("flags", "features"),
    [
        ([], "open-without-js find-in-page show-all"),
        (["--no-open-without-js", "--no-show-all", "--permalinks"], "find-in-page permalinks"),
        (["--no-open-without-js", "--no-find-in-page", "--no-show-all"], None),
    ],
)
def test_enhancement_options(capsys, flags, features):
    assert main(["render", CLOUD, *flags]) == 0
    (group,) = by_class(
        parse_html(capsys.readouterr().out, fragment=True)[0], "fr-accordions-group"
    )
    assert group.get("data-dsfr-accordion") == features


CDN_NOTICE = "the pages link the DSFR release on its CDN, which does not serve"


@pytest.mark.parametrize(
    ("command", "told"),
    [
        (["render", CLOUD, "--page"], None),  # the defaults: quietly without
        (["render", CLOUD, "--page", "--permalinks", "--show-all"], "--show-all, --permalinks"),
        (["render", CLOUD, "--permalinks"], None),  # a fragment: the host page links them
        (["render", CLOUD, "--page", "--no-show-all"], None),
        (["build", CLOUD, "--find-in-page"], "--find-in-page"),
    ],
)
def test_enhancements_asked_for_on_a_page_linking_the_cdn_are_told(
    tmp_path: Path, command: list[str], told: str | None
):
    output = tmp_path / ("page.html" if command[0] == "render" else "site")
    result = run_cli(*command, "-o", str(output))
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if CDN_NOTICE in line]
    if told is None:
        assert notices == []
    else:
        (notice,) = notices
        assert notice.startswith(f"{told}: {CDN_NOTICE} ")
        assert notice.endswith("give --dsfr-dist DIR to copy the files beside the pages")


def test_no_notice_when_the_files_are_copied(tmp_path: Path):
    result = run_cli(
        "render", CLOUD, "--page", "--permalinks", "--dsfr-dist", str(DSFR_DIST),
        "-o", str(tmp_path / "page.html"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert CDN_NOTICE not in result.stderr
    assert "dsfr-accordion-permalink" in (tmp_path / "page.html").read_text(encoding="utf-8")


def test_page_with_dsfr_dist_copies_the_files_it_links(tmp_path: Path):
    if not (DSFR_DIST / "dsfr.min.css").is_file():
        pytest.fail(f"npm DSFR assets missing at {DSFR_DIST}: run make test")
    target = tmp_path / "site" / "page.html"
    status = main(["render", CLOUD, "--page", "-o", str(target), "--dsfr-dist", str(DSFR_DIST)])
    assert status == 0
    tree, errors = parse_html(target.read_text(encoding="utf-8"))
    assert errors == []
    linked = [link.get("href") for link in tree.iter("link") if link.get("rel") == "stylesheet"]
    linked += [s.get("src") for s in tree.iter("script") if s.get("src")]
    assert "dsfr/dsfr-accordion.js" in linked  # the enhancements, on by default
    for href in linked:
        assert (target.parent / href).is_file(), href
    assert (target.parent / "dsfr" / "fonts" / "Marianne-Regular.woff2").is_file()
    assert (target.parent / "dsfr" / "icons" / "system" / "check-line.svg").is_file()
    assert sorted(p.name for p in target.parent.iterdir()) == ["dsfr", "page.html"]


def test_output_file_is_replaced_atomically(tmp_path: Path):
    target = tmp_path / "out.html"
    target.write_text("previous")
    assert main(["render", CLOUD, "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith('<div class="fr-accordions-group"')
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_bad_content_leaves_the_previous_output_untouched(tmp_path: Path, write):
    bad = write("bad.yaml", "title: T\ntestimonials: []\n")
    target = tmp_path / "out.html"
    target.write_text("previous")
    result = run_cli("render", str(bad), "-o", str(target))
    assert result.returncode == 2
    assert target.read_text() == "previous"
    assert result.stderr == (
        f"{bad}:2:15: error: 'testimonials' holds no entry\n"
        "  hint: add at least one entry to testimonials\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dsfr-dist", "x"], "--dsfr-dist needs --page and -o OUTPUT"),
        (["--page", "--dsfr-dist", "x"], "--dsfr-dist needs --page and -o OUTPUT"),
        (["--lang", "de"], "no 'de' catalogue for"),
        (["--id-prefix", "1-"], "invalid id prefix '1-'"),
    ],
)
def test_bad_options_exit_2_with_one_message(args, message):
    result = run_cli("render", CLOUD, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "hint:" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_dsfr_dist_that_is_not_a_dist_folder(tmp_path: Path):
    result = run_cli(
        "render", CLOUD, "--page", "-o", str(tmp_path / "p.html"), "--dsfr-dist", str(tmp_path)
    )
    assert result.returncode == 2
    assert f"{tmp_path} is not a DSFR dist folder: dsfr.min.css is missing" in result.stderr
    assert not (tmp_path / "p.html").exists()


def test_output_over_the_input_is_refused(tmp_path: Path):
    content = tmp_path / "c.md"
    content.write_text((EXAMPLES / "si-samu.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("render", str(content), "-o", str(content))
    assert result.returncode == 2
    assert "would overwrite or contain the input" in result.stderr
    assert content.read_text(encoding="utf-8").startswith("---")


def test_unknown_language_code():
    result = run_cli("render", CLOUD, "--lang", "not a language")
    assert result.returncode == 2
    assert "unknown language 'not a language'" in result.stderr


@pytest.mark.parametrize("value", ["0", "-1", "ten"])
def test_max_size_must_be_a_positive_number_of_megabytes(value: str):
    result = run_cli("render", CLOUD, "--max-size", value)
    assert result.returncode == 2
    assert f"argument --max-size: '{value}' is not a positive number of megabytes" in result.stderr


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["render"], "big.yaml"),
        (["build", "-o", "{tmp}/site"], "big.yaml"),
        (["i18n", "stats"], "big.yaml"),
        (["import"], "big.html"),
        (["check"], "big.html"),
    ],
)
def test_every_command_that_reads_files_takes_the_max_size_its_hint_names(
    tmp_path: Path, command: list[str], name: str
):
    big = tmp_path / name
    big.write_text("x" * (1024 * 1024 + 1), encoding="utf-8")
    args = [part.format(tmp=tmp_path) for part in command]
    refused = run_cli(*args, str(big), "--max-size", "1")
    assert refused.returncode == 2
    assert "more than the limit of 1048576" in refused.stderr
    assert "raise the limit with --max-size 2" in refused.stderr
    assert "Traceback" not in refused.stderr
    allowed = run_cli(*args, str(big), "--max-size", "2")
    assert "more than the limit" not in allowed.stderr


def test_unwritable_output_is_a_clear_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run_cli("render", CLOUD, "-o", str(blocker / "page.html"))
    assert result.returncode == 2
    assert f"cannot write {blocker / 'page.html'}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["render", CLOUD, "--heading-level", "7"],
        ["render", CLOUD, "--open", "some"],
        ["render"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args):
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_debug_shows_the_traceback(write):
    bad = write("bad.yaml", "title: T\n")
    assert "Traceback" not in run_cli("render", str(bad)).stderr
    result = run_cli("--debug", "render", str(bad))
    assert result.returncode != 0
    assert "Traceback" in result.stderr
    assert "ContentError" in result.stderr


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == (
        f"dsfr-accordion {dsfr_accordion.__version__} (DSFR {dsfr_accordion.DSFR_VERSION})"
    )


def test_help_documents_every_render_option():
    help_text = run_cli("render", "--help").stdout
    parser = build_parser()
    render_parser = parser._subparsers._group_actions[0].choices["render"]
    for action in render_parser._actions:
        if action.help == argparse.SUPPRESS:
            continue  # --debug, --quiet, --verbose: the top-level help lists them
        for flag in action.option_strings:
            assert flag in help_text
        assert action.help


def _commands(parser: argparse.ArgumentParser) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every parser under ``parser`` by its command words (``("i18n", "stats")``)."""
    found: dict[tuple[str, ...], argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found[(name,)] = child
                found |= {(name, *words): leaf for words, leaf in _commands(child).items()}
    return found


def test_commands_declared_when_parsed_help_and_read_as_declared_ones(
    capsys: pytest.CaptureFixture[str],
):
    """main() declares a command (and imports its module) only when it is parsed:
    its help, its defaults and its errors are those of the parser declared whole."""
    declared = _commands(build_parser())
    assert len(declared) == 9  # render, build, i18n and its 4 actions, check, import
    for words, parser in declared.items():
        with pytest.raises(SystemExit):
            build_parser(declared=False).parse_args([*words, "--help"])
        assert capsys.readouterr().out == parser.format_help(), words
    lazy = build_parser(declared=False)
    assert vars(lazy.parse_args(["render", CLOUD])) == vars(
        build_parser().parse_args(["render", CLOUD])
    )
    with pytest.raises(SystemExit):
        lazy.parse_args(["render", CLOUD, "--brwser"])  # another command's option, suggested
    assert "did you mean '--browser'?" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["rendr", CLOUD], "did you mean 'render'?"),
        (["render", CLOUD, "--pgae"], "did you mean '--page'?"),
        (["render", CLOUD, "--open", "frist"], "did you mean 'first'?"),
    ],
)
def test_typos_get_a_suggestion(args, suggestion):
    result = run_cli(*args)
    assert result.returncode == 2
    assert suggestion in result.stderr


def test_quiet_and_verbose(tmp_path: Path):
    content = str(EXAMPLES / "si-samu.md")
    quiet = run_cli("-q", "build", content, "-o", str(tmp_path / "q"), "--langs", "fr,en")
    assert quiet.returncode == 0
    assert quiet.stderr == ""
    verbose = run_cli("-v", "build", content, "-o", str(tmp_path / "v"), "--langs", "fr,en")
    assert verbose.returncode == 0
    assert verbose.stderr.splitlines() == [
        str(tmp_path / "v" / "fr" / "si-samu.html"),
        str(tmp_path / "v" / "en" / "si-samu.html"),
    ]


def _stderr_on_a_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """Run the command line with stderr on a pseudo-terminal; return what it showed."""
    leader, follower = pty.openpty()
    subprocess.run(
        [sys.executable, "-m", "dsfr_accordion", *args],
        stderr=follower,
        stdout=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        check=False,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks).decode()


def test_errors_are_coloured_on_a_terminal_only():
    coloured = _stderr_on_a_terminal("render", "absent.yaml")
    assert "\x1b[31m" in coloured and "error:" in coloured
    plain = _stderr_on_a_terminal("render", "absent.yaml", env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain and "error:" in plain
    assert "\x1b[" not in run_cli("render", "absent.yaml").stderr


def test_build_shows_progress_on_a_terminal_only(tmp_path: Path):
    content = str(EXAMPLES / "si-samu.md")
    shown = _stderr_on_a_terminal("build", content, "-o", str(tmp_path / "a"), "--langs", "fr,en")
    assert "[1/2] fr/si-samu.html" in shown and "[2/2] en/si-samu.html" in shown
    plain = run_cli("build", content, "-o", str(tmp_path / "b"), "--langs", "fr,en")
    assert "[1/2]" not in plain.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_go_before_or_after_the_command(write, where: str):
    bad = write("bad.yaml", "title: T\ntestimonials: []\n")
    args = ["--debug", "render", str(bad)] if where == "before" else ["render", str(bad), "--debug"]
    result = run_cli(*args)
    assert "Traceback (most recent call last)" in result.stderr
    assert "did you mean" not in result.stderr
    quiet = run_cli("i18n", "stats", str(EXAMPLES / "si-samu.md"), "--quiet")
    assert quiet.returncode == 0, quiet.stderr
    plain = run_cli("render", str(bad))
    assert "Traceback" not in plain.stderr
