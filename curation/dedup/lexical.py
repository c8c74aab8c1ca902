"""Lexical candidates: MinHash signatures of character shingles, banded into LSH buckets.

The vector search (:mod:`curation.dedup.search`) misses typo variants of short texts: a
misspelt word is a different token to the static model, so a two-typo variant of a
40-word exchange can fall outside the search radius (at 1M short conversations recall
was 0.88 for that reason). Characters barely move under a typo, so records sharing most
of their 5-character shingles are proposed as candidates too; like every candidate they
are then scored by the comparison rule (:mod:`curation.dedup.verify`), so this adds
recall, never a merge on its own.

Library: the signatures come from ``rensa`` (Rust MinHash), fed one flat buffer of
shingle hashes per chunk of records. Measured on 50,000 generated short conversations
(``bench/dedup_data.short_corpus``, seed 11, not the scored corpus) on the shared two-core
machine: rensa signed them in 9.9 s, ``datasketch``'s ``MinHash.bulk`` in 235 s, with the
same candidate recall (0.996 vs 0.998 of the true pairs at 32 bands × 4 rows); at 10⁶
records only rensa stays within the run's time budget. rensa's own LSH index takes one
Python object per record for its queries, so the bands are bucketed here over the
signature matrix with numpy (one sort per band).

Parameters (:data:`SHINGLE`, :data:`NUM_PERM`, :data:`BANDS`), tuned with
``bench/dedup_lsh_tune.py`` on the same seed-11 corpus: 5-character shingles of the
record's normalised exchanges; 100 permutations in 20 bands of 5 rows, so a pair is a
candidate with probability 1 − (1 − J⁵)²⁰: 1.0 at Jaccard 0.9 (a two-typo variant of a
300-character exchange), 0.995 at 0.75, 0.47 at 0.5. There the static-vector search found
93.4% of the 2,575 true pairs among 12,916 candidates; 20×5 bands added 1,092 candidates
and raised it to 99.7% (16×8: 147 more candidates, 99.1%; 32×4: 47,637 more, 99.7%). Within a bucket each record is paired with its :data:`BUCKET_WINDOW`
next members (in record order), so a bucket of thousands of records sharing boilerplate
costs linear, not quadratic, pairs; union-find still joins whatever the verified pairs
connect.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from curation.dedup.units import Item

SHINGLE = 5  # characters per shingle
NUM_PERM = 100
BANDS = 20  # of NUM_PERM // BANDS = 5 rows each
BUCKET_WINDOW = 8  # each bucket member is paired with this many following members
SEED = 0
CHUNK = 20_000  # records signed at once (bounds the shingle buffer and the Python lists)
_MIX = np.uint64(0x100000001B3)  # FNV-64 prime: polynomial hash of code points / band rows


def record_text(item: Item) -> str:
    return "\n".join(item.exchanges)


def shingle_hashes(texts: Sequence[str], k: int = SHINGLE) -> tuple[np.ndarray, np.ndarray]:
    """A flat ``uint64`` buffer of every text's k-character shingle hashes, and row offsets.

    Hashes are a polynomial of the Unicode code points (so a shingle is k characters, not
    k bytes); duplicates within a text are left in (MinHash ignores them).
    """
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    n = len(codes)
    if n < k:
        return np.zeros(0, np.uint64), np.zeros(len(texts) + 1, np.uint64)
    hashes = codes[: n - k + 1].astype(np.uint64)
    for j in range(1, k):
        hashes *= _MIX
        hashes += codes[j : n - k + 1 + j]
    valid = np.ones(len(hashes), dtype=bool)
    ends = np.cumsum(lens)
    for j in range(1, k):  # windows running over the end of their text
        cut = ends - j
        valid[cut[(cut >= 0) & (cut < len(hashes))]] = False
    windows = np.maximum(lens - k + 1, 0)
    offsets = np.zeros(len(texts) + 1, dtype=np.uint64)
    np.cumsum(windows, out=offsets[1:])
    return hashes[valid], offsets


def signatures(texts: Sequence[str]) -> np.ndarray:
    """``(len(texts), NUM_PERM)`` MinHash signatures (``uint32``) from rensa.

    Every text must hold at least :data:`SHINGLE` characters (an empty shingle set has no
    minimum; callers leave such texts out).
    """
    import rensa

    out = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    for start in range(0, len(texts), CHUNK):
        flat, offsets = shingle_hashes(texts[start : start + CHUNK])
        matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED)
        out[start : start + CHUNK] = np.asarray(matrix.to_rows(), dtype=np.uint32)
    return out


def band_pairs(sig: np.ndarray, bands: int = BANDS) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs ``(a, b)``, ``a < b``, sharing a whole band of their signatures (each once)."""
    n, perm = sig.shape
    rows = perm // bands
    found: list[np.ndarray] = []
    for band in range(bands):
        part = sig[:, band * rows : (band + 1) * rows].astype(np.uint64)
        key = np.full(n, np.uint64(band), dtype=np.uint64)
        for col in range(rows):
            key *= _MIX
            key += part[:, col]
        order = np.lexsort((np.arange(n), key))  # by bucket, then by row (deterministic)
        sorted_key = key[order]
        for step in range(1, BUCKET_WINDOW + 1):
            same = sorted_key[step:] == sorted_key[:-step]
            if not same.any():
                break
            a, b = order[:-step][same], order[step:][same]
            found.append(np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b))
    if not found:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    codes = np.unique(np.concatenate(found))
    return codes // n, codes % n


def lexical_pairs(items: Sequence[Item], which: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs among ``items[which]`` as positions in ``which`` (``a < b``).

    Records with fewer than :data:`SHINGLE` characters of text have no shingle and are
    left to the exact and vector stages.
    """
    texts = [record_text(items[i]) for i in which]
    usable = np.asarray([k for k, t in enumerate(texts) if len(t) >= SHINGLE], dtype=np.int64)
    if len(usable) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    sig = signatures([texts[k] for k in usable])
    a, b = band_pairs(sig)
    return usable[a], usable[b]
