"""The dedup pipeline over prepared :class:`~curation.dedup.units.Item` lists (no store, no files).

exact groups → embed unique exchanges → record vectors → FAISS range search
(:mod:`~curation.dedup.search`) → exchange alignment of each candidate pair (→ MiniLM
check in the cascade, :mod:`~curation.dedup.verify`) → pairs above the floor →
union-find at the threshold → clusters with a representative (:mod:`~curation.dedup.cluster`).
Progress is reported per stage as ``(stage, done, total)``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from curation.dedup.cluster import build_clusters, cluster_stats, nn_histogram
from curation.dedup.embedders import EncodeMap, distill_static
from curation.dedup.partition import (
    PER_PARTITION,
    MapFn,
    Partitioning,
    PartitionPairs,
    PartitionTask,
    assign_partitions,
    merge_pairs,
    partition_count,
    partition_tasks,
    score_partition,
)
from curation.dedup.results import DedupResult, Match, Pair
from curation.dedup.search import (
    CANDIDATE_SLACK,
    CENTRED_RADIUS,
    ExchangeVectors,
    MatchRun,
    build_index,
    search_centre,
)
from curation.dedup.settings import Encoders, Settings
from curation.dedup.units import Item
from curation.dedup.verify import aligned_scores, cascade_band, cascade_verify
from curation.progress import Progress

LOADING = "Loading the embedding model (the static model is distilled on first use: minutes)"


STAGES = {
    "exact": "Finding exact duplicates",
    "embed": "Embedding exchanges",
    "search": "Searching for neighbours",
    "verify": "Scoring candidate pairs",
    "cluster": "Building clusters",
}
CHECKING = "Checking candidates with the accurate model"
WORKERS = "Starting the engine's workers (each loads the embedding model once)"
DONE = "Done"


class _Reporter:
    """Reports each stage under its label as ``(label, done, total)`` and times the stages."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.timings: dict[str, float] = {}
        self._stage = ""
        self._start = time.perf_counter()

    def stage(self, name: str, total: int | None = None) -> None:
        """Start stage ``name`` (a key of :data:`STAGES`) of ``total`` steps, if known."""
        now = time.perf_counter()
        if self._stage:
            self.timings[self._stage] = round(now - self._start, 3)
        self._stage, self._start = name, now
        self.count(0, total)

    def count(self, done: int, total: int | None) -> None:
        """``done`` of ``total`` steps of the current stage."""
        if self.progress is not None:
            self.progress(STAGES[self._stage], done, total)

    def step(self, label: str) -> Callable[[int, int], None]:
        """A sub-step of the current stage shown under its own ``label``."""
        progress = self.progress
        if progress is None:
            return lambda _done, _total: None
        return lambda done, total: progress(label, done, total)

    def say(self, label: str) -> None:
        """Show ``label`` with no count (e.g. while a model loads)."""
        if self.progress is not None:
            self.progress(label, 0, None)

    def done(self, total: int) -> None:
        self.timings[self._stage] = round(time.perf_counter() - self._start, 3)
        if self.progress is not None:
            self.progress(DONE, total, total)


# ----------------------------------------------------------------------------- pipeline


def find_duplicates(
    items: Sequence[Item],
    settings: Settings | None = None,
    *,
    encoders: Encoders | None = None,
    progress: Progress | None = None,
    partitions: int | None = 1,
    map_fn: MapFn[PartitionTask, PartitionPairs] = map,
    encode: EncodeMap | None = None,
    where: str = "in this process",
) -> DedupResult:
    """Deduplicate ``items`` (indices in the result refer to positions in ``items``).

    ``partitions`` splits the search and scoring (:mod:`curation.dedup.partition`): 1 runs
    it in one piece, None picks enough partitions for :data:`PER_PARTITION` records each;
    ``map_fn`` runs the partitions (the built-in ``map``: one after the other, here);
    ``encode`` the embedding batches (None: here; :mod:`curation.dedup.parallel` builds
    both for the engine, whose workers then load the models, not this process).
    """
    settings = (settings or Settings()).resolved()
    assert settings.threshold is not None and settings.floor is not None
    rep = _Reporter(progress)
    rep.stage("exact", len(items))
    pairs, semantic, stats = _exact_pairs(items)
    rep.count(len(items), len(items))
    cascade = settings.embedder == "cascade"
    lo = cascade_band(settings.threshold)[0]
    lowest = min(settings.floor, lo) if cascade else settings.floor
    radius = max(0.0, lowest - CANDIDATE_SLACK)
    stats.update(candidates=0, verified=0, candidate_radius=round(radius, 4), engine=where)
    if len(semantic) >= 2:
        run = Partitioning(partitions, PER_PARTITION, map_fn, encode, where)
        pairs += _semantic_pairs(items, semantic, radius, settings, encoders, rep, stats, run)
    else:
        stats["embedder"] = settings.embedder
    rep.stage("cluster")
    clusters = build_clusters(items, pairs, settings.threshold, settings.rule)
    rep.done(len(items))
    complete_from = max(settings.floor, lo) if cascade else settings.floor
    if stats.get("static_fallback"):
        complete_from = max(complete_from, stats["static_fallback_cut"])
    stats.update(
        # Stored pairs hold every pair down to this score; in the cascade, pairs the static
        # model put under the band's low end (or, past the MiniLM budget, under the static
        # cut) were never scored by MiniLM, so not stored.
        complete_from=round(complete_from, 4),
        pairs=len(pairs),
        nn_hist=nn_histogram(len(items), pairs, [i for i, it in enumerate(items) if not it.empty]),
        timings=rep.timings,
    )
    stats.update(cluster_stats(clusters))
    return DedupResult(settings, pairs, clusters, stats)


def _semantic_pairs(
    items: Sequence[Item],
    semantic: list[int],
    radius: float,
    settings: Settings,
    encoders: Encoders | None,
    rep: _Reporter,
    stats: dict[str, Any],
    run: Partitioning,
) -> list[Pair]:
    """Embed, search (down to ``radius``, uncentred) and verify the ``semantic`` items; the
    pairs to store, with ``stats`` filled in."""
    assert settings.threshold is not None and settings.floor is not None
    cascade = settings.embedder == "cascade"
    rep.stage("embed")
    if encoders is None:
        rep.say(LOADING)
        encoders = _encoders(settings.embedder, here=run.encode is None)
    stats["embedder"] = encoders.name
    first = ExchangeVectors(encoders.candidate, run.encode)
    if run.encode is not None:
        rep.say(WORKERS)
    first.ensure([t for i in semantic for t in items[i].exchanges], rep.count)
    stats["unique_exchanges"] = len(first.index)
    centre = search_centre(first, len(semantic))
    if centre is not None:
        radius = CENTRED_RADIUS
    rec = first.records(items, semantic, centre)
    stats["centred"] = centre is not None
    stats["lsh"] = settings.lsh
    k = partition_count(len(semantic), run.partitions, run.per_partition)
    if k == 1:
        sem = np.asarray(semantic, dtype=np.int64)
        task = PartitionTask(
            0,
            sem,
            [items[i] for i in sem],
            rec,
            first.index,
            first.vectors,
            radius,
            settings.lsh,
            cascade,
            nprobe=settings.nprobe,
        )
        del rec
        results: Iterable[PartitionPairs] = [score_partition(task, rep)]
    else:
        rep.stage("search", k)
        owners = assign_partitions(rec, k)
        tasks = partition_tasks(
            items,
            semantic,
            rec,
            owners,
            first,
            radius=radius,
            settings=settings,
        )
        results = _counted(run.map_fn(score_partition, tasks), rep, k)
    a, b, static_scores, lexical = merge_pairs(results, stats)
    stats.update(candidates=len(a), candidate_radius=round(radius, 4))
    if k > 1:  # a single partition reported its own verify stage
        rep.stage("verify", len(a))
        rep.count(len(a), len(a))
    verifier = encoders.verifier if cascade else None
    pairs: list[Pair] = []
    if verifier is None:
        keep = np.flatnonzero(static_scores >= settings.floor)
        stats["verified"] = len(keep)
        for j in keep:
            pairs.append(Pair(int(a[j]), int(b[j]), float(static_scores[j]), "semantic", True))
        return pairs
    verdict = cascade_verify(
        items,
        (a, b),
        (static_scores, lexical),
        first,
        verifier,
        settings,
        report=rep.step(CHECKING),
    )
    stats.update(verdict.stats)
    stats["verified"] = int(verdict.verified.sum())
    for j in np.flatnonzero(verdict.kept):
        score, checked = float(verdict.scores[j]), bool(verdict.verified[j])
        if not checked or score >= settings.floor:
            pairs.append(Pair(int(a[j]), int(b[j]), score, "semantic", checked))
    return pairs


def _encoders(mode: str, *, here: bool) -> Encoders:
    """The mode's encoders: loaded here, or by name for the engine's workers to load (the
    static model distilled here first, once, rather than by every worker at once)."""
    if here:
        return Encoders.for_mode(mode)
    if mode in ("static", "cascade"):
        distill_static()
    return Encoders.named(mode)


def _counted(
    results: Iterable[PartitionPairs], rep: _Reporter, total: int
) -> Iterator[PartitionPairs]:
    """The partitions' results as they come, counted on the progress bar."""
    for done, result in enumerate(results, 1):
        rep.count(done, total)
        yield result


def _exact_pairs(items: Sequence[Item]) -> tuple[list[Pair], list[int], dict[str, Any]]:
    """Exact groups (same key): star pairs to the group's first item; the rest go semantic."""
    first: dict[str, int] = {}
    pairs: list[Pair] = []
    semantic: list[int] = []
    empty = 0
    for i, item in enumerate(items):
        if item.empty:
            empty += 1
            continue
        j = first.setdefault(item.key, i)
        if j != i:
            pairs.append(Pair(j, i, 1.0, "exact", True))
        elif item.exchanges:
            semantic.append(i)
    return pairs, semantic, {"records": len(items), "empty": empty, "exact_pairs": len(pairs)}


def find_matches(
    reference: Sequence[Item],
    queries: Sequence[Item],
    settings: Settings | None = None,
    *,
    encoders: Encoders | None = None,
    progress: Progress | None = None,
    run: MatchRun | None = None,
) -> list[Match]:
    """For each query item, its most similar reference item at or above the threshold.

    ``run`` says where the embedding batches and the search of the query blocks run (None:
    here; :func:`curation.dedup.parallel.engine_matching` builds the engine's, whose workers
    then load the models, not this process); the matches are the same either way.
    """
    settings = (settings or Settings()).resolved()
    run = run or MatchRun()
    assert settings.threshold is not None
    rep = _Reporter(progress)
    rep.stage("exact", len(queries))
    keys: dict[str, int] = {}
    for i, item in enumerate(reference):
        if not item.empty:
            keys.setdefault(item.key, i)
    best: dict[int, Match] = {}
    todo: list[int] = []
    for q, item in enumerate(queries):
        if item.empty:
            continue
        if item.key in keys:
            best[q] = Match(q, keys[item.key], 1.0, "exact")
        elif item.exchanges:
            todo.append(q)
    refs = [i for i, it in enumerate(reference) if it.exchanges]
    if todo and refs:
        if encoders is None:
            rep.say(LOADING)
            encoders = _encoders(settings.embedder, here=run.encode is None)
        cascade = encoders.verifier is not None
        lo = cascade_band(settings.threshold)[0]
        lowest = lo if cascade else settings.threshold
        rep.stage("embed")
        first = ExchangeVectors(encoders.candidate, run.encode)
        if run.encode is not None:
            rep.say(WORKERS)
        first.ensure(
            [t for i in refs for t in reference[i].exchanges]
            + [t for q in todo for t in queries[q].exchanges],
            rep.count,
        )
        rep.stage("search", len(todo))
        centre = search_centre(first, len(refs) + len(todo))
        radius = CENTRED_RADIUS if centre is not None else max(0.0, lowest - CANDIDATE_SLACK)
        ref_vecs = first.records(reference, refs, centre)
        q_vecs = first.records(queries, todo, centre)
        index, _ = build_index(ref_vecs, settings.nprobe)
        qi, ri, _ = run.search(index, q_vecs, radius, ref_vecs, rep.count)
        qa = np.asarray(todo, dtype=np.int64)[qi]
        rb = np.asarray(refs, dtype=np.int64)[ri]
        rep.stage("verify", len(qa))
        static = aligned_scores(
            queries, qa, rb, first, b_items=reference, report=rep.count, lexical=cascade
        )
        final = static[0]
        if cascade and encoders.verifier is not None:
            verdict = cascade_verify(
                queries,
                (qa, rb),
                static,
                first,
                encoders.verifier,
                settings,
                b_items=reference,
                report=rep.step(CHECKING),
            )
            final = np.where(verdict.kept, verdict.scores, 0.0)
        for q, r, s in zip(qa, rb, final, strict=True):
            if s >= settings.threshold and (int(q) not in best or s > best[int(q)].similarity):
                best[int(q)] = Match(int(q), int(r), float(s), "semantic")
    rep.stage("cluster")
    rep.done(len(queries))
    return [best[q] for q in sorted(best)]
