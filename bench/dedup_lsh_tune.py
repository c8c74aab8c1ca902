"""Tuning the lexical (MinHash/LSH) candidates on a generated corpus that is never scored.

Corpus: ``dedup_data.short_corpus(n, seed=11)`` (the scale benchmark scores seed 3).
For each band layout it prints how many candidate pairs the static-vector search and the
LSH bands propose and which share of the true pairs each finds, alone and together.

    python -m bench.dedup_lsh_tune --records 50000 --layouts 16x8,32x4,8x16
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from bench import dedup_data as dd
from curation.dedup import lexical
from curation.dedup.embedders import get_encoder
from curation.dedup.search import (
    CENTRED_RADIUS,
    ExchangeVectors,
    build_index,
    range_pairs,
    search_centre,
)
from curation.dedup.units import make_item


def _codes(a: np.ndarray, b: np.ndarray, n: int) -> set[int]:
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    return set((lo * n + hi).tolist())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--layouts", default="16x8,32x4")
    args = parser.parse_args(argv)
    records, truth = dd.short_corpus(args.records, seed=11)
    items = [make_item(r, order=i) for i, r in enumerate(records)]
    n = len(items)
    true = {a * n + b for a, b in dd.pairs_of(truth)}
    which = list(range(n))
    started = time.perf_counter()
    vectors = ExchangeVectors(get_encoder("static"))
    vectors.ensure([t for it in items for t in it.exchanges])
    centre = search_centre(vectors, n)
    rec = vectors.records(items, which, centre)
    index, _ = build_index(rec)
    qa, qb, _ = range_pairs(index, rec, CENTRED_RADIUS, self_search=True)
    vec = _codes(qa, qb, n)
    out = {
        "records": n,
        "true_pairs": len(true),
        "vector_candidates": len(vec),
        "vector_recall": round(len(vec & true) / len(true), 4),
        "vector_seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(out), flush=True)
    for layout in args.layouts.split(","):
        bands, rows = (int(x) for x in layout.split("x"))
        lexical.NUM_PERM = bands * rows
        started = time.perf_counter()
        sig = lexical.signatures([lexical.record_text(it) for it in items])
        a, b = lexical.band_pairs(sig, bands)
        lsh = _codes(a, b, n)
        print(
            json.dumps(
                {
                    "layout": layout,
                    "lsh_candidates": len(lsh),
                    "lsh_recall": round(len(lsh & true) / len(true), 4),
                    "union_recall": round(len((lsh | vec) & true) / len(true), 4),
                    "lsh_only_true": len((lsh - vec) & true),
                    "lsh_only_candidates": len(lsh - vec),
                    "lsh_seconds": round(time.perf_counter() - started, 1),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
