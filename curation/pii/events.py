"""The PII stage's audit trail: a dataset's scans, decisions and applies, with the rule and
settings changes, newest first, and their details on one line for a table.

Values never appear in clear: decisions log keyed fingerprints (:mod:`curation.pii.review`)
and deny-list terms only their fingerprint (:mod:`curation.pii.rules`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.pii.typed import AsDict
from curation.store import models as m
from curation.store.queries import get_dataset


@dataclass(frozen=True, slots=True)
class PiiEvent(AsDict):
    """One audit event with its full details (``curation pii log --json``)."""

    id: int
    at: str  # ISO 8601, to the second
    actor: str
    action: str
    target: str
    details: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EventRow(AsDict):
    """One audit event as a table row, details on one line (the page's Audit tab)."""

    id: int
    at: str
    who: str
    what: str
    target: str
    details: str


def pii_events(session: Session, dataset: str, *, limit: int = 200) -> list[PiiEvent]:
    """The audit log's PII events for a dataset, plus rule and settings changes, newest first."""
    ds = get_dataset(session, dataset)
    query = (
        sa.select(m.AuditEvent)
        .where(
            m.AuditEvent.action.startswith("pii."),
            sa.or_(
                sa.and_(
                    m.AuditEvent.target_type == "dataset", m.AuditEvent.target_id == str(ds.id)
                ),
                m.AuditEvent.target_type.in_(["pii_rule", "settings"]),
            ),
        )
        .order_by(m.AuditEvent.id.desc())
        .limit(limit)
    )
    return [
        PiiEvent(
            id=e.id,
            at=e.at.isoformat(timespec="seconds"),
            actor=e.actor,
            action=e.action,
            target=f"{e.target_type} {e.target_id}",
            details=e.details or {},
        )
        for e in session.scalars(query)
    ]


def event_summary(details: dict[str, Any]) -> str:
    """An audit event's details on one line: id lists as counts, value fingerprints kept."""
    parts = []
    for key, value in details.items():
        if key == "values" and isinstance(value, list):
            prints = [v.get("fingerprint", "") for v in value if isinstance(v, dict)]
            parts.append(f"values: {', '.join(prints[:5])}" + (" …" if len(prints) > 5 else ""))
        elif isinstance(value, list):
            parts.append(f"{key}: {len(value)}")
        elif isinstance(value, dict):
            parts.append(f"{key}: " + ", ".join(f"{a}={b}" for a, b in value.items()))
        else:
            parts.append(f"{key}={value}")
    return "; ".join(parts)


def event_rows(events: Iterable[PiiEvent]) -> list[EventRow]:
    """Audit events as table rows (the page's Audit tab and ``curation pii log``)."""
    return [
        EventRow(
            id=e.id,
            at=e.at.replace("T", " ", 1),
            who=e.actor,
            what=e.action,
            target=e.target,
            details=event_summary(e.details or {}),
        )
        for e in events
    ]
