"""Candidate pairs scored in batches by the comparison rule, with the scores of one pair at a time.

:func:`curation.dedup.verify.aligned_scores` scored each pair in a Python loop (two small
matrix products, an Indel call per exchange pair, the alignment): about 150 µs a pair,
most of a million-record run's "search + scoring" stage. Here the pairs are grouped by
shape (exchange counts ``m × n``) and each group is scored with stacked arrays: the
cosines by one ``np.matmul`` over the stack (numpy runs the same BLAS call per pair as
``va @ vb.T`` does, so the cosines are bit-for-bit the same), the Indel ratios of every
exchange pair by one ``rapidfuzz.process.cpdist`` call (C++, on every core), the
alignment's dynamic programme vectorised across the group. Every step keeps the old
operation order in float32/float64, so the scores, and therefore the clusters, equal the
pair-by-pair ones (``tests/test_dedup_scoring.py`` compares them bit for bit).

Pairs whose exchanges are only partly in the accurate model's vectors (a verbatim shared
exchange was left out) go through :func:`pair_scores`, the one-pair rule, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from curation.dedup.search import ExchangeVectors
from curation.dedup.settings import Tick
from curation.dedup.units import Item

LEXICAL_MAX_CHARS = 4000  # longer exchanges are compared by embedding only
CHUNK_PAIRS = 65_536  # pairs per batch (progress is reported once a batch)
STACK_ROWS = 65_536  # exchange vectors gathered at once within a shape group
PARALLEL_CELLS = 4096  # character comparisons worth starting rapidfuzz's threads for


# ----------------------------------------------------------------------------- one pair


def align_score(sim: np.ndarray) -> float:
    """Best order-preserving one-to-one alignment of two exchange lists, over max(m, n).

    ``sim[i, j]`` is the cosine of exchange i of one record and j of the other. Each
    exchange matches at most one exchange of the other record and the matches keep the
    conversation order; unmatched exchanges count 0. Two records sharing one of three
    exchanges score about 1/3 + what the rest share, never 1.
    """
    m, n = sim.shape
    if m == 0 or n == 0:
        return 0.0
    if m == 1 and n == 1:
        return float(max(0.0, sim[0, 0]))
    gain = np.maximum(sim, 0.0).astype(np.float64)
    if m == n and bool(np.all(np.diag(gain) >= gain.max(axis=1) - 1e-9)):
        return float(np.trace(gain) / m)  # the diagonal is already the best alignment
    prev = np.zeros(n + 1)
    for i in range(m):
        cur = np.zeros(n + 1)
        row = gain[i]
        for j in range(n):
            best = prev[j] + row[j]
            if prev[j + 1] > best:
                best = prev[j + 1]
            if cur[j] > best:
                best = cur[j]
            cur[j + 1] = best
        prev = cur
    return float(prev[n] / max(m, n))


def exchange_matrices(
    ea: Sequence[str], eb: Sequence[str], va: np.ndarray, vb: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``(similarity, lexical)`` of every exchange of one record to every exchange of the other.

    The similarity is the larger of two measures: the cosine of the embeddings (meaning
    survives rewording and synonyms) and the Indel ratio of the normalised texts
    (spelling: a typo or a trimmed sentence moves the embedding of a short text a lot,
    its characters little). ``lexical`` is the Indel ratio alone; exchanges too long to
    compare by character take their cosine there.
    """
    cos = va @ vb.T
    lex = cos.copy()
    for i, x in enumerate(ea):
        if len(x) > LEXICAL_MAX_CHARS:
            continue
        for j, y in enumerate(eb):
            if len(y) <= LEXICAL_MAX_CHARS:
                lex[i, j] = 1.0 if x == y else Indel.normalized_similarity(x, y)
    return np.maximum(cos, lex), lex


def pair_scores(
    ea: Sequence[str],
    eb: Sequence[str],
    vectors: ExchangeVectors,
    accurate: ExchangeVectors | None = None,
) -> tuple[float, float]:
    """``(aligned similarity, aligned lexical similarity)`` of one pair of records.

    With ``accurate``, the exchanges it holds are compared with its vectors (see
    :func:`batch_scores`).
    """
    idx, vecs = vectors.index, vectors.vectors
    sim, lex = exchange_matrices(ea, eb, vecs[[idx[t] for t in ea]], vecs[[idx[t] for t in eb]])
    if accurate is not None:
        ia = [i for i, t in enumerate(ea) if t in accurate.index]
        ib = [j for j, t in enumerate(eb) if t in accurate.index]
        if ia and ib:
            xa = [ea[i] for i in ia]
            xb = [eb[j] for j in ib]
            sim[np.ix_(ia, ib)] = exchange_matrices(xa, xb, accurate.of(xa), accurate.of(xb))[0]
    return align_score(sim), align_score(lex)


# ----------------------------------------------------------------------------- many pairs


@dataclass(slots=True)
class _Side:
    """The exchanges of the items one side of the pairs uses, flattened."""

    used: np.ndarray  # item positions, ascending
    start: np.ndarray  # each used item's first exchange in ``texts``
    count: np.ndarray  # and its number of exchanges
    texts: list[str]
    lengths: np.ndarray
    rows: np.ndarray  # each exchange's row in the (candidate) vectors
    accurate: np.ndarray | None  # each exchange's row in the accurate vectors, -1: none

    @classmethod
    def of(
        cls,
        items: Sequence[Item],
        used: np.ndarray,
        vectors: ExchangeVectors,
        accurate: ExchangeVectors | None,
    ) -> _Side:
        texts: list[str] = []
        count = np.empty(len(used), dtype=np.int64)
        for k, i in enumerate(used.tolist()):
            exchanges = items[i].exchanges
            count[k] = len(exchanges)
            texts.extend(exchanges)
        start = np.cumsum(count) - count
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        index = vectors.index
        rows = np.fromiter((index[t] for t in texts), dtype=np.int64, count=len(texts))
        acc = None
        if accurate is not None:
            found = accurate.index.get
            acc = np.fromiter((found(t, -1) for t in texts), dtype=np.int64, count=len(texts))
        return cls(used, start, count, texts, lengths, rows, acc)


def batch_scores(
    items: Sequence[Item],
    a: np.ndarray,
    b: np.ndarray,
    vectors: ExchangeVectors,
    b_items: Sequence[Item] | None = None,
    report: Tick | None = None,
    accurate: ExchangeVectors | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``(aligned, lexical)`` float32 scores of each pair ``(items[a[k]], b_items[b[k]])``,
    equal to :func:`pair_scores` pair by pair (see the module)."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    out = np.zeros(len(a), dtype=np.float32)
    lexical = np.zeros(len(a), dtype=np.float32)
    if len(a) == 0:
        return out, lexical
    if b_items is None or b_items is items:
        side_a = side_b = _Side.of(items, np.union1d(a, b), vectors, accurate)
        b_items = items
    else:
        side_a = _Side.of(items, np.unique(a), vectors, accurate)
        side_b = _Side.of(b_items, np.unique(b), vectors, accurate)
    pa = np.searchsorted(side_a.used, a)
    pb = np.searchsorted(side_b.used, b)
    for lo in range(0, len(a), CHUNK_PAIRS):
        part = np.arange(lo, min(lo + CHUNK_PAIRS, len(a)))
        m, n = side_a.count[pa[part]], side_b.count[pb[part]]
        shapes, inverse = np.unique(m * (int(n.max()) + 1) + n, return_inverse=True)
        for s in range(len(shapes)):
            group = part[inverse == s]
            width = int(side_a.count[pa[group[0]]] + side_b.count[pb[group[0]]])
            step = max(1, STACK_ROWS // max(1, width))
            for g in range(0, len(group), step):
                sel = group[g : g + step]
                scores, lexical[sel], fallback = _score_group(
                    side_a, side_b, pa[sel], pb[sel], vectors, accurate
                )
                out[sel] = scores
                for k in sel[fallback].tolist():
                    ea, eb = items[int(a[k])].exchanges, b_items[int(b[k])].exchanges
                    out[k] = pair_scores(ea, eb, vectors, accurate)[0]
        if report:
            report(int(part[-1]) + 1, len(a))
    return out, lexical


def _score_group(
    side_a: _Side,
    side_b: _Side,
    pa: np.ndarray,
    pb: np.ndarray,
    vectors: ExchangeVectors,
    accurate: ExchangeVectors | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(aligned, lexical, left over)`` for pairs of one shape ``m × n`` (positions ``pa``
    and ``pb`` on their sides); the pairs left over (exchanges partly in the accurate
    vectors) are for :func:`pair_scores`, their aligned score here is not theirs."""
    m, n = int(side_a.count[pa[0]]), int(side_b.count[pb[0]])
    xa = side_a.start[pa][:, None] + np.arange(m)  # (G, m) flat exchange positions
    xb = side_b.start[pb][:, None] + np.arange(n)
    vecs = vectors.vectors
    # (G, m, d) @ (G, d, n): per pair the same BLAS call, on the same layouts, as va @ vb.T
    cos = np.matmul(vecs[side_a.rows[xa]], vecs[side_b.rows[xb]].transpose(0, 2, 1))
    short = (side_a.lengths[xa] <= LEXICAL_MAX_CHARS)[:, :, None] & (
        side_b.lengths[xb] <= LEXICAL_MAX_CHARS
    )[:, None, :]
    lex = cos.copy()
    if short.any():
        ca = np.broadcast_to(xa[:, :, None], short.shape)[short]
        cb = np.broadcast_to(xb[:, None, :], short.shape)[short]
        ratios = process.cpdist(
            [side_a.texts[i] for i in ca.tolist()],
            [side_b.texts[j] for j in cb.tolist()],
            scorer=Indel.normalized_similarity,
            dtype=np.float64,
            workers=-1 if len(ca) >= PARALLEL_CELLS else 1,
        )
        lex[short] = ratios.astype(np.float32)
    sim = np.maximum(cos, lex)
    fallback = np.zeros(len(pa), dtype=bool)
    if accurate is not None and side_a.accurate is not None and side_b.accurate is not None:
        in_a, in_b = side_a.accurate[xa] >= 0, side_b.accurate[xb] >= 0
        whole = in_a.all(axis=1) & in_b.all(axis=1)
        fallback = in_a.any(axis=1) & in_b.any(axis=1) & ~whole
        if whole.any():
            acc = accurate.vectors
            ra, rb = side_a.accurate[xa[whole]], side_b.accurate[xb[whole]]
            acc_cos = np.matmul(acc[ra], acc[rb].transpose(0, 2, 1))
            sim[whole] = np.maximum(acc_cos, np.where(short[whole], lex[whole], acc_cos))
    return _align_many(sim), _align_many(lex), fallback


def _align_many(sim: np.ndarray) -> np.ndarray:
    """:func:`align_score` of each matrix of a ``(G, m, n)`` stack, in the same float64 steps."""
    g, m, n = sim.shape
    if g == 0 or m == 0 or n == 0:
        return np.zeros(g)
    if m == 1 and n == 1:
        return np.maximum(sim[:, 0, 0], np.float32(0.0)).astype(np.float64)
    gain = np.maximum(sim, 0.0).astype(np.float64)
    out = np.empty(g)
    todo = np.ones(g, dtype=bool)
    if m == n:
        diag = np.diagonal(gain, axis1=1, axis2=2)
        todo = ~np.all(diag >= gain.max(axis=2) - 1e-9, axis=1)
        out[~todo] = np.trace(gain[~todo], axis1=1, axis2=2) / m
    if todo.any():
        rest = gain[todo]
        prev = np.zeros((len(rest), n + 1))
        for i in range(m):
            cur = np.zeros_like(prev)
            for j in range(n):
                best = np.maximum(prev[:, j] + rest[:, i, j], prev[:, j + 1])
                cur[:, j + 1] = np.maximum(best, cur[:, j])
            prev = cur
        out[todo] = prev[:, n] / max(m, n)
    return out
