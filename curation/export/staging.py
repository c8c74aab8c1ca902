"""All of an export's files (data and manifests) are written to temporary names first and
renamed into place together, only once every one of them is complete and on disk.

:func:`curation.fileio.atomic_writer` makes one file atomic; an export writes up to four
(train, validation and a manifest beside each). Staging them all first means a full disk,
a failed row or a crash at any point before the renames leaves the previous export's
files exactly as they were — data and manifests still matching.

The renames can be taken back: a file about to be replaced is first hard-linked to a
hidden ``.prev`` name, so :meth:`Staging.undo` puts the previous files back when the
export cannot be recorded after its files went in (:mod:`~curation.export.publish`).

Temporary names are ``.<target>.curation-<8 chars>.part`` (and ``….prev``). While an
export lives it holds an exclusive ``flock`` on each of them; a process killed with
``kill -9`` loses its locks but leaves the files, and :func:`sweep` (run by every export
before it writes) removes such leftovers in its folder: only names of this pattern, at
least a minute old, and only when no live process holds the lock — an export running at the same time into
the same folder keeps its files. ``.<target>.<8 chars>.part`` (what earlier versions
staged, for our file types) carries no lock and is also the name
:func:`~curation.fileio.atomic_writer` writes under, so such a file goes only once it is
a day old.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO

from curation.errors import CurationError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, sweep goes by age only
    fcntl = None  # type: ignore[assignment]

STAGE_TAG = "curation-"
# ".<target>.curation-<8>.part|prev"; ".<target>.<8>.part" is what earlier versions staged.
STAGED_NAME = re.compile(
    r"^\.(?:.+\.(?P<ours>curation-)[a-z0-9_]{8}\.(?:part|prev)"
    r"|.+\.(?:jsonl|json|csv|parquet)\.[a-z0-9_]{8}\.part)$"
)
SWEEP_MIN_AGE = 60.0  # seconds: covers the instant between creating a file and locking it
UNLOCKED_MIN_AGE = 24 * 3600.0  # where locks cannot be taken, only day-old files go


class Staging:
    """Temporary files beside their targets; :meth:`commit` renames them all (keeping the
    previous files until :meth:`release`), :meth:`undo` takes the renames back, and
    leaving the ``with`` block without a commit removes every temporary file."""

    def __init__(self) -> None:
        self.files: list[tuple[IO[bytes], Path, Path]] = []  # (handle, temporary, target)
        self.renamed: list[tuple[Path, Path | None, int | None]] = []  # (target, backup, fd)
        self.committed = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.committed:
            self.release()
        else:
            self.discard()
        if isinstance(exc, OSError):
            raise CurationError(self.failure(exc)) from exc

    def open(self, target: str | Path) -> IO[bytes]:
        """A binary file that becomes ``target`` on :meth:`commit`."""
        path = Path(target)
        if any(path == t for _, _, t in self.files):
            raise CurationError(f"internal: {path} is staged twice")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=f".{path.name}.{STAGE_TAG}", suffix=".part", dir=path.parent
        )
        _lock(fd)
        handle = os.fdopen(fd, "wb")
        self.files.append((handle, Path(name), path))
        return handle

    def write_bytes(self, target: str | Path, data: bytes) -> None:
        self.open(target).write(data)

    def commit(self) -> None:
        """Flush and fsync every file, then rename each onto its target (a previous file is
        kept under a hidden name until :meth:`release`). An error part-way leaves the
        renames done so far in :attr:`renamed` for :meth:`undo`."""
        for handle, _, _ in self.files:
            if not handle.closed:
                handle.flush()
                os.fsync(handle.fileno())
        self.committed = True
        for _, temporary, target in self.files:
            backup, fd = _keep_previous(target)
            try:
                os.replace(temporary, target)
            except BaseException:
                _drop(backup, fd)
                raise
            self.renamed.append((target, backup, fd))
        # Handles stay open (and locked) until now, so that a sweep by another export never
        # takes a finished temporary file for a dead one before it is renamed.
        self._close_all()
        _sync_folders({t.parent for _, _, t in self.files})

    def undo(self) -> list[Path]:
        """Take the renames back: previous files return, new ones go. The targets that could
        not be put back (empty when all were)."""
        failed: list[Path] = []
        for target, backup, fd in reversed(self.renamed):
            try:
                if backup is not None:
                    os.replace(backup, target)
                else:
                    target.unlink(missing_ok=True)
            except OSError:
                failed.append(target)
            finally:
                if fd is not None:
                    os.close(fd)
        self.renamed = []
        self.committed = False
        self.discard()
        return failed

    def release(self) -> None:
        """The new files stand: drop the previous ones kept for :meth:`undo`."""
        for _, backup, fd in self.renamed:
            _drop(backup, fd)
        self.renamed = []
        self._close_all()

    def discard(self) -> None:
        """Remove every temporary file not renamed into place."""
        self._close_all()
        for _, temporary, _ in self.files:
            temporary.unlink(missing_ok=True)

    def _close_all(self) -> None:
        for handle, _, _ in self.files:
            # A full disk can fail the final flush too; the file is removed anyway.
            with contextlib.suppress(OSError):
                handle.close()

    def failure(self, exc: OSError) -> str:
        names = ", ".join(t.name for _, _, t in self.files) or "the export"
        folder = self.files[0][2].parent if self.files else ""
        return (
            f"could not write {names} in {folder}: {os_reason(exc)}; nothing was written and "
            "the previous files are untouched"
        )


def os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def sweep(folder: Path, *, min_age: float | None = None) -> list[str]:
    """Remove the temporary files a killed export left in ``folder``; the names removed.

    Only names of our pattern, at least ``min_age`` (:data:`SWEEP_MIN_AGE`) seconds old,
    whose lock no live process holds; untagged names, and any file where locks cannot be
    taken, only when a day old (:data:`UNLOCKED_MIN_AGE`)."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    min_age = SWEEP_MIN_AGE if min_age is None else min_age
    for entry in entries:
        match = STAGED_NAME.match(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if age < min_age:
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            # A name without our tag may be a live atomic_writer's (``curation redact``,
            # dedup files), which takes no lock: such a file goes only when a day old.
            held = _lock(fd) if match["ours"] else None
            if held is False or (held is None and age < UNLOCKED_MIN_AGE):
                continue
            os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
        finally:
            os.close(fd)
    return sorted(removed)


def _lock(fd: int) -> bool | None:
    """Take the file's exclusive lock without waiting: True when taken, False when another
    open file holds it, None when locks are not available here."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def _keep_previous(target: Path) -> tuple[Path | None, int | None]:
    """Hard-link an existing target to a hidden name (locked while this export lives)."""
    if not target.exists():
        return None, None
    for _ in range(10):
        backup = target.with_name(f".{target.name}.{STAGE_TAG}{secrets.token_hex(4)}.prev")
        try:
            os.link(target, backup)
        except FileExistsError:
            continue
        except OSError:
            return None, None  # no hard links here: the previous file cannot be taken back
        try:
            fd = os.open(backup, os.O_RDONLY)
        except OSError:
            return backup, None  # kept, but unlocked
        _lock(fd)
        return backup, fd
    return None, None


def _drop(backup: Path | None, fd: int | None) -> None:
    if backup is not None:
        backup.unlink(missing_ok=True)
    if fd is not None:
        os.close(fd)


def _sync_folders(folders: set[Path]) -> None:
    """Make the renames themselves durable (a no-op where folders cannot be opened)."""
    for folder in folders:
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)
