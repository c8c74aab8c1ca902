"""Pass 2 of a large JSONL export in worker processes, one per core.

Building a row, checking it with the validator and counting its tokens is Python work
that one process cannot spread over several cores (the token counter's thread and the
row builder share one interpreter lock). Here each worker process opens its own
connection to the workspace database and, for one id-ordered chunk of kept records at
a time, runs :func:`~curation.export.rows.build_chunk` — the same code as the
in-process pass — counts the rows' tokens, and returns each file's lines joined into
one bytes string. This process writes the chunks in chunk order through the staged
sinks, which hash what they write, so the files, their sha256 and every count are
those of the in-process pass.

What the workers read:

- PostgreSQL: the export's own snapshot. The parent's ``REPEATABLE READ`` transaction
  exports it (``pg_export_snapshot()``) and each worker imports it
  (``SET TRANSACTION SNAPSHOT``), so both passes see one consistent state.
- SQLite cannot share a snapshot between connections: a worker reads the database as
  it is when pass 2 starts (one read transaction for the whole pass). A record that,
  since the plan, was deleted, lost its ``active`` status or was sent back to PII review
  is left out and counted as ``changed_during_export``
  (:func:`~curation.export.rows.still_cleared`); it is never exported uncleared.

Workers are separate interpreters (``python -m curation.export.worker``, started by
:func:`curation.workers.start_module_worker`, which says why not :mod:`multiprocessing`)
talking over a socket pair. Starting one costs about a second of imports and tokenizer
loading, so workers are started while the plan runs, and exports of fewer than
:data:`MIN_ROWS` rows stay in-process.
"""

from __future__ import annotations

import pickle
import re
import socket
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import CurationError, InternalError
from curation.export.plan import Context
from curation.export.rows import (
    RowPass,
    Stats,
    build_chunk,
    set_layouts,
    split_names,
    tally,
)
from curation.export.sinks import JsonlSink, Sink, jsonl_line
from curation.ingest.report import ValidationReport
from curation.ingest.tokens import Counter as TokenCounter
from curation.store import labeling_models as lm
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.failures import storage_error
from curation.workers import start_module_worker, usable_cores

MIN_ROWS = 20_000
MAX_WORKERS = 8
# Chunks handed to each worker ahead: one to build while this process writes the other.
AHEAD_PER_WORKER = 2
STOP_SECONDS = 10
_SNAPSHOT_ID = re.compile(r"^[0-9A-Fa-f-]+$")


class WorkersUnavailableError(Exception):
    """The worker processes could not start or stopped before anything was written."""


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs for the pass, sent once when the plan is done."""

    url: str
    folder: str
    snapshot: str | None
    ctx: Context
    counter: TokenCounter
    names: tuple[str, str]


@dataclass(slots=True)
class Lines:
    """One chunk's rows for one file as a worker returns them."""

    data: bytes
    rows: int
    totals: np.ndarray
    assistant: np.ndarray
    missing_system: int
    missing_user: int


@dataclass(slots=True)
class BuiltChunk:
    files: dict[str, Lines]
    stats: Stats
    expected: int


# --------------------------------------------------------------------------- this process


def wanted_workers(ws: Workspace, ctx: Context, rows: int) -> int:
    """Worker processes worth having for ``rows`` rows; 0 to build them in-process."""
    n = min(usable_cores(), MAX_WORKERS)  # 1 off POSIX: workers inherit their socket
    if n < 2 or rows < MIN_ROWS or ctx.fmt.container != "jsonl" or in_memory(ws.url):
        return 0
    return n


def in_memory(url: str) -> bool:
    database = sa.make_url(url).database
    return url.startswith("sqlite") and (not database or database == ":memory:")


def active_records(session: Session, ctx: Context) -> int:
    """The dataset's active records: a quick guess, before the plan, at the rows to come."""
    r = m.Record
    query = sa.select(sa.func.count()).where(r.dataset_id == ctx.dataset.id, r.status == "active")
    return int(session.execute(query).scalar_one())


class Workers:
    """The worker processes of one export. They start at once (importing and loading the
    tokenizer while this process plans) and wait for :meth:`run`; :meth:`close` stops them."""

    def __init__(self, n: int, encoding: str) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []
        self.conns: list[Connection] = []
        try:
            for _ in range(n):
                self._start(encoding)
        except OSError as exc:
            self.close(kill=True)
            raise WorkersUnavailableError(f"cannot start {sys.executable}: {exc}") from exc

    def _start(self, encoding: str) -> None:
        mine, theirs = socket.socketpair()
        with theirs:
            fd = theirs.fileno()
            proc = start_module_worker("curation.export.worker", [str(fd), encoding], [fd])
        self.procs.append(proc)
        self.conns.append(Connection(mine.detach()))

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(kill=exc_type is not None)

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers: told to finish, or killed (after a failure)."""
        for conn in self.conns:
            try:
                if not kill:
                    conn.send(None)
            except OSError:
                pass
            conn.close()
        for proc in self.procs:
            if kill:
                proc.kill()
            try:
                proc.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.procs, self.conns = [], []

    def run(
        self, job: Job, tasks: list[tuple[np.ndarray, np.ndarray, np.ndarray]]
    ) -> Iterator[BuiltChunk]:
        """The tasks' chunks, built by the workers, in task order. At most a few chunks per
        worker are out (sent, or built and waiting for an earlier one), so memory stays
        flat even when one worker falls behind."""
        outstanding = {conn: 0 for conn in self.conns}
        ready: dict[int, BuiltChunk] = {}
        window = len(self.conns) * AHEAD_PER_WORKER * 2
        sent = yielded = 0

        def top_up() -> None:
            nonlocal sent
            for conn in self.conns:
                while outstanding[conn] < AHEAD_PER_WORKER and sent < min(
                    len(tasks), yielded + window
                ):
                    _send(conn, (sent, *tasks[sent]), first=yielded == 0)
                    outstanding[conn] += 1
                    sent += 1

        for conn in self.conns:
            _send(conn, job, first=True)
        top_up()
        while yielded < len(tasks):
            while yielded not in ready:
                busy = [c for c, n in outstanding.items() if n]
                for answered in wait(busy):
                    assert isinstance(answered, Connection)
                    index, chunk = _receive(answered, first=yielded == 0)
                    outstanding[answered] -= 1
                    ready[index] = chunk
                top_up()
            yield ready.pop(yielded)
            yielded += 1
            top_up()


def _send(conn: Connection, message: Any, *, first: bool) -> None:
    try:
        conn.send(message)
    except OSError as exc:
        raise _lost(exc, first=first) from exc


def _receive(conn: Connection, *, first: bool) -> tuple[int, BuiltChunk]:
    try:
        index, chunk, error = conn.recv()
    except (EOFError, OSError) as exc:
        raise _lost(exc, first=first) from exc
    if error is not None:
        raise error
    return index, chunk


def _lost(exc: BaseException, *, first: bool) -> Exception:
    """A worker is gone: before anything was written the pass may still run in-process."""
    reason = f"an export worker process stopped unexpectedly ({type(exc).__name__})"
    if first:
        return WorkersUnavailableError(reason)
    return CurationError(f"{reason}; nothing was written")


def start_workers(
    ws: Workspace, session: Session, ctx: Context, counter: TokenCounter
) -> Workers | None:
    """Workers started before the plan when the dataset looks large enough to need them."""
    n = wanted_workers(ws, ctx, MIN_ROWS)  # 0 whatever the size: no need to count the records
    if not n or active_records(session, ctx) < MIN_ROWS:
        return None
    try:
        return Workers(n, counter.encoding)
    except WorkersUnavailableError:
        return None


def export_snapshot(session: Session) -> str | None:
    """The id of the session's PostgreSQL snapshot, for the workers to read in; None on SQLite."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    snapshot = str(session.execute(sa.text("SELECT pg_export_snapshot()")).scalar_one())
    if not _SNAPSHOT_ID.match(snapshot):
        raise InternalError(f"unexpected snapshot id {snapshot!r}")
    return snapshot


def write_rows_in_workers(
    workers: Workers, ws: Workspace, session: Session, job: RowPass, counter: TokenCounter
) -> None:
    """Pass 2 with the workers building the chunks and this process writing them.

    Raises :class:`WorkersUnavailableError` when the workers cannot take the job (before
    anything is written, so the caller may run the pass in-process instead)."""
    names = split_names(len(job.sinks))
    work = Job(
        ws.url,
        str(ws.folder),
        export_snapshot(session),
        worker_context(job.ctx),
        replace(counter, threads=1),
        names,
    )
    done = 0
    for chunk in workers.run(work, list(job.chunks())):
        done += _write(chunk, job.sinks, job.reports, job.stats)
        job.advanced(done)
    workers.close()
    set_layouts(job.ctx.fmt, job.reports)


def worker_context(ctx: Context) -> Context:
    """The export's context without what only the plan needs or this session holds."""
    campaign = None
    if ctx.campaign is not None:
        campaign = lm.Campaign(
            id=ctx.campaign.id, name=ctx.campaign.name, criteria=list(ctx.campaign.criteria)
        )
    return replace(
        ctx,
        dataset=m.Dataset(id=ctx.dataset.id, name=ctx.dataset.name),
        campaign=campaign,
        aggregation=None,
        clusters={},
        dedup_run=None,
    )


def _write(
    chunk: BuiltChunk,
    sinks: dict[str, Sink],
    reports: dict[str, ValidationReport],
    stats: Stats,
) -> int:
    for name, lines in chunk.files.items():
        sink = sinks[name]
        assert isinstance(sink, JsonlSink)
        sink.write_lines(lines.data, lines.rows)
        report = reports[name]
        report.add_tokens(lines.totals, lines.assistant)
        tally(report, lines.rows, lines.missing_system, lines.missing_user)
    stats.merge(chunk.stats)
    return chunk.expected


# --------------------------------------------------------------------------- worker processes


def serve(fd: int, encoding: str) -> None:
    """A worker's life: load the tokenizer, wait for the job, build chunks until told to stop."""
    conn = Connection(fd)
    TokenCounter(encoding, threads=1).count(["warm up"])
    try:
        job = conn.recv()
        if job is None:
            return
        session = _open(job)
        while (task := conn.recv()) is not None:
            index, ids, splits, expected = task
            reply: tuple[int, BuiltChunk | None, Exception | None]
            try:
                reply = (index, _build(session, job, ids, splits, expected), None)
            except Exception as exc:
                reply = (index, None, _portable(exc))
            conn.send(reply)
    except (EOFError, BrokenPipeError, ConnectionResetError, KeyboardInterrupt):
        return  # the export is over, failed or was interrupted: nothing left to do


def _open(job: Job) -> Session:
    """This worker's read transaction, in the export's snapshot on PostgreSQL."""
    ws = Workspace(job.url, Path(job.folder))
    connection = ws.read_engine.connect()
    if job.snapshot is not None:
        connection.execution_options(isolation_level="REPEATABLE READ")
        connection.exec_driver_sql(f"SET TRANSACTION SNAPSHOT '{job.snapshot}'")
    else:
        # SQLite takes its read snapshot at the first read, not at BEGIN.
        connection.execute(sa.select(m.Record.id).limit(1)).all()
    return Session(bind=connection)


def _build(
    session: Session, job: Job, ids: np.ndarray, splits: np.ndarray, expected: np.ndarray
) -> BuiltChunk:
    chunk = build_chunk(session, job.ctx, ids, splits, expected, job.names, jsonl_line)
    files: dict[str, Lines] = {}
    for name, part in chunk.parts.items():
        totals, assistant = job.counter.conversations(part.conversations)
        files[name] = Lines(
            b"".join(part.rows),
            len(part.rows),
            totals,
            assistant,
            part.missing_system,
            part.missing_user,
        )
    return BuiltChunk(files, chunk.stats, chunk.expected)


def _portable(exc: Exception) -> Exception:
    """The error as the parent can receive it (an unexpected one with its traceback)."""
    failure = storage_error(exc)  # one line, no SQL: the parent shows it as it is
    if failure is not None:
        return failure
    if not isinstance(exc, CurationError):
        traceback.print_exc()
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
