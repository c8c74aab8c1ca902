"""What crosses the jobs package's boundary: job states, :class:`JobInfo`, the errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from curation.errors import CurationError

QUEUED = "queued"
RUNNING = "running"
SUCCEEDED = "succeeded"
FAILED = "failed"
CANCELLED = "cancelled"
INTERRUPTED = "interrupted"
STATUSES = (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED)
FINISHED = (SUCCEEDED, FAILED, CANCELLED, INTERRUPTED)
RERUNNABLE = (FAILED, CANCELLED, INTERRUPTED)


class JobCancelledError(CurationError):
    """Raised from a job's progress callback once someone asked to cancel the job."""


@dataclass(frozen=True, slots=True)
class JobProgress:
    stage: str = ""
    done: int = 0
    total: int | None = None

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(max(self.done / self.total, 0.0), 1.0)

    def as_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "done": self.done, "total": self.total}


@dataclass(frozen=True, slots=True)
class JobResult:
    """A finished job's result as readers use it: its one-line ``summary``, the ``run_id``
    of the run it made (dedup, PII scan), and the whole stored JSON in ``data``.

    The job row keeps the result as JSON (:attr:`JobInfo.result`, unchanged in
    ``curation jobs show --json``); this is the typed view of it.
    """

    summary: str = ""
    run_id: int | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def parse(cls, raw: Mapping[str, Any] | None) -> JobResult:
        raw = raw or {}
        run_id = raw.get("run_id")
        return cls(
            summary=str(raw.get("summary") or ""),
            run_id=int(run_id) if run_id is not None else None,
            data=dict(raw),
        )


@dataclass(frozen=True, slots=True)
class JobInfo:
    """A job as a reader sees it. ``queue_position`` (1 = next) is set for queued jobs."""

    id: int
    kind: str
    status: str
    params: dict[str, Any] = field(default_factory=dict)
    dataset_id: int | None = None
    created_by: str = ""
    progress: JobProgress = field(default_factory=JobProgress)
    created_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    heartbeat_at: datetime | None = None
    runner_id: str = ""
    result: dict[str, Any] = field(default_factory=dict)
    error: str = ""
    cancel_requested: bool = False
    rerun_of: int | None = None
    queue_position: int | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def rerunnable(self) -> bool:
        return self.status in RERUNNABLE

    @property
    def outcome(self) -> JobResult:
        """:attr:`result` typed (empty until the job has succeeded)."""
        return JobResult.parse(self.result)

    def describe(self) -> str:
        """One line: ``#12 import queued (2nd in line)``, ``#12 dedup running: embed 40/100``."""
        head = f"#{self.id} {self.kind} {self.status}"
        if self.status == QUEUED and self.queue_position:
            return f"{head} (place {self.queue_position} in the queue)"
        if self.status == RUNNING:
            p = self.progress
            where = f"{p.done:,}/{p.total:,}" if p.total else f"{p.done:,}"
            cancelling = " — cancelling" if self.cancel_requested else ""
            return f"{head}: {p.stage or 'starting'} {where}{cancelling}"
        if self.error:
            return f"{head}: {self.error}"
        return head

    def as_dict(self) -> dict[str, Any]:
        def when(value: datetime | None) -> str | None:
            return value.isoformat(timespec="seconds") + "Z" if value else None

        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "params": self.params,
            "dataset_id": self.dataset_id,
            "created_by": self.created_by,
            "progress": self.progress.as_dict(),
            "queue_position": self.queue_position,
            "created_at": when(self.created_at),
            "started_at": when(self.started_at),
            "finished_at": when(self.finished_at),
            "heartbeat_at": when(self.heartbeat_at),
            "runner": self.runner_id,
            "cancel_requested": self.cancel_requested,
            "rerun_of": self.rerun_of,
            "result": self.result,
            "error": self.error or None,
        }
