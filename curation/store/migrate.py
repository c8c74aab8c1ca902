"""Alembic migrations, run programmatically when a workspace is opened.

The functions take anything with a workspace's engines (:class:`Migratable`, which
:class:`curation.store.db.Workspace` is), so this module does not import ``db`` back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")
PG_LOCK_KEY = 7_310_455_001  # any constant: serialises concurrent upgrades on PostgreSQL


class Migratable(Protocol):
    """What a migration needs of a workspace: its engines and which database it is."""

    @property
    def engine(self) -> sa.Engine: ...
    @property
    def read_engine(self) -> sa.Engine: ...
    @property
    def is_sqlite(self) -> bool: ...


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(ws: Migratable) -> str | None:
    with ws.read_engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(ws: Migratable, revision: str = "head") -> None:
    """Upgrade under a lock so that two processes opening one workspace do not race."""
    if revision == "head" and current_revision(ws) == head_revision():
        return
    cfg = alembic_config()
    with ws.engine.begin() as conn:
        if not ws.is_sqlite:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(ws: Migratable, revision: str) -> None:
    cfg = alembic_config()
    with ws.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
