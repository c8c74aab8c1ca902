"""Small lookups shared by the CLI, the pages and the library stages."""

from __future__ import annotations

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
