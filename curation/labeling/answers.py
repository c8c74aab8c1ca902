"""An annotator's answers on the queue's items: submit a judgment, undo the last one, skip,
flag; and the judgment versioning and task disagreement count that every writer shares.

Every call is one transaction, committed before it returns, so a refresh or a server
restart loses nothing that was submitted. Each answer adds a judgment version (earlier
versions stay, no longer current); undo adds a retracted version and reopens the item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from curation.labeling.queue import latest_guideline_version
from curation.labeling.ranking import (
    RankingSettings,
    check_ranking,
    save_ranks,
    shown_order,
    task_answers,
    task_disagreement,
)
from curation.labeling.scale import check_choice
from curation.store import labeling_models as lm
from curation.store import models as m
from curation.store.db import Workspace


@dataclass(frozen=True, slots=True)
class Answer:
    """An annotator's answer on the pair's own A/B axis (see :mod:`curation.labeling.scale`)."""

    choice: int | None
    both_bad: bool = False
    criteria: dict[str, dict[str, int]] | None = None
    rationale: str = ""
    # a ranking item: completion id -> rank (1 best; ties share a rank); ``both_bad`` is
    # "all bad" there (see curation.labeling.ranking)
    ranks: dict[int, int] | None = None


def ranking(ranks: dict[int, int] | None, *, all_bad: bool = False, rationale: str = "") -> Answer:
    """A ranking answer: each shown completion's rank (by completion id), or all bad."""
    return Answer(choice=None, both_bad=all_bad, ranks=dict(ranks or {}), rationale=rationale)


def thumbs(good: bool, reason: str = "") -> Answer:
    """A thumbs answer: good (+1) or bad (−1) on the task's one completion, with an optional reason."""
    return Answer(choice=GOOD if good else BAD, rationale=reason)


GOOD, BAD = 1, -1


def submit(
    ws: Workspace,
    assignment_id: int,
    annotator: str,
    answer: Answer,
    *,
    guideline_version: int | None = None,
    source: str = "app",
    client_key: str | None = None,
) -> lm.Judgment:
    """Record a judgment (a new version if the annotator answered this task before).

    ``client_key`` is the key the annotator's browser made for this answer: an answer sent
    again with the same key (a retry after a dropped connection) returns the judgment
    stored the first time and stores nothing.
    """
    try:
        with ws.tx() as session:
            return submit_in(
                session,
                assignment_id,
                annotator,
                answer,
                guideline_version=guideline_version,
                source=source,
                client_key=client_key,
            )
    except sa.exc.IntegrityError:
        # the same key committed by a concurrent request between our check and our insert
        stored = stored_answer(ws, annotator, client_key) if client_key else None
        if stored is None:
            raise
        return stored


def stored_answer(ws: Workspace, annotator: str, client_key: str) -> lm.Judgment | None:
    """The judgment (answer or undo) the annotator's browser sent with this key, if stored."""
    with ws.read() as session:
        return _by_key(session, annotator, client_key)


_BY_KEY = sa.select(lm.Judgment).where(
    lm.Judgment.annotator == sa.bindparam("annotator"),
    lm.Judgment.client_key == sa.bindparam("client_key"),
)


def _by_key(session: Session, annotator: str, client_key: str) -> lm.Judgment | None:
    return session.scalars(_BY_KEY, {"annotator": annotator, "client_key": client_key}).first()


def stored_in(session: Session, annotator: str, client_key: str) -> lm.Judgment | None:
    """:func:`stored_answer` inside the caller's transaction."""
    return _by_key(session, annotator, client_key)


def submit_in(
    session: Session,
    assignment_id: int,
    annotator: str,
    answer: Answer,
    *,
    guideline_version: int | None = None,
    source: str = "app",
    client_key: str | None = None,
) -> lm.Judgment:
    """:func:`submit` inside the caller's transaction (a concurrent copy of the same key
    raises IntegrityError: the caller rolls back and finds it with :func:`stored_in`)."""
    if client_key and (stored := _by_key(session, annotator, client_key)) is not None:
        return stored
    assignment, task, criteria, needs_rationale, latest_guidelines, kind, settings = _answerable(
        session, assignment_id, annotator
    )
    # checked again under the assignment's lock: a concurrent copy may have just committed
    if client_key and (stored := _by_key(session, annotator, client_key)) is not None:
        return stored
    shown: list[int] = []
    ranks: dict[int, int | None] = {}
    if kind == "thumbs":
        _check_thumbs(needs_rationale, answer)
    elif kind == "ranking":
        shown, ranks = _check_ranking(session, assignment, settings, needs_rationale, answer)
    else:
        _check_answer(criteria, needs_rationale, answer)
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
        guideline_version=guideline_version or latest_guidelines,
        source=source,
        started_at=assignment.assigned_at,
        duration_ms=int((now - assignment.assigned_at).total_seconds() * 1000),
        client_key=client_key,
    )
    if kind == "ranking":
        save_ranks(session, judgment.id, shown, ranks)
        task.disagreement = task_disagreement(session, task.id)
    assignment.status = "done"
    assignment.updated_at = now
    return judgment


def _check_ranking(
    session: Session,
    assignment: lm.Assignment,
    settings: dict[str, Any] | None,
    needs_rationale: Sequence[str],
    answer: Answer,
) -> tuple[list[int], dict[int, int | None]]:
    """The annotator's order of the task's answers and the checked rank of each."""
    if answer.criteria or answer.choice not in (None, 0):
        raise InputError("a ranking item takes ranks or 'all bad', not a pair choice")
    shown = shown_order(
        assignment.campaign_id,
        assignment.task_id,
        assignment.annotator,
        task_answers(session, assignment.task_id),
    )
    ranks = check_ranking(
        shown,
        answer.ranks,
        all_bad=answer.both_bad,
        rank_top=RankingSettings.from_dict(settings).rank_top,
        needs_rationale=needs_rationale,
        rationale=answer.rationale,
    )
    return shown, ranks


_ANSWERABLE = (
    sa.select(
        lm.Assignment,
        lm.Task,
        lm.Campaign.criteria,
        lm.Campaign.rationale_required_for,
        latest_guideline_version(lm.Assignment.campaign_id),
        lm.Campaign.kind,
        lm.Campaign.ranking_settings,
        lm.Campaign.overlap,
    )
    .join(lm.Task, lm.Task.id == lm.Assignment.task_id)
    .join(lm.Campaign, lm.Campaign.id == lm.Assignment.campaign_id)
    .where(lm.Assignment.id == sa.bindparam("assignment_id"))
    .with_for_update(of=[lm.Assignment, lm.Task])
)


def _answerable(
    session: Session, assignment_id: int, annotator: str
) -> tuple[lm.Assignment, lm.Task, list[str], list[str], int, str, dict[str, Any] | None]:
    """The annotator's assignment and its task, both locked, with the campaign's answer rules.

    Locking the task makes concurrent answers on it recount its labels one at a time.
    """
    row = session.execute(_ANSWERABLE, {"assignment_id": assignment_id}).one_or_none()
    if row is None:
        raise NotFoundError(f"assignment {assignment_id} does not exist")
    assignment, task, criteria, needs_rationale, latest_guidelines, kind, settings, overlap = row
    _check_owner(assignment, annotator)
    if assignment.status == "released":  # given back when the annotator left; take it again
        if task.n_assigned >= overlap:
            raise ConflictError(
                "this item went to other annotators while you were away; your answer on it "
                "was not stored"
            )
        task.n_assigned += 1
        assignment.status = "open"
    if assignment.status not in ("open", "done"):
        raise ConflictError(
            f"this item was {assignment.status} (held too long, or given back) and is no "
            "longer yours to answer; your answer on it was not stored"
        )
    return (
        assignment,
        task,
        list(criteria),
        list(needs_rationale),
        int(latest_guidelines or 1),
        str(kind),
        settings,
    )


def _own_assignment(session: Session, assignment_id: int, annotator: str) -> lm.Assignment:
    assignment = session.get(lm.Assignment, assignment_id, with_for_update=True)
    if assignment is None:
        raise NotFoundError(f"assignment {assignment_id} does not exist")
    _check_owner(assignment, annotator)
    return assignment


def _check_owner(assignment: lm.Assignment, annotator: str) -> None:
    if assignment.annotator != annotator:
        raise PermissionDenied("this item is assigned to someone else")


def rationale_required(required_for: Sequence[str], answer: Answer) -> bool:
    """Whether an answer needs a rationale in a campaign that asks for one in the
    ``required_for`` cases (pairs: ``both_bad``, ``tie``; rankings: ``all_bad``, ``tie``):
    what :func:`submit` enforces."""
    return _rationale_case(answer) in required_for


def _rationale_case(answer: Answer) -> str | None:
    if answer.ranks is not None:  # a ranking: all bad, or answers sharing a rank
        if answer.both_bad:
            return "all_bad"
        values = list(answer.ranks.values())
        return "tie" if len(set(values)) < len(values) else None
    return "both_bad" if answer.both_bad else ("tie" if answer.choice == 0 else None)


def _check_answer(criteria: Sequence[str], needs_rationale: Sequence[str], answer: Answer) -> None:
    if answer.both_bad:
        if answer.choice not in (None, 0):
            raise InputError("'both bad' cannot be combined with a preference")
    elif answer.choice is None:
        raise InputError("choose one of the five answers, or 'both bad'")
    else:
        check_choice(answer.choice)
    case = _rationale_case(answer)
    if case in needs_rationale and not answer.rationale.strip():
        label = "both bad" if case == "both_bad" else "a tie"
        raise InputError(f"this campaign asks for a rationale when the answer is {label}")
    for criterion, ratings in (answer.criteria or {}).items():
        if criterion not in criteria:
            raise InputError(f"{criterion!r} is not a criterion of this campaign")
        for side, value in ratings.items():
            if side not in ("a", "b") or not (isinstance(value, int) and 1 <= value <= 5):
                raise InputError(f"{criterion} rating for {side!r} must be 1–5, got {value!r}")


def _check_thumbs(needs_rationale: Sequence[str], answer: Answer) -> None:
    if answer.both_bad or answer.criteria or answer.choice not in (GOOD, BAD):
        raise InputError("a thumbs item takes good or bad, nothing else")
    if answer.choice == BAD and "bad" in needs_rationale and not answer.rationale.strip():
        raise InputError("this campaign asks for a reason when the answer is bad")


_TASK_JUDGMENTS = sa.select(
    lm.Judgment.annotator,
    lm.Judgment.version,
    lm.Judgment.is_current,
    lm.Judgment.retracted,
    lm.Judgment.choice,
    lm.Judgment.both_bad,
).where(lm.Judgment.task_id == sa.bindparam("task_id"))


def add_judgment_version(
    session: Session, task: lm.Task, annotator: str, **values: Any
) -> lm.Judgment:
    """Add the annotator's next version on the task, now their current one, and recount the task.

    Earlier versions stay (no longer current). The caller holds the task row lock, so the
    task's judgments read here are all there are.
    """
    judgments = session.execute(_TASK_JUDGMENTS, {"task_id": task.id}).all()
    mine = [j for j in judgments if j.annotator == annotator]
    if any(j.is_current for j in mine):
        session.execute(
            sa.update(lm.Judgment)
            .where(
                lm.Judgment.task_id == task.id,
                lm.Judgment.annotator == annotator,
                lm.Judgment.is_current.is_(True),
            )
            .values(is_current=False)
        )
    judgment = lm.Judgment(
        campaign_id=task.campaign_id,
        task_id=task.id,
        pair_id=task.pair_id,
        completion_id=task.completion_id,
        annotator=annotator,
        version=max((j.version for j in mine), default=0) + 1,
        is_current=True,
        **values,
    )
    session.add(judgment)
    session.flush()
    live = [
        (j.choice, j.both_bad)
        for j in judgments
        if j.annotator != annotator and j.is_current and not j.retracted
    ]
    if not values.get("retracted", False):
        live.append((values.get("choice"), bool(values.get("both_bad", False))))
    task.n_labels = len(live)
    task.disagreement = disagreement(live)
    return judgment


def disagreement(rows: Sequence[Any]) -> int:
    """0 when the labels agree; otherwise the spread of the scale plus one if some said 'both bad'."""
    choices = [c for c, bad in rows if not bad and c is not None]
    bad = sum(1 for _, b in rows if b)
    spread = (max(choices) - min(choices)) if choices else 0
    mixed = 1 if bad and (bad < len(rows)) else 0
    opposite = 2 if choices and max(choices) > 0 and min(choices) < 0 else 0
    return spread + mixed + opposite


def undo_last(
    ws: Workspace,
    campaign_id: int,
    annotator: str,
    *,
    client_key: str | None = None,
    target: str | None = None,
) -> int | None:
    """Retract the annotator's latest answer (a new, retracted version) and reopen its item.

    Returns the reopened task id, or None if there was nothing to undo. An undo sent again
    with the same ``client_key`` (see :func:`submit`) undoes nothing more. ``target`` names
    the answer to withdraw by its own client key (what a browser knows): it is retracted only
    while it is still the annotator's current answer on its item, else ConflictError, so an
    undo never takes back another answer than the one on the annotator's screen.
    """
    with ws.tx() as session:
        undone = undo_in(session, campaign_id, annotator, client_key=client_key, target=target)
        return None if undone is None else undone[0]


def undo_in(
    session: Session,
    campaign_id: int,
    annotator: str,
    *,
    client_key: str | None = None,
    target: str | None = None,
) -> tuple[int, int | None] | None:
    """:func:`undo_last` inside the caller's transaction; the task and the assignment reopened."""
    if client_key and (done := _by_key(session, annotator, client_key)) is not None:
        return done.task_id, _assignment_of(session, done.task_id, annotator)
    if target is not None:
        last = _by_key(session, annotator, target)
        if last is None or last.campaign_id != campaign_id:
            raise ConflictError("the answer to undo was not stored; nothing was undone")
        if not last.is_current or last.retracted:
            raise ConflictError(
                "that answer was already replaced or withdrawn (another tab?); nothing was undone"
            )
    else:
        last = session.scalar(
            sa.select(lm.Judgment)
            .where(
                lm.Judgment.campaign_id == campaign_id,
                lm.Judgment.annotator == annotator,
                lm.Judgment.is_current.is_(True),
                lm.Judgment.retracted.is_(False),
                # labels merged from files are not the annotator's to undo
                lm.Judgment.source == "app",
            )
            .order_by(lm.Judgment.submitted_at.desc(), lm.Judgment.id.desc())
            .limit(1)
        )
    if last is None:
        return None
    task = session.get(lm.Task, last.task_id, with_for_update=True)
    assert task is not None
    if target is not None:  # re-read under the task's lock: a concurrent answer may have won
        session.refresh(last)
        if not last.is_current or last.retracted:
            raise ConflictError("that answer was already replaced or withdrawn; nothing was undone")
    add_judgment_version(
        session,
        task,
        annotator,
        choice=None,
        retracted=True,
        shown_left=last.shown_left,
        guideline_version=last.guideline_version,
        source="undo",
        client_key=client_key,
    )
    if task.pair_id is None and task.completion_id is None:  # a ranking task
        task.disagreement = task_disagreement(session, task.id)
    assignment = session.scalar(
        sa.select(lm.Assignment).where(
            lm.Assignment.task_id == task.id, lm.Assignment.annotator == annotator
        )
    )
    if assignment is None:
        return task.id, None
    assignment.status = "open"
    assignment.updated_at = m.utcnow()
    assignment.assigned_at = m.utcnow()
    return task.id, assignment.id


def _assignment_of(session: Session, task_id: int, annotator: str) -> int | None:
    return session.scalar(
        sa.select(lm.Assignment.id).where(
            lm.Assignment.task_id == task_id, lm.Assignment.annotator == annotator
        )
    )


def skip(ws: Workspace, assignment_id: int, annotator: str) -> None:
    """Give the item back for others; this annotator will not be served it again."""
    with ws.tx() as session:
        skip_in(session, assignment_id, annotator)


def skip_in(session: Session, assignment_id: int, annotator: str) -> None:
    """:func:`skip` inside the caller's transaction."""
    assignment = _own_assignment(session, assignment_id, annotator)
    if assignment.status == "released":  # its place was given back already
        assignment.status = "skipped"
        return
    if assignment.status != "open":
        return
    assignment.status = "skipped"
    assignment.updated_at = m.utcnow()
    session.execute(
        sa.update(lm.Task)
        .where(lm.Task.id == assignment.task_id)
        .values(n_assigned=lm.Task.n_assigned - 1)
    )


def flag(
    ws: Workspace, assignment_id: int, annotator: str, note: str = "", *, to: bool | None = None
) -> bool:
    """Toggle the annotator's flag on an item (bad data, unclear guidelines…), or set it ``to``
    a state (what a browser re-sending the same request needs); returns the new state."""
    with ws.tx() as session:
        return flag_in(session, assignment_id, annotator, note, to=to)


def flag_in(
    session: Session, assignment_id: int, annotator: str, note: str = "", *, to: bool | None = None
) -> bool:
    """:func:`flag` inside the caller's transaction."""
    assignment = _own_assignment(session, assignment_id, annotator)
    assignment.flagged = (not assignment.flagged) if to is None else to
    assignment.flag_note = note if assignment.flagged else ""
    assignment.updated_at = m.utcnow()
    return assignment.flagged
