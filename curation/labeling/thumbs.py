"""Thumbs campaigns: good / bad votes on single completions become KTO labels.

A vote is a judgment with ``choice`` +1 (good) or −1 (bad) on a task that holds one
completion. A completion is decided by majority when it has at least ``min_votes`` live
votes and the winning side holds at least ``min_share`` of them; otherwise (too few votes,
a tie, a thin majority) it is undecided. A lead's adjudication is the final word.

Applying the outcome writes the completion's ``label`` (True desirable, False undesirable),
the column the ``trl-kto`` and ``llamafactory-kto`` exports read, and keeps the outcome in
``thumbs_outcomes`` so an export's manifest can say where the labels came from. A completion
this campaign decided earlier and that is undecided now gets back the label it had before
(the source's, or none).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import InputError
from curation.labeling.result import Result
from curation.store import labeling_models as lm
from curation.store import models as m

GOOD, BAD = 1, -1
UNDECIDED = "undecided"


@dataclass(frozen=True, slots=True)
class ThumbsPolicy(Result):
    """How votes become a label: at least ``min_votes`` and a winning share of ``min_share``."""

    min_votes: int = 2
    min_share: float = 0.6

    def __post_init__(self) -> None:
        if self.min_votes < 1:
            raise InputError(f"min votes must be at least 1, got {self.min_votes}")
        if not 0.5 < self.min_share <= 1:
            raise InputError(
                f"min share must be above 0.5 (a majority) and at most 1, got {self.min_share}"
            )

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ThumbsPolicy:
        data = data or {}
        return cls(
            min_votes=int(data.get("min_votes", 2)), min_share=float(data.get("min_share", 0.6))
        )

    def describe(self) -> str:
        return (
            f"majority of live good/bad votes, at least {self.min_votes} vote(s) and a "
            f"winning share of at least {self.min_share:.0%}; ties and thinner majorities "
            "are undecided and give no label; a lead's adjudication overrides the votes"
        )


@dataclass(frozen=True, slots=True)
class ThumbsOutcome:
    task_id: int
    completion_id: int
    record_id: int
    verdict: str  # "good", "bad" or "undecided"
    good: int
    bad: int
    share: float
    reason: str = ""  # why undecided: too_few_votes, tie, low_agreement
    adjudicated: bool = False


@dataclass(frozen=True, slots=True)
class ThumbsCounts(Result):
    """How many completions the votes call good, bad or leave undecided."""

    good: int
    bad: int
    undecided: int


@dataclass(frozen=True, slots=True)
class ThumbsAggregation:
    policy: ThumbsPolicy
    outcomes: list[ThumbsOutcome] = field(default_factory=list)

    def counts(self) -> ThumbsCounts:
        c = Counter(o.verdict for o in self.outcomes)
        return ThumbsCounts(good=c["good"], bad=c["bad"], undecided=c[UNDECIDED])

    def reasons(self) -> dict[str, int]:
        return dict(Counter(o.reason for o in self.outcomes if o.reason))


def decide(good: int, bad: int, policy: ThumbsPolicy) -> tuple[str, float, str]:
    """(verdict, winning share, reason if undecided) for one completion's votes."""
    n = good + bad
    share = max(good, bad) / n if n else 0.0
    if n < policy.min_votes:
        return UNDECIDED, share, "too_few_votes"
    if good == bad:
        return UNDECIDED, share, "tie"
    if share < policy.min_share:
        return UNDECIDED, share, "low_agreement"
    return ("good" if good > bad else "bad"), share, ""


def campaign_policy(campaign: lm.Campaign) -> ThumbsPolicy:
    if campaign.kind != "thumbs":
        raise InputError(f"campaign {campaign.name!r} is a {campaign.kind} campaign, not thumbs")
    return ThumbsPolicy.from_dict(campaign.thumbs_policy)


def _votes(session: Session, campaign_id: int) -> dict[int, list[tuple[str, int]]]:
    """Each task's live votes as (annotator, +1/−1)."""
    votes: dict[int, list[tuple[str, int]]] = {}
    for task_id, annotator, choice in session.execute(
        sa.select(lm.Judgment.task_id, lm.Judgment.annotator, lm.Judgment.choice).where(
            lm.Judgment.campaign_id == campaign_id,
            lm.Judgment.is_current.is_(True),
            lm.Judgment.retracted.is_(False),
            lm.Judgment.choice.is_not(None),
        )
    ):
        votes.setdefault(task_id, []).append((annotator, GOOD if (choice or 0) > 0 else BAD))
    return votes


def aggregate_thumbs(
    session: Session, campaign: lm.Campaign, policy: ThumbsPolicy | None = None
) -> ThumbsAggregation:
    """One outcome per task of an active record (the campaign's own policy unless given)."""
    from curation.labeling.aggregate import latest_adjudications

    policy = policy or campaign_policy(campaign)
    votes = _votes(session, campaign.id)
    final = latest_adjudications(session, campaign.id)
    result = ThumbsAggregation(policy=policy)
    tasks = session.execute(
        sa.select(lm.Task.id, lm.Task.completion_id, lm.Task.record_id)
        .join(m.Record, m.Record.id == lm.Task.record_id)
        .where(lm.Task.campaign_id == campaign.id, m.Record.status == "active")
        .order_by(lm.Task.id)
    ).all()
    for task_id, completion_id, record_id in tasks:
        if completion_id is None:
            continue
        task_votes = [v for _, v in votes.get(task_id, [])]
        good, bad = task_votes.count(GOOD), task_votes.count(BAD)
        if task_id in final and final[task_id][0]:
            choice = final[task_id][0] or 0
            verdict, share, reason, adjudicated = ("good" if choice > 0 else "bad"), 1.0, "", True
        else:
            verdict, share, reason = decide(good, bad, policy)
            adjudicated = False
        result.outcomes.append(
            ThumbsOutcome(
                task_id, completion_id, record_id, verdict, good, bad, share, reason, adjudicated
            )
        )
    return result


def apply_thumbs(
    session: Session, campaign: lm.Campaign, *, actor: str, policy: ThumbsPolicy | None = None
) -> ThumbsAggregation:
    """Aggregate and write the KTO labels of decided completions (in the caller's transaction)."""
    result = aggregate_thumbs(session, campaign, policy)
    previous = {
        cid: (verdict, prior)
        for cid, verdict, prior in session.execute(
            sa.select(
                lm.ThumbsOutcome.completion_id,
                lm.ThumbsOutcome.verdict,
                lm.ThumbsOutcome.prior_label,
            ).where(lm.ThumbsOutcome.campaign_id == campaign.id)
        )
    }
    current = dict(
        session.execute(
            sa.select(m.Completion.id, m.Completion.label)
            .join(lm.Task, lm.Task.completion_id == m.Completion.id)
            .where(lm.Task.campaign_id == campaign.id)
        )
        .tuples()
        .all()
    )
    session.execute(sa.delete(lm.ThumbsOutcome).where(lm.ThumbsOutcome.campaign_id == campaign.id))
    now = m.utcnow()
    labels: dict[bool | None, list[int]] = {True: [], False: [], None: []}
    for o in result.outcomes:
        was_decided = previous.get(o.completion_id, (UNDECIDED, None))[0] != UNDECIDED
        # while this campaign's label is on the completion, the one before it is kept here
        prior = previous[o.completion_id][1] if was_decided else current.get(o.completion_id)
        session.add(
            lm.ThumbsOutcome(
                campaign_id=campaign.id,
                completion_id=o.completion_id,
                verdict=o.verdict,
                good=o.good,
                bad=o.bad,
                share=o.share,
                prior_label=prior,
                decided_at=now,
            )
        )
        if o.verdict != UNDECIDED:
            labels[o.verdict == "good"].append(o.completion_id)
        elif was_decided:
            labels[prior].append(o.completion_id)
    for value, ids in labels.items():
        for start in range(0, len(ids), 5000):
            session.execute(
                sa.update(m.Completion)
                .where(m.Completion.id.in_(ids[start : start + 5000]))
                .values(label=value)
                .execution_options(synchronize_session=False)
            )
    log_event(
        session,
        actor,
        "thumbs.apply",
        "campaign",
        campaign.id,
        policy=result.policy.as_dict(),
        **result.counts().as_dict(),
    )
    return result


def thumbs_provenance(session: Session, dataset_id: int) -> list[dict[str, Any]]:
    """For an export's manifest: the thumbs campaigns whose labels this dataset carries."""
    out: list[dict[str, Any]] = []
    campaigns = session.scalars(
        sa.select(lm.Campaign)
        .where(lm.Campaign.dataset_id == dataset_id, lm.Campaign.kind == "thumbs")
        .order_by(lm.Campaign.id)
    )
    for campaign in campaigns:
        rows = session.execute(
            sa.select(
                lm.ThumbsOutcome.verdict,
                sa.func.count(),
                sa.func.max(lm.ThumbsOutcome.decided_at),
            )
            .where(lm.ThumbsOutcome.campaign_id == campaign.id)
            .group_by(lm.ThumbsOutcome.verdict)
        ).all()
        if not rows:
            continue  # never applied: its votes gave no label yet
        policy = ThumbsPolicy.from_dict(campaign.thumbs_policy)
        counts = {verdict: int(n) for verdict, n, _ in rows}
        out.append(
            {
                "campaign": campaign.name,
                "policy": policy.as_dict(),
                "rule": policy.describe(),
                "good": counts.get("good", 0),
                "bad": counts.get("bad", 0),
                UNDECIDED: counts.get(UNDECIDED, 0),
                "applied_at": max(at for _, _, at in rows).isoformat(timespec="seconds"),
            }
        )
    return out


@dataclass(frozen=True, slots=True)
class ThumbsAgreement(Result):
    items: int  # completions with 2+ live votes
    unanimous: int
    alpha: float | None  # Krippendorff's α, nominal; None when undefined
    reason: str = ""

    @property
    def unanimous_share(self) -> float | None:
        return self.unanimous / self.items if self.items else None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"unanimous_share": self.unanimous_share}


def thumbs_agreement(session: Session, campaign_id: int) -> ThumbsAgreement:
    """Share of completions whose votes are unanimous, and Krippendorff's α (nominal)."""
    import numpy as np

    votes = _votes(session, campaign_id)
    shared = {t: v for t, v in votes.items() if len(v) >= 2}
    unanimous = sum(1 for v in shared.values() if len({x for _, x in v}) == 1)
    if not shared:
        return ThumbsAgreement(0, 0, None, "no completion has votes from two annotators yet")
    coders = sorted({a for v in votes.values() for a, _ in v})
    units = sorted(votes)
    matrix = np.full((len(coders), len(units)), np.nan)
    index = {c: i for i, c in enumerate(coders)}
    for j, task_id in enumerate(units):
        for annotator, vote in votes[task_id]:
            matrix[index[annotator], j] = float(vote)
    alpha: float | None = None
    reason = ""
    values = matrix[~np.isnan(matrix)]
    if len(set(values.tolist())) < 2:
        reason = "every vote is the same, so α is undefined"
    else:
        import krippendorff

        with np.errstate(divide="ignore", invalid="ignore"):
            value = float(
                krippendorff.alpha(
                    reliability_data=matrix,
                    value_domain=[BAD, GOOD],
                    level_of_measurement="nominal",
                )
            )
        alpha = value if np.isfinite(value) else None
    return ThumbsAgreement(len(shared), unanimous, alpha, reason)


def completion_counts(session: Session) -> dict[str, int]:
    """Completions of active records per dataset name: what a thumbs campaign can label."""
    rows = session.execute(
        sa.select(m.Dataset.name, sa.func.count(m.Completion.id))
        .select_from(m.Dataset)
        .outerjoin(
            m.Record, sa.and_(m.Record.dataset_id == m.Dataset.id, m.Record.status == "active")
        )
        .outerjoin(m.Completion, m.Completion.record_id == m.Record.id)
        .group_by(m.Dataset.name)
        .order_by(m.Dataset.name)
    )
    return {name: int(n) for name, n in rows}
