"""`curation worker` as a real process: a SIGKILLed runner, several runners, the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from curation.cli import cli
from curation.jobs import get_job, rerun, set_concurrency, submit
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.common import REPO
from tests.helpers.jobs import copy_lines, many_chats, runner_thread, start_worker, wait_for

SUPPORT = REPO / "curation" / "sample_data" / "support_chats.jsonl"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_a_killed_runner_leaves_its_job_interrupted_and_a_rerun_succeeds(
    ws: Workspace, tmp_path: Path
) -> None:
    mark = tmp_path / "ran"
    job = submit(ws, "sleep", {"seconds": 120, "steps": 480, "mark": str(mark)}, None, "lead")
    worker = start_worker(ws)
    try:
        running = wait_for(ws, job.id, lambda j: j.status == "running" and j.progress.done > 0)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    finally:
        _stop(worker)
    assert running.runner_id
    # a new runner on this host sees the old one's process gone: its job is interrupted
    second = start_worker(ws)
    try:
        lost = wait_for(ws, job.id, timeout=60)
        assert lost.status == "interrupted", lost
        assert f"curation jobs rerun {job.id}" in lost.error
        # the killed runner's job process ended with it (its watchdog stops it)
        pid = int(mark.read_text().split()[1])
        wait_for(ws, job.id, lambda _j: not _alive(pid), timeout=30)
        again = rerun(ws, job.id, "lead")
        with ws.tx() as s:
            s.execute(sa.update(m.Job).where(m.Job.id == again.id).values(params={"seconds": 0.5}))
        done = wait_for(ws, again.id)
    finally:
        _stop(second)
    assert done.status == "succeeded", done.error
    assert done.rerun_of == job.id
    assert get_job(ws, job.id).status == "interrupted"


def test_a_stopped_runner_marks_its_running_job_interrupted(ws: Workspace) -> None:
    job = submit(ws, "sleep", {"seconds": 120, "steps": 480}, None, "lead")
    worker = start_worker(ws)
    try:
        wait_for(ws, job.id, lambda j: j.status == "running" and j.progress.done > 0)
        worker.send_signal(signal.SIGINT)  # Ctrl+C
        assert worker.wait(timeout=60) == 0
    finally:
        _stop(worker)
    stopped = get_job(ws, job.id)
    assert stopped.status == "interrupted" and "runner was stopped" in stopped.error


def test_two_runners_never_take_the_same_job(ws: Workspace, tmp_path: Path) -> None:
    """A team's PostgreSQL workspace (FOR UPDATE SKIP LOCKED), and SQLite (BEGIN IMMEDIATE)."""
    with ws.tx() as s:
        set_concurrency(s, 4, actor="admin")
    mark = tmp_path / "ran"
    jobs = [submit(ws, "sleep", {"seconds": 0.1, "mark": str(mark)}, None, "x") for _ in range(16)]
    workers = [start_worker(ws, "--concurrency", "2") for _ in range(2)]
    try:
        done = [wait_for(ws, j.id, timeout=300) for j in jobs]
    finally:
        for w in workers:
            _stop(w)
    assert [j.status for j in done] == ["succeeded"] * len(jobs)
    runs = Counter(int(line.split()[0]) for line in mark.read_text().splitlines())
    assert runs == Counter({j.id: 1 for j in jobs})  # each job ran exactly once
    with ws.read() as s:
        outcomes = Counter(
            s.scalars(
                sa.select(m.AuditEvent.target_id).where(m.AuditEvent.action == "job.succeeded")
            )
        )
    assert outcomes == Counter({str(j.id): 1 for j in jobs})
    assert len({j.runner_id for j in done}) == 2  # both runners took jobs


def _cli(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout + result.stderr


def test_background_commands_print_a_job_and_jobs_show_follows_it(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_ws
    w = ("-w", ws.folder)
    data = copy_lines(SUPPORT, tmp_path / "s.jsonl", 12)
    code, out = _cli("import", data, "-d", "s", "--background", "--json", *w)
    assert code == 0, out
    job_id = json.loads(out)["job"]
    code, out = _cli("jobs", "show", job_id, "--json", *w)
    shown = json.loads(out)
    assert {k: shown[k] for k in ("id", "kind", "status", "error")} == {
        "id": job_id,
        "kind": "import",
        "status": "queued",
        "error": None,
    }
    assert set(shown["progress"]) == {"stage", "done", "total"}
    assert shown["queue_position"] == 1

    code, out = _cli("dedup", "-d", "s", "-e", "static", "--background", "--json", *w)
    dedup_id = json.loads(out)["job"]
    output = tmp_path / "x.jsonl"
    code, out = _cli(
        "export",
        "-d",
        "s",
        "-f",
        "openai-chat",
        "-o",
        output,
        "--allow-unreviewed-pii",
        "--override-reason",
        "test data",
        "--background",
        "--json",
        *w,
    )
    assert code == 0, out
    export_id = json.loads(out)["job"]
    code, out = _cli("jobs", "cancel", export_id, *w)
    assert code == 0 and "cancelled" in out
    with runner_thread(ws):
        assert wait_for(ws, job_id).status == "succeeded"
        assert wait_for(ws, dedup_id).status == "succeeded"
    assert _cli("jobs", "show", dedup_id, "--wait", *w)[0] == 0
    code, out = _cli("jobs", "show", export_id, "--wait", *w)
    assert code == 1 and "cancelled" in out  # --wait: exit 1 unless it succeeded
    code, out = _cli("jobs", "list", "--json", *w)
    listed = {j["id"]: j["status"] for j in json.loads(out)}
    assert listed == {job_id: "succeeded", dedup_id: "succeeded", export_id: "cancelled"}
    code, out = _cli("jobs", "rerun", export_id, "--json", *w)
    assert json.loads(out)["rerun_of"] == export_id
    rerun_job = get_job(ws, json.loads(out)["job"])
    assert rerun_job.params["output"] == str(output) and rerun_job.kind == "export"
    code, out = _cli("jobs", "show", "999", *w)
    assert code == 1 and "no job #999" in out and "Traceback" not in out
    code, out = _cli("dedup", data, "-o", tmp_path / "kept.jsonl", "--background", *w)
    assert code == 1 and "workspace mode" in out  # a single file runs in the foreground


def _runners_of(parent: int) -> list[int]:
    """Live `curation worker` processes started by ``parent`` (``--stop-with PID``)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"worker" in args and str(parent).encode() in args and _alive(int(entry.name)):
            found.append(int(entry.name))
    return found


def test_serve_runs_a_runner_beside_the_app_and_stops_it(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_ws
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env.pop("CURATION_DB_URL", None)
    job = submit(ws, "sleep", {"seconds": 0.2}, None, "lead")
    port = str(20000 + os.getpid() % 20000)
    cmd = [sys.executable, "-c", "from curation.cli import main; main()", "serve"]
    log = (tmp_path / "serve.log").open("wb")
    serve = subprocess.Popen(
        [*cmd, "--port", port, "-w", str(ws.folder)], env=env, stdout=log, stderr=log
    )
    try:
        assert wait_for(ws, job.id).status == "succeeded"  # run by the runner serve started
        runners = _runners_of(serve.pid)
        assert len(runners) == 1
    finally:
        serve.send_signal(signal.SIGTERM)
        code = serve.wait(timeout=60)
    assert code == 143
    assert not _alive(runners[0]) and _runners_of(serve.pid) == []


def test_an_import_killed_midway_leaves_nothing_and_its_rerun_imports_all(
    ws: Workspace, tmp_path: Path
) -> None:
    n = 40_000
    data = many_chats(tmp_path / "big.jsonl", n)
    job = submit(ws, "import", {"path": str(data), "dataset": "big"}, "big", "lead")
    worker = start_worker(ws)
    try:
        midway = wait_for(
            ws, job.id, lambda j: j.progress.stage == "import" and 0 < j.progress.done < n
        )
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    finally:
        _stop(worker)
    assert midway.status == "running"
    second = start_worker(ws)
    try:
        assert wait_for(ws, job.id, timeout=60).status == "interrupted"
        with ws.read() as s:  # the import's one transaction never committed
            assert s.scalar(sa.select(sa.func.count()).select_from(m.Record)) == 0
            assert s.scalar(sa.select(sa.func.count()).select_from(m.ImportRun)) == 0
        again = wait_for(ws, rerun(ws, job.id, "lead").id, timeout=300)
    finally:
        _stop(second)
    assert again.status == "succeeded", again.error
    assert again.result["imported"] == n
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Record)) == n
