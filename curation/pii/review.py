"""Reviewing PII findings: accept, reject or reopen, by finding or by value, and the lists
a reviewer works from (findings, values, records waiting for review).

Every decision goes to the audit log with who and when; values are logged as keyed
fingerprints (the salt is the workspace's), never in clear. Accepting a finding also
accepts the same value (and a person's name parts) elsewhere in its record; a decision
moves record states (:mod:`curation.pii.states`).
"""

from __future__ import annotations

import contextlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import ConflictError, InternalError, NotFoundError
from curation.pii.recognizers import name_tokens
from curation.pii.results import describe_source
from curation.pii.rules import add_rule
from curation.pii.settings import value_fingerprint, workspace_secrets
from curation.pii.states import PAGE, recompute_states
from curation.pii.typed import AsDict
from curation.store import models as m
from curation.store.queries import get_dataset
from curation.wording import plural

DECISIONS = ("accepted", "rejected", "pending")
MAX_LOGGED_IDS = 5000


@dataclass(frozen=True, slots=True)
class StoredFinding(AsDict):
    """One stored finding as a reviewer sees it; ``signal`` says in words what found it."""

    id: int
    record_id: int
    location: str
    start: int
    end: int
    entity: str
    score: float
    source: str
    signal: str
    status: str
    text: str

    @classmethod
    def of(cls, f: m.PiiFinding) -> StoredFinding:
        return cls(
            f.id,
            f.record_id,
            f.location,
            f.start,
            f.end,
            f.entity,
            f.score,
            f.source,
            describe_source(f.source),
            f.status,
            f.text,
        )


@dataclass(frozen=True, slots=True)
class ValueRow(AsDict):
    """Findings of one (entity, text) value in a dataset; ``finding_id`` stands for them."""

    entity: str
    value: str
    findings: int
    records: int
    min_score: float
    max_score: float
    pending: int
    accepted: int
    rejected: int
    finding_id: int


@dataclass(frozen=True, slots=True)
class QueuedRecord:
    """A record with unreviewed findings."""

    record_id: int
    line: int
    pending: int


@dataclass(frozen=True, slots=True)
class DecisionResult(AsDict):
    """What a decision changed."""

    decision: str
    scope: str
    findings: int = 0
    records: int = 0
    states: dict[str, int] = field(default_factory=dict)
    rule_id: int | None = None

    def summary(self) -> str:
        verb = {"accepted": "Accepted", "rejected": "Rejected", "pending": "Reopened"}[
            self.decision
        ]
        return f"{verb} {plural(self.findings, 'finding')} in {plural(self.records, 'record')}"


def decide(
    session: Session,
    finding_ids: Sequence[int],
    decision: str,
    *,
    actor: str,
    scope: str = "finding",
    remember: bool = False,
) -> DecisionResult:
    """Accept, reject or reopen findings.

    ``scope="finding"``: these findings; accepting one also accepts the pending findings of
    the same value in its record and, for a person, of their name parts (a value confirmed
    anywhere in a record is redacted everywhere in it). ``scope="value"``: every finding of
    the same entity and text in the dataset. ``remember`` (value scope) also adds the value to
    the deny-list (accept) or to the allow-list for that entity (reject), for future scans.
    """
    if decision not in DECISIONS:
        raise InternalError(f"decision {decision!r} is not one of {', '.join(DECISIONS)}")
    if scope not in ("finding", "value"):
        raise InternalError(f"scope {scope!r} is not 'finding' or 'value'")
    picked = list(
        session.scalars(sa.select(m.PiiFinding).where(m.PiiFinding.id.in_(list(finding_ids))))
    )
    missing = set(finding_ids) - {f.id for f in picked}
    if missing:
        raise NotFoundError(f"no finding with id {', '.join(map(str, sorted(missing)))}")
    targets: dict[int, m.PiiFinding] = {f.id: f for f in picked}
    if scope == "value":
        for dataset_id, entity, text in {(f.dataset_id, f.entity, f.text) for f in picked}:
            for f in session.scalars(
                sa.select(m.PiiFinding).where(
                    m.PiiFinding.dataset_id == dataset_id,
                    m.PiiFinding.entity == entity,
                    m.PiiFinding.text == text,
                )
            ):
                targets[f.id] = f
    if decision == "accepted":
        _spread_accept(session, targets)
    now = m.utcnow()
    changed = [f for f in targets.values() if f.status != decision]
    for f in changed:
        f.status = decision
        f.decided_by = actor if decision != "pending" else None
        f.decided_at = now if decision != "pending" else None
    session.flush()
    records = sorted({f.record_id for f in changed})
    states = recompute_states(session, records)
    values = sorted({(f.entity, f.text) for f in picked})
    rule_id = None
    if remember and scope == "value" and decision in ("accepted", "rejected"):
        rule_id = _remember(session, values, decision, actor)
    result = DecisionResult(
        decision, scope, len(changed), len(records), dict(Counter(states.values())), rule_id
    )
    secrets = workspace_secrets(session)
    log_event(
        session,
        actor,
        "pii.decide",
        "dataset",
        picked[0].dataset_id if picked else "",
        decision=decision,
        scope=scope,
        findings=len(changed),
        finding_ids=[f.id for f in changed][:MAX_LOGGED_IDS],
        records=records[:MAX_LOGGED_IDS],
        entities=dict(Counter(f.entity for f in changed)),
        values=[{"entity": e, "fingerprint": value_fingerprint(secrets, e, t)} for e, t in values][
            :100
        ],
        remembered=remember,
    )
    return result


def _remember(
    session: Session, values: list[tuple[str, str]], decision: str, actor: str
) -> int | None:
    """Add decided values to the deny-list (accepted) or allow-list (rejected); the last
    rule added, if any."""
    kind = "deny" if decision == "accepted" else "allow"
    rule_id = None
    for entity, text in values:
        with contextlib.suppress(ConflictError):  # already on the list
            rule_id = add_rule(session, kind, text, actor=actor, entity=entity).id
    return rule_id


def _spread_accept(session: Session, targets: dict[int, m.PiiFinding]) -> None:
    """Add the pending findings of each accepted value (and name parts) in the same record."""
    wanted: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for f in list(targets.values()):
        wanted[f.record_id].add((f.entity, f.text))
        if f.entity == "PERSON":
            wanted[f.record_id].update(("PERSON", t) for t in name_tokens(f.text))
    record_ids = list(wanted)
    for i in range(0, len(record_ids), PAGE):
        chunk = record_ids[i : i + PAGE]
        for f in session.scalars(
            sa.select(m.PiiFinding).where(
                m.PiiFinding.record_id.in_(chunk), m.PiiFinding.status == "pending"
            )
        ):
            if (f.entity, f.text) in wanted[f.record_id]:
                targets[f.id] = f


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """Which findings to list: entities, statuses, a score range, a value substring."""

    entities: Sequence[str] | None = None
    statuses: Sequence[str] | None = None
    min_score: float = 0.0
    max_score: float = 1.0
    search: str = ""
    record_id: int | None = None

    def apply(self, query: Any, dataset_id: int) -> Any:
        f = m.PiiFinding
        query = query.where(
            f.dataset_id == dataset_id, f.score >= self.min_score, f.score <= self.max_score
        )
        if self.entities:
            query = query.where(f.entity.in_(list(self.entities)))
        if self.statuses:
            query = query.where(f.status.in_(list(self.statuses)))
        if self.search:
            query = query.where(f.text.contains(self.search, autoescape=True))
        if self.record_id is not None:
            query = query.where(f.record_id == self.record_id)
        return query


def list_findings(
    session: Session,
    dataset: str,
    flt: FindingFilter | None = None,
    *,
    limit: int = 200,
    offset: int = 0,
) -> list[StoredFinding]:
    """A dataset's findings through ``flt``, by record and place."""
    ds = get_dataset(session, dataset)
    query = (flt or FindingFilter()).apply(sa.select(m.PiiFinding), ds.id)
    query = query.order_by(m.PiiFinding.record_id, m.PiiFinding.location, m.PiiFinding.start)
    return [StoredFinding.of(f) for f in session.scalars(query.limit(limit).offset(offset))]


def value_table(
    session: Session, dataset: str, flt: FindingFilter | None = None, *, limit: int = 500
) -> list[ValueRow]:
    """Findings grouped by value, most frequent first: one row per (entity, text) to decide."""
    ds = get_dataset(session, dataset)
    f = m.PiiFinding
    pending = sa.func.sum(sa.case((f.status == "pending", 1), else_=0))
    accepted = sa.func.sum(sa.case((f.status == "accepted", 1), else_=0))
    rejected = sa.func.sum(sa.case((f.status == "rejected", 1), else_=0))
    query = (flt or FindingFilter()).apply(
        sa.select(
            f.entity,
            f.text,
            sa.func.count(),
            sa.func.count(sa.distinct(f.record_id)),
            sa.func.min(f.score),
            sa.func.max(f.score),
            pending,
            accepted,
            rejected,
            sa.func.min(f.id),
        ),
        ds.id,
    )
    query = query.group_by(f.entity, f.text).order_by(
        pending.desc(), sa.func.count().desc(), f.entity, f.text
    )
    return [
        ValueRow(
            entity=e,
            value=t,
            findings=int(n),
            records=int(r),
            min_score=round(float(lo), 2),
            max_score=round(float(hi), 2),
            pending=int(p or 0),
            accepted=int(a or 0),
            rejected=int(x or 0),
            finding_id=int(fid),
        )
        for e, t, n, r, lo, hi, p, a, x, fid in session.execute(query.limit(limit))
    ]


def value_finding_ids(session: Session, dataset: str, entity: str, text: str) -> list[int]:
    """The ids of every finding of one value in a dataset."""
    ds = get_dataset(session, dataset)
    return list(
        session.scalars(
            sa.select(m.PiiFinding.id).where(
                m.PiiFinding.dataset_id == ds.id,
                m.PiiFinding.entity == entity,
                m.PiiFinding.text == text,
            )
        )
    )


def records_to_review(session: Session, dataset: str, *, limit: int = 200) -> list[QueuedRecord]:
    """Records with unreviewed findings, in order, with their line and pending count."""
    ds = get_dataset(session, dataset)
    f = m.PiiFinding
    return [
        QueuedRecord(int(rid), int(line), int(n))
        for rid, line, n in session.execute(
            sa.select(f.record_id, m.Record.line, sa.func.count())
            .join(m.Record, m.Record.id == f.record_id)
            .where(f.dataset_id == ds.id, f.status == "pending")
            .group_by(f.record_id, m.Record.line)
            .order_by(f.record_id)
            .limit(limit)
        )
    ]


def pending_finding_ids(session: Session, dataset: str) -> list[int]:
    """The ids of a dataset's unreviewed findings (to accept them all at once)."""
    ds = get_dataset(session, dataset)
    return list(
        session.scalars(
            sa.select(m.PiiFinding.id).where(
                m.PiiFinding.dataset_id == ds.id, m.PiiFinding.status == "pending"
            )
        )
    )
