"""Where a dataset stands in the PII stage, and the text export may write for a record.

:func:`pii_status` counts records by state (:mod:`curation.pii.states`), findings by
status and unreviewed findings by entity, and says what the export gate passes and
blocks; :func:`trainable_messages` applies that gate to one record. The gate itself
(states, reasons, without Presidio) is :mod:`curation.pii.gate`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import ConflictError
from curation.pii.gate import PASSABLE, STATES
from curation.pii.states import DROP_REASON, state_counts
from curation.pii.typed import AsDict
from curation.store import models as m
from curation.store.queries import get_dataset


@dataclass(frozen=True, slots=True)
class LastRun(AsDict):
    """The latest scan of a dataset."""

    id: int
    actor: str
    status: str
    records: int
    findings: int
    started_at: str
    finished_at: str | None


@dataclass(frozen=True, slots=True)
class StateCounts(AsDict):
    """Records in each PII state (:data:`~curation.pii.gate.STATES`, in that order; 0 when
    no record is in it). ``none`` is not scanned, ``pending`` has unreviewed findings."""

    none: int = 0
    pending: int = 0
    reviewed: int = 0
    redacted: int = 0
    clean: int = 0

    @classmethod
    def of(cls, counts: dict[str, int]) -> StateCounts:
        return cls(**{s: counts.get(s, 0) for s in STATES})

    def items(self) -> tuple[tuple[str, int], ...]:
        """``(state, records)`` for every state, in :data:`~curation.pii.gate.STATES` order."""
        return tuple((s, getattr(self, s)) for s in STATES)


@dataclass(frozen=True, slots=True)
class PiiStatus(AsDict):
    """A dataset's PII state; field names are the keys of ``--json`` output.

    ``states`` holds every state (0 when no record is in it); ``export_passes`` counts the
    records export writes (clean or redacted), ``export_blocked`` the others.
    """

    dataset: str
    records: int
    states: StateCounts
    findings: dict[str, int]
    pending_by_entity: dict[str, int]
    dropped: int
    export_passes: int
    export_blocked: int
    last_run: LastRun | None

    def to_apply(self, *, reapply: bool = False) -> int:
        """How many records an apply would write: the reviewed ones, and with ``reapply``
        the redacted ones too."""
        return self.states.reviewed + (self.states.redacted if reapply else 0)


def _last_run(session: Session, dataset_id: int) -> LastRun | None:
    run = session.scalar(
        sa.select(m.PiiRun)
        .where(m.PiiRun.dataset_id == dataset_id)
        .order_by(m.PiiRun.id.desc())
        .limit(1)
    )
    if run is None:
        return None
    return LastRun(
        id=run.id,
        actor=run.actor,
        status=run.status,
        records=run.n_records,
        findings=run.n_findings,
        started_at=run.started_at.isoformat(timespec="seconds"),
        finished_at=run.finished_at.isoformat(timespec="seconds") if run.finished_at else None,
    )


def pii_status(session: Session, dataset: str) -> PiiStatus:
    """Records by state, findings by status, what export passes, and the last scan."""
    ds = get_dataset(session, dataset)
    f = m.PiiFinding
    findings = {
        str(st): int(n)
        for st, n in session.execute(
            sa.select(f.status, sa.func.count()).where(f.dataset_id == ds.id).group_by(f.status)
        )
    }
    pending = {
        str(e): int(n)
        for e, n in session.execute(
            sa.select(f.entity, sa.func.count())
            .where(f.dataset_id == ds.id, f.status == "pending")
            .group_by(f.entity)
        )
    }
    dropped = session.scalar(
        sa.select(sa.func.count(m.Record.id)).where(
            m.Record.dataset_id == ds.id,
            m.Record.status == "excluded",
            m.Record.status_reason.startswith(DROP_REASON),
        )
    )
    counts = state_counts(session, ds.id)
    records = sum(counts.values())
    passes = sum(counts.get(s, 0) for s in PASSABLE)
    return PiiStatus(
        dataset=ds.name,
        records=records,
        states=StateCounts.of(counts),
        findings=findings,
        pending_by_entity=pending,
        dropped=int(dropped or 0),
        export_passes=passes,
        export_blocked=records - passes,
        last_run=_last_run(session, ds.id),
    )


def trainable_messages(
    record: m.Record, completions: Sequence[m.Completion] = (), *, override: bool = False
) -> tuple[list[Any], list[list[Any]]]:
    """The text export may write for a record: the redacted copy, or the original when the
    record is clean. Anything else needs ``override`` (a lead's decision, logged by export)."""
    if record.redaction == "redacted" and record.redacted_messages is not None:
        return record.redacted_messages, [
            c.redacted_messages if c.redacted_messages is not None else c.messages
            for c in completions
        ]
    if record.redaction == "clean" or override:
        return record.messages, [c.messages for c in completions]
    raise ConflictError(
        f"record #{record.id} is {record.redaction!r} for PII: review and apply its redaction first"
    )
