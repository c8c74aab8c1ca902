"""Fresh migrated workspaces for the fixtures, without running the migrations per test.

Each test process migrates one template per backend (the real migrations, from an empty
database) and every fixture workspace starts as a copy of it: the SQLite file copied, or on
PostgreSQL the statements the migrations sent replayed into the test's own schema. The
copy is then opened with :func:`~curation.store.open_workspace`, which finds it at the head
revision. Running the 14 migrations (SQLite rebuilds tables, reflecting them first) took
most of a small test's time. Tests of the migrations themselves call
``open_workspace``, ``upgrade`` and ``downgrade`` on empty databases directly.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from curation.store import Workspace, open_workspace
from tests.helpers.common import PG_URL, pg_schema_url

DB_FILE = "workspace.db"
_READS = ("SELECT", "SHOW")  # sent by the migrations' checks; nothing to replay


@cache
def _template_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="curation-ws-template-"))


@cache
def sqlite_template() -> Path:
    """A workspace database migrated to head, made once per test process."""
    folder = _template_dir() / "sqlite"
    open_workspace(folder).dispose()
    path = folder / DB_FILE
    if any(folder.glob(f"{DB_FILE}-*")):  # a WAL left behind would hold part of the schema
        raise RuntimeError(f"template {path} was not checkpointed")
    return path


def new_sqlite_workspace(folder: Path) -> Workspace:
    """A fresh workspace in ``folder``, as ``open_workspace(folder)`` makes it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sqlite_template(), folder / DB_FILE)
    return open_workspace(folder)


Statement = tuple[str, Any, bool]


@contextmanager
def _recorded(url: str, out: list[Statement]) -> Iterator[None]:
    """Record what any engine for ``url`` sends to the database."""

    def record(
        conn: sa.Connection, cursor: Any, statement: str, params: Any, context: Any, many: bool
    ) -> None:
        if conn.engine.url.render_as_string(hide_password=False) == url:
            out.append((statement, params, many))

    event.listen(sa.Engine, "before_cursor_execute", record)
    try:
        yield
    finally:
        event.remove(sa.Engine, "before_cursor_execute", record)


@cache
def pg_template() -> tuple[Statement, ...]:
    """What the migrations send to an empty PostgreSQL schema (its name never appears:
    the schema is the connection's search path)."""
    assert PG_URL
    schema = f"tmpl_{uuid.uuid4().hex[:12]}"
    url = pg_schema_url(schema)
    admin = sa.create_engine(url)
    sent: list[Statement] = []
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        with _recorded(sa.make_url(url).render_as_string(hide_password=False), sent):
            open_workspace(_template_dir() / "pg", url).dispose()
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.dispose()
    writes = tuple(s for s in sent if not s[0].lstrip().upper().startswith(_READS))
    if any(schema in statement for statement, _, _ in writes):
        raise RuntimeError("a migration names its schema: the template cannot be replayed")
    return writes


def new_pg_workspace(folder: Path, schema: str) -> Workspace:
    """A fresh workspace in the empty ``schema``, as ``open_workspace`` makes it."""
    url = pg_schema_url(schema)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            script: list[str] = []  # statements without parameters, in one round trip
            for statement, params, many in pg_template():
                if not params and not many and "%" not in statement:
                    script.append(statement)
                    continue
                if script:
                    conn.exec_driver_sql(";\n".join(script))
                    script = []
                conn.exec_driver_sql(statement, params)
            if script:
                conn.exec_driver_sql(";\n".join(script))
    finally:
        engine.dispose()
    return open_workspace(folder, url)
