"""The OpenAI fine-tuning round trip, driven through the real ``openai`` client against a
local fake service (tests/helpers/fake_openai.py). The API key must never reach the workspace."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from curation.cli import cli
from curation.errors import CurationError, InputError
from curation.export import ExportSpec, export_dataset
from curation.finetune import jobs as ft
from curation.store import Workspace, open_workspace
from curation.store import models as m
from tests.helpers.export import chat, import_objects, pref, set_redaction, write_objects
from tests.helpers.fake_openai import API_KEY, FakeOpenAI


def credentials(fake: FakeOpenAI) -> ft.Credentials:
    return ft.resolve_credentials(None)


def client(fake: FakeOpenAI) -> object:
    return ft.make_client(credentials(fake), max_retries=0)


def exported(ws: Workspace, tmp_path: Path, fmt: str = "openai-chat") -> list[Path]:
    objects = [chat(i) for i in range(20)] if fmt == "openai-chat" else [pref(i) for i in range(20)]
    import_objects(ws, tmp_path, objects, name=fmt)
    set_redaction(ws, "clean")
    result = export_dataset(
        ws,
        ExportSpec(fmt, dataset="d", validation_split=0.2),
        tmp_path / f"{fmt}.jsonl",
        actor="lead",
    )
    return [f.path for f in result.files]


def test_credentials_come_from_the_environment_and_never_show(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = ft.resolve_credentials(None)
    assert found.source == "environment" and found.base_url == fake_openai.base_url
    assert API_KEY not in repr(found)
    monkeypatch.delenv("OPENAI_API_KEY")
    from_secrets = ft.resolve_credentials({"openai": {"api_key": "sk-from-secrets-123456"}})
    assert from_secrets.source == "secrets" and from_secrets.api_key == "sk-from-secrets-123456"
    with pytest.raises(CurationError, match="OPENAI_API_KEY"):
        ft.resolve_credentials({})


def test_supervised_job_round_trip(
    fake_openai: FakeOpenAI,
    sqlite_ws: Workspace,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, the openai client's and httpx's included
    train, valid = exported(sqlite_ws, tmp_path)
    steps: list[str] = []
    request = ft.JobRequest(
        training_file=train,
        model="gpt-4.1-mini-2025-04-14",
        method="supervised",
        validation_file=valid,
        suffix="support-v1",
        seed=7,
        hyperparameters=ft.Hyperparameters(n_epochs=2),
    )
    result = ft.launch(
        client(fake_openai),
        request,
        credentials=credentials(fake_openai),
        ws=sqlite_ws,
        actor="lead",
        poll_interval=0.0,
        on_step=steps.append,
    )
    assert result.job.status == "validating_files"
    assert result.training.status == "processed" and result.validation is not None
    assert steps[0].startswith("checking the training file")
    create = next(r for r in fake_openai.state.requests if r["path"] == "/v1/fine_tuning/jobs")
    assert create["json"] == {
        "model": "gpt-4.1-mini-2025-04-14",
        "training_file": result.training.id,
        "validation_file": result.validation.id,
        "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 2}}},
        "suffix": "support-v1",
        "seed": 7,
    }
    upload = next(r for r in fake_openai.state.requests if r["path"] == "/v1/files")
    assert upload["content_type"].startswith("multipart/form-data")
    assert fake_openai.state.contents[result.training.id] == train.read_bytes()
    assert fake_openai.state.files[result.training.id]["purpose"] == "fine-tune"

    c = client(fake_openai)
    statuses = [ft.job_status(c, result.job.id).status for _ in range(3)]
    assert statuses == ["queued", "running", "succeeded"]
    done = ft.job_status(c, result.job.id)
    assert done.done and done.fine_tuned_model and done.trained_tokens == 12345
    events = ft.job_events(c, result.job.id, limit=3)
    assert len(events) == 3 and events[-1].message == "The job has successfully completed"
    assert [e.created_at for e in events] == sorted(e.created_at for e in events)

    with sqlite_ws.read() as s:
        jobs = ft.recent_jobs(s)
    assert jobs[0].job_id == result.job.id and jobs[0].method == "supervised"
    assert jobs[0].export_ids == [1]  # provenance: the job knows the export it trained on
    # the client logged its requests at DEBUG level, never with the key
    assert any(r.name.startswith(("openai", "httpx")) for r in caplog.records)
    assert API_KEY not in caplog.text
    for path in sqlite_ws.folder.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path


def test_dpo_job_with_hyperparameters_and_cancel(
    fake_openai: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    train, _ = exported(sqlite_ws, tmp_path, "openai-preference")
    request = ft.JobRequest(
        train, "gpt-4.1-mini", "dpo", hyperparameters=ft.Hyperparameters(beta=0.1, batch_size=8)
    )
    c = client(fake_openai)
    result = ft.launch(c, request, poll_interval=0.0)
    create = next(r for r in fake_openai.state.requests if r["path"] == "/v1/fine_tuning/jobs")
    assert create["json"]["method"] == {
        "type": "dpo",
        "dpo": {"hyperparameters": {"batch_size": 8, "beta": 0.1}},
    }
    assert "validation_file" not in create["json"]
    cancelled = ft.cancel_job(c, result.job.id, ws=sqlite_ws, actor="lead")
    assert cancelled.status == "cancelled"
    with pytest.raises(ft.OpenAIError, match="already completed"):
        ft.cancel_job(c, result.job.id)
    with sqlite_ws.read() as s:
        assert s.scalar(sa.select(m.AuditEvent).where(m.AuditEvent.action == "finetune.cancel"))


def test_files_are_checked_before_anything_is_uploaded(
    fake_openai: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    train, _ = exported(sqlite_ws, tmp_path)
    with pytest.raises(InputError, match="method dpo needs dpo"):
        ft.launch(client(fake_openai), ft.JobRequest(train, "gpt-4.1-mini", "dpo"))
    broken = write_objects(
        tmp_path / "broken.jsonl", [{"messages": [{"role": "user", "content": "x"}]}]
    )
    with pytest.raises(InputError, match="fails validation"):
        ft.launch(client(fake_openai), ft.JobRequest(broken, "gpt-4.1-mini"))
    with pytest.raises(InputError, match="beta is a DPO hyperparameter"):
        ft.JobRequest(
            train, "m", "supervised", hyperparameters=ft.Hyperparameters(beta=0.1)
        ).check()
    assert fake_openai.state.requests == []


def test_service_errors_are_clean_and_carry_no_key(
    fake_openai: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    train, _ = exported(sqlite_ws, tmp_path)
    fake_openai.state.fail_file_processing = True
    with pytest.raises(ft.OpenAIError, match=r"could not process .*Invalid file format"):
        ft.launch(client(fake_openai), ft.JobRequest(train, "gpt-4.1-mini"), poll_interval=0.0)
    wrong = ft.Credentials("sk-wrong-key-1234567890", "given", fake_openai.base_url)
    with pytest.raises(ft.OpenAIError) as err:
        ft.job_status(ft.make_client(wrong, max_retries=0), "ftjob-1", wrong)
    assert "HTTP 401" in str(err.value) and "sk-wrong-key" not in str(err.value)
    with pytest.raises(ft.OpenAIError, match="HTTP 404"):
        ft.job_status(client(fake_openai), "ftjob-missing")
    assert ft.scrub(f"bad key {API_KEY} here", API_KEY) == "bad key [api key] here"
    assert ft.scrub("Incorrect API key provided: sk-abc*********xyz1") == (
        "Incorrect API key provided: [api key]"
    )


def test_cli_round_trip_and_the_key_never_reaches_the_workspace(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    wsdir = tmp_path / "ws"
    ws = open_workspace(wsdir)
    train, valid = exported(ws, tmp_path)
    ws.dispose()
    runner = CliRunner()
    outputs: list[str] = []

    def call(*args: str | Path) -> str:
        result = runner.invoke(cli, [str(a) for a in args])
        outputs.append(result.stdout + result.stderr)
        assert result.exit_code == 0, result.stdout + result.stderr
        return result.stdout

    out = call(
        "finetune",
        "create",
        "--file",
        train,
        "--model",
        "gpt-4.1-mini",
        "--method",
        "supervised",
        "--poll-interval",
        "0",
        "-w",
        wsdir,
    )
    assert f"Using the validation file {valid}" in out
    job_id = out.split("Created job ")[1].split()[0]
    assert "ftjob-" in job_id
    assert json.loads(call("finetune", "status", job_id, "--json"))["status"] == "queued"
    assert "Job is queued" in call("finetune", "events", job_id)
    assert "cancelled" in call("finetune", "cancel", job_id, "-w", wsdir)
    assert job_id in call("finetune", "list", "-w", wsdir)
    bad = runner.invoke(cli, ["finetune", "status", "ftjob-missing"])
    assert bad.exit_code == 1 and "HTTP 404" in bad.stderr and "Traceback" not in bad.stderr
    outputs.append(bad.stdout + bad.stderr)

    # the key is nowhere: not in the database files, the manifests, the audit log or the output
    for path in wsdir.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path
    for path in tmp_path.glob("*.json"):
        assert API_KEY not in path.read_text()
    assert all(API_KEY not in text for text in outputs)
    ws = open_workspace(wsdir)
    with ws.read() as s:
        events = list(s.scalars(sa.select(m.AuditEvent)))
    ws.dispose()
    assert {"finetune.create", "finetune.cancel"} <= {e.action for e in events}
    assert all(API_KEY not in json.dumps(e.details) for e in events)


def test_finetune_without_a_key_is_a_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    result = CliRunner().invoke(cli, ["finetune", "status", "ftjob-1"])
    assert result.exit_code == 1 and "set OPENAI_API_KEY" in result.stderr
