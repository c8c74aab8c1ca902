"""The disagreement queue: tasks whose live labels disagree, most disputed first, with the
labels, the latest adjudication and the conversation a lead needs to settle them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.labeling.answers import disagreement
from curation.labeling.campaigns import require_campaign
from curation.labeling.live import LiveLabel, live_labels
from curation.labeling.result import Result
from curation.labeling.scale import SCALE
from curation.store import labeling_models as lm
from curation.store import models as m


@dataclass(frozen=True, slots=True)
class DisputedLabel(Result):
    annotator: str
    choice: int | None
    both_bad: bool
    answer: str
    rationale: str
    shown_left: str
    criteria: dict[str, Any]


@dataclass(frozen=True, slots=True)
class AdjudicationInfo(Result):
    lead: str
    choice: int | None
    both_bad: bool
    answer: str
    note: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Disagreement(Result):
    """A task whose live labels disagree, with what the lead needs to settle it."""

    task_id: int
    pair_id: int
    record_id: int
    disagreement: int
    labels: list[DisputedLabel]
    adjudication: AdjudicationInfo | None
    is_gold: bool
    gold_choice: int | None
    messages: list[dict[str, Any]]
    tools: list[Any] | None
    completion_a: list[dict[str, Any]]
    completion_b: list[dict[str, Any]]

    @property
    def adjudicated(self) -> bool:
        return self.adjudication is not None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"adjudicated": self.adjudicated}


def answer_label(choice: int | None, both_bad: bool) -> str:
    """An answer as the lead reads it, on the A/B axis."""
    if both_bad:
        return "both bad"
    return SCALE.get(choice, "—") if choice is not None else "—"


def latest_adjudication_info(session: Session, campaign_id: int) -> dict[int, AdjudicationInfo]:
    """The latest adjudication per task with who made it and why (later ones override)."""
    out: dict[int, AdjudicationInfo] = {}
    for adj in session.scalars(
        sa.select(lm.Adjudication)
        .where(lm.Adjudication.campaign_id == campaign_id)
        .order_by(lm.Adjudication.id)
    ):
        out[adj.task_id] = AdjudicationInfo(
            adj.lead,
            adj.choice,
            adj.both_bad,
            answer_label(adj.choice, adj.both_bad),
            adj.note,
            adj.created_at.isoformat(timespec="seconds"),
        )
    return out


def disagreements(
    session: Session,
    campaign_id: int,
    *,
    include_adjudicated: bool = True,
    limit: int | None = None,
) -> list[Disagreement]:
    """Tasks of active records whose live labels disagree, most disputed first.

    Disagreement is :func:`curation.labeling.answers.disagreement` over the live labels
    (recomputed here, not read from ``Task.disagreement``). Conversations are loaded only
    for the tasks returned, so pass ``limit`` for a page.
    """
    require_campaign(session, campaign_id)
    labels = live_labels(session, campaign_id)
    per_task: dict[int, list[LiveLabel]] = defaultdict(list)
    for label in labels:
        per_task[label.task_id].append(label)
    scores = {
        task_id: disagreement([(label.choice, label.both_bad) for label in own])
        for task_id, own in per_task.items()
    }
    adjudications = latest_adjudication_info(session, campaign_id)
    disputed = [
        t
        for t, score in scores.items()
        if score > 0 and (include_adjudicated or t not in adjudications)
    ]
    if not disputed:
        return []
    tasks = {
        task.id: task
        for task in session.scalars(
            sa.select(lm.Task)
            .join(m.Record, m.Record.id == lm.Task.record_id)
            .where(lm.Task.id.in_(disputed), m.Record.status == "active")
        )
    }
    ordered = sorted(tasks, key=lambda t: (-scores[t], t))
    if limit is not None:
        ordered = ordered[: max(0, limit)]
    out: list[Disagreement] = []
    for task_id in ordered:
        task = tasks[task_id]
        pair = session.get(m.Pair, task.pair_id)
        record = session.get(m.Record, task.record_id)
        assert pair is not None and record is not None
        a = session.get(m.Completion, pair.completion_a_id)
        b = session.get(m.Completion, pair.completion_b_id)
        assert a is not None and b is not None
        out.append(
            Disagreement(
                task_id=task.id,
                pair_id=pair.id,
                record_id=task.record_id,
                disagreement=scores[task_id],
                labels=[
                    DisputedLabel(
                        label.annotator,
                        label.choice,
                        label.both_bad,
                        answer_label(label.choice, label.both_bad),
                        label.rationale,
                        label.shown_left,
                        label.criteria,
                    )
                    for label in sorted(per_task[task_id], key=lambda x: x.annotator)
                ],
                adjudication=adjudications.get(task_id),
                is_gold=bool(task.is_gold),
                gold_choice=task.gold_choice,
                messages=list(record.messages),
                tools=record.tools,
                completion_a=list(a.messages),
                completion_b=list(b.messages),
            )
        )
    return out
