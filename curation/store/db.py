"""The workspace: one database (SQLite by default, any SQLAlchemy URL) plus a folder for files.

Writes go through :meth:`Workspace.tx`, one transaction each. On SQLite a write
transaction starts with ``BEGIN IMMEDIATE`` so that concurrent writers queue on the
busy timeout instead of failing with "database is locked" on a lock upgrade; reads
use :meth:`Workspace.read` and never block writers (WAL).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from curation.errors import CurationError, DatabaseUrlError, StorageError
from curation.records import json_text
from curation.store.failures import first_line, mask_url, scrub, storage_error
from curation.store.location import default_workspace_dir

DB_ENV = "CURATION_DB_URL"
BUSY_TIMEOUT_MS = 60_000

_migrate_lock = threading.Lock()


class Workspace:
    """A workspace database and its folder (uploads, exports, caches)."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url = url
        self.folder = folder
        self.is_sqlite = url.startswith("sqlite")
        self.engine = self._make_engine(immediate=True)
        self.read_engine = self._make_engine(immediate=False) if self.is_sqlite else self.engine
        self._write = sessionmaker(self.engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)
        self._writer_lock: threading.Lock | contextlib.nullcontext[None] = (
            threading.Lock() if self.is_sqlite else contextlib.nullcontext()
        )

    def _make_engine(self, *, immediate: bool) -> Engine:
        kwargs: dict[str, Any] = {
            # a failed statement's text in errors and logs keeps the SQL, never the row's values
            "hide_parameters": True,
            "json_serializer": json_text,
            "json_deserializer": orjson.loads,
            "future": True,
        }
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
            kwargs["pool_size"] = 10
            kwargs["max_overflow"] = 20
        engine = sa.create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _sqlite_events(engine, immediate=immediate)
        return engine

    @contextmanager
    def tx(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any exception.

        On SQLite, writers of this process also queue on a lock: SQLite's busy handler
        retries by sleeping, which under many threads can starve one writer past any
        timeout, while a lock hands the database over in turn.
        """
        with _storage_errors(), self._writer_lock, self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _storage_errors(), self._read() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()

    def path_in(self, *parts: str) -> Path:
        """A path inside the workspace folder, created on demand; ``parts`` cannot escape it."""
        base = self.folder.resolve()
        target = base.joinpath(*parts).resolve()
        if base != target and base not in target.parents:
            raise CurationError(f"{'/'.join(parts)!r} is outside the workspace folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def __repr__(self) -> str:
        return f"Workspace({mask_url(self.url)!r})"


@contextmanager
def _storage_errors() -> Iterator[None]:
    """A full disk, a lost server, a locked or read-only database: one line, no SQL, no data.

    Only the database's own errors: an OSError raised inside a transaction comes from a
    file the caller writes (an export's staged files), and the caller knows what it means
    for those files; the CLI and the pages turn any that escape into one line too.
    """
    try:
        yield
    except sa.exc.DBAPIError as exc:
        failure = storage_error(exc)
        if failure is None:
            raise
        raise failure from exc


def _sqlite_events(engine: Engine, *, immediate: bool) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def resolve_url(workspace: str | Path | None = None, db: str | None = None) -> tuple[str, Path]:
    """The database URL and folder: ``db`` or ``$CURATION_DB_URL``, and ``workspace``."""
    folder = Path(workspace).expanduser() if workspace else default_workspace_dir()
    url = db or os.environ.get(DB_ENV)
    if url:
        if "://" not in url:
            raise DatabaseUrlError(
                f"{mask_url(url)!r} is not a database URL (e.g. postgresql://user@host/db)"
            )
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url, folder
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'workspace.db'}", folder


def open_workspace(
    workspace: str | Path | None = None, db: str | None = None, *, migrate: bool = True
) -> Workspace:
    """Open (and bring up to date) a workspace. Safe to call from several processes."""
    url, folder = resolve_url(workspace, db)
    try:
        ws = Workspace(url, folder)
        if migrate:
            from curation.store.migrate import upgrade

            with _migrate_lock:
                upgrade(ws)
    except sa.exc.DBAPIError as exc:
        reason = scrub(first_line(str(exc.orig)), url)
        raise StorageError(
            f"cannot open the workspace database {mask_url(url)!r}: {reason}"
        ) from exc
    except ModuleNotFoundError as exc:
        raise DatabaseUrlError(
            f"the database URL {mask_url(url)!r} needs the driver {exc.name!r}, which is not "
            "installed (Curation Studio works with SQLite and PostgreSQL)"
        ) from exc
    except (sa.exc.ArgumentError, ValueError) as exc:
        reason = scrub(first_line(str(exc)), url)
        raise DatabaseUrlError(f"{mask_url(url)!r} is not a usable database URL: {reason}") from exc
    return ws
