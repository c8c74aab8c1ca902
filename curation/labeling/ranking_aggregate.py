"""Ranking judgments into preferences and ranked lists.

Expansion policy (:data:`EXPANSION_POLICY`), for one annotator's ranking of one prompt's
shown answers:

- every two answers with different ranks give a preference for the better-ranked one
  (rank 1 is best); an answer left unranked in a partial ranking sits below every ranked
  one, so a ranked answer is preferred to it and two unranked answers are a tie;
- two answers sharing a rank give a tie;
- "all bad" gives no preference: each pair of shown answers gets a "both bad" label, and
  each answer a bad mark.

Pairs: the expanded labels of all annotators are decided pair by pair exactly like a pair
campaign's judgments (:func:`curation.labeling.aggregate.decide` under the same
:class:`~curation.labeling.aggregate.Policy`), so a ranking campaign exports to every
preference format as a pair campaign does.

Ranked lists: per prompt, the Bradley–Terry strengths of its answers from every
annotator's expanded preferences (choix's ILSR, the same estimator as
:func:`curation.labeling.aggregate.bradley_terry`; a tie counts as one win each way, i.e.
half a win to each), the answers sorted by strength (equal strengths share a rank). A
prompt gets a ranked list when it has at least ``Policy.min_labels`` rankings and fewer
"all bad" answers than rankings that rank; otherwise it is left out with the reason.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.labeling.aggregate import Aggregation, Outcome, Policy, bradley_terry, decide
from curation.labeling.ranking import Ranking, live_rankings, settings_of
from curation.labeling.result import Result
from curation.store import labeling_models as lm
from curation.store import models as m

EXPANSION_POLICY = (
    "each ranking gives, for every two answers with different ranks, a preference for the "
    "better-ranked one (an answer left unranked in a partial ranking sits below every ranked "
    "one); answers sharing a rank give a tie; 'all bad' gives no preference, a 'both bad' "
    "label on each pair and a bad mark on each answer"
)
BT_POLICY = (
    "Bradley–Terry strengths per prompt over every annotator's expanded preferences (ties "
    "count as one win each way); a prompt needs at least min_labels rankings and more "
    "rankings that rank than say 'all bad'"
)
SCORE_TOLERANCE = 1e-6  # strengths this close share a rank

Label = tuple[int | None, bool]  # (choice on the pair's own axis, both bad)


def expand(ranking: Ranking) -> dict[tuple[int, int], Label]:
    """The ranking's label on each pair of its answers, keyed by (lower id, higher id) with
    the choice on that axis: +1 the lower id is better, −1 the higher, 0 a tie."""
    ids = sorted(ranking.ranks)
    if ranking.all_bad:
        return {pair: (None, True) for pair in combinations(ids, 2)}
    rank = ranking.effective()
    out: dict[tuple[int, int], Label] = {}
    for lo, hi in combinations(ids, 2):
        diff = rank[hi] - rank[lo]
        out[(lo, hi)] = (1 if diff > 0 else -1 if diff < 0 else 0, False)
    return out


def wins_of(rankings: Iterable[Ranking]) -> list[tuple[int, int]]:
    """(winner, loser) completion ids from the rankings; a tie adds one win each way."""
    wins: list[tuple[int, int]] = []
    for ranking in rankings:
        for (lo, hi), (choice, all_bad) in expand(ranking).items():
            if all_bad:
                continue
            if choice == 1:
                wins.append((lo, hi))
            elif choice == -1:
                wins.append((hi, lo))
            else:
                wins.extend(((lo, hi), (hi, lo)))
    return wins


def bt_scores(ids: Sequence[int], rankings: Iterable[Ranking]) -> dict[int, float]:
    """Bradley–Terry strength of each answer (log scale, mean 0) from the rankings."""
    index = {cid: i for i, cid in enumerate(ids)}
    wins = [(index[w], index[lo]) for w, lo in wins_of(rankings) if w in index and lo in index]
    return dict(zip(ids, bradley_terry(len(ids), wins), strict=True))


def ranks_by_score(scores: dict[int, float]) -> list[tuple[int, int, float]]:
    """(completion id, rank, score) best first; equal strengths share a rank (1, 1, 3…)."""
    ordered = sorted(scores.items(), key=lambda cs: (-cs[1], cs[0]))
    out: list[tuple[int, int, float]] = []
    for i, (cid, score) in enumerate(ordered):
        tied = out and abs(out[-1][2] - score) <= SCORE_TOLERANCE
        out.append((cid, out[-1][1] if tied else i + 1, score))
    return out


@dataclass(frozen=True, slots=True)
class RankedCompletion(Result):
    completion_id: int
    rank: int
    score: float


@dataclass(frozen=True, slots=True)
class RankedList(Result):
    """One prompt's answers best first, from ``rankings`` rankings (``all_bad`` said all bad)."""

    task_id: int
    record_id: int
    rankings: int
    all_bad: int
    completions: tuple[RankedCompletion, ...]


@dataclass(frozen=True, slots=True)
class RankingAggregation(Result):
    """The ranked lists kept under ``policy`` and, per reason, how many prompts were left out."""

    policy: Policy
    lists: list[RankedList] = field(default_factory=list)
    excluded: dict[str, int] = field(default_factory=dict)
    reasons: dict[int, str] = field(default_factory=dict)  # record id -> why left out

    def as_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy.as_dict(),
            "expansion": EXPANSION_POLICY,
            "scores": BT_POLICY,
            "ranked": len(self.lists),
            "excluded": dict(self.excluded),
            "lists": [r.as_dict() for r in self.lists],
        }


def _tasks(session: Session, campaign_id: int, *, active_only: bool) -> list[tuple[int, int]]:
    query = (
        sa.select(lm.Task.id, lm.Task.record_id)
        .join(m.Record, m.Record.id == lm.Task.record_id)
        .where(lm.Task.campaign_id == campaign_id)
        .order_by(lm.Task.id)
    )
    if active_only:
        query = query.where(m.Record.status == "active")
    return [(int(t), int(r)) for t, r in session.execute(query)]


def _slots(session: Session, campaign_id: int) -> dict[int, list[int]]:
    slots: dict[int, list[int]] = defaultdict(list)
    for task_id, cid in session.execute(
        sa.select(lm.RankingSlot.task_id, lm.RankingSlot.completion_id)
        .join(lm.Task, lm.Task.id == lm.RankingSlot.task_id)
        .where(lm.Task.campaign_id == campaign_id)
        .order_by(lm.RankingSlot.task_id, lm.RankingSlot.slot)
    ):
        slots[task_id].append(cid)
    return slots


def aggregate_rankings(
    session: Session, campaign: lm.Campaign, policy: Policy | None = None
) -> RankingAggregation:
    """One ranked list per prompt of an active record that has enough rankings."""
    settings_of(campaign)  # a ranking campaign, or a clear error
    policy = policy or Policy()
    live = live_rankings(session, campaign.id)
    slots = _slots(session, campaign.id)
    lists: list[RankedList] = []
    reasons: dict[int, str] = {}
    for task_id, record_id in _tasks(session, campaign.id, active_only=True):
        rankings = live.get(task_id, [])
        ordered = [r for r in rankings if not r.all_bad]
        all_bad = len(rankings) - len(ordered)
        if not rankings:
            reasons[record_id] = "unlabelled"
        elif len(rankings) < policy.min_labels:
            reasons[record_id] = "too_few_labels"
        elif all_bad >= len(ordered):
            reasons[record_id] = "all_bad"
        else:
            scores = bt_scores(slots.get(task_id, []), ordered)
            ranked = tuple(RankedCompletion(c, r, s) for c, r, s in ranks_by_score(scores))
            lists.append(RankedList(task_id, record_id, len(rankings), all_bad, ranked))
    return RankingAggregation(policy, lists, dict(Counter(reasons.values())), reasons)


def ranking_pair_decisions(
    session: Session, campaign: lm.Campaign, policy: Policy
) -> tuple[Aggregation, dict[int, tuple[str | None, str]]]:
    """A ranking campaign as a pair campaign: each pair of shown answers' verdict from the
    expanded rankings (see the module docstring), or why there is none — what export reads."""
    live = live_rankings(session, campaign.id)
    slots = _slots(session, campaign.id)
    records = dict(_tasks(session, campaign.id, active_only=False))
    active = {t for t, _ in _tasks(session, campaign.id, active_only=True)}
    task_of_record = {r: t for t, r in records.items()}
    kept: list[Outcome] = []
    excluded: Counter[str] = Counter()
    decisions: dict[int, tuple[str | None, str]] = {}
    pairs = session.execute(
        sa.select(m.Pair.id, m.Pair.record_id, m.Pair.completion_a_id, m.Pair.completion_b_id)
        .where(
            m.Pair.record_id.in_(
                sa.select(lm.Task.record_id).where(lm.Task.campaign_id == campaign.id)
            )
        )
        .order_by(m.Pair.id)
    ).all()
    expanded = {t: [expand(r) for r in rs] for t, rs in live.items()}
    for pair_id, record_id, a, b in pairs:
        task_id = task_of_record.get(record_id)
        if task_id is None or a not in slots.get(task_id, ()) or b not in slots.get(task_id, ()):
            continue  # not shown on the ranking screen: not in this campaign
        key, sign = ((a, b), 1) if a < b else ((b, a), -1)
        labels: list[Label] = []
        for labelled in expanded.get(task_id, []):
            choice, both_bad = labelled[key]
            labels.append((None if choice is None else sign * choice, both_bad))
        if not labels:
            decisions[pair_id] = (None, "unlabelled")
            if task_id in active:
                excluded["unlabelled"] += 1
            continue
        verdict, agreement, strength, reason = decide(labels, policy)
        decisions[pair_id] = (verdict, "") if verdict else (None, reason)
        if task_id not in active:
            continue
        if verdict:
            kept.append(
                Outcome(task_id, pair_id, record_id, verdict, len(labels), agreement, strength)
            )
        else:
            excluded[reason] += 1
    return Aggregation(kept, excluded, policy), decisions


def apply_rankings(
    session: Session, campaign: lm.Campaign, *, actor: str, policy: Policy | None = None
) -> RankingAggregation:
    """Aggregate and keep each ranked prompt's answers with their rank and Bradley–Terry
    score in ``ranking_outcomes`` (replacing this campaign's earlier ones), for the
    ranked-list export of the dataset and its manifest (in the caller's transaction)."""
    result = aggregate_rankings(session, campaign, policy)
    session.execute(
        sa.delete(lm.RankingOutcome).where(lm.RankingOutcome.campaign_id == campaign.id)
    )
    now = m.utcnow()
    rows = [
        {
            "campaign_id": campaign.id,
            "completion_id": c.completion_id,
            "record_id": ranked.record_id,
            "rank": c.rank,
            "score": c.score,
            "bad": ranked.all_bad,
            "rankings": ranked.rankings,
            "decided_at": now,
        }
        for ranked in result.lists
        for c in ranked.completions
    ]
    for start in range(0, len(rows), 5000):
        session.execute(sa.insert(lm.RankingOutcome), rows[start : start + 5000])
    log_event(
        session,
        actor,
        "ranking.apply",
        "campaign",
        campaign.id,
        policy=result.policy.as_dict(),
        ranked=len(result.lists),
        excluded=dict(result.excluded),
    )
    return result


# (completion id, rank, score, rankings, all bad) best first, per record
RankedRows = dict[int, list[tuple[int, int, float, int, int]]]


def lists_by_record(aggregation: RankingAggregation) -> RankedRows:
    return {
        r.record_id: [
            (c.completion_id, c.rank, c.score, r.rankings, r.all_bad) for c in r.completions
        ]
        for r in aggregation.lists
    }


def applied_lists(session: Session, dataset_id: int) -> RankedRows:
    """The ranked lists applied to a dataset's records; where two campaigns ranked one
    record, the one applied last (then the newer campaign) wins."""
    o = lm.RankingOutcome
    rows = session.execute(
        sa.select(
            o.record_id,
            o.campaign_id,
            o.decided_at,
            o.completion_id,
            o.rank,
            o.score,
            o.rankings,
            o.bad,
        )
        .join(m.Record, m.Record.id == o.record_id)
        .where(m.Record.dataset_id == dataset_id, o.rank.is_not(None))
        .order_by(o.record_id, o.decided_at, o.campaign_id, o.rank, o.completion_id)
    ).all()
    latest: dict[int, tuple[Any, int]] = {}
    for record_id, campaign_id, at, *_ in rows:
        latest[record_id] = (at, campaign_id)
    out: RankedRows = defaultdict(list)
    for record_id, campaign_id, at, cid, rank, score, n, bad in rows:
        if latest[record_id] == (at, campaign_id):
            out[record_id].append((cid, int(rank or 0), float(score or 0.0), int(n), int(bad)))
    return dict(out)


def ranking_provenance(session: Session, dataset_id: int) -> list[dict[str, Any]]:
    """For an export's manifest: the ranking campaigns whose ranked lists this dataset carries."""
    out: list[dict[str, Any]] = []
    for campaign in session.scalars(
        sa.select(lm.Campaign)
        .where(lm.Campaign.dataset_id == dataset_id, lm.Campaign.kind == "ranking")
        .order_by(lm.Campaign.id)
    ):
        prompts, at = session.execute(
            sa.select(
                sa.func.count(sa.distinct(lm.RankingOutcome.record_id)),
                sa.func.max(lm.RankingOutcome.decided_at),
            ).where(lm.RankingOutcome.campaign_id == campaign.id)
        ).one()
        if not prompts:
            continue  # never applied
        out.append(
            {
                "campaign": campaign.name,
                "settings": settings_of(campaign).as_dict(),
                "expansion": EXPANSION_POLICY,
                "scores": BT_POLICY,
                "ranked_prompts": int(prompts),
                "applied_at": at.isoformat(timespec="seconds"),
            }
        )
    return out
