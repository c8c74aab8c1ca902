"""How far a dataset is from passing the export's PII gate, in one sentence for any page.

Export refuses records that were never scanned or whose findings are not all decided and
applied. Leads should learn that before labelling a whole campaign, so Datasets,
Campaigns and Quality show this summary (cheap: one grouped count, no PII engine).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.pii.gate import PASSABLE
from curation.store import models as m
from curation.store.queries import get_dataset
from curation.wording import plural, verb


@dataclass(frozen=True, slots=True)
class PiiReadiness:
    dataset: str
    records: int  # active records (the ones export would write)
    not_scanned: int
    unreviewed: int  # findings not all decided
    not_applied: int  # decided, redaction not applied yet (or stale)
    passable: int  # clean or redacted

    @property
    def ready(self) -> bool:
        return self.passable == self.records

    @property
    def label(self) -> str:
        """A short state for a table cell."""
        if self.records == 0:
            return "no records"
        if self.ready:
            return "ready for export"
        if self.not_scanned == self.records:
            return "not scanned"
        parts = []
        if self.not_scanned:
            parts.append(f"{self.not_scanned:,} not scanned")
        if self.unreviewed:
            parts.append(f"{self.unreviewed:,} unreviewed")
        if self.not_applied:
            parts.append(f"{self.not_applied:,} not applied")
        return ", ".join(parts)

    def message(self) -> str:
        """What export will need, as a sentence."""
        if self.records == 0:
            return f"PII: {self.dataset} has no active records."
        if self.ready:
            return (
                f"PII: all {plural(self.records, 'record')} of {self.dataset} are clean or "
                "redacted; export passes them."
            )
        blocked = self.records - self.passable
        if self.not_scanned == self.records:
            head = f"PII: {self.dataset} has not been scanned for personal data yet."
        else:
            head = f"PII of {self.dataset}: {self.label}."
        return (
            f"{head} Export refuses {plural(blocked, 'record')} until {verb(blocked, 'it is', 'they are')}"
            " scanned, every finding is reviewed and the redaction is applied (PII page); "
            "only a lead's recorded override lets them through."
        )


def pii_readiness(session: Session, dataset: str) -> PiiReadiness:
    ds = get_dataset(session, dataset)
    counts = {
        str(state): int(n)
        for state, n in session.execute(
            sa.select(m.Record.redaction, sa.func.count())
            .where(m.Record.dataset_id == ds.id, m.Record.status == "active")
            .group_by(m.Record.redaction)
        )
    }
    return PiiReadiness(
        dataset=ds.name,
        records=sum(counts.values()),
        not_scanned=counts.get("none", 0),
        unreviewed=counts.get("pending", 0),
        not_applied=counts.get("reviewed", 0),
        passable=sum(counts.get(s, 0) for s in PASSABLE),
    )
