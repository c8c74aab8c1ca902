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
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from curation.errors import NotFoundError, PermissionDenied
from curation.labeling.items import Context as _Context
from curation.labeling.items import Item, build_items
from curation.store import labeling_models as lm
from curation.store import models as m
from curation.store.db import Workspace

CANDIDATES = 16
SHARE_SCAN = 512  # free tasks counted at most for the fair share (16 annotators × 32)
STALE_AFTER = timedelta(hours=2)


def next_item(ws: Workspace, campaign_id: int, annotator: str) -> Item | None:
    """The annotator's current item, or a newly assigned one; None when nothing is left for them."""
    items = next_items(ws, campaign_id, annotator, 1)
    return items[0] if items else None


def next_items(
    ws: Workspace, campaign_id: int, annotator: str, n: int, *, exclude: Collection[int] = ()
) -> list[Item]:
    """Up to ``n`` items for the annotator, all claimed (assignments), in the order to show them.

    The annotator's open items come first (one just undone before the others, then in the
    order they were claimed), then newly claimed ones; a browser holds them to show the next
    item at once. ``exclude`` names assignments the browser has answered but not yet sent:
    they stay claimed and are not returned. Every claim is conditional, so no task is held by
    more than k annotators; an annotator holds no more than a fair share of the work left
    (:func:`fair_share`); items held but left are given back by :func:`release_claims` (or
    expire, see ``STALE_AFTER``); every call renews the lease of the items the annotator holds.
    """
    with ws.tx() as session:
        if not ws.is_sqlite:
            session.execute(_ONE_CLAIM_AT_A_TIME, {"campaign": campaign_id, "annotator": annotator})
        context = _context(session, campaign_id, annotator)
        if context.status != "active" or n <= 0:
            return []
        mine = session.scalars(_OPEN, {"campaign": campaign_id, "annotator": annotator}).all()
        if mine:  # what the browser still holds is in use: renew the lease so it does not expire
            session.execute(_RENEW, {"campaign": campaign_id, "who": annotator, "now": m.utcnow()})
        held = [a for a in mine if a not in exclude][:n]
        wanted = n - len(held)
        if wanted > 0 and len(mine) + wanted > 1:
            cap = fair_share(session, campaign_id, annotator, len(mine))
            wanted = min(wanted, max(cap - len(mine), 0 if held else 1))
        if wanted > 0:
            held += _assign(session, context, annotator, wanted)
        return build_items(session, context, held)


def fair_share(session: Session, campaign_id: int, annotator: str, mine: int) -> int:
    """How many items the annotator may hold: the work left, shared by those at work.

    The work is the free places and the items held; those at work are the annotator and
    every other annotator of the campaign holding an item whose lease is alive or having
    answered or skipped one within ``STALE_AFTER`` (names of imported labels are not at work).
    So a fast annotator claiming ahead on a small campaign, or near the end of a large one,
    leaves the others their part, even one between an answer and a refill. A campaign
    with at least ``SHARE_SCAN`` free tasks has work enough for everyone: it is not counted
    further, and nobody else's items are (one short index scan per refill).
    """
    free = int(session.scalar(_FREE_PLACES, {"campaign": campaign_id}) or 0)
    if free >= SHARE_SCAN:
        return SHARE_SCAN
    others, held = session.execute(
        _AT_WORK, {"campaign": campaign_id, "who": annotator, "since": m.utcnow() - STALE_AFTER}
    ).one()
    if not others:
        return SHARE_SCAN
    return max(1, -(-(free + int(held or 0) + mine) // (int(others) + 1)))


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
    """The campaign, membership, current guidelines and the annotator's placement balance."""
    campaign_id: sa.BindParameter[int] = sa.bindparam("campaign_id")
    annotator: sa.BindParameter[str] = sa.bindparam("annotator")
    member = sa.exists().where(
        lm.CampaignAnnotator.campaign_id == lm.Campaign.id,
        lm.CampaignAnnotator.annotator == annotator,
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


def _claim_query(*, skip_locked: bool) -> sa.Update:
    """Claim up to ``n`` of the best free tasks in one statement, returning them with their order.

    On PostgreSQL ``SKIP LOCKED`` passes over tasks another annotator's transaction is claiming
    or answering right now, instead of queueing behind it: with several annotators at once all
    would otherwise wait on the same best task. The outer condition re-checks the room left.
    """
    task = aliased(lm.Task)
    best = _candidates_query(task).limit(sa.bindparam("n"))
    if skip_locked:
        best = best.with_for_update(skip_locked=True, of=task)
    # a CTE is evaluated once (a locking subquery under IN may be run again by the planner)
    chosen = best.cte("chosen")
    return (
        sa.update(lm.Task)
        .where(lm.Task.id.in_(sa.select(chosen.c.id)), lm.Task.n_assigned < sa.bindparam("overlap"))
        .values(n_assigned=lm.Task.n_assigned + 1)
        .returning(lm.Task.id, lm.Task.n_labels, lm.Task.disagreement, lm.Task.queue_key)
        .execution_options(synchronize_session=False)
    )


_CLAIM_SKIPPING = _claim_query(skip_locked=True)
_CLAIM_WAITING = _claim_query(skip_locked=False)
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
_NEW_ASSIGNMENTS = sa.insert(lm.Assignment).returning(
    lm.Assignment.id, lm.Assignment.task_id, sort_by_parameter_order=True
)
# a task the annotator had released (left the page) keeps its row and its placement
_RETAKE = (
    sa.update(lm.Assignment)
    .where(
        lm.Assignment.task_id.in_(sa.bindparam("tasks", expanding=True)),
        lm.Assignment.annotator == sa.bindparam("who"),
        lm.Assignment.status == "released",
    )
    .values(status="open", assigned_at=sa.bindparam("now"), updated_at=sa.bindparam("now"))
    .returning(lm.Assignment.id, lm.Assignment.task_id)
    .execution_options(synchronize_session=False)
)
# the work left to share: free places on active tasks (a bounded scan) and who is at work
_FREE_TASKS = (
    sa.select((lm.Campaign.overlap - lm.Task.n_assigned).label("room"))
    .select_from(lm.Task)
    .join(lm.Campaign, lm.Campaign.id == lm.Task.campaign_id)
    .join(m.Record, m.Record.id == lm.Task.record_id)
    .where(
        lm.Task.campaign_id == sa.bindparam("campaign"),
        lm.Task.n_assigned < lm.Campaign.overlap,
        m.Record.status == "active",
    )
    .limit(SHARE_SCAN)
    .subquery()
)
_FREE_PLACES = sa.select(sa.func.sum(_FREE_TASKS.c.room))
# Those at work hold an item, or answered or skipped one, since ``since``: an annotator who
# has just answered all they held holds nothing until their next refill, yet is at work.
# Only the campaign's annotators: a labels import leaves done assignments under names from
# another tool, who never ask for items.
_MEMBER = (
    sa.select(lm.CampaignAnnotator.annotator)
    .where(
        lm.CampaignAnnotator.campaign_id == lm.Assignment.campaign_id,
        lm.CampaignAnnotator.annotator == lm.Assignment.annotator,
    )
    .exists()
)
_AT_WORK = sa.select(
    sa.func.count(sa.distinct(lm.Assignment.annotator)),
    sa.func.sum(sa.case((lm.Assignment.status == "open", 1), else_=0)),
).where(
    lm.Assignment.campaign_id == sa.bindparam("campaign"),
    lm.Assignment.status.in_(("open", "done", "skipped")),
    lm.Assignment.annotator != sa.bindparam("who"),
    lm.Assignment.updated_at >= sa.bindparam("since"),
    _MEMBER,
)


def _assign(session: Session, context: _Context, annotator: str, n: int) -> list[int]:
    """Claim up to ``n`` free tasks for the annotator, best first, and open an assignment on each.

    Each round's tasks get their assignments before the next round looks again, so that the
    next round (candidates exclude the annotator's own tasks) cannot claim them a second time.
    """
    wanted = {"campaign": context.campaign_id, "overlap": context.overlap, "annotator": annotator}
    opened: list[int] = []
    balance = context.left_balance
    looked_for_stale = False
    waited = False
    while len(opened) < n:
        query = _CLAIM_WAITING if waited else _CLAIM_SKIPPING
        rows = session.execute(query, {**wanted, "n": n - len(opened)}).tuples().all()
        if rows:
            # the best first: the candidates' own order (UPDATE … RETURNING has none)
            tasks = [t for t, *_ in sorted(rows, key=lambda r: (r[1], -r[2], r[3], r[0]))]
            ids, balance = _open(session, context, annotator, tasks, balance)
            opened += ids
        elif not waited:  # nothing free but maybe a task others are busy with: wait for it once
            waited = True
        elif not looked_for_stale and _release_stale(session, context.campaign_id, annotator):
            looked_for_stale = True
        else:
            break
    return opened


def _open(
    session: Session, context: _Context, annotator: str, tasks: list[int], balance: int
) -> tuple[list[int], int]:
    """Assignments on the claimed tasks, in their order, and the placement balance after them."""
    now = m.utcnow()
    by_task = dict(
        (task_id, aid)
        for aid, task_id in session.execute(
            _RETAKE, {"tasks": tasks, "who": annotator, "now": now}
        ).tuples()
    )
    new_rows = []
    for task_id in tasks:
        if task_id in by_task:
            continue
        side = _balanced_side(context.campaign_id, context.kind, balance, annotator, task_id)
        balance += 1 if side == "a" else -1
        new_rows.append(
            {
                "campaign_id": context.campaign_id,
                "task_id": task_id,
                "annotator": annotator,
                "shown_left": side,
                "assigned_at": now,
                "updated_at": now,
            }
        )
    if new_rows:
        for aid, task_id in session.execute(_NEW_ASSIGNMENTS, new_rows).tuples():
            by_task[task_id] = aid
    return [by_task[t] for t in tasks], balance


def _balanced_side(campaign_id: int, kind: str, balance: int, annotator: str, task_id: int) -> str:
    """Each completion appears on the left half of the time for each annotator, in random order."""
    if kind != "pair":  # one completion, or a shuffled ranking: no sides to balance
        return "a"
    if balance:
        return "a" if balance < 0 else "b"
    # a stable hash of (task, annotator) is as good as a coin and makes runs reproducible
    key = f"{campaign_id}:{task_id}:{annotator}"
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
