"""The job runner: claims queued jobs, runs each in its own process, watches and stops them.

Why a child process per job rather than a thread: cancelling must stop the work even
inside a long C call (FAISS, an embedding batch, spaCy) where no progress callback runs,
and only a process can be stopped from outside there; a process also gives its memory
(gigabytes for a 1M-record dedup) back when the job ends, and a crash in one job does
not take the runner down. The cost, a Python start-up per job, is small beside a long stage.

How the work is started is an :class:`Executor`: :class:`LocalProcessExecutor` today; a
Ray executor (a task per job on a local or remote cluster) can replace it without
touching the claim, heartbeat, cancel and outcome logic here.

The engine (:mod:`curation.engine`): a job whose input is big gets Ray. A job's process
could start its own local instance, but the runner runs in its process's main thread
(the only place Ray may start) and lives on between jobs, so it starts one instance, at
the first big job, and hands its address to every job after
(``CURATION_RAY_ADDRESS``): a job then attaches in a fraction of a second. With
``--ray-address`` the jobs attach to that cluster instead. The instance stops with the
runner.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from curation.engine import cluster
from curation.engine.choice import Size, choose, configured_address
from curation.engine.cluster import EngineUnavailableError
from curation.engine.settings import ADDRESS_ENV, JOB_STAGES
from curation.errors import StorageError
from curation.jobs import child, store
from curation.jobs.kinds import input_size
from curation.jobs.model import CANCELLED, FAILED, INTERRUPTED, JobInfo
from curation.store.db import Workspace

TICK_SECONDS = 0.5
CANCEL_GRACE_SECONDS = 3.0  # a cancelled job may stop on its own at its next progress call
RUNNER_BUSY_MS = 2000


class Execution(Protocol):
    """One running job, as its executor started it."""

    job_id: int

    def exit_code(self) -> int | None:
        """None while the job runs; its exit status once it has ended."""

    def kill(self) -> None:
        """Stop the job's work now, whatever it is doing (its writes roll back)."""


class Executor(Protocol):
    def start(self, job: JobInfo, runner: str) -> Execution: ...


@dataclass
class _Process:
    job_id: int
    proc: subprocess.Popen[bytes]

    def exit_code(self) -> int | None:
        return self.proc.poll()

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


class LocalProcessExecutor:
    """Each job in ``python -m curation.jobs.child`` in a new session (its own process group)."""

    def __init__(
        self, url: str, folder: Path, log: Callable[[str], None] = lambda _line: None
    ) -> None:
        self.url, self.folder, self.log = url, folder, log
        self.ws: Workspace | None = None

    def start(self, job: JobInfo, runner: str) -> Execution:
        env = dict(os.environ)
        address = self._ray_for(job)
        if address is not None:
            env[ADDRESS_ENV] = address
        env.update(
            {
                child.URL_ENV: self.url,
                child.FOLDER_ENV: str(self.folder),
                child.RUNNER_ENV: runner,
                child.PARENT_ENV: str(os.getpid()),
            }
        )
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        proc = subprocess.Popen(
            [sys.executable, "-m", "curation.jobs.child", str(job.id)],
            env=env,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        return _Process(job.id, proc)

    def _ray_for(self, job: JobInfo) -> str | None:
        """The Ray address to hand the job: the one configured, this runner's instance, or
        a new one when the job's input is big; None: the job decides alone."""
        if configured_address() is not None or job.params.get("ray_address"):
            return None  # in the environment already, or the job's own
        if cluster.connected():
            return cluster.address()
        stage = JOB_STAGES.get(job.kind)
        if stage is None or self.ws is None:
            return None
        try:
            records, nbytes = input_size(self.ws, job.kind, job.params)
        except StorageError:
            return None
        engine = choose(stage, Size(records, nbytes))
        if not engine.ray:
            return None
        try:
            started = time.perf_counter()
            cluster.connect()
        except EngineUnavailableError as exc:
            self.log(f"job #{job.id} runs without Ray: {exc}")
            return None
        self.log(f"started a local Ray instance in {time.perf_counter() - started:.1f} s")
        return cluster.address()


@dataclass
class _Running:
    execution: Execution
    kind: str
    cancel_at: float | None = None


@dataclass
class Runner:
    """``run(stop)`` claims and runs jobs until ``stop`` is set, then interrupts its own jobs.

    ``slots`` caps this runner's jobs at once; the workspace's limit
    (:func:`~curation.jobs.store.get_concurrency`) caps all runners together.
    """

    ws: Workspace
    executor: Executor
    slots: int | None = None
    log: Callable[[str], None] = lambda _line: None
    token: str = field(default_factory=store.runner_token)
    running: dict[int, _Running] = field(default_factory=dict)
    _last_beat: float = 0.0
    _last_failure: tuple[str, float] = ("", 0.0)

    def run(self, stop: threading.Event) -> None:
        self._safely(lambda: self._note_swept(store.sweep_interrupted(self.ws)))
        try:
            while not stop.is_set():
                self.tick()
                stop.wait(TICK_SECONDS)
        finally:
            self.shutdown()

    def tick(self) -> None:
        now = time.monotonic()
        if now - self._last_beat >= store.HEARTBEAT_SECONDS:
            self._last_beat = now
            self._safely(lambda: store.heartbeat(self.ws, self.token))
            self._safely(lambda: self._note_swept(store.sweep_interrupted(self.ws)))
        self._reap()
        self._safely(self._cancel_requested)
        self._safely(self._claim)

    def shutdown(self) -> None:
        """Stop this runner's jobs and mark them interrupted (re-run them later)."""
        for job_id, entry in list(self.running.items()):
            entry.execution.kill()
            note = f"interrupted: its runner was stopped (re-run: curation jobs rerun {job_id})"
            self._finish(job_id, INTERRUPTED, note)
            self.log(f"job #{job_id} {entry.kind} interrupted (runner stopping)")
        self.running.clear()

    # ------------------------------------------------------------------ steps

    def _claim(self) -> None:
        while self.slots is None or len(self.running) < self.slots:
            job = store.claim(self.ws, self.token)
            if job is None:
                return
            try:
                execution = self.executor.start(job, self.token)
            except OSError as exc:  # no process could be started (out of memory, no pids)
                self._finish(job.id, FAILED, f"could not start the job's process: {exc}")
                self.log(f"job #{job.id} {job.kind} failed to start: {exc}")
                continue
            self.running[job.id] = _Running(execution, job.kind)
            self.log(f"job #{job.id} {job.kind} started")

    def _reap(self) -> None:
        for job_id, entry in list(self.running.items()):
            code = entry.execution.exit_code()
            if code is None:
                continue
            # the job records its own outcome; this one lands only if it could not
            cancelled = entry.cancel_at is not None
            how = "was cancelled" if cancelled else f"ended unexpectedly (exit status {code})"
            if not self._finish(
                job_id, CANCELLED if cancelled else FAILED, f"the job's process {how}"
            ):
                continue  # the database is busy: try again on the next tick
            del self.running[job_id]
            try:
                final = store.get_job(self.ws, job_id).status
            except StorageError:
                final = "finished"
            self.log(f"job #{job_id} {entry.kind} {final}")

    def _finish(self, job_id: int, status: str, error: str) -> bool:
        """Record an outcome unless one is recorded already; False if the store was busy."""
        try:
            store.finish(self.ws, job_id, self.token, status, error=error)
        except StorageError as exc:
            self._note_failure(exc)
            return False
        return True

    def _cancel_requested(self) -> None:
        if not self.running:
            return
        now = time.monotonic()
        for job_id, entry in self.running.items():
            if entry.cancel_at is None and store.cancel_requested(self.ws, job_id):
                entry.cancel_at = now + CANCEL_GRACE_SECONDS
                self.log(f"job #{job_id} {entry.kind} cancelling")
            elif entry.cancel_at is not None and now >= entry.cancel_at:
                entry.execution.kill()  # reaped as cancelled on the next tick

    def _note_swept(self, ids: list[int]) -> None:
        for job_id in ids:
            self.log(f"job #{job_id} interrupted (its runner is gone)")

    def _safely(self, step: Callable[[], object]) -> None:
        """A locked or briefly unreachable database skips a step; the next tick retries.

        The same failure is logged once a minute: a 1M-line import holds SQLite's write
        lock for a minute, and the runner would otherwise say so every tick.
        """
        try:
            step()
        except StorageError as exc:
            self._note_failure(exc)

    def _note_failure(self, exc: StorageError) -> None:
        now = time.monotonic()
        if str(exc) != self._last_failure[0] or now - self._last_failure[1] > 60:
            self._last_failure = (str(exc), now)
            self.log(f"runner: {exc}")


def run_worker(
    ws: Workspace,
    *,
    slots: int | None = None,
    stop: threading.Event | None = None,
    log: Callable[[str], None] = lambda _line: None,
) -> None:
    """Run a job runner in this process until ``stop`` is set (or SIGTERM / Ctrl+C)."""
    stop = stop or threading.Event()
    quick = store.quick_workspace(ws.url, ws.folder, RUNNER_BUSY_MS)
    executor = LocalProcessExecutor(ws.url, ws.folder, log)
    executor.ws = quick
    runner = Runner(quick, executor, slots=slots, log=log)
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda _s, _f: stop.set())
    log(f"runner {runner.token} waiting for jobs")
    try:
        runner.run(stop)
    finally:
        cluster.shutdown()  # a local instance started for the jobs stops with the runner
        quick.dispose()
    log("runner stopped")
