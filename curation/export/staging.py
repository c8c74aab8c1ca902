"""All of an export's files (data and manifests) are written to temporary names first and
renamed into place together, only once every one of them is complete and on disk.

:func:`curation.fileio.atomic.atomic_writer` makes one file atomic; an export writes up to four
(train, validation and a manifest beside each). Staging them all first means a full disk,
a failed row or a crash at any point before the renames leaves the previous export's
files exactly as they were — data and manifests still matching.

The renames can be taken back: before the first one a **journal** (``.curation-<8>.journal``
in the folder, fsynced and locked while the export lives) names every target, its
temporary file, the hidden ``.prev`` name its previous file is hard-linked to, and the new
file's inode. :meth:`Staging.undo` puts the previous files back when the export cannot be
recorded after its files went in (:mod:`~curation.export.publish`). A process killed in
the middle of the renames leaves the journal: :func:`recover` (run by the next export
before it writes) finds it unlocked and, as its caller decides, puts the previous files
back or keeps the new ones, so the folder never keeps half of one export and half of the
one before.

Temporary names are ``.<target>.curation-<8 chars>.part`` (and ``….prev``). While an
export lives it holds an exclusive ``flock`` on each of them and on its journal; a process
killed with ``kill -9`` loses its locks but leaves the files, and :func:`sweep` (run by
every export before it writes, after :func:`recover`) removes such leftovers in its
folder: only names of this pattern that no remaining journal names, at least a minute old,
and only when no live process holds the lock — an export running at the same time into
the same folder keeps its files. ``.<target>.<8 chars>.part`` (what earlier versions
staged, for our file types) carries no lock and is also the name
:func:`~curation.fileio.atomic.atomic_writer` writes under, so such a file goes only once it is
a day old.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import orjson

from curation.errors import CurationError, InternalError
from curation.fileio.locks import SWEEP_MIN_AGE, UNLOCKED_MIN_AGE
from curation.fileio.locks import try_lock as _lock

STAGE_TAG = "curation-"
# ".<target>.curation-<8>.part|prev"; ".<target>.<8>.part" is what earlier versions staged.
STAGED_NAME = re.compile(
    r"^\.(?:.+\.(?P<ours>curation-)[a-z0-9_]{8}\.(?:part|prev)"
    r"|.+\.(?:jsonl|json|csv|parquet)\.[a-z0-9_]{8}\.part)$"
)
JOURNAL_NAME = re.compile(r"^\.curation-(?P<token>[a-z0-9]{8})\.journal$")
JOURNAL_VERSION = 1


class Staging:
    """Temporary files beside their targets; :meth:`commit` renames them all (keeping the
    previous files until :meth:`release`), :meth:`undo` takes the renames back, and
    leaving the ``with`` block without a commit removes every temporary file."""

    def __init__(self) -> None:
        self.files: list[tuple[IO[bytes], Path, Path]] = []  # (handle, temporary, target)
        self.renamed: list[tuple[Path, Path | None]] = []  # (target, backup)
        self.journals: list[tuple[Path, int]] = []  # (path, locked fd)
        self.committed = False
        self.token = secrets.token_hex(4)

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
            raise InternalError(f"{path} is staged twice")
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

    def commit(self, *, export_id: int | None = None, workspace: str = "") -> None:
        """Flush and fsync every file, write the journal (``export_id`` and ``workspace``
        tell :func:`recover`'s caller whose renames these are), then rename each file onto
        its target (a previous file is kept under a hidden name until :meth:`release`). An
        error part-way leaves the renames done so far in :attr:`renamed` for :meth:`undo`."""
        for handle, _, _ in self.files:
            if not handle.closed:
                handle.flush()
                os.fsync(handle.fileno())
        self.committed = True
        plan = self._plan()
        self._write_journals(plan, export_id, workspace)
        for temporary, target, backup in plan:
            if backup is not None:
                try:
                    os.link(target, backup)
                except OSError:
                    backup = None  # no hard links here: the previous file cannot be taken back
            try:
                os.replace(temporary, target)
            except BaseException:
                _drop(backup)
                raise
            self.renamed.append((target, backup))
        # Handles stay open (and locked) until now, so that a sweep by another export never
        # takes a finished temporary file for a dead one before it is renamed.
        self._close_all()
        _sync_folders({t.parent for _, _, t in self.files})

    def _plan(self) -> list[tuple[Path, Path, Path | None]]:
        """(temporary, target, backup name) for every file, under a token no file uses yet."""
        for _ in range(10):
            plan = [
                (
                    temporary,
                    target,
                    _backup_name(target, self.token) if target.exists() else None,
                )
                for _, temporary, target in self.files
            ]
            taken = [b for _, _, b in plan if b is not None and b.exists()]
            taken += [j for j in self._journal_paths() if j.exists()]
            if not taken:
                return plan
            self.token = secrets.token_hex(4)
        raise InternalError("could not choose a free name for the previous files")

    def _journal_paths(self) -> list[Path]:
        folders = sorted({t.parent for _, _, t in self.files})
        return [folder / f".curation-{self.token}.journal" for folder in folders]

    def _write_journals(
        self, plan: list[tuple[Path, Path, Path | None]], export_id: int | None, workspace: str
    ) -> None:
        inodes = {t: os.fstat(h.fileno()) for h, _, t in self.files if not h.closed}
        for path in self._journal_paths():
            entries = []
            for temporary, target, backup in plan:
                if target.parent != path.parent:
                    continue
                st = inodes.get(target) or os.stat(temporary)
                entries.append(
                    {
                        "target": target.name,
                        "temporary": temporary.name,
                        "backup": backup.name if backup is not None else None,
                        "device": st.st_dev,
                        "inode": st.st_ino,
                    }
                )
            body = orjson.dumps(
                {
                    "version": JOURNAL_VERSION,
                    "export_id": export_id,
                    "workspace": workspace,
                    "files": entries,
                }
            )
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            self.journals.append((path, fd))
            _lock(fd)
            os.write(fd, body)
            os.fsync(fd)
        _sync_folders({p.parent for p in self._journal_paths()})

    def undo(self) -> list[Path]:
        """Take the renames back: previous files return, new ones go. The targets that could
        not be put back (empty when all were; otherwise the journal stays for :func:`recover`)."""
        failed: list[Path] = []
        for target, backup in reversed(self.renamed):
            try:
                if backup is not None:
                    os.replace(backup, target)
                else:
                    target.unlink(missing_ok=True)
            except OSError:
                failed.append(target)
        self.renamed = []
        self.committed = False
        self.discard()
        self._end_journals(remove=not failed)
        return failed

    def release(self) -> None:
        """The new files stand: drop the previous ones kept for :meth:`undo`."""
        for _, backup in self.renamed:
            _drop(backup)
        self.renamed = []
        self._close_all()
        self._end_journals(remove=True)

    def _end_journals(self, *, remove: bool) -> None:
        for path, fd in self.journals:
            if remove:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
            os.close(fd)
        self.journals = []

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
    named = {n for j in journals(folder) for n in j.names()}  # a killed export's, kept for recover
    for entry in entries:
        match = STAGED_NAME.match(entry.name)
        if match is None or entry.name in named:
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


@dataclass(slots=True)
class Journal:
    """The renames an export was making (see :class:`Staging`): for each file its
    ``target``, ``temporary`` and ``backup`` names and the new file's ``device``/``inode``."""

    path: Path
    export_id: int | None
    workspace: str
    files: list[dict[str, Any]] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.path.parent

    def names(self) -> set[str]:
        return {n for f in self.files for n in (f.get("temporary"), f.get("backup")) if n}

    def placed(self) -> bool:
        """Whether every target holds its new file (all the renames were done)."""
        return all(_is_new(self.folder / f["target"], f) for f in self.files)

    def restore(self) -> list[str]:
        """Put the previous files back (a target that had none is removed again); the
        targets that could not be."""
        left: list[str] = []
        for f in reversed(self.files):
            target = self.folder / f["target"]
            backup = self.folder / f["backup"] if f.get("backup") else None
            try:
                if backup is not None and backup.exists():
                    os.replace(backup, target)
                elif _is_new(target, f):
                    if backup is not None:  # its previous file could not be kept
                        left.append(target.name)
                    else:
                        target.unlink()
                if f.get("temporary"):
                    (self.folder / f["temporary"]).unlink(missing_ok=True)
            except OSError:
                left.append(target.name)
        return left

    def keep(self) -> list[str]:
        """The new files stand: drop the previous ones and any temporary file."""
        for f in self.files:
            for name in (f.get("backup"), f.get("temporary")):
                if name:
                    with contextlib.suppress(OSError):
                        (self.folder / name).unlink(missing_ok=True)
        return []


@dataclass(frozen=True, slots=True)
class Recovery:
    """What :func:`recover` did with one journal: kept the new files or put the previous
    ones back; ``left`` names the targets that could not be put back."""

    journal: Journal
    kept: bool
    left: list[str]


def journals(folder: Path) -> list[Journal]:
    """The journals in ``folder`` (live exports' too), oldest name first."""
    out = []
    try:
        names = sorted(e.name for e in os.scandir(folder) if JOURNAL_NAME.match(e.name))
    except OSError:
        return []
    for name in names:
        journal = _read_journal(folder / name)
        if journal is not None:
            out.append(journal)
    return out


def recover(folder: Path, decide: Callable[[Journal], bool | None]) -> list[Recovery]:
    """Finish what killed exports left in ``folder``: for each journal no live process
    holds, ``decide`` says whether its new files stand (True), the previous ones go back
    (False) or it is not ours to settle (None: left as it is)."""
    done: list[Recovery] = []
    try:
        paths = sorted(Path(e.path) for e in os.scandir(folder) if JOURNAL_NAME.match(e.name))
    except OSError:
        return done
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            held = _lock(fd)
            if held is False:
                continue  # a live export
            if held is None and time.time() - os.fstat(fd).st_mtime < UNLOCKED_MIN_AGE:
                continue
            journal = _read_journal(path)
            if journal is None:
                # Cut short while being written, so before the first rename: nothing to undo.
                if _journal_version(path) is None:
                    path.unlink(missing_ok=True)
                continue
            keep = decide(journal)
            if keep is None:
                continue
            left = journal.keep() if keep else journal.restore()
            if not left:
                path.unlink(missing_ok=True)
            _sync_folders({folder})
            done.append(Recovery(journal, keep, left))
        except OSError:
            continue
        finally:
            os.close(fd)
    return done


def _journal_version(path: Path) -> int | None:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return data.get("version") if isinstance(data, dict) else None


def _read_journal(path: Path) -> Journal | None:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(data, dict) or data.get("version") != JOURNAL_VERSION:
        return None
    files = [
        f
        for f in data.get("files") or []
        if isinstance(f, dict) and isinstance(f.get("target"), str) and "/" not in f["target"]
    ]
    for f in files:  # names only: a journal never reaches outside its folder
        for key in ("temporary", "backup"):
            if not isinstance(f.get(key), str) or "/" in f[key] or not f[key].startswith("."):
                f[key] = None
    export_id = data.get("export_id")
    return Journal(
        path,
        export_id if isinstance(export_id, int) else None,
        str(data.get("workspace") or ""),
        files,
    )


def _is_new(target: Path, f: dict[str, Any]) -> bool:
    try:
        st = os.stat(target, follow_symlinks=False)
    except OSError:
        return False
    return st.st_ino == f.get("inode") and st.st_dev == f.get("device")


def _backup_name(target: Path, token: str) -> Path:
    return target.with_name(f".{target.name}.{STAGE_TAG}{token}.prev")


def _drop(backup: Path | None) -> None:
    if backup is not None:
        with contextlib.suppress(OSError):
            backup.unlink(missing_ok=True)


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
