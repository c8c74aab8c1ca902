"""The browser's queue on the library side: items claimed ahead (never over k), given back on
leaving, and answers sent with a browser-made key stored once however often they are re-sent."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import ConflictError, StorageError
from curation.labeling import answers, queue
from curation.labeling.answers import Answer
from curation.labeling.outbox import BatchResult, apply_batch
from curation.store import Workspace
from curation.store import labeling_models as lm
from curation.store import models as m
from tests.helpers.labeling import campaign, pair_dataset, users
from tests.test_thumbs import answers_dataset, thumbs_campaign


def n_assigned(ws: Workspace) -> dict[int, int]:
    with ws.read() as s:
        return dict(s.execute(sa.select(lm.Task.id, lm.Task.n_assigned)).tuples().all())


def test_next_items_claims_n_in_a_stable_order(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 6)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"])
    items = queue.next_items(ws, cid, "a1", 4)
    ids = [i.assignment_id for i in items]
    assert len(set(ids)) == 4
    assert [i.assignment_id for i in queue.next_items(ws, cid, "a1", 4)] == ids  # a refresh
    assert sum(n_assigned(ws).values()) == 4
    # the first one answered: the other three stay, in order, and one more is claimed
    answers.submit(ws, ids[0], "a1", Answer(choice=1))
    again = [i.assignment_id for i in queue.next_items(ws, cid, "a1", 4)]
    assert again[:3] == ids[1:] and again[3] not in ids
    # answered in the browser, not yet sent: held, not returned, not counted
    later = [i.assignment_id for i in queue.next_items(ws, cid, "a1", 2, exclude={again[0]})]
    assert later == again[1:3]


def test_asking_for_more_than_there_is_claims_each_task_once(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 3)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"], overlap=2)
    # k = 2 leaves room on every task after the first round: a second round must not take
    # the same tasks again for the same annotator
    assert len(queue.next_items(ws, cid, "a1", 5)) == 3
    assert sorted(n_assigned(ws).values()) == [1, 1, 1]


def test_two_annotators_with_k_1_never_get_the_same_task(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 10)
    users(ws, ["a1", "a2"])
    cid = campaign(ws, ["a1", "a2"], overlap=1)
    held: dict[str, list[int]] = {}
    errors: list[BaseException] = []

    def take(name: str) -> None:
        try:
            held[name] = [i.task_id for i in queue.next_items(ws, cid, name, 4)]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(a,)) for a in ("a1", "a2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(held["a1"]) == len(held["a2"]) == 4
    assert not set(held["a1"]) & set(held["a2"])
    assert max(n_assigned(ws).values()) == 1
    # with 2 left, a1 asking for 4 more gets its fair share (half of the 10), a2 the last one
    taken = queue.next_items(ws, cid, "a1", 8)
    assert len(taken) == 5 and not {i.task_id for i in taken} & set(held["a2"])
    assert len(queue.next_items(ws, cid, "a2", 8)) == 5
    assert queue.next_items(ws, cid, "a1", 8)[5:] == []


def test_a_fast_annotator_holds_no_more_than_a_fair_share(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 12)
    users(ws, ["a1", "a2", "a3"])
    cid = campaign(ws, ["a1", "a2", "a3"], overlap=1)
    assert len(queue.next_items(ws, cid, "a1", 2)) == 2
    assert len(queue.next_items(ws, cid, "a2", 2)) == 2
    # a1 answers fast and asks for 32: the 12 places are shared by the two at work
    assert len(queue.next_items(ws, cid, "a1", 32)) == 6
    # a3 arrives: a third of the work is theirs, though a1 asked first and asks again
    assert len(queue.next_items(ws, cid, "a3", 32)) == 4
    assert len(queue.next_items(ws, cid, "a1", 32)) == 6
    assert sum(n_assigned(ws).values()) == 12
    # held items whose lease expired do not count as someone at work
    _age(ws, [i.assignment_id for i in queue.next_items(ws, cid, "a2", 2)])
    answered = queue.next_items(ws, cid, "a3", 4)
    for item in answered:
        answers.submit(ws, item.assignment_id, "a3", Answer(choice=1))
    assert len(queue.next_items(ws, cid, "a3", 32)) == 2  # a2's two, stale, given back


def test_an_annotator_who_just_answered_everything_held_keeps_a_share(
    ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(ws, tmp_path, 12)
    users(ws, ["a1", "a2", "a3"])
    cid = campaign(ws, ["a1", "a2", "a3"], overlap=1)
    # a2 answers (and skips) all they held: holding nothing for a moment, still at work
    first, second = queue.next_items(ws, cid, "a2", 2)
    answers.submit(ws, first.assignment_id, "a2", Answer(choice=1))
    answers.skip(ws, second.assignment_id, "a2")
    # a3 answered long ago and left: not at work
    old = queue.next_items(ws, cid, "a3", 1)[0]
    answers.submit(ws, old.assignment_id, "a3", Answer(choice=1))
    _age(ws, [old.assignment_id])
    # the 10 free places are shared by a1 and a2, not all taken by a1
    assert len(queue.next_items(ws, cid, "a1", 32)) == 5
    # a2 may have the other 5, but not the one they skipped if a1 left it free
    skipped_free = n_assigned(ws)[second.task_id] == 0
    assert len(queue.next_items(ws, cid, "a2", 32)) == 5 - skipped_free
    assert sum(n_assigned(ws).values()) == 12 - skipped_free


def test_annotators_of_imported_labels_are_not_at_work(ws: Workspace, tmp_path: Path) -> None:
    from curation.labeling.io import import_labels

    pair_dataset(ws, tmp_path, 12)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"], overlap=2)
    with ws.read() as s:
        pair_ids = list(s.scalars(sa.select(lm.Task.pair_id).order_by(lm.Task.pair_id)))
    path = tmp_path / "labels.csv"
    path.write_text(
        "pair_id,annotator,choice\n" + "".join(f"{p},ext{n},A>B\n" for n, p in enumerate(pair_ids))
    )
    assert import_labels(ws, path, cid, actor="lead").imported == 12
    # twelve names from another tool, none of them an annotator here: a1 is alone at work
    assert len(queue.next_items(ws, cid, "a1", 32)) == 12


def test_alone_an_annotator_may_hold_all_they_ask_for(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 12)
    users(ws, ["a1", "a2"])
    cid = campaign(ws, ["a1", "a2"], overlap=1)
    assert len(queue.next_items(ws, cid, "a1", 32)) == 12
    assert queue.next_items(ws, cid, "a2", 4) == []


def test_placement_stays_balanced_when_claiming_ahead(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 20)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"])
    sides = Counter(i.shown_left for i in queue.next_items(ws, cid, "a1", 20))
    assert sides == Counter({"a": 10, "b": 10})


def test_released_items_return_to_the_pool_and_a_late_answer_retakes_one(
    ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(ws, tmp_path, 3)
    users(ws, ["a1", "a2"])
    cid = campaign(ws, ["a1", "a2"], overlap=1)
    mine = queue.next_items(ws, cid, "a1", 3)
    assert queue.next_items(ws, cid, "a2", 3) == []
    assert queue.release_claims(ws, "a1", cid, keep={mine[0].assignment_id}) == 2
    assert sorted(n_assigned(ws).values()) == [0, 0, 1]
    theirs = queue.next_items(ws, cid, "a2", 1)
    assert [i.task_id for i in theirs] == [mine[1].task_id]
    # a1's browser still sends answers on both released items: one was free again, one not
    answers.submit(ws, mine[2].assignment_id, "a1", Answer(choice=1), client_key="k-2")
    with pytest.raises(ConflictError, match="other annotators"):
        answers.submit(ws, mine[1].assignment_id, "a1", Answer(choice=1), client_key="k-1")
    assert max(n_assigned(ws).values()) == 1
    # released, then served to the same annotator again: the same row and placement
    assert queue.release_claims(ws, "a1") == 1
    back = queue.next_items(ws, cid, "a1", 1)
    assert (back[0].assignment_id, back[0].shown_left) == (
        mine[0].assignment_id,
        mine[0].shown_left,
    )


def test_an_answer_sent_twice_is_stored_once(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 2)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"])
    first, second = queue.next_items(ws, cid, "a1", 2)
    stored = answers.submit(ws, first.assignment_id, "a1", Answer(choice=2), client_key="x1")
    again = answers.submit(ws, first.assignment_id, "a1", Answer(choice=-2), client_key="x1")
    assert again.id == stored.id and again.choice == 2
    # the same undo sent twice withdraws one answer, not two
    answers.submit(ws, second.assignment_id, "a1", Answer(choice=1), client_key="x2")
    assert answers.undo_last(ws, cid, "a1", client_key="u1") == second.task_id
    assert answers.undo_last(ws, cid, "a1", client_key="u1") == second.task_id
    with ws.read() as s:
        rows = s.execute(
            sa.select(lm.Judgment.task_id, lm.Judgment.retracted, lm.Judgment.is_current)
        ).all()
    assert len(rows) == 3
    assert (first.task_id, False, True) in rows  # the first answer was not undone
    # a key is the annotator's own: another's equal key is another answer
    assert stored.client_key == "x1"


def test_concurrent_copies_of_one_answer_store_one_row(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 1)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"])
    (item,) = queue.next_items(ws, cid, "a1", 1)
    ids: list[int] = []

    def send() -> None:
        ids.append(answers.submit(ws, item.assignment_id, "a1", Answer(1), client_key="same").id)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 4 and len(set(ids)) == 1
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(lm.Judgment.id))) == 1


def test_thumbs_answers_and_flags_resent_are_stored_once(ws: Workspace, tmp_path: Path) -> None:
    answers_dataset(ws, tmp_path, 2)
    users(ws, ["a1"])
    cid = thumbs_campaign(ws, ["a1"])
    item = queue.next_items(ws, cid, "a1", 1)[0]
    assert item.kind == "thumbs"
    for _ in range(2):
        answers.submit(ws, item.assignment_id, "a1", answers.thumbs(False, "wrong"), client_key="t")
        assert answers.flag(ws, item.assignment_id, "a1", "odd", to=True) is True
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(lm.Judgment.id))) == 1
        assert s.get(lm.Assignment, item.assignment_id).flagged  # type: ignore[union-attr]


def test_a_batch_applies_in_order_and_maps_the_screen_to_the_pair(
    ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(ws, tmp_path, 4)
    users(ws, ["a1", "a2"])
    cid = campaign(ws, ["a1"], criteria=["helpfulness"], rationale_required_for=["both_bad"])
    one, two, three = queue.next_items(ws, cid, "a1", 3)
    ops = [
        {
            "key": "p1",
            "kind": "answer",
            "assignment": one.assignment_id,
            "screen": 2,  # left much better
            "criteria": {"helpfulness": {"left": 5, "right": 2}},
        },
        {"key": "p2", "kind": "answer", "assignment": two.assignment_id, "both_bad": True},
        {"key": "p3", "kind": "flag", "assignment": two.assignment_id, "on": True, "note": "odd"},
        {"key": "p4", "kind": "skip", "assignment": three.assignment_id},
        {"key": "p5", "kind": "undo"},
        {"kind": "answer", "assignment": two.assignment_id, "screen": 1},  # no key: ignored
        {"key": "p6", "kind": "answer", "assignment": 10**9, "screen": 1},  # not theirs
    ]
    result = apply_batch(ws, cid, "a1", ops)
    assert result.acked == ("p1", "p3", "p4", "p5") and result.stopped is None
    assert [(r.key, r.assignment_id) for r in result.refused] == [
        ("p2", two.assignment_id),
        ("p6", 10**9),
    ]
    assert "rationale" in result.refused[0].message
    with ws.read() as s:
        j = s.scalars(sa.select(lm.Judgment).order_by(lm.Judgment.id)).all()
        statuses = {a.id: (a.status, a.flagged) for a in s.scalars(sa.select(lm.Assignment))}
    other = "b" if one.shown_left == "a" else "a"
    assert j[0].choice == (2 if one.shown_left == "a" else -2)
    assert j[0].criteria == {"helpfulness": {one.shown_left: 5, other: 2}}
    assert j[1].retracted and j[1].client_key == "p5"  # the undo took back p1
    assert statuses[two.assignment_id] == ("open", True)
    assert statuses[three.assignment_id] == ("skipped", False)
    # the same batch again (its acknowledgement was lost): nothing more happens
    assert apply_batch(ws, cid, "a1", ops).acked == result.acked
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(lm.Judgment.id))) == 2
    # another annotator cannot answer a1's items
    refused = apply_batch(ws, cid, "a2", [{"key": "x", "kind": "skip", "assignment": 1}])
    assert refused.acked == () and len(refused.refused) == 1


def test_a_store_failure_stops_the_batch_and_the_rest_is_sent_again(
    sqlite_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sqlite_ws
    pair_dataset(ws, tmp_path, 3)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"])
    items = queue.next_items(ws, cid, "a1", 3)
    ops = [
        {"key": f"s{i}", "kind": "answer", "assignment": item.assignment_id, "screen": 1}
        for i, item in enumerate(items)
    ]
    real = answers.submit_in
    calls: list[str | None] = []

    def failing(*args: object, client_key: str | None = None, **kwargs: object) -> object:
        calls.append(client_key)
        if client_key == "s1":
            raise StorageError("the database is locked")
        return real(*args, client_key=client_key, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(answers, "submit_in", failing)
    result = apply_batch(ws, cid, "a1", ops)
    assert result.acked == ("s0",) and result.refused == ()
    assert result.stopped == "the database is locked" and calls == ["s0", "s1"]
    monkeypatch.setattr(answers, "submit_in", real)
    assert apply_batch(ws, cid, "a1", ops).acked == ("s0", "s1", "s2")  # the whole batch again
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(lm.Judgment.id))) == 3


def test_a_batch_whose_commit_fails_acknowledges_nothing(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair_dataset(ws, tmp_path, 3)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"], rationale_required_for=["both_bad"])
    one, two, three = queue.next_items(ws, cid, "a1", 3)
    ops = [
        {"key": "c1", "kind": "answer", "assignment": one.assignment_id, "screen": 1},
        {"key": "c2", "kind": "answer", "assignment": two.assignment_id, "both_bad": True},
        {"key": "c3", "kind": "skip", "assignment": three.assignment_id},
    ]
    real_tx = Workspace.tx

    @contextmanager
    def commit_fails(self: Workspace) -> Iterator[Session]:
        with real_tx(self) as session:
            yield session
            raise StorageError("the disk is full")  # rolls the whole batch back

    monkeypatch.setattr(Workspace, "tx", commit_fails)
    assert apply_batch(ws, cid, "a1", ops) == BatchResult((), (), "the disk is full")
    monkeypatch.setattr(Workspace, "tx", real_tx)
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(lm.Judgment.id))) == 0
    # sent again: the refusal in the middle holds back neither the answer before nor the skip
    result = apply_batch(ws, cid, "a1", ops)
    assert result.acked == ("c1", "c3") and [r.key for r in result.refused] == ["c2"]
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(lm.Judgment.id))) == 1
        assert s.get(lm.Assignment, three.assignment_id).status == "skipped"  # type: ignore[union-attr]


def _age(ws: Workspace, assignment_ids: list[int], hours: int = 3) -> None:
    with ws.tx() as s:
        s.execute(
            sa.update(lm.Assignment)
            .where(lm.Assignment.id.in_(assignment_ids))
            .values(updated_at=m.utcnow() - timedelta(hours=hours))
        )


def test_stale_items_are_given_back_once_however_many_ask_at_once(
    ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(ws, tmp_path, 2)
    names = ["gone", "b1", "b2", "b3", "b4"]
    users(ws, names)
    cid = campaign(ws, names, overlap=1)
    _age(ws, [i.assignment_id for i in queue.next_items(ws, cid, "gone", 2)])
    start = threading.Barrier(4)
    held: dict[str, list[int]] = {}
    errors: list[BaseException] = []

    def take(name: str) -> None:
        try:
            start.wait()
            held[name] = [i.task_id for i in queue.next_items(ws, cid, name, 2)]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(a,)) for a in names[1:]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    served = Counter(t for tasks in held.values() for t in tasks)
    assert sorted(served.values()) == [1, 1]  # each task to one annotator: k = 1 holds
    assert sorted(n_assigned(ws).values()) == [1, 1]
    with ws.read() as s:
        statuses = Counter(s.scalars(sa.select(lm.Assignment.status)).all())
    assert statuses == Counter({"open": 2, "expired": 2})


def test_a_refill_renews_the_lease_of_held_items(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 2)
    users(ws, ["a1", "a2"])
    cid = campaign(ws, ["a1", "a2"], overlap=1)
    mine = queue.next_items(ws, cid, "a1", 2)
    _age(ws, [i.assignment_id for i in mine])
    # the browser asks for more while the annotator reads: both items are still in use
    assert [i.assignment_id for i in queue.next_items(ws, cid, "a1", 2)] == [
        i.assignment_id for i in mine
    ]
    assert queue.next_items(ws, cid, "a2", 2) == []
    answers.submit(ws, mine[1].assignment_id, "a1", Answer(choice=1), client_key="late")


def test_a_nul_in_a_rationale_is_dropped_not_refused_by_the_database(
    ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(ws, tmp_path, 1)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"])
    (item,) = queue.next_items(ws, cid, "a1", 1)
    op = {"key": "n", "kind": "answer", "assignment": item.assignment_id, "screen": 1}
    result = apply_batch(ws, cid, "a1", [{**op, "rationale": "pasted\x00text"}])
    assert result.acked == ("n",) and result.stopped is None
    with ws.read() as s:
        assert s.scalar(sa.select(lm.Judgment.rationale)) == "pastedtext"


def test_an_operation_the_database_rejects_is_refused_not_retried_forever(
    sqlite_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sqlite_ws
    pair_dataset(ws, tmp_path, 2)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"])
    items = queue.next_items(ws, cid, "a1", 2)
    ops = [
        {"key": f"d{i}", "kind": "answer", "assignment": item.assignment_id, "screen": 1}
        for i, item in enumerate(items)
    ]
    real = answers.submit_in

    def failing(*args: object, client_key: str | None = None, **kwargs: object) -> object:
        if client_key == "d0":
            raise sa.exc.DataError("INSERT ...", {}, ValueError("bad byte"))
        return real(*args, client_key=client_key, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(answers, "submit_in", failing)
    result = apply_batch(ws, cid, "a1", ops)
    assert result.acked == ("d1",) and result.stopped is None
    assert [r.key for r in result.refused] == ["d0"]
    assert "database refused it" in result.refused[0].message
    assert "INSERT" not in result.refused[0].message


def test_a_deadlock_is_a_storage_failure_to_try_again() -> None:
    from curation.store.failures import storage_error

    class DeadlockError(Exception):
        sqlstate = "40P01"

    DeadlockError.__module__ = "psycopg.errors"
    failure = storage_error(sa.exc.OperationalError("UPDATE ...", {}, DeadlockError("deadlock")))
    assert isinstance(failure, StorageError) and "try again" in str(failure)


def test_an_undo_naming_its_answer_never_takes_back_another(ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(ws, tmp_path, 3)
    users(ws, ["a1"])
    cid = campaign(ws, ["a1"], rationale_required_for=["both_bad"])
    one, two, _ = queue.next_items(ws, cid, "a1", 3)
    x = {"key": "x", "kind": "answer", "assignment": one.assignment_id, "screen": 1}
    y = {"key": "y", "kind": "answer", "assignment": two.assignment_id, "both_bad": True}
    # X stored; Y sent with U pressed on it; Y refused (no rationale): X stays stored
    result = apply_batch(ws, cid, "a1", [x, y, {"key": "u1", "kind": "undo", "target": "y"}])
    assert result.acked == ("x",) and [r.key for r in result.refused] == ["y", "u1"]
    assert "not stored" in result.refused[1].message
    with ws.read() as s:
        assert (
            s.scalar(sa.select(lm.Judgment.retracted).where(lm.Judgment.client_key == "x")) is False
        )
        assert s.scalar(sa.select(sa.func.count(lm.Judgment.id))) == 1
    # another tab answered the same item again since: this tab's undo of x undoes nothing
    again = {**x, "key": "x2", "screen": 2}
    assert apply_batch(ws, cid, "a1", [again]).acked == ("x2",)
    stale = apply_batch(ws, cid, "a1", [{"key": "u2", "kind": "undo", "target": "x"}])
    assert stale.acked == () and "replaced" in stale.refused[0].message
    # the undo of the current answer reopens its item, and says which
    done = apply_batch(ws, cid, "a1", [{"key": "u3", "kind": "undo", "target": "x2"}])
    assert done.acked == ("u3",) and done.reopened == (("u3", one.assignment_id),)
    with ws.read() as s:
        assert s.get(lm.Assignment, one.assignment_id).status == "open"  # type: ignore[union-attr]
