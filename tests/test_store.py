"""The workspace store: migrations, pragmas, transactions, concurrency of opening."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from curation.cli import cli
from curation.errors import CurationError, DatabaseUrlError
from curation.store import (
    Workspace,
    labeling_models,  # noqa: F401  (its tables belong to Base.metadata)
    open_workspace,
)
from curation.store.migrate import current_revision, head_revision
from curation.store.models import Base, Dataset


def test_migrations_reach_head_and_match_the_models(ws: Workspace) -> None:
    assert current_revision(ws) == head_revision()
    with ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"


def test_opening_twice_is_a_no_op(tmp_path: Path) -> None:
    first = open_workspace(tmp_path)
    with first.tx() as s:
        s.add(Dataset(name="kept"))
    first.dispose()
    second = open_workspace(tmp_path)
    with second.read() as s:
        assert s.scalar(sa.select(Dataset.name)) == "kept"
    second.dispose()


def test_sqlite_pragmas(sqlite_ws: Workspace) -> None:
    with sqlite_ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_a_failed_transaction_leaves_nothing(ws: Workspace) -> None:
    with pytest.raises(RuntimeError), ws.tx() as s:
        s.add(Dataset(name="half"))
        s.flush()
        raise RuntimeError("crash mid-transaction")
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(Dataset.id))) == 0


def test_paths_cannot_escape_the_workspace(sqlite_ws: Workspace) -> None:
    inside = sqlite_ws.path_in("uploads", "a.jsonl")
    assert sqlite_ws.folder.resolve() in inside.parents
    with pytest.raises(CurationError):
        sqlite_ws.path_in("..", "..", "etc", "passwd")


def test_bad_database_url_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUrlError, match="not a database URL") as err:
        open_workspace(tmp_path, "not a url")
    assert "--" not in str(err.value)  # the library names no CLI option; the CLI adds it
    result = CliRunner().invoke(cli, ["datasets", "-w", str(tmp_path), "--db", "not a url"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: 'not a url' is not a database URL (e.g. postgresql://user@host/db)"
        " (given with --db or $CURATION_DB_URL)"
    )
    with pytest.raises(CurationError, match="cannot open"):
        open_workspace(tmp_path, "postgresql://nobody@127.0.0.1:1/none")


def _open_and_count(folder: str) -> int:
    ws = open_workspace(folder)
    with ws.read() as s:
        n = s.scalar(sa.select(sa.func.count(Dataset.id))) or 0
    ws.dispose()
    return int(n)


def test_processes_opening_a_new_workspace_at_once_all_succeed(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        assert pool.map(_open_and_count, [str(tmp_path)] * 4) == [0, 0, 0, 0]


def test_downgrade_and_upgrade_keep_the_data(ws: Workspace, tmp_path: Path) -> None:
    """Going back below the PII/dedup migrations and up again loses no record or completion."""
    from curation.ingest.importer import import_file
    from curation.store.migrate import downgrade, upgrade
    from curation.store.models import Completion, Record

    path = tmp_path / "pairs.jsonl"
    path.write_text(
        '{"messages": [{"role": "user", "content": "hi"}], "completions": ["a", "b"]}\n'
        '{"messages": [{"role": "user", "content": "yo"}], "completions": ["c", "d", "e"]}\n'
    )
    import_file(ws, path, "d", actor="t")
    downgrade(ws, "0004")
    upgrade(ws)
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Record)) == 2
        assert s.scalar(sa.select(sa.func.count()).select_from(Completion)) == 5
    assert current_revision(ws) == head_revision()
