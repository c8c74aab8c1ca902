"""Calibrate the dedup thresholds: score every candidate pair with static and MiniLM, sweep.

Uses the benchmark corpora with *other seeds* than the benchmark: (a) HH-RLHF dialogues
with 800 planted variants, (b) long conversations built from HH-RLHF exchanges. For
every candidate pair (centred record-vector search, as the pipeline does) it computes
the exchange-aligned similarity with static and with MiniLM vectors, then prints the
similarity of true and false pairs and pairwise precision/recall/F1 per threshold for
``static``, ``minilm`` and the cascade (static band LO…HI, MiniLM in between).
Direct pairs only: duplicates that union-find would add transitively are not counted,
so recall here is a lower bound.

    python -m bench.dedup_calibrate --long 20000            # both corpora
    python -m bench.dedup_calibrate --corpora a              # (a) only, a few minutes
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import numpy as np

from bench import dedup_data as dd
from curation.dedup import engine, search, verify
from curation.dedup.embedders import get_encoder
from curation.dedup.units import make_item


def score_pairs(records: list[Any], truth: list[list[int]]) -> dict[str, Any]:
    items = [make_item(r, order=i) for i, r in enumerate(records)]
    true_pairs = dd.pairs_of(truth)
    exact_pairs, semantic, _ = engine._exact_pairs(items)
    exact = {(min(p.a, p.b), max(p.a, p.b)) for p in exact_pairs}
    first = search.ExchangeVectors(get_encoder("static"))
    first.ensure([t for i in semantic for t in items[i].exchanges])
    centre = search.search_centre(first, len(semantic))
    rec = first.records(items, semantic, centre)
    index, _ = search.build_index(rec)
    radius = search.CENTRED_RADIUS if centre is not None else 0.6
    qa, qb, _ = search.range_pairs(index, rec, radius, self_search=True)
    sem = np.asarray(semantic)
    a, b = sem[qa], sem[qb]
    s_static = verify.aligned_scores(items, a, b, first)[0]
    second = search.ExchangeVectors(get_encoder("minilm"))
    loose = s_static >= 0.6
    second.ensure(
        [
            t
            for i in np.unique(np.concatenate([a[loose], b[loose]]))
            for t in items[int(i)].exchanges
        ]
    )
    s_minilm = np.zeros_like(s_static)
    s_minilm[loose] = verify.aligned_scores(items, a[loose], b[loose], second)[0]
    label = np.array([(min(x, y), max(x, y)) in true_pairs for x, y in zip(a, b, strict=True)])
    return {
        "label": label,
        "static": s_static,
        "minilm": s_minilm,
        "n_true": len(true_pairs),
        "n_exact_true": len(exact & true_pairs),
    }


def prf(pred: np.ndarray, scored: dict[str, Any]) -> dict[str, float]:
    label = scored["label"]
    tp = int((pred & label).sum()) + scored["n_exact_true"]
    fp = int((pred & ~label).sum())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / scored["n_true"] if scored["n_true"] else 1.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def sweep(scored: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    label = scored["label"]
    for name in ("static", "minilm"):
        s = scored[name]
        out[name] = {
            "true_quantiles_0_1_5_50": np.quantile(s[label], [0, 0.01, 0.05, 0.5]).round(3).tolist()
            if label.any()
            else [],
            "false_quantiles_50_99_999_100": np.quantile(s[~label], [0.5, 0.99, 0.999, 1])
            .round(3)
            .tolist()
            if (~label).any()
            else [],
            "by_threshold": {f"{t:.2f}": prf(s >= t, scored) for t in np.arange(0.84, 0.975, 0.01)},
        }
    s, ml = scored["static"], scored["minilm"]
    both = ml > 0  # pairs MiniLM scored (static ≥ 0.6)
    gap = s[both] - ml[both]
    # cascade_band assumes a pair's static score is not below its MiniLM score, so lowering
    # the band to a threshold under 0.90 misses nothing; these figures check that.
    out["static_minus_minilm"] = {
        "quantiles_1_5_50": np.quantile(gap, [0.01, 0.05, 0.5]).round(3).tolist()
        if both.any()
        else [],
        "true_pairs_with_static_below_minilm_by_0.02": int(((gap < -0.02) & label[both]).sum()),
        "true_pairs_scored": int((label & both).sum()),
    }
    cascade = {}
    for t in (0.86, 0.88, 0.90, 0.92):
        pred = (s >= verify.CASCADE_HI) | ((s >= verify.CASCADE_LO) & (ml >= t))
        cascade[f"{t:.2f}"] = prf(pred, scored)
    out["cascade"] = {
        "band": [verify.CASCADE_LO, verify.CASCADE_HI],
        "checked_by_minilm": int(((s >= verify.CASCADE_LO) & (s < verify.CASCADE_HI)).sum()),
        "candidates": len(s),
        "by_threshold": cascade,
    }
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--long", type=int, default=20_000, help="records in corpus (b)")
    parser.add_argument("--corpora", default="a,b", help="which corpora: a, b or a,b")
    args = parser.parse_args(argv)
    wanted = set(args.corpora.split(","))
    report = {}
    if "a" in wanted:
        report["a"] = sweep(score_pairs(*dd.hh_variants(800, seed=11)))
    if "b" in wanted:
        report["b"] = sweep(score_pairs(*dd.long_corpus(args.long, seed=12)))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
