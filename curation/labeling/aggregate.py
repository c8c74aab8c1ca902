"""Turn judgments into preferences: majority with strength, explicit tie/both-bad policy,
minimum agreement, lead adjudication as the final word, and Bradley–Terry rankings for
records with more than two completions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import InputError
from curation.labeling.result import Result
from curation.progress import Progress
from curation.store import labeling_models as lm
from curation.store import models as m

POLICIES = ("exclude", "keep")


@dataclass(frozen=True, slots=True)
class Policy(Result):
    """How judgments become a preference. Ties and 'both bad' are left out unless kept."""

    min_labels: int = 1
    min_agreement: float = 0.5
    ties: str = "exclude"
    both_bad: str = "exclude"
    min_strength: float = 0.0

    def __post_init__(self) -> None:
        if self.ties not in POLICIES or self.both_bad not in POLICIES:
            raise InputError(f"tie and both-bad policies are one of {POLICIES}")
        if not 0 <= self.min_agreement <= 1:
            raise InputError("minimum agreement is a share between 0 and 1")


@dataclass(frozen=True, slots=True)
class Outcome:
    """The aggregated answer for one task. ``verdict`` is 'a', 'b', 'tie' or 'both_bad'."""

    task_id: int
    pair_id: int
    record_id: int
    verdict: str
    n_labels: int
    agreement: float
    strength: float
    adjudicated: bool = False


@dataclass(frozen=True, slots=True)
class Aggregation:
    """The outcomes kept under ``policy`` and, per reason, how many tasks were left out."""

    kept: list[Outcome] = field(default_factory=list)
    excluded: Counter[str] = field(default_factory=Counter)
    policy: Policy = field(default_factory=Policy)


def verdict_of(choice: int | None, both_bad: bool) -> str:
    if both_bad:
        return "both_bad"
    if choice is None or choice == 0:
        return "tie"
    return "a" if choice > 0 else "b"


def decide(
    labels: list[tuple[int | None, bool]], policy: Policy
) -> tuple[str | None, float, float, str]:
    """(verdict or None, agreement, strength, reason if excluded) for one task's live labels."""
    if len(labels) < policy.min_labels or not labels:
        return None, 0.0, 0.0, "too_few_labels"
    votes = Counter(verdict_of(c, b) for c, b in labels)
    (top, top_n), *rest = votes.most_common()
    if rest and rest[0][1] == top_n:
        return None, top_n / len(labels), 0.0, "no_majority"
    agreement = top_n / len(labels)
    strengths = [abs(c) for c, b in labels if verdict_of(c, b) == top and c is not None]
    strength = sum(strengths) / len(strengths) if strengths else 0.0
    if agreement < policy.min_agreement:
        return None, agreement, strength, "low_agreement"
    if top == "tie" and policy.ties == "exclude":
        return None, agreement, strength, "tie"
    if top == "both_bad" and policy.both_bad == "exclude":
        return None, agreement, strength, "both_bad"
    if top in ("a", "b") and strength < policy.min_strength:
        return None, agreement, strength, "weak"
    return top, agreement, strength, ""


def live_choices(session: Session, campaign_id: int) -> dict[int, list[tuple[int | None, bool]]]:
    """Each task's live labels (current, not retracted) as (choice, both_bad)."""
    labels: dict[int, list[tuple[int | None, bool]]] = defaultdict(list)
    for task_id, choice, both_bad in session.execute(
        sa.select(lm.Judgment.task_id, lm.Judgment.choice, lm.Judgment.both_bad).where(
            lm.Judgment.campaign_id == campaign_id,
            lm.Judgment.is_current.is_(True),
            lm.Judgment.retracted.is_(False),
        )
    ):
        labels[task_id].append((choice, both_bad))
    return labels


PROGRESS_EVERY = 5000  # tasks between two progress reports


def aggregate_campaign(
    session: Session,
    campaign_id: int,
    policy: Policy | None = None,
    *,
    progress: Progress | None = None,
) -> Aggregation:
    """One outcome per task with live labels (or an adjudication), with reasons for exclusions.

    ``progress`` hears ``("aggregate", tasks done, tasks in all)``.
    """
    policy = policy or Policy()
    labels = live_choices(session, campaign_id)
    final = latest_adjudications(session, campaign_id)
    tasks = session.execute(
        sa.select(lm.Task.id, lm.Task.pair_id, lm.Task.record_id)
        .join(m.Record, m.Record.id == lm.Task.record_id)
        .where(lm.Task.campaign_id == campaign_id, m.Record.status == "active")
    ).all()
    kept: list[Outcome] = []
    excluded: Counter[str] = Counter()
    for done, (task_id, pair_id, record_id) in enumerate(tasks, 1):
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(tasks)):
            progress("aggregate", done, len(tasks))
        if pair_id is None:  # a thumbs task: see curation.labeling.thumbs
            continue
        task = _TaskLabels(task_id, pair_id, record_id, labels.get(task_id, []))
        outcome = _outcome(task, final.get(task_id), policy)
        if isinstance(outcome, Outcome):
            kept.append(outcome)
        else:
            excluded[outcome] += 1
    return Aggregation(kept, excluded, policy)


@dataclass(frozen=True, slots=True)
class _TaskLabels:
    task_id: int
    pair_id: int
    record_id: int
    labels: list[tuple[int | None, bool]]


def _outcome(
    task: _TaskLabels, adjudication: tuple[int | None, bool] | None, policy: Policy
) -> Outcome | str:
    """The task's outcome, or the reason it is left out."""
    n_labels = len(task.labels)
    if adjudication is not None:  # the lead's word is final
        choice, both_bad = adjudication
        verdict = verdict_of(choice, both_bad)
        kept = (
            verdict in ("a", "b")
            or getattr(policy, "ties" if verdict == "tie" else "both_bad") == "keep"
        )
        if not kept:
            return verdict
        return Outcome(
            task.task_id,
            task.pair_id,
            task.record_id,
            verdict,
            n_labels,
            1.0,
            float(abs(choice or 0)),
            True,
        )
    if not task.labels:
        return "unlabelled"
    verdict_or_none, agreement, strength, reason = decide(task.labels, policy)
    if verdict_or_none is None:
        return reason
    return Outcome(
        task.task_id, task.pair_id, task.record_id, verdict_or_none, n_labels, agreement, strength
    )


def latest_adjudications(session: Session, campaign_id: int) -> dict[int, tuple[int | None, bool]]:
    """The lead's latest decision per task (later adjudications override earlier ones)."""
    out: dict[int, tuple[int | None, bool]] = {}
    for task_id, choice, both_bad in session.execute(
        sa.select(lm.Adjudication.task_id, lm.Adjudication.choice, lm.Adjudication.both_bad)
        .where(lm.Adjudication.campaign_id == campaign_id)
        .order_by(lm.Adjudication.id)
    ):
        out[task_id] = (choice, both_bad)
    return out


def bradley_terry(n_items: int, wins: list[tuple[int, int]], alpha: float = 0.01) -> list[float]:
    """Bradley–Terry strengths (choix's ILSR, lightly regularised) from (winner, loser) pairs."""
    import choix

    if n_items < 2 or not wins:
        return [0.0] * n_items
    params = choix.ilsr_pairwise(n_items, wins, alpha=alpha)
    return [float(p) for p in params]


def rank_records(session: Session, outcomes: list[Outcome]) -> dict[int, list[tuple[int, float]]]:
    """For records with 3+ completions: completion ids ranked best first with their BT strength."""
    pair_ids = [o.pair_id for o in outcomes if o.verdict in ("a", "b")]
    if not pair_ids:
        return {}
    pairs = {p.id: p for p in session.scalars(sa.select(m.Pair).where(m.Pair.id.in_(pair_ids)))}
    by_record: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for o in outcomes:
        pair = pairs.get(o.pair_id)
        if pair is None or o.verdict not in ("a", "b"):
            continue
        win, lose = (
            (pair.completion_a_id, pair.completion_b_id)
            if o.verdict == "a"
            else (pair.completion_b_id, pair.completion_a_id)
        )
        by_record[o.record_id].append((win, lose))
    ranked: dict[int, list[tuple[int, float]]] = {}
    for record_id, wins in by_record.items():
        ids = sorted({c for w in wins for c in w})
        if len(ids) < 3:
            continue
        index = {cid: i for i, cid in enumerate(ids)}
        strengths = bradley_terry(len(ids), [(index[w], index[lo]) for w, lo in wins])
        ranked[record_id] = sorted(zip(ids, strengths, strict=True), key=lambda x: -x[1])
    return ranked


def adjudicate(
    session: Session,
    campaign_id: int,
    task_id: int,
    lead: str,
    *,
    choice: int | None,
    both_bad: bool = False,
    note: str = "",
) -> lm.Adjudication:
    """Record the lead's final decision; the annotators' labels stay untouched."""
    from curation.audit import log_event
    from curation.labeling.scale import check_choice

    if not both_bad:
        if choice is None:
            raise InputError("an adjudication needs a choice or 'both bad'")
        check_choice(choice)
    task = session.get(lm.Task, task_id)
    if task is None or task.campaign_id != campaign_id:
        raise InputError(f"task {task_id} is not in this campaign")
    adj = lm.Adjudication(
        campaign_id=campaign_id,
        task_id=task_id,
        lead=lead,
        choice=None if both_bad else choice,
        both_bad=both_bad,
        note=note,
    )
    session.add(adj)
    session.flush()
    log_event(
        session,
        lead,
        "label.adjudicate",
        "task",
        task_id,
        choice=adj.choice,
        both_bad=both_bad,
        note=note,
    )
    return adj
