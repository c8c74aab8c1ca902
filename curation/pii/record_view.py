"""One record with its findings, for reviewing from highlighted text (the PII page's
Record tab): its strings as segments and the highlight marks of each finding."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import NotFoundError
from curation.pii.highlight import Mark
from curation.pii.review import StoredFinding
from curation.pii.segments import Segment, record_segments
from curation.store import models as m


@dataclass(frozen=True, slots=True)
class RecordReview:
    """One record with its findings, for reviewing from highlighted text."""

    record_id: int
    line: int
    redaction: str
    status: str
    messages: list[Any]
    completions: list[list[Any]]
    findings: list[StoredFinding]
    extra: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def pending(self) -> int:
        """How many of its findings wait for review."""
        return sum(1 for f in self.findings if f.status == "pending")

    def segments(self) -> list[Segment]:
        return record_segments(self.messages, self.completions, self.extra, self.metadata)

    def marks(self) -> dict[str, list[Mark]]:
        """Highlight marks per location (see :mod:`curation.pii.highlight`)."""
        out: dict[str, list[Mark]] = defaultdict(list)
        for f in self.findings:
            out[f.location].append(Mark(f.start, f.end, f.entity, f.status, f"#{f.id}"))
        return dict(out)


def record_review(session: Session, record_id: int) -> RecordReview:
    """A record, its completions and its findings by place."""
    record = session.get(m.Record, record_id)
    if record is None:
        raise NotFoundError(f"no record #{record_id}")
    comps = list(
        session.scalars(
            sa.select(m.Completion)
            .where(m.Completion.record_id == record_id)
            .order_by(m.Completion.position)
        )
    )
    findings = session.scalars(
        sa.select(m.PiiFinding)
        .where(m.PiiFinding.record_id == record_id)
        .order_by(m.PiiFinding.location, m.PiiFinding.start)
    )
    return RecordReview(
        record.id,
        record.line,
        record.redaction,
        record.status,
        record.messages,
        [c.messages for c in comps],
        [StoredFinding.of(f) for f in findings],
        record.extra,
        record.meta,
    )
