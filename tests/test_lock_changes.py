"""make lock records each upgrade in the changelog (tools/lock_changes.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT

TOOL = ROOT / "tools" / "lock_changes.py"


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lock_changes", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lock(path: Path, **packages: str) -> Path:
    entries = [
        f'[[package]]\nname = "{name}"\nversion = "{version}"\n'
        'source = { registry = "https://pypi.org/simple" }\n'
        for name, version in packages.items()
    ]
    entries.append('[[package]]\nname = "dsfr-accordion"\nsource = { editable = "." }\n')
    path.write_text("version = 1\n\n" + "\n".join(entries), encoding="utf-8")
    return path


def test_changes_name_every_added_removed_and_moved_package(tmp_path):
    lock_changes = tool()
    old = lock_changes.versions(lock(tmp_path / "a", babel="2.18.0", six="1.17.0", nh3="0.3"))
    new = lock_changes.versions(lock(tmp_path / "b", babel="2.19.0", nh3="0.3", uv="0.13.9"))
    assert lock_changes.changes(old, new) == [
        "babel 2.18.0 → 2.19.0",
        "six 1.17.0 (removed)",
        "uv 0.13.9 (added)",
    ]


def test_the_entry_goes_first_in_the_unreleased_changed_section():
    lock_changes = tool()
    changelog = (
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n\n### Changed\n\n- b\n\n"
        "## [0.1.0] - 2026-01-01\n\n### Added\n\n- c\n"
    )
    assert lock_changes.recorded(changelog, ["babel 1 → 2"], "2026-12-03") == (
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n\n### Changed\n\n"
        "- Locked dependencies upgraded (`make lock`, 2026-12-03): babel 1 → 2.\n- b\n\n"
        "## [0.1.0] - 2026-01-01\n\n### Added\n\n- c\n"
    )


def test_a_changed_section_is_made_when_unreleased_has_none():
    lock_changes = tool()
    changelog = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n\n## [0.1.0]\n\n- c\n"
    assert lock_changes.recorded(changelog, ["six 1 (removed)"], "2026-12-03") == (
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n\n### Changed\n\n"
        "- Locked dependencies upgraded (`make lock`, 2026-12-03): six 1 (removed).\n\n"
        "## [0.1.0]\n\n- c\n"
    )
    last = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n"
    assert lock_changes.recorded(last, ["x 1 → 2"], "d").endswith(
        "- a\n\n### Changed\n\n- Locked dependencies upgraded (`make lock`, d): x 1 → 2.\n"
    )


def test_the_same_versions_write_nothing(tmp_path):
    old = lock(tmp_path / "a", babel="2.19.0")
    new = lock(tmp_path / "b", babel="2.19.0")
    before = (ROOT / "docs" / "changelog.md").read_bytes()
    result = subprocess.run(
        [sys.executable, str(TOOL), str(old), str(new)], capture_output=True, text=True, check=True
    )
    assert result.stdout == "no version changed\n"
    assert (ROOT / "docs" / "changelog.md").read_bytes() == before


def test_the_changelog_has_an_unreleased_section_with_keep_a_changelog_headings():
    text = (ROOT / "docs" / "changelog.md").read_text(encoding="utf-8")
    assert "\n## [Unreleased]\n" in text
    kinds = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    headings = [line[4:] for line in text.splitlines() if line.startswith("### ")]
    assert headings and set(headings) <= kinds, headings
