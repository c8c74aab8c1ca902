"""Atomic writers: a temporary file beside the target, fsynced, then renamed over it.

A crash or a full disk mid-write leaves the previous file untouched. :func:`atomic_writer`
yields the raw binary file; :func:`open_output` adds gzip when the name ends in ``.gz``;
:func:`atomic_write_bytes` and :func:`atomic_write_text` write a whole file at once.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from curation.errors import StorageError


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
        raise StorageError(
            f"could not write {target}: {exc.strerror or exc}; the previous file is untouched"
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def open_output(path: str | Path) -> Iterator[IO[bytes]]:
    """:func:`atomic_writer`, gzip-compressed (reproducibly: no timestamp) for a ``.gz`` name."""
    with atomic_writer(path) as raw:
        if not Path(path).name.lower().endswith(".gz"):
            yield raw
            return
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as zipped:
            yield cast(IO[bytes], zipped)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename."""
    with atomic_writer(path) as fh:
        fh.write(data)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` encoded as UTF-8, newlines written as given."""
    atomic_write_bytes(path, text.encode("utf-8"))
