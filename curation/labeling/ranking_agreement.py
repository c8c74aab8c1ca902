"""Agreement between annotators on a ranking campaign.

- Krippendorff's α, ordinal, on ranks: a unit is one answer shown in one task, a coder is an
  annotator, the value the rank they gave it (an answer left unranked in a partial ranking
  takes the rank below the ranked ones; an "all bad" ranking gives no value). Computed by
  the ``krippendorff`` package through :func:`curation.labeling.agreement.ordinal_alpha`.
- Kendall's τ-b (scipy, which handles ties) between two annotators' rankings of the same
  task, averaged over every task and pair of annotators who both ranked it; a pair whose
  ranks are all tied on one side has no τ and is left out.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from sqlalchemy.orm import Session

from curation.labeling.agreement import ordinal_alpha
from curation.labeling.ranking import MAX_SHOWN, Ranking, live_rankings
from curation.labeling.result import Result

RANK_DOMAIN = tuple(range(1, MAX_SHOWN + 2))  # ranks 1..5 and "below the ranked ones"


@dataclass(frozen=True, slots=True)
class PairTau(Result):
    """Mean τ between two annotators over the tasks both ranked."""

    annotators: tuple[str, str]
    tasks: int
    tau: float


@dataclass(frozen=True, slots=True)
class RankingAgreement(Result):
    tasks: int  # tasks with rankings from two or more annotators
    alpha: float | None  # Krippendorff's α, ordinal, on ranks; None when undefined
    tau: float | None  # mean Kendall's τ-b over (task, annotator pair)
    tau_comparisons: int
    pairs: list[PairTau] = field(default_factory=list)
    reason: str = ""


def rank_alpha(rankings: dict[int, list[Ranking]]) -> float | None:
    """Krippendorff's α (ordinal) on the ranks of the given tasks' rankings."""
    coders = sorted({r.annotator for rs in rankings.values() for r in rs})
    units: list[tuple[int, int]] = sorted(
        {(task_id, cid) for task_id, rs in rankings.items() for r in rs for cid in r.ranks}
    )
    if not coders or not units:
        return None
    column = {unit: j for j, unit in enumerate(units)}
    row = {c: i for i, c in enumerate(coders)}
    matrix: list[list[float | None]] = [[None] * len(units) for _ in coders]
    for task_id, rs in rankings.items():
        for r in rs:
            if r.all_bad:
                continue
            for cid, rank in r.effective().items():
                matrix[row[r.annotator]][column[(task_id, cid)]] = float(rank)
    return ordinal_alpha(matrix, RANK_DOMAIN)


def kendall_tau(a: Ranking, b: Ranking) -> float | None:
    """τ-b between two rankings of the same answers; None when either is all tied or all bad."""
    from scipy.stats import kendalltau

    if a.all_bad or b.all_bad:
        return None
    ra, rb = a.effective(), b.effective()
    ids = sorted(set(ra) & set(rb))
    if len(ids) < 2:
        return None
    value = float(kendalltau([ra[i] for i in ids], [rb[i] for i in ids]).statistic)
    return value if math.isfinite(value) else None


def ranking_agreement(session: Session, campaign_id: int) -> RankingAgreement:
    return agreement_of(live_rankings(session, campaign_id))


def agreement_of(rankings: dict[int, list[Ranking]]) -> RankingAgreement:
    """α and τ over the tasks ranked by two or more annotators."""
    shared = {t: rs for t, rs in rankings.items() if len(rs) >= 2}
    if not shared:
        return RankingAgreement(
            0, None, None, 0, [], "no prompt has rankings from two annotators yet"
        )
    by_pair: dict[tuple[str, str], list[float]] = defaultdict(list)
    for rs in shared.values():
        for a, b in combinations(sorted(rs, key=lambda r: r.annotator), 2):
            tau = kendall_tau(a, b)
            if tau is not None:
                by_pair[(a.annotator, b.annotator)].append(tau)
    taus = [t for values in by_pair.values() for t in values]
    alpha = rank_alpha(shared)
    reason = (
        "" if alpha is not None else "every shared rank is the same (or all bad), so α is undefined"
    )
    return RankingAgreement(
        tasks=len(shared),
        alpha=alpha,
        tau=sum(taus) / len(taus) if taus else None,
        tau_comparisons=len(taus),
        pairs=[
            PairTau(pair, len(values), sum(values) / len(values))
            for pair, values in sorted(by_pair.items())
        ],
        reason=reason,
    )
