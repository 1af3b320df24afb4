"""Writing files atomically: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DsfrAccordionError


def _not_writable(path: Path, error: OSError) -> DsfrAccordionError:
    return DsfrAccordionError.of("not-writable", path=path, reason=error.strerror or str(error))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed over it.

    Missing parent folders are created. Raises a :class:`DsfrAccordionError`
    naming the path when it cannot be written; the previous file is then intact.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    except OSError as error:
        raise _not_writable(target, error) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        Path(temporary).chmod(0o644)
        Path(temporary).replace(target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _not_writable(target, error) from None
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 with ``\\n`` line ends; see :func:`write_bytes_atomic`."""
    write_bytes_atomic(path, text.encode("utf-8"))


#: File marking a folder as written by this library, so that it may be replaced.
MARKER = ".dsfr-accordion"


@contextmanager
def staged_dir(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Build a folder that replaces ``target`` only if the build completes.

    Yields an empty temporary folder beside ``target``; when the ``with`` block
    ends normally, the folder takes ``target``'s place (the previous one is
    removed), otherwise it is deleted and ``target`` is left as it was. An
    existing ``target`` is replaced only when it is empty or holds the
    :data:`MARKER` of an earlier build: a folder of the user's is never deleted.
    """
    destination = Path(target)
    if destination.exists() and not (
        destination.is_dir() and ((destination / MARKER).exists() or not any(destination.iterdir()))
    ):
        raise DsfrAccordionError.of("not-ours", path=destination)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}-", dir=destination.parent))
    except OSError as error:
        raise _not_writable(destination, error) from None
    try:
        (staging / MARKER).write_text(
            "Written by dsfr-accordion, which replaces this folder on each build.\n",
            encoding="utf-8",
        )
        yield staging
        staging.chmod(0o755)
        if destination.exists():
            retired = Path(
                tempfile.mkdtemp(prefix=f".{destination.name}-old-", dir=destination.parent)
            )
            destination.rename(retired / destination.name)
            staging.rename(destination)
            shutil.rmtree(retired)
        else:
            staging.rename(destination)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
