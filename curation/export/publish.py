"""An export's history entry and its files become visible together; the export history.

Once every file is complete in staging (:mod:`~curation.export.staging`):

1. **Reserve**: one transaction writes the history row as ``pending`` — with the files,
   the manifest and its owner (host, pid, process start time) — and commits. The id is
   taken for good: a failed or interrupted export keeps its row, so no later export can
   take the same number (SQLite would hand out a rolled-back id again).
2. **Place**: the manifests (which carry the id) are staged and every file is renamed into
   place, each previous file kept under a hidden name.
3. **Done**: one transaction marks the row ``done`` and writes the audit events.

A failure in 2 or 3 puts the previous files back (:meth:`Staging.undo`) and marks the row
``failed`` with a note saying what is on disk, and the error says the same; a database
that fails again while being told so (locked, gone, full) leaves the row ``pending``,
shown ``interrupted``, and the message says that too. A process killed between 1 and 3
leaves its row ``pending``: the history shows it ``interrupted`` as soon as its owner is
known dead (same host: no such process; another host: pending for more than
:data:`STALE_PENDING`), and the next export records it so. Some or all of its files may
be in place: the next export (:func:`recover_folders`) reads the journal the renames left
and puts the previous files back, since the export was never done — or, killed after it
was recorded done, drops the previous files it kept. Until then the history's "on disk"
says, for every export, whether each file at its paths is byte for byte the one it wrote
(size and sha256 as recorded, and the manifest beside it naming it).
"""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import CurationError, StorageError
from curation.export import provenance as prov
from curation.export.spec import ExportFile, manifest_path
from curation.export.staging import Journal, Staging, os_reason, recover
from curation.owners import owner_token, process_alive
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.failures import storage_reason

try:
    import psycopg
except ImportError:  # pragma: no cover - SQLite-only installs
    psycopg = None  # type: ignore[assignment]

# What a database call can raise here: SQLAlchemy's errors, the workspace's one-line
# storage errors (a CurationError), and a driver's own error met outside a statement.
DB_ERRORS: tuple[type[BaseException], ...] = (
    sa.exc.SQLAlchemyError,
    CurationError,
    sqlite3.Error,
    *((psycopg.Error,) if psycopg is not None else ()),
)

PENDING, DONE, FAILED, INTERRUPTED = "pending", "done", "failed", "interrupted"
STALE_PENDING = timedelta(hours=1)  # a pending row lasts seconds: renames and one commit
INTERRUPTED_NOTE = (
    "the process stopped (killed or crashed) while the export's files were being put in "
    "place; it was never recorded as done"
)

# Exports of this process between reserve and done/failed (the app runs several at once).
_live: set[int] = set()
_live_lock = threading.Lock()


@dataclass(slots=True)
class Pending:
    """What a finished export records: its row, its manifest and its audit events."""

    dataset_id: int
    dataset: str
    format: str
    campaign: str | None
    actor: str
    files: list[ExportFile]
    manifest: dict[str, Any]
    left_out: dict[str, int]
    override_records: dict[str, int] = field(default_factory=dict)
    override_reason: str = ""
    source_file: str | None = None  # file mode: the manifest names the file, not an id


def publish(
    ws: Workspace,
    staged: Staging,
    pending: Pending,
    manifests: Callable[[dict[str, Any]], dict[Path, bytes]],
) -> int:
    """Reserve the export's id, stage its manifests (``manifests`` makes them from the
    manifest carrying the id), rename everything into place and record it done. Raises
    :class:`StorageError` saying truthfully what is on disk and in the history."""
    try:
        with ws.tx() as session:
            settle_interrupted(session)
            export_id = reserve(session, pending)
    except DB_ERRORS as exc:
        raise StorageError(
            f"could not record the export in the workspace database ({db_reason(exc)}); "
            "nothing was written and the previous files are untouched"
        ) from exc
    with _live_lock:
        _live.add(export_id)
    step = "writing its manifests"
    try:
        for path, body in manifests(pending.manifest).items():
            staged.write_bytes(path, body)
        step = "renaming its files into place"
        file_mode = pending.source_file is not None
        staged.commit(export_id=None if file_mode else export_id, workspace=workspace_key(ws))
        step = "recording it as done in the workspace database"
        with ws.tx() as session:
            finish(session, export_id, pending)
    except BaseException as exc:
        message = _take_back(ws, staged, export_id, pending, step, exc)
        if isinstance(exc, (OSError, *DB_ERRORS)):
            raise StorageError(message) from exc
        raise
    finally:
        with _live_lock:
            _live.discard(export_id)
    return export_id


def reserve(session: Session, pending: Pending) -> int:
    """The ``pending`` history row; the manifest gets its id."""
    export = m.Export(
        dataset_id=pending.dataset_id,
        format=pending.format,
        actor=pending.actor,
        files=[f.as_dict() for f in pending.files],
        manifest={},
        pii_override=sum(pending.override_records.values()) > 0,
        status=PENDING,
        owner=owner_token(),
        note="",
    )
    session.add(export)
    session.flush()
    manifest = pending.manifest
    manifest["export_id"] = None if pending.source_file is not None else export.id
    if pending.source_file is not None:
        manifest["mode"] = "file"
        manifest["dataset"] = {"id": None, "name": None, "file": pending.source_file}
    export.manifest = manifest
    return export.id


def finish(session: Session, export_id: int, pending: Pending) -> None:
    """Mark the export done and write its audit events (one transaction)."""
    session.execute(
        sa.update(m.Export).where(m.Export.id == export_id).values(status=DONE, owner="")
    )
    override = sum(pending.override_records.values())
    log_event(
        session,
        pending.actor,
        "export",
        "export",
        export_id,
        dataset=pending.dataset,
        format=pending.format,
        campaign=pending.campaign,
        files=[
            {"split": f.split, "path": str(f.path), "rows": f.rows, "sha256": f.sha256}
            for f in pending.files
        ],
        left_out=dict(sorted(pending.left_out.items())),
        pii_override_records=override,
    )
    if override:
        log_event(
            session,
            pending.actor,
            "export.pii_override",
            "export",
            export_id,
            records=override,
            by_state=dict(pending.override_records),
            reason=pending.override_reason,
        )


def _take_back(
    ws: Workspace,
    staged: Staging,
    export_id: int,
    pending: Pending,
    step: str,
    exc: BaseException,
) -> str:
    """Undo the renames, mark the row failed; the message saying what is where."""
    renamed = bool(staged.renamed)
    replaced = any(backup is not None for _, backup in staged.renamed)
    left = staged.undo()
    reason = (
        os_reason(exc)
        if isinstance(exc, OSError)
        else db_reason(exc)
        if isinstance(exc, DB_ERRORS)
        else str(exc) or type(exc).__name__
    )
    name = "the export" if pending.source_file is not None else f"export #{export_id}"
    if left:
        names = ", ".join(p.name for p in left)
        disk = (
            f"{names} could not be put back and are {name}'s; "
            "the other files are the previous ones: export again"
        )
    elif replaced:
        disk = "its files were taken back out and the previous files are in place again"
    elif renamed:
        disk = "its files were taken back out: nothing was written"
    else:
        disk = "nothing was written and the previous files are untouched"
    note = f"failed while {step} ({reason}); {disk}"
    marked = fail(ws, export_id, note)
    message = f"{name} failed while {step}: {reason}; {disk}"
    if pending.source_file is not None:
        return message
    if marked:
        return f"{message}; the export history lists #{export_id} as failed"
    return (
        f"{message}; the database could not be updated either, so the export history "
        f"lists #{export_id} as interrupted"
    )


def fail(ws: Workspace, export_id: int, note: str) -> bool:
    """Mark the export failed with ``note``; False when the database refused that too."""
    try:
        with ws.tx() as session:
            session.execute(
                sa.update(m.Export)
                .where(m.Export.id == export_id)
                .values(status=FAILED, owner="", note=note)
            )
    except DB_ERRORS:
        return False
    return True


def db_reason(exc: BaseException) -> str:
    """One line for a database failure: the storage failure it is (locked, full, gone), or
    the driver's first line (never the SQL)."""
    known = storage_reason(exc)
    if known is not None:
        return known
    if isinstance(exc, CurationError):
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# --------------------------------------------------------------------------- owners


def owner_alive(export_id: int, owner: str) -> bool | None:
    """Whether the process that owns a pending export still runs; None when it cannot be
    told (another host, or an owner this version did not write). In this process, only
    while the export is between reserve and done/failed."""
    if owner.startswith(f"{socket.gethostname()}:{os.getpid()}:"):
        with _live_lock:
            return export_id in _live
    return process_alive(owner)


def effective_status(export: m.Export, now: datetime | None = None) -> str:
    """The export's status, with a pending one whose owner is gone shown as interrupted."""
    if export.status != PENDING:
        return export.status
    alive = owner_alive(export.id, export.owner)
    if alive is False:
        return INTERRUPTED
    if alive is None and (now or m.utcnow()) - export.created_at > STALE_PENDING:
        return INTERRUPTED
    return PENDING


def settle_interrupted(session: Session) -> list[int]:
    """Record as ``interrupted`` the pending exports whose owner is gone; their ids."""
    now = m.utcnow()
    stale = [
        export.id
        for export in session.scalars(sa.select(m.Export).where(m.Export.status == PENDING))
        if effective_status(export, now) == INTERRUPTED
    ]
    if stale:
        session.execute(
            sa.update(m.Export)
            .where(m.Export.id.in_(stale), m.Export.status == PENDING)
            .values(status=INTERRUPTED, note=INTERRUPTED_NOTE)
        )
    return stale


# --------------------------------------------------------------------------- history


def list_exports(session: Session, dataset: str | None = None, limit: int = 100) -> list[m.Export]:
    query = sa.select(m.Export).order_by(m.Export.id.desc()).limit(limit)
    if dataset:
        query = query.join(m.Dataset, m.Dataset.id == m.Export.dataset_id).where(
            m.Dataset.name == dataset
        )
    return list(session.scalars(query))


def files_in_place(export_id: int, files: list[dict[str, Any]]) -> int:
    """How many of the export's files are on disk as this export wrote them: the file has
    the size and sha256 the history records, and the manifest beside it names this export
    (a later export to the same path, or one killed half-way through its renames, replaces
    some of them)."""
    n = 0
    for f in files:
        path = Path(f["path"])
        try:
            named = orjson.loads(manifest_path(path).read_bytes()).get("export_id")
        except (OSError, orjson.JSONDecodeError, AttributeError):
            continue
        if named == export_id and _same_file(path, f.get("bytes"), f.get("sha256")):
            n += 1
    return n


_digests: dict[tuple[str, int, int, int, int], str] = {}  # (path, dev, inode, size, mtime)
_digests_lock = threading.Lock()


def _same_file(path: Path, size: int | None, sha256: str | None) -> bool:
    """Whether ``path`` holds ``size`` bytes hashing to ``sha256`` (each checked when
    recorded). Digests are remembered per file identity, so a history listing reads a file
    again only when it changed."""
    try:
        st = path.stat()
    except OSError:
        return False
    if size is not None and st.st_size != size:
        return False
    if not sha256:
        return True
    key = (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    with _digests_lock:
        digest = _digests.get(key)
    if digest is None:
        try:
            with path.open("rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
        except OSError:
            return False
        with _digests_lock:
            if len(_digests) >= 1024:
                _digests.clear()
            _digests[key] = digest
    return digest == sha256


# --------------------------------------------------------------------------- recovery


def workspace_key(ws: Workspace) -> str:
    """Names the workspace database in a journal without writing its URL (or password)."""
    return hashlib.sha256(ws.url.encode()).hexdigest()[:16]


def decide(ws: Workspace, journal: Journal) -> bool | None:
    """Whether a killed export's new files stand: a file-mode export's when all were put in
    place (it has no history); a workspace export's only when the history records it done.
    None for another workspace's export (not ours to settle)."""
    if journal.export_id is None:
        return journal.placed()
    if journal.workspace != workspace_key(ws):
        return None
    with ws.read() as session:
        status = session.scalar(sa.select(m.Export.status).where(m.Export.id == journal.export_id))
    return status == DONE


def recover_folders(ws: Workspace, folders: list[Path]) -> list[str]:
    """Settle what exports killed while putting their files in place left in ``folders``
    (and in the folders of exports the history has not seen finish); one line for each."""
    seen = {f.resolve() for f in folders if f.exists()}
    with ws.read() as session:
        unfinished = session.scalars(
            sa.select(m.Export.files)
            .where(m.Export.status != DONE)
            .order_by(m.Export.id.desc())
            .limit(100)
        ).all()
    for files in unfinished:
        for f in files or []:
            folder = Path(f["path"]).parent
            if folder.exists():
                seen.add(folder.resolve())
    notes = []
    for folder in sorted(seen):
        for done in recover(folder, lambda journal: decide(ws, journal)):
            notes.append(_settle_recovered(ws, done.journal, done.kept, done.left))
    return notes


def _settle_recovered(ws: Workspace, journal: Journal, kept: bool, left: list[str]) -> str:
    name = "a file-to-file export" if journal.export_id is None else f"export #{journal.export_id}"
    if kept:
        return f"{name} was stopped after it was recorded: removed the previous files it kept in {journal.folder}"
    if left:
        disk = f"{', '.join(left)} could not be put back and are still its files: export again"
    else:
        disk = "its files were taken back out and the previous files put back"
    if journal.export_id is not None:
        note = f"{INTERRUPTED_NOTE}; {disk}"
        with ws.tx() as session:
            session.execute(
                sa.update(m.Export)
                .where(
                    m.Export.id == journal.export_id, m.Export.status.in_((PENDING, INTERRUPTED))
                )
                .values(status=INTERRUPTED, owner="", note=note)
            )
    return f"{name} was interrupted while putting its files in place in {journal.folder}: {disk}"


@dataclass(frozen=True, slots=True)
class ExportEntry:
    """One export in the history. ``status`` is done, pending, failed or interrupted
    (``note`` says why); ``on_disk`` is whether every file at the export's paths is still
    this export's; ``rows`` is the row count by split."""

    id: int
    status: str
    note: str
    created_at: str | None
    actor: str
    dataset: str | None
    format: str
    rows: dict[str, int]
    left_out: int
    pii_override: bool
    files: list[str]
    on_disk: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def history_rows(
    session: Session, dataset: str | None = None, limit: int = 100
) -> list[ExportEntry]:
    """The export history (newest first), for the pages and ``curation exports``."""
    names = dict(session.execute(sa.select(m.Dataset.id, m.Dataset.name)).all())
    now = m.utcnow()
    out = []
    for export in list_exports(session, dataset, limit):
        files = export.files or []
        counts = (export.manifest or {}).get("counts", {})
        status = effective_status(export, now)
        note = export.note or (INTERRUPTED_NOTE if status == INTERRUPTED else "")
        out.append(
            ExportEntry(
                id=export.id,
                status=status,
                note=note,
                created_at=prov.iso(export.created_at),
                actor=export.actor,
                dataset=names.get(export.dataset_id) if export.dataset_id else None,
                format=export.format,
                rows={f["split"]: f["rows"] for f in files},
                left_out=sum((counts.get("left_out") or {}).values()),
                pii_override=export.pii_override,
                files=[f["path"] for f in files],
                on_disk=bool(files) and files_in_place(export.id, files) == len(files),
            )
        )
    return out
