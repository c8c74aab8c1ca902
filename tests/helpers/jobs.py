"""Running job runners in tests: in a thread of the test process, or as `curation worker`."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson

from curation.jobs import get_job
from curation.jobs.model import JobInfo
from curation.jobs.runner import LocalProcessExecutor, Runner
from curation.jobs.store import quick_workspace
from curation.store import Workspace
from tests.helpers.common import REPO

WAIT_SECONDS = 120.0


@contextmanager
def runner_thread(ws: Workspace, slots: int | None = None) -> Iterator[Runner]:
    """A runner (real child processes per job) in a thread; stopped and joined on exit."""
    quick = quick_workspace(ws.url, ws.folder, 2000)
    runner = Runner(quick, LocalProcessExecutor(ws.url, ws.folder), slots=slots)
    stop = threading.Event()
    thread = threading.Thread(target=runner.run, args=(stop,), daemon=True)
    thread.start()
    try:
        yield runner
    finally:
        stop.set()
        thread.join(timeout=60)
        quick.dispose()


def wait_for(
    ws: Workspace,
    job_id: int,
    until: Callable[[JobInfo], bool] = lambda j: j.finished,
    timeout: float = WAIT_SECONDS,
) -> JobInfo:
    deadline = time.monotonic() + timeout
    while True:
        job = get_job(ws, job_id)
        if until(job):
            return job
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} still {job.status} ({job.progress})")
        time.sleep(0.2)


def start_worker(ws: Workspace, *extra: str) -> subprocess.Popen[bytes]:
    """A real `curation worker` process on the test's workspace (URL through the environment)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env["CURATION_DB_URL"] = ws.url if not ws.is_sqlite else ""
    cmd = [sys.executable, "-c", "from curation.cli import main; main()", "worker"]
    cmd += ["--workspace", str(ws.folder), *extra]
    if ws.is_sqlite:
        env.pop("CURATION_DB_URL")
    ws.folder.mkdir(parents=True, exist_ok=True)
    log = (ws.folder / f"worker-{time.monotonic_ns()}.log").open("wb")
    return subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)


def many_chats(path: Path, n: int) -> Path:
    """``n`` small distinct chats: an import long enough to stop midway."""
    rows = (
        orjson.dumps(
            {
                "messages": [
                    {"role": "user", "content": f"question {i} about invoices"},
                    {"role": "assistant", "content": f"answer {i}: see the billing page"},
                ]
            }
        )
        for i in range(n)
    )
    path.write_bytes(b"\n".join(rows) + b"\n")
    return path


def copy_lines(src: Path, dst: Path, n: int) -> Path:
    lines = src.read_text(encoding="utf-8").splitlines()[:n]
    dst.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dst
