"""A dedup run started from the Deduplicate page is a background job: clicks on other widgets,
another page, coming back and a reload do not stop it, and its result is shown when done.

The app runs as `curation serve` runs it: with a job runner (`curation worker`) beside it.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import sqlalchemy as sa

from curation.auth import create_user
from curation.ingest.importer import import_file
from curation.jobs import get_job, list_jobs
from curation.jobs.store import RUNNER_ENV
from curation.store import models as m
from curation.store import open_workspace
from tests.e2e.conftest import chromium_path
from tests.e2e.server import PASSWORDS, REPO, Server, _start, free_port
from tests.e2e.ui import body_text, login, open_page, settle

N_RECORDS = 6000  # a run of some seconds on two cores: long enough to click around in
WORDS = [
    "invoice",
    "refund",
    "password",
    "login",
    "export",
    "billing",
    "plan",
    "seat",
    "admin",
    "token",
    "webhook",
    "quota",
    "latency",
    "region",
    "backup",
    "restore",
    "mobile",
    "desktop",
    "browser",
    "cache",
    "proxy",
    "domain",
    "email",
    "report",
    "schedule",
    "calendar",
    "upload",
    "download",
    "folder",
    "share",
    "permission",
    "role",
    "audit",
]


def corpus(path: Path, n: int) -> Path:
    """``n`` support chats of random words (seeded), every tenth a copy with one word changed."""
    rng = random.Random(7)
    rows: list[tuple[str, str]] = []
    for i in range(n):
        if i % 10 == 9:
            question = rows[-1][0].split()
            question[rng.randrange(len(question))] = rng.choice(WORDS)
            q, a = " ".join(question), rows[-1][1]
        else:
            q = " ".join(rng.choice(WORDS) for _ in range(14)) + f" case {i}?"
            a = " ".join(rng.choice(WORDS) for _ in range(20)) + "."
        rows.append((q, a))
    lines = (
        orjson.dumps(
            {"messages": [{"role": "user", "content": q}, {"role": "assistant", "content": a}]}
        )
        for q, a in rows
    )
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app with a job runner beside it (overrides the conftest's app without one)."""
    if chromium_path() is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CURATION_CHROMIUM)")
    folder = tmp_path_factory.mktemp("e2e-jobs-ws")
    ws = open_workspace(folder)
    with ws.tx() as s:
        create_user(s, "lead", "lead", PASSWORDS["lead"], actor="e2e")
    import_file(ws, corpus(folder / "tickets.jsonl", N_RECORDS), "tickets")
    env = dict(
        os.environ,
        CURATION_WORKSPACE=str(folder),
        HF_HUB_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
    )
    env.pop("CURATION_DB_URL", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    log = folder / "server.log"
    worker_cmd = [sys.executable, "-c", "from curation.cli import main; main()", "worker"]
    worker = subprocess.Popen(
        [*worker_cmd, "--workspace", str(folder)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=(folder / "worker.log").open("ab"),
        stderr=subprocess.STDOUT,
    )
    port = str(free_port())
    proc = _start(port, {**env, RUNNER_ENV: "1"}, log)
    srv = Server(f"http://127.0.0.1:{port}", ws, folder, proc, log, env)
    yield srv
    srv.process.kill()
    srv.process.wait(timeout=30)
    worker.terminate()  # it marks a job still running interrupted, then exits
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=30)
    ws.dispose()


def _panel_status(page: Any) -> str:
    found = re.search(r"Job (\d+) · dedup · (\w+)", body_text(page))
    return found.group(2) if found else ""


def test_a_dedup_job_outlives_clicks_a_page_change_and_a_reload(
    server: Server, pages: dict[str, Any]
) -> None:
    ws = server.workspace
    lead = pages["open"]("lead")
    login(lead, server.url, "lead")
    open_page(lead, "Deduplicate")
    lead.get_by_text("No dedup run on this dataset yet").wait_for()
    lead.get_by_label("Embedder").first.click()
    lead.keyboard.type("model2vec")  # the static embedder's label
    lead.keyboard.press("Enter")
    lead.get_by_role("button", name="Run dedup").click()
    lead.get_by_text(re.compile(r"Job \d+ · dedup")).first.wait_for(timeout=60_000)
    (job,) = list_jobs(ws)
    assert (job.kind, job.created_by, job.params["embedder"]) == ("dedup", "lead", "static")

    # it starts in the runner; meanwhile the lead works on: other widgets, another page
    deadline = time.monotonic() + 120
    while get_job(ws, job.id).status == "queued" and time.monotonic() < deadline:
        time.sleep(0.2)
    seen = [get_job(ws, job.id).status]
    lead.get_by_text("Compare system prompts too").click()
    lead.get_by_text("New dedup run on").first.click()  # folds the form's expander
    open_page(lead, "Datasets")
    lead.get_by_label("Search message text").fill("invoice")
    lead.keyboard.press("Enter")
    settle(lead)
    seen.append(get_job(ws, job.id).status)
    open_page(lead, "Deduplicate")
    lead.reload()  # a new session: it finds the job, running or done
    lead.get_by_text("Signed in as").wait_for(timeout=90_000)
    seen.append(get_job(ws, job.id).status)
    assert seen[0] == "running", seen  # the clicks above began while it ran

    done = get_job(ws, job.id)
    deadline = time.monotonic() + 300
    while not done.finished and time.monotonic() < deadline:
        time.sleep(0.5)
        done = get_job(ws, job.id)
    assert done.status == "succeeded", (done.status, done.error, seen)
    run_id = done.outcome.run_id
    if seen[-1] == "running":  # the reloaded page followed it: the run's summary, once done
        lead.get_by_text(f"dedup run {run_id} on tickets").first.wait_for(timeout=60_000)
    lead.get_by_text("Pending clusters").first.wait_for(timeout=60_000)  # the run it made
    with ws.read() as s:
        run = s.get_one(m.DedupRun, run_id)
        assert (run.status, run.actor) == ("done", "lead")
        assert f"{run.n_records:,}" in body_text(lead)  # the run's records metric
        actions = list(
            s.scalars(
                sa.select(m.AuditEvent.action)
                .where(m.AuditEvent.target_type == "job", m.AuditEvent.target_id == str(job.id))
                .order_by(m.AuditEvent.id)
            )
        )
    assert actions == ["job.submit", "job.succeeded"]
