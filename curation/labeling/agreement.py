"""Agreement between annotators: Krippendorff's α (ordinal) over the 5-point choice and
per criterion, and pairwise Cohen's κ. The statistics come from maintained libraries
(``krippendorff``, scikit-learn's ``cohen_kappa_score``); this module only arranges the data.
"Both bad" is not a point on the A/B axis, so α and κ treat it as a missing rating.
"""

from __future__ import annotations

import warnings
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from curation.labeling.campaigns import require_campaign
from curation.labeling.live import (
    LiveLabel,
    annotator_names,
    finite,
    live_labels,
)
from curation.labeling.result import Result
from curation.store import labeling_models as lm

CHOICE_DOMAIN: tuple[int, ...] = (-2, -1, 0, 1, 2)
RATING_DOMAIN: tuple[int, ...] = (1, 2, 3, 4, 5)
MIN_OVERLAP = 5
KAPPA_WEIGHTS = "linear"


@dataclass(frozen=True, slots=True)
class AlphaResult(Result):
    """Ordinal α; ``value`` is None (with ``reason``) when the data cannot give one."""

    value: float | None
    units: int
    pairable_units: int
    coders: int
    values: int
    missing_both_bad: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Agreement(Result):
    """α over the 5-point choice (units = tasks) and per criterion (units = task × side)."""

    overall: AlphaResult
    criteria: dict[str, AlphaResult] = field(default_factory=dict)


def ordinal_alpha(
    reliability: Sequence[Sequence[float | None]], domain: Sequence[int]
) -> float | None:
    """Krippendorff's α, ordinal level, for a coders × units matrix (None or NaN = missing).

    None when no unit has two ratings, or when every pairable rating is the same value
    (expected disagreement is 0, so α is 0/0).
    """
    import krippendorff

    data = np.array(
        [[np.nan if v is None else float(v) for v in row] for row in reliability], dtype=float
    )
    if data.ndim != 2 or data.size == 0 or not ((~np.isnan(data)).sum(axis=0) >= 2).any():
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        value = krippendorff.alpha(
            reliability_data=data, value_domain=list(domain), level_of_measurement="ordinal"
        )
    return finite(float(value))


def _alpha(
    cells: dict[tuple[str, Any], float], domain: Sequence[int], both_bad: int = 0
) -> AlphaResult:
    """``cells`` maps (coder, unit) to a rating."""
    coders = sorted({c for c, _ in cells})
    units = sorted({u for _, u in cells}, key=repr)
    per_unit = Counter(u for _, u in cells)
    pairable = [u for u in units if per_unit[u] >= 2]
    matrix = [[cells.get((c, u)) for u in units] for c in coders]
    value = ordinal_alpha(matrix, domain) if pairable else None
    reason = ""
    if not pairable:
        reason = "no item has ratings from two annotators yet"
    elif value is None:
        reason = "every rating on the shared items is the same value, so α is undefined"
    return AlphaResult(
        value=value,
        units=len(units),
        pairable_units=len(pairable),
        coders=len(coders),
        values=sum(per_unit[u] for u in pairable),
        missing_both_bad=both_bad,
        reason=reason,
    )


def krippendorff_alpha(session: Session, campaign_id: int) -> Agreement:
    campaign = require_campaign(session, campaign_id)
    return agreement_of(campaign, live_labels(session, campaign_id))


def agreement_of(campaign: lm.Campaign, labels: list[LiveLabel]) -> Agreement:
    choices: dict[tuple[str, Any], float] = {}
    both_bad = 0
    for label in labels:
        if label.scale_value is None:
            both_bad += 1
        else:
            choices[(label.annotator, label.task_id)] = label.scale_value
    per_criterion: dict[str, AlphaResult] = {}
    names = list(campaign.criteria) + sorted(
        {c for label in labels for c in label.criteria} - set(campaign.criteria)
    )
    for criterion in names:
        ratings: dict[tuple[str, Any], float] = {}
        for label in labels:
            sides = label.criteria.get(criterion) or {}
            for side in ("a", "b"):
                value = sides.get(side) if isinstance(sides, dict) else None
                if isinstance(value, int) and value in RATING_DOMAIN:
                    ratings[(label.annotator, (label.task_id, side))] = value
        per_criterion[criterion] = _alpha(ratings, RATING_DOMAIN)
    return Agreement(_alpha(choices, CHOICE_DOMAIN, both_bad), per_criterion)


# --------------------------------------------------------------------------- Cohen's κ


@dataclass(frozen=True, slots=True)
class KappaPair(Result):
    """κ between two annotators on the tasks both rated on the scale (both bad left out)."""

    a: str
    b: str
    overlap: int
    weighted: float | None
    unweighted: float | None


@dataclass(frozen=True, slots=True)
class KappaMatrix(Result):
    """Pairwise κ; ``weighted`` uses linear weights over −2…2, ``unweighted`` is plain κ."""

    annotators: list[str]
    pairs: list[KappaPair]
    min_overlap: int
    weights: str = KAPPA_WEIGHTS

    def matrix(self, which: str = "weighted") -> list[list[float | None]]:
        """A square matrix in ``annotators`` order; the diagonal is None (no information)."""
        if which not in ("weighted", "unweighted", "overlap"):
            raise ValueError(f"κ matrix is 'weighted', 'unweighted' or 'overlap', not {which!r}")
        index = {name: i for i, name in enumerate(self.annotators)}
        size = len(self.annotators)
        out: list[list[float | None]] = [[None] * size for _ in range(size)]
        for pair in self.pairs:
            value = getattr(pair, which)
            out[index[pair.a]][index[pair.b]] = value
            out[index[pair.b]][index[pair.a]] = value
        return out


def cohen_kappa(
    first: Sequence[int], second: Sequence[int], *, weights: str | None = KAPPA_WEIGHTS
) -> float | None:
    """Cohen's κ over the 5-point scale (labels fixed to −2…2 so linear weights use scale
    distance); None when undefined (e.g. both annotators used one and the same value)."""
    from sklearn.metrics import cohen_kappa_score

    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(
            list(first), list(second), labels=list(CHOICE_DOMAIN), weights=weights
        )
    return finite(float(value))


def pairwise_kappa(
    session: Session, campaign_id: int, *, min_overlap: int = MIN_OVERLAP
) -> KappaMatrix:
    require_campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    return kappa_of(annotator_names(session, campaign_id, labels), labels, min_overlap)


def kappa_of(names: list[str], labels: list[LiveLabel], min_overlap: int) -> KappaMatrix:
    rated: dict[str, dict[int, int]] = defaultdict(dict)
    for label in labels:
        if label.scale_value is not None:
            rated[label.annotator][label.task_id] = label.scale_value
    pairs: list[KappaPair] = []
    for a, b in combinations(names, 2):
        shared = sorted(set(rated[a]) & set(rated[b]))
        if len(shared) < max(1, min_overlap):
            pairs.append(KappaPair(a, b, len(shared), None, None))
            continue
        x = [rated[a][t] for t in shared]
        y = [rated[b][t] for t in shared]
        pairs.append(
            KappaPair(
                a,
                b,
                len(shared),
                cohen_kappa(x, y, weights=KAPPA_WEIGHTS),
                cohen_kappa(x, y, weights=None),
            )
        )
    return KappaMatrix(names, pairs, min_overlap)
