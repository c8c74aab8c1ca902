"""Which job a page follows, and when a followed job's result is ready for the page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from curation.jobs.model import INTERRUPTED, QUEUED, RUNNING, SUCCEEDED, JobInfo, JobResult
from curation.jobs.store import get_job, list_jobs
from curation.store.db import Workspace

RECENT = 20  # jobs looked at for an interrupted one nobody re-ran


@dataclass(frozen=True, slots=True)
class Following:
    """``job_id``: the job whose panel to show (None: none). ``done``: the caller's own job
    succeeded, its result for the page to take once (the caller then forgets the job);
    ``job`` is that job, with its parameters."""

    job_id: int | None = None
    done: JobResult | None = None
    job: JobInfo | None = None


def follow_job(
    ws: Workspace,
    kinds: str | Sequence[str],
    dataset_id: int | None,
    mine: int | None,
    *,
    match: Callable[[JobInfo], bool] | None = None,
) -> Following:
    """The job of one of ``kinds`` a page shows, on a dataset (``dataset_id`` None: on any).

    In order: one still queued or running (whoever started it, from wherever); else
    ``mine`` (the one the caller submitted or followed) while it is one of these, which is
    ``done`` once it has succeeded; else the latest such job if a stopped runner
    interrupted it and nobody has started another since (a server restart: the page offers
    its re-run). ``match`` narrows the jobs further (e.g. on their parameters).
    """
    wanted = (kinds,) if isinstance(kinds, str) else tuple(kinds)

    def ours(job: JobInfo) -> bool:
        return (
            job.kind in wanted
            and (dataset_id is None or job.dataset_id == dataset_id)
            and (match is None or match(job))
        )

    for job in list_jobs(ws, statuses=(QUEUED, RUNNING), dataset_id=dataset_id):
        if ours(job):
            return Following(job_id=job.id)
    if mine is not None:
        job = get_job(ws, mine)
        if ours(job):
            if job.status == SUCCEEDED:
                return Following(done=job.outcome, job=job)
            return Following(job_id=job.id)
    recent = [j for j in list_jobs(ws, dataset_id=dataset_id, limit=RECENT) if ours(j)]
    if recent and recent[0].status == INTERRUPTED:
        return Following(job_id=recent[0].id)
    return Following()
