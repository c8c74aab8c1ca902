"""Atomic file writes, and the one gate every reader of a user's file goes through.

Writes go to a temporary file beside the target, are fsynced, then renamed: a crash or a
full disk mid-write leaves the previous file untouched. Reads start with
:func:`open_regular`, which refuses pipes, devices and folders before anything blocks.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from curation.errors import CurationError, InputError


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[bytes]]:
    """Yield a binary file; on success it replaces ``path`` in one rename, on error it vanishes."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CurationError(
            f"could not write {target}: {exc.strerror or exc}; the previous file is untouched"
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_writer(path) as fh:
        fh.write(data)


# ----------------------------------------------------------------------------- reading user files

MAX_LINE_ENV = "CURATION_MAX_LINE_MB"
DEFAULT_MAX_LINE_MB = 64


def max_line_bytes() -> int:
    """The longest line (or JSON array element) a reader accepts: ``$CURATION_MAX_LINE_MB``
    MiB, 64 by default. Longer lines are reported and skipped, never read whole."""
    raw = os.environ.get(MAX_LINE_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_LINE_MB * 1024 * 1024
    try:
        mb = float(raw)
    except ValueError:
        raise CurationError(
            f"{MAX_LINE_ENV}={raw!r} is not a number of MiB (e.g. {DEFAULT_MAX_LINE_MB})"
        ) from None
    if not 0 < mb <= 4096:
        raise CurationError(f"{MAX_LINE_ENV}={raw!r} must be between 0 and 4096 MiB")
    return max(1024, int(mb * 1024 * 1024))


def _refuse_special(path: Path, mode: int) -> None:
    """Raise unless ``mode`` is a regular file's: pipes and devices never end or never start."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        what, todo = "a folder", "name a file inside it"
    elif stat.S_ISFIFO(mode):
        what = "a pipe (a FIFO or a process substitution such as <(...))"
        todo = "save it to a regular file first"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what, todo = "a device", "save the data to a regular file first"
    elif stat.S_ISSOCK(mode):
        what, todo = "a socket", "save the data to a regular file first"
    else:
        what, todo = "not a regular file", "save the data to a regular file first"
    raise InputError(f"{path}: is {what}, not a regular file; {todo}")


def check_regular_file(path: str | Path) -> Path:
    """The path, if it names a readable regular file; else an InputError saying what to do.

    Every stage that reads a user's file calls this (through :func:`open_regular`) before
    opening it: opening a FIFO blocks until a writer comes, and ``/dev/zero`` never ends.
    """
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be opened ({exc.strerror or exc})") from None
    _refuse_special(p, st.st_mode)
    return p


def open_regular(path: str | Path) -> IO[bytes]:
    """Open a regular file for reading bytes, refusing pipes, devices and folders.

    The file is opened non-blocking and checked again on the open descriptor, so a path
    swapped for a FIFO after the first check cannot make the open hang.
    """
    p = check_regular_file(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise InputError(f"{p}: cannot be opened ({exc.strerror or exc})") from None
    try:
        _refuse_special(p, os.fstat(fd).st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")
