"""The dedup pipeline over prepared :class:`~curation.dedup.units.Item` lists (no store, no files).

exact groups → embed unique exchanges → record vectors → FAISS range search →
exchange alignment of each candidate pair (→ MiniLM check in the cascade) →
pairs above the floor → union-find at the threshold → clusters with a representative.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from rapidfuzz.distance import Indel

from curation.dedup.units import Item
from curation.embed import Encoder, faiss_threads, get_encoder, normalize_rows
from curation.errors import InputError

# ----------------------------------------------------------------------------- settings

MODES = ("cascade", "minilm", "static", "openai")
RULES = ("earliest", "longest", "best-scored")

# Calibrated defaults (see the package docstring for how): the threshold on the aligned
# exchange similarity of each mode's final embedder.
DEFAULT_THRESHOLDS: dict[str, float] = {
    "cascade": 0.90,
    "minilm": 0.90,
    "static": 0.94,
    "openai": 0.90,  # not calibrated (no endpoint here): MiniLM's value as a starting point
}
FLOOR_MARGIN = 0.10  # pairs stored down to threshold − this, for re-thresholding
# Cascade band on the static aligned similarity at the default threshold: below LO a pair
# is dropped, at or above HI it is accepted as it is, in between MiniLM decides. Another
# threshold moves the band with it (:func:`cascade_band`).
CASCADE_LO = 0.90
CASCADE_HI = 0.96
CASCADE_SURE_MARGIN = 0.02  # a static score must clear the threshold by this to skip MiniLM
# A pair is accepted on its static score alone only if its texts also agree character by
# character: mean-pooled static vectors of texts sharing a long run (a pasted URL, a
# boilerplate paragraph) sit at 0.98 while the rest differs. Measured on corpus (c) at
# 100k: true pairs above the band had a lexical score ≥ 0.85 in 99% of cases, the
# distinct pairs there at most 0.80. Pairs failing this go to MiniLM first.
LEXICAL_SURE = 0.85
# MiniLM reads ~60 short texts a second on two cores, so the cascade gives it at most this
# many distinct exchanges per run (≈ 3 minutes). Doubtful pairs are checked from the
# highest static score down; the rest are accepted, unverified, only where static vectors
# and characters both agree (static ≥ the static mode's calibrated threshold, see
# STATIC_MARGIN, and lexical ≥ LEXICAL_SURE), and dropped otherwise.
VERIFY_BUDGET = 10_000
STATIC_MARGIN = 0.04  # static mode's calibrated threshold over the cascade's (0.94 vs 0.90)
CANDIDATE_SLACK = 0.03  # record-vector radius below the lowest aligned score we keep
# Corpora of at least CENTER_MIN records search on centred record vectors (the corpus's mean
# exchange vector removed): mean-pooled text embeddings share a large common component, so
# raw cosines of unrelated long conversations sit at 0.85–0.95 and a range search returns
# nearly everything. Centred, unrelated records fall near 0 and true duplicates stay above
# CENTRED_RADIUS (measured: lowest true pair 0.62 on 20k long conversations).
CENTER_MIN = 1000
CENTRED_RADIUS = 0.5
MAX_CANDIDATES = 64  # per record, the most similar; a record with more is in a big group
FLAT_MAX = 20_000  # records; above, IVF (nlist ≈ 4√N, nprobe 16)
IVF_NPROBE = 16
APPROX_SLACK = 0.02  # an 8-bit IVF is searched this much wider, then re-scored exactly
QUERY_BLOCK = 8192
EMBED_BATCH = 4096

Progress = Callable[[str, float], None]
LOADING = "Loading the embedding model (the static model is distilled on first use: minutes)"


@dataclass(slots=True)
class Settings:
    """How to deduplicate. ``threshold``/``floor`` default from the embedder's calibration."""

    embedder: str = "cascade"
    threshold: float | None = None
    floor: float | None = None
    rule: str = "earliest"
    include_system: bool = False
    verify_budget: int = VERIFY_BUDGET

    def resolved(self) -> Settings:
        if self.embedder not in MODES:
            raise InputError(
                f"unknown embedder {self.embedder!r}; choose one of: {', '.join(MODES)}"
            )
        if self.rule not in RULES:
            raise InputError(
                f"unknown representative rule {self.rule!r}; choose one of: {', '.join(RULES)}"
            )
        threshold = DEFAULT_THRESHOLDS[self.embedder] if self.threshold is None else self.threshold
        if not 0.0 < threshold <= 1.0:
            raise InputError(f"threshold {threshold} is outside (0, 1]: use e.g. 0.9")
        floor = round(max(0.0, threshold - FLOOR_MARGIN), 4) if self.floor is None else self.floor
        if not 0.0 <= floor <= threshold:
            raise InputError(f"floor {floor} must lie between 0 and the threshold {threshold}")
        if self.verify_budget < 0:
            raise InputError(f"verify budget {self.verify_budget} must be 0 or more")
        return Settings(
            self.embedder, threshold, floor, self.rule, self.include_system, self.verify_budget
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "embedder": self.embedder,
            "threshold": self.threshold,
            "floor": self.floor,
            "rule": self.rule,
            "include_system": self.include_system,
            "verify_budget": self.verify_budget,
            "comparison": COMPARISON_RULE,
        }


COMPARISON_RULE = (
    "exchange alignment: a record is its exchanges (a user turn with the assistant/tool"
    " messages answering it; system prompts left out unless include_system). Two exchanges"
    " score the larger of the cosine of their embeddings and the character similarity"
    " (Indel ratio) of their normalised texts. Two records score the sum of their exchange"
    " scores under the best order-preserving one-to-one alignment, divided by the larger"
    " exchange count, so records sharing one exchange of three score about 1/3. Candidates"
    " come from a FAISS search on pooled record vectors and are all re-scored this way"
    " before they can merge. Exact duplicates (equal after case, whitespace and punctuation"
    " folding) score 1."
)


@dataclass(slots=True)
class Pair:
    a: int
    b: int
    similarity: float
    kind: str  # "exact" or "semantic"
    verified: bool


@dataclass(slots=True)
class Cluster:
    members: list[int]  # item indices, ascending
    representative: int
    similarity: dict[int, float]  # member → similarity to the cluster (1.0 for the representative)
    max_similarity: float
    min_similarity: float


@dataclass(slots=True)
class Encoders:
    """The encoders a mode uses; tests build one with fakes."""

    candidate: Encoder
    verifier: Encoder | None = None

    @classmethod
    def for_mode(cls, mode: str) -> Encoders:
        if mode == "cascade":
            return cls(get_encoder("static"), get_encoder("minilm"))
        return cls(get_encoder(mode))

    @property
    def name(self) -> str:
        if self.verifier is None:
            return self.candidate.name
        return f"cascade({self.candidate.name}→{self.verifier.name})"


@dataclass(slots=True)
class DedupResult:
    settings: Settings
    pairs: list[Pair]
    clusters: list[Cluster]
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def dropped(self) -> set[int]:
        return {m for c in self.clusters for m in c.members if m != c.representative}


def cascade_band(threshold: float) -> tuple[float, float]:
    """``(lo, hi)`` on the static aligned similarity for a cascade at ``threshold``.

    At the calibrated default (0.90) the band is 0.90…0.96. A lower threshold lowers ``lo``
    to it: a pair's static score mostly runs at or above its MiniLM score, so a pair the
    static model puts under the threshold mostly stays under it (measured on calibration
    corpus (a): 10 of 397 true pairs had a static score more than 0.02 under their MiniLM
    score, the 1st percentile of static − MiniLM was −0.026; such pairs right at a lowered
    threshold can be missed, ``minilm`` mode checks every candidate). A
    threshold above 0.94 raises ``hi`` to threshold + 0.02, so a pair is never accepted on
    a static score that barely clears it; above 0.98 every candidate goes to MiniLM.
    """
    lo = min(CASCADE_LO, threshold)
    hi = max(CASCADE_HI, threshold + CASCADE_SURE_MARGIN)
    return lo, hi


# ----------------------------------------------------------------------------- alignment


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


# ----------------------------------------------------------------------------- union-find


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def representative_key(item: Item, rule: str) -> tuple[float, ...]:
    """Smaller is better: the member with the smallest key represents its cluster."""
    if rule == "longest":
        return (-item.length, item.order)
    if rule == "best-scored":
        score = item.score
        return (0 if score is not None else 1, -(score or 0.0), item.order)
    return (item.order,)


def build_clusters(
    items: Sequence[Item], pairs: Sequence[Pair], threshold: float, rule: str
) -> list[Cluster]:
    """Union-find over the pairs at or above ``threshold``; clusters of two or more."""
    uf = UnionFind(len(items))
    kept = [p for p in pairs if p.kind == "exact" or p.similarity >= threshold]
    for p in kept:
        uf.union(p.a, p.b)
    groups: dict[int, list[int]] = {}
    for x in sorted({x for p in kept for x in (p.a, p.b)}):
        groups.setdefault(uf.find(x), []).append(x)
    links: dict[int, dict[int, float]] = {}
    for p in kept:
        links.setdefault(p.a, {})[p.b] = max(p.similarity, links.get(p.a, {}).get(p.b, 0.0))
        links.setdefault(p.b, {})[p.a] = max(p.similarity, links.get(p.b, {}).get(p.a, 0.0))
    clusters = []
    for members in groups.values():
        members.sort()
        if len(members) < 2:
            continue
        rep = min(members, key=lambda i: representative_key(items[i], rule))
        sims: dict[int, float] = {rep: 1.0}
        for m in members:
            if m == rep:
                continue
            own = links.get(m, {})
            sims[m] = round(own[rep] if rep in own else max(own.values()), 6)
        within = [s for m in members for o, s in links.get(m, {}).items() if o > m]
        clusters.append(Cluster(members, rep, sims, round(max(within), 6), round(min(within), 6)))
    clusters.sort(key=lambda c: min(c.members))
    return clusters


# ----------------------------------------------------------------------------- search


class _Reporter:
    """Maps stage-local fractions onto one 0…1 progress bar."""

    WEIGHTS: ClassVar[dict[str, float]] = {
        "exact": 0.02,
        "embed": 0.45,
        "search": 0.2,
        "verify": 0.28,
        "cluster": 0.05,
    }

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.base = 0.0
        self.timings: dict[str, float] = {}
        self._stage = ""
        self._start = time.perf_counter()

    def stage(self, name: str) -> None:
        now = time.perf_counter()
        if self._stage:
            self.timings[self._stage] = round(now - self._start, 3)
            self.base += self.WEIGHTS[self._stage]
        self._stage, self._start = name, now
        self.report(0.0)

    def report(self, fraction: float) -> None:
        if self.progress is not None:
            label = {
                "exact": "Finding exact duplicates",
                "embed": "Embedding exchanges",
                "search": "Searching for neighbours",
                "verify": "Checking candidates with the accurate model",
                "cluster": "Building clusters",
            }[self._stage]
            frac = self.base + self.WEIGHTS[self._stage] * min(max(fraction, 0.0), 1.0)
            self.progress(label, min(frac, 1.0))

    def part(self, start: float, end: float) -> Callable[[float], None]:
        """Report a sub-step's own 0…1 as ``start``…``end`` of the current stage."""
        return lambda fraction: self.report(start + (end - start) * fraction)

    def say(self, label: str) -> None:
        """Show ``label`` without moving the bar (e.g. while a model loads)."""
        if self.progress is not None:
            self.progress(label, min(self.base, 1.0))

    def done(self) -> None:
        self.timings[self._stage] = round(time.perf_counter() - self._start, 3)
        if self.progress is not None:
            self.progress("Done", 1.0)


class ExchangeVectors:
    """Unique exchange texts embedded once by one encoder (a cache shared across records)."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        self.index: dict[str, int] = {}
        self.vectors = np.zeros((0, 0), dtype=np.float32)

    def ensure(self, texts: Sequence[str], report: Callable[[float], None] | None = None) -> None:
        todo = [t for t in dict.fromkeys(texts) if t not in self.index]
        if not todo:
            return
        # Batches ordered by length keep padding low for transformer encoders; the result
        # is written into one preallocated array (no list of chunks to concatenate).
        todo.sort(key=len)
        new: np.ndarray | None = None
        for start in range(0, len(todo), EMBED_BATCH):
            batch = todo[start : start + EMBED_BATCH]
            vectors = np.asarray(self.encoder.encode(batch), dtype=np.float32)
            if vectors.shape[0] != len(batch):
                raise InputError(
                    f"the {self.encoder.name} encoder returned {vectors.shape[0]} vectors"
                    f" for {len(batch)} texts"
                )
            if new is None:
                new = np.empty((len(todo), vectors.shape[1]), dtype=np.float32)
            new[start : start + len(batch)] = vectors
            if report:
                report((start + len(batch)) / len(todo))
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
        for start in range(0, len(row_arr), EMBED_BATCH * 64):  # bounded temporaries
            part = slice(start, start + EMBED_BATCH * 64)
            vecs = self.vectors[row_arr[part]]
            if centre is not None:
                vecs = normalize_rows(vecs - centre)
            np.add.at(out, owner_arr[part], vecs)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return np.ascontiguousarray(out / norms)


def search_centre(vectors: ExchangeVectors, n_records: int) -> np.ndarray | None:
    """The mean unique-exchange vector to centre on, for corpora of CENTER_MIN records or more."""
    if n_records < CENTER_MIN or len(vectors.index) < CENTER_MIN // 2:
        return None
    return np.asarray(vectors.vectors.mean(axis=0), dtype=np.float32)


def build_index(vectors: np.ndarray) -> tuple[Any, str]:
    """``IndexFlatIP`` up to :data:`FLAT_MAX` vectors, IVF above (never HNSW).

    The IVF lists hold 8-bit scalar-quantised vectors: a quarter of the memory and about
    1.5× faster to scan than IVF-Flat, with the same candidates once :func:`range_pairs`
    re-scores the hits exactly (measured on corpus (c) at 100k).
    """
    with faiss_threads() as faiss:
        n, dim = vectors.shape
        if n <= FLAT_MAX:
            index = faiss.IndexFlatIP(dim)
            index.add(vectors)
            return index, "IndexFlatIP"
        nlist = max(16, int(4 * math.sqrt(n)))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(
            quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
        # 32 points per centroid and 10 k-means rounds: training stays a few seconds at
        # 10⁵ vectors and under a minute at 10⁶, and near-duplicates (cosine ≥ 0.5 after
        # centring) still land in the probed lists.
        index.cp.niter = 10
        rng = np.random.default_rng(0)
        sample = vectors[rng.choice(n, size=min(n, nlist * 32), replace=False)]
        index.train(sample)
        index.add(vectors)
        index.nprobe = IVF_NPROBE
        return index, f"IndexIVFScalarQuantizer(QT_8bit, nlist={nlist}, nprobe={IVF_NPROBE})"


def range_pairs(
    index: Any,
    queries: np.ndarray,
    radius: float,
    *,
    self_search: bool,
    indexed: np.ndarray | None = None,
    report: Callable[[float], None] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(query row, index row, cosine) for every hit ≥ radius, top :data:`MAX_CANDIDATES` per query.

    With ``self_search`` the query set is the indexed set: self hits are dropped and each
    unordered pair is returned once, as (smaller row, larger row), sorted. An index that
    scores approximately (scalar-quantised IVF) is searched a little wider and its hits
    re-scored exactly against ``indexed`` (the queries themselves in a self search).
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
            lims, dist, ids = index.range_search(block, float(search_radius))
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
                report(min(1.0, (start + len(block)) / max(n, 1)))
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
    keep = np.zeros(len(dist), dtype=bool)
    for q in range(len(lims) - 1):
        lo, hi = int(lims[q]), int(lims[q + 1])
        if hi - lo <= k:
            keep[lo:hi] = True
        else:
            top = np.argpartition(-dist[lo:hi], k - 1)[:k]
            keep[lo + top] = True
    return keep


LEXICAL_MAX_CHARS = 4000  # longer exchanges are compared by embedding only


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


def exchange_similarity(
    ea: Sequence[str], eb: Sequence[str], va: np.ndarray, vb: np.ndarray
) -> np.ndarray:
    """The similarity matrix of :func:`exchange_matrices`."""
    return exchange_matrices(ea, eb, va, vb)[0]


def aligned_scores(
    items: Sequence[Item],
    a: np.ndarray,
    b: np.ndarray,
    vectors: ExchangeVectors,
    b_items: Sequence[Item] | None = None,
    report: Callable[[float], None] | None = None,
    accurate: ExchangeVectors | None = None,
    *,
    lexical: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Exchange-aligned similarity of each pair (a[k], b[k]), and with ``lexical`` the same
    alignment over the characters alone (zeros otherwise).

    With ``accurate``, the exchanges it holds (those that differ between the two records)
    are compared with its vectors; an exchange found verbatim in both records scores 1
    with any model, so the accurate model is never asked about it.
    """
    b_items = items if b_items is None else b_items
    out = np.zeros(len(a), dtype=np.float32)
    lexical_scores = np.zeros(len(a), dtype=np.float32)
    step = max(1, len(a) // 50)
    idx = vectors.index
    vecs = vectors.vectors
    for k in range(len(a)):
        ea = items[int(a[k])].exchanges
        eb = b_items[int(b[k])].exchanges
        va = vecs[[idx[t] for t in ea]]
        vb = vecs[[idx[t] for t in eb]]
        sim, lex = exchange_matrices(ea, eb, va, vb)
        if accurate is not None:
            ia = [i for i, t in enumerate(ea) if t in accurate.index]
            ib = [j for j, t in enumerate(eb) if t in accurate.index]
            if ia and ib:
                xa = [ea[i] for i in ia]
                xb = [eb[j] for j in ib]
                sim[np.ix_(ia, ib)] = exchange_similarity(xa, xb, accurate.of(xa), accurate.of(xb))
        if lexical:
            lexical_scores[k] = align_score(lex)
        out[k] = align_score(sim)
        if report and k % step == 0:
            report(k / max(len(a), 1))
    return out, lexical_scores


@dataclass(slots=True)
class CascadeVerdict:
    """What the cascade decided for each candidate pair (arrays aligned with the pairs)."""

    scores: np.ndarray  # the final score: MiniLM's where it checked the pair, else static
    verified: np.ndarray  # MiniLM scored the pair
    kept: np.ndarray  # the score is one to store (accepted outright, checked, or fallback)
    stats: dict[str, Any]


def cascade_verify(
    items: Sequence[Item],
    a: np.ndarray,
    b: np.ndarray,
    static: tuple[np.ndarray, np.ndarray],
    first: ExchangeVectors,
    verifier: Encoder,
    settings: Settings,
    b_items: Sequence[Item] | None = None,
    report: Callable[[float], None] | None = None,
) -> CascadeVerdict:
    """Accept, check with MiniLM, or fall back to the static score, pair by pair.

    ``static`` is ``(scores, lexical)`` from :func:`aligned_scores` with ``lexical``. A pair at or
    above the band whose texts also agree lexically is accepted; a pair below the band is
    dropped; the rest are doubtful. MiniLM checks doubtful pairs, highest static score
    first, within the settings' budget of distinct exchanges. Doubtful pairs left over
    keep their static score where it reaches the static mode's calibrated cut and their
    texts agree lexically, and are dropped otherwise: past the budget the cascade errs
    towards keeping distinct records (on 1M short conversations, accepting every static
    score above the cut chained texts sharing a pasted URL into a cluster of 2,776).
    """
    assert settings.threshold is not None
    scores, lexical = static
    lo, hi = cascade_band(settings.threshold)
    static_cut = min(hi, settings.threshold + STATIC_MARGIN)
    sure = (scores >= hi) & (lexical >= LEXICAL_SURE)
    doubtful = np.flatnonzero((scores >= lo) & ~sure)
    doubtful = doubtful[np.argsort(-scores[doubtful], kind="stable")]
    chosen, texts = _within_budget(items, a, b, doubtful, settings.verify_budget, b_items)
    final = scores.copy()
    verified = np.zeros(len(a), dtype=bool)
    if len(chosen):
        second = ExchangeVectors(verifier)
        second.ensure(texts, report)
        final[chosen] = aligned_scores(
            items, a[chosen], b[chosen], first, b_items, accurate=second
        )[0]
        verified[chosen] = True
    fallback = np.zeros(len(a), dtype=bool)
    fallback[doubtful] = True
    fallback &= ~verified
    agreed = (scores >= static_cut) & (lexical >= LEXICAL_SURE)
    kept = sure | verified | (fallback & agreed)
    stats = {
        "cascade_band": [round(lo, 4), round(hi, 4)],
        "accepted_on_static": int(sure.sum()),
        "doubtful": len(doubtful),
        "verified": int(verified.sum()),
        "verified_exchanges": len(texts),
        "static_fallback": int(fallback.sum()),
        "static_fallback_cut": round(static_cut, 4),
    }
    return CascadeVerdict(final, verified, kept, stats)


def _within_budget(
    items: Sequence[Item],
    a: np.ndarray,
    b: np.ndarray,
    order: np.ndarray,
    budget: int,
    b_items: Sequence[Item] | None,
) -> tuple[np.ndarray, list[str]]:
    """Pairs taken in ``order`` while their differing exchanges fit in ``budget`` texts.

    An exchange found verbatim in both records of a pair scores 1 under any model, so only
    the others need MiniLM; texts already needed by an earlier pair cost nothing more.
    """
    b_items = items if b_items is None else b_items
    need: dict[str, None] = {}
    chosen: list[int] = []
    for k in order.tolist():
        ea, eb = items[int(a[k])].exchanges, b_items[int(b[k])].exchanges
        sa, sb = set(ea), set(eb)
        new = {t: None for t in ea if t not in sb and t not in need}
        new.update((t, None) for t in eb if t not in sa and t not in need)
        if len(need) + len(new) > budget:
            continue
        need.update(new)
        chosen.append(k)
    return np.asarray(sorted(chosen), dtype=np.int64), list(need)


# ----------------------------------------------------------------------------- pipeline


def find_duplicates(
    items: Sequence[Item],
    settings: Settings | None = None,
    *,
    encoders: Encoders | None = None,
    progress: Progress | None = None,
) -> DedupResult:
    """Deduplicate ``items`` (indices in the result refer to positions in ``items``)."""
    settings = (settings or Settings()).resolved()
    assert settings.threshold is not None and settings.floor is not None
    rep = _Reporter(progress)
    rep.stage("exact")
    pairs, semantic, stats = _exact_pairs(items)
    cascade = settings.embedder == "cascade"
    lo = cascade_band(settings.threshold)[0]
    lowest = min(settings.floor, lo) if cascade else settings.floor
    radius = max(0.0, lowest - CANDIDATE_SLACK)
    candidates = 0
    verified = 0
    if len(semantic) >= 2:
        rep.stage("embed")
        if encoders is None:
            rep.say(LOADING)
            encoders = Encoders.for_mode(settings.embedder)
        stats["embedder"] = encoders.name
        first = ExchangeVectors(encoders.candidate)
        texts = [t for i in semantic for t in items[i].exchanges]
        first.ensure(texts, rep.report)
        stats["unique_exchanges"] = len(first.index)
        rep.stage("search")
        centre = search_centre(first, len(semantic))
        if centre is not None:
            radius = CENTRED_RADIUS
        rec = first.records(items, semantic, centre)
        index, stats["index"] = build_index(rec)
        stats["centred"] = centre is not None
        qa, qb, _ = range_pairs(index, rec, radius, self_search=True, report=rep.report)
        del index
        sem = np.asarray(semantic, dtype=np.int64)
        a, b = sem[qa], sem[qb]
        candidates = len(a)
        rep.stage("verify")
        verifier = encoders.verifier if cascade else None
        static = aligned_scores(
            items, a, b, first, report=rep.part(0.0, 0.4 if verifier else 1.0), lexical=cascade
        )
        if verifier is not None:
            verdict = cascade_verify(
                items, a, b, static, first, verifier, settings, report=rep.part(0.4, 1.0)
            )
            stats.update(verdict.stats)
            verified = int(verdict.verified.sum())
            for k in np.flatnonzero(verdict.kept):
                score, checked = float(verdict.scores[k]), bool(verdict.verified[k])
                if not checked or score >= settings.floor:
                    pairs.append(Pair(int(a[k]), int(b[k]), score, "semantic", checked))
        else:
            scores = static[0]
            keep = np.flatnonzero(scores >= settings.floor)
            verified = len(keep)
            for k in keep:
                pairs.append(Pair(int(a[k]), int(b[k]), float(scores[k]), "semantic", True))
    else:
        stats["embedder"] = settings.embedder
    rep.stage("cluster")
    clusters = build_clusters(items, pairs, settings.threshold, settings.rule)
    rep.done()
    complete_from = max(settings.floor, lo) if cascade else settings.floor
    if stats.get("static_fallback"):
        complete_from = max(complete_from, stats["static_fallback_cut"])
    stats.update(
        candidates=candidates,
        verified=verified,
        candidate_radius=round(radius, 4),
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


NN_BINS = 100


def nn_histogram(n: int, pairs: Sequence[Pair], eligible: Sequence[int]) -> dict[str, Any]:
    """Counts of each record's best similarity in 100 bins over [0, 1]; records with no pair apart."""
    best = np.full(n, -1.0)
    for p in pairs:
        if p.similarity > best[p.a]:
            best[p.a] = p.similarity
        if p.similarity > best[p.b]:
            best[p.b] = p.similarity
    values = best[np.asarray(eligible, dtype=np.int64)] if len(eligible) else np.zeros(0)
    found = values[values >= 0]
    counts, _ = np.histogram(found, bins=NN_BINS, range=(0.0, 1.0))
    return {
        "bins": NN_BINS,
        "counts": counts.tolist(),
        "without_neighbour": int((values < 0).sum()),
    }


def cluster_stats(clusters: Sequence[Cluster]) -> dict[str, Any]:
    sizes = [len(c.members) for c in clusters]
    return {
        "clusters": len(clusters),
        "in_clusters": int(sum(sizes)),
        "duplicates": int(sum(sizes) - len(sizes)),
        "largest_cluster": max(sizes, default=0),
    }


# ----------------------------------------------------------------------------- cross sets


@dataclass(slots=True)
class Match:
    query: int  # index into the query items (e.g. validation)
    reference: int  # index into the reference items (e.g. train)
    similarity: float
    kind: str


def find_matches(
    reference: Sequence[Item],
    queries: Sequence[Item],
    settings: Settings | None = None,
    *,
    encoders: Encoders | None = None,
    progress: Progress | None = None,
) -> list[Match]:
    """For each query item, its most similar reference item at or above the threshold."""
    settings = (settings or Settings()).resolved()
    assert settings.threshold is not None
    rep = _Reporter(progress)
    rep.stage("exact")
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
            encoders = Encoders.for_mode(settings.embedder)
        cascade = encoders.verifier is not None
        lo = cascade_band(settings.threshold)[0]
        lowest = lo if cascade else settings.threshold
        rep.stage("embed")
        first = ExchangeVectors(encoders.candidate)
        first.ensure(
            [t for i in refs for t in reference[i].exchanges]
            + [t for q in todo for t in queries[q].exchanges],
            rep.report,
        )
        rep.stage("search")
        centre = search_centre(first, len(refs) + len(todo))
        radius = CENTRED_RADIUS if centre is not None else max(0.0, lowest - CANDIDATE_SLACK)
        ref_vecs = first.records(reference, refs, centre)
        q_vecs = first.records(queries, todo, centre)
        index, _ = build_index(ref_vecs)
        qi, ri, _ = range_pairs(index, q_vecs, radius, self_search=False, indexed=ref_vecs)
        qa = np.asarray(todo, dtype=np.int64)[qi]
        rb = np.asarray(refs, dtype=np.int64)[ri]
        rep.stage("verify")
        static = aligned_scores(
            queries, qa, rb, first, b_items=reference, report=rep.report, lexical=cascade
        )
        final = static[0]
        if cascade and encoders.verifier is not None:
            verdict = cascade_verify(
                queries, qa, rb, static, first, encoders.verifier, settings, b_items=reference
            )
            final = np.where(verdict.kept, verdict.scores, 0.0)
        for q, r, s in zip(qa, rb, final, strict=True):
            if s >= settings.threshold and (int(q) not in best or s > best[int(q)].similarity):
                best[int(q)] = Match(int(q), int(r), float(s), "semantic")
    rep.stage("cluster")
    rep.done()
    return [best[q] for q in sorted(best)]
