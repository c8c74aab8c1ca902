"""Jobs: long stages queued in the workspace and run by a job runner (docs/architecture.md).

- :mod:`~curation.jobs.model` — states, :class:`JobInfo`, :class:`JobCancelledError`;
- :mod:`~curation.jobs.store` — the ``jobs`` table: submit, cancel, re-run, claim, finish;
- :mod:`~curation.jobs.kinds` — what each kind runs (the same library calls as the CLI);
- :mod:`~curation.jobs.child` — one job in its own process, with throttled progress;
- :mod:`~curation.jobs.runner` — the runner loop and its swappable executor.
"""

from curation.jobs.model import (
    CANCELLED,
    FAILED,
    FINISHED,
    INTERRUPTED,
    QUEUED,
    RUNNING,
    STATUSES,
    SUCCEEDED,
    JobCancelledError,
    JobInfo,
    JobProgress,
)
from curation.jobs.store import (
    KINDS,
    cancel,
    get_concurrency,
    get_job,
    list_jobs,
    rerun,
    runner_beside_app,
    set_concurrency,
    submit,
)

__all__ = [
    "CANCELLED",
    "FAILED",
    "FINISHED",
    "INTERRUPTED",
    "KINDS",
    "QUEUED",
    "RUNNING",
    "STATUSES",
    "SUCCEEDED",
    "JobCancelledError",
    "JobInfo",
    "JobProgress",
    "cancel",
    "get_concurrency",
    "get_job",
    "list_jobs",
    "rerun",
    "runner_beside_app",
    "set_concurrency",
    "submit",
]
