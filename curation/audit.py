"""The append-only audit log: who did what, to which object, when."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.store.models import AuditEvent


def log_event(
    session: Session,
    actor: str,
    action: str,
    target_type: str = "",
    target_id: str | int = "",
    **details: Any,
) -> None:
    """Add an event inside the caller's transaction, so the log and the change commit together."""
    session.add(
        AuditEvent(
            actor=actor or "unknown",
            action=action,
            target_type=target_type,
            target_id=str(target_id),
            details=details,
        )
    )


def recent_events(
    session: Session, limit: int = 200, action: str | None = None
) -> list[AuditEvent]:
    query = sa.select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(session.scalars(query))
