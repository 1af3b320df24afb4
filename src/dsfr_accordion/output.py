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

import contextlib
import errno
import fcntl
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator
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
    import tempfile  # noqa: PLC0415 - not for standard output

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

#: Seconds a build waits for another build of the same folder to end.
LOCK_TIMEOUT = 10.0


def _pid_in(lock: Path) -> str:
    try:
        return lock.read_text(encoding="utf-8").strip() or "?"
    except OSError:
        return "?"


@contextmanager
def _locked(destination: Path, timeout: float) -> Iterator[None]:
    """Hold the lock of building ``destination``: a ``.<name>.lock`` file beside it,
    holding the pid, removed when the build ends; wait for it at most ``timeout``
    seconds."""
    lock = destination.parent / f".{destination.name}.lock"
    deadline = time.monotonic() + timeout
    while True:
        try:
            descriptor = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise _not_writable(destination, error) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            if time.monotonic() >= deadline:
                raise DsfrAccordionError.of(
                    "build-locked", path=destination, pid=_pid_in(lock)
                ) from None
            time.sleep(0.05)
            continue
        try:
            same = os.fstat(descriptor).st_ino == lock.stat().st_ino
        except OSError:
            same = False
        if same:
            break
        # The run before removed the file after this one opened it: lock the new one.
        os.close(descriptor)
    try:
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        yield
    finally:
        lock.unlink(missing_ok=True)
        os.close(descriptor)  # releases the lock


def _ours(folder: Path) -> bool:
    """Whether ``folder`` is a build folder of this library (it holds the
    :data:`MARKER`), or a retired folder holding one."""
    if (folder / MARKER).exists():
        return True
    try:
        return any((child / MARKER).exists() for child in folder.iterdir() if child.is_dir())
    except OSError:
        return False


def _staging_names(destination: Path) -> re.Pattern[str]:
    """The names :func:`staged_dir` gives its staging and retired folders beside ``destination``."""
    return re.compile(rf"\.{re.escape(destination.name)}\.(?:staging|old)-[a-z0-9_]{{8}}\Z")


def _remove(folder: Path) -> None:
    """Delete ``folder``, this library's, read-only parts included."""
    import shutil  # noqa: PLC0415 - not on a render's path

    def writable_then_retry(function: Callable[..., object], path: str, _: BaseException) -> None:
        Path(path).parent.chmod(0o755)
        if Path(path).is_dir() and not Path(path).is_symlink():
            Path(path).chmod(0o755)
        function(path)

    shutil.rmtree(folder, onexc=writable_then_retry)


def _clean_leftovers(destination: Path) -> None:
    """Remove the staging and retired folders of earlier builds of ``destination``
    that died (``kill -9``): with the lock held, no other build is using them."""
    names = _staging_names(destination)
    for leftover in destination.parent.iterdir():
        if (
            names.match(leftover.name)
            and leftover.is_dir()
            and not leftover.is_symlink()
            and _ours(leftover)
        ):
            with contextlib.suppress(OSError):
                _remove(leftover)


@contextmanager
def staged_dir(
    target: str | os.PathLike[str], lock_timeout: float = LOCK_TIMEOUT
) -> Iterator[Path]:
    """Build a folder that replaces ``target`` only if the build completes.

    Yields an empty temporary folder beside ``target``; when the ``with`` block
    ends normally, the folder takes ``target``'s place (the previous one is
    removed), otherwise it is deleted and ``target`` is left as it was. An
    existing ``target`` is replaced only when it is empty or holds the
    :data:`MARKER` of an earlier build: a folder of the user's is never deleted.

    One build of a folder at a time: a second waits up to ``lock_timeout``
    seconds, then fails naming the first one's pid. Staging folders of builds
    that died are removed. A folder that cannot be replaced (permissions) is a
    :class:`DsfrAccordionError`, with nothing left behind.
    """
    import tempfile  # noqa: PLC0415 - not on a render's path

    destination = Path(target)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _not_writable(destination, error) from None
    with _locked(destination, lock_timeout):
        if destination.exists() and not (
            destination.is_dir()
            and ((destination / MARKER).exists() or not any(destination.iterdir()))
        ):
            raise DsfrAccordionError.of("not-ours", path=destination)
        _clean_leftovers(destination)
        try:
            staging = Path(
                tempfile.mkdtemp(prefix=f".{destination.name}.staging-", dir=destination.parent)
            )
        except OSError as error:
            raise _not_writable(destination, error) from None
        try:
            (staging / MARKER).write_text(
                "Written by dsfr-accordion, which replaces this folder on each build.\n",
                encoding="utf-8",
            )
            yield staging
            staging.chmod(0o755)
            _swap(staging, destination)
        except BaseException:
            with contextlib.suppress(OSError):
                _remove(staging)
            raise


def _swap(staging: Path, destination: Path) -> None:
    """Put ``staging`` in ``destination``'s place; the previous folder is removed."""
    import tempfile  # noqa: PLC0415 - not on a render's path

    if not destination.exists():
        try:
            staging.rename(destination)
        except OSError as error:
            raise _not_writable(destination, error) from None
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{destination.name}.old-", dir=destination.parent))
    try:
        destination.rename(retired / destination.name)
    except OSError as error:
        _remove(retired)
        raise _not_writable(destination, error) from None
    try:
        staging.rename(destination)
    except OSError as error:
        (retired / destination.name).rename(destination)  # the previous site, back
        _remove(retired)
        raise _not_writable(destination, error) from None
    # The new site is in place: a previous one that cannot be deleted is left for
    # the next build to clean (it holds the marker), not an error of this one.
    with contextlib.suppress(OSError):
        _remove(retired)
