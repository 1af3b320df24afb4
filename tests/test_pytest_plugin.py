"""The pytest plugin: a site builder's own suite audits its pages with ``dsfr_audit``."""

from __future__ import annotations

import shutil

import pytest

import dsfr_accordion
from tests.conftest import DSFR_DIST, EXAMPLES
from tests.test_audit_static import SEED


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
    pytester.makepyfile(
        """
        def test_site(dsfr_audit):
            dsfr_audit.check("site/", browser=True)
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", f"--dsfr-dist={DSFR_DIST}")
    result.assert_outcomes(passed=1)


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
