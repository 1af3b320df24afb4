"""Writing files atomically: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
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
