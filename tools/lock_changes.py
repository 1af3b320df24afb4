"""Record what ``make lock`` changed in uv.lock under [Unreleased] in docs/changelog.md.

    python tools/lock_changes.py OLD_LOCK NEW_LOCK

Prints one line per package added, removed or moved to another version, and adds
them as one entry of the "Changed" section of [Unreleased] (made when missing),
so that an upgrade is reviewed and released like any other change. Prints
"no version changed" and writes nothing when the two locks pin the same versions.
"""

from __future__ import annotations

import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parent.parent / "docs" / "changelog.md"
UNRELEASED = "## [Unreleased]"
CHANGED = "### Changed"


def versions(lock: Path) -> dict[str, str]:
    """Every package of a registry in ``lock``: name -> version."""
    packages = tomllib.loads(lock.read_text(encoding="utf-8"))["package"]
    return {p["name"]: p["version"] for p in packages if p["source"].get("registry")}


def changes(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """``name old → new``, ``name new (added)`` or ``name old (removed)``, sorted by name."""
    lines = []
    for name in sorted(old.keys() | new.keys()):
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if before is None:
            lines.append(f"{name} {after} (added)")
        elif after is None:
            lines.append(f"{name} {before} (removed)")
        else:
            lines.append(f"{name} {before} → {after}")
    return lines


def recorded(changelog: str, lines: list[str], day: str) -> str:
    """``changelog`` with one entry listing ``lines`` in [Unreleased]'s "Changed" section."""
    entry = f"- Locked dependencies upgraded (`make lock`, {day}): " + ", ".join(lines) + ".\n"
    start = changelog.index(UNRELEASED)
    end = changelog.find("\n## ", start + len(UNRELEASED))
    end = len(changelog) if end < 0 else end + 1
    section = changelog[start:end]
    if CHANGED in section:
        at = section.index(CHANGED) + len(CHANGED) + 1
        section = section[:at] + "\n" + entry + section[at:].lstrip("\n")
    else:
        section = section.rstrip("\n") + f"\n\n{CHANGED}\n\n{entry}"
        section += "\n" if end < len(changelog) else ""
    return changelog[:start] + section + changelog[end:]


def main(old_lock: str, new_lock: str) -> int:
    lines = changes(versions(Path(old_lock)), versions(Path(new_lock)))
    if not lines:
        print("no version changed")
        return 0
    print("\n".join(lines))
    day = datetime.now(UTC).date().isoformat()
    CHANGELOG.write_text(recorded(CHANGELOG.read_text(encoding="utf-8"), lines, day), "utf-8")
    print(f"recorded in {CHANGELOG.name}: review it with the lock before committing")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
