"""Storage failures (full disk, lost server, locked, read-only) and database URLs with a password.

Every failure reaches the user as one line with no SQL, no record text and no password;
the CLI exits 1. The failures are real ones from SQLite and PostgreSQL wherever a test can
cause them safely: a page limit, a server-side error raised with the disk-full SQLSTATE, a
read-only transaction, a held lock, a terminated connection.
"""

from __future__ import annotations

import errno
import json
import socket
import sqlite3
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import streamlit as st
from click.testing import CliRunner
from streamlit import config as st_config

from curation.cli import cli
from curation.errors import CurationError, DatabaseUrlError, StorageError
from curation.store import Workspace, failures, open_workspace
from curation.store import models as m
from curation.ui.failures import UNAVAILABLE
from tests.helpers.apptest import PASSWORDS, logged_in, new_app, texts
from tests.helpers.common import BACKENDS, pg_schema_url

PASSWORD = "Hunter2-s3cret"
SECRET_TEXT = "CONFIDENTIAL-CONVERSATION"


def run_cli(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def conversations(path: Path, n: int) -> Path:
    with path.open("w") as fh:
        for i in range(n):
            messages = [
                {"role": "user", "content": f"{SECRET_TEXT} {i} " * 30},
                {"role": "assistant", "content": f"reply {i} " * 30},
            ]
            fh.write(json.dumps({"messages": messages}) + "\n")
    return path


def assert_one_clean_line(out: str, err: str) -> str:
    text = (out + err).strip()
    assert len(text.splitlines()) == 1, text[:2000]
    for leak in ("INSERT", "SELECT", "[SQL", "parameters", SECRET_TEXT, "Traceback", PASSWORD):
        assert leak not in text, text[:2000]
    return text


# --------------------------------------------------------------------------- full disk


@contextmanager
def sqlite_page_limit() -> Iterator[None]:
    """New SQLite connections may not grow their database file: SQLite's own 'disk is full'."""

    def limit(dbapi_conn: Any, _record: Any) -> None:
        if isinstance(dbapi_conn, sqlite3.Connection):
            dbapi_conn.execute("PRAGMA max_page_count = 1")  # clamped to the current size

    sa.event.listen(sa.engine.Engine, "connect", limit)
    try:
        yield
    finally:
        sa.event.remove(sa.engine.Engine, "connect", limit)


@contextmanager
def sqlite_read_only() -> Iterator[None]:
    """New SQLite connections may read but not write: SQLite's own 'readonly database'."""

    def read_only(dbapi_conn: Any, _record: Any) -> None:
        if isinstance(dbapi_conn, sqlite3.Connection):
            dbapi_conn.execute("PRAGMA query_only = 1")

    sa.event.listen(sa.engine.Engine, "connect", read_only)
    try:
        yield
    finally:
        sa.event.remove(sa.engine.Engine, "connect", read_only)


DISK_FULL_TRIGGER = """
CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'could not extend file "base/16384/16427": No space left on device'
    USING ERRCODE = '53100', HINT = 'Check free disk space.';
END $$;
CREATE TRIGGER disk_full BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION disk_full();
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_full_disk_during_import_is_one_line_without_sql_or_data(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder = tmp_path / "ws"
    db = pg_schema_url(request.getfixturevalue("pg_schema")) if backend == "postgresql" else None
    ws = open_workspace(folder, db)  # migrated before the disk fills
    path = conversations(tmp_path / "chats.jsonl", 2000)
    where = ["-w", str(folder), *(["--db", db] if db else [])]
    if db:
        with ws.engine.begin() as conn:
            conn.exec_driver_sql(DISK_FULL_TRIGGER)
        code, out, err = run_cli("import", path, "-d", "chats", *where)
        with ws.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER disk_full ON records")
    else:
        ws.dispose()
        with sqlite_page_limit():
            code, out, err = run_cli("import", path, "-d", "chats", *where)
    line = assert_one_clean_line(out, err)
    assert code == 1
    assert "is full" in line and "Nothing was half-written" in line
    ws = open_workspace(folder, db)
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.Record.id))) == 0
    assert run_cli("import", path, "-d", "chats", *where)[0] == 0  # space again: all of it
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.Record.id))) == 2000
    ws.dispose()


# --------------------------------------------------------------------------- other failures


def _insert_dataset(ws: Workspace, name: str) -> None:
    with ws.tx() as s:
        s.add(m.Dataset(name=name, description=f"{SECRET_TEXT} description"))


def _assert_storage_error(excinfo: pytest.ExceptionInfo[StorageError], *words: str) -> None:
    text = str(excinfo.value)
    assert "\n" not in text and all(w in text for w in words), text
    assert SECRET_TEXT not in text and "INSERT" not in text and "SELECT" not in text, text


def test_a_read_only_database_is_one_line(ws: Workspace) -> None:
    with pytest.raises(StorageError) as excinfo, ws.tx() as s:
        if ws.is_sqlite:
            s.connection().exec_driver_sql("PRAGMA query_only = 1")  # SQLITE_READONLY
        else:
            s.connection().exec_driver_sql("SET TRANSACTION READ ONLY")  # SQLSTATE 25006
        s.add(m.Dataset(name="d", description=SECRET_TEXT))
        s.flush()
    ws.dispose()  # the pooled SQLite connection is still query-only
    _assert_storage_error(excinfo, "read-only")


def test_a_locked_database_is_one_line(ws: Workspace) -> None:
    _insert_dataset(ws, "d")
    if ws.is_sqlite:
        holder = sqlite3.connect(ws.engine.url.database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        waiter = sqlite3.connect(ws.engine.url.database, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError) as raw:  # SQLITE_BUSY, at once
            waiter.execute("BEGIN IMMEDIATE")
        holder.rollback()
        holder.close()
        waiter.close()
        failure = failures.storage_error(raw.value)
        assert failure is not None and "locked" in str(failure)
        return
    with ws.engine.connect() as holder:
        holder.execute(sa.select(m.Dataset).with_for_update())
        with pytest.raises(StorageError) as excinfo, ws.tx() as s:  # SQLSTATE 55P03
            s.execute(
                sa.select(m.Dataset).where(m.Dataset.name == "d").with_for_update(nowait=True)
            )
        holder.rollback()
    _assert_storage_error(excinfo, "locked")


def test_a_lost_database_server_is_one_line(tmp_path: Path, pg_schema: str) -> None:
    ws = open_workspace(tmp_path / "ws", pg_schema_url(pg_schema))
    with pytest.raises(StorageError) as excinfo, ws.tx() as s:  # SQLSTATE 57P01
        s.execute(sa.text("SELECT pg_terminate_backend(pg_backend_pid())"))
    _assert_storage_error(excinfo, "lost the connection")
    _insert_dataset(ws, "after")  # the pool drops the dead connection and goes on
    ws.dispose()


def test_a_damaged_sqlite_file_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "workspace.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError) as excinfo:
        open_workspace(folder)
    _assert_storage_error(excinfo, "cannot open the workspace database", "not a database")


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "no space left"), (errno.EROFS, "read-only"), (errno.EIO, "I/O error")],
)
def test_disk_errors_writing_a_file_are_one_line(code: int, words: str) -> None:
    failure = failures.storage_error(OSError(code, "os text", "/ws/exports/out.jsonl"))
    assert failure is not None
    assert words in str(failure) and "/ws/exports/out.jsonl" in str(failure)
    assert failures.storage_error(OSError(errno.ENOENT, "missing", "x")) is None


def test_an_unexpected_database_error_prints_no_sql_and_no_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a storage failure (a bug): the CLI names its kind and nothing of the statement."""
    from curation.ingest import importer

    def broken(ws: Workspace, *args: Any, **kwargs: Any) -> None:
        with ws.tx() as s:  # a NOT NULL violation: the driver's text quotes the row
            s.execute(sa.insert(m.Dataset).values(name=None, description=SECRET_TEXT))

    monkeypatch.setattr(importer, "import_file", broken)
    path = conversations(tmp_path / "a.jsonl", 1)
    code, out, err = run_cli("import", path, "-d", "x", "-w", tmp_path / "ws")
    assert code == 1
    assert "IntegrityError" in err
    for leak in ("INSERT", SECRET_TEXT, "[SQL", "Traceback"):
        assert leak not in out + err


# --------------------------------------------------------------------------- URLs with a password


@pytest.fixture
def password_server() -> Iterator[str]:
    """A PostgreSQL look-alike on 127.0.0.1 that asks for a password and refuses it (28P01)."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def message(kind: bytes, body: bytes) -> bytes:
        return kind + struct.pack("!I", len(body) + 4) + body

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                try:
                    while True:
                        size = struct.unpack("!I", conn.recv(4))[0]
                        body = conn.recv(size - 4)
                        if struct.unpack("!I", body[:4])[0] in (80877103, 80877104):
                            conn.sendall(b"N")  # no SSL, no GSS encryption
                            continue
                        break
                    conn.sendall(message(b"R", struct.pack("!I", 3)))  # cleartext password
                    conn.recv(4096)
                    fields = b"SFATAL\0VFATAL\0C28P01\0" + (
                        b'Mpassword authentication failed for user "curator"\0\0'
                    )
                    conn.sendall(message(b"E", fields))
                except (OSError, struct.error):
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"postgresql://curator:{PASSWORD}@127.0.0.1:{port}/curation"
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=10)


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


BAD_URLS = {
    "not a URL": f"curator:{PASSWORD}@db.internal/curation",
    "unreachable host": f"postgresql://curator:{PASSWORD}@127.0.0.1:{{port}}/curation",
    "bad scheme": f"nosuchdb://curator:{PASSWORD}@db.internal/curation",
    "missing driver": f"mysql://curator:{PASSWORD}@db.internal/curation",
    "bad port": f"postgresql://curator:{PASSWORD}@db.internal:port/curation",
    "password in the query": f"postgresql://127.0.0.1:{{port}}/curation?password={PASSWORD}",
    "unencoded @ in the password": f"postgresql://curator:{PASSWORD}@x@127.0.0.1:{{port}}/c",
}


def _urls(server: str) -> dict[str, str]:
    port = _free_port()
    return {"wrong password": server} | {k: v.format(port=port) for k, v in BAD_URLS.items()}


def test_no_message_shows_the_password_of_a_database_url(
    password_server: str, tmp_path: Path
) -> None:
    for case, url in _urls(password_server).items():
        with pytest.raises(CurationError) as excinfo:
            open_workspace(tmp_path / "ws", url)
        text = str(excinfo.value)
        assert PASSWORD not in text and "s3cret" not in text, (case, text)
        assert "\n" not in text and "***" in text, (case, text)
        code, out, err = run_cli("datasets", "-w", tmp_path / "ws", "--db", url)
        assert code == 1, (case, out, err)
        hint = " (given with --db or $CURATION_DB_URL)"  # the CLI names its option, not the library
        assert err.strip() == f"Error: {text}" + (
            hint * isinstance(excinfo.value, DatabaseUrlError)
        )
        assert "--" not in text, case
        assert PASSWORD not in out + err
    with pytest.raises(StorageError, match="password authentication failed"):
        open_workspace(tmp_path / "ws", password_server)


def test_mask_url_keeps_everything_but_the_password() -> None:
    assert failures.mask_url("postgresql://u:p%40ss@h:5/db?sslmode=require") == (
        "postgresql://***@h:5/db?sslmode=require"
    )
    # the whole user part goes: without a colon it may be a token as well as a name
    assert failures.mask_url("postgresql://u@h/db") == "postgresql://***@h/db"
    assert (
        failures.mask_url("sqlite:////data/a@b/workspace.db") == "sqlite:////data/a@b/workspace.db"
    )
    assert failures.mask_url("host=h password=pw user=u") == "host=h password=*** user=u"
    assert "p@ss" not in failures.scrub("host 'p@ss' and p%40ss", "postgresql://u:p%40ss@h/db")


# --------------------------------------------------------------------------- the app


@pytest.fixture
def error_details_by_default() -> Iterator[None]:
    """As when the app is started from another folder: no config.toml, Streamlit's default."""
    before = st_config.get_option("client.showErrorDetails")
    st_config.set_option("client.showErrorDetails", "full")
    st.cache_resource.clear()
    try:
        yield
    finally:
        st_config.set_option("client.showErrorDetails", before)
        st.cache_resource.clear()


@pytest.mark.usefixtures("error_details_by_default")
def test_the_login_page_shows_a_visitor_no_password_and_no_traceback(
    password_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for url in (password_server, BAD_URLS["unreachable host"].format(port=_free_port())):
        monkeypatch.setenv("CURATION_WORKSPACE", str(tmp_path / "ws"))
        monkeypatch.setenv("CURATION_DB_URL", url)
        at = new_app()
        at.run()
        assert not at.exception, at.exception
        shown = texts(at)
        assert "not available" in shown
        for leak in (PASSWORD, "curator", "127.0.0.1", "Traceback", "postgresql"):
            assert leak not in shown, shown
        assert st_config.get_option("client.showErrorDetails") == "none"


@pytest.mark.usefixtures("error_details_by_default")
def test_an_unexpected_error_shows_a_visitor_nothing_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a workspace failure: Streamlit's own error box, but without the text or the trace."""
    import curation.auth

    def broken(*_: Any) -> int:
        raise RuntimeError(f"internal detail {PASSWORD}")

    monkeypatch.setenv("CURATION_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.delenv("CURATION_DB_URL", raising=False)
    # The page module first: importing it binds curation.auth.user_count, and a patched one
    # would then be what monkeypatch restores for the tests that follow.
    monkeypatch.setattr("curation.ui.login.user_count", broken)
    monkeypatch.setattr(curation.auth, "user_count", broken)
    at = new_app()
    at.run()
    assert len(at.exception) == 1
    error = at.exception[0]
    assert PASSWORD not in error.message and not error.stack_trace
    assert PASSWORD not in texts(at)


def test_a_failed_statement_never_carries_its_parameters_into_logs(ws: Workspace) -> None:
    """What a server log or a debug traceback gets: the SQL, not the parameters sent with it.

    (PostgreSQL's own DETAIL line of a constraint violation can still quote the row.)
    """
    with pytest.raises(sa.exc.IntegrityError) as excinfo, ws.tx() as s:
        s.execute(sa.insert(m.Dataset).values(name=None, description=SECRET_TEXT))
    text = str(excinfo.value)
    assert "INSERT" in text and "[SQL parameters hidden" in text
    if ws.is_sqlite:
        assert SECRET_TEXT not in text


def test_a_page_shows_a_storage_failure_as_one_line(app_ws: Workspace) -> None:
    at = logged_in("lead")
    st.cache_resource.clear()  # the app opens the workspace again, on read-only connections
    with sqlite_read_only():
        at.button(key="logout").click().run()  # logging out writes
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        failures.READ_ONLY + " Nothing was half-written (writes are transactional)."
    ]


def test_a_visitor_sees_no_cause_of_a_storage_failure(app_ws: Workspace) -> None:
    st.cache_resource.clear()
    with sqlite_read_only():
        at = new_app()
        at.run()
        at.text_input(key="login_name").input("lead")
        at.text_input(key="login_password").input(PASSWORDS["lead"])
        at.button[0].click().run()  # the login reads, then fails to write its session
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [UNAVAILABLE]
    assert "user" not in at.session_state


def test_a_storage_failure_in_an_export_worker_reaches_the_parent_as_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What a worker process sends back: the one-line error, and no traceback on the terminal."""
    import pickle

    from curation.export import parallel

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as raw:
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    conn.close()
    sent = pickle.loads(pickle.dumps(parallel._portable(raw.value)))
    assert isinstance(sent, StorageError) and str(sent).startswith(failures.DISK_FULL)
    assert "Traceback" not in capsys.readouterr().err
