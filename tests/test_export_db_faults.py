"""The export's database failing for real while it records itself: a SQLite database locked
by another process, a PostgreSQL backend terminated by ``pg_terminate_backend``. The error
is one line naming the failure (no SQL, no row), the files and the history agree, and the
next export works.

Nothing here fakes the driver: only *when* the failure starts is chosen, by wrapping a
step of the export.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.errors import CurationError
from curation.export import publish as pub
from curation.export import staging
from curation.store import Workspace, db
from tests.helpers.export import (
    exported_once,
    history,
    run,
    snapshot,
)

LOCKED = "the workspace database is locked by another process: try again in a moment"
LOST = "lost the connection to the database server: check that it is running and run again"


@pytest.fixture
def quick_ws(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """The same workspace opened with a short SQLite busy timeout (a lock fails fast)."""
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)
    quick = Workspace(ws.url, ws.folder)
    try:
        yield quick
    finally:
        quick.dispose()


_blockers: list[sqlite3.Connection] = []


@contextmanager
def sqlite_locked(ws: Workspace) -> Iterator[Callable[[], None]]:
    """A callable that makes another connection hold the database's write lock (until
    :func:`unlock` or the end of the block). On PostgreSQL it is never called."""
    blocker = (
        sqlite3.connect(ws.url.removeprefix("sqlite:///"), isolation_level=None)
        if ws.is_sqlite
        else None
    )

    def lock() -> None:
        assert blocker is not None
        blocker.execute("BEGIN IMMEDIATE")
        _blockers.append(blocker)

    try:
        yield lock
    finally:
        unlock()
        if blocker is not None:
            blocker.close()


def unlock() -> None:
    while _blockers:
        blocker = _blockers.pop()
        if blocker.in_transaction:
            blocker.execute("ROLLBACK")


def terminate_own_backend(connection: Any) -> None:
    connection.exec_driver_sql("SELECT pg_terminate_backend(pg_backend_pid())")


def check_one_line(text: str) -> None:
    assert "\n" not in text
    for sql in ("SELECT", "INSERT", "UPDATE", "[SQL", "Background on this error"):
        assert sql not in text


def test_the_database_failing_at_the_reservation_writes_nothing(
    quick_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = quick_ws
    out, before = exported_once(ws, tmp_path)
    with sqlite_locked(ws) as lock:
        if ws.is_sqlite:
            lock()
            reason = LOCKED
        else:
            real_settle = pub.settle_interrupted

            def settle_then_lose(session: Any) -> list[int]:
                terminate_own_backend(session.connection())
                return real_settle(session)

            monkeypatch.setattr(pub, "settle_interrupted", settle_then_lose)
            reason = LOST
        with pytest.raises(CurationError) as err:
            run(ws, out, validation_split=0.25, seed=5)
    assert str(err.value) == (
        f"could not record the export in the workspace database ({reason}); "
        "nothing was written and the previous files are untouched"
    )
    check_one_line(str(err.value))
    assert snapshot(out.parent) == before  # no temporary file either
    assert history(ws) == [(1, "done", True)]
    monkeypatch.undo()
    assert run(ws, out, validation_split=0.25, seed=5).export_id == 2


def test_the_database_failing_at_done_and_again_at_failed_says_interrupted(
    quick_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = quick_ws
    out, before = exported_once(ws, tmp_path)
    real_commit = staging.Staging.commit
    with sqlite_locked(ws) as lock:
        armed: list[bool] = []

        def lose(conn: sa.Connection) -> None:
            if armed:
                terminate_own_backend(conn)

        if not ws.is_sqlite:
            sa.event.listen(ws.engine, "begin", lose)

        def commit_then_fail(self: staging.Staging, **kwargs: Any) -> None:
            real_commit(self, **kwargs)
            if ws.is_sqlite:
                lock()  # the transaction marking it done, and the one marking it failed
            else:
                armed.append(True)

        monkeypatch.setattr(staging.Staging, "commit", commit_then_fail)
        with pytest.raises(CurationError) as err:
            run(ws, out, validation_split=0.25, seed=5)
        if not ws.is_sqlite:
            sa.event.remove(ws.engine, "begin", lose)
    reason = LOCKED if ws.is_sqlite else LOST
    assert str(err.value) == (
        f"export #2 failed while recording it as done in the workspace database: {reason}; "
        "its files were taken back out and the previous files are in place again; the "
        "database could not be updated either, so the export history lists #2 as interrupted"
    )
    check_one_line(str(err.value))
    assert snapshot(out.parent) == before
    assert history(ws) == [(2, "interrupted", False), (1, "done", True)]
    monkeypatch.undo()
    assert run(ws, out, validation_split=0.25, seed=5).export_id == 3
    assert history(ws)[0] == (3, "done", True)


def test_a_database_failing_once_at_done_is_recorded_as_failed(
    quick_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database fails once (marking it done), then answers again (failed is recorded)."""
    ws = quick_ws
    out, before = exported_once(ws, tmp_path)
    with sqlite_locked(ws) as lock:
        if ws.is_sqlite:
            real_commit = staging.Staging.commit
            real_take_back = pub._take_back

            def commit_then_lock(self: staging.Staging, **kwargs: Any) -> None:
                real_commit(self, **kwargs)
                lock()

            def unlock_then_take_back(*args: Any) -> str:
                unlock()
                return real_take_back(*args)

            monkeypatch.setattr(staging.Staging, "commit", commit_then_lock)
            monkeypatch.setattr(pub, "_take_back", unlock_then_take_back)
        else:
            real_finish = pub.finish

            def lose_then_finish(session: Any, export_id: int, pending: Any) -> None:
                terminate_own_backend(session.connection())
                real_finish(session, export_id, pending)

            monkeypatch.setattr(pub, "finish", lose_then_finish)
        with pytest.raises(CurationError) as err:
            run(ws, out, validation_split=0.25, seed=5)
    reason = LOCKED if ws.is_sqlite else LOST
    assert str(err.value) == (
        f"export #2 failed while recording it as done in the workspace database: {reason}; "
        "its files were taken back out and the previous files are in place again; the "
        "export history lists #2 as failed"
    )
    check_one_line(str(err.value))
    assert snapshot(out.parent) == before
    assert history(ws) == [(2, "failed", False), (1, "done", True)]
