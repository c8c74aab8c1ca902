"""The annotator's queue: serve the next pair, take a judgment, undo, skip, flag.

Every call is one transaction, committed before it returns, so a refresh or a server
restart loses nothing that was submitted. A task is served only by a conditional
``UPDATE tasks SET n_assigned = n_assigned + 1 WHERE n_assigned < overlap``, which
is atomic on SQLite (one writer at a time) and on PostgreSQL (row lock, condition
re-checked), so no pair is ever given to more than k annotators.

Order of service: the annotator's own open assignment first (resume after a refresh,
or the item just undone), then the least-labelled tasks, and among equally labelled
ones those whose labels disagree — a third opinion helps most there — then a fixed
random order. Tasks of records no longer active (dropped as duplicates, excluded)
are never served.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from curation.labeling.campaigns import current_guideline
from curation.labeling.scale import check_choice
from curation.store import models as m
from curation.store.db import Workspace

CANDIDATES = 16
STALE_AFTER = timedelta(hours=2)


@dataclass(slots=True)
class Item:
    """Everything the rank page needs to show one task, in the annotator's placement."""

    assignment_id: int
    task_id: int
    pair_id: int
    record_id: int
    campaign: str
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


@dataclass(slots=True)
class Progress:
    done: int
    quota: int
    skipped: int
    campaign_tasks: int
    campaign_labels: int
    campaign_capacity: int

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.quota) if self.quota else 1.0


def _campaign(session: Session, campaign_id: int) -> m.Campaign:
    campaign = session.get(m.Campaign, campaign_id)
    if campaign is None:
        raise NotFoundError(f"campaign {campaign_id} does not exist")
    return campaign


def _check_member(session: Session, campaign: m.Campaign, annotator: str) -> None:
    member = session.scalar(
        sa.select(m.CampaignAnnotator.annotator).where(
            m.CampaignAnnotator.campaign_id == campaign.id,
            m.CampaignAnnotator.annotator == annotator,
        )
    )
    if member is None:
        raise PermissionDenied(f"{annotator} is not an annotator of campaign {campaign.name!r}")


def next_item(ws: Workspace, campaign_id: int, annotator: str) -> Item | None:
    """The annotator's current item, or a newly assigned one; None when nothing is left for them."""
    with ws.tx() as session:
        campaign = _campaign(session, campaign_id)
        _check_member(session, campaign, annotator)
        if campaign.status != "active":
            return None
        assignment = _open_assignment(session, campaign.id, annotator)
        if assignment is None:
            assignment = _assign(session, campaign, annotator)
        if assignment is None and _release_stale(session, campaign, annotator):
            assignment = _assign(session, campaign, annotator)
        return _item(session, campaign, assignment) if assignment else None


def _open_assignment(session: Session, campaign_id: int, annotator: str) -> m.Assignment | None:
    return session.scalar(
        sa.select(m.Assignment)
        .join(m.Task, m.Task.id == m.Assignment.task_id)
        .join(m.Record, m.Record.id == m.Task.record_id)
        .where(
            m.Assignment.campaign_id == campaign_id,
            m.Assignment.annotator == annotator,
            m.Assignment.status == "open",
            m.Record.status == "active",
        )
        .order_by(m.Assignment.updated_at.desc(), m.Assignment.id.desc())
        .limit(1)
    )


def _assign(session: Session, campaign: m.Campaign, annotator: str) -> m.Assignment | None:
    """Claim the best free task; when others won every candidate in a race, look again."""
    while True:
        candidates = _candidates(session, campaign, annotator)
        if not candidates:
            return None
        for task_id in candidates:
            claimed = session.execute(
                sa.update(m.Task)
                .where(m.Task.id == task_id, m.Task.n_assigned < campaign.overlap)
                .values(n_assigned=m.Task.n_assigned + 1)
            )
            if claimed.rowcount == 1:  # type: ignore[attr-defined]
                assignment = m.Assignment(
                    campaign_id=campaign.id,
                    task_id=task_id,
                    annotator=annotator,
                    shown_left=_balanced_side(session, campaign.id, annotator, task_id),
                )
                session.add(assignment)
                session.flush()
                return assignment


def _candidates(session: Session, campaign: m.Campaign, annotator: str) -> list[int]:
    seen = sa.select(m.Assignment.id).where(
        m.Assignment.task_id == m.Task.id, m.Assignment.annotator == annotator
    )
    candidates = session.scalars(
        sa.select(m.Task.id)
        .join(m.Record, m.Record.id == m.Task.record_id)
        .where(
            m.Task.campaign_id == campaign.id,
            m.Task.n_assigned < campaign.overlap,
            m.Record.status == "active",
            ~sa.exists(seen),
        )
        .order_by(m.Task.n_labels, m.Task.disagreement.desc(), m.Task.queue_key)
        .limit(CANDIDATES)
    ).all()
    return list(candidates)


def _balanced_side(session: Session, campaign_id: int, annotator: str, task_id: int) -> str:
    """Each completion appears on the left half of the time for each annotator, in random order."""
    counts = dict(
        session.execute(
            sa.select(m.Assignment.shown_left, sa.func.count())
            .where(m.Assignment.campaign_id == campaign_id, m.Assignment.annotator == annotator)
            .group_by(m.Assignment.shown_left)
        ).all()
    )
    a, b = counts.get("a", 0), counts.get("b", 0)
    if a != b:
        return "a" if a < b else "b"
    # a stable hash of (task, annotator) is as good as a coin and makes runs reproducible
    return "a" if zlib.crc32(f"{campaign_id}:{task_id}:{annotator}".encode()) & 1 else "b"


def _release_stale(session: Session, campaign: m.Campaign, annotator: str) -> int:
    """Free tasks held by others' assignments left open longer than STALE_AFTER."""
    cutoff = m.utcnow() - STALE_AFTER
    stale = session.scalars(
        sa.select(m.Assignment).where(
            m.Assignment.campaign_id == campaign.id,
            m.Assignment.status == "open",
            m.Assignment.annotator != annotator,
            m.Assignment.updated_at < cutoff,
        )
    ).all()
    for assignment in stale:
        assignment.status = "expired"
        assignment.updated_at = m.utcnow()
        session.execute(
            sa.update(m.Task)
            .where(m.Task.id == assignment.task_id)
            .values(n_assigned=m.Task.n_assigned - 1)
        )
    return len(stale)


def _item(session: Session, campaign: m.Campaign, assignment: m.Assignment) -> Item:
    task = session.get(m.Task, assignment.task_id)
    assert task is not None
    pair = session.get(m.Pair, task.pair_id)
    record = session.get(m.Record, task.record_id)
    assert pair is not None and record is not None
    a = session.get(m.Completion, pair.completion_a_id)
    b = session.get(m.Completion, pair.completion_b_id)
    assert a is not None and b is not None
    guideline = current_guideline(session, campaign.id)
    left, right = (a, b) if assignment.shown_left == "a" else (b, a)
    return Item(
        assignment_id=assignment.id,
        task_id=task.id,
        pair_id=pair.id,
        record_id=record.id,
        campaign=campaign.name,
        shown_left=assignment.shown_left,
        messages=record.messages,
        tools=record.tools,
        left=left.messages,
        right=right.messages,
        criteria=list(campaign.criteria),
        rationale_required_for=list(campaign.rationale_required_for),
        guideline_version=guideline.version,
        guidelines=guideline.text,
        assigned_at=assignment.assigned_at,
        flagged=assignment.flagged,
    )


@dataclass(slots=True)
class Answer:
    """An annotator's answer on the pair's own A/B axis (see :mod:`curation.labeling.scale`)."""

    choice: int | None
    both_bad: bool = False
    criteria: dict[str, dict[str, int]] | None = None
    rationale: str = ""


def submit(
    ws: Workspace,
    assignment_id: int,
    annotator: str,
    answer: Answer,
    *,
    guideline_version: int | None = None,
    source: str = "app",
) -> m.Judgment:
    """Record a judgment (a new version if the annotator answered this task before)."""
    with ws.tx() as session:
        assignment = _own_assignment(session, assignment_id, annotator)
        if assignment.status not in ("open", "done"):
            raise ConflictError(
                f"this item was {assignment.status} and is no longer yours to answer; load the next one"
            )
        campaign = _campaign(session, assignment.campaign_id)
        _check_answer(campaign, answer)
        # Lock the task row: concurrent answers on one task recount its labels one at a time.
        task = session.get(m.Task, assignment.task_id, with_for_update=True)
        assert task is not None
        now = m.utcnow()
        judgment = add_judgment_version(
            session,
            task,
            annotator,
            choice=answer.choice,
            both_bad=answer.both_bad,
            criteria=answer.criteria or {},
            rationale=answer.rationale.strip(),
            shown_left=assignment.shown_left,
            guideline_version=guideline_version or current_guideline(session, campaign.id).version,
            source=source,
            started_at=assignment.assigned_at,
            duration_ms=int((now - assignment.assigned_at).total_seconds() * 1000),
        )
        assignment.status = "done"
        assignment.updated_at = now
        refresh_task(session, task)
        return judgment


def _own_assignment(session: Session, assignment_id: int, annotator: str) -> m.Assignment:
    assignment = session.get(m.Assignment, assignment_id, with_for_update=True)
    if assignment is None:
        raise NotFoundError(f"assignment {assignment_id} does not exist")
    if assignment.annotator != annotator:
        raise PermissionDenied("this item is assigned to someone else")
    return assignment


def _check_answer(campaign: m.Campaign, answer: Answer) -> None:
    if answer.both_bad:
        if answer.choice not in (None, 0):
            raise InputError("'both bad' cannot be combined with a preference")
    elif answer.choice is None:
        raise InputError("choose one of the five answers, or 'both bad'")
    else:
        check_choice(answer.choice)
    needs = set(campaign.rationale_required_for)
    case = "both_bad" if answer.both_bad else ("tie" if answer.choice == 0 else None)
    if case in needs and not answer.rationale.strip():
        label = "both bad" if case == "both_bad" else "a tie"
        raise InputError(f"this campaign asks for a rationale when the answer is {label}")
    for criterion, ratings in (answer.criteria or {}).items():
        if criterion not in campaign.criteria:
            raise InputError(f"{criterion!r} is not a criterion of this campaign")
        for side, value in ratings.items():
            if side not in ("a", "b") or not (isinstance(value, int) and 1 <= value <= 5):
                raise InputError(f"{criterion} rating for {side!r} must be 1–5, got {value!r}")


def add_judgment_version(
    session: Session, task: m.Task, annotator: str, **values: Any
) -> m.Judgment:
    latest = session.scalar(
        sa.select(sa.func.max(m.Judgment.version)).where(
            m.Judgment.task_id == task.id, m.Judgment.annotator == annotator
        )
    )
    session.execute(
        sa.update(m.Judgment)
        .where(
            m.Judgment.task_id == task.id,
            m.Judgment.annotator == annotator,
            m.Judgment.is_current.is_(True),
        )
        .values(is_current=False)
    )
    judgment = m.Judgment(
        campaign_id=task.campaign_id,
        task_id=task.id,
        pair_id=task.pair_id,
        annotator=annotator,
        version=(latest or 0) + 1,
        is_current=True,
        **values,
    )
    session.add(judgment)
    session.flush()
    return judgment


def refresh_task(session: Session, task: m.Task) -> None:
    """Recount the task's live labels and how much they disagree."""
    rows = session.execute(
        sa.select(m.Judgment.choice, m.Judgment.both_bad).where(
            m.Judgment.task_id == task.id,
            m.Judgment.is_current.is_(True),
            m.Judgment.retracted.is_(False),
        )
    ).all()
    task.n_labels = len(rows)
    task.disagreement = disagreement(rows)


def disagreement(rows: Sequence[Any]) -> int:
    """0 when the labels agree; otherwise the spread of the scale plus one if some said 'both bad'."""
    choices = [c for c, bad in rows if not bad and c is not None]
    bad = sum(1 for _, b in rows if b)
    spread = (max(choices) - min(choices)) if choices else 0
    mixed = 1 if bad and (bad < len(rows)) else 0
    opposite = 2 if choices and max(choices) > 0 and min(choices) < 0 else 0
    return spread + mixed + opposite


def undo_last(ws: Workspace, campaign_id: int, annotator: str) -> int | None:
    """Retract the annotator's latest answer (a new, retracted version) and reopen its item.

    Returns the reopened task id, or None if there was nothing to undo.
    """
    with ws.tx() as session:
        last = session.scalar(
            sa.select(m.Judgment)
            .where(
                m.Judgment.campaign_id == campaign_id,
                m.Judgment.annotator == annotator,
                m.Judgment.is_current.is_(True),
                m.Judgment.retracted.is_(False),
                m.Judgment.source
                == "app",  # labels merged from files are not the annotator's to undo
            )
            .order_by(m.Judgment.submitted_at.desc(), m.Judgment.id.desc())
            .limit(1)
        )
        if last is None:
            return None
        task = session.get(m.Task, last.task_id, with_for_update=True)
        assert task is not None
        add_judgment_version(
            session,
            task,
            annotator,
            choice=None,
            retracted=True,
            shown_left=last.shown_left,
            guideline_version=last.guideline_version,
            source="undo",
        )
        assignment = session.scalar(
            sa.select(m.Assignment).where(
                m.Assignment.task_id == task.id, m.Assignment.annotator == annotator
            )
        )
        if assignment is not None:
            assignment.status = "open"
            assignment.updated_at = m.utcnow()
            assignment.assigned_at = m.utcnow()
        refresh_task(session, task)
        return task.id


def skip(ws: Workspace, assignment_id: int, annotator: str) -> None:
    """Give the item back for others; this annotator will not be served it again."""
    with ws.tx() as session:
        assignment = _own_assignment(session, assignment_id, annotator)
        if assignment.status != "open":
            return
        assignment.status = "skipped"
        assignment.updated_at = m.utcnow()
        session.execute(
            sa.update(m.Task)
            .where(m.Task.id == assignment.task_id)
            .values(n_assigned=m.Task.n_assigned - 1)
        )


def flag(ws: Workspace, assignment_id: int, annotator: str, note: str = "") -> bool:
    """Toggle the annotator's flag on an item (bad data, unclear guidelines…); returns the new state."""
    with ws.tx() as session:
        assignment = _own_assignment(session, assignment_id, annotator)
        assignment.flagged = not assignment.flagged
        assignment.flag_note = note if assignment.flagged else ""
        assignment.updated_at = m.utcnow()
        return assignment.flagged


def progress(ws: Workspace, campaign_id: int, annotator: str) -> Progress:
    """Done / assigned for one annotator; assigned is their fair share of the campaign's labels."""
    with ws.read() as session:
        campaign = _campaign(session, campaign_id)
        n_tasks = (
            session.scalar(
                sa.select(sa.func.count(m.Task.id)).where(m.Task.campaign_id == campaign.id)
            )
            or 0
        )
        n_annotators = (
            session.scalar(
                sa.select(sa.func.count())
                .select_from(m.CampaignAnnotator)
                .where(m.CampaignAnnotator.campaign_id == campaign.id)
            )
            or 1
        )
        done = (
            session.scalar(
                sa.select(sa.func.count(m.Judgment.id)).where(
                    m.Judgment.campaign_id == campaign.id,
                    m.Judgment.annotator == annotator,
                    m.Judgment.is_current.is_(True),
                    m.Judgment.retracted.is_(False),
                )
            )
            or 0
        )
        skipped = (
            session.scalar(
                sa.select(sa.func.count(m.Assignment.id)).where(
                    m.Assignment.campaign_id == campaign.id,
                    m.Assignment.annotator == annotator,
                    m.Assignment.status == "skipped",
                )
            )
            or 0
        )
        labels = (
            session.scalar(
                sa.select(sa.func.coalesce(sa.func.sum(m.Task.n_labels), 0)).where(
                    m.Task.campaign_id == campaign.id
                )
            )
            or 0
        )
    capacity = n_tasks * min(campaign.overlap, n_annotators)
    quota = min(n_tasks, math.ceil(capacity / n_annotators))
    return Progress(
        int(done), max(quota, int(done)), int(skipped), int(n_tasks), int(labels), int(capacity)
    )
