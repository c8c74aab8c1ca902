"""Small lookups shared by the CLI, the pages and the library stages."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import NotFoundError
from curation.store.models import Dataset


def get_dataset(session: Session, name: str) -> Dataset:
    dataset = session.scalar(sa.select(Dataset).where(Dataset.name == name))
    if dataset is None:
        known = dataset_names(session)
        hint = (
            f"; datasets here: {', '.join(known)}"
            if known
            else "; the workspace has no dataset yet"
        )
        raise NotFoundError(f"no dataset named {name!r}{hint}")
    return dataset


def get_or_create_dataset(session: Session, name: str) -> tuple[Dataset, bool]:
    dataset = session.scalar(sa.select(Dataset).where(Dataset.name == name))
    if dataset is not None:
        return dataset, False
    dataset = Dataset(name=name)
    session.add(dataset)
    session.flush()
    return dataset, True


def dataset_names(session: Session) -> list[str]:
    return list(session.scalars(sa.select(Dataset.name).order_by(Dataset.name)))


def insert_ignoring(session: Session, table: sa.Table, unique: list[str]) -> Any:
    """``INSERT … ON CONFLICT (unique) DO NOTHING`` for SQLite and PostgreSQL."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing(index_elements=unique)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing(index_elements=unique)


def refresh_planner_stats(session: Session, *tables: str) -> None:
    """After a bulk insert, let PostgreSQL's planner see the new row counts at once.

    Autovacuum analyses eventually; until then the planner believes the tables are tiny
    and picks plans (full scans and sorts) that are 20× slower on the queue's query.
    ANALYZE runs inside the caller's transaction, so it sees the rows just written.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(sa.text(f"ANALYZE {table}"))


def pair_counts(session: Session) -> dict[str, int]:
    """Every dataset's name → how many completion pairs it holds (0 for none), by name."""
    from curation.store.models import Pair

    counts = dict(
        session.execute(
            sa.select(Dataset.name, sa.func.count(Pair.id))
            .select_from(Dataset)
            .outerjoin(Pair, Pair.dataset_id == Dataset.id)
            .group_by(Dataset.name)
        ).all()
    )
    return {name: int(counts.get(name, 0)) for name in dataset_names(session)}
