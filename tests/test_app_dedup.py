"""The Deduplicate page through AppTest: run with progress, calibrate, review, decide, undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.dedup import Encoders, Settings, run_dedup
from curation.ingest.importer import import_file
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.apptest import logged_in, open_page, texts
from tests.helpers.dedup import TOPICS, chat, fake_encoders

LONG = [t for pair in TOPICS for t in pair]


def dataset(ws: Workspace, tmp_path: Path) -> dict[int, int]:
    records = [
        chat(*LONG[:4]),
        chat(*[t.upper() for t in LONG[:4]]),
        chat(
            LONG[0],
            LONG[1],
            LONG[2],
            LONG[3] + " <script>alert(1)</script> [click](http://evil.example)",
        ),
        chat(*LONG[8:12]),
        chat(LONG[8], LONG[9], LONG[10], LONG[11] + " ok"),
        chat(*LONG[12:16]),
        [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": "AA"}}]}],
    ]
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps({"messages": r}) + "\n" for r in records))
    import_file(ws, path, "support", actor="test")
    with ws.read() as s:
        return {line: rid for line, rid in s.execute(sa.select(m.Record.line, m.Record.id))}


def statuses(ws: Workspace) -> dict[int, str]:
    with ws.read() as s:
        return {r.id: r.status for r in s.scalars(sa.select(m.Record))}


def test_page_runs_dedup_with_progress(
    app_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset(app_ws, tmp_path)
    monkeypatch.setattr(Encoders, "for_mode", classmethod(lambda cls, mode: fake_encoders()))
    at = open_page(logged_in("lead"), "dedup.py")
    assert "No dedup run on this dataset yet" in texts(at)
    at.selectbox(key="dedup_form_embedder").set_value("static")
    at.number_input(key="dedup_form_threshold").set_value(0.9)
    at.checkbox(key="dedup_form_apply").check()
    at.button(key="dedup_run_go").click().run()
    assert not at.exception, at.exception
    assert "dedup run 1 on support" in texts(at)
    metrics = {x.label: x.value for x in at.metric}
    assert metrics["Clusters"] == "2" and metrics["Marked duplicate"] == "3"
    assert metrics["Pending clusters"] == "0"
    (notes,) = [x for x in at.expander if "read only in part" in x.label]
    assert notes.label.startswith("2 fields read only in part")
    (table,) = [df.value for df in notes.dataframe]
    assert list(table["line"]) == [7, 7] and "messages[0].content[0]" in list(table["field"])
    with app_ws.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.DedupRun)) == 1


def test_lead_calibrates_reviews_and_decides(app_ws: Workspace, tmp_path: Path) -> None:
    ids = dataset(app_ws, tmp_path)
    run = run_dedup(
        app_ws, "support", Settings("static", 0.9, 0.5), actor="lead", encoders=fake_encoders()
    )
    at = open_page(logged_in("lead"), "dedup.py")
    page = texts(at)
    assert "Threshold" in page and "At the boundary" in page and "Clusters" in page
    assert len(at.get("vega_lite_chart")) >= 1  # the histogram with its threshold rule
    metrics = {x.label: x.value for x in at.metric}
    assert metrics["Pending clusters"] == "2" and metrics["Marked duplicate"] == "0"
    boundary = [df.value for df in at.dataframe if "checked by" in df.value.columns]
    assert len(boundary) >= 1
    cluster = at.selectbox(key="dedup_cluster")
    assert len(cluster.options) == 2 and "3 records" in cluster.options[0]
    # The diff shows user text escaped: no live HTML or link.
    md = "\n".join(x.value for x in at.markdown)
    assert "<script>" not in md and "\\<script\\>" in md and "\\[click\\]\\(http" in md

    cid = cluster.value
    at.button(key=f"dedup_rep_{cid}").click().run()
    assert not at.exception, at.exception
    st_ = statuses(app_ws)
    assert st_[ids[2]] == st_[ids[3]] == "duplicate" and st_[ids[1]] == "active"
    assert f"Cluster {cid}: kept representative" in texts(at)

    at.button(key=f"dedup_undo_{cid}").click().run()
    assert statuses(app_ws)[ids[2]] == "active"

    at.multiselect(key=f"dedup_keep_{cid}").set_value([ids[1], ids[3]])
    at.button(key=f"dedup_custom_go_{cid}").click().run()
    assert not at.exception, at.exception
    st_ = statuses(app_ws)
    assert (st_[ids[1]], st_[ids[2]], st_[ids[3]]) == ("active", "duplicate", "active")

    at.button(key="dedup_keep_all_reps").click().run()
    assert statuses(app_ws)[ids[5]] == "duplicate"
    assert {x.label: x.value for x in at.metric}["Pending clusters"] == "0"

    # A stricter threshold from the slider: re-clustered without re-embedding.
    at.slider(key=f"dedup_threshold_{run.run_id}").set_value(0.999).run()
    at.button(key="dedup_rethreshold").click().run()
    assert not at.exception, at.exception
    assert "Re-clustered at 0.999" in texts(at)
    with app_ws.read() as s:
        assert s.get_one(m.DedupRun, run.run_id).threshold == pytest.approx(0.999)
        actions = [e.action for e in s.scalars(sa.select(m.AuditEvent).order_by(m.AuditEvent.id))]
    assert actions.count("dedup_decide") == 3 and "dedup_rethreshold" in actions


def test_annotators_cannot_open_the_page(app_ws: Workspace) -> None:
    at = logged_in("ann")
    assert all("dedup" not in str(p) for p in at.session_state)  # only allowed pages exist
    with pytest.raises(Exception):  # noqa: B017 - AppTest refuses a page that is not registered
        open_page(at, "dedup.py")


def test_with_a_runner_beside_the_app_a_run_is_a_job_that_outlives_the_page(
    app_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As under `curation serve`: the click queues a job; another browser (or this one after
    a refresh) finds it; a runner runs it; the page then opens the run it made."""
    from curation.jobs import list_jobs
    from curation.jobs.store import RUNNER_ENV
    from tests.helpers.jobs import runner_thread, wait_for

    dataset(app_ws, tmp_path)
    monkeypatch.setenv(RUNNER_ENV, "1")
    at = open_page(logged_in("lead"), "dedup.py")
    at.selectbox(key="dedup_form_embedder").set_value("static")
    at.number_input(key="dedup_form_threshold").set_value(0.9)
    at.checkbox(key="dedup_form_apply").check()
    at.button(key="dedup_run_go").click().run()
    assert not at.exception, at.exception
    (job,) = list_jobs(app_ws)
    assert (job.kind, job.status, job.created_by) == ("dedup", "queued", "lead")
    assert job.params["embedder"] == "static" and job.params["review"] is False
    with app_ws.read() as s:  # nothing ran inside the page
        assert s.scalar(sa.select(sa.func.count()).select_from(m.DedupRun)) == 0

    elsewhere = open_page(logged_in("lead"), "dedup.py")  # a new session: another browser
    assert f"Job {job.id}" in texts(elsewhere) and "Waiting for a runner" in texts(elsewhere)

    with runner_thread(app_ws):
        done = wait_for(app_ws, job.id)
    assert done.status == "succeeded", done.error
    at.run()
    assert not at.exception, at.exception
    assert f"dedup run {done.result['run_id']} on support" in texts(at)
    with app_ws.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.DedupRun)) == 1
