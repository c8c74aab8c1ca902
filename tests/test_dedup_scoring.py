"""Pairs scored in batches give, bit for bit, the scores of the one-pair rule."""

from __future__ import annotations

import random

import numpy as np
import pytest

from curation.dedup import align_score, make_item
from curation.dedup.embedders import normalize_rows
from curation.dedup.scoring import _align_many, batch_scores, pair_scores
from curation.dedup.search import ExchangeVectors
from curation.dedup.units import Item
from curation.dedup.verify import aligned_scores
from tests.helpers.dedup import FakeEncoder, chat

WORDS = [
    "billing",
    "card",
    "charge",
    "region",
    "cluster",
    "replica",
    "error",
    "limit",
    "invoice",
    "export",
    "pod",
    "image",
]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _typo(rng: random.Random, text: str) -> str:
    k = rng.randrange(len(text))
    return text[:k] + rng.choice("xyz") + text[k + 1 :]


def _corpus(seed: int = 5) -> list[Item]:
    """Records of 1–4 exchanges: copies, typo variants, shared and reordered exchanges, and
    exchanges over the 4,000-character limit of the character comparison."""
    rng = random.Random(seed)
    pool = [_text(rng, rng.randint(3, 30)) for _ in range(40)]
    pool += [_text(rng, 900) for _ in range(3)]  # > 4,000 characters
    records = []
    for _ in range(120):
        turns = [rng.choice(pool) for _ in range(2 * rng.randint(1, 4))]
        if rng.random() < 0.4:
            turns = [_typo(rng, t) if rng.random() < 0.5 else t for t in turns]
        if rng.random() < 0.2:
            turns = turns[2:] + turns[:2]
        records.append(make_item(chat(*turns), order=len(records)))
    return [r for r in records if r.exchanges]


def _all_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.triu_indices(n, k=1)
    return a.astype(np.int64), b.astype(np.int64)


def _vectors(items: list[Item], name: str, dim: int = 64) -> ExchangeVectors:
    vectors = ExchangeVectors(FakeEncoder(name, dim=dim))
    vectors.ensure([t for it in items for t in it.exchanges])
    return vectors


def test_batches_equal_the_one_pair_rule_bit_for_bit() -> None:
    items = _corpus()
    a, b = _all_pairs(len(items))
    vectors = _vectors(items, "static")
    scores, lexical = batch_scores(items, a, b, vectors)
    shapes = {(len(items[x].exchanges), len(items[y].exchanges)) for x, y in zip(a, b, strict=True)}
    assert len(shapes) >= 10  # many shapes, each a group of its own
    expected = [
        pair_scores(items[x].exchanges, items[y].exchanges, vectors)
        for x, y in zip(a, b, strict=True)
    ]
    want_scores = np.asarray([s for s, _ in expected], dtype=np.float32)
    want_lexical = np.asarray([lx for _, lx in expected], dtype=np.float32)
    assert scores.tobytes() == want_scores.tobytes()
    assert lexical.tobytes() == want_lexical.tobytes()
    assert (scores >= 0.9).sum() > 50  # the corpus has real near-duplicates
    assert (scores < 0.5).sum() > 50


def test_small_batches_and_other_item_lists_give_the_same_scores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = _corpus(seed=6)[:50]
    a, b = _all_pairs(len(items))
    vectors = _vectors(items, "static")
    whole = batch_scores(items, a, b, vectors)
    monkeypatch.setattr("curation.dedup.scoring.CHUNK_PAIRS", 97)
    monkeypatch.setattr("curation.dedup.scoring.STACK_ROWS", 7)
    ticks: list[tuple[int, int]] = []
    small = batch_scores(items, a, b, vectors, report=lambda d, t: ticks.append((d, t)))
    assert small[0].tobytes() == whole[0].tobytes()
    assert small[1].tobytes() == whole[1].tobytes()
    assert ticks[-1] == (len(a), len(a)) and len(ticks) == -(-len(a) // 97)
    # queries against another list (find_matches): the same scores as one list
    copies = [make_item(chat("x"), order=-1), *items]
    across = batch_scores(copies, a + 1, b, vectors, b_items=items)
    assert across[0].tobytes() == whole[0].tobytes()


def test_accurate_vectors_whole_partial_and_absent_equal_the_one_pair_rule() -> None:
    """The MiniLM check: exchanges in the accurate vectors are compared with them; pairs
    whose exchanges are only partly there take the one-pair path."""
    items = _corpus(seed=7)[:80]
    a, b = _all_pairs(len(items))
    first = _vectors(items, "static")
    texts = sorted({t for it in items for t in it.exchanges})
    accurate = ExchangeVectors(FakeEncoder("accurate", dim=32))
    accurate.ensure(texts[: len(texts) * 2 // 3])  # some records whole, some in part, some not
    scores, _ = aligned_scores(items, a, b, first, accurate=accurate)
    expected = np.asarray(
        [
            pair_scores(items[x].exchanges, items[y].exchanges, first, accurate)[0]
            for x, y in zip(a, b, strict=True)
        ],
        dtype=np.float32,
    )
    assert scores.tobytes() == expected.tobytes()
    static = aligned_scores(items, a, b, first)[0]
    assert (scores != static).sum() > 100  # the accurate vectors did change scores


def test_stacked_alignment_matches_align_score() -> None:
    rng = np.random.default_rng(3)
    for m, n in [(1, 1), (1, 3), (3, 1), (2, 2), (3, 3), (2, 5), (4, 4)]:
        stack = rng.uniform(-0.2, 1.0, size=(200, m, n)).astype(np.float32)
        stack[:50] = np.eye(m, n, dtype=np.float32) * 0.95  # diagonal shortcut
        got = _align_many(stack).astype(np.float32)
        want = np.asarray([align_score(s) for s in stack], dtype=np.float32)
        assert got.tobytes() == want.tobytes(), (m, n)


def test_aligned_scores_leaves_lexical_at_zero_unless_asked() -> None:
    items = _corpus(seed=8)[:20]
    a, b = _all_pairs(len(items))
    vectors = _vectors(items, "static")
    assert not aligned_scores(items, a, b, vectors)[1].any()
    assert aligned_scores(items, a, b, vectors, lexical=True)[1].any()
    empty = np.zeros(0, np.int64)
    scores, lexical = aligned_scores(items, empty, empty, vectors, lexical=True)
    assert scores.shape == lexical.shape == (0,)


def _records_by_add_at(
    vectors: ExchangeVectors, items: list[Item], centre: np.ndarray | None
) -> np.ndarray:
    """Record vectors as they were built before (np.add.at over every exchange row)."""
    owners = [k for k, it in enumerate(items) for _ in it.exchanges]
    rows = [vectors.index[t] for it in items for t in it.exchanges]
    vecs = vectors.vectors[rows]
    if centre is not None:
        vecs = normalize_rows(vecs - centre)
    out = np.zeros((len(items), vectors.vectors.shape[1]), dtype=np.float32)
    np.add.at(out, np.asarray(owners), vecs)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(out / norms)


@pytest.mark.parametrize("part_rows", [1, 3, 7, 100_000])
def test_record_vectors_equal_the_add_at_sums_bit_for_bit(
    monkeypatch: pytest.MonkeyPatch, part_rows: int
) -> None:
    """Summed by reduceat in parts that end at a record's end (a record longer than a part
    is taken whole): the same additions in the same order as np.add.at."""
    monkeypatch.setattr("curation.dedup.search.RECORD_ROWS", part_rows)
    items = _corpus(seed=9)
    vectors = _vectors(items, "static")
    which = list(range(len(items)))
    centre = vectors.vectors.mean(axis=0).astype(np.float32)
    for c in (None, centre):
        got = vectors.records(items, which, c)
        assert got.tobytes() == _records_by_add_at(vectors, items, c).tobytes()
    subset = which[::3]
    got = vectors.records(items, subset, centre)
    want = _records_by_add_at(vectors, [items[i] for i in subset], centre)
    assert got.tobytes() == want.tobytes()
