"""`curation worker` and `curation jobs …`: thin commands over :mod:`curation.jobs`."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from curation.cli.common import (
    actor,
    echo_json,
    open_workspace,
    ray_address_option,
    workspace_options,
)
from curation.errors import InputError, NotFoundError

STATUS_COLOURS = {
    "queued": "cyan",
    "running": "blue",
    "succeeded": "green",
    "failed": "red",
    "cancelled": "yellow",
    "interrupted": "yellow",
}


def submit_background(
    ws: Any, kind: str, params: dict[str, Any], dataset: str | None, as_json: bool
) -> int:
    """Queue a job for a runner and say how to follow it; the job's id."""
    from curation.jobs import submit

    job = submit(ws, kind, params, dataset, actor())
    if as_json:
        echo_json({"job": job.id})
    else:
        click.echo(
            f"Job {job.id} queued ({kind}, place {job.queue_position} in the queue). "
            f"Follow it: curation jobs show {job.id}  (a runner runs it: curation worker)"
        )
    return job.id


@click.command("worker")
@click.option(
    "--concurrency",
    "-n",
    type=click.IntRange(min=1),
    help="Most jobs this runner runs at once (the workspace's limit caps all runners together).",
)
@click.option("--stop-with", type=int, hidden=True, help="Stop when this parent process ends.")
@ray_address_option
@workspace_options
def worker_cmd(
    concurrency: int | None, stop_with: int | None, workspace: Path | None, db: str | None
) -> None:
    """Run a job runner in the foreground until SIGTERM or Ctrl+C.

    \b
    It claims queued jobs (imports, PII scans and redaction, dedup runs and re-clusters,
    leakage checks, exports, AI-judge runs, validate, redact, dedup and export of a sharded
    corpus) and runs each in its own process. Several runners may serve one PostgreSQL
    workspace; each job runs once. On stop, its running jobs are marked interrupted (re-run them
    with curation jobs rerun ID).
    """
    from curation.jobs.runner import run_worker

    ws = open_workspace(workspace, db)
    stop = threading.Event()
    if stop_with:
        threading.Thread(target=_watch_parent, args=(stop_with, stop), daemon=True).start()

    def log(line: str) -> None:
        click.echo(f"{time.strftime('%H:%M:%S')} {line}", err=True)

    try:
        run_worker(ws, slots=concurrency, stop=stop, log=log)
    finally:
        ws.dispose()


def _watch_parent(parent: int, stop: threading.Event) -> None:
    while not stop.is_set():
        if os.getppid() != parent:
            stop.set()
        time.sleep(0.5)


@click.group("jobs")
def jobs_group() -> None:
    """Background jobs: list, show, cancel and re-run them; the workspace's limit."""


@jobs_group.command("list")
@click.option("--status", "-s", multiple=True, help="Only jobs in this status (repeatable).")
@click.option("--limit", default=30, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def jobs_list(
    status: tuple[str, ...], limit: int, as_json: bool, workspace: Path | None, db: str | None
) -> None:
    """The most recent jobs, newest first."""
    from curation.jobs import STATUSES, list_jobs

    unknown = [s for s in status if s not in STATUSES]
    if unknown:
        raise InputError(f"unknown status {unknown[0]!r}; one of: {', '.join(STATUSES)}")
    jobs = list_jobs(open_workspace(workspace, db), statuses=list(status) or None, limit=limit)
    if as_json:
        echo_json([j.as_dict() for j in jobs])
        return
    if not jobs:
        click.echo(
            "No jobs yet. Start one with --background, e.g. curation import FILE -d NAME --background"
        )
    for job in jobs:
        when = job.created_at.strftime("%Y-%m-%d %H:%M") if job.created_at else ""
        click.secho(f"{when}  {job.describe()}", fg=STATUS_COLOURS.get(job.status))


@contextmanager
def _listed_jobs_hint() -> Iterator[None]:
    """A job number that does not exist: say where the numbers are listed."""
    try:
        yield
    except NotFoundError as exc:
        raise NotFoundError(f"{exc} (curation jobs list)") from None


@jobs_group.command("show")
@click.argument("job_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.option(
    "--wait", is_flag=True, help="Wait until the job has finished; exit 1 unless it succeeded."
)
@workspace_options
def jobs_show(
    job_id: int, as_json: bool, wait: bool, workspace: Path | None, db: str | None
) -> None:
    """One job: status, progress, result or error."""
    from curation.jobs import get_job

    ws = open_workspace(workspace, db)
    with _listed_jobs_hint():
        job = get_job(ws, job_id)
    while wait and not job.finished:
        time.sleep(0.5)
        job = get_job(ws, job_id)
    failed = wait and job.status != "succeeded"  # --wait in a script: exit 1 unless it succeeded
    if as_json:
        echo_json(job.as_dict())
        sys.exit(1 if failed else 0)
    click.secho(job.describe(), fg=STATUS_COLOURS.get(job.status))
    click.echo(f"  submitted by {job.created_by or '?'} at {job.created_at}")
    if job.started_at:
        click.echo(f"  started {job.started_at} by runner {job.runner_id}")
    if job.finished_at:
        click.echo(f"  finished {job.finished_at}")
    if job.outcome.summary:
        click.echo(f"  result: {job.outcome.summary}")
    if job.rerunnable:
        click.echo(f"  re-run: curation jobs rerun {job.id}")
    sys.exit(1 if failed else 0)


@jobs_group.command("cancel")
@click.argument("job_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def jobs_cancel(job_id: int, as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Cancel a queued job, or stop a running one (its writes roll back)."""
    from curation.jobs import cancel

    with _listed_jobs_hint():
        job = cancel(open_workspace(workspace, db), job_id, actor())
    if as_json:
        echo_json(job.as_dict())
    elif job.status == "cancelled":
        click.echo(f"Job {job_id} cancelled.")
    else:
        click.echo(f"Job {job_id} is being stopped (curation jobs show {job_id}).")


@jobs_group.command("rerun")
@click.argument("job_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def jobs_rerun(job_id: int, as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Submit an interrupted, failed or cancelled job again."""
    from curation.jobs import rerun

    with _listed_jobs_hint():
        job = rerun(open_workspace(workspace, db), job_id, actor())
    if as_json:
        echo_json({"job": job.id, "rerun_of": job_id})
    else:
        click.echo(f"Job {job.id} queued: a re-run of job {job_id}.")


@jobs_group.command("limit")
@click.argument("n", required=False, type=click.IntRange(min=1))
@workspace_options
def jobs_limit(n: int | None, workspace: Path | None, db: str | None) -> None:
    """Show or set how many jobs run at once in this workspace (all runners together)."""
    from curation.jobs import get_concurrency, set_concurrency

    ws = open_workspace(workspace, db)
    if n is not None:
        with ws.tx() as s:
            set_concurrency(s, n, actor=actor())
    with ws.read() as s:
        click.echo(f"At most {get_concurrency(s)} job(s) run at once in this workspace.")


def worker_command(workspace: Path | None) -> list[str]:
    """The command line ``curation serve`` starts its runner with.

    The database URL goes in the environment (``CURATION_DB_URL``), never on the command
    line, where ``ps`` would show its password.
    """
    cmd = [sys.executable, "-c", "from curation.cli import main; main()", "worker"]
    cmd += ["--stop-with", str(os.getpid())]
    if workspace:
        cmd += ["--workspace", str(workspace)]
    return cmd
