"""Alembic migrations, run programmatically when a workspace is opened."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from curation.store.db import Workspace

MIGRATIONS = Path(__file__).with_name("migrations")
PG_LOCK_KEY = 7_310_455_001  # any constant: serialises concurrent upgrades on PostgreSQL


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(ws: Workspace) -> str | None:
    with ws.read_engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(ws: Workspace, revision: str = "head") -> None:
    """Upgrade under a lock so that two processes opening one workspace do not race."""
    if revision == "head" and current_revision(ws) == head_revision():
        return
    cfg = alembic_config()
    with ws.engine.begin() as conn:
        if not ws.is_sqlite:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(ws: Workspace, revision: str) -> None:
    cfg = alembic_config()
    with ws.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
