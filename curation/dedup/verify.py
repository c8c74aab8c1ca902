"""Verification of candidate pairs: exchange alignment and the cascade's MiniLM check.

Two records score the best order-preserving one-to-one alignment of their exchanges
(:func:`~curation.dedup.scoring.align_score`, scored in batches by
:mod:`curation.dedup.scoring`); in the cascade, pairs whose static
score is doubtful are re-scored with the accurate model within a budget
(:func:`cascade_verify`). The measurements behind the band are in :mod:`curation.dedup`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from curation.dedup.embedders import Encoder
from curation.dedup.scoring import batch_scores
from curation.dedup.search import ExchangeVectors
from curation.dedup.settings import Settings, Tick
from curation.dedup.units import Item

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
STATIC_MARGIN = 0.04  # static mode's calibrated threshold over the cascade's (0.94 vs 0.90)
# Texts per call to the accurate model. The check's few thousand texts in the embed
# stage's batches of 4,096 left the engine's actors unevenly loaded: 10,000 texts made
# three batches, one actor encoding 5,904 of them while the other idled
# after 4,096. A multiple of MiniLM's own batch (64) keeps its model batches full; which
# texts share one (and their padding) changes, which moves vectors by float rounding only
# (clusters identical at 40k and 100k), though a pair exactly at the threshold could flip.
VERIFY_BATCH = 256


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


# ----------------------------------------------------------------------------- scoring


def aligned_scores(
    items: Sequence[Item],
    a: np.ndarray,
    b: np.ndarray,
    vectors: ExchangeVectors,
    b_items: Sequence[Item] | None = None,
    report: Tick | None = None,
    accurate: ExchangeVectors | None = None,
    *,
    lexical: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Exchange-aligned similarity of each pair (a[k], b[k]), and with ``lexical`` the same
    alignment over the characters alone (zeros otherwise).

    With ``accurate``, the exchanges it holds (those that differ between the two records)
    are compared with its vectors; an exchange found verbatim in both records scores 1
    with any model, so the accurate model is never asked about it. Scored in batches
    (:func:`~curation.dedup.scoring.batch_scores`), with the scores of one pair at a time.
    """
    scores, lexical_scores = batch_scores(items, a, b, vectors, b_items, report, accurate)
    if not lexical:
        lexical_scores[:] = 0.0
    return scores, lexical_scores


@dataclass(slots=True)
class CascadeVerdict:
    """What the cascade decided for each candidate pair (arrays aligned with the pairs)."""

    scores: np.ndarray  # the final score: MiniLM's where it checked the pair, else static
    verified: np.ndarray  # MiniLM scored the pair
    kept: np.ndarray  # the score is one to store (accepted outright, checked, or fallback)
    stats: dict[str, Any]


def cascade_verify(
    items: Sequence[Item],
    pairs: tuple[np.ndarray, np.ndarray],
    static: tuple[np.ndarray, np.ndarray],
    first: ExchangeVectors,
    verifier: Encoder,
    settings: Settings,
    *,
    b_items: Sequence[Item] | None = None,
    report: Tick | None = None,
) -> CascadeVerdict:
    """Accept, check with MiniLM, or fall back to the static score, pair by pair.

    ``pairs`` is ``(a, b)``: pair k joins ``items[a[k]]`` and ``b_items[b[k]]``. ``static`` is ``(scores, lexical)`` from :func:`aligned_scores` with ``lexical``. A pair at or
    above the band whose texts also agree lexically is accepted; a pair below the band is
    dropped; the rest are doubtful. MiniLM checks doubtful pairs, highest static plus
    lexical score first (:func:`check_order`), within the settings' budget of distinct
    exchanges. Doubtful pairs left over
    keep their static score where it reaches the static mode's calibrated cut and their
    texts agree lexically, and are dropped otherwise: past the budget the cascade errs
    towards keeping distinct records (on 1M short conversations, accepting every static
    score above the cut chained texts sharing a pasted URL into a cluster of 2,776).
    """
    assert settings.threshold is not None
    a, b = pairs
    scores, lexical = static
    lo, hi = cascade_band(settings.threshold)
    static_cut = min(hi, settings.threshold + STATIC_MARGIN)
    sure = (scores >= hi) & (lexical >= LEXICAL_SURE)
    doubtful = check_order(scores, lexical, np.flatnonzero((scores >= lo) & ~sure))
    chosen, texts = _within_budget(items, a, b, doubtful, settings.verify_budget, b_items)
    final = scores.copy()
    verified = np.zeros(len(a), dtype=bool)
    if len(chosen):
        second = ExchangeVectors(verifier, first.encode, VERIFY_BATCH)  # where the first ran
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


def check_order(scores: np.ndarray, lexical: np.ndarray, doubtful: np.ndarray) -> np.ndarray:
    """``doubtful`` in the order MiniLM checks them: highest static plus lexical score first
    (ties: the earlier pair).

    Static alone put first the pairs MiniLM least often accepts: on corpus (c) at 200k,
    36,331 doubtful pairs were checked and 142 accepted, every one with a lexical score of
    0.61 or more, while most pairs high in the static order were texts sharing a long run
    (lexical 0.3–0.55). Ranked by both, 1,000 exchanges found nearly all of them (recall
    0.9704 against 0.9707 with 10,000 in static order).
    """
    return doubtful[np.argsort(-(scores[doubtful] + lexical[doubtful]), kind="stable")]


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
