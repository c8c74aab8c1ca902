"""Alembic environment: always driven programmatically with a connection from the workspace."""

from __future__ import annotations

from alembic import context

from curation.store import labeling_models  # noqa: F401  (its tables belong to Base.metadata)
from curation.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through curation.store.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
