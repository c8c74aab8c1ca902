"""Candidate search: exchange vectors embedded once, pooled record vectors, FAISS range search.

Record vectors are the normalised mean of their exchange vectors, centred on the corpus's
mean from :data:`CENTER_MIN` records on; an ``IndexFlatIP`` up to :data:`FLAT_MAX`
records, an 8-bit IVF above whose hits are re-scored exactly (never HNSW).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from curation.dedup.embedders import (
    EncodeMap,
    Encoder,
    encode_here,
    faiss_threads,
    normalize_rows,
)
from curation.dedup.settings import IVF_NPROBE, Tick
from curation.dedup.units import Item
from curation.errors import InternalError

CANDIDATE_SLACK = 0.03  # record-vector radius below the lowest aligned score we keep
# Corpora of at least CENTER_MIN records search on centred record vectors (the corpus's mean
# exchange vector removed): mean-pooled text embeddings share a large common component, so
# raw cosines of unrelated long conversations sit at 0.85–0.95 and a range search returns
# nearly everything. Centred, unrelated records fall near 0 and true duplicates stay above
# CENTRED_RADIUS (measured: lowest true pair 0.62 on 20k long conversations).
CENTER_MIN = 1000
CENTRED_RADIUS = 0.5
MAX_CANDIDATES = 64  # per record, the most similar; a record with more is in a big group
FLAT_MAX = 20_000  # records; above, IVF (nlist ≈ 4√N, nprobe: settings.IVF_NPROBE)
APPROX_SLACK = 0.02  # an 8-bit IVF is searched this much wider, then re-scored exactly
QUERY_BLOCK = 8192
EMBED_BATCH = 4096
RECORD_ROWS = EMBED_BATCH * 64  # exchange vectors gathered at once for record vectors


class ExchangeVectors:
    """Unique exchange texts embedded once by one encoder (a cache shared across records)."""

    def __init__(
        self, encoder: Encoder | None, encode: EncodeMap | None = None, batch: int | None = None
    ) -> None:
        """``encode`` runs the encoder over batches of ``batch`` texts (None:
        :data:`EMBED_BATCH`) (``encode`` None: :func:`encode_here`; the engine's actors,
        each loading the model once: :mod:`curation.dedup.parallel`)."""
        self.encoder = encoder
        self.encode = encode
        self.batch = batch or EMBED_BATCH
        self.index: dict[str, int] = {}
        self.vectors = np.zeros((0, 0), dtype=np.float32)

    @classmethod
    def of_arrays(cls, index: dict[str, int], vectors: np.ndarray) -> ExchangeVectors:
        """Vectors already embedded (text → row), with no encoder: what a partition scores
        with in a worker, which never loads a model."""
        out = cls(None)
        out.index, out.vectors = index, vectors
        return out

    def ensure(self, texts: Sequence[str], report: Tick | None = None) -> None:
        """Embed the texts not embedded yet; ``report`` counts texts done of those."""
        todo = [t for t in dict.fromkeys(texts) if t not in self.index]
        if not todo:
            return
        if self.encoder is None:
            raise InternalError("these exchange vectors were built without an encoder")
        # Batches ordered by length keep padding low for transformer encoders; the result
        # is written into one preallocated array (no list of chunks to concatenate).
        todo.sort(key=len)
        encoder, step = self.encoder, self.batch
        batches = (todo[start : start + step] for start in range(0, len(todo), step))
        new: np.ndarray | None = None
        start = 0
        for batch_vectors in (self.encode or encode_here)(encoder, batches):
            vectors = np.asarray(batch_vectors, dtype=np.float32)
            size = min(step, len(todo) - start)
            if vectors.shape[0] != size:
                raise InternalError(  # a bug in the encoder, nothing the user can change
                    f"the {encoder.name} encoder returned {vectors.shape[0]} vectors"
                    f" for {size} texts"
                )
            if new is None:
                new = np.empty((len(todo), vectors.shape[1]), dtype=np.float32)
            new[start : start + size] = vectors
            start += size
            if report:
                report(start, len(todo))
        assert new is not None
        base = len(self.index)
        for i, text in enumerate(todo):
            self.index[text] = base + i
        self.vectors = new if self.vectors.size == 0 else np.concatenate([self.vectors, new])

    def of(self, exchanges: Sequence[str]) -> np.ndarray:
        return self.vectors[[self.index[t] for t in exchanges]]

    def records(
        self, items: Sequence[Item], which: Sequence[int], centre: np.ndarray | None = None
    ) -> np.ndarray:
        """One vector per record: the normalised mean of its (optionally centred) exchange vectors."""
        owners: list[int] = []
        rows: list[int] = []
        for k, i in enumerate(which):
            for text in items[i].exchanges:
                owners.append(k)
                rows.append(self.index[text])
        dim = self.vectors.shape[1]
        out = np.zeros((len(which), dim), dtype=np.float32)
        owner_arr, row_arr = np.asarray(owners, dtype=np.int64), np.asarray(rows, dtype=np.int64)
        # Summed as np.add.at did (0 + v1 + v2 ..., in order), without its per-row cost (12 s
        # of 200k records): the first exchanges of all records at once, then the second ...
        first_row = np.flatnonzero(np.diff(owner_arr, prepend=-1))
        position = np.arange(len(owner_arr)) - np.repeat(
            first_row, np.diff(first_row, append=len(owner_arr))
        )
        for start in range(0, len(row_arr), RECORD_ROWS):  # bounded temporaries
            part = slice(start, start + RECORD_ROWS)
            vecs = self.vectors[row_arr[part]]
            if centre is not None:
                vecs = normalize_rows(vecs - centre)
            owner, pos = owner_arr[part], position[part]
            order = np.argsort(pos, kind="stable")
            bounds = np.searchsorted(pos[order], np.arange(int(pos.max()) + 2))
            for lo, hi in itertools.pairwise(bounds.tolist()):
                at = order[lo:hi]  # one row per record: no owner twice
                out[owner[at]] += vecs[at]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return np.ascontiguousarray(out / norms)


def search_centre(vectors: ExchangeVectors, n_records: int) -> np.ndarray | None:
    """The mean unique-exchange vector to centre on, for corpora of CENTER_MIN records or more."""
    if n_records < CENTER_MIN or len(vectors.index) < CENTER_MIN // 2:
        return None
    return np.asarray(vectors.vectors.mean(axis=0), dtype=np.float32)


def build_index(vectors: np.ndarray, nprobe: int = IVF_NPROBE) -> tuple[Any, str]:
    """``IndexFlatIP`` up to :data:`FLAT_MAX` vectors, IVF above (never HNSW), searching
    ``nprobe`` lists a query.

    The IVF lists hold 8-bit scalar-quantised vectors: a quarter of the memory and about
    1.5× faster to scan than IVF-Flat, with the same candidates once :func:`range_pairs`
    re-scores the hits exactly (measured on corpus (c) at 100k).
    """
    with faiss_threads():
        index, name = _empty_index(vectors, nprobe)
        if not index.is_trained:
            _train(index, vectors)
        index.add(vectors)
        return index, name


@dataclass(frozen=True, slots=True)
class Probes:
    """The IVF lists each indexed vector probes, best first, and their centroid scores."""

    lists: np.ndarray  # (n, nprobe) int64
    scores: np.ndarray  # (n, nprobe) float32


def build_self_index(
    vectors: np.ndarray, nprobe: int = IVF_NPROBE
) -> tuple[Any, str, Probes | None]:
    """:func:`build_index` for a self search, with the lists each vector probes (None for a
    flat index): the vectors are assigned to the coarse centroids once, each added to its
    best list and searched later in its ``nprobe`` best (:func:`range_pairs`),
    instead of one assignment to add and another to search. The same lists, searched in
    the same blocks, so the same hits; it saves about a third of the search's CPU time
    (the coarse search costs as much as scanning the lists, both growing as N·√N).
    """
    with faiss_threads() as faiss:
        index, name = _empty_index(vectors, nprobe)
        if index.is_trained:
            index.add(vectors)
            return index, name, None
        _train(index, vectors)
        n = len(vectors)
        lists = np.empty((n, index.nprobe), dtype=np.int64)
        scores = np.empty((n, index.nprobe), dtype=np.float32)
        for start in range(0, n, QUERY_BLOCK):  # the blocks range_pairs searches in
            block = slice(start, start + QUERY_BLOCK)
            scores[block], lists[block] = index.quantizer.search(vectors[block], index.nprobe)
        best = np.ascontiguousarray(lists[:, 0])
        index.add_core(n, faiss.swig_ptr(vectors), None, faiss.swig_ptr(best))
        return index, name, Probes(lists, scores)


def _empty_index(vectors: np.ndarray, nprobe: int) -> tuple[Any, str]:
    import faiss

    n, dim = vectors.shape
    if n <= FLAT_MAX:
        return faiss.IndexFlatIP(dim), "IndexFlatIP"
    nlist = max(16, int(4 * math.sqrt(n)))
    quantizer = faiss.IndexFlatIP(dim)
    index = faiss.IndexIVFScalarQuantizer(
        quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
    )
    index.nprobe = min(nprobe, nlist)
    return index, f"IndexIVFScalarQuantizer(QT_8bit, nlist={nlist}, nprobe={index.nprobe})"


def _train(index: Any, vectors: np.ndarray) -> None:
    # 32 points per centroid and 10 k-means rounds: training stays a few seconds at
    # 10⁵ vectors and under a minute at 10⁶, and near-duplicates (cosine ≥ 0.5 after
    # centring) still land in the probed lists.
    index.cp.niter = 10
    n = len(vectors)
    rng = np.random.default_rng(0)
    index.train(vectors[rng.choice(n, size=min(n, index.nlist * 32), replace=False)])


def range_pairs(
    index: Any,
    queries: np.ndarray,
    radius: float,
    *,
    self_search: bool,
    indexed: np.ndarray | None = None,
    report: Tick | None = None,
    probes: Probes | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(query row, index row, cosine) for every hit ≥ radius, top :data:`MAX_CANDIDATES` per query.

    With ``self_search`` the query set is the indexed set: self hits are dropped and each
    unordered pair is returned once, as (smaller row, larger row), sorted. An index that
    scores approximately (scalar-quantised IVF) is searched a little wider and its hits
    re-scored exactly against ``indexed`` (the queries themselves in a self search).
    ``probes`` (a self search, from :func:`build_self_index`) are the queries' lists.
    """
    approximate = type(index).__name__ == "IndexIVFScalarQuantizer"
    reference = queries if indexed is None and self_search else indexed
    if approximate and reference is None:
        raise ValueError("an approximate index needs the indexed vectors to re-score its hits")
    search_radius = radius - APPROX_SLACK if approximate else radius
    qs: list[np.ndarray] = []
    xs: list[np.ndarray] = []
    ds: list[np.ndarray] = []
    n = len(queries)
    with faiss_threads():
        for start in range(0, n, QUERY_BLOCK):
            block = queries[start : start + QUERY_BLOCK]
            if probes is None:
                lims, dist, ids = index.range_search(block, float(search_radius))
            else:
                part = slice(start, start + len(block))
                lims, dist, ids = index.range_search_preassigned(
                    block, float(search_radius), probes.lists[part], probes.scores[part]
                )
            lims = lims.astype(np.int64)
            counts = np.diff(lims)
            rows = np.repeat(np.arange(start, start + len(block)), counts)
            ids = ids.astype(np.int64)
            if approximate and reference is not None:
                dist = np.einsum("ij,ij->i", queries[rows], reference[ids])
                dist[dist < radius] = -1.0  # ranked last, dropped below
            if len(ids) and counts.max() > MAX_CANDIDATES:
                keep = _top_per_query(lims, dist, MAX_CANDIDATES + (1 if self_search else 0))
                rows, dist, ids = rows[keep], dist[keep], ids[keep]
            if approximate:
                within = dist >= radius
                rows, dist, ids = rows[within], dist[within], ids[within]
            if self_search:
                mask = ids != rows
                rows, dist, ids = rows[mask], dist[mask], ids[mask]
                rows, ids = np.minimum(rows, ids), np.maximum(rows, ids)
            qs.append(rows)
            xs.append(ids)
            ds.append(dist.astype(np.float32))
            if report:
                report(start + len(block), n)
    if not qs:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    a, b, d = np.concatenate(qs), np.concatenate(xs), np.concatenate(ds)
    if self_search:
        # IVF is not symmetric: x's probed lists may miss y while y's find x, so both
        # directions are kept and each unordered pair once.
        _, first = np.unique(a * n + b, return_index=True)
        a, b, d = a[first], b[first], d[first]
    return a, b, d


def _top_per_query(lims: np.ndarray, dist: np.ndarray, k: int) -> np.ndarray:
    """Hits to keep: all of a query's up to ``k``, else its ``k`` best (only those are looped)."""
    counts = np.diff(lims)
    keep = np.repeat(counts <= k, counts)
    for q in np.flatnonzero(counts > k).tolist():
        lo, hi = int(lims[q]), int(lims[q + 1])
        top = np.argpartition(-dist[lo:hi], k - 1)[:k]
        keep[lo + top] = True
    return keep


Hits = tuple[np.ndarray, np.ndarray, np.ndarray]  # (query row, index row, cosine)
SearchFn = Callable[[Any, np.ndarray, float, "np.ndarray | None", "Tick | None"], Hits]


def search_here(
    index: Any, queries: np.ndarray, radius: float, indexed: np.ndarray | None, report: Tick | None
) -> Hits:
    """Queries against another set's index (:func:`range_pairs`, not a self search), here."""
    return range_pairs(index, queries, radius, self_search=False, indexed=indexed, report=report)


@dataclass(frozen=True, slots=True)
class MatchRun:
    """Where a match search (train/validation leakage) runs: its embedding batches
    (``encode``, None: here) and its query blocks against the reference index (``search``);
    :mod:`curation.dedup.parallel` builds the engine's."""

    encode: EncodeMap | None = None
    search: SearchFn = search_here
    where: str = "in this process"
