"""Train/validation assignment that never splits a group, reproducible from a seed.

A *group* is what must stay together: a record with all its rows, every record of one
duplicate cluster of the dedup run, and (for rows built from a prompt) every record
with exactly the same prompt. Only group codes, sizes and strata are needed, so the
assignment costs a few bytes per record however large the records are.

Groups are ordered by a seeded 64-bit hash of their code (splitmix64), not by a
shuffle: the order of two groups does not depend on which other groups exist, so
adding records to a dataset moves few existing groups between splits. Walking that
order, a group joins the validation split while it fits under the target
(``round(ratio × rows)`` per stratum), so the validation share is exact whenever
groups are small and as close as the group sizes allow otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from curation.errors import InputError

TRAIN = 0
VALIDATION = 1
SPLIT_NAMES = ("train", "validation")

# Group codes: a record id, a dedup cluster or a prompt hash, kept apart by the top bits.
CODE_BITS = 60
CODE_MASK = (1 << CODE_BITS) - 1
CLUSTER_TAG = 1 << CODE_BITS
PROMPT_TAG = 2 << CODE_BITS


def record_code(record_id: int) -> int:
    return record_id & CODE_MASK


def cluster_code(cluster_id: int) -> int:
    return CLUSTER_TAG | (cluster_id & CODE_MASK)


def prompt_code(digest: int) -> int:
    return PROMPT_TAG | (digest & CODE_MASK)


def splitmix64(values: np.ndarray, seed: int) -> np.ndarray:
    """A well-mixed 64-bit hash of each value, keyed by ``seed`` (same on every platform)."""
    with np.errstate(over="ignore"):
        z = values.astype(np.uint64) ^ np.uint64((seed * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
        z = z + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


@dataclass(slots=True)
class SplitPlan:
    """Per record (aligned with the input arrays): 0 train, 1 validation; plus what it did."""

    split: np.ndarray
    groups: int
    validation_groups: int
    target: int
    validation_rows: int
    train_rows: int


def assign_splits(
    group: np.ndarray,
    rows: np.ndarray,
    ratio: float,
    seed: int,
    stratum: np.ndarray | None = None,
) -> SplitPlan:
    """Assign each record (one entry per record) to train or validation, whole groups at a time.

    ``group`` holds each record's group code, ``rows`` how many output rows the record
    gives, ``stratum`` an optional stratum per record (a group takes the stratum of its
    first record). ``ratio`` is the validation share of rows.
    """
    n = int(group.size)
    if not 0 <= ratio < 1:
        raise InputError(f"the validation split is a share in [0, 1), got {ratio!r}")
    split = np.zeros(n, dtype=np.uint8)
    total = int(rows.sum()) if n else 0
    if n == 0 or ratio == 0:
        return SplitPlan(split, len(np.unique(group)) if n else 0, 0, 0, 0, total)
    codes, first, inverse = np.unique(group, return_index=True, return_inverse=True)
    sizes = np.bincount(inverse, weights=rows, minlength=codes.size).astype(np.int64)
    strata = (
        stratum[first].astype(np.int64) if stratum is not None else np.zeros(codes.size, np.int64)
    )
    keys = splitmix64(codes.astype(np.int64).view(np.uint64), seed)
    order = np.lexsort((codes, keys, strata))  # by stratum, then hash, then code (ties)
    in_validation = np.zeros(codes.size, dtype=bool)
    target_total = 0
    sorted_strata = strata[order]
    bounds = np.flatnonzero(np.diff(sorted_strata)) + 1
    for part in np.split(order, bounds):
        part_rows = int(sizes[part].sum())
        target = round(ratio * part_rows)
        if stratum is None and target == 0 and part_rows >= 2:
            target = 1  # a requested split is never silently empty
        target_total += target
        _fill(part, sizes, target, in_validation)
    split[in_validation[inverse]] = VALIDATION
    validation_rows = int(sizes[in_validation].sum())
    return SplitPlan(
        split=split,
        groups=int(codes.size),
        validation_groups=int(in_validation.sum()),
        target=target_total,
        validation_rows=validation_rows,
        train_rows=total - validation_rows,
    )


def _fill(part: np.ndarray, sizes: np.ndarray, target: int, chosen: np.ndarray) -> None:
    """Greedy in hash order: a group goes to validation while it fits under the target."""
    if target <= 0:
        return
    part_sizes = sizes[part]
    cumulative = np.cumsum(part_sizes)
    # Fast path: the prefix that fits whole (all of it when every group has one row).
    fits = int(np.searchsorted(cumulative, target, side="right"))
    chosen[part[:fits]] = True
    filled = int(cumulative[fits - 1]) if fits else 0
    for index, size in zip(part[fits:].tolist(), part_sizes[fits:].tolist(), strict=True):
        if filled >= target:
            break
        if filled + size <= target:
            chosen[index] = True
            filled += size


class UnionFind:
    """Union-find over group codes (only codes that were ever joined are stored)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, code: int) -> int:
        parent = self.parent
        root = code
        while parent.get(root, root) != root:
            root = parent[root]
        while code != root:  # path compression
            following = parent[code]
            parent[code] = root
            code = following
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = (ra, rb) if ra < rb else (rb, ra)
            self.parent[high] = low
