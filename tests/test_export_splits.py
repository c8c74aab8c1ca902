"""The split assignment: exact shares, groups never split, stratified, reproducible, stable."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curation.errors import InputError
from curation.export.splits import (
    VALIDATION,
    UnionFind,
    assign_splits,
    cluster_code,
    prompt_code,
    record_code,
    splitmix64,
)


def test_singletons_give_the_exact_share() -> None:
    group = np.arange(1, 1001, dtype=np.int64)
    plan = assign_splits(group, np.ones(1000, dtype=np.int64), 0.1, seed=42)
    assert plan.validation_rows == 100 and plan.train_rows == 900
    assert int((plan.split == VALIDATION).sum()) == 100
    assert plan.groups == 1000 and plan.validation_groups == 100


def test_rows_per_record_count_not_records() -> None:
    # 10 records giving 10 rows each: 10 % of rows is one record's worth
    plan = assign_splits(np.arange(10, dtype=np.int64), np.full(10, 10), 0.1, seed=1)
    assert plan.validation_rows == 10
    assert int((plan.split == VALIDATION).sum()) == 1


def test_a_group_never_spans_both_splits() -> None:
    rng = np.random.default_rng(0)
    group = rng.integers(0, 300, size=2000).astype(np.int64)  # 2000 records in ~300 groups
    plan = assign_splits(group, np.ones(2000, dtype=np.int64), 0.2, seed=7)
    for code in np.unique(group):
        assert len(set(plan.split[group == code].tolist())) == 1
    # as close to 20 % as whole groups allow
    assert abs(plan.validation_rows - 400) <= int(np.bincount(group).max())


def test_a_big_group_is_skipped_and_smaller_ones_fill_the_target() -> None:
    group = np.array([1] * 50 + list(range(2, 52)), dtype=np.int64)
    plan = assign_splits(group, np.ones(100, dtype=np.int64), 0.1, seed=3)
    assert plan.validation_rows == 10
    assert set(plan.split[:50].tolist()) == {0}


def test_same_seed_same_split_and_another_seed_differs() -> None:
    group = np.arange(500, dtype=np.int64)
    rows = np.ones(500, dtype=np.int64)
    a = assign_splits(group, rows, 0.1, seed=42).split
    b = assign_splits(group, rows, 0.1, seed=42).split
    c = assign_splits(group, rows, 0.1, seed=43).split
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_adding_records_moves_few_existing_ones() -> None:
    rows = np.ones(1000, dtype=np.int64)
    before = assign_splits(np.arange(1000, dtype=np.int64), rows, 0.1, seed=5).split
    grown = assign_splits(np.arange(1100, dtype=np.int64), np.ones(1100, np.int64), 0.1, 5).split
    moved = int((before != grown[:1000]).sum())
    assert moved <= 30  # a shuffle would move ~180 of them


def test_stratified_share_holds_in_every_stratum() -> None:
    group = np.arange(1000, dtype=np.int64)
    stratum = np.array([0] * 900 + [1] * 100, dtype=np.int64)
    plan = assign_splits(group, np.ones(1000, dtype=np.int64), 0.1, seed=9, stratum=stratum)
    assert int((plan.split[:900] == VALIDATION).sum()) == 90
    assert int((plan.split[900:] == VALIDATION).sum()) == 10


def test_zero_ratio_and_bad_ratio() -> None:
    plan = assign_splits(np.arange(5, dtype=np.int64), np.ones(5, np.int64), 0.0, seed=1)
    assert plan.validation_rows == 0 and not plan.split.any()
    with pytest.raises(InputError, match=r"\[0, 1\)"):
        assign_splits(np.arange(5, dtype=np.int64), np.ones(5, np.int64), 1.0, seed=1)


def test_a_small_request_is_never_silently_empty() -> None:
    plan = assign_splits(np.arange(4, dtype=np.int64), np.ones(4, np.int64), 0.1, seed=1)
    assert plan.validation_rows == 1


def test_codes_do_not_collide_and_hash_is_stable() -> None:
    assert len({record_code(5), cluster_code(5), prompt_code(5)}) == 3
    values = np.array([1, 2, 3], dtype=np.uint64)
    assert np.array_equal(splitmix64(values, 42), splitmix64(values, 42))
    assert splitmix64(np.array([0], dtype=np.uint64), 0)[0] != 0


def test_union_find_joins_transitively() -> None:
    uf = UnionFind()
    uf.union(10, 20)
    uf.union(20, 30)
    uf.union(40, 50)
    assert uf.find(30) == uf.find(10) == 10
    assert uf.find(50) == 40
    assert uf.find(99) == 99


@settings(max_examples=60, deadline=None)
@given(
    groups=st.lists(st.integers(0, 40), min_size=1, max_size=200),
    ratio=st.floats(0.0, 0.9),
    seed=st.integers(0, 2**31),
)
def test_property_groups_whole_and_share_close(groups: list[int], ratio: float, seed: int) -> None:
    group = np.asarray(groups, dtype=np.int64)
    plan = assign_splits(group, np.ones(group.size, dtype=np.int64), ratio, seed)
    for code in set(groups):
        assert len(set(plan.split[group == code].tolist())) == 1
    assert plan.validation_rows + plan.train_rows == group.size
    assert plan.validation_rows <= max(plan.target, 0)
