"""The integration examples of examples/integrations/ work as their README says.

Each example is run the way a site builder would run it: the Jinja site's build
script as a command, the Flask app through its test client, the Django project
in its own process (Django's settings are global to a process), and the CI
snippet is parsed and checked against ``check --help``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from xml.etree.ElementTree import Element

import pytest
import yaml

import dsfr_accordion
from tests.accordion_contract import by_class, contract_problems, text_of
from tests.conftest import EXAMPLES, ROOT, parse_html, run_cli

INTEGRATIONS = EXAMPLES / "integrations"
LANGS = ("fr", "en")
#: The <h1> of each language: the document's title and its translation.
TITLES = {"fr": "Témoignages", "en": "Testimonials"}
#: The panels of examples/temoignages-cloud.yaml (explicit ids, the same in every language).
CONTENT_IDS = ["geoplateforme", "ans", "shom", "cancerologie"]
FAQ_IDS = ["faq-publier", "faq-traduire"]


def load_module(name: str, path: Path) -> ModuleType:
    """Import the example file ``path`` as module ``name`` (examples are not a package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def page_problems(html: str, lang: str) -> list[str]:
    """Every way ``html`` is not a sound page in ``lang`` (empty when it is one)."""
    tree, errors = parse_html(html)
    problems = [f"parse error {error!r}" for error in errors]
    problems += contract_problems(tree)
    if tree.get("lang") != lang:
        problems.append(f"<html lang={tree.get('lang')!r}>")
    ids = {e.get("id") for e in tree.iter() if e.get("id") is not None}
    for element in tree.iter():
        for attribute in ("aria-controls", "aria-labelledby"):
            target = element.get(attribute)
            if target is not None and target not in ids:
                problems.append(f"{attribute}={target!r} points at nothing")
        href = element.get("href") or ""
        if href.startswith("#") and href[1:] not in ids:
            problems.append(f"href={href!r} points at nothing")
    return problems


def accordion_ids(tree: Element) -> list[str]:
    """The panel ids of every accordion of the page, in order."""
    return [
        panel.get("id", "")
        for section in by_class(tree, "fr-accordion")
        for panel in section
        if "fr-collapse" in (panel.get("class") or "").split()
    ]


def check_testimonials_page(html: str, lang: str) -> Element:
    """Assert ``html`` is the testimonials page in ``lang``; return its tree."""
    assert page_problems(html, lang) == []
    tree, _ = parse_html(html)
    assert [text_of(h) for h in tree.iter("h1")] == [TITLES[lang]]
    # The site's own layout is there, around the library's accordions.
    assert by_class(tree, "fr-header") and by_class(tree, "fr-footer")
    # Without the header's menu, no accordion opened under the DSFR JavaScript
    # (found by check --browser): keep it in every layout.
    assert by_class(tree, "fr-header__menu-links")
    assert accordion_ids(tree)[: len(CONTENT_IDS)] == CONTENT_IDS
    return tree


# ---------------------------------------------------------------------------
# Plain Jinja2 static site


@pytest.fixture(scope="module")
def jinja_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by the example's script, run as a command."""
    output = tmp_path_factory.mktemp("jinja-site") / "site"
    result = subprocess.run(
        [sys.executable, str(INTEGRATIONS / "jinja_site" / "build.py"), str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(output / lang / "temoignages.html") for lang in LANGS]
    return output


@pytest.mark.parametrize("lang", LANGS)
def test_jinja_site_pages_are_sound(jinja_site: Path, lang: str):
    html = (jinja_site / lang / "temoignages.html").read_text(encoding="utf-8")
    tree = check_testimonials_page(html, lang)
    # The hand-written FAQ comes after the rendered testimonials, through the macro.
    assert accordion_ids(tree) == CONTENT_IDS + FAQ_IDS
    assert [text_of(h) for h in tree.iter("h2") if "fr-accordion__title" in (h.get("class") or "")]
    other = next(code for code in LANGS if code != lang)
    assert f'href="../{other}/temoignages.html" hreflang="{other}" lang="{other}"' in html


def test_jinja_site_english_page_is_translated(jinja_site: Path):
    html = (jinja_site / "en" / "temoignages.html").read_text(encoding="utf-8")
    assert "Could you briefly describe the project?" in html
    assert "Pouvez-vous décrire" not in html


def test_jinja_site_faq_ids_give_way_to_the_content(monkeypatch: pytest.MonkeyPatch):
    """An FAQ id the content already uses is suffixed, not duplicated: one allocator."""
    build = load_module("jinja_site_build", INTEGRATIONS / "jinja_site" / "build.py")
    document = dsfr_accordion.Document(
        title="Témoignages",
        testimonials=(
            dsfr_accordion.Testimonial(
                title="Publier",
                id="faq-publier",
                items=(
                    dsfr_accordion.Item("Comment ?", (dsfr_accordion.Paragraph("Par courriel."),)),
                ),
            ),
        ),
    )
    html = build.build_page(build.environment(), document, "fr", None)
    assert page_problems(html, "fr") == []
    tree, _ = parse_html(html)
    assert accordion_ids(tree) == ["faq-publier", "faq-publier-2", "faq-traduire"]


def test_jinja_site_refuses_a_layout_id_in_the_content():
    """An explicit content id equal to one the layout writes is an error, not a duplicate."""
    build = load_module("jinja_site_build", INTEGRATIONS / "jinja_site" / "build.py")
    document = dsfr_accordion.Document(
        title="T",
        testimonials=(
            dsfr_accordion.Testimonial(
                title="Contenu",
                id="contenu",
                items=(dsfr_accordion.Item("Q ?", (dsfr_accordion.Paragraph("R."),)),),
            ),
        ),
    )
    with pytest.raises(dsfr_accordion.ContentError):
        build.build_page(build.environment(), document, "fr", None)


# ---------------------------------------------------------------------------
# Flask


@pytest.fixture(scope="module")
def flask_client():
    app = load_module("flask_example_app", INTEGRATIONS / "flask_app" / "app.py").app
    app.testing = True
    return app.test_client()


@pytest.mark.parametrize("lang", LANGS)
def test_flask_page_is_sound(flask_client, lang: str):
    response = flask_client.get(f"/{lang}/temoignages")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    tree = check_testimonials_page(response.get_data(as_text=True), lang)
    assert accordion_ids(tree) == CONTENT_IDS + FAQ_IDS


@pytest.mark.parametrize("path", ["/de/temoignages", "/FR/temoignages", "/fr/autre"])
def test_flask_unknown_page_is_404(flask_client, path: str):
    assert flask_client.get(path).status_code == 404


def test_flask_root_redirects_to_the_content_language(flask_client):
    response = flask_client.get("/")
    assert response.status_code == 302
    assert response.location.endswith("/fr/temoignages")


# ---------------------------------------------------------------------------
# Django, in its own process: its settings are global to a process.

DJANGO_CLIENT = """
import json
import django
from django.test import Client
from django.test.utils import setup_test_environment

django.setup()
setup_test_environment()  # lets the test client's host, "testserver", in
client = Client()
pages = {}
for path in ("/fr/temoignages", "/en/temoignages", "/de/temoignages", "/"):
    response = client.get(path)
    pages[path] = {
        "status": response.status_code,
        "body": response.content.decode("utf-8"),
        "location": response.get("Location"),
        "language": response.get("Content-Language"),
    }
print(json.dumps(pages))
"""


@pytest.fixture(scope="module")
def django_pages() -> dict[str, dict]:
    project = INTEGRATIONS / "django_project"
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "temoignages_site.settings"}
    env.pop("DJANGO_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-c", DJANGO_CLIENT],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("lang", LANGS)
def test_django_page_is_sound(django_pages: dict[str, dict], lang: str):
    page = django_pages[f"/{lang}/temoignages"]
    assert page["status"] == 200
    assert page["language"] == lang
    tree = check_testimonials_page(page["body"], lang)
    assert accordion_ids(tree) == CONTENT_IDS
    # |safe inserted the library's HTML once, not escaped.
    assert "&lt;section" not in page["body"]


def test_django_unknown_language_is_404(django_pages: dict[str, dict]):
    assert django_pages["/de/temoignages"]["status"] == 404


def test_django_root_redirects(django_pages: dict[str, dict]):
    assert django_pages["/"]["status"] == 302
    assert django_pages["/"]["location"] == "/fr/temoignages"


def test_django_project_needs_no_database():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=INTEGRATIONS / "django_project",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not list((INTEGRATIONS / "django_project").glob("*.sqlite3"))


# ---------------------------------------------------------------------------
# CI snippet and README


def test_ci_snippet_installs_chromium_and_runs_check_browser():
    workflow = yaml.safe_load((INTEGRATIONS / "ci" / "check-site.yml").read_text("utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step["run"] for step in steps if "run" in step]
    assert any("chromium chromium-driver" in run for run in runs)
    checks = [run for run in runs if "dsfr_accordion check --browser" in run]
    merges = [run for run in runs if "dsfr_accordion check --merge" in run]
    assert len(checks) == 1 and len(merges) == 1
    # Every option the snippet gives exists in the real command.
    help_text = run_cli("check", "--help").stdout
    for option in re.findall(r"--[a-z-]+", checks[0] + merges[0]):
        assert option in help_text, option
    # The build step runs the Jinja example, whose output the check then reads.
    assert any("jinja_site/build.py" in run for run in runs)


def test_ci_snippet_merges_every_shard_of_its_matrix():
    """The matrix names each part once, SHARDS is its length, every part's report is
    uploaded under the name the merge job downloads, and the merge waits for them."""
    workflow = yaml.safe_load((INTEGRATIONS / "ci" / "check-site.yml").read_text("utf-8"))
    check_job, report_job = workflow["jobs"]["check-site"], workflow["jobs"]["report"]
    shards = check_job["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1)) and len(shards) > 1
    assert check_job["env"]["SHARDS"] == str(len(shards))
    assert check_job["strategy"]["fail-fast"] is False
    (check,) = [s["run"] for s in check_job["steps"] if "--shard" in s.get("run", "")]
    assert '--shard "${{ matrix.shard }}/$SHARDS"' in check
    assert "--fail-on none --format json" in check
    assert check.endswith('> "dsfr-check-${{ matrix.shard }}.json"')
    (upload,) = [s for s in check_job["steps"] if s.get("uses", "").startswith("actions/upload")]
    assert upload["with"]["path"] == "dsfr-check-${{ matrix.shard }}.json"
    assert report_job["needs"] == "check-site"
    (download,) = [s for s in report_job["steps"] if "download" in s.get("uses", "")]
    assert download["with"] == {"pattern": "dsfr-check-*", "merge-multiple": True}
    (merge,) = [s["run"] for s in report_job["steps"] if "--merge" in s.get("run", "")]
    assert "dsfr-check-*.json" in merge and "--fail-on error" in merge


def test_ci_snippet_commands_merge_to_the_whole_report(tmp_path: Path):
    """The matrix's commands, run here without the browser on the Jinja example's
    site: the merged report is the report of one job."""
    site = tmp_path / "site"
    build = INTEGRATIONS / "jinja_site" / "build.py"
    subprocess.run([sys.executable, str(build), str(site)], check=True, cwd=ROOT)
    reports = []
    for shard in (1, 2, 3):
        part = run_cli("check", "--shard", f"{shard}/3", "--fail-on", "none", "--format",
                       "json", str(site))  # fmt: skip
        assert (part.returncode, part.stderr) == (0, "")
        reports.append(tmp_path / f"dsfr-check-{shard}.json")
        reports[-1].write_text(part.stdout, "utf-8")
    merged = run_cli("check", "--merge", "--fail-on", "error", *map(str, reports))
    whole = run_cli("check", "--format", "json", str(site))
    assert (merged.returncode, merged.stdout) == (whole.returncode, whole.stdout)


def test_integrations_readme_covers_every_example_and_is_linked():
    readme = (INTEGRATIONS / "README.md").read_text(encoding="utf-8")
    for name in ("jinja_site/", "flask_app/", "django_project/", "ci/check-site.yml"):
        assert name in readme, name
    assert "examples/integrations/README.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_integrations_readme_python_runs(monkeypatch: pytest.MonkeyPatch):
    """The README's Python blocks run as written, from the repository's root."""
    readme = (INTEGRATIONS / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", readme, flags=re.MULTILINE | re.DOTALL)
    assert blocks
    monkeypatch.chdir(ROOT)
    for block in blocks:
        namespace: dict[str, object] = {}
        exec(compile(block, "examples/integrations/README.md", "exec"), namespace)
        assert 'aria-controls="geoplateforme"' in str(namespace["accordions"])
