"""The jobs table: submit, read, cancel, re-run, and the runner's claim, heartbeat and finish.

Every state change is one short transaction. A runner claims a job only through
:func:`claim`, which is safe with several runners on one store: on PostgreSQL it holds a
transaction-scoped advisory lock while it counts the running jobs (so the workspace's
concurrency limit holds across runners) and takes the oldest queued row with
``FOR UPDATE SKIP LOCKED``; on SQLite the write transaction itself (``BEGIN IMMEDIATE``)
serialises claimers. A runner's outcome is written only while the job is still its own
(``status = running`` and ``runner_id`` = the runner), so a job already declared
interrupted is never overwritten by a runner that came back.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import (
    ConflictError,
    CurationError,
    InputError,
    InternalError,
    NotFoundError,
    StorageError,
)
from curation.fileio.atomic import atomic_write_bytes
from curation.jobs.model import (
    CANCELLED,
    FINISHED,
    INTERRUPTED,
    QUEUED,
    RERUNNABLE,
    RUNNING,
    SUCCEEDED,
    JobInfo,
    JobProgress,
)
from curation.owners import owner_token, process_alive
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.failures import first_line, scrub, storage_error, unexpected_database_error

CONCURRENCY_KEY = "jobs.concurrency"
CLAIM_LOCK_KEY = 7_310_455_014  # pg_advisory_xact_lock key serialising claims
HEARTBEAT_SECONDS = 5.0
STALE_AFTER = timedelta(seconds=60)  # no heartbeat for this long: the runner is gone
KINDS = (
    "import",
    "dedup",
    "export",
    "pii-scan",
    "pii-apply",
    "leakage",
    "judge",
    "sleep",
    # file mode over a folder or glob of shards (curation.jobs.shards)
    "validate-shards",
    "redact-shards",
    "dedup-shards",
    "export-shards",
)
ERROR_CHARS = 500


def quick_workspace(url: str, folder: Path, busy_ms: int) -> Workspace:
    """A workspace whose SQLite writes give up after ``busy_ms`` instead of a minute.

    A runner and a job's progress must not wait behind a stage's long write transaction
    (a 1M-line import holds SQLite's only write lock for a minute): they try again at
    their next tick, or (progress) write beside the database.
    """
    ws = Workspace(url, folder)
    if ws.is_sqlite:

        def _short(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute(f"PRAGMA busy_timeout={int(busy_ms)}")

        for engine in {ws.engine, ws.read_engine}:
            sa.event.listen(engine, "connect", _short)
    return ws


# --------------------------------------------------------------------------- reading


def _info(
    job: m.Job,
    position: int | None = None,
    side: JobProgress | None = None,
    marked: bool = False,
) -> JobInfo:
    progress = side or JobProgress(job.stage, int(job.done or 0), job.total)
    return JobInfo(
        id=job.id,
        kind=job.kind,
        status=job.status,
        params=dict(job.params or {}),
        dataset_id=job.dataset_id,
        created_by=job.created_by,
        progress=progress,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
        heartbeat_at=job.heartbeat_at,
        runner_id=job.runner_id,
        result=dict(job.result or {}),
        error=job.error,
        cancel_requested=bool(job.cancel_requested) or marked,
        rerun_of=job.rerun_of,
        queue_position=position,
    )


def _position(session: Session, job: m.Job) -> int | None:
    if job.status != QUEUED:
        return None
    ahead = session.scalar(
        sa.select(sa.func.count()).where(m.Job.status == QUEUED, m.Job.id < job.id)
    )
    return int(ahead or 0) + 1


def get_job(ws: Workspace, job_id: int) -> JobInfo:
    with ws.read() as s:
        job = s.get(m.Job, job_id)
        if job is None:
            raise NotFoundError(f"no job #{job_id} in this workspace")
        return _info(job, _position(s, job), _side_progress(ws, job), _marked(ws, job))


def list_jobs(
    ws: Workspace,
    *,
    statuses: Sequence[str] | None = None,
    dataset_id: int | None = None,
    limit: int = 50,
) -> list[JobInfo]:
    """The most recent jobs first; queued ones carry their place in the queue."""
    with ws.read() as s:
        query = sa.select(m.Job).order_by(m.Job.id.desc()).limit(limit)
        if statuses:
            query = query.where(m.Job.status.in_(list(statuses)))
        if dataset_id is not None:
            query = query.where(m.Job.dataset_id == dataset_id)
        jobs = list(s.scalars(query))
        queued = list(
            s.scalars(sa.select(m.Job.id).where(m.Job.status == QUEUED).order_by(m.Job.id))
        )
        place = {job_id: i + 1 for i, job_id in enumerate(queued)}
        return [_info(j, place.get(j.id), _side_progress(ws, j), _marked(ws, j)) for j in jobs]


# --------------------------------------------------------------------------- submitting


RUNNER_ENV = "CURATION_JOB_RUNNER"  # set by `curation serve` for the app when it starts a runner


def runner_beside_app() -> bool:
    """Whether a job runner was started beside this app, so long stages can be submitted
    as jobs; without one (a bare `streamlit run`) pages run them in their own script run."""
    return os.environ.get(RUNNER_ENV) == "1"


def submit(
    ws: Workspace,
    kind: str,
    params: dict[str, Any],
    dataset: str | None,
    who: str,
    *,
    rerun_of: int | None = None,
) -> JobInfo:
    """Queue a job; a runner (``curation worker``, or the one ``curation serve`` starts) runs it."""
    if kind not in KINDS:
        raise InputError(f"unknown job kind {kind!r}; one of: {', '.join(KINDS)}")
    try:
        orjson.dumps(params)
    except TypeError as exc:
        raise InputError(f"job parameters must be JSON values: {exc}") from exc
    with ws.tx() as s:
        dataset_id = None
        if dataset is not None:
            dataset_id = s.scalar(sa.select(m.Dataset.id).where(m.Dataset.name == dataset))
        elif kind == "dedup" and isinstance(params.get("run_id"), int):  # a re-cluster: its run's
            run = params["run_id"]
            dataset_id = s.scalar(sa.select(m.DedupRun.dataset_id).where(m.DedupRun.id == run))
        job = m.Job(
            kind=kind,
            params=params,
            dataset_id=dataset_id,
            created_by=who,
            status=QUEUED,
            result={},
            error="",
            runner_id="",
            cancel_requested=False,
            rerun_of=rerun_of,
        )
        s.add(job)
        s.flush()
        log_event(
            s, who, "job.submit", "job", job.id, kind=kind, dataset=dataset, rerun_of=rerun_of
        )
        return _info(job, _position(s, job))


def cancel(ws: Workspace, job_id: int, who: str) -> JobInfo:
    """A queued job is cancelled at once; a running one is asked to stop (its runner stops it).

    On SQLite a running stage may hold the database's only write lock for minutes (an
    import is one transaction): the request is then a file beside the database, which the
    job and its runner read, and the audit event is written when the job ends.
    """
    if ws.is_sqlite:
        job = get_job(ws, job_id)
        if job.status == RUNNING:
            marker = _cancel_path(ws, job_id)
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(who, encoding="utf-8")
            quick = quick_workspace(ws.url, ws.folder, 1000)
            try:
                return _cancel_in_db(quick, job_id, who)
            except StorageError:
                return replace(job, cancel_requested=True)
            except ConflictError:  # it stopped on the file already (and audited the request)
                return get_job(ws, job_id)
            finally:
                quick.dispose()
    return _cancel_in_db(ws, job_id, who)


def _cancel_in_db(ws: Workspace, job_id: int, who: str) -> JobInfo:
    with ws.tx() as s:
        job = s.get(m.Job, job_id, with_for_update=not ws.is_sqlite)  # vs a claim
        if job is None:
            raise NotFoundError(f"no job #{job_id} in this workspace")
        if job.status in FINISHED:
            raise ConflictError(f"job #{job_id} is already {job.status}: nothing to cancel")
        was = job.status
        if was == QUEUED:
            job.status = CANCELLED
            job.finished_at = m.utcnow()
            job.error = f"cancelled by {who} before it started"
        job.cancel_requested = True
        log_event(s, who, "job.cancel", "job", job.id, kind=job.kind, was=was)
        s.flush()
        return _info(job)


def rerun(ws: Workspace, job_id: int, who: str) -> JobInfo:
    """Submit an interrupted, failed or cancelled job again, with the same parameters."""
    with ws.read() as s:
        job = s.get(m.Job, job_id)
        if job is None:
            raise NotFoundError(f"no job #{job_id} in this workspace")
        if job.status not in RERUNNABLE:
            raise ConflictError(
                f"job #{job_id} is {job.status}: only {', '.join(RERUNNABLE)} jobs can be re-run"
            )
        kind, params = job.kind, dict(job.params or {})
        dataset = s.scalar(sa.select(m.Dataset.name).where(m.Dataset.id == job.dataset_id))
    return submit(ws, kind, params, dataset, who, rerun_of=job_id)


# --------------------------------------------------------------------------- settings


def default_concurrency() -> int:
    """1 on a machine with up to 4 cores (one long stage already uses them all), else cores/4."""
    cores = os.cpu_count() or 1
    return 1 if cores <= 4 else cores // 4


def get_concurrency(session: Session) -> int:
    row = session.get(m.Setting, CONCURRENCY_KEY)
    value = (
        row.value.get("concurrency") if row is not None and isinstance(row.value, dict) else None
    )
    if isinstance(value, int) and value >= 1:
        return value
    return default_concurrency()


def set_concurrency(session: Session, n: int, *, actor: str) -> None:
    if n < 1:
        raise InputError(f"at most {n} jobs at once: give 1 or more")
    # an object, not a bare number: SQLite's JSON column would read a bare number back as one
    row = session.get(m.Setting, CONCURRENCY_KEY)
    if row is None:
        session.add(m.Setting(key=CONCURRENCY_KEY, value={"concurrency": n}, updated_at=m.utcnow()))
    else:
        row.value, row.updated_at = {"concurrency": n}, m.utcnow()
    log_event(session, actor, "settings.jobs", "setting", CONCURRENCY_KEY, concurrency=n)


# --------------------------------------------------------------------------- the runner's side


# A runner is named like any other owner of long work: host, pid and start time.
runner_token = owner_token
runner_alive = process_alive


def claim(ws: Workspace, runner: str, limit: int | None = None) -> JobInfo | None:
    """Take the oldest queued job for ``runner``, unless the workspace runs its limit already."""
    with ws.tx() as s:
        if not ws.is_sqlite:
            s.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": CLAIM_LOCK_KEY})
        cap = limit if limit is not None else get_concurrency(s)
        running = s.scalar(sa.select(sa.func.count()).where(m.Job.status == RUNNING)) or 0
        if running >= cap:
            return None
        query = sa.select(m.Job).where(m.Job.status == QUEUED).order_by(m.Job.id).limit(1)
        if not ws.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        job = s.scalars(query).first()
        if job is None:
            return None
        now = m.utcnow()
        job.status, job.runner_id = RUNNING, runner
        job.started_at = job.heartbeat_at = now
        s.flush()
        return _info(job)


def heartbeat(ws: Workspace, runner: str) -> None:
    with ws.tx() as s:
        s.execute(
            sa.update(m.Job)
            .where(m.Job.runner_id == runner, m.Job.status == RUNNING)
            .values(heartbeat_at=m.utcnow())
        )


def finish(
    ws: Workspace,
    job_id: int,
    runner: str,
    status: str,
    *,
    result: dict[str, Any] | None = None,
    error: str = "",
) -> bool:
    """Record a job's outcome if it is still this runner's running job; False otherwise."""
    if status not in FINISHED:
        raise InternalError(f"{status!r} is not a finished job status")
    with ws.tx() as s:
        job = s.get(m.Job, job_id, with_for_update=not ws.is_sqlite)
        if job is None or job.status != RUNNING or job.runner_id != runner:
            return False
        marker = _cancel_path(ws, job_id)
        if ws.is_sqlite and not job.cancel_requested and marker.exists():
            job.cancel_requested = True
            who = marker.read_text(encoding="utf-8").strip() or "unknown"
            log_event(s, who, "job.cancel", "job", job.id, kind=job.kind, was=RUNNING)
        job.status, job.finished_at = status, m.utcnow()
        job.result = result or {}
        job.error = error[:ERROR_CHARS]
        if status == SUCCEEDED:
            job.stage = "done"
            job.done = job.total if job.total else job.done
        if job.dataset_id is None and isinstance(job.params.get("dataset"), str):
            job.dataset_id = s.scalar(
                sa.select(m.Dataset.id).where(m.Dataset.name == job.params["dataset"])
            )
        if status != SUCCEEDED:
            settle_runs(s, job, f"stopped with job #{job.id} ({status})")
        log_event(
            s,
            job.created_by or "runner",
            f"job.{status}",
            "job",
            job.id,
            kind=job.kind,
            runner=runner,
            error=job.error or None,
        )
    clear_side_progress(ws, job_id)
    return True


def settle_runs(session: Session, job: m.Job, note: str) -> list[int]:
    """Mark ``failed`` the dedup or PII run a stopped job left ``running``; their ids.

    A stage records its own failure when it raises, but not when its process is killed
    (a forced cancel, a dead runner). The run is the one of the job's dataset and actor
    started since the job was.
    """
    model: Any = {
        "dedup": m.DedupRun,
        "pii-scan": m.PiiRun,
        "pii-apply": m.PiiRun,  # with a scan first (curation redact --dataset)
    }.get(job.kind)
    if model is None or job.dataset_id is None or job.started_at is None:
        return []
    runs: Sequence[m.DedupRun | m.PiiRun] = session.scalars(
        sa.select(model).where(
            model.dataset_id == job.dataset_id,
            model.status == RUNNING,
            model.actor == (job.created_by or "runner"),
            model.started_at >= job.started_at,
        )
    ).all()
    for run in runs:
        run.status, run.finished_at = "failed", m.utcnow()
        if isinstance(run, m.DedupRun):
            run.stats = {**(run.stats or {}), "error": note}
    return [run.id for run in runs]


def cancel_requested(ws: Workspace, job_id: int) -> bool:
    if ws.is_sqlite and _cancel_path(ws, job_id).exists():
        return True
    with ws.read() as s:
        return bool(s.scalar(sa.select(m.Job.cancel_requested).where(m.Job.id == job_id)))


def sweep_interrupted(ws: Workspace) -> list[int]:
    """Mark ``interrupted`` the running jobs whose runner is gone; their ids.

    Gone: on this host, its process no longer runs; anywhere, no heartbeat for
    :data:`STALE_AFTER`.
    """
    now = m.utcnow()
    with ws.read() as s:
        running = list(
            s.execute(
                sa.select(m.Job.id, m.Job.runner_id, m.Job.heartbeat_at).where(
                    m.Job.status == RUNNING
                )
            )
        )
    gone: list[tuple[int, str]] = []
    for job_id, runner, beat in running:
        alive = runner_alive(runner)
        stale = beat is None or now - beat > STALE_AFTER
        if alive is False or (alive is None and stale):
            gone.append((job_id, runner))
    for job_id, runner in gone:
        finish(
            ws,
            job_id,
            runner,
            INTERRUPTED,
            error=f"interrupted: its runner stopped (re-run it: curation jobs rerun {job_id})",
        )
    return [job_id for job_id, _ in gone]


# --------------------------------------------------------------------------- progress


def write_progress(ws: Workspace, job_id: int, stage: str, done: int, total: int | None) -> bool:
    """Store a job's progress in its row; True if someone asked to cancel it."""
    with ws.tx() as s:
        s.execute(
            sa.update(m.Job)
            .where(m.Job.id == job_id, m.Job.status == RUNNING)
            .values(stage=stage[:80], done=done, total=total, progress_at=m.utcnow())
        )
        flag = s.scalar(sa.select(m.Job.cancel_requested).where(m.Job.id == job_id))
    return bool(flag) or (ws.is_sqlite and _cancel_path(ws, job_id).exists())


def _side_path(ws: Workspace, job_id: int) -> Path:
    return ws.folder / "jobs" / f"{job_id}.progress.json"


def write_side_progress(
    ws: Workspace, job_id: int, stage: str, done: int, total: int | None
) -> None:
    """Progress beside a SQLite database while a stage's own transaction holds its write lock
    (an import is one transaction per file): readers merge it with the row."""
    data = {"stage": stage, "done": done, "total": total, "at": m.utcnow().isoformat()}
    atomic_write_bytes(_side_path(ws, job_id), orjson.dumps(data))


def _side_progress(ws: Workspace, job: m.Job) -> JobProgress | None:
    if not ws.is_sqlite or job.status != RUNNING:
        return None
    try:
        data = orjson.loads(_side_path(ws, job.id).read_bytes())
        at = datetime.fromisoformat(data["at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if job.progress_at is not None and job.progress_at >= at:
        return None
    return JobProgress(str(data["stage"]), int(data["done"]), data["total"])


def clear_side_progress(ws: Workspace, job_id: int) -> None:
    if ws.is_sqlite:
        _side_path(ws, job_id).unlink(missing_ok=True)
        _cancel_path(ws, job_id).unlink(missing_ok=True)


def _cancel_path(ws: Workspace, job_id: int) -> Path:
    return ws.folder / "jobs" / f"{job_id}.cancel"


def _marked(ws: Workspace, job: m.Job) -> bool:
    return ws.is_sqlite and job.status == RUNNING and _cancel_path(ws, job.id).exists()


# --------------------------------------------------------------------------- errors


def error_line(exc: BaseException, url: str) -> str:
    """A failed job's error: one line, no SQL, no row values, no password."""
    if isinstance(exc, CurationError):
        text = str(exc)
    else:
        failure = storage_error(exc)
        if failure is not None:
            text = str(failure)
        else:
            text = unexpected_database_error(exc) or f"{type(exc).__name__}: {first_line(str(exc))}"
    return scrub(first_line(text) or type(exc).__name__, url)[:ERROR_CHARS]
