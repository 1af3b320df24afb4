"""Install the uv release that uv.lock pins into the running virtual environment.

    .venv/bin/python tools/bootstrap_uv.py

``make`` runs it with the Python of a fresh ``.venv``, which holds only pip (the
venv's seed): uv is the one package pip installs, at the version uv.lock records
for it and checked against the sha256 of the lock's wheels. uv then installs
everything else from the lock. So the lock is the one place that says which uv
sets the environment up, and a machine needs nothing but Python 3.12 and the
package registries (docs/architecture.md, "Locked environment").
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "uv.lock"


def locked_uv(lock: Path) -> tuple[str, list[str]]:
    """uv's version in ``lock`` and the hashes of its wheels."""
    for package in tomllib.loads(lock.read_text(encoding="utf-8"))["package"]:
        if package["name"] == "uv":
            return package["version"], [wheel["hash"] for wheel in package.get("wheels", [])]
    raise SystemExit(
        f"{lock}: uv is not locked; keep uv in the dev dependency group of pyproject.toml "
        "and run uv lock"
    )


def main() -> int:
    version, hashes = locked_uv(LOCK)
    hashed = " ".join(f"--hash={digest}" for digest in hashes)
    with tempfile.TemporaryDirectory() as folder:
        requirements = Path(folder, "uv.txt")
        requirements.write_text(f"uv=={version} {hashed}\n", encoding="utf-8")
        command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
        command += ["--require-hashes", "--only-binary", ":all:", "-r", str(requirements)]
        return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
