"""The annotator's queue: serve the next pair (answers, undo, skip and flag are in
:mod:`curation.labeling.answers`, an annotator's share in :mod:`curation.labeling.quota`).

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

import zlib
from collections.abc import Collection
from dataclasses import replace
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from curation.errors import NotFoundError, PermissionDenied
from curation.labeling.items import Context as _Context
from curation.labeling.items import Item, build_item
from curation.store import labeling_models as lm
from curation.store import models as m
from curation.store.db import Workspace

CANDIDATES = 16
STALE_AFTER = timedelta(hours=2)


def next_item(ws: Workspace, campaign_id: int, annotator: str) -> Item | None:
    """The annotator's current item, or a newly assigned one; None when nothing is left for them."""
    with ws.tx() as session:
        if not ws.is_sqlite:
            session.execute(_ONE_CLAIM_AT_A_TIME, {"campaign": campaign_id, "annotator": annotator})
        context = _context(session, campaign_id, annotator)
        if context.status != "active":
            return None
        assignment_id = context.open_assignment_id
        if assignment_id is None:
            assignment_id = _assign(session, context, annotator)
        if assignment_id is None and _release_stale(session, context.campaign_id, annotator):
            assignment_id = _assign(session, context, annotator)
        return build_item(session, context, assignment_id) if assignment_id else None


def next_items(
    ws: Workspace, campaign_id: int, annotator: str, n: int, *, exclude: Collection[int] = ()
) -> list[Item]:
    """Up to ``n`` items for the annotator, all claimed (assignments), in the order to show them.

    The annotator's open items come first (one just undone before the others, then in the
    order they were claimed), then newly claimed ones; a browser holds them to show the next
    item at once. ``exclude`` names assignments the browser has answered but not yet sent:
    they stay claimed and are not returned. Each claim is the same conditional claim as
    :func:`next_item`'s, so no task is held by more than k annotators; items held but left
    are given back by :func:`release_claims` (or expire, see ``STALE_AFTER``); every call
    renews the lease of the items the annotator holds.
    """
    with ws.tx() as session:
        if not ws.is_sqlite:
            session.execute(_ONE_CLAIM_AT_A_TIME, {"campaign": campaign_id, "annotator": annotator})
        context = _context(session, campaign_id, annotator)
        if context.status != "active" or n <= 0:
            return []
        # what the browser still holds is in use: renew the lease so it does not expire
        session.execute(_RENEW, {"campaign": campaign_id, "who": annotator, "now": m.utcnow()})
        held = [
            a
            for a in session.scalars(_OPEN, {"campaign": campaign_id, "annotator": annotator})
            if a not in exclude
        ][:n]
        looked_for_stale = False
        while len(held) < n:
            assignment_id = _assign(session, context, annotator)
            if assignment_id is None:
                if looked_for_stale or not _release_stale(session, campaign_id, annotator):
                    break
                looked_for_stale = True
                continue
            held.append(assignment_id)
            balance = session.scalar(_BALANCE, {"campaign": campaign_id, "annotator": annotator})
            context = replace(context, left_balance=int(balance or 0))
        return [build_item(session, context, a) for a in held]


def release_claims(
    ws: Workspace, annotator: str, campaign_id: int | None = None, *, keep: Collection[int] = ()
) -> int:
    """Give back the annotator's open items (in one campaign, or all) but those in ``keep``.

    What a browser held ahead of the annotator returns to the pool when they leave (another
    campaign, sign out); the row stays, marked released, so an answer the browser still sends
    for it takes the item again if there is room (see :func:`curation.labeling.answers.submit`).
    Returns how many items were given back.
    """
    with ws.tx() as session:
        query = sa.select(lm.Assignment).where(
            lm.Assignment.annotator == annotator, lm.Assignment.status == "open"
        )
        if campaign_id is not None:
            query = query.where(lm.Assignment.campaign_id == campaign_id)
        released = [a for a in session.scalars(query.with_for_update()) if a.id not in keep]
        for assignment in released:
            assignment.status = "released"
            assignment.updated_at = m.utcnow()
            session.execute(
                sa.update(lm.Task)
                .where(lm.Task.id == assignment.task_id)
                .values(n_assigned=lm.Task.n_assigned - 1)
            )
        return len(released)


# One annotator's requests take turns (the same account open in two tabs). On SQLite a
# write transaction already shuts out every other. On PostgreSQL each statement sees what
# was committed before it started: without this lock both tabs read "no open item" and
# claimed the same task (overlap ≥ 2 leaves room), and the second insert broke the unique
# (task, annotator) constraint. After waiting here, the context read below sees the item
# the other tab just opened, and serves it to both.
_ONE_CLAIM_AT_A_TIME = (
    sa.select(lm.CampaignAnnotator.annotator)
    .where(
        lm.CampaignAnnotator.campaign_id == sa.bindparam("campaign"),
        lm.CampaignAnnotator.annotator == sa.bindparam("annotator"),
    )
    .with_for_update(key_share=True)
)

# The statements run on every answer are built once, with bound parameters: building and
# cache-keying them on each call cost about as much Python time as running them.


def latest_guideline_version(campaign_id: Any) -> sa.ScalarSelect[int]:
    return (
        sa.select(sa.func.max(lm.Guideline.version))
        .where(lm.Guideline.campaign_id == campaign_id)
        .scalar_subquery()
    )


def _context_query() -> sa.Select[Any]:
    """The campaign, membership, current guidelines, open assignment and placement balance."""
    campaign_id: sa.BindParameter[int] = sa.bindparam("campaign_id")
    annotator: sa.BindParameter[str] = sa.bindparam("annotator")
    member = sa.exists().where(
        lm.CampaignAnnotator.campaign_id == lm.Campaign.id,
        lm.CampaignAnnotator.annotator == annotator,
    )
    # the item to resume: the most recently touched open assignment
    open_assignment = (
        sa.select(lm.Assignment.id)
        .join(lm.Task, lm.Task.id == lm.Assignment.task_id)
        .join(m.Record, m.Record.id == lm.Task.record_id)
        .where(
            lm.Assignment.campaign_id == campaign_id,
            lm.Assignment.annotator == annotator,
            lm.Assignment.status == "open",
            m.Record.status == "active",
        )
        .order_by(lm.Assignment.updated_at.desc(), lm.Assignment.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    left_balance = (
        sa.select(sa.func.sum(sa.case((lm.Assignment.shown_left == "a", 1), else_=-1)))
        .where(lm.Assignment.campaign_id == campaign_id, lm.Assignment.annotator == annotator)
        .scalar_subquery()
    )
    guideline = aliased(lm.Guideline)
    return (
        sa.select(
            lm.Campaign.name,
            lm.Campaign.status,
            lm.Campaign.overlap,
            lm.Campaign.criteria,
            lm.Campaign.rationale_required_for,
            member,
            guideline.version,
            guideline.text,
            open_assignment,
            left_balance,
            lm.Campaign.kind,
            lm.Campaign.ranking_settings,
        )
        .outerjoin(
            guideline,
            sa.and_(
                guideline.campaign_id == lm.Campaign.id,
                guideline.version == latest_guideline_version(lm.Campaign.id),
            ),
        )
        .where(lm.Campaign.id == campaign_id)
    )


_CONTEXT = _context_query()
# the annotator's open items: one reopened by an undo (it has a judgment of theirs) first,
# then in the order they were claimed
_OPEN = (
    sa.select(lm.Assignment.id)
    .join(lm.Task, lm.Task.id == lm.Assignment.task_id)
    .join(m.Record, m.Record.id == lm.Task.record_id)
    .where(
        lm.Assignment.campaign_id == sa.bindparam("campaign"),
        lm.Assignment.annotator == sa.bindparam("annotator"),
        lm.Assignment.status == "open",
        m.Record.status == "active",
    )
    .order_by(
        sa.exists()
        .where(
            lm.Judgment.task_id == lm.Assignment.task_id,
            lm.Judgment.annotator == lm.Assignment.annotator,
        )
        .desc(),
        lm.Assignment.id,
    )
)
_BALANCE = sa.select(sa.func.sum(sa.case((lm.Assignment.shown_left == "a", 1), else_=-1))).where(
    lm.Assignment.campaign_id == sa.bindparam("campaign"),
    lm.Assignment.annotator == sa.bindparam("annotator"),
)


def _context(session: Session, campaign_id: int, annotator: str) -> _Context:
    row = session.execute(
        _CONTEXT, {"campaign_id": campaign_id, "annotator": annotator}
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"campaign {campaign_id} does not exist")
    (
        name,
        status,
        overlap,
        criteria,
        needs_rationale,
        is_member,
        version,
        text,
        open_id,
        balance,
        kind,
        ranking_settings,
    ) = row
    if not is_member:
        raise PermissionDenied(f"{annotator} is not an annotator of campaign {name!r}")
    assert version is not None, "every campaign is created with guidelines version 1"
    return _Context(
        campaign_id=campaign_id,
        name=name,
        status=status,
        overlap=overlap,
        criteria=list(criteria),
        rationale_required_for=list(needs_rationale),
        guideline_version=version,
        guidelines=text,
        open_assignment_id=open_id,
        left_balance=int(balance or 0),
        kind=kind,
        ranking_settings=ranking_settings,
    )


def _candidates_query(task: Any) -> sa.Select[int]:
    """Tasks the annotator may be given, best first (see the module docstring)."""
    return (
        sa.select(task.id)
        .join(m.Record, m.Record.id == task.record_id)
        .where(
            task.campaign_id == sa.bindparam("campaign"),
            task.n_assigned < sa.bindparam("overlap"),
            m.Record.status == "active",
            ~sa.exists().where(
                lm.Assignment.task_id == task.id,
                lm.Assignment.annotator == sa.bindparam("annotator"),
                lm.Assignment.status != "released",
            ),
        )
        .order_by(task.n_labels, task.disagreement.desc(), task.queue_key)
    )


_CANDIDATES = _candidates_query(lm.Task).limit(CANDIDATES)
_CLAIM = (
    sa.update(lm.Task)
    .where(lm.Task.id == sa.bindparam("task_id"), lm.Task.n_assigned < sa.bindparam("overlap"))
    .values(n_assigned=lm.Task.n_assigned + 1)
    .execution_options(synchronize_session=False)
)
# Finding the best task and claiming it in one statement saves a round trip on every
# item; the subquery scans an alias of tasks so that it is not correlated with the row
# being updated.
_CLAIM_BEST = (
    sa.update(lm.Task)
    .where(
        lm.Task.id == _candidates_query(aliased(lm.Task)).limit(1).scalar_subquery(),
        lm.Task.n_assigned < sa.bindparam("overlap"),
    )
    .values(n_assigned=lm.Task.n_assigned + 1)
    .returning(lm.Task.id)
    .execution_options(synchronize_session=False)
)
# held items renewed on each refill, so that only items a browser stopped asking for go stale
_RENEW = (
    sa.update(lm.Assignment)
    .where(
        lm.Assignment.campaign_id == sa.bindparam("campaign"),
        lm.Assignment.annotator == sa.bindparam("who"),
        lm.Assignment.status == "open",
    )
    .values(updated_at=sa.bindparam("now"))
    .execution_options(synchronize_session=False)
)
_NEW_ASSIGNMENT = sa.insert(lm.Assignment).returning(lm.Assignment.id)
# a task the annotator had released (left the page) keeps its row and its placement
_RETAKE = (
    sa.update(lm.Assignment)
    .where(
        lm.Assignment.task_id == sa.bindparam("task"),
        lm.Assignment.annotator == sa.bindparam("who"),
        lm.Assignment.status == "released",
    )
    .values(status="open", assigned_at=sa.bindparam("now"), updated_at=sa.bindparam("now"))
    .returning(lm.Assignment.id)
    .execution_options(synchronize_session=False)
)


def _assign(session: Session, context: _Context, annotator: str) -> int | None:
    """Claim the best free task for the annotator and open an assignment on it."""
    # not "campaign_id": an UPDATE takes a parameter named after a column as a value to SET
    wanted = {"campaign": context.campaign_id, "overlap": context.overlap, "annotator": annotator}
    task_id = session.execute(_CLAIM_BEST, wanted).scalar()
    if task_id is None:  # nothing left, or another annotator took the last free place first
        task_id = _claim_a_candidate(session, wanted)
    if task_id is None:
        return None
    retaken = session.scalars(
        _RETAKE, {"task": task_id, "who": annotator, "now": m.utcnow()}
    ).first()
    if retaken is not None:
        return retaken
    return session.scalars(
        _NEW_ASSIGNMENT,
        {
            "campaign_id": context.campaign_id,
            "task_id": task_id,
            "annotator": annotator,
            "shown_left": _balanced_side(context, annotator, task_id),
        },
    ).one()


def _claim_a_candidate(session: Session, wanted: dict[str, Any]) -> int | None:
    """Claim the first free task among the best; when others won every one in a race, look again."""
    while True:
        candidates = session.scalars(_CANDIDATES, wanted).all()
        if not candidates:
            return None
        for task_id in candidates:
            claimed = session.execute(_CLAIM, {"task_id": task_id, "overlap": wanted["overlap"]})
            if claimed.rowcount == 1:  # type: ignore[attr-defined]
                return task_id


def _balanced_side(context: _Context, annotator: str, task_id: int) -> str:
    """Each completion appears on the left half of the time for each annotator, in random order."""
    if context.kind != "pair":  # one completion, or a shuffled ranking: no sides to balance
        return "a"
    if context.left_balance:
        return "a" if context.left_balance < 0 else "b"
    # a stable hash of (task, annotator) is as good as a coin and makes runs reproducible
    key = f"{context.campaign_id}:{task_id}:{annotator}"
    return "a" if zlib.crc32(key.encode()) & 1 else "b"


def _release_stale(session: Session, campaign_id: int, annotator: str) -> int:
    """Free tasks held by others' assignments left open longer than STALE_AFTER.

    One conditional UPDATE: on PostgreSQL a row another transaction expired or answered
    meanwhile fails the re-checked ``status = 'open'`` and is not returned, so each stale
    assignment gives its place back exactly once, and an answered one is never expired.
    """
    now = m.utcnow()
    expired = (
        session.execute(
            sa.update(lm.Assignment)
            .where(
                lm.Assignment.campaign_id == campaign_id,
                lm.Assignment.status == "open",
                lm.Assignment.annotator != annotator,
                lm.Assignment.updated_at < now - STALE_AFTER,
            )
            .values(status="expired", updated_at=now)
            .returning(lm.Assignment.task_id)
            .execution_options(synchronize_session=False)
        )
        .scalars()
        .all()
    )
    for task_id in expired:
        session.execute(
            sa.update(lm.Task)
            .where(lm.Task.id == task_id)
            .values(n_assigned=lm.Task.n_assigned - 1)
            .execution_options(synchronize_session=False)
        )
    return len(expired)
