"""One job in its own process: ``python -m curation.jobs.child JOB_ID`` (started by a runner).

The process leads its own process group, so the runner can stop the job and every process
the stage started with one signal (the engine's Ray workers belong to the Ray instance,
which stops a driver's tasks and actors when the driver dies); a watchdog ends the
group when the runner itself is gone, so no orphan goes on writing after its job was
declared interrupted. The database URL comes in the environment, never on the command
line (``ps`` shows arguments to every user).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

from curation.errors import StorageError
from curation.jobs import store
from curation.jobs.kinds import RUNNERS, JobContext
from curation.jobs.model import CANCELLED, FAILED, SUCCEEDED, JobCancelledError
from curation.store.db import Workspace

URL_ENV = "CURATION_JOB_DB_URL"
FOLDER_ENV = "CURATION_JOB_FOLDER"
RUNNER_ENV = "CURATION_JOB_RUNNER"
PARENT_ENV = "CURATION_JOB_PARENT"
PROGRESS_SECONDS = 0.5
PROGRESS_BUSY_MS = 0  # the lock is most often the stage's own: waiting cannot help


class ProgressWriter:
    """A job's :data:`~curation.progress.Progress`: throttled writes, cancellation checks.

    At most one write per :data:`PROGRESS_SECONDS` (and one per new stage), each in its own
    short transaction; when SQLite's write lock is held by the stage itself, the progress
    goes to a file beside the database instead. Raises :class:`JobCancelledError` once the job
    is asked to stop.
    """

    def __init__(self, ws: Workspace, job_id: int, interval: float = PROGRESS_SECONDS) -> None:
        self.ws, self.job_id, self.interval = ws, job_id, interval
        self._last = 0.0
        self._stage = ""

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if stage == self._stage and now - self._last < self.interval:
            return
        self._last, self._stage = now, stage
        try:
            cancel = store.write_progress(self.ws, self.job_id, stage, done, total)
        except StorageError:
            store.write_side_progress(self.ws, self.job_id, stage, done, total)
            cancel = store.cancel_requested(self.ws, self.job_id)
        if cancel:
            raise JobCancelledError(f"job #{self.job_id} was cancelled")


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os.killpg(os.getpgrp(), signal.SIGKILL)
        time.sleep(0.5)


def run_job(ws: Workspace, quick: Workspace, job_id: int, runner: str) -> str:
    """Run a claimed job and record its outcome; the status recorded."""
    job = store.get_job(ws, job_id)
    progress = ProgressWriter(quick, job_id)
    ctx = JobContext(ws, job_id, job.params, job.created_by or "runner", progress)
    try:
        progress("starting", 0, None)
        result = RUNNERS[job.kind](ctx)
    except JobCancelledError:
        store.finish(ws, job_id, runner, CANCELLED, error="cancelled while running")
        return CANCELLED
    except BaseException as exc:  # a job's failure is recorded, whatever it is
        store.finish(ws, job_id, runner, FAILED, error=store.error_line(exc, ws.url))
        if not isinstance(exc, Exception):
            raise
        return FAILED
    store.finish(ws, job_id, runner, SUCCEEDED, result=result)
    return SUCCEEDED


def main(argv: list[str]) -> int:
    job_id = int(argv[1])
    parent = int(os.environ.get(PARENT_ENV, "0"))
    if parent:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    url, folder = os.environ[URL_ENV], Path(os.environ[FOLDER_ENV])
    ws = Workspace(url, folder)
    quick = store.quick_workspace(url, folder, PROGRESS_BUSY_MS)
    try:
        run_job(ws, quick, job_id, os.environ[RUNNER_ENV])
    finally:
        quick.dispose()
        ws.dispose()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main(sys.argv))
