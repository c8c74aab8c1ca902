"""Dedup runs over a workspace dataset: pairs, clusters, reversible keep/drop decisions.

Invariants the other stages rely on:

- Only the dataset's latest finished run is live. A new run first restores every
  record an older run had marked ``duplicate`` (decisions on a cluster with exactly
  the same members carry over), so statuses always reflect the latest run.
- Dropping a record sets ``status="duplicate"`` and ``status_reason="duplicate of
  record #<kept id> (dedup run <run id>)"``; keeping it again restores ``active``, and
  only from ``duplicate``: an ``excluded`` record is never touched. Nothing is deleted.
- Every decision is one audit event with the actor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.dedup.engine import (
    Cluster,
    DedupResult,
    Encoders,
    Pair,
    Progress,
    Settings,
    build_clusters,
    cluster_stats,
    find_duplicates,
    find_matches,
)
from curation.dedup.units import (
    Item,
    Note,
    display_text,
    input_notes,
    make_item,
    preferred_completion,
    record_score,
)
from curation.errors import ConflictError, InputError, NotFoundError
from curation.records import Completion
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.queries import get_dataset
from curation.wording import plural, verb

LIVE_STATUSES = ("active", "duplicate")
DECISIONS = ("pending", "representative", "keep_all", "custom")
WRITE_BATCH = 5000


def _table(model: type[m.Base]) -> sa.Table:
    return cast(sa.Table, model.__table__)


# ----------------------------------------------------------------------------- loading


MAX_STORED_NOTES = 200


@dataclass(slots=True)
class Loaded:
    ids: list[int]
    items: list[Item]
    notes: list[dict[str, Any]] = field(default_factory=list)  # first MAX_STORED_NOTES
    noted: int = 0  # notes in all


def load_items(
    session: Session,
    dataset_id: int,
    *,
    include_system: bool = False,
    statuses: Sequence[str] = LIVE_STATUSES,
    ids: Iterable[int] | None = None,
    with_notes: bool = False,
) -> Loaded:
    """The dataset's records (active and duplicate by default) as dedup items, by id.

    ``with_notes`` also collects the fields read only in part (see :func:`input_notes`).
    """
    rec = _table(m.Record)
    query = (
        sa.select(rec.c.id, rec.c.line, rec.c.messages, rec.c.metadata, rec.c.rankings)
        .where(rec.c.dataset_id == dataset_id, rec.c.status.in_(list(statuses)))
        .order_by(rec.c.id)
    )
    wanted = None if ids is None else sorted(set(ids))
    completions = _completions(session, dataset_id, wanted)
    out = Loaded([], [])
    chunks = [wanted[i : i + 900] for i in range(0, len(wanted), 900)] if wanted else [None]
    if wanted is not None and not wanted:
        return out
    for chunk in chunks:
        q = query if chunk is None else query.where(rec.c.id.in_(chunk))
        rows = session.execute(q.execution_options(yield_per=2000))
        for rid, line, messages, meta, rankings in rows:
            comps = completions.get(rid, [])
            item = make_item(
                messages or [],
                comps,
                rankings or [],
                order=rid,
                score=record_score(meta, comps),
                include_system=include_system,
            )
            out.ids.append(rid)
            out.items.append(item)
            if with_notes:
                _note(
                    out, rid, line, input_notes(item, messages or [], include_system=include_system)
                )
    return out


def _note(out: Loaded, record_id: int, line: int, notes: list[Note]) -> None:
    out.noted += len(notes)
    for note in notes[: max(0, MAX_STORED_NOTES - len(out.notes))]:
        out.notes.append(
            {"record": record_id, "line": line, "field": note.field, "reason": note.reason}
        )


def _completions(
    session: Session, dataset_id: int, ids: list[int] | None
) -> dict[int, list[Completion]]:
    comp = _table(m.Completion)
    rec = _table(m.Record)
    query = (
        sa.select(comp.c.record_id, comp.c.messages, comp.c.scores)
        .join(rec, rec.c.id == comp.c.record_id)
        .where(rec.c.dataset_id == dataset_id)
        .order_by(comp.c.record_id, comp.c.position)
    )
    out: dict[int, list[Completion]] = {}
    chunks = [ids[i : i + 900] for i in range(0, len(ids), 900)] if ids is not None else [None]
    for chunk in chunks:
        q = query if chunk is None else query.where(comp.c.record_id.in_(chunk))
        for rid, messages, scores in session.execute(q):
            out.setdefault(rid, []).append(Completion(messages or [], None, scores or {}))
    return out


# ----------------------------------------------------------------------------- runs


@dataclass(slots=True)
class RunSummary:
    run_id: int
    dataset: str
    embedder: str
    threshold: float
    floor: float
    records: int
    clusters: int
    duplicates: int
    dropped: int
    pairs: int
    exact_pairs: int
    stats: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "dataset": self.dataset,
            "embedder": self.embedder,
            "threshold": self.threshold,
            "floor": self.floor,
            "records": self.records,
            "clusters": self.clusters,
            "duplicates": self.duplicates,
            "marked_duplicate": self.dropped,
            "pairs": self.pairs,
            "exact_pairs": self.exact_pairs,
            "notes": self.stats.get("notes", []),
            "notes_total": self.stats.get("notes_total", 0),
        }

    def summary(self) -> str:
        text = (
            f"dedup run {self.run_id} on {self.dataset} ({self.embedder}, threshold"
            f" {self.threshold:.3f}): {plural(self.records, 'record')}, {plural(self.clusters, 'cluster')} holding"
            f" {plural(self.duplicates, 'duplicate')}"
        )
        if self.dropped:
            text += f"; {plural(self.dropped, 'record')} marked duplicate"
        else:
            text += "; nothing marked yet (review the clusters)"
        if self.stats.get("empty"):
            text += f"; {plural(self.stats['empty'], 'record')} {verb(self.stats['empty'], 'has', 'have')} no text to compare and {verb(self.stats['empty'], 'was', 'were')} left alone"
        complete_from = self.stats.get("complete_from")
        if complete_from is not None and self.threshold < complete_from - 1e-9:
            text += (
                f"; pairs under {complete_from:.2f} were not all scored in this run (cascade):"
                f" for a complete result run dedup again with --threshold {self.threshold}"
            )
        if self.stats.get("notes_total"):
            text += f"; {self.stats['notes_total']:,} notes on fields read only in part"
        return text

    def notes(self) -> list[str]:
        """The stored notes as "record #ID (line N): field: reason"."""
        return [
            f"record #{n['record']} (line {n['line']}): {n['field']}: {n['reason']}"
            for n in self.stats.get("notes", [])
        ]


def run_dedup(
    ws: Workspace,
    dataset: str,
    settings: Settings | None = None,
    *,
    actor: str = "cli",
    apply: bool = False,
    progress: Progress | None = None,
    encoders: Encoders | None = None,
) -> RunSummary:
    """Deduplicate a dataset and store the run; with ``apply``, keep each cluster's representative.

    Embedding and search run outside any transaction, so other users (and SQLite
    writers) are not held up; the results are written in one transaction at the end.
    """
    settings = (settings or Settings()).resolved()
    assert settings.threshold is not None and settings.floor is not None
    with ws.read() as s:
        ds = get_dataset(s, dataset)
        dataset_id = ds.id
        loaded = load_items(s, dataset_id, include_system=settings.include_system, with_notes=True)
    with ws.tx() as s:
        run = m.DedupRun(
            dataset_id=dataset_id,
            actor=actor,
            embedder=settings.embedder,
            threshold=settings.threshold,
            floor=settings.floor,
            settings=settings.as_dict(),
            status="running",
            n_records=len(loaded.ids),
        )
        s.add(run)
        s.flush()
        run_id = run.id
    try:
        result = find_duplicates(loaded.items, settings, encoders=encoders, progress=progress)
    except BaseException as exc:
        with ws.tx() as s:
            failed = s.get(m.DedupRun, run_id)
            if failed is not None:
                failed.status = "failed"
                failed.finished_at = m.utcnow()
                failed.stats = {"error": f"{type(exc).__name__}: {exc}"[:500]}
        raise
    result.stats["notes"] = loaded.notes
    result.stats["notes_total"] = loaded.noted
    with ws.tx() as s:
        dropped = _store_result(s, run_id, dataset_id, loaded.ids, result, actor, apply)
        run = s.get_one(m.DedupRun, run_id)
        stats = dict(run.stats)
    return RunSummary(
        run_id=run_id,
        dataset=dataset,
        embedder=settings.embedder,
        threshold=settings.threshold,
        floor=settings.floor,
        records=len(loaded.ids),
        clusters=len(result.clusters),
        duplicates=int(result.stats["duplicates"]),
        dropped=dropped,
        pairs=len(result.pairs),
        exact_pairs=int(result.stats["exact_pairs"]),
        stats=stats,
    )


def _store_result(
    s: Session,
    run_id: int,
    dataset_id: int,
    ids: list[int],
    result: DedupResult,
    actor: str,
    apply: bool,
) -> int:
    previous = latest_run(s, dataset_id)
    carried = _decisions_of(s, previous.id) if previous is not None else {}
    if previous is not None:
        _restore_run_statuses(s, dataset_id)
    rows = [
        {
            "run_id": run_id,
            "record_a_id": ids[p.a],
            "record_b_id": ids[p.b],
            "similarity": round(float(p.similarity), 6),
            "kind": p.kind,
            "verified": p.verified,
        }
        for p in result.pairs
    ]
    for start in range(0, len(rows), WRITE_BATCH):
        s.execute(sa.insert(_table(m.DedupPair)), rows[start : start + WRITE_BATCH])
    _write_clusters(s, run_id, ids, result.clusters, carried)
    run = s.get_one(m.DedupRun, run_id)
    run.status = "done"
    run.finished_at = m.utcnow()
    run.n_clusters = len(result.clusters)
    run.stats = {**result.stats, "carried_over": len(carried)}
    log_event(
        s,
        actor,
        "dedup_run",
        "dataset",
        dataset_id,
        run=run_id,
        embedder=run.embedder,
        threshold=run.threshold,
        floor=run.floor,
        records=len(ids),
        clusters=len(result.clusters),
        pairs=len(result.pairs),
    )
    if apply:
        keep_representatives(s, run_id, actor)
    return _count_dropped(s, run_id)


def _write_clusters(
    s: Session,
    run_id: int,
    ids: list[int],
    clusters: Sequence[Cluster],
    carried: dict[frozenset[int], tuple[str, set[int], str | None, Any]],
) -> None:
    """Insert clusters and members; a cluster with the same members as before keeps its decision."""
    members_rows: list[dict[str, Any]] = []
    reapply: list[int] = []
    table = _table(m.DedupCluster)
    for start in range(0, len(clusters), WRITE_BATCH):
        chunk = clusters[start : start + WRITE_BATCH]
        cluster_rows = []
        for c in chunk:
            member_ids = frozenset(ids[i] for i in c.members)
            decision, kept, by, at = carried.get(member_ids, ("pending", set(), None, None))
            cluster_rows.append(
                {
                    "run_id": run_id,
                    "representative_id": ids[c.representative],
                    "size": len(c.members),
                    "max_similarity": c.max_similarity,
                    "min_similarity": c.min_similarity,
                    "decision": decision,
                    "decided_by": by,
                    "decided_at": at,
                }
            )
        new_ids = [
            row.id for row in s.execute(sa.insert(table).returning(table.c.id), cluster_rows)
        ]
        for cid, c, row in zip(new_ids, chunk, cluster_rows, strict=True):
            decided = row["decision"] != "pending"
            kept = carried.get(frozenset(ids[i] for i in c.members), ("", set(), None, None))[1]
            for i in c.members:
                rid = ids[i]
                members_rows.append(
                    {
                        "cluster_id": cid,
                        "record_id": rid,
                        "similarity": c.similarity[i],
                        "kept": (rid in kept) if decided else True,
                    }
                )
            if decided:
                reapply.append(cid)
    for start in range(0, len(members_rows), WRITE_BATCH):
        s.execute(sa.insert(_table(m.DedupMember)), members_rows[start : start + WRITE_BATCH])
    for cid in reapply:
        _apply_statuses(s, cid)


def _decisions_of(
    s: Session, run_id: int
) -> dict[frozenset[int], tuple[str, set[int], str | None, Any]]:
    """Decided clusters of a run by member set: (decision, kept ids, by, at)."""
    clusters = {
        c.id: c
        for c in s.scalars(
            sa.select(m.DedupCluster).where(
                m.DedupCluster.run_id == run_id, m.DedupCluster.decision != "pending"
            )
        )
    }
    if not clusters:
        return {}
    members: dict[int, list[tuple[int, bool]]] = {}
    for chunk in _chunks(list(clusters), 900):
        for cid, rid, kept in s.execute(
            sa.select(m.DedupMember.cluster_id, m.DedupMember.record_id, m.DedupMember.kept).where(
                m.DedupMember.cluster_id.in_(chunk)
            )
        ):
            members.setdefault(cid, []).append((rid, kept))
    out = {}
    for cid, rows in members.items():
        c = clusters[cid]
        out[frozenset(r for r, _ in rows)] = (
            c.decision,
            {r for r, k in rows if k},
            c.decided_by,
            c.decided_at,
        )
    return out


def _restore_run_statuses(s: Session, dataset_id: int) -> None:
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


def _chunks(values: list[int], size: int) -> list[list[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


# ----------------------------------------------------------------------------- lookups


def latest_run(session: Session, dataset_id: int) -> m.DedupRun | None:
    """The dataset's most recently finished run: the only one whose clusters and decisions are live.

    Same order as the export stage's reading of it (finished_at, then id).
    """
    return session.scalar(
        sa.select(m.DedupRun)
        .where(m.DedupRun.dataset_id == dataset_id, m.DedupRun.status == "done")
        .order_by(m.DedupRun.finished_at.desc(), m.DedupRun.id.desc())
        .limit(1)
    )


def latest_clusters(session: Session, dataset_id: int) -> dict[int, int]:
    """record id → cluster id for every member of a cluster of the latest finished run.

    Export keeps each cluster inside one split: all members, kept or dropped, share a group.
    """
    run = latest_run(session, dataset_id)
    if run is None:
        return {}
    rows = session.execute(
        sa.select(m.DedupMember.record_id, m.DedupMember.cluster_id)
        .join(m.DedupCluster, m.DedupCluster.id == m.DedupMember.cluster_id)
        .where(m.DedupCluster.run_id == run.id)
    )
    return {rid: cid for rid, cid in rows}


def list_runs(session: Session, dataset_id: int) -> list[m.DedupRun]:
    return list(
        session.scalars(
            sa.select(m.DedupRun)
            .where(m.DedupRun.dataset_id == dataset_id)
            .order_by(m.DedupRun.id.desc())
        )
    )


def _live_run(session: Session, run_id: int) -> m.DedupRun:
    run = session.get(m.DedupRun, run_id)
    if run is None:
        raise NotFoundError(f"no dedup run {run_id}")
    if run.status != "done":
        raise ConflictError(f"dedup run {run_id} is {run.status}; only a finished run can change")
    latest = latest_run(session, run.dataset_id)
    if latest is not None and latest.id != run.id:
        raise ConflictError(
            f"dedup run {run_id} has been superseded by run {latest.id}; decide on the latest run"
        )
    return run


def _count_dropped(s: Session, run_id: int) -> int:
    return int(
        s.scalar(
            sa.select(sa.func.count())
            .select_from(m.DedupMember)
            .join(m.DedupCluster, m.DedupCluster.id == m.DedupMember.cluster_id)
            .where(m.DedupCluster.run_id == run_id, m.DedupMember.kept.is_(False))
        )
        or 0
    )


# ----------------------------------------------------------------------------- decisions


def _reason(kept_id: int, run_id: int) -> str:
    return f"duplicate of record #{kept_id} (dedup run {run_id})"


def _apply_statuses(s: Session, cluster_id: int) -> None:
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
    run = _live_run(session, cluster.run_id)
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
    _apply_statuses(session, cluster_id)
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
    run = _live_run(session, run_id)
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
    for chunk in _chunks(cluster_ids, 900):
        session.execute(
            sa.update(m.DedupCluster)
            .where(m.DedupCluster.id.in_(chunk))
            .values(decision="representative", decided_by=actor, decided_at=now)
        )
        session.execute(
            sa.update(m.DedupMember).where(m.DedupMember.cluster_id.in_(chunk)).values(kept=False)
        )
    reps = {cid: rep for cid, rep in targets}
    for chunk in _chunks(cluster_ids, 900):
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
    for chunk in _chunks(kept_ids, 900):
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
    rec = _table(m.Record)
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


def rethreshold(
    ws: Workspace, run_id: int, threshold: float, *, actor: str = "cli", apply: bool = False
) -> RunSummary:
    """New clusters from the run's stored pairs at ``threshold``: no re-embedding.

    Decisions carry over to clusters whose members are unchanged; the others start pending
    (their records active again) unless ``apply`` keeps their representatives.
    """
    with ws.read() as s:
        run = _live_run(s, run_id)
        if not run.floor <= threshold <= 1.0:
            raise InputError(
                f"threshold {threshold} is below this run's floor {run.floor}: pairs under the"
                " floor were not kept; run dedup again with a lower --threshold"
            )
        dataset_id, rule = run.dataset_id, str(run.settings.get("rule", "earliest"))
        dataset = s.get_one(m.Dataset, dataset_id).name
        stored = list(
            s.execute(
                sa.select(
                    m.DedupPair.record_a_id,
                    m.DedupPair.record_b_id,
                    m.DedupPair.similarity,
                    m.DedupPair.kind,
                    m.DedupPair.verified,
                ).where(m.DedupPair.run_id == run_id)
            )
        )
        involved = sorted({r for a, b, *_ in stored for r in (a, b)})
        loaded = load_items(
            s,
            dataset_id,
            include_system=bool(run.settings.get("include_system")),
            statuses=("active", "duplicate", "excluded"),
            ids=involved,
        )
    position = {rid: i for i, rid in enumerate(loaded.ids)}
    pairs = [
        Pair(position[a], position[b], sim, kind, verified)
        for a, b, sim, kind, verified in stored
        if a in position and b in position
    ]
    clusters = build_clusters(loaded.items, pairs, threshold, rule)
    with ws.tx() as s:
        run = _live_run(s, run_id)
        carried = _decisions_of(s, run_id)
        old = [
            cid
            for (cid,) in s.execute(
                sa.select(m.DedupCluster.id).where(m.DedupCluster.run_id == run_id)
            )
        ]
        for chunk in _chunks(old, 900):
            s.execute(sa.delete(m.DedupMember).where(m.DedupMember.cluster_id.in_(chunk)))
        s.execute(sa.delete(m.DedupCluster).where(m.DedupCluster.run_id == run_id))
        _restore_run_statuses(s, dataset_id)
        _write_clusters(s, run_id, loaded.ids, clusters, carried)
        previous = run.threshold
        run.threshold = threshold
        run.n_clusters = len(clusters)
        run.stats = {**run.stats, **cluster_stats(clusters)}
        log_event(
            s,
            actor,
            "dedup_rethreshold",
            "dedup_run",
            run_id,
            threshold=threshold,
            previous=previous,
            clusters=len(clusters),
        )
        if apply:
            keep_representatives(s, run_id, actor)
        dropped = _count_dropped(s, run_id)
        stats = dict(run.stats)
        floor, embedder, n_records = run.floor, run.embedder, run.n_records
    return RunSummary(
        run_id=run_id,
        dataset=dataset,
        embedder=embedder,
        threshold=threshold,
        floor=floor,
        records=n_records,
        clusters=len(clusters),
        duplicates=int(stats.get("duplicates", 0)),
        dropped=dropped,
        pairs=len(pairs),
        exact_pairs=sum(1 for p in pairs if p.kind == "exact"),
        stats=stats,
    )


# ----------------------------------------------------------------------------- page queries


@dataclass(slots=True)
class PairView:
    record_a: int
    record_b: int
    similarity: float
    kind: str
    verified: bool


def boundary_pairs(
    session: Session, run_id: int, threshold: float, n: int = 10
) -> tuple[list[PairView], list[PairView]]:
    """The least similar pairs accepted and the most similar rejected at ``threshold``."""
    p = m.DedupPair
    cols = (p.record_a_id, p.record_b_id, p.similarity, p.kind, p.verified)
    accepted = session.execute(
        sa.select(*cols)
        .where(p.run_id == run_id, p.kind == "semantic", p.similarity >= threshold)
        .order_by(p.similarity.asc(), p.id)
        .limit(n)
    )
    rejected = session.execute(
        sa.select(*cols)
        .where(p.run_id == run_id, p.kind == "semantic", p.similarity < threshold)
        .order_by(p.similarity.desc(), p.id)
        .limit(n)
    )
    return [PairView(*r) for r in accepted], [PairView(*r) for r in rejected]


def count_at(session: Session, run_id: int, threshold: float) -> dict[str, int]:
    """How many stored semantic pairs a threshold would accept and reject."""
    p = m.DedupPair
    above = session.scalar(
        sa.select(sa.func.count()).where(
            p.run_id == run_id, p.kind == "semantic", p.similarity >= threshold
        )
    )
    total = session.scalar(
        sa.select(sa.func.count()).where(p.run_id == run_id, p.kind == "semantic")
    )
    return {"accepted": int(above or 0), "rejected": int((total or 0) - (above or 0))}


@dataclass(slots=True)
class ClusterRow:
    id: int
    size: int
    representative_id: int
    max_similarity: float
    min_similarity: float
    decision: str
    decided_by: str | None


def list_clusters(
    session: Session,
    run_id: int,
    *,
    decision: str | None = None,
    order: str = "size",
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[ClusterRow], int]:
    """A page of the run's clusters (largest or least similar first) and the total count."""
    c = m.DedupCluster
    where = [c.run_id == run_id]
    if decision:
        where.append(c.decision == decision)
    total = int(session.scalar(sa.select(sa.func.count()).select_from(c).where(*where)) or 0)
    orders: dict[str, tuple[Any, ...]] = {
        "size": (c.size.desc(), c.id),
        "least similar": (c.min_similarity.asc(), c.id),
        "most similar": (c.max_similarity.desc(), c.id),
        "id": (c.id,),
    }
    rows = session.execute(
        sa.select(
            c.id,
            c.size,
            c.representative_id,
            c.max_similarity,
            c.min_similarity,
            c.decision,
            c.decided_by,
        )
        .where(*where)
        .order_by(*orders.get(order, orders["size"]))
        .offset(offset)
        .limit(limit)
    )
    return [ClusterRow(*r) for r in rows], total


@dataclass(slots=True)
class MemberView:
    record_id: int
    similarity: float
    kept: bool
    status: str
    status_reason: str
    line: int
    representative: bool
    text: str
    messages: list[dict[str, Any]]


def cluster_members(session: Session, cluster_id: int) -> list[MemberView]:
    """Members with their conversation text, the representative first."""
    cluster = session.get(m.DedupCluster, cluster_id)
    if cluster is None:
        raise NotFoundError(f"no dedup cluster {cluster_id}")
    run = session.get_one(m.DedupRun, cluster.run_id)
    include_system = bool(run.settings.get("include_system"))
    rows = session.execute(
        sa.select(m.DedupMember, m.Record)
        .join(m.Record, m.Record.id == m.DedupMember.record_id)
        .where(m.DedupMember.cluster_id == cluster_id)
        .order_by(m.Record.id)
    ).all()
    out = []
    for member, record in rows:
        completion: list[dict[str, Any]] = []
        if record.completions:
            comps = [Completion(c.messages, c.source, c.scores) for c in record.completions]
            completion = comps[preferred_completion(comps, record.rankings or [])].messages
        out.append(
            MemberView(
                record_id=record.id,
                similarity=member.similarity,
                kept=member.kept,
                status=record.status,
                status_reason=record.status_reason,
                line=record.line,
                representative=record.id == cluster.representative_id,
                text=display_text(record.messages or [], completion, include_system=include_system),
                messages=list(record.messages or []) + list(completion),
            )
        )
    out.sort(key=lambda v: (not v.representative, v.record_id))
    return out


def record_texts(
    session: Session, ids: Sequence[int], *, include_system: bool = False
) -> dict[int, str]:
    rows = session.scalars(sa.select(m.Record).where(m.Record.id.in_(list(ids))))
    out = {}
    for record in rows:
        completion: list[dict[str, Any]] = []
        if record.completions:
            comps = [Completion(c.messages, c.source, c.scores) for c in record.completions]
            completion = comps[preferred_completion(comps, record.rankings or [])].messages
        out[record.id] = display_text(
            record.messages or [], completion, include_system=include_system
        )
    return out


def decision_counts(session: Session, run_id: int) -> dict[str, int]:
    rows = session.execute(
        sa.select(m.DedupCluster.decision, sa.func.count())
        .where(m.DedupCluster.run_id == run_id)
        .group_by(m.DedupCluster.decision)
    )
    return {d: int(n) for d, n in rows}


def dropped_count(session: Session, run_id: int) -> int:
    return _count_dropped(session, run_id)


# ----------------------------------------------------------------------------- leakage


@dataclass(slots=True)
class Leak:
    valid_id: int  # record id, or 1-based line in file mode
    train_id: int
    similarity: float
    kind: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "validation": self.valid_id,
            "train": self.train_id,
            "similarity": round(self.similarity, 4),
            "kind": self.kind,
        }


def dataset_leakage(
    ws: Workspace,
    train: str,
    valid: str,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    encoders: Encoders | None = None,
) -> list[Leak]:
    """Validation records (by id) with a near-duplicate in the train dataset."""
    settings = (settings or Settings()).resolved()
    with ws.read() as s:
        t = load_items(
            s,
            get_dataset(s, train).id,
            include_system=settings.include_system,
            statuses=("active",),
        )
        v = load_items(
            s,
            get_dataset(s, valid).id,
            include_system=settings.include_system,
            statuses=("active",),
        )
    matches = find_matches(t.items, v.items, settings, encoders=encoders, progress=progress)
    return [Leak(v.ids[x.query], t.ids[x.reference], x.similarity, x.kind) for x in matches]


ProgressFn = Callable[[str, float], None]
