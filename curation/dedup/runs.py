"""Dedup runs over a workspace dataset: run, store pairs and clusters, re-threshold.

Invariants the other stages rely on: only the dataset's latest finished run is live; a
new run first restores every record an older run had marked ``duplicate`` (decisions on
a cluster with exactly the same members carry over), so statuses always reflect the
latest run. Embedding and search run outside any transaction; the results are written in
one transaction at the end. Decisions themselves live in :mod:`curation.dedup.review`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.dedup.cluster import build_clusters, cluster_stats
from curation.dedup.engine import find_duplicates
from curation.dedup.load import WRITE_BATCH, RunNote, chunks, load_items, table
from curation.dedup.lookups import count_dropped, latest_run, live_run, settle_interrupted_runs
from curation.dedup.parallel import engine_partitioning
from curation.dedup.partition import Partitioning
from curation.dedup.results import Cluster, DedupResult, Pair
from curation.dedup.review import apply_statuses, keep_representatives, restore_run_statuses
from curation.dedup.settings import Encoders, Settings
from curation.engine.choice import Size
from curation.errors import InputError
from curation.owners import owner_token
from curation.progress import Progress
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.queries import get_dataset
from curation.wording import plural, verb

READING = "Reading the dataset's records"


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a dedup run (or a re-threshold) did; :meth:`as_dict` is the CLI's ``--json``."""

    run_id: int
    dataset: str
    embedder: str
    threshold: float
    floor: float
    records: int
    clusters: int
    duplicates: int
    marked_duplicate: int
    pairs: int
    exact_pairs: int
    notes: tuple[RunNote, ...] = ()  # the first stored notes
    notes_total: int = 0
    empty: int = 0  # records with no text to compare
    complete_from: float | None = None  # every pair scoring this or more was stored

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        del out["empty"], out["complete_from"]
        return out

    @property
    def incomplete(self) -> bool:
        """The threshold is under the score from which every pair was stored (cascade)."""
        return self.complete_from is not None and self.threshold < self.complete_from - 1e-9

    def summary(self) -> str:
        text = (
            f"dedup run {self.run_id} on {self.dataset} ({self.embedder}, threshold"
            f" {self.threshold:.3f}): {plural(self.records, 'record')}, {plural(self.clusters, 'cluster')} holding"
            f" {plural(self.duplicates, 'duplicate')}"
        )
        if self.marked_duplicate:
            text += f"; {plural(self.marked_duplicate, 'record')} marked duplicate"
        else:
            text += "; nothing marked yet (review the clusters)"
        if self.empty:
            text += f"; {plural(self.empty, 'record')} {verb(self.empty, 'has', 'have')} no text to compare and {verb(self.empty, 'was', 'were')} left alone"
        if self.incomplete:
            text += (
                f"; pairs under {self.complete_from:.2f} were not all scored in this run (cascade):"
                f" for a complete result run dedup again at threshold {self.threshold}"
            )
        if self.notes_total:
            text += f"; {self.notes_total:,} notes on fields read only in part"
        return text


def _summary(
    run: m.DedupRun, dataset: str, pairs: Sequence[Pair], dropped: int, *, exact_pairs: int
) -> RunSummary:
    """The summary of ``run`` as stored (call inside the session that wrote it)."""
    stats = dict(run.stats or {})
    return RunSummary(
        run_id=run.id,
        dataset=dataset,
        embedder=run.embedder,
        threshold=run.threshold,
        floor=run.floor,
        records=run.n_records,
        clusters=run.n_clusters,
        duplicates=int(stats.get("duplicates", 0)),
        marked_duplicate=dropped,
        pairs=len(pairs),
        exact_pairs=exact_pairs,
        notes=tuple(RunNote(**n) for n in stats.get("notes", [])),
        notes_total=int(stats.get("notes_total", 0)),
        empty=int(stats.get("empty", 0)),
        complete_from=stats.get("complete_from"),
    )


def run_dedup(
    ws: Workspace,
    dataset: str,
    settings: Settings | None = None,
    *,
    actor: str = "cli",
    apply: bool = False,
    progress: Progress | None = None,
    encoders: Encoders | None = None,
    partitioning: Partitioning | None = None,
) -> RunSummary:
    """Deduplicate a dataset and store the run; with ``apply``, keep each cluster's representative.

    ``partitioning`` (a partition count, the map that runs them, where the embedding runs)
    splits the work as :func:`~curation.dedup.engine.find_duplicates` describes; None: the
    engine decides from the record count (:func:`~curation.dedup.parallel.engine_partitioning`:
    in this process, in one piece, unless the dataset is big or the process is attached to
    a cluster; a page's thread never starts Ray).

    Embedding and search run outside any transaction, so other users (and SQLite
    writers) are not held up; the results are written in one transaction at the end.
    """
    settings = (settings or Settings()).resolved()
    assert settings.threshold is not None and settings.floor is not None
    if progress is not None:
        progress(READING, 0, None)
    with ws.read() as s:
        ds = get_dataset(s, dataset)
        dataset_id = ds.id
        loaded = load_items(s, dataset_id, include_system=settings.include_system, with_notes=True)
    with ws.tx() as s:
        settle_interrupted_runs(s, dataset_id)
        run = m.DedupRun(
            dataset_id=dataset_id,
            actor=actor,
            embedder=settings.embedder,
            threshold=settings.threshold,
            floor=settings.floor,
            settings=settings.as_dict(),
            stats={"owner": owner_token()},
            status="running",
            n_records=len(loaded.ids),
        )
        s.add(run)
        s.flush()
        run_id = run.id
    try:
        if partitioning is None:
            partitioning = engine_partitioning(Size(records=len(loaded.items)))
        result = find_duplicates(
            loaded.items, settings, encoders=encoders, progress=progress, **partitioning.as_kwargs()
        )
    except BaseException as exc:
        with ws.tx() as s:
            failed = s.get(m.DedupRun, run_id)
            if failed is not None:
                failed.status = "failed"
                failed.finished_at = m.utcnow()
                failed.stats = {"error": f"{type(exc).__name__}: {exc}"[:500]}
        raise
    result.stats["notes"] = [asdict(n) for n in loaded.notes]
    result.stats["notes_total"] = loaded.noted
    with ws.tx() as s:
        dropped = _store_result(s, run_id, dataset_id, loaded.ids, result, actor, apply)
        run = s.get_one(m.DedupRun, run_id)
        exact = int(result.stats["exact_pairs"])
        return _summary(run, dataset, result.pairs, dropped, exact_pairs=exact)


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
        restore_run_statuses(s, dataset_id)
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
        s.execute(sa.insert(table(m.DedupPair)), rows[start : start + WRITE_BATCH])
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
    return count_dropped(s, run_id)


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
    clusters_table = table(m.DedupCluster)
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
            row.id
            for row in s.execute(
                sa.insert(clusters_table).returning(clusters_table.c.id), cluster_rows
            )
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
        s.execute(sa.insert(table(m.DedupMember)), members_rows[start : start + WRITE_BATCH])
    for cid in reapply:
        apply_statuses(s, cid)


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
    for chunk in chunks(list(clusters), 900):
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


def rethreshold(
    ws: Workspace, run_id: int, threshold: float, *, actor: str = "cli", apply: bool = False
) -> RunSummary:
    """New clusters from the run's stored pairs at ``threshold``: no re-embedding.

    Decisions carry over to clusters whose members are unchanged; the others start pending
    (their records active again) unless ``apply`` keeps their representatives.
    """
    with ws.read() as s:
        run = live_run(s, run_id)
        if not run.floor <= threshold <= 1.0:
            raise InputError(
                f"threshold {threshold} is below this run's floor {run.floor}: pairs under the"
                " floor were not kept; run dedup again with a lower threshold"
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
        run = live_run(s, run_id)
        carried = _decisions_of(s, run_id)
        old = [
            cid
            for (cid,) in s.execute(
                sa.select(m.DedupCluster.id).where(m.DedupCluster.run_id == run_id)
            )
        ]
        for chunk in chunks(old, 900):
            s.execute(sa.delete(m.DedupMember).where(m.DedupMember.cluster_id.in_(chunk)))
        s.execute(sa.delete(m.DedupCluster).where(m.DedupCluster.run_id == run_id))
        restore_run_statuses(s, dataset_id)
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
        dropped = count_dropped(s, run_id)
        exact = sum(1 for p in pairs if p.kind == "exact")
        return _summary(run, dataset, pairs, dropped, exact_pairs=exact)


def job_params(
    settings: Settings, *, dataset: str | None, run_id: int | None = None, review: bool = False
) -> dict[str, Any]:
    """The parameters of a background dedup job, read back by :func:`job_settings`.

    The settings are checked now (an unusable one fails here, not in the runner) and kept
    as given: the runner resolves the defaults. ``run_id`` re-thresholds that run.
    """
    settings.resolved()
    return {
        "dataset": dataset,
        "run_id": run_id,
        **settings.choices(),
        "review": review,
    }


def job_settings(params: dict[str, Any]) -> Settings:
    """The :class:`Settings` of a dedup or leakage job's parameters."""
    return Settings(
        params.get("embedder") or "cascade",
        params.get("threshold"),
        params.get("floor"),
        params.get("rule") or "earliest",
        bool(params.get("include_system")),
        lsh=bool(params.get("lsh", True)),
    )
