"""Candidates found and scored per partition, so a corpus larger than one worker can be split.

The coordinator (:func:`curation.dedup.engine.find_duplicates`) embeds the unique
exchanges once and builds the centred record vectors; then:

1. **Partition** (:func:`assign_partitions`): k-means on the record vectors; every record
   goes to its nearest and its second-nearest centroid, as NeMo Curator's SemDeDup does,
   so two near-duplicates on either side of a boundary still share a partition.
2. **Per partition** (:func:`score_partition`, top-level and picklable, its input a
   :class:`PartitionTask` of plain data): the FAISS range search over the partition's
   record vectors, the lexical (MinHash/LSH) candidates beside it, and every candidate
   scored by the comparison rule with the static vectors. A pair shared by two
   partitions is kept only by the lower-numbered one, so it is scored once.
3. **Merge** in the coordinator: the partitions' pairs, sorted by pair, go through the
   cascade's MiniLM check (one global budget, so its choices do not depend on the
   partitioning) and one global union-find.

The per-partition step runs through a ``map_fn`` (the built-in ``map`` by default; an
engine's ordered map runs it on workers). With one partition the search is the
single-machine run's. With several, a pair is found only if its two records share a
partition: near-duplicates sit close together, so they almost always share their nearest
centroid, and the second assignment catches most of the rest. A pair whose records share
no partition (each closer to two other centroids) is missed; the run's stats count the
records in each partition, and the tests compare the clusters with the single run's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import numpy as np

from curation.dedup.embedders import EncodeMap, faiss_threads
from curation.dedup.lexical import lexical_pairs
from curation.dedup.search import ExchangeVectors, build_self_index, range_pairs
from curation.dedup.settings import IVF_NPROBE, Settings
from curation.dedup.units import Item
from curation.dedup.verify import aligned_scores

A = TypeVar("A")
R = TypeVar("R")
MapFn = Callable[[Callable[[A], R], Iterable[A]], Iterable[R]]

# Records per partition when the count is picked by size (each record counts twice). A
# quarter of the 1M run, whose single process peaked at 5.6 GB with the models and every
# record loaded; a partition's own share was not measured separately.
PER_PARTITION = 250_000
KMEANS_ITER = 10
KMEANS_SAMPLE = 256  # training points per centroid, at most


class StageReporter(Protocol):
    """The engine's reporter as a single partition sees it (stages "search" and "verify")."""

    def stage(self, name: str, total: int | None = None) -> None: ...

    def count(self, done: int, total: int | None) -> None: ...


@dataclass(frozen=True, slots=True)
class Partitioning:
    """How the coordinator splits the search: a count (None: by size) and the map to run on;
    where the embedding batches run (:mod:`curation.dedup.parallel` builds the engine's)."""

    partitions: int | None = 1
    per_partition: int = PER_PARTITION
    map_fn: MapFn[PartitionTask, PartitionPairs] = map
    encode: EncodeMap | None = None  # runs the embedding batches; None: in this process
    where: str = "in this process"  # for the run's stats

    def as_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of :func:`~curation.dedup.engine.find_duplicates` it stands for."""
        return {
            "partitions": self.partitions,
            "map_fn": self.map_fn,
            "encode": self.encode,
            "where": self.where,
        }


@dataclass(frozen=True, slots=True)
class PartitionTask:
    """One partition's work, as plain picklable data.

    ``members`` are positions in the coordinator's item list (ascending); ``items`` and the
    rows of ``vectors`` (centred record vectors) follow them. ``exchanges`` maps every
    exchange text of these items to its row of ``exchange_vectors``. ``owners`` holds each
    member's two partitions (None with a single partition).
    """

    part: int
    members: np.ndarray
    items: list[Item]
    vectors: np.ndarray
    exchanges: dict[str, int]
    exchange_vectors: np.ndarray
    radius: float
    lsh: bool
    lexical_scores: bool
    owners: np.ndarray | None = None
    nprobe: int = IVF_NPROBE  # IVF lists probed a query (Settings.nprobe)


@dataclass(frozen=True, slots=True)
class PartitionPairs:
    """The scored candidate pairs of one partition (positions in the coordinator's items)."""

    part: int
    a: np.ndarray
    b: np.ndarray
    static: np.ndarray  # aligned similarity with the static vectors and characters
    lexical: np.ndarray  # the same alignment over characters alone (zeros unless asked)
    records: int
    vector_candidates: int
    lsh_candidates: int
    lsh_only: int
    index: str


def score_partition(task: PartitionTask, rep: StageReporter | None = None) -> PartitionPairs:
    """Search, add lexical candidates and score one partition's pairs (see the module)."""
    n = len(task.members)
    if rep is not None:
        rep.stage("search", n)
    index, index_name, probes = build_self_index(task.vectors, task.nprobe)
    qa, qb, _ = range_pairs(
        index,
        task.vectors,
        task.radius,
        self_search=True,
        report=rep.count if rep else None,
        probes=probes,
    )
    del index, probes
    codes = qa * n + qb
    vector_candidates = len(codes)
    lsh_candidates = lsh_only = 0
    if task.lsh:
        la, lb = lexical_pairs(task.items, range(n))
        lsh_codes = la * n + lb
        lsh_candidates = len(lsh_codes)
        lsh_only = int((~np.isin(lsh_codes, codes)).sum())
        codes = np.union1d(codes, lsh_codes)
    a, b = codes // n, codes % n
    if task.owners is not None:
        keep = _owned_here(task.owners, a, b, task.part)
        a, b = a[keep], b[keep]
    if rep is not None:
        rep.stage("verify", len(a))
    vectors = ExchangeVectors.of_arrays(task.exchanges, task.exchange_vectors)
    static, lexical = aligned_scores(
        task.items,
        a,
        b,
        vectors,
        report=rep.count if rep else None,
        lexical=task.lexical_scores,
    )
    return PartitionPairs(
        task.part,
        task.members[a],
        task.members[b],
        static,
        lexical,
        n,
        vector_candidates,
        lsh_candidates,
        lsh_only,
        index_name,
    )


def _owned_here(owners: np.ndarray, a: np.ndarray, b: np.ndarray, part: int) -> np.ndarray:
    """Pairs whose lowest shared partition is ``part`` (each pair is scored in one place)."""
    oa, ob = owners[a], owners[b]
    big = np.iinfo(np.int64).max
    first = np.where((oa[:, 0] == ob[:, 0]) | (oa[:, 0] == ob[:, 1]), oa[:, 0], big)
    second = np.where((oa[:, 1] == ob[:, 0]) | (oa[:, 1] == ob[:, 1]), oa[:, 1], big)
    result: np.ndarray = np.minimum(first, second) == part
    return result


def assign_partitions(vectors: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """``(n, 2)`` partitions of each record: its nearest and second-nearest k-means centroid.

    With ``k`` 1 every record is in partition 0 (both columns).
    """
    n, dim = vectors.shape
    if k <= 1 or n < 2:
        return np.zeros((n, 2), dtype=np.int64)
    k = min(k, n)
    with faiss_threads() as faiss:
        kmeans = faiss.Kmeans(dim, k, niter=KMEANS_ITER, seed=seed, spherical=True)
        rng = np.random.default_rng(seed)
        sample = min(n, k * KMEANS_SAMPLE)
        rows = np.sort(rng.choice(n, size=sample, replace=False))
        kmeans.train(np.ascontiguousarray(vectors[rows]))
        _, nearest = kmeans.index.search(vectors, 2)
    nearest = nearest.astype(np.int64)
    nearest[nearest[:, 1] < 0, 1] = nearest[nearest[:, 1] < 0, 0]
    return nearest


def partition_count(n: int, partitions: int | None, per_partition: int) -> int:
    """``partitions`` if given, else enough for ``per_partition`` records each (counting
    every record twice, as :func:`assign_partitions` places it)."""
    if partitions is not None:
        return max(1, partitions)
    if n <= per_partition:
        return 1
    return max(2, math.ceil(2 * n / per_partition))


def partition_tasks(
    items: Sequence[Item],
    semantic: Sequence[int],
    rec: np.ndarray,
    owners: np.ndarray,
    vectors: ExchangeVectors,
    *,
    radius: float,
    settings: Settings,
) -> Iterator[PartitionTask]:
    """One task per non-empty partition, built as the map asks for it (one in memory at a
    time with the built-in ``map``); ``settings`` say whether LSH runs, whether lexical
    scores are kept (the cascade) and how many IVF lists are probed."""
    sem = np.asarray(semantic, dtype=np.int64)
    k = int(owners.max()) + 1 if len(owners) else 0
    for part in range(k):
        rows = np.flatnonzero((owners[:, 0] == part) | (owners[:, 1] == part))
        if len(rows) == 0:
            continue
        part_items = [items[i] for i in sem[rows]]
        texts = dict.fromkeys(t for it in part_items for t in it.exchanges)
        index = {t: j for j, t in enumerate(texts)}
        yield PartitionTask(
            part=part,
            members=sem[rows],
            items=part_items,
            vectors=np.ascontiguousarray(rec[rows]),
            exchanges=index,
            exchange_vectors=vectors.of(list(index)),
            radius=radius,
            lsh=settings.lsh,
            lexical_scores=settings.embedder == "cascade",
            owners=owners[rows],
            nprobe=settings.nprobe,
        )


def merge_pairs(
    results: Iterable[PartitionPairs], stats: dict[str, Any]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """All partitions' pairs, each once, sorted by ``(a, b)``; ``stats`` gets their counts."""
    parts = list(results)
    parts.sort(key=lambda p: p.part)
    stats["partitions"] = len(parts)
    stats["partition_records"] = [p.records for p in parts]
    stats["vector_candidates"] = sum(p.vector_candidates for p in parts)
    stats["lsh_candidates"] = sum(p.lsh_candidates for p in parts)
    stats["lsh_only"] = sum(p.lsh_only for p in parts)
    stats["index"] = parts[0].index if len(parts) == 1 else f"{len(parts)} partitions"
    if not parts:
        empty = np.zeros(0, np.int64)
        return empty, empty, np.zeros(0, np.float32), np.zeros(0, np.float32)
    a = np.concatenate([p.a for p in parts])
    b = np.concatenate([p.b for p in parts])
    static = np.concatenate([p.static for p in parts])
    lexical = np.concatenate([p.lexical for p in parts])
    width = int(max(a.max(initial=0), b.max(initial=0))) + 1
    _, first = np.unique(a * width + b, return_index=True)  # sorted by pair, each once
    return a[first], b[first], static[first], lexical[first]
