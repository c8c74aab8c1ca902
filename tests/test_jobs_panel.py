"""The job panel component, driven by AppTest through a tiny script (no page uses it yet)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from curation.jobs import get_job, list_jobs, submit
from curation.jobs import store as jobs_store
from curation.store import Workspace, open_workspace

SCRIPT = str(Path(__file__).with_name("jobs_panel_app.py"))


@pytest.fixture(autouse=True)
def _keep_main() -> Iterator[None]:
    """AppTest leaves its script as ``__main__``; a later spawned process would re-run it."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture
def panel_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    folder = tmp_path / "ws"
    monkeypatch.setenv("CURATION_WORKSPACE", str(folder))
    return open_workspace(folder)


def _panel(job_id: int) -> AppTest:
    at = AppTest.from_file(SCRIPT, default_timeout=30)
    at.query_params["job"] = str(job_id)
    at.run()
    assert not at.exception, at.exception
    return at


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in (*at.info, *at.success)]
    parts += [e.value for e in (*at.warning, *at.error, *at.caption)]
    return "\n".join(str(p) for p in parts)


def test_queued_job_shows_its_place_and_cancel_works(panel_ws: Workspace) -> None:
    ws = panel_ws
    submit(ws, "sleep", {}, None, "x")
    job = submit(ws, "sleep", {}, None, "lead")
    at = _panel(job.id)
    assert "place 2 in the queue" in _text(at)
    at.button(key=f"job_panel.job.cancel.{job.id}").click().run()
    assert get_job(ws, job.id).status == "cancelled"
    assert "Cancelled" in _text(at)
    assert not [b for b in at.button if b.label == "Re-run"]  # cancelled: no re-run offered


def test_running_job_shows_progress_then_the_result(panel_ws: Workspace) -> None:
    ws = panel_ws
    job = submit(ws, "import", {"path": "x.jsonl", "dataset": "d"}, None, "lead")
    assert jobs_store.claim(ws, "r") is not None
    jobs_store.write_progress(ws, job.id, "import", 250, 1000)
    at = _panel(job.id)
    bar = at.get("progress")[0]
    assert bar.proto.value == 25 and "import: 250 of 1,000" in bar.proto.text
    at.button(key=f"job_panel.job.cancel.{job.id}").click().run()
    assert get_job(ws, job.id).cancel_requested
    assert "Cancelling" in _text(at)
    jobs_store.finish(ws, job.id, "r", "succeeded", result={"summary": "x.jsonl: 3 imported"})
    at.run()
    assert "x\\.jsonl: 3 imported" in _text(at)  # escaped: shown literally


def test_interrupted_job_offers_a_rerun_shown_in_its_place(panel_ws: Workspace) -> None:
    ws = panel_ws
    job = submit(ws, "sleep", {"seconds": 2}, None, "lead")
    jobs_store.claim(ws, "r")
    jobs_store.finish(ws, job.id, "r", "interrupted", error="interrupted: its runner stopped")
    at = _panel(job.id)
    assert "interrupted: its runner stopped" in _text(at)
    at.button(key=f"job_panel.job.rerun.{job.id}").click().run()
    again = [j for j in list_jobs(ws) if j.rerun_of == job.id]
    assert len(again) == 1
    assert f"Job {again[0].id}" in _text(at) and "place 1 in the queue" in _text(at)


def test_user_text_is_shown_literally(panel_ws: Workspace) -> None:
    ws = panel_ws
    job = submit(ws, "sleep", {}, None, "lead")
    jobs_store.claim(ws, "r")
    jobs_store.finish(ws, job.id, "r", "failed", error="bad **file** <b>x</b>.jsonl")
    at = _panel(job.id)
    shown = at.error[0].value
    assert "\\*\\*file\\*\\*" in shown and "\\<b\\>" in shown
    assert [b.label for b in at.button] == ["Re-run"]
