"""The one output layer: every file a command writes goes through here.

- A regular file (or a new one) is written atomically: a reader sees the old
  file or the new one, never half of one; a symbolic link keeps being a link
  and its target is written.
- Anything else that exists (a character device such as ``/dev/null``, a
  terminal, a pipe such as ``/dev/stdout``, a FIFO) is written through, never
  replaced; a FIFO no process reads is refused at once, not waited on.
- :func:`check_outputs` refuses, before anything is written, an output that is
  one of the command's inputs or another of its outputs.
- :func:`staged_dir` builds a folder that replaces an earlier build only when
  complete, and never a folder the library did not write.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DsfrAccordionError
from .ui import N_


def _not_writable(path: Path, error: OSError) -> DsfrAccordionError:
    return DsfrAccordionError.of("not-writable", path=path, reason=error.strerror or str(error))


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` (see the module's contract).

    Missing parent folders of a new file are created. Raises a
    :class:`DsfrAccordionError` naming the path when it cannot be written; a
    regular file is then left as it was.
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _not_writable(target, error) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise DsfrAccordionError.of("not-writable", path=target, reason=N_("it is a folder"))
    if mode is not None and not stat.S_ISREG(mode):
        _write_through(target, data)
        return
    _write_atomically(target.resolve() if target.is_symlink() else target, data)


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 with ``\\n`` line ends; see :func:`write_bytes`."""
    write_bytes(path, text.encode("utf-8"))


def _write_through(target: Path, data: bytes) -> None:
    """Write into the device, pipe or FIFO ``target`` as it is."""
    try:
        # Non-blocking open: a FIFO with no reader fails at once (ENXIO) instead
        # of waiting for one forever; the writes themselves then block as usual.
        descriptor = os.open(target, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ENXIO:
            reason = N_("it is a FIFO that no process reads")
            raise DsfrAccordionError.of("not-writable", path=target, reason=reason) from None
        raise _not_writable(target, error) from None
    try:
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "wb", closefd=True) as stream:
            stream.write(data)
    except OSError as error:
        raise _not_writable(target, error) from None


def _write_atomically(target: Path, data: bytes) -> None:
    """Write the regular file ``target`` through a temporary file renamed over it."""
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


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name the same file (existing or to be created)."""
    try:
        return first.samefile(second)
    except OSError:
        return first.resolve() == second.resolve()


def is_written_through(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` exists and is not a regular file or a folder (a device, a FIFO)."""
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def check_outputs(
    inputs: Iterable[str | os.PathLike[str]],
    outputs: Iterable[str | os.PathLike[str] | None],
) -> None:
    """Refuse, before anything is written, an output that is one of ``inputs`` or
    another of ``outputs`` (``None``: standard output). Devices and FIFOs are
    written through, so two outputs may share one (``-o /dev/null --report /dev/null``).

    Raises :class:`DsfrAccordionError` naming both paths.
    """
    sources = [Path(path) for path in inputs]
    seen: list[Path] = []
    for output in (Path(path) for path in outputs if path is not None):
        for source in sources:
            if _same_file(output, source) and not is_written_through(output):
                raise DsfrAccordionError.of("output-is-input", output=output, input=source)
        for other in seen:
            if _same_file(output, other) and not is_written_through(output):
                raise DsfrAccordionError.of("outputs-clash", first=other, second=output)
        seen.append(output)


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
