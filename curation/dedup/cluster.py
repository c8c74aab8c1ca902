"""Clusters from scored pairs: union-find at a threshold, the representative rule, run statistics."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from curation.dedup.results import Cluster, Pair
from curation.dedup.units import Item


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
