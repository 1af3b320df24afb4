"""The pytest plugin: a site builder's own suite audits its pages with ``dsfr_audit``."""

from __future__ import annotations

import shutil

import pytest

import dsfr_accordion
from tests.conftest import DSFR_DIST, EXAMPLES
from tests.test_audit_static import SEED
from tests.test_check_scale import broken_page


@pytest.fixture
def site(pytester: pytest.Pytester):
    """A built site in the pytester folder: one clean page."""
    folder = pytester.path / "site"
    folder.mkdir()
    document = dsfr_accordion.load(EXAMPLES / "si-samu.md")
    (folder / "index.html").write_text(dsfr_accordion.render_page(document), "utf-8")
    return folder


def test_clean_site_passes(pytester: pytest.Pytester, site):
    pytester.makepyfile(
        """
        def test_site(dsfr_audit):
            results = dsfr_audit.check("site/")
            assert [r.path for r in results] == ["site/index.html"]
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_findings_fail_the_test_with_a_readable_list(pytester: pytest.Pytester, site):
    shutil.copy(SEED, site / "legacy.html")
    pytester.makepyfile(
        """
        def test_site(dsfr_audit):
            dsfr_audit.check("site/")
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "site/legacy.html",
            "  site/legacy.html:60:113: error: aria-controls='qui' refers to no element "
            "with this id (dangling-reference, RGAA 8.2)",
            "*hint: point aria-controls at the id of an element of the page, or remove it",
            "files checked: 2, errors: 15, warnings: 0",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_warnings_fail_only_when_asked(pytester: pytest.Pytester, site):
    (site / "index.html").write_text('<a href="#nowhere">Lien</a>\n', "utf-8")
    pytester.makepyfile(
        """
        import pytest

        def test_errors_only(dsfr_audit):
            dsfr_audit.check("site/")

        def test_warnings_too(dsfr_audit):
            dsfr_audit.check("site/", fail_on="warning")
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1, failed=1)


@pytest.mark.browser
def test_browser_check_runs_axe_and_the_dsfr_javascript(
    pytester: pytest.Pytester, site, browser_session
):
    """browser=True runs the three checks; checks= chooses among them, on the one session
    of the test process (a page whose accordion does not open fails only the behaviour
    checks, and a test asking for axe-core after them still gets it)."""
    (site.parent / "broken.html").write_text(broken_page(), "utf-8")
    pytester.makepyfile(
        """
        import pytest

        def test_site(dsfr_audit):
            dsfr_audit.check("site/", browser=True)

        def test_broken_in_the_browser(dsfr_audit):
            dsfr_audit.check("broken.html", browser=True)

        def test_broken_behaviour(dsfr_audit):
            dsfr_audit.check("broken.html", checks="behaviour")

        def test_broken_static_and_axe(dsfr_audit):
            results = dsfr_audit.check("broken.html", checks=["static", "axe"])
            assert {f.kind.check.value for f in results[0].findings} == {"static", "axe"}

        def test_both_is_a_mistake(dsfr_audit):
            with pytest.raises(TypeError):
                dsfr_audit.check("broken.html", browser=True, checks="axe")
        """
    )
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", f"--dsfr-dist={DSFR_DIST}", "-v"
    )
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*::test_broken_in_the_browser FAILED*",
            "*::test_broken_behaviour FAILED*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_pages_gives_one_test_per_page(pytester: pytest.Pytester, site):
    shutil.copy(SEED, site / "legacy.html")
    pytester.makepyfile(
        """
        import pytest
        from dsfr_accordion.pytest_plugin import pages

        @pytest.mark.parametrize("page", pages("site/"))
        def test_page(dsfr_audit, page):
            dsfr_audit.check(page, checks="static")
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        ["*test_page[[]site/index.html[]] PASSED*", "*test_page[[]site/legacy.html[]] FAILED*"]
    )


def test_bad_checks_fail_the_test_with_the_message(pytester: pytest.Pytester, site):
    pytester.makepyfile(
        """
        def test_site(dsfr_audit):
            dsfr_audit.check("site/", checks="static,axes")
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*error: --checks 'static,axes': 'axes' is not a check"])


def test_input_errors_fail_with_the_message(pytester: pytest.Pytester):
    pytester.makepyfile(
        """
        def test_site(dsfr_audit):
            dsfr_audit.check("absent/")
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*absent: error: cannot read the file: no such file or folder"])


def test_under_pytest_xdist_each_worker_has_its_own_browser(
    pytester: pytest.Pytester, site, browser_session
):
    """pytest -n 2: the pages are shared out between two worker processes, each with one
    browser session of its own (started by its first browser check), each failure
    named by its page."""
    for copy in range(1, 4):
        shutil.copy(site / "index.html", site / f"copy-{copy}.html")
    (site / "broken.html").write_text(broken_page(), "utf-8")
    pytester.makepyfile(
        """
        import os
        import pytest
        from dsfr_accordion.pytest_plugin import pages

        @pytest.mark.parametrize("page", pages("site/"))
        def test_page(dsfr_audit, dsfr_browser, page):
            try:
                dsfr_audit.check(page, checks="axe,behaviour")
            finally:
                with open(f"sessions-{os.getpid()}.txt", "a", encoding="utf-8") as out:
                    out.write(f"{id(dsfr_browser.get())}\\n")
        """
    )
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", f"--dsfr-dist={DSFR_DIST}", "-n", "2", "-v"
    )
    result.assert_outcomes(passed=4, failed=1)
    result.stdout.fnmatch_lines(["*FAILED*test_page[[]site/broken.html[]]*"])
    workers = sorted(pytester.path.glob("sessions-*.txt"))
    assert len(workers) == 2  # two processes shared the five pages
    for worker in workers:
        # One session per worker, for every page it audited.
        assert len(set(worker.read_text(encoding="utf-8").split())) == 1
