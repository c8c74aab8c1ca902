"""Pages with a runner beside the app (as under `curation serve`): each long stage is a job.

For every page: the click queues a job with the page's parameters and runs nothing; the
page's panel shows the job's progress and a Cancel button; once the job is done the page
shows its result. The job is run here the way a runner's child process runs it (claim,
then :func:`curation.jobs.child.run_job`), in this process, so the fakes apply.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from curation.dedup import Encoders, Settings, run_dedup
from curation.ingest.importer import import_file
from curation.jobs import get_job, list_jobs
from curation.jobs import store as jobs_store
from curation.jobs.child import PROGRESS_BUSY_MS, run_job
from curation.jobs.model import JobInfo
from curation.jobs.store import RUNNER_ENV
from curation.store import Workspace
from curation.store import models as m
from curation.ui import keys
from tests.helpers.apptest import REPO, logged_in, open_page, texts
from tests.helpers.common import write_jsonl
from tests.helpers.dedup import fake_encoders
from tests.helpers.export import import_objects, pref, set_redaction
from tests.helpers.fake_openai import API_KEY, FakeOpenAI
from tests.helpers.labeling import campaign
from tests.test_app_dedup import dataset as dedup_dataset

MESSY = REPO / "curation" / "sample_data" / "messy_import.jsonl"
RUNNER = "test-host:1:1"


@pytest.fixture(autouse=True)
def _runner_beside_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RUNNER_ENV, "1")


def only_job(ws: Workspace, kind: str) -> JobInfo:
    jobs = [j for j in list_jobs(ws) if j.status == "queued"]
    assert [j.kind for j in jobs] == [kind]
    assert jobs[0].created_by == "lead"
    return jobs[0]


def shows_progress(ws: Workspace, at: AppTest, job: JobInfo, panel: str, stage: str) -> None:
    """A runner has the job and reports progress: the page's panel shows it, with Cancel."""
    claimed = jobs_store.claim(ws, RUNNER, limit=5)
    assert claimed is not None and claimed.id == job.id
    jobs_store.write_progress(ws, job.id, stage, 3, 12)
    at.run()
    assert not at.exception, at.exception
    assert f"{stage}: 3 of 12" in [b.proto.text for b in at.get("progress")]
    assert at.button(key=f"{keys.JOB_PANEL}.{panel}.cancel.{job.id}").label == "Cancel"


def finish_here(ws: Workspace, job: JobInfo) -> JobInfo:
    """Run the claimed job as a runner's child process does (its progress never waits)."""
    if get_job(ws, job.id).status == "queued":
        claimed = jobs_store.claim(ws, RUNNER, limit=5)
        assert claimed is not None and claimed.id == job.id
    quick = jobs_store.quick_workspace(ws.url, ws.folder, PROGRESS_BUSY_MS)
    try:
        run_job(ws, quick, job.id, RUNNER)
    finally:
        quick.dispose()
    done = get_job(ws, job.id)
    assert done.status == "succeeded", done.error
    return done


def test_import_page_queues_the_import_and_shows_its_report(app_ws: Workspace) -> None:
    at = open_page(logged_in("lead"), "import_data.py")
    at.file_uploader(key="import_upload").upload(
        "messy.jsonl", MESSY.read_bytes(), "application/jsonl"
    )
    at.run()
    at.text_input(key="import_dataset").input("messy")
    at.button(key="do_import").click().run()
    assert not at.exception, at.exception
    job = only_job(app_ws, "import")
    assert (job.params["dataset"], job.params["display_name"]) == ("messy", "messy.jsonl")
    assert app_ws.folder.resolve() in Path(job.params["path"]).resolve().parents  # the copy
    with app_ws.read() as s:  # nothing ran inside the page
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Record)) == 0

    elsewhere = open_page(logged_in("lead"), "import_data.py")  # another browser
    assert f"Job {job.id}" in texts(elsewhere) and "Waiting for a runner" in texts(elsewhere)
    shows_progress(app_ws, at, job, "import", "import")
    done = finish_here(app_ws, job)
    at.run()
    assert not at.exception, at.exception
    assert done.outcome.summary in texts(at) and "rejected" in done.outcome.summary
    assert at.session_state[keys.DATASET] == "messy"
    elsewhere.run()  # the other browser followed the live job: it gets the report too
    assert done.outcome.summary in texts(elsewhere)
    assert "Choose a file" in texts(elsewhere)  # no file of its own: the report alone
    (errors,) = [df.value for df in elsewhere.dataframe]
    assert {4, 7, 8} <= set(errors["line"])  # the rejected lines, as the page shows them


RECORDS = [
    {
        "messages": [
            {"role": "user", "content": "Hi, I'm Maria Gonzalez. Call (555) 555-0143."},
            {"role": "assistant", "content": "Thanks Maria."},
        ]
    },
    {"messages": [{"role": "user", "content": "Kubernetes restarts."}]},
]


def test_pii_page_queues_scan_and_apply_and_reads_the_counts_again(
    app_ws: Workspace, tmp_path: Path
) -> None:
    from curation.pii.review import decide, pending_finding_ids

    path = write_jsonl(tmp_path / "chats.jsonl", [json.dumps(r) for r in RECORDS])
    import_file(app_ws, path, "chats")
    at = open_page(logged_in("lead"), "pii.py")
    at.button(key=keys.PII_SCAN).click().run()
    assert not at.exception, at.exception
    scan = only_job(app_ws, "pii-scan")
    assert scan.params["dataset"] == "chats" and scan.params["only_unscanned"] is False
    assert "PERSON" in scan.params["entities"]
    assert {mt.label: mt.value for mt in at.metric}["Not scanned"] == "2"
    shows_progress(app_ws, at, scan, "pii", "scan")
    finish_here(app_ws, scan)
    at.run()
    assert "Scanned 2 records of chats" in texts(at)
    assert {mt.label: mt.value for mt in at.metric}["Not scanned"] == "0"

    with app_ws.tx() as s:
        decide(s, pending_finding_ids(s, "chats"), "accepted", actor="lead")
    at.run()
    at.selectbox(key=keys.PII_OPERATOR).set_value("mask")
    at.button(key=keys.PII_APPLY).click().run()
    assert not at.exception, at.exception
    apply = only_job(app_ws, "pii-apply")
    assert (apply.params["operator"], apply.params["reapply"]) == ("mask", False)
    assert "scan" not in apply.params  # the page's Apply only applies
    done = finish_here(app_ws, apply)
    at.run()
    assert done.result["apply"]["applied"] == 1
    assert done.outcome.summary in texts(at)
    assert {mt.label: mt.value for mt in at.metric}["Redacted"] == "1"


def test_an_interrupted_job_shows_its_error_and_a_rerun_in_a_new_session(
    app_ws: Workspace, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "chats.jsonl", [json.dumps(r) for r in RECORDS])
    import_file(app_ws, path, "chats")
    at = open_page(logged_in("lead"), "pii.py")
    at.button(key=keys.PII_SCAN).click().run()
    job = only_job(app_ws, "pii-scan")
    assert jobs_store.claim(app_ws, RUNNER) is not None
    error = f"interrupted: its runner stopped (re-run it: curation jobs rerun {job.id})"
    jobs_store.finish(app_ws, job.id, RUNNER, "interrupted", error=error)
    later = open_page(logged_in("lead"), "pii.py")  # after a server restart: a new session
    assert "its runner stopped" in texts(later)
    later.button(key=f"{keys.JOB_PANEL}.pii.rerun.{job.id}").click().run()
    assert not later.exception, later.exception
    again = only_job(app_ws, "pii-scan")
    assert again.rerun_of == job.id and again.params == job.params
    assert f"Job {again.id}" in texts(later)


def test_dedup_page_queues_a_recluster_and_a_leakage_check(
    app_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dedup_dataset(app_ws, tmp_path)
    import_file(app_ws, tmp_path / "d.jsonl", "valid")
    monkeypatch.setattr(Encoders, "for_mode", classmethod(lambda cls, mode: fake_encoders()))
    run = run_dedup(app_ws, "support", Settings("static", 0.9), actor="lead", apply=True)
    at = open_page(logged_in("lead"), "dedup.py")
    at.slider(key=keys.dedup_threshold(run.run_id)).set_value(0.95).run()
    at.button(key="dedup_rethreshold").click().run()
    assert not at.exception, at.exception
    job = only_job(app_ws, "dedup")
    assert (job.params["run_id"], job.params["threshold"]) == (run.run_id, 0.95)
    assert job.params["review"] is True  # as in the page: marks nothing new
    shows_progress(app_ws, at, job, "dedup", "recluster")
    done = finish_here(app_ws, job)
    at.run()
    assert done.outcome.run_id == run.run_id and done.outcome.summary in texts(at)
    with app_ws.read() as s:
        assert s.get_one(m.DedupRun, run.run_id).threshold == pytest.approx(0.95)

    at.selectbox(key="dedup_leak_valid").set_value("valid")
    at.selectbox(key="dedup_leak_embedder").set_value("static")
    at.button(key="dedup_leak_go").click().run()
    assert not at.exception, at.exception
    leak = only_job(app_ws, "leakage")
    assert (leak.params["train_dataset"], leak.params["valid_dataset"]) == ("support", "valid")
    assert leak.params["embedder"] == "static"
    shows_progress(app_ws, at, leak, "leakage", "compare")
    found = finish_here(app_ws, leak)
    at.run()
    assert found.result["count"] > 0
    assert f"**{found.result['count']:,}** records of valid" in texts(at)


def test_export_page_queues_an_export_and_shows_its_result(
    app_ws: Workspace, tmp_path: Path
) -> None:
    import_objects(app_ws, tmp_path, [pref(i) for i in range(20)])
    set_redaction(app_ws, "clean")
    at = open_page(logged_in("lead"), "export.py")
    at.selectbox(key="export_format").set_value("openai-preference").run()
    at.button(key="export_go").click().run()
    assert not at.exception, at.exception
    job = only_job(app_ws, "export")
    assert (job.params["spec"]["format"], job.params["spec"]["dataset"]) == (
        "openai-preference",
        "d",
    )
    assert (app_ws.folder / "exports").resolve() in Path(job.params["output"]).resolve().parents
    shows_progress(app_ws, at, job, "export", "rows")
    finish_here(app_ws, job)
    at.run()
    assert not at.exception, at.exception
    page = texts(at)
    assert "Export #1" in page and "billed" in page
    metrics = {mt.label: mt.value for mt in at.metric}
    assert metrics["Rows written"] == "20" and metrics["Left out"] == "0"
    labels = [b.proto.label for b in at.get("download_button")]
    assert any(label.startswith("train: ") for label in labels)
    assert "validation manifest" in labels


def test_quality_page_queues_the_ai_judge(
    app_ws: Workspace, tmp_path: Path, fake_openai: FakeOpenAI
) -> None:
    objects: list[dict[str, Any]] = [
        {
            "messages": [{"role": "user", "content": f"Q{i}?"}],
            "completions": ["Long careful answer.", "No."],
        }
        for i in range(4)
    ]
    import_objects(app_ws, tmp_path, objects)
    set_redaction(app_ws, "clean")
    campaign(app_ws, ["ann", "ann2"], dataset="d", name="qc")
    at = open_page(logged_in("lead"), "quality.py")
    at.text_input(key="quality_judge_run_model").input("judge-x")
    at.button(key="FormSubmitter:quality_judge_run-Run the judge").click().run()
    assert not at.exception, at.exception
    job = only_job(app_ws, "judge")
    assert (job.params["campaign"], job.params["model"]) == ("qc", "judge-x")
    assert API_KEY not in json.dumps(job.params)
    assert not fake_openai.state.requests  # nothing asked from the page
    shows_progress(app_ws, at, job, "judge", "judge")
    finish_here(app_ws, job)
    at.run()
    assert not at.exception, at.exception
    assert "4 pairs judged by judge-x" in texts(at)
    assert {mt.label: mt.value for mt in at.metric}["Pairs judged"] == "4"
