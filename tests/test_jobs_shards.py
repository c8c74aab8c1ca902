"""`--background` for the file-to-file commands on a sharded corpus (validate, redact, dedup,
export): each is a job that calls the same sharded driver, writes the same output shards
as the foreground command, reports its progress shard by shard and names the manifest."""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from curation.jobs import get_job
from curation.jobs import store as jobs_store
from curation.jobs.child import run_job
from curation.jobs.shards import ERRORS_KEPT
from curation.store import Workspace
from tests.helpers.cli import run
from tests.helpers.jobs import runner_thread, wait_for
from tests.test_shards import BAD_LINE, check_manifest, corpus, read_rows, write_shards

SHARDS = ("a.jsonl", "b.jsonl.gz", "c.parquet")


def where(ws: Workspace) -> tuple[str | Path, ...]:
    """The CLI's options naming the test's workspace (SQLite folder, or PostgreSQL URL)."""
    return ("-w", ws.folder) if ws.is_sqlite else ("-w", ws.folder, "--db", ws.url)


def submitted(ws: Workspace, *args: str | Path) -> int:
    code, out, err = run(*args, "--background", "--json", *where(ws))
    assert code == 0, err
    return int(json.loads(out)["job"])


def shown(ws: Workspace, job_id: int) -> dict[str, Any]:
    code, out, err = run("jobs", "show", job_id, "--json", *where(ws))
    assert code == 0, err
    return dict(json.loads(out))


def test_sharded_commands_run_as_jobs_with_progress_per_shard(
    ws: Workspace,
    tmp_path: Path,
    fake_models: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _ = write_shards(tmp_path / "in")
    jobs_out = tmp_path / "jobs"
    ids = {
        "validate-shards": submitted(ws, "validate", f"{folder}/*"),
        "redact-shards": submitted(ws, "redact", folder, "-o", jobs_out / "redacted"),
        "dedup-shards": submitted(
            ws, "dedup", folder, "-o", jobs_out / "deduped", "-e", "static", "-t", "0.9"
        ),
        "export-shards": submitted(
            ws, "export", folder, "-f", "openai-chat", "-o", jobs_out / "exported"
        ),
    }
    for kind, job_id in ids.items():
        job = get_job(ws, job_id)
        assert (job.kind, job.status, job.dataset_id) == (kind, "queued", None)
        assert job.params["input"] in (str(folder), f"{folder}/*")  # absolute, as the runner needs

    written: list[tuple[int, str, int, int | None]] = []
    original = jobs_store.write_progress

    def recording(w: Workspace, job_id: int, stage: str, done: int, total: int | None) -> bool:
        written.append((job_id, stage, done, total))
        return original(w, job_id, stage, done, total)

    monkeypatch.setattr(jobs_store, "write_progress", recording)
    for _ in ids:  # what a runner's child process does, here (the fake encoders apply)
        job = jobs_store.claim(ws, "test-runner", limit=1)
        assert job is not None
        assert run_job(ws, ws, job.id, "test-runner") == "succeeded", get_job(ws, job.id).error

    def per_shard(kind: str, stage: str) -> list[tuple[str, int, int | None]]:
        return [(s, d, t) for j, s, d, t in written if j == ids[kind] and s.startswith(stage)]

    for kind, stage in (
        ("validate-shards", "validate"),
        ("redact-shards", "redact"),
        ("export-shards", "export"),
        ("dedup-shards", "Writing shards"),
    ):
        assert per_shard(kind, stage) == [
            (f"{stage}: {name}", k, 3) for k, name in enumerate(SHARDS, 1)
        ], kind
        job = shown(ws, ids[kind])
        assert job["status"] == "succeeded" and job["error"] is None
        assert job["progress"] == {"stage": "done", "done": 3, "total": 3}
        assert len(job["result"]["shards"]) == 3
    assert [s for s, _, _ in per_shard("dedup-shards", "Reading shards")] == [
        f"Reading shards: {name}" for name in SHARDS
    ]

    validated = shown(ws, ids["validate-shards"])["result"]
    assert [Path(s["path"]).name for s in validated["shards"]] == list(SHARDS)
    assert validated["summary"].startswith("3 shards: ")
    for kind, name in (
        ("redact-shards", "redacted"),
        ("dedup-shards", "deduped"),
        ("export-shards", "exported"),
    ):
        result = shown(ws, ids[kind])["result"]
        manifest = jobs_out / name / "manifest.json"
        assert result["manifest"] == str(manifest)
        assert str(manifest) in result["summary"]
        check_manifest(manifest.parent, kind.removesuffix("-shards"))

    # the foreground commands write the same shards
    fg = tmp_path / "fg"
    assert run("redact", folder, "-o", fg / "redacted")[0] == 0
    assert run("dedup", folder, "-o", fg / "deduped", "-e", "static", "-t", "0.9")[0] == 0
    assert run("export", folder, "-f", "openai-chat", "-o", fg / "exported")[0] == 0
    for name in ("redacted", "deduped"):
        for shard in SHARDS:
            assert read_rows(jobs_out / name / shard) == read_rows(fg / name / shard), shard
    for shard in ("a.jsonl", "b.jsonl", "c.jsonl"):
        assert (jobs_out / "exported" / shard).read_bytes() == (
            fg / "exported" / shard
        ).read_bytes()
    removed = json.loads((jobs_out / "deduped" / "manifest.json").read_text())["clusters"]
    assert removed == 2  # r0/r9 across shards, r4/r10 within one


def test_a_runner_runs_a_sharded_validation_and_jobs_show_names_its_shards(
    ws: Workspace, tmp_path: Path
) -> None:
    folder, _ = write_shards(tmp_path / "in", bad=True)
    job_id = submitted(ws, "validate", folder, "--model", "gpt-4o-mini")
    with runner_thread(ws):
        done = wait_for(ws, job_id)
    assert done.status == "succeeded", done.error
    job = shown(ws, job_id)
    assert job["kind"] == "validate-shards" and job["params"]["model"] == "gpt-4o-mini"
    assert job["progress"] == {"stage": "done", "done": 3, "total": 3}
    errors = job["result"]["errors"]
    assert errors and errors[0]["file"] == "a.jsonl"  # the broken line names its shard
    assert [s["errors"] > 0 for s in job["result"]["shards"]] == [True, False, False]


def test_background_needs_a_sharded_input_in_file_mode(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    w = ("-w", sqlite_ws.folder)
    single = tmp_path / "one.jsonl"
    single.write_text('{"messages": [{"role": "user", "content": "hi"}]}\n')
    for args in (
        ("validate", single),
        ("redact", single, "-o", tmp_path / "r.jsonl"),
        ("dedup", single, "-o", tmp_path / "d.jsonl"),
        ("export", single, "-f", "openai-chat", "-o", tmp_path / "e.jsonl"),
    ):
        code, _, err = run(*args, "--background", *w)
        assert code == 1 and "folder or" in err and "glob" in err, (args, err)
        assert "Traceback" not in err
    code, _, err = run(
        "dedup", f"{tmp_path}/nothing-*.jsonl", "-o", tmp_path / "o", "--background", *w
    )
    assert code == 1 and "no file matches" in err  # checked when submitted, not in the runner
    assert jobs_store.list_jobs(sqlite_ws) == []


def test_the_runner_sizes_a_sharded_job_by_its_files(
    sqlite_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.engine import cluster
    from curation.engine.settings import ADDRESS_ENV, THRESHOLDS, Threshold
    from curation.jobs.kinds import input_size
    from curation.jobs.runner import LocalProcessExecutor

    folder, _ = write_shards(tmp_path / "in")
    size = sum(p.stat().st_size for p in folder.iterdir())
    params = {"input": str(folder), "ray_address": None}
    assert input_size(sqlite_ws, "validate-shards", params) == (None, size)
    assert input_size(sqlite_ws, "dedup-shards", params) == (None, size)
    assert input_size(sqlite_ws, "export-shards", params) == (size // 2000, size)
    records, _ = input_size(sqlite_ws, "redact-shards", params)
    assert records is not None and records > 0  # texts to scan, as the driver estimates them
    assert input_size(sqlite_ws, "dedup-shards", {"input": str(tmp_path / "gone")}) == (None, None)

    monkeypatch.setenv(ADDRESS_ENV, "")
    monkeypatch.setattr(cluster, "connected", lambda: False)
    monkeypatch.setattr(cluster, "usable_cores", lambda: 2)
    started: list[str | None] = []
    monkeypatch.setattr(cluster, "connect", lambda address=None: started.append(address))
    monkeypatch.setattr(cluster, "address", lambda: "127.0.0.1:6390")
    monkeypatch.setitem(THRESHOLDS, "dedup", (Threshold(bytes=100), Threshold(bytes=100)))
    executor = LocalProcessExecutor(sqlite_ws.url, sqlite_ws.folder)
    executor.ws = sqlite_ws
    job = get_job(sqlite_ws, jobs_store.submit(sqlite_ws, "dedup-shards", params, None, "l").id)
    assert executor._ray_for(job) == "127.0.0.1:6390" and started == [None]
    asked = {**params, "ray_address": "127.0.0.1:6399"}  # the command named a cluster
    job = get_job(sqlite_ws, jobs_store.submit(sqlite_ws, "dedup-shards", asked, None, "l").id)
    assert executor._ray_for(job) is None and started == [None]  # the job attaches there


def test_a_sharded_job_attaches_to_the_cluster_its_command_named(
    sqlite_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.engine.settings import ADDRESS_ENV, MODE_ENV
    from curation.jobs.params import JobContext
    from curation.jobs.shards import run_validate

    folder, _ = write_shards(tmp_path / "in")
    monkeypatch.setenv(ADDRESS_ENV, "")  # restored after: the CLI's option sets it here
    monkeypatch.setenv(MODE_ENV, "local")  # no connection made here
    code, out, err = run(
        "validate",
        folder,
        "--ray-address",
        "127.0.0.1:6399",
        "--background",
        "--json",
        "-w",
        sqlite_ws.folder,
    )
    assert code == 0, err
    job = get_job(sqlite_ws, json.loads(out)["job"])
    assert job.params["ray_address"] == "127.0.0.1:6399"
    monkeypatch.setenv(ADDRESS_ENV, "")  # the job's process starts without it
    ctx = JobContext(sqlite_ws, job.id, job.params, "lead", lambda _s, _d, _t: None)
    assert run_validate(ctx)["summary"].startswith("3 shards")
    assert os.environ[ADDRESS_ENV] == "127.0.0.1:6399"


def test_a_sharded_job_cancelled_between_shards_leaves_the_output_folder_as_it_was(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = write_shards(tmp_path / "in")
    out, fresh = tmp_path / "exported", tmp_path / "fresh"
    assert run("export", folder, "-f", "openai-chat", "-o", out)[0] == 0  # an earlier run
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert "manifest.json" in before and "a.jsonl" in before
    split = ("--validation-split", "0.5")  # other files: a.train.jsonl, a.validation.jsonl
    ids = [
        submitted(ws, "export", folder, "-f", "openai-chat", *split, "-o", out),
        submitted(ws, "export", folder, "-f", "openai-chat", "-o", fresh),
    ]
    original = jobs_store.write_progress

    def cancel_after_the_first_shard(
        w: Workspace, job: int, stage: str, done: int, total: int | None
    ) -> bool:
        if stage == "export: a.jsonl":
            jobs_store.cancel(ws, job, "lead")
        return original(w, job, stage, done, total)

    monkeypatch.setattr(jobs_store, "write_progress", cancel_after_the_first_shard)
    for job_id in ids:
        claimed = jobs_store.claim(ws, "test-runner", limit=1)
        assert claimed is not None and claimed.id == job_id
        assert run_job(ws, ws, job_id, "test-runner") == "cancelled"
        job = shown(ws, job_id)
        assert job["status"] == "cancelled" and job["progress"]["done"] == 1
    # the earlier run's shards and manifest, nothing of the cancelled one's (nor its staging)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert list(fresh.iterdir()) == []


def test_a_sharded_job_with_no_usable_item_names_a_bad_line_and_its_field(
    ws: Workspace, tmp_path: Path, fake_models: None
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    no_content = '{"messages": [{"role": "user"}]}\n'
    (folder / "a.jsonl").write_text(no_content + '{"messages": [{"role": "user", "content": 5}]}\n')
    (folder / "b.jsonl").write_text(no_content)
    out = tmp_path / "out"
    ids = [
        submitted(ws, "validate", folder),
        submitted(ws, "redact", folder, "-o", out / "redacted"),
        submitted(ws, "dedup", folder, "-o", out / "deduped", "-e", "static"),
        submitted(ws, "export", folder, "-f", "openai-chat", "-o", out / "exported"),
    ]
    for job_id in ids:
        claimed = jobs_store.claim(ws, "test-runner", limit=1)
        assert claimed is not None and claimed.id == job_id
        assert run_job(ws, ws, job_id, "test-runner") == "failed"
        error = shown(ws, job_id)["error"]
        # the foreground command lists the lines; the job's one line names the first
        assert "a.jsonl" in error and "line 1: messages[0].content: missing" in error, error


def test_a_background_dedup_of_a_dataset_refuses_file_options_as_the_foreground_does(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    folder, _ = write_shards(tmp_path / "in")
    w = ("-w", sqlite_ws.folder)
    for extra in ((folder, "-o", tmp_path / "o"), ("--clusters", tmp_path / "c.jsonl")):
        for background in ((), ("--background",)):
            code, _, err = run("dedup", "--dataset", "d", *extra, *background, *w)
            assert code == 1 and "not both" in err, (extra, background, err)
    assert jobs_store.list_jobs(sqlite_ws) == []  # not queued, its file options dropped


def staging(folder: Path, name: str, *files: str, age: float = 120.0) -> Path:
    """A staging folder as a run left it, ``age`` seconds ago."""
    work = folder / f".staging.{name}.part"
    for f in (".lock", *files):
        (work / f).parent.mkdir(parents=True, exist_ok=True)
        (work / f).write_text('{"half": "a shard"')
    then = time.time() - age
    os.utime(work, (then, then))
    return work


def test_a_rerun_removes_what_a_killed_run_left_and_keeps_a_live_runs(
    ws: Workspace, tmp_path: Path
) -> None:
    """A job killed inside a shard (a runner stopped, a cancel past its grace) leaves its
    staging folder: shards, a write's ``.NAME.XXXX.part``, an export shard's work folder,
    findings (raw values). The next run into the folder removes it, but not the staging
    folder of a run still writing there (locked), nor one just made (not locked yet)."""
    folder, _ = write_shards(tmp_path / "in")
    out, reports = tmp_path / "out", tmp_path / "findings"
    killed = [
        staging(out / "exported", "k1", "a.jsonl", ".b.jsonl.k2j4x9.part", ".c.q8w1.part/c.jsonl"),
        staging(out / "redacted", "k2", "a.jsonl", ".c.parquet.z7y6x5.part"),
        staging(reports, "k3", "a.jsonl.findings.jsonl", ".b.jsonl.gz.findings.jsonl.m3n4.part"),
    ]
    live = staging(out / "exported", "l1", "a.jsonl")
    fresh = staging(out / "redacted", "f1", "a.jsonl", age=0)
    ids = [
        submitted(ws, "export", folder, "-f", "openai-chat", "-o", out / "exported"),
        submitted(ws, "redact", folder, "-o", out / "redacted", "--report", reports),
    ]
    with open(live / ".lock", "rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for job_id in ids:
            assert jobs_store.claim(ws, "test-runner", limit=1) is not None
            assert run_job(ws, ws, job_id, "test-runner") == "succeeded", get_job(ws, job_id).error
    assert not any(k.exists() for k in killed)
    assert live.exists() and fresh.exists()
    for name, command, hidden in (("exported", "export", [live]), ("redacted", "redact", [fresh])):
        assert [p for p in (out / name).iterdir() if p.name.startswith(".")] == hidden
        check_manifest(out / name, command)
    assert sorted(p.name for p in reports.iterdir()) == [s + ".findings.jsonl" for s in SHARDS]


def test_a_background_redaction_refuses_bad_options_when_submitted(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    folder, _ = write_shards(tmp_path / "in")
    rules = tmp_path / "rules.json"
    rules.write_text("{not json")
    for extra, said in (
        (("--entities", "FOO"), "no recogniser finds FOO"),
        (("--columns", "prompt"), "is not ROLE=COLUMN"),
        (("--rules", rules), "not valid JSON"),
        (("--threshold", "7"), "between 0 and 1"),
    ):
        args = ("redact", folder, "-o", tmp_path / "out", *extra, "--background")
        code, _, err = run(*args, "-w", sqlite_ws.folder)
        assert code == 1 and said in err and "Traceback" not in err, (extra, err)
    assert jobs_store.list_jobs(sqlite_ws) == []  # named now, as the foreground names them


def test_a_sharded_jobs_result_keeps_the_first_errors_and_counts_them_all(
    ws: Workspace, tmp_path: Path
) -> None:
    """A job's result is a row read by every look at the job: a corpus with many bad lines
    keeps its first ones there (its reports and the foreground's --json have them all)."""
    folder = tmp_path / "in"
    folder.mkdir()
    good = json.dumps(corpus()[0]) + "\n"
    for name in ("a.jsonl", "b.jsonl"):
        (folder / name).write_text(good + (BAD_LINE + "\n") * 30)
    ids = [
        submitted(ws, "validate", folder),
        submitted(ws, "redact", folder, "-o", tmp_path / "redacted"),
    ]
    for job_id in ids:
        assert jobs_store.claim(ws, "test-runner", limit=1) is not None
        assert run_job(ws, ws, job_id, "test-runner") == "succeeded", get_job(ws, job_id).error
    validated = shown(ws, ids[0])["result"]
    assert len(validated["errors"]) == ERRORS_KEPT < validated["errors_total"] == 120
    assert validated["errors_truncated"] is True
    redacted = shown(ws, ids[1])["result"]["shards"]
    assert [len(s["rejected"]) for s in redacted] == [30, ERRORS_KEPT - 30]
    assert [s["rejected_total"] for s in redacted] == [30, 30]
    assert redacted[1]["rejected"][0] == {
        "line": 2,
        "field": "messages[0].content",
        "reason": "missing",
        "code": "invalid_field",
    }


def test_background_names_an_input_that_is_not_there(sqlite_ws: Workspace, tmp_path: Path) -> None:
    gone = tmp_path / "corpus"  # a typo in a folder's name: not "a single file"
    for args in (
        ("validate", gone),
        ("redact", gone, "-o", tmp_path / "r"),
        ("dedup", gone, "-o", tmp_path / "d"),
        ("export", gone, "-f", "openai-chat", "-o", tmp_path / "e"),
    ):
        code, _, err = run(*args, "--background", "-w", sqlite_ws.folder)
        assert code == 1 and f"{gone}: no such file or folder" in err, (args, err)
    assert jobs_store.list_jobs(sqlite_ws) == []
