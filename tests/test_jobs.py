"""Jobs on SQLite and PostgreSQL: the queue, real stages run by a runner, progress, cancel, failure."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.errors import ConflictError, InputError
from curation.export import ExportSpec
from curation.ingest.importer import import_file
from curation.jobs import cancel, get_job, list_jobs, rerun, set_concurrency, submit
from curation.jobs import store as jobs_store
from curation.jobs.child import ProgressWriter
from curation.jobs.follow import Following, follow_job
from curation.jobs.model import JobCancelledError, JobResult
from curation.jobs.params import export_spec_params
from curation.store import Workspace
from curation.store import models as m
from curation.store.db import Workspace as Ws
from tests.helpers.common import REPO, write_jsonl
from tests.helpers.jobs import copy_lines, many_chats, runner_thread, wait_for

SUPPORT = REPO / "curation" / "sample_data" / "support_chats.jsonl"


def _actions(ws: Workspace, job_id: int) -> list[str]:
    with ws.read() as s:
        return list(
            s.scalars(
                sa.select(m.AuditEvent.action)
                .where(m.AuditEvent.target_type == "job", m.AuditEvent.target_id == str(job_id))
                .order_by(m.AuditEvent.id)
            )
        )


def test_queue_places_cancel_rerun_and_audit(ws: Workspace) -> None:
    jobs = [submit(ws, "sleep", {"seconds": 1}, None, "ann") for _ in range(3)]
    assert [j.queue_position for j in jobs] == [1, 2, 3]
    assert [j.status for j in jobs] == ["queued"] * 3

    cancelled = cancel(ws, jobs[1].id, "lead")
    assert cancelled.status == "cancelled" and "lead" in cancelled.error
    assert get_job(ws, jobs[2].id).queue_position == 2
    assert [j.queue_position for j in list_jobs(ws, statuses=["queued"])] == [2, 1]
    with pytest.raises(ConflictError, match="already cancelled"):
        cancel(ws, jobs[1].id, "lead")

    again = rerun(ws, jobs[1].id, "lead")
    assert (again.kind, again.params, again.rerun_of) == ("sleep", {"seconds": 1}, jobs[1].id)
    assert again.queue_position == 3
    with pytest.raises(ConflictError, match="queued"):
        rerun(ws, jobs[0].id, "lead")
    with pytest.raises(InputError, match="unknown job kind"):
        submit(ws, "mine-bitcoin", {}, None, "x")
    assert _actions(ws, jobs[1].id) == ["job.submit", "job.cancel"]


def test_claim_takes_the_oldest_and_honours_the_limit(ws: Workspace) -> None:
    a, b, c = (submit(ws, "sleep", {}, None, "x") for _ in range(3))
    with ws.tx() as s:
        set_concurrency(s, 1, actor="admin")
    first = jobs_store.claim(ws, "r1")
    assert first is not None and first.id == a.id and first.status == "running"
    assert jobs_store.claim(ws, "r2") is None  # the workspace runs its one job already
    assert jobs_store.finish(ws, a.id, "r1", "succeeded", result={"ok": 1})
    assert not jobs_store.finish(ws, a.id, "r1", "failed")  # an outcome is written once
    second = jobs_store.claim(ws, "r2")
    assert second is not None and second.id == b.id
    assert not jobs_store.finish(ws, b.id, "r1", "succeeded")  # not r1's job
    third = jobs_store.claim(ws, "r1", limit=2)
    assert third is not None and third.id == c.id
    assert get_job(ws, a.id).result == {"ok": 1}
    assert get_job(ws, a.id).outcome == JobResult(data={"ok": 1})  # no summary, no run
    assert _actions(ws, a.id) == ["job.submit", "job.succeeded"]


def test_job_result_reads_the_stored_json_typed() -> None:
    raw = {"summary": "deduplicated 4 records", "run_id": 7, "records": 4}
    result = JobResult.parse(raw)
    assert (result.summary, result.run_id, result.data) == ("deduplicated 4 records", 7, raw)
    assert JobResult.parse(None) == JobResult()
    assert JobResult.parse({"summary": None, "run_id": None}).summary == ""


def test_runner_gone_marks_its_jobs_interrupted(ws: Workspace) -> None:
    job = submit(ws, "sleep", {}, None, "x")
    # a runner of this host whose process no longer exists (pid 2**22 + 1 is beyond pid_max)
    dead = f"{jobs_store.runner_token().split(':')[0]}:{2**22 + 1}:1"
    assert jobs_store.claim(ws, dead) is not None
    assert jobs_store.sweep_interrupted(ws) == [job.id]
    info = get_job(ws, job.id)
    assert info.status == "interrupted" and f"jobs rerun {job.id}" in info.error
    assert _actions(ws, job.id)[-1] == "job.interrupted"


def test_import_dedup_and_export_jobs_run_the_real_stages(ws: Workspace, tmp_path: Path) -> None:
    data = copy_lines(SUPPORT, tmp_path / "support.jsonl", 40)
    out = tmp_path / "out" / "sft.jsonl"
    imp = submit(ws, "import", {"path": str(data), "dataset": "s"}, "s", "lead")
    with runner_thread(ws):
        done = wait_for(ws, imp.id)
        assert done.status == "succeeded", done.error
        dedup = submit(ws, "dedup", {"dataset": "s", "embedder": "static"}, "s", "lead")
        spec = ExportSpec(
            "openai-chat", dataset="s", allow_unreviewed_pii=True, override_reason="test data"
        )
        params = {"spec": export_spec_params(spec), "output": str(out)}
        dedup_done = wait_for(ws, dedup.id)
        export = submit(ws, "export", params, "s", "lead")
        export_done = wait_for(ws, export.id)
    assert done.result["imported"] == 40 and done.result["rejected"] == 0
    assert done.dataset_id is not None and done.progress.stage == "done"
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Record)) == 40
        assert s.scalar(sa.select(m.ImportRun.actor)) == "lead"
    assert dedup_done.status == "succeeded", dedup_done.error
    assert dedup_done.result["records"] == 40
    with ws.read() as s:
        run = s.scalars(sa.select(m.DedupRun)).one()
        assert (run.status, run.id) == ("done", dedup_done.result["run_id"])
    assert dedup_done.outcome.run_id == run.id
    assert dedup_done.outcome.summary == dedup_done.result["summary"]
    assert dedup_done.outcome.data == dedup_done.result
    assert export_done.status == "succeeded", export_done.error
    written = export_done.result["written"]
    assert written == 40 - dedup_done.result["marked_duplicate"]
    assert len(out.read_text().splitlines()) == written
    assert _actions(ws, export.id) == ["job.submit", "job.succeeded"]


def test_progress_moves_and_cancel_stops_a_running_job(ws: Workspace) -> None:
    job = submit(ws, "sleep", {"seconds": 60, "steps": 240}, None, "lead")
    with runner_thread(ws):
        first = wait_for(ws, job.id, lambda j: j.status == "running" and j.progress.done > 0)
        later = wait_for(ws, job.id, lambda j: j.progress.done > first.progress.done)
        assert later.progress.stage == "sleep" and later.progress.total == 240
        cancel(ws, job.id, "lead")
        stopped = wait_for(ws, job.id, timeout=30)
    assert stopped.status == "cancelled"
    assert stopped.progress.done < 240  # it stopped, it did not run to the end
    assert _actions(ws, job.id) == ["job.submit", "job.cancel", "job.cancelled"]


def test_cancel_stops_work_that_never_reaches_a_cancellation_point(
    ws: Workspace, tmp_path: Path
) -> None:
    mark = tmp_path / "ran"
    job = submit(ws, "sleep", {"seconds": 300, "silent": True, "mark": str(mark)}, None, "x")
    with runner_thread(ws) as runner:
        wait_for(ws, job.id, lambda j: mark.exists())
        cancel(ws, job.id, "lead")
        stopped = wait_for(ws, job.id, timeout=30)
        # its process was stopped and reaped (the outcome is written just before)
        wait_for(ws, job.id, lambda _j: not runner.running, timeout=30)
    assert stopped.status == "cancelled"
    assert stopped.error == "the job's process was cancelled"


def test_a_failing_job_records_a_one_line_error(ws: Workspace, tmp_path: Path) -> None:
    bad = write_jsonl(tmp_path / "bad.jsonl", ["{not json", '{"no": "messages"}'])
    jobs = [
        submit(ws, "import", {"path": str(bad), "dataset": "d"}, "d", "x"),
        submit(ws, "import", {"path": str(tmp_path / "missing.jsonl"), "dataset": "d"}, "d", "x"),
        submit(ws, "dedup", {"dataset": "nope"}, None, "x"),
    ]
    with runner_thread(ws):
        failed = [wait_for(ws, j.id) for j in jobs]
    assert [j.status for j in failed] == ["failed"] * 3
    for job in failed:
        assert job.error and "\n" not in job.error and "Traceback" not in job.error
    assert "bad.jsonl" in failed[0].error
    assert "missing.jsonl" in failed[1].error
    assert "nope" in failed[2].error
    assert _actions(ws, jobs[0].id) == ["job.submit", "job.failed"]
    with ws.read() as s:  # the failed import's transaction left no record behind
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Record)) == 0


def test_the_concurrency_limit_is_honoured(ws: Workspace) -> None:
    with ws.tx() as s:
        set_concurrency(s, 1, actor="admin")
    jobs = [submit(ws, "sleep", {"seconds": 1, "steps": 2}, None, "x") for _ in range(3)]
    with runner_thread(ws):
        done = [wait_for(ws, j.id) for j in jobs]
    assert [j.status for j in done] == ["succeeded"] * 3
    spans = sorted((j.started_at, j.finished_at) for j in done)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end is not None and start is not None and start >= end  # never two at once


def test_progress_goes_beside_sqlite_while_a_stage_holds_the_write_lock(
    sqlite_ws: Workspace,
) -> None:
    ws = sqlite_ws
    job = submit(ws, "sleep", {}, None, "x")
    assert jobs_store.claim(ws, "r") is not None
    quick = jobs_store.quick_workspace(ws.url, ws.folder, 50)
    other = Ws(ws.url, ws.folder)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with other.tx() as s:
            s.execute(sa.text("UPDATE settings SET key = key"))
            holding.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert holding.wait(30)
        writer = ProgressWriter(quick, job.id, interval=0)
        writer("import", 500, 1000)
        seen = get_job(ws, job.id).progress
        assert (seen.stage, seen.done, seen.total) == ("import", 500, 1000)
        with ws.read() as s:
            assert s.get_one(m.Job, job.id).done == 0  # the row could not be written
    finally:
        release.set()
        thread.join()
        other.dispose()
    cancel(ws, job.id, "lead")
    with pytest.raises(JobCancelledError):
        writer("import", 600, 1000)
    assert get_job(ws, job.id).progress.done == 600  # now in the row
    quick.dispose()


def test_foreground_import_is_unchanged(ws: Workspace, tmp_path: Path) -> None:
    """The library call a job makes is the one the CLI makes in the foreground."""
    data = copy_lines(SUPPORT, tmp_path / "s.jsonl", 5)
    seen: list[tuple[str, int, int | None]] = []
    result = import_file(ws, data, "fg", progress=lambda *report: seen.append(report))
    assert result.imported == 5 and seen


def test_a_silent_runner_on_another_host_is_declared_gone_after_the_timeout(
    ws: Workspace,
) -> None:
    job = submit(ws, "sleep", {}, None, "x")
    elsewhere = "another-host.example:4242:77"
    assert jobs_store.claim(ws, elsewhere) is not None
    assert jobs_store.sweep_interrupted(ws) == []  # it may be alive: its heartbeat is fresh
    old = m.utcnow() - jobs_store.STALE_AFTER - jobs_store.STALE_AFTER
    with ws.tx() as s:
        s.execute(sa.update(m.Job).where(m.Job.id == job.id).values(heartbeat_at=old))
    assert jobs_store.sweep_interrupted(ws) == [job.id]
    assert get_job(ws, job.id).status == "interrupted"


def test_pii_scan_and_leakage_jobs(sqlite_ws: Workspace, tmp_path: Path) -> None:
    ws = sqlite_ws
    data = copy_lines(SUPPORT, tmp_path / "s.jsonl", 10)
    import_file(ws, data, "train")
    import_file(ws, data, "valid")
    scan = submit(ws, "pii-scan", {"dataset": "train"}, "train", "lead")
    leak = submit(
        ws,
        "leakage",
        {"train_dataset": "train", "valid_dataset": "valid", "embedder": "static"},
        "valid",
        "lead",
    )
    with runner_thread(ws, slots=1):
        scanned, leaked = wait_for(ws, scan.id), wait_for(ws, leak.id)
    assert scanned.status == "succeeded", scanned.error
    with ws.read() as s:
        run = s.scalars(sa.select(m.PiiRun)).one()
        assert scanned.result["run_id"] == run.id and run.n_records == 10
        assert scanned.outcome.run_id == run.id
    assert leaked.status == "succeeded", leaked.error
    assert leaked.result["count"] == 10  # the same records on both sides
    assert leaked.outcome.run_id is None and "near-duplicate" in leaked.outcome.summary


def test_a_job_whose_process_cannot_start_fails_with_the_reason(ws: Workspace) -> None:
    from curation.jobs.runner import Runner

    class NoProcesses:
        def start(self, job: object, runner: str) -> object:
            raise OSError(11, "Resource temporarily unavailable")

    job = submit(ws, "sleep", {}, None, "x")
    Runner(ws, NoProcesses()).tick()  # type: ignore[arg-type]
    failed = get_job(ws, job.id)
    assert failed.status == "failed" and "could not start" in failed.error
    assert "Resource temporarily unavailable" in failed.error


def test_a_stopped_dedup_job_settles_the_run_it_left_running(ws: Workspace) -> None:
    with ws.tx() as s:
        ds = m.Dataset(name="d")
        s.add(ds)
        s.flush()
        dataset_id = ds.id
        earlier = m.DedupRun(
            dataset_id=dataset_id,
            actor="lead",
            threshold=0.9,
            floor=0.8,
            status="running",
            started_at=m.utcnow() - jobs_store.STALE_AFTER,
        )
        s.add(earlier)
    job = submit(ws, "dedup", {"dataset": "d"}, "d", "lead")
    assert jobs_store.claim(ws, "r") is not None
    with ws.tx() as s:  # what run_dedup writes before a kill takes its process
        s.add(m.DedupRun(dataset_id=dataset_id, actor="lead", threshold=0.9, floor=0.8))
    assert jobs_store.finish(ws, job.id, "r", "cancelled", error="the job's process was cancelled")
    with ws.read() as s:
        runs = {r.id: r for r in s.scalars(sa.select(m.DedupRun))}
    left = [r for r in runs.values() if r.id != earlier.id]
    assert [r.status for r in left] == ["failed"]
    assert left[0].stats["error"] == f"stopped with job #{job.id} (cancelled)"
    assert runs[earlier.id].status == "running"  # not this job's run


def test_cancelling_an_import_midway_rolls_it_back(ws: Workspace, tmp_path: Path) -> None:
    n = 40_000
    data = many_chats(tmp_path / "big.jsonl", n)
    job = submit(ws, "import", {"path": str(data), "dataset": "big"}, "big", "lead")
    with runner_thread(ws):
        wait_for(ws, job.id, lambda j: j.progress.stage == "import" and 0 < j.progress.done < n)
        asked = cancel(ws, job.id, "lead")  # on SQLite the import holds the write lock
        assert asked.cancel_requested
        stopped = wait_for(ws, job.id, timeout=60)
    assert stopped.status == "cancelled"
    assert _actions(ws, job.id) == ["job.submit", "job.cancel", "job.cancelled"]
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Record)) == 0
        assert s.scalar(sa.select(sa.func.count()).select_from(m.ImportRun)) == 0


def test_a_page_follows_the_live_job_else_its_own_until_it_leaves_a_run(
    ws: Workspace, tmp_path: Path
) -> None:
    data = copy_lines(SUPPORT, tmp_path / "s.jsonl", 3)
    import_file(ws, data, "s")
    import_file(ws, data, "other")
    ds = get_job(ws, submit(ws, "dedup", {"dataset": "s"}, "s", "lead").id).dataset_id
    assert ds is not None
    live = list_jobs(ws, statuses=("queued",))[0]
    assert follow_job(ws, "dedup", ds, None) == Following(job_id=live.id)  # whoever started it
    assert follow_job(ws, "import", ds, None) == Following()  # another kind is not followed
    claimed = jobs_store.claim(ws, "r1")
    assert claimed is not None and claimed.id == live.id
    assert follow_job(ws, "dedup", ds, None) == Following(job_id=live.id)  # running
    assert jobs_store.finish(
        ws, live.id, "r1", "succeeded", result={"run_id": 4, "summary": "4 dropped"}
    )
    assert follow_job(ws, "dedup", ds, None) == Following()  # finished, not mine
    done = follow_job(ws, "dedup", ds, live.id)
    assert done.job_id is None and done.done is not None
    assert (done.done.run_id, done.done.summary) == (4, "4 dropped")
    other = get_job(ws, submit(ws, "sleep", {}, "other", "lead").id)
    assert follow_job(ws, "dedup", ds, other.id) == Following()  # mine, on another dataset
    failed = submit(ws, "dedup", {"dataset": "s"}, "s", "lead")
    jobs_store.claim(ws, "r1", limit=5)
    jobs_store.claim(ws, "r1", limit=5)
    assert jobs_store.finish(ws, failed.id, "r1", "failed", error="boom")
    assert follow_job(ws, "dedup", ds, failed.id) == Following(job_id=failed.id)  # its panel
