"""Ranking campaigns: one screen shows 3–5 answers to one prompt; the annotator ranks them
(1 is best; ties allowed), only their top ``rank_top`` in a partial ranking, or calls them
all bad.

A ranking task is a record; the answers it shows are chosen when the campaign is created
(``ranking_slots``: every answer of a record with up to ``max_shown``, else a seeded sample)
and each annotator sees them in their own shuffled order, the same on every refresh, with
neutral labels A–E (no model or source). A ranking judgment is an ordinary judgment row
(versions, undo, skip and flag work as for pairs; ``both_bad`` holds "all bad") plus one
``judgment_ranks`` row per shown answer: its rank (None when left unranked or all bad) and
where it was shown. Aggregation is in :mod:`curation.labeling.ranking_aggregate`, agreement
in :mod:`curation.labeling.ranking_agreement`.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import InputError
from curation.labeling.result import Result
from curation.store import labeling_models as lm
from curation.store import models as m

if TYPE_CHECKING:
    from curation.labeling.queue import Item

MIN_SHOWN, MAX_SHOWN = 3, 5
LABELS = "ABCDE"
# When a ranking asks for a rationale: some answers share a rank, or all are bad.
RANKING_RATIONALE_CASES = ("tie", "all_bad")


@dataclass(frozen=True, slots=True)
class RankingSettings(Result):
    """How many answers one screen shows (3–5) and, for a partial ranking, how many of them
    the annotator ranks (their top ``rank_top``; None ranks them all)."""

    max_shown: int = 4
    rank_top: int | None = None

    def __post_init__(self) -> None:
        if not MIN_SHOWN <= self.max_shown <= MAX_SHOWN:
            raise InputError(
                f"a ranking shows {MIN_SHOWN} to {MAX_SHOWN} answers, not {self.max_shown}"
            )
        if self.rank_top is not None and not 1 <= self.rank_top < self.max_shown:
            raise InputError(
                f"a partial ranking ranks the top 1 to {self.max_shown - 1} of the "
                f"{self.max_shown} answers shown, not {self.rank_top}"
            )

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> RankingSettings:
        data = data or {}
        top = data.get("rank_top")
        return cls(
            max_shown=int(data.get("max_shown", 4)), rank_top=None if top is None else int(top)
        )

    def top_for(self, shown: int) -> int | None:
        """The partial ranking's m on a screen of ``shown`` answers; None when all are ranked."""
        return self.rank_top if self.rank_top is not None and self.rank_top < shown else None

    def describe(self) -> str:
        what = "all of them" if self.rank_top is None else f"their top {self.rank_top}"
        return f"up to {self.max_shown} answers per prompt; annotators rank {what}"


def settings_of(campaign: lm.Campaign) -> RankingSettings:
    if campaign.kind != "ranking":
        raise InputError(f"campaign {campaign.name!r} is a {campaign.kind} campaign, not ranking")
    return RankingSettings.from_dict(campaign.ranking_settings)


def insert_slots(
    session: Session, campaign_id: int, settings: RankingSettings, rng: random.Random
) -> None:
    """Choose each task's answers: all of a record's, or a seeded sample of ``max_shown``."""
    rows = session.execute(
        sa.select(lm.Task.id, m.Completion.id)
        .join(m.Completion, m.Completion.record_id == lm.Task.record_id)
        .where(lm.Task.campaign_id == campaign_id)
        .order_by(lm.Task.id, m.Completion.position)
    ).all()
    by_task: dict[int, list[int]] = defaultdict(list)
    for task_id, completion_id in rows:
        by_task[task_id].append(completion_id)
    slots: list[dict[str, int]] = []
    for task_id, ids in by_task.items():
        if len(ids) > settings.max_shown:
            keep = set(rng.sample(ids, settings.max_shown))
            ids = [c for c in ids if c in keep]
        slots.extend({"task_id": task_id, "completion_id": c, "slot": i} for i, c in enumerate(ids))
    for start in range(0, len(slots), 5000):
        session.execute(sa.insert(lm.RankingSlot), slots[start : start + 5000])


_SLOTS = (
    sa.select(lm.RankingSlot.completion_id)
    .where(lm.RankingSlot.task_id == sa.bindparam("task_id"))
    .order_by(lm.RankingSlot.slot)
)


def task_answers(session: Session, task_id: int) -> list[int]:
    """The completion ids a ranking task shows, before any annotator's shuffle."""
    return list(session.scalars(_SLOTS, {"task_id": task_id}))


def shown_order(campaign_id: int, task_id: int, annotator: str, ids: Sequence[int]) -> list[int]:
    """The annotator's own order of the task's answers: shuffled, stable across refreshes."""
    order = list(ids)
    random.Random(f"{campaign_id}:{task_id}:{annotator}").shuffle(order)
    return order


# --------------------------------------------------------------------------- answers


def check_ranking(
    shown: Sequence[int],
    ranks: Mapping[int, Any] | None,
    *,
    all_bad: bool,
    rank_top: int | None,
    needs_rationale: Sequence[str] = (),
    rationale: str = "",
) -> dict[int, int | None]:
    """The rank of each shown answer (None: unranked, or all bad), or an InputError that
    names the answer by its on-screen letter. ``shown`` is the annotator's order."""
    ranks = dict(ranks or {})
    label = {cid: LABELS[i] for i, cid in enumerate(shown)}
    if all_bad:
        if ranks:
            raise InputError("'all bad' cannot be combined with ranks")
        if "all_bad" in needs_rationale and not rationale.strip():
            raise InputError("this campaign asks for a rationale when all answers are bad")
        return dict.fromkeys(shown)
    if not ranks:
        raise InputError("rank the answers (1 is best), or mark them all bad")
    unknown = [cid for cid in ranks if cid not in label]
    if unknown:
        raise InputError(f"answer {unknown[0]!r} is not shown in this item")
    limit = rank_top if rank_top is not None and rank_top < len(shown) else len(shown)
    for cid, value in ranks.items():
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit:
            raise InputError(
                f"answer {label[cid]}: a rank is a whole number from 1 to {limit}, got {value!r}"
            )
    if limit == len(shown):
        missing = [label[cid] for cid in shown if cid not in ranks]
        if missing:
            raise InputError(f"rank every answer: {', '.join(missing)} has no rank yet")
    elif len(ranks) < limit:
        raise InputError(f"rank your top {limit} answers: {len(ranks)} ranked so far")
    if min(ranks.values()) != 1:
        raise InputError(
            f"the best answer gets rank 1; the ranks given start at {min(ranks.values())}"
        )
    tied = len(set(ranks.values())) < len(ranks)
    if tied and "tie" in needs_rationale and not rationale.strip():
        raise InputError("this campaign asks for a rationale when answers share a rank")
    canonical = canonical_ranks(ranks)
    return {cid: canonical.get(cid) for cid in shown}


def canonical_ranks(ranks: Mapping[int, int | None]) -> dict[int, int]:
    """One notation for one order: rank = 1 + the number of answers ranked strictly better
    ({1, 1, 2} and {1, 1, 3} are both {1, 1, 3}; {1, 4, 4, 4} is {1, 2, 2, 2}); an unranked
    answer (None) goes below every ranked one, at 1 + the number ranked."""
    given = [r for r in ranks.values() if r is not None]
    below = len(given) + 1
    return {
        cid: below if r is None else 1 + sum(other < r for other in given)
        for cid, r in ranks.items()
    }


def save_ranks(
    session: Session, judgment_id: int, shown: Sequence[int], ranks: Mapping[int, int | None]
) -> None:
    session.execute(
        sa.insert(lm.JudgmentRank),
        [
            {
                "judgment_id": judgment_id,
                "completion_id": cid,
                "rank": ranks.get(cid),
                "shown_at": i,
            }
            for i, cid in enumerate(shown)
        ],
    )


@dataclass(frozen=True, slots=True)
class Ranking:
    """One annotator's live ranking of one task: rank per shown answer (None unranked)."""

    task_id: int
    annotator: str
    all_bad: bool
    ranks: dict[int, int | None]

    def effective(self) -> dict[int, int]:
        """Canonical ranks (see :func:`canonical_ranks`): an unranked answer placed below
        every ranked one (all tied there), the same order always the same numbers."""
        return canonical_ranks(self.ranks)


def live_rankings(session: Session, campaign_id: int) -> dict[int, list[Ranking]]:
    """Each task's live rankings (current, not retracted), in annotator order."""
    rows = session.execute(
        sa.select(
            lm.Judgment.id,
            lm.Judgment.task_id,
            lm.Judgment.annotator,
            lm.Judgment.both_bad,
            lm.JudgmentRank.completion_id,
            lm.JudgmentRank.rank,
        )
        .join(lm.JudgmentRank, lm.JudgmentRank.judgment_id == lm.Judgment.id)
        .where(
            lm.Judgment.campaign_id == campaign_id,
            lm.Judgment.is_current.is_(True),
            lm.Judgment.retracted.is_(False),
        )
        .order_by(lm.Judgment.task_id, lm.Judgment.annotator, lm.JudgmentRank.shown_at)
    ).all()
    by_judgment: dict[int, tuple[int, str, bool, dict[int, int | None]]] = {}
    for jid, task_id, annotator, all_bad, cid, rank in rows:
        by_judgment.setdefault(jid, (task_id, annotator, bool(all_bad), {}))[3][cid] = rank
    out: dict[int, list[Ranking]] = defaultdict(list)
    for task_id, annotator, all_bad, ranks in by_judgment.values():
        out[task_id].append(Ranking(task_id, annotator, all_bad, ranks))
    return dict(out)


# --------------------------------------------------------------------------- the client


def ranking_payload(item: Item) -> dict[str, Any]:
    """A ranking item as plain JSON for a browser component: answers by slot and letter in
    the annotator's order, never their completion ids, model or source. The component must
    render every text as text (escape it); :func:`ranks_from_slots` maps its answer back."""
    top = item.rank_top if item.rank_top is not None and item.rank_top < len(item.answers) else None
    return {
        "kind": "ranking",
        "assignment_id": item.assignment_id,
        "task_id": item.task_id,
        "campaign": item.campaign,
        "campaign_id": item.campaign_id,
        "messages": item.messages,
        "tools": item.tools,
        "answers": [
            {"slot": i, "label": LABELS[i], "messages": messages}
            for i, messages in enumerate(item.answers)
        ],
        "rank_top": top,
        "max_rank": top if top is not None else len(item.answers),
        "rationale_required_for": list(item.rationale_required_for),
        "guideline_version": item.guideline_version,
        "guidelines": item.guidelines,
        "flagged": item.flagged,
    }


def ranks_from_slots(item: Item, ranks: Mapping[int | str, Any]) -> dict[int, Any]:
    """A client's ranks keyed by slot (0-based, as in :func:`ranking_payload`) or letter,
    keyed by completion id for :func:`curation.labeling.answers.submit`."""
    return ranks_by_completion(item.answer_ids, ranks)


def ranks_by_completion(shown: Sequence[int], ranks: Mapping[Any, Any]) -> dict[int, Any]:
    """Ranks keyed by slot or on-screen letter, keyed by completion id instead; ``shown`` is
    the completion ids in the annotator's order (:func:`shown_order`)."""
    out: dict[int, Any] = {}
    for key, rank in ranks.items():
        slot: Any = key
        if isinstance(key, str):
            slot = LABELS.find(key.upper()) if len(key) == 1 else -1
        if isinstance(slot, bool) or not isinstance(slot, int) or not 0 <= slot < len(shown):
            raise InputError(f"no answer {key!r} on this screen")
        out[shown[slot]] = rank
    return out


def rankable_counts(session: Session) -> dict[str, int]:
    """Active records with 3+ completions per dataset name: what a ranking campaign can rank."""
    rows = session.execute(
        sa.select(m.Dataset.name, sa.func.count(m.Record.id))
        .select_from(m.Dataset)
        .outerjoin(
            m.Record,
            sa.and_(
                m.Record.dataset_id == m.Dataset.id,
                m.Record.status == "active",
                m.Record.n_completions >= MIN_SHOWN,
            ),
        )
        .group_by(m.Dataset.name)
        .order_by(m.Dataset.name)
    )
    return {name: int(n) for name, n in rows}


def task_disagreement(session: Session, task_id: int) -> int:
    """How much a task's live rankings disagree, for the queue's order (a third opinion
    helps most there): the pairs of answers that one ranking puts one way and another the
    other way, plus one if some said "all bad" and others ranked."""
    rows = session.execute(
        sa.select(
            lm.Judgment.id,
            lm.Judgment.both_bad,
            lm.JudgmentRank.completion_id,
            lm.JudgmentRank.rank,
        )
        .join(lm.JudgmentRank, lm.JudgmentRank.judgment_id == lm.Judgment.id)
        .where(
            lm.Judgment.task_id == task_id,
            lm.Judgment.is_current.is_(True),
            lm.Judgment.retracted.is_(False),
        )
    ).all()
    judgments: dict[int, tuple[bool, dict[int, int | None]]] = {}
    for jid, all_bad, cid, rank in rows:
        judgments.setdefault(jid, (bool(all_bad), {}))[1][cid] = rank
    rankings = [
        Ranking(0, "", bad, ranks).effective() for bad, ranks in judgments.values() if not bad
    ]
    bad = len(judgments) - len(rankings)
    ids = sorted({cid for r in rankings for cid in r})
    split = sum(
        1
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if len({(r[a] > r[b]) - (r[a] < r[b]) for r in rankings if a in r and b in r} - {0}) == 2
    )
    return split + (1 if bad and rankings else 0)
