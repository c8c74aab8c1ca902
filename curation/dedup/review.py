"""Keep/drop decisions on the clusters of the live run, each reversible and audited.

Dropping a record sets ``status="duplicate"`` and ``status_reason="duplicate of record
#<kept id> (dedup run <run id>)"``; keeping it again restores ``active``, and only from
``duplicate``: an ``excluded`` record is never touched. Nothing is deleted. Every
decision is one audit event with the actor.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.dedup.load import WRITE_BATCH, chunks, table
from curation.dedup.lookups import live_run
from curation.errors import InputError, NotFoundError
from curation.store import models as m

DECISIONS = ("pending", "representative", "keep_all", "custom")


def restore_run_statuses(s: Session, dataset_id: int) -> None:
    """Records a dedup run marked duplicate go back to active (excluded ones are untouched)."""
    s.execute(
        sa.update(m.Record)
        .where(
            m.Record.dataset_id == dataset_id,
            m.Record.status == "duplicate",
            m.Record.status_reason.like("duplicate of record #% (dedup run %)"),
        )
        .values(status="active", status_reason="")
    )


def _reason(kept_id: int, run_id: int) -> str:
    return f"duplicate of record #{kept_id} (dedup run {run_id})"


def apply_statuses(s: Session, cluster_id: int) -> None:
    """Make record statuses match the members' ``kept`` flags (never touching excluded)."""
    cluster = s.get_one(m.DedupCluster, cluster_id)
    members = list(
        s.scalars(sa.select(m.DedupMember).where(m.DedupMember.cluster_id == cluster_id))
    )
    kept = [x.record_id for x in members if x.kept]
    dropped = [x.record_id for x in members if not x.kept]
    anchor = cluster.representative_id if cluster.representative_id in kept else min(kept)
    if kept:
        s.execute(
            sa.update(m.Record)
            .where(m.Record.id.in_(kept), m.Record.status == "duplicate")
            .values(status="active", status_reason="")
        )
    if dropped:
        s.execute(
            sa.update(m.Record)
            .where(m.Record.id.in_(dropped), m.Record.status != "excluded")
            .values(status="duplicate", status_reason=_reason(anchor, cluster.run_id))
        )


def decide_cluster(
    session: Session,
    cluster_id: int,
    decision: str,
    actor: str,
    keep: Sequence[int] | None = None,
) -> m.DedupCluster:
    """Keep/drop the members of one cluster.

    ``representative``: keep the representative, drop the others; ``keep_all``: they are
    not duplicates after all; ``custom``: keep exactly the record ids in ``keep`` (at
    least one); ``pending``: undo, every member active again.
    """
    if decision not in DECISIONS:
        raise InputError(f"unknown decision {decision!r}; choose one of: {', '.join(DECISIONS)}")
    cluster = session.get(m.DedupCluster, cluster_id)
    if cluster is None:
        raise NotFoundError(f"no dedup cluster {cluster_id}")
    run = live_run(session, cluster.run_id)
    members = list(
        session.scalars(sa.select(m.DedupMember).where(m.DedupMember.cluster_id == cluster_id))
    )
    ids = {x.record_id for x in members}
    if decision == "representative":
        kept = {cluster.representative_id}
    elif decision in ("keep_all", "pending"):
        kept = set(ids)
    else:
        kept = set(keep or [])
        unknown = kept - ids
        if unknown:
            raise InputError(
                f"record(s) {sorted(unknown)} are not in cluster {cluster_id}; members:"
                f" {sorted(ids)}"
            )
        if not kept:
            raise InputError("keep at least one record of the cluster (use keep_all to keep all)")
        if kept == ids:
            decision = "keep_all"
        elif kept == {cluster.representative_id}:
            decision = "representative"
    before = {x.record_id: x.kept for x in members}
    for x in members:
        x.kept = x.record_id in kept
    previous = cluster.decision
    cluster.decision = decision
    cluster.decided_by = None if decision == "pending" else actor
    cluster.decided_at = None if decision == "pending" else m.utcnow()
    session.flush()
    apply_statuses(session, cluster_id)
    log_event(
        session,
        actor,
        "dedup_decide",
        "dedup_cluster",
        cluster_id,
        run=run.id,
        decision=decision,
        previous=previous,
        kept=sorted(kept),
        dropped=sorted(ids - kept),
        was_kept=sorted(r for r, k in before.items() if k),
    )
    return cluster


def keep_representatives(
    session: Session, run_id: int, actor: str, *, only_pending: bool = True
) -> int:
    """Keep each cluster's representative and drop the rest, in bulk; returns clusters changed."""
    run = live_run(session, run_id)
    query = sa.select(m.DedupCluster.id, m.DedupCluster.representative_id).where(
        m.DedupCluster.run_id == run_id
    )
    if only_pending:
        query = query.where(m.DedupCluster.decision == "pending")
    targets = list(session.execute(query))
    if not targets:
        return 0
    now = m.utcnow()
    cluster_ids = [cid for cid, _ in targets]
    for chunk in chunks(cluster_ids, 900):
        session.execute(
            sa.update(m.DedupCluster)
            .where(m.DedupCluster.id.in_(chunk))
            .values(decision="representative", decided_by=actor, decided_at=now)
        )
        session.execute(
            sa.update(m.DedupMember).where(m.DedupMember.cluster_id.in_(chunk)).values(kept=False)
        )
    reps = {cid: rep for cid, rep in targets}
    for chunk in chunks(cluster_ids, 900):
        session.execute(
            sa.update(m.DedupMember)
            .where(
                m.DedupMember.cluster_id.in_(chunk),
                m.DedupMember.record_id
                == sa.select(m.DedupCluster.representative_id)
                .where(m.DedupCluster.id == m.DedupMember.cluster_id)
                .scalar_subquery(),
            )
            .values(kept=True)
        )
    # Dropped members: one UPDATE per representative would be slow on 10⁵ clusters, so
    # group the dropped records by their representative's reason text instead.
    dropped = session.execute(
        sa.select(m.DedupMember.record_id, m.DedupMember.cluster_id)
        .join(m.DedupCluster, m.DedupCluster.id == m.DedupMember.cluster_id)
        .where(m.DedupCluster.run_id == run_id, m.DedupMember.kept.is_(False))
    ).all()
    by_reason: dict[str, list[int]] = {}
    targeted = set(cluster_ids)
    for rid, cid in dropped:
        if cid in targeted:
            by_reason.setdefault(_reason(reps[cid], run_id), []).append(rid)
    _bulk_mark(session, by_reason)
    kept_ids = [rep for _, rep in targets]
    for chunk in chunks(kept_ids, 900):
        session.execute(
            sa.update(m.Record)
            .where(m.Record.id.in_(chunk), m.Record.status == "duplicate")
            .values(status="active", status_reason="")
        )
    log_event(
        session,
        actor,
        "dedup_keep_representatives",
        "dedup_run",
        run.id,
        clusters=len(targets),
        dropped=sum(len(v) for v in by_reason.values()),
        only_pending=only_pending,
    )
    return len(targets)


def _bulk_mark(session: Session, by_reason: dict[str, list[int]]) -> None:
    rec = table(m.Record)
    rows = [{"rid": rid, "reason": reason} for reason, ids in by_reason.items() for rid in ids]
    if not rows:
        return
    stmt = (
        sa.update(rec)
        .where(rec.c.id == sa.bindparam("rid"), rec.c.status != "excluded")
        .values(status="duplicate", status_reason=sa.bindparam("reason"))
    )
    for start in range(0, len(rows), WRITE_BATCH):
        session.connection().execute(stmt, rows[start : start + WRITE_BATCH])
