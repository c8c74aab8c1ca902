"""The items an annotator is shown: one per assignment, built by the campaign's kind (a pair
in the annotator's placement, one answer for thumbs, 3–5 answers in a per-annotator order for
a ranking). :mod:`curation.labeling.queue` decides which assignments; this module, what they show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from curation.store import labeling_models as lm
from curation.store import models as m


@dataclass(frozen=True, slots=True)
class Item:
    """Everything the rank page needs to show one task, in the annotator's placement."""

    assignment_id: int
    task_id: int
    pair_id: int | None
    record_id: int
    campaign: str
    campaign_id: int
    shown_left: str
    messages: list[dict[str, Any]]
    tools: list[Any] | None
    left: list[dict[str, Any]]
    right: list[dict[str, Any]]
    criteria: list[str]
    rationale_required_for: list[str]
    guideline_version: int
    guidelines: str
    assigned_at: datetime
    flagged: bool
    # "thumbs": one completion to call good or bad, in ``left`` (``right`` is empty)
    kind: str = "pair"
    completion_id: int | None = None
    # "ranking": the answers to rank in this annotator's shuffled order (``left`` and
    # ``right`` are empty), their completion ids in the same order, and for a partial
    # ranking how many to rank (see curation.labeling.ranking)
    answers: tuple[list[dict[str, Any]], ...] = ()
    answer_ids: tuple[int, ...] = ()
    rank_top: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What serving an item needs to know about the campaign and the annotator."""

    campaign_id: int
    name: str
    status: str
    overlap: int
    criteria: list[str]
    rationale_required_for: list[str]
    guideline_version: int
    guidelines: str
    left_balance: int  # this annotator's assignments shown with A on the left, minus with B
    kind: str = "pair"
    ranking_settings: dict[str, Any] | None = None


def _shown(context: Context, assignment_id: int, row: Any, **fields: Any) -> Item:
    """An item with what every kind shares: the campaign's rules and the assignment's state."""
    return Item(
        assignment_id=assignment_id,
        task_id=row.task_id,
        record_id=row.record_id,
        campaign=context.name,
        campaign_id=context.campaign_id,
        messages=row.messages,
        tools=row.tools,
        rationale_required_for=list(context.rationale_required_for),
        guideline_version=context.guideline_version,
        guidelines=context.guidelines,
        assigned_at=row.assigned_at,
        flagged=row.flagged,
        **fields,
    )


def _item_query() -> sa.Select[Any]:
    """The assignment with its task's conversation and both completions."""
    a, b = aliased(m.Completion), aliased(m.Completion)
    return (
        sa.select(
            lm.Assignment.id,
            lm.Assignment.task_id,
            lm.Assignment.shown_left,
            lm.Assignment.assigned_at,
            lm.Assignment.flagged,
            lm.Task.pair_id,
            lm.Task.record_id,
            m.Record.messages,
            m.Record.tools,
            a.messages.label("a"),
            b.messages.label("b"),
        )
        .join(lm.Task, lm.Task.id == lm.Assignment.task_id)
        .join(m.Pair, m.Pair.id == lm.Task.pair_id)
        .join(m.Record, m.Record.id == lm.Task.record_id)
        .join(a, a.id == m.Pair.completion_a_id)
        .join(b, b.id == m.Pair.completion_b_id)
        .where(lm.Assignment.id.in_(sa.bindparam("assignment_ids", expanding=True)))
    )


_ITEM = _item_query()
_THUMBS_ITEM = (
    sa.select(
        lm.Assignment.id,
        lm.Assignment.task_id,
        lm.Assignment.assigned_at,
        lm.Assignment.flagged,
        lm.Task.completion_id,
        lm.Task.record_id,
        m.Record.messages,
        m.Record.tools,
        m.Completion.messages.label("answer"),
    )
    .join(lm.Task, lm.Task.id == lm.Assignment.task_id)
    .join(m.Record, m.Record.id == lm.Task.record_id)
    .join(m.Completion, m.Completion.id == lm.Task.completion_id)
    .where(lm.Assignment.id.in_(sa.bindparam("assignment_ids", expanding=True)))
)


def _thumbs_item(context: Context, row: Any) -> Item:
    return _shown(
        context,
        row.id,
        row,
        pair_id=None,
        shown_left="a",
        left=row.answer,
        right=[],
        criteria=[],
        kind="thumbs",
        completion_id=row.completion_id,
    )


_RANKING_ITEM = (
    sa.select(
        lm.Assignment.task_id,
        lm.Assignment.annotator,
        lm.Assignment.assigned_at,
        lm.Assignment.flagged,
        lm.Task.record_id,
        m.Record.messages,
        m.Record.tools,
    )
    .join(lm.Task, lm.Task.id == lm.Assignment.task_id)
    .join(m.Record, m.Record.id == lm.Task.record_id)
    .where(lm.Assignment.id == sa.bindparam("assignment_id"))
)
_RANKING_ANSWERS = (
    sa.select(m.Completion.id, m.Completion.messages)
    .join(lm.RankingSlot, lm.RankingSlot.completion_id == m.Completion.id)
    .where(lm.RankingSlot.task_id == sa.bindparam("task_id"))
    .order_by(lm.RankingSlot.slot)
)


def _ranking_item(session: Session, context: Context, assignment_id: int) -> Item:
    from curation.labeling.ranking import RankingSettings, shown_order

    row = session.execute(_RANKING_ITEM, {"assignment_id": assignment_id}).one()
    texts: dict[int, list[dict[str, Any]]] = {
        cid: messages
        for cid, messages in session.execute(_RANKING_ANSWERS, {"task_id": row.task_id})
    }
    order = shown_order(context.campaign_id, row.task_id, row.annotator, list(texts))
    settings = RankingSettings.from_dict(context.ranking_settings)
    return _shown(
        context,
        assignment_id,
        row,
        pair_id=None,
        shown_left="a",
        left=[],
        right=[],
        criteria=[],
        kind="ranking",
        answers=tuple(texts[cid] for cid in order),
        answer_ids=tuple(order),
        rank_top=settings.top_for(len(order)),
    )


def build_items(session: Session, context: Context, assignment_ids: list[int]) -> list[Item]:
    """The items of these assignments, in this order (pairs and thumbs in one query)."""
    if not assignment_ids:
        return []
    if context.kind == "ranking":
        return [_ranking_item(session, context, a) for a in assignment_ids]
    query = _THUMBS_ITEM if context.kind == "thumbs" else _ITEM
    rows = {r.id: r for r in session.execute(query, {"assignment_ids": list(assignment_ids)})}
    if context.kind == "thumbs":
        return [_thumbs_item(context, rows[a]) for a in assignment_ids]
    return [_pair_item(context, rows[a]) for a in assignment_ids]


def _pair_item(context: Context, row: Any) -> Item:
    left, right = (row.a, row.b) if row.shown_left == "a" else (row.b, row.a)
    return _shown(
        context,
        row.id,
        row,
        pair_id=row.pair_id,
        shown_left=row.shown_left,
        left=left,
        right=right,
        criteria=list(context.criteria),
    )
