"""Faults: kill -9 during an import leaves all of the file or none of it, and the workspace opens."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.store import models as m
from curation.store import open_workspace
from tests.helpers.common import BACKENDS, REPO, pg_schema_url


def big_file(path: Path, n: int) -> Path:
    with path.open("w") as fh:
        for i in range(n):
            fh.write(
                json.dumps(
                    {
                        "messages": [
                            {"role": "user", "content": f"q {i} " * 20},
                            {"role": "assistant", "content": f"a {i} " * 40},
                        ]
                    }
                )
                + "\n"
            )
    return path


# The CLI with SQLite's default page cache during the import: with the bulk one, 60,000 rows
# stay in memory until the commit, and the kill would never meet a half-written WAL.
SMALL_CACHE_CLI = (
    "from curation.ingest import importer; importer.BULK_CACHE_KIB = 2000; "
    "from curation.cli import main; main()"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.timeout(300)
def test_kill_9_mid_import_leaves_nothing_then_a_rerun_imports_everything(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder = tmp_path / "ws"
    db = pg_schema_url(request.getfixturevalue("pg_schema")) if backend == "postgresql" else None
    ws = open_workspace(folder, db)  # migrated before the import starts
    path = big_file(tmp_path / "big.jsonl", 60_000)
    env = dict(os.environ, CURATION_WORKSPACE=str(folder))
    if db:
        env["CURATION_DB_URL"] = db
    cmd = [sys.executable, "-c", SMALL_CACHE_CLI, "import", str(path), "-d", "big", "-q"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_until_writing(ws, folder, backend, proc)
    workers = _children(proc.pid)  # none: a file this size is built in-process
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    _wait_until_gone(workers)
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.Record.id))) == 0
        assert s.scalar(sa.select(sa.func.count(m.Dataset.id))) == 0
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, timeout=280)
    assert done.returncode == 0, done.stderr.decode()
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.Record.id))) == 60_000
    ws.dispose()


def _children(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _wait_until_gone(pids: list[int]) -> None:
    """The import's worker processes end once their importer is killed."""
    deadline = time.time() + 30
    while time.time() < deadline:
        alive = [pid for pid in pids if _running(pid)]
        if not alive:
            return
        time.sleep(0.1)
    raise AssertionError(f"import workers {alive} outlived their importer")


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited


def _wait_until_writing(
    ws: object, folder: Path, backend: str, proc: subprocess.Popen[bytes]
) -> None:
    """Until the import has written rows inside its (uncommitted) transaction."""
    deadline = time.time() + 120
    while time.time() < deadline:
        assert proc.poll() is None, "the import finished before it could be interrupted"
        if backend == "sqlite":
            wal = folder / "workspace.db-wal"
            if wal.exists() and wal.stat().st_size > 4_000_000:
                return
        else:
            # another backend holds a write lock on records: its transaction is inserting
            with ws.engine.connect() as conn:  # type: ignore[attr-defined]
                writing = conn.execute(
                    sa.text(
                        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                        "WHERE c.relname = 'records' AND l.mode = 'RowExclusiveLock' "
                        "AND l.pid <> pg_backend_pid()"
                    )
                ).scalar()
            if writing:
                time.sleep(1.0)
                return
        time.sleep(0.05)
    raise AssertionError("the import never started writing")
