"""The job kinds pages and `--background` submit: PII apply, AI judge, re-cluster, leakage;
their audit trail; which job a page follows; the CLI's `--background` for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from curation.cli import cli
from curation.dedup import Encoders, Settings, run_dedup
from curation.dedup.runs import job_params
from curation.errors import InputError
from curation.finetune.judge import JudgeSettings
from curation.ingest.importer import import_file
from curation.jobs import KINDS, cancel, get_job, list_jobs, rerun, submit
from curation.jobs import store as jobs_store
from curation.jobs.follow import Following, follow_job
from curation.jobs.kinds import RUNNERS, judge_params
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.common import REPO
from tests.helpers.dedup import fake_encoders
from tests.helpers.fake_openai import API_KEY, FakeOpenAI
from tests.helpers.jobs import copy_lines, runner_thread, wait_for
from tests.helpers.judge import judged_campaign

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


def test_every_kind_has_a_runner_and_its_submit_cancel_and_rerun_are_audited(
    sqlite_ws: Workspace,
) -> None:
    ws = sqlite_ws
    assert set(KINDS) == set(RUNNERS)
    for kind in KINDS:
        job = submit(ws, kind, {"dataset": "d"}, None, "lead")
        cancel(ws, job.id, "lead")
        again = rerun(ws, job.id, "lead")
        assert _actions(ws, job.id) == ["job.submit", "job.cancel"], kind
        assert _actions(ws, again.id) == ["job.submit"], kind


def test_pii_apply_judge_and_recluster_jobs_run_the_real_stages(
    ws: Workspace, tmp_path: Path, fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = judged_campaign(ws, tmp_path)
    data = copy_lines(SUPPORT, tmp_path / "s.jsonl", 8)
    import_file(ws, data, "s")
    monkeypatch.setattr(Encoders, "for_mode", classmethod(lambda cls, mode: fake_encoders()))
    first = run_dedup(ws, "s", Settings("static", 0.95), actor="lead", apply=False)

    redact = submit(
        ws,
        "pii-apply",
        {"dataset": "s", "scan": {"only_unscanned": True}, "accept_all": True},
        "s",
        "lead",
    )
    params, dataset = judge_params(ws, cid, JudgeSettings(model="judge-1", workers=2), None)
    judge = submit(ws, "judge", params, dataset, "lead")
    recluster = job_params(Settings(threshold=0.99), dataset="s", run_id=first.run_id, review=True)
    again = submit(ws, "dedup", recluster, "s", "lead")
    with runner_thread(ws, slots=1):
        redacted, judged, reclustered = (wait_for(ws, j.id) for j in (redact, judge, again))

    assert redacted.status == "succeeded", redacted.error
    assert redacted.result["status"]["export_blocked"] == 0  # every record clean or redacted
    assert redacted.result["scan"]["records"] == 8
    assert "scan" in redacted.outcome.summary.lower()
    with ws.read() as s:
        pii_run = s.scalars(sa.select(m.PiiRun)).one()
        assert (pii_run.actor, pii_run.n_records) == ("lead", 8)
    assert judged.status == "succeeded", judged.error
    assert (judged.result["judged"], judged.result["failed"]) == (6, 0)
    assert API_KEY not in json.dumps(judged.params)  # the key never goes in the job's row
    with ws.read() as s:
        d_id = s.scalar(sa.select(m.Dataset.id).where(m.Dataset.name == "d"))
    assert judged.dataset_id == d_id
    assert reclustered.status == "succeeded", reclustered.error
    assert reclustered.outcome.run_id == first.run_id
    with ws.read() as s:  # re-clustered from the stored pairs: the same run, a new threshold
        assert s.get_one(m.DedupRun, first.run_id).threshold == pytest.approx(0.99)
    for job in (redact, judge, again):
        assert _actions(ws, job.id) == ["job.submit", "job.succeeded"]


def test_a_judge_job_without_a_key_fails_with_the_reason(
    sqlite_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sqlite_ws
    cid = judged_campaign(ws, tmp_path, n=2)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(InputError, match="OPENAI_BASE_URL where the job runner runs"):
        judge_params(ws, cid, JudgeSettings(model="j"), "https://user:secret@llm.example/v1")
    params, dataset = judge_params(ws, cid, JudgeSettings(model="j"), None)
    job = submit(ws, "judge", params, dataset, "lead")
    with runner_thread(ws):
        failed = wait_for(ws, job.id)
    assert failed.status == "failed" and "no OpenAI API key" in failed.error
    assert _actions(ws, job.id) == ["job.submit", "job.failed"]


def test_a_page_follows_its_kinds_narrowed_and_offers_an_interrupted_job_again(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_ws
    data = copy_lines(SUPPORT, tmp_path / "s.jsonl", 3)
    import_file(ws, data, "s")
    ds = get_job(ws, submit(ws, "pii-scan", {"dataset": "s"}, "s", "lead").id).dataset_id
    scan = list_jobs(ws)[0]
    kinds = ("pii-scan", "pii-apply")
    assert follow_job(ws, kinds, ds, None) == Following(job_id=scan.id)
    assert follow_job(ws, kinds, None, None) == Following(job_id=scan.id)  # on any dataset
    assert follow_job(ws, "pii-apply", ds, None) == Following()
    not_s = follow_job(ws, kinds, ds, None, match=lambda j: j.params.get("dataset") != "s")
    assert not_s == Following()
    assert jobs_store.claim(ws, "r") is not None
    assert jobs_store.finish(ws, scan.id, "r", "succeeded", result={"summary": "3 scanned"})
    done = follow_job(ws, kinds, ds, scan.id)  # no run needed: any success is a result
    assert done.done is not None and done.done.summary == "3 scanned"
    assert done.job is not None and done.job.params == {"dataset": "s"}

    apply = submit(ws, "pii-apply", {"dataset": "s"}, "s", "lead")
    assert jobs_store.claim(ws, "r") is not None
    jobs_store.finish(ws, apply.id, "r", "interrupted", error="interrupted: its runner stopped")
    assert follow_job(ws, kinds, ds, None) == Following(job_id=apply.id)  # a new browser sees it
    again = rerun(ws, apply.id, "lead")
    assert follow_job(ws, kinds, ds, None) == Following(job_id=again.id)
    cancel(ws, again.id, "lead")
    assert follow_job(ws, kinds, ds, None) == Following()  # the latest is not interrupted


def _cli(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout + result.stderr


def test_background_for_pii_leakage_judge_and_recluster(
    sqlite_ws: Workspace, tmp_path: Path, fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sqlite_ws
    w = ("-w", ws.folder)
    cid = judged_campaign(ws, tmp_path, n=2)
    data = copy_lines(SUPPORT, tmp_path / "s.jsonl", 3)
    import_file(ws, data, "s")

    def queued(*args: str | Path) -> dict[str, object]:
        code, out = _cli(*args, "--background", "--json", *w)
        assert code == 0, out
        job = get_job(ws, json.loads(out)["job"])
        assert job.status == "queued" and job.created_by
        return {"kind": job.kind, **job.params}

    scan = queued("pii", "scan", "-d", "s", "--entities", "PERSON", "--all")
    assert scan == {
        "kind": "pii-scan",
        "dataset": "s",
        "entities": "PERSON",
        "threshold": None,
        "only_unscanned": False,
        "workers": None,
    }
    redact = queued("redact", "-d", "s", "--operator", "mask", "--accept-all")
    assert redact["kind"] == "pii-apply" and redact["apply"] is True
    assert (redact["operator"], redact["accept_all"], redact["scan"]) == (
        "mask",
        True,
        {"entities": None, "threshold": None, "only_unscanned": True, "workers": None},
    )
    assert queued("redact", "-d", "s", "--scan-only")["apply"] is False
    leak = queued("leakage", "--train-dataset", "s", "--valid-dataset", "d", "-e", "static")
    assert (leak["kind"], leak["train_dataset"], leak["valid_dataset"]) == ("leakage", "s", "d")
    assert leak["embedder"] == "static"
    judge = queued("judge", "run", "-c", "c1", "--model", "judge-1", "--limit", "1")
    assert (judge["kind"], judge["campaign"], judge["model"], judge["limit"]) == (
        "judge",
        "c1",
        "judge-1",
        1,
    )
    assert API_KEY not in json.dumps(judge)
    monkeypatch.setattr(Encoders, "for_mode", classmethod(lambda cls, mode: fake_encoders()))
    run = run_dedup(ws, "s", Settings("static", 0.95), actor="lead", apply=False)
    code, out = _cli("dedup", "--run", str(run.run_id), "-t", "0.97", "--background", "--json", *w)
    recluster = get_job(ws, json.loads(out)["job"])
    assert (recluster.kind, recluster.params["run_id"], recluster.params["threshold"]) == (
        "dedup",
        run.run_id,
        0.97,
    )
    with ws.read() as s:  # no --dataset: the job is on its run's dataset, where the page looks
        assert recluster.dataset_id == s.get_one(m.DedupRun, run.run_id).dataset_id
    assert cid

    code, out = _cli("leakage", "a.jsonl", "b.jsonl", "--background", *w)
    assert code == 1 and "--train-dataset and --valid-dataset" in out
    code, out = _cli("redact", data, "-o", tmp_path / "b.jsonl", "--background", *w)
    assert code == 1 and "workspace mode" in out  # a single file runs in the foreground
    code, out = _cli("pii", "scan", "-d", "s", "--background", *w)
    assert code == 0 and "curation jobs show" in out
