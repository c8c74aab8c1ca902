"""The PII state machine: each record's ``Record.redaction``, kept exact after every step.

- ``none``: never scanned;
- ``pending``: has findings nobody has accepted or rejected yet;
- ``reviewed``: every finding decided, some accepted, redaction not applied (or stale);
- ``redacted``: applied: ``Record.redacted_messages``, ``redacted_extra``,
  ``redacted_metadata`` and ``Completion.redacted_messages`` hold the redacted copies,
  ``messages``, ``extra`` and ``meta`` the originals;
- ``clean``: scanned, nothing found, or every finding rejected.

A scan (:mod:`curation.pii.scan`), a decision (:mod:`curation.pii.review`) and an apply
(:mod:`curation.pii.apply`) move records between these states with the helpers here.
Export passes only ``clean`` and ``redacted``; that gate is :mod:`curation.pii.gate`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.store import models as m

PAGE = 500
DROP_REASON = "pii: dropped"


def record_ids_in(
    session: Session,
    dataset_id: int,
    record_ids: Sequence[int] | None,
    states: Sequence[str] | None,
) -> list[int]:
    """A dataset's record ids in order, optionally only ``record_ids`` and ``states``."""
    query = sa.select(m.Record.id).where(m.Record.dataset_id == dataset_id).order_by(m.Record.id)
    if record_ids is not None:
        query = query.where(m.Record.id.in_(list(record_ids)))
    if states is not None:
        query = query.where(m.Record.redaction.in_(list(states)))
    return list(session.scalars(query))


def state_of(statuses: Iterable[str]) -> str:
    """A scanned record's state from its findings' statuses."""
    seen = set(statuses)
    if "pending" in seen:
        return "pending"
    if "accepted" in seen:
        return "reviewed"
    return "clean"


def set_state(session: Session, record_ids: Sequence[int], state: str) -> None:
    """Set records' state; anything but ``redacted`` drops the (now stale) redacted copies."""
    for i in range(0, len(record_ids), PAGE):
        chunk = list(record_ids[i : i + PAGE])
        session.execute(
            sa.update(m.Record)
            .where(m.Record.id.in_(chunk))
            .values(
                redaction=state,
                redacted_messages=None,
                redacted_extra=None,
                redacted_metadata=None,
            )
        )
        session.execute(
            sa.update(m.Completion)
            .where(m.Completion.record_id.in_(chunk))
            .values(redacted_messages=None)
        )


def state_counts(session: Session, dataset_id: int) -> dict[str, int]:
    return {
        str(state): int(n)
        for state, n in session.execute(
            sa.select(m.Record.redaction, sa.func.count())
            .where(m.Record.dataset_id == dataset_id)
            .group_by(m.Record.redaction)
        )
    }


def recompute_states(session: Session, record_ids: Iterable[int]) -> dict[int, str]:
    """Re-derive the state of records whose decisions changed (applied copies become stale)."""
    ids = sorted(set(record_ids))
    if not ids:
        return {}
    statuses: dict[int, list[str]] = {i: [] for i in ids}
    for i in range(0, len(ids), PAGE):
        chunk = ids[i : i + PAGE]
        for rid, status in session.execute(
            sa.select(m.PiiFinding.record_id, m.PiiFinding.status)
            .where(m.PiiFinding.record_id.in_(chunk))
            .distinct()
        ):
            statuses[rid].append(status)
    states = {rid: state_of(st) for rid, st in statuses.items()}
    grouped: dict[str, list[int]] = defaultdict(list)
    for rid, state in states.items():
        grouped[state].append(rid)
    for state, rids in grouped.items():
        set_state(session, rids, state)
    return states
