"""An OpenAI-compatible server that quotes the API key back in its errors never gets the key
shown or stored: embeddings (CLI output, ``dedup_runs.stats``), fine-tuning and the AI judge
all go through one scrubbing function (``curation.openai_errors.scrub``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from curation.cli import cli
from curation.dedup.embedders import OpenAIEncoder, OpenAISettings
from curation.errors import CurationError
from curation.finetune import jobs as ft
from curation.finetune.judge import JudgeSettings, judge_campaign
from curation.ingest.importer import import_file
from curation.openai_errors import scrub
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.fake_openai import FakeOpenAI
from tests.helpers.judge import judged_campaign

# Not shaped like an OpenAI key: only the exact-value replacement can catch it.
SECRET = "local-gateway-secret-Zq81xK7"


@pytest.fixture
def echoing(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAI:
    fake_openai.state.api_key = SECRET
    fake_openai.state.echo_key_in_errors = True
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    return fake_openai


def test_scrub_blanks_the_key_openai_shaped_keys_and_bearer_tokens() -> None:
    assert scrub(f"bad key {SECRET}.", SECRET) == "bad key [api key]."
    assert scrub("Incorrect API key provided: sk-abc*********xyz1") == (
        "Incorrect API key provided: [api key]"
    )
    assert scrub("header was 'Bearer tok_9f8e7d6c5b4a'") == "header was 'Bearer [api key]'"


def test_embedding_errors_do_not_carry_the_key(echoing: FakeOpenAI) -> None:
    enc = OpenAIEncoder(OpenAISettings(base_url=echoing.base_url, model="emb", api_key=SECRET))
    enc.client = enc.client.with_options(max_retries=0)
    with pytest.raises(CurationError) as err:
        enc.encode(["hello", "world"])
    text = str(err.value)
    assert "quota exceeded for key [api key]" in text and "HTTP 400" in text
    assert SECRET not in text
    assert err.value.__cause__ is None and err.value.__suppress_context__


def _dataset(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    rows = [
        {
            "messages": [
                {"role": "user", "content": f"question {i} " * 5},
                {"role": "assistant", "content": f"answer {i}"},
            ]
        }
        for i in range(4)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    import_file(ws, path, "d", actor="test")


def test_cli_dedup_with_an_echoing_endpoint_never_prints_or_stores_the_key(
    echoing: FakeOpenAI, ws: Workspace, tmp_path: Path
) -> None:
    _dataset(ws, tmp_path)
    result = CliRunner().invoke(
        cli,
        [
            "dedup",
            "--dataset",
            "d",
            "--embedder",
            "openai",
            "-q",
            "-w",
            str(ws.folder),
            "--db",
            ws.url,
        ],
    )
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exit_code == 1, output
    assert "embeddings endpoint" in output and "[api key]" in output
    assert SECRET not in output
    with ws.read() as s:
        run = s.scalar(sa.select(m.DedupRun))
        assert run is not None and run.status == "failed"
        stored = json.dumps(run.stats)
    assert "[api key]" in stored and SECRET not in stored


def test_fine_tune_and_judge_errors_do_not_carry_the_key(
    echoing: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    creds = ft.resolve_credentials(None)
    with pytest.raises(ft.OpenAIError) as err:
        ft.job_status(ft.make_client(creds, max_retries=0), "ftjob-1", creds)
    assert "[api key]" in str(err.value) and SECRET not in str(err.value)

    cid = judged_campaign(sqlite_ws, tmp_path, n=2)
    client = ft.make_client(creds, max_retries=0)
    run = judge_campaign(
        sqlite_ws, cid, client, JudgeSettings(model="j"), actor="lead", credentials=creds
    )
    assert run.failed == 2 and run.errors
    assert all("[api key]" in e and SECRET not in e for e in run.errors)


URL_SECRET = "Tok3n-in-the-URL-77"


def test_mask_url_masks_passwords_keys_tokens_and_signatures() -> None:
    from curation.store.failures import mask_url

    assert mask_url(f"https://gw.example/v1?api-key={URL_SECRET}&model=m") == (
        "https://gw.example/v1?api-key=***&model=m"
    )
    for name in ("api_key", "key", "token", "access_token", "sig", "API-KEY"):
        shown = mask_url(f"https://gw.example/v1?x=1&{name}={URL_SECRET}#frag")
        assert URL_SECRET not in shown and f"{name}=***" in shown and "x=1" in shown
    assert mask_url(f"https://bob:{URL_SECRET}@gw.example:8443/v1") == (
        "https://***@gw.example:8443/v1"
    )
    # names that merely end in "key" or "token" are left alone
    assert mask_url("https://gw.example/v1?monkey=1&tokens=2") == (
        "https://gw.example/v1?monkey=1&tokens=2"
    )
    assert scrub(f"redirected to https://gw.example/v1?token={URL_SECRET}: 404") == (
        "redirected to https://gw.example/v1?token=***: 404"
    )


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        # a token as the whole user part (no colon), and a token as the user name
        ("https://sk-live-abc123@gateway.example/v1", "https://***@gateway.example/v1"),
        ("https://ghp_abc123:x-oauth-basic@git.example/r", "https://***@git.example/r"),
        (
            "https://gw.example/v1?subscription-key=SEC1&model=m",
            "https://gw.example/v1?subscription-key=***&model=m",
        ),
        (
            "https://b.s3.example/o?X-Amz-Credential=AK&X-Amz-Signature=SEC2&X-Amz-Security-Token=SEC3",
            "https://b.s3.example/o?X-Amz-Credential=AK&X-Amz-Signature=***&X-Amz-Security-Token=***",
        ),
        ("https://idp.example/t?client_secret=SEC4", "https://idp.example/t?client_secret=***"),
        ("https://gw.example/v1?AUTH_TOKEN=SEC5#x", "https://gw.example/v1?AUTH_TOKEN=***#x"),
        ("https://gw.example/v1?db_password=SEC6", "https://gw.example/v1?db_password=***"),
        ("https://gw.example/v1?client-sig=SEC7", "https://gw.example/v1?client-sig=***"),
        # look-alikes stay: a word merely ending in "key", a plural, a path with "@"
        (
            "https://gw.example/v1?monkey=1&tokens=2&keys=3",
            "https://gw.example/v1?monkey=1&tokens=2&keys=3",
        ),
        ("sqlite:////data/a@b/workspace.db", "sqlite:////data/a@b/workspace.db"),
    ],
)
def test_mask_url_masks_every_credential_shape(url: str, shown: str) -> None:
    from curation.store.failures import mask_url

    assert mask_url(url) == shown
    assert "SEC" not in mask_url(url) and "sk-live" not in mask_url(url)
    assert "ghp_" not in mask_url(url)


def test_an_embeddings_base_url_is_masked_in_messages() -> None:
    base_url = f"http://bob:{URL_SECRET}@127.0.0.1:9/v1?api-key={URL_SECRET}"
    enc = OpenAIEncoder(OpenAISettings(base_url=base_url, model="emb", api_key=SECRET))
    enc.client = enc.client.with_options(max_retries=0, timeout=5)
    with pytest.raises(CurationError) as err:
        enc.encode(["hello"])
    text = str(err.value)
    assert "http://***@127.0.0.1:9/v1?api-key=***" in text
    assert URL_SECRET not in text


def test_fine_tune_and_judge_store_the_base_url_masked(
    fake_openai: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    creds = ft.Credentials(
        fake_openai.api_key, "given", f"{fake_openai.base_url}?token={URL_SECRET}"
    )
    assert URL_SECRET not in repr(creds)
    assert creds.shown_url == f"{fake_openai.base_url}?token=***"
    cid = judged_campaign(sqlite_ws, tmp_path, n=1)
    judge_campaign(
        sqlite_ws,
        cid,
        ft.make_client(ft.Credentials(fake_openai.api_key, "given", fake_openai.base_url)),
        JudgeSettings(model="j"),
        actor="lead",
        credentials=creds,
    )
    with sqlite_ws.read() as s:
        event = s.scalar(sa.select(m.AuditEvent).where(m.AuditEvent.action == "judge.run"))
    assert event is not None and event.details["base_url"] == creds.shown_url
