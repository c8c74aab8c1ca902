"""Paths, database backends and a JSONL writer shared by the tests (fixtures: tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

PG_URL = os.environ.get("CURATION_TEST_POSTGRES_URL")


BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]


REPO = Path(__file__).resolve().parents[2]


SHARED_DATA = REPO.parent / "shared" / "data"


HH_RLHF = SHARED_DATA / "hh-rlhf-harmless-base-test.jsonl.gz"


def pg_schema_url(schema: str) -> str:
    assert PG_URL
    base = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
