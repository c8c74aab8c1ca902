"""Answers a browser made ahead of the server, applied in the order they were made.

The Rank page's task component answers in the browser and sends what the server has not
yet acknowledged as one batch: answers, skips, flags and undos, each with a key the browser
made for it. :func:`apply_batch` applies them in order in one transaction, each operation
inside its own savepoint, and says which keys are done. A key is acknowledged only once its
operation is committed (or refused for good, with the reason: its savepoint is rolled back,
the others stand); a failure of the store (disk, connection, lock, deadlock) stops the batch,
what came before it is committed, and the browser sends the rest again; if the commit itself
fails, nothing is acknowledged and the browser sends the whole batch again. Any other database
error is the operation's own (data the database will never take): it is refused with the
reason, so it cannot hold up those behind it. Sending an operation twice is harmless: answers
and undos are recognised by their key (:func:`curation.labeling.answers.submit`), a skip of a
skipped item does nothing, and a flag carries the state it sets, not a toggle.

An answer on a ranking item names the answers by their on-screen letter (``ranks``:
letter -> rank, or ``all_bad``); the letters are mapped to completions in the annotator's
own order here (:func:`curation.labeling.ranking.ranks_by_completion`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import CurationError, InputError, StorageError
from curation.labeling import answers
from curation.labeling.ranking import ranks_by_completion, shown_order
from curation.labeling.scale import to_pair_axis
from curation.store import labeling_models as lm
from curation.store.db import Workspace
from curation.store.failures import storage_error, unexpected_database_error

log = logging.getLogger(__name__)

KINDS = ("answer", "skip", "flag", "undo")
MAX_KEY = 64


@dataclass(frozen=True, slots=True)
class Refused:
    """An operation the server will never accept (the item went elsewhere, a bad answer)."""

    key: str
    assignment_id: int | None
    message: str


@dataclass(frozen=True, slots=True)
class Shown:
    """How an item was shown to its annotator: the pair side on the left, or for a ranking
    item its answers' completion ids in the annotator's order (A, B, …)."""

    shown_left: str
    answers: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Keys committed (in order), keys refused for good, and why the batch stopped, if it did."""

    acked: tuple[str, ...]
    refused: tuple[Refused, ...]
    stopped: str | None = None  # a store failure: the keys after it were not tried
    # (undo key, assignment it reopened): the browser shows that item again
    reopened: tuple[tuple[str, int], ...] = ()


def apply_batch(ws: Workspace, campaign_id: int, annotator: str, ops: Sequence[Any]) -> BatchResult:
    """Apply the operations in order, in one transaction; see the module docstring."""
    try:
        with ws.tx() as session:
            return _apply_all(session, campaign_id, annotator, ops)
    except StorageError as exc:  # the commit failed: nothing of the batch is stored
        return BatchResult((), (), str(exc))


def _apply_all(
    session: Session, campaign_id: int, annotator: str, ops: Sequence[Any]
) -> BatchResult:
    acked: list[str] = []
    refused: list[Refused] = []
    reopened: list[tuple[str, int]] = []
    sides = _placements(session, campaign_id, annotator, ops)
    for raw in ops:
        key = raw.get("key") if isinstance(raw, Mapping) else None
        if not isinstance(key, str) or not key or len(key) > MAX_KEY:
            continue  # nothing to acknowledge it by; a browser of ours never sends one
        assignment_id = raw.get("assignment")
        aid = assignment_id if isinstance(assignment_id, int) else None
        try:
            with session.begin_nested():
                back = _apply(session, campaign_id, annotator, raw, sides)
        except StorageError as exc:
            return BatchResult(tuple(acked), tuple(refused), str(exc), tuple(reopened))
        except CurationError as exc:
            refused.append(Refused(key, aid, str(exc)))
            continue
        except sa.exc.IntegrityError as exc:
            # a concurrent copy of the same answer committed its key first: it is stored
            if raw.get("kind") == "answer" and answers.stored_in(session, annotator, key):
                acked.append(key)
                continue
            refused.append(_refused_by_database(key, aid, exc))
            continue
        except sa.exc.StatementError as exc:
            failure = storage_error(exc) if isinstance(exc, sa.exc.DBAPIError) else None
            if failure is not None:
                return BatchResult(tuple(acked), tuple(refused), str(failure), tuple(reopened))
            # not a storage failure: sending again cannot help
            refused.append(_refused_by_database(key, aid, exc))
            continue
        finally:
            # what this operation read is not trusted by the next one (a rolled-back savepoint)
            session.expire_all()
        acked.append(key)
        if back is not None:
            reopened.append((key, back))
    return BatchResult(tuple(acked), tuple(refused), None, tuple(reopened))


def _refused_by_database(key: str, aid: int | None, exc: sa.exc.StatementError) -> Refused:
    log.warning("operation %s refused by the database", key, exc_info=exc)
    why = unexpected_database_error(exc) or "unexpected database error."
    return Refused(key, aid, f"not stored: the database refused it ({why[:-1]})")


def _placements(
    session: Session, campaign_id: int, annotator: str, ops: Sequence[Any]
) -> dict[int, Shown]:
    """How each item of the batch was shown (the browser is not told which completion is which)."""
    ids = {
        op["assignment"]
        for op in ops
        if isinstance(op, Mapping) and isinstance(op.get("assignment"), int)
    }
    if not ids:
        return {}
    rows = session.execute(
        sa.select(
            lm.Assignment.id,
            lm.Assignment.shown_left,
            lm.Assignment.task_id,
            lm.Assignment.campaign_id,
            lm.Campaign.kind,
        )
        .join(lm.Campaign, lm.Campaign.id == lm.Assignment.campaign_id)
        .where(
            lm.Assignment.id.in_(ids),
            lm.Assignment.annotator == annotator,
            lm.Assignment.campaign_id == campaign_id,
        )
    ).all()
    ranked = {task_id for _, _, task_id, _, kind in rows if kind == "ranking"}
    slots: dict[int, list[int]] = {}
    if ranked:
        for task_id, completion_id in session.execute(
            sa.select(lm.RankingSlot.task_id, lm.RankingSlot.completion_id)
            .where(lm.RankingSlot.task_id.in_(ranked))
            .order_by(lm.RankingSlot.task_id, lm.RankingSlot.slot)
        ):
            slots.setdefault(task_id, []).append(completion_id)
    return {
        aid: Shown(
            left,
            tuple(shown_order(campaign_id, task_id, annotator, slots.get(task_id, [])))
            if kind == "ranking"
            else None,
        )
        for aid, left, task_id, campaign_id, kind in rows
    }


def _apply(
    session: Session,
    campaign_id: int,
    annotator: str,
    op: Mapping[str, Any],
    sides: dict[int, Shown],
) -> int | None:
    """Apply one operation; for an undo, the assignment it reopened."""
    kind, key = op.get("kind"), str(op["key"])
    if kind == "undo":
        target = op.get("target")
        undone = answers.undo_in(
            session,
            campaign_id,
            annotator,
            client_key=key,
            target=target if isinstance(target, str) and target else None,
        )
        return None if undone is None else undone[1]
    aid = op.get("assignment")
    if kind not in KINDS or not isinstance(aid, int) or aid not in sides:
        raise InputError(f"not an operation on one of your items: {kind!r} on {aid!r}")
    if kind == "skip":
        answers.skip_in(session, aid, annotator)
    elif kind == "flag":
        answers.flag_in(session, aid, annotator, _text(op.get("note")), to=bool(op.get("on")))
    else:
        answer = _answer(op, sides[aid])
        answers.submit_in(
            session, aid, annotator, answer, guideline_version=_version(op), client_key=key
        )
    return None


def _answer(op: Mapping[str, Any], shown: Shown) -> answers.Answer:
    rationale = _text(op.get("rationale"))
    if shown.answers is not None:
        return _ranking(op, shown.answers, rationale)
    if "good" in op:  # a thumbs item
        return answers.thumbs(bool(op["good"]), rationale)
    shown_left = shown.shown_left
    both_bad = bool(op.get("both_bad"))
    screen = op.get("screen")
    choice: int | None = None
    if not both_bad:
        if not isinstance(screen, int):
            raise InputError("choose one of the five answers, or 'both bad'")
        choice = to_pair_axis(screen, shown_left)
    other = "b" if shown_left == "a" else "a"
    criteria: dict[str, dict[str, int]] = {}
    raw = op.get("criteria")
    for name, ratings in (raw if isinstance(raw, Mapping) else {}).items():
        if not isinstance(ratings, Mapping):
            continue
        for side, value in ratings.items():
            if value is None:
                continue
            if side not in ("left", "right"):
                raise InputError(f"{name} rating for {side!r}: say left or right")
            criteria.setdefault(_text(str(name)), {})[shown_left if side == "left" else other] = (
                value
            )
    return answers.Answer(choice=choice, both_bad=both_bad, criteria=criteria, rationale=rationale)


def _ranking(op: Mapping[str, Any], shown: tuple[int, ...], rationale: str) -> answers.Answer:
    """A ranking answer from ranks by on-screen letter (answers.submit checks the ranks)."""
    raw = op.get("ranks")
    if raw is not None and not isinstance(raw, Mapping):
        raise InputError("ranks: expected the rank of each answer by its letter")
    ranks = ranks_by_completion(shown, raw or {})
    return answers.ranking(ranks, all_bad=bool(op.get("all_bad")), rationale=rationale)


def _text(value: Any) -> str:
    # PostgreSQL's text cannot hold U+0000; nobody types it, a paste can carry it
    return value.replace("\x00", "") if isinstance(value, str) else ""


def _version(op: Mapping[str, Any]) -> int | None:
    version = op.get("guideline_version")
    return version if isinstance(version, int) and version > 0 else None
