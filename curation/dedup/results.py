"""What the dedup pipeline returns: scored pairs, clusters, cross-set matches (plain data).

Indices in these results are positions in the item lists the pipeline was given; the
workspace layer (:mod:`curation.dedup.runs`) maps them to record ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from curation.dedup.settings import Settings


@dataclass(frozen=True, slots=True)
class Pair:
    """Two items (positions) and their aligned similarity."""

    a: int
    b: int
    similarity: float
    kind: str  # "exact" or "semantic"
    verified: bool


@dataclass(frozen=True, slots=True)
class Cluster:
    """Items joined at the threshold, with the one the representative rule keeps."""

    members: list[int]  # item indices, ascending
    representative: int
    similarity: dict[int, float]  # member → similarity to the cluster (1.0 for the representative)
    max_similarity: float
    min_similarity: float


@dataclass(frozen=True, slots=True)
class DedupResult:
    """A dedup of one item list: the pairs kept for re-thresholding, the clusters, and the
    run's statistics (stored with a run as they are)."""

    settings: Settings
    pairs: list[Pair]
    clusters: list[Cluster]
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def dropped(self) -> set[int]:
        return {m for c in self.clusters for m in c.members if m != c.representative}


@dataclass(frozen=True, slots=True)
class Match:
    """A query item's most similar reference item (leakage)."""

    query: int  # index into the query items (e.g. validation)
    reference: int  # index into the reference items (e.g. train)
    similarity: float
    kind: str
