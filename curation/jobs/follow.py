"""Which job a page follows on a dataset, and when a followed job's run is ready to review."""

from __future__ import annotations

from dataclasses import dataclass

from curation.jobs.model import QUEUED, RUNNING, SUCCEEDED, JobResult
from curation.jobs.store import get_job, list_jobs
from curation.store.db import Workspace


@dataclass(frozen=True, slots=True)
class Following:
    """``job_id``: the job whose panel to show (None: none). ``done``: the caller's own job
    finished with a run, to take under review once (the caller then forgets the job)."""

    job_id: int | None = None
    done: JobResult | None = None


def follow_job(ws: Workspace, kind: str, dataset_id: int, mine: int | None) -> Following:
    """The ``kind`` job to follow on a dataset: one still queued or running (whoever started
    it, from wherever), else ``mine`` (the one the caller submitted) while it is on this
    dataset. ``mine`` having succeeded with a run is ``done``, no longer followed."""
    for job in list_jobs(ws, statuses=(QUEUED, RUNNING), dataset_id=dataset_id):
        if job.kind == kind:
            return Following(job_id=job.id)
    if mine is None:
        return Following()
    job = get_job(ws, mine)
    if job.dataset_id != dataset_id:
        return Following()
    outcome = job.outcome
    if job.status == SUCCEEDED and outcome.run_id is not None:
        return Following(done=outcome)
    return Following(job_id=job.id)
