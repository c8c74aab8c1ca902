"""Shared fixtures: a fresh workspace per test on SQLite and, when configured, on PostgreSQL.

PostgreSQL tests run when ``CURATION_TEST_POSTGRES_URL`` is set (``.ci/run`` sets it);
each test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.store import Workspace, open_workspace

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

PG_URL = os.environ.get("CURATION_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]
REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
HH_RLHF = SHARED_DATA / "hh-rlhf-harmless-base-test.jsonl.gz"


def pg_schema_url(schema: str) -> str:
    assert PG_URL
    base = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_schema() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("CURATION_TEST_POSTGRES_URL is not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield schema
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.dispose()


def _make_workspace(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Workspace:
    if backend == "sqlite":
        return open_workspace(tmp_path / "ws")
    schema = request.getfixturevalue("pg_schema")
    return open_workspace(tmp_path / "ws", pg_schema_url(schema))


@pytest.fixture(params=BACKENDS)
def ws(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """A fresh, migrated workspace on each configured backend."""
    workspace = _make_workspace(request.param, tmp_path, request)
    try:
        yield workspace
    finally:
        workspace.dispose()


@pytest.fixture
def sqlite_ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "ws")
    try:
        yield workspace
    finally:
        workspace.dispose()


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
