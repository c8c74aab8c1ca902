"""The one gate every reader of a user's file goes through.

Reads start with :func:`open_regular`, which refuses pipes, devices and folders before
anything blocks. Writers are in
:mod:`curation.fileio.atomic`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

from curation.errors import InputError


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
